from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from backoffice.extensions import db


def test_migrations_create_exactly_the_models_schema(app):
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)

    assert differences == []
