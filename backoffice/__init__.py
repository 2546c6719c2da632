"""The Dinas Sosial Kabupaten Kampar back office."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask

from backoffice.config import load_config


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the application; ``overrides`` replace configuration (tests)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(load_config(Path(app.instance_path)))
    app.config.update(overrides or {})

    init_logging(app)
    init_extensions(app)
    init_blueprints(app)
    init_admin_views(app)
    init_commands(app)
    return app


def init_logging(app: Flask) -> None:
    if not app.debug and not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)


def init_extensions(app: Flask) -> None:
    from backoffice import models  # noqa: F401  (register every table)
    from backoffice.auth.access import init_access
    from backoffice.auth.loader import init_login
    from backoffice.core.i18n import init_i18n
    from backoffice.extensions import csrf, db, limiter, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(app.root_path).parent / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    init_i18n(app)
    init_template_globals(app)
    init_login(app)
    init_access(app)


def init_template_globals(app: Flask) -> None:
    from backoffice.catalogue.models import DOC_KIND_LABELS

    app.jinja_env.globals["doc_kind_labels"] = DOC_KIND_LABELS


def init_blueprints(app: Flask) -> None:
    from backoffice.auth.views import bp as auth_bp
    from backoffice.core.errors_views import init_error_handlers
    from backoffice.core.views import bp as core_bp
    from backoffice.correspondence.views import register_blueprint as letters_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(core_bp)
    letters_bp(app)
    init_error_handlers(app)


def init_admin_views(app: Flask) -> None:
    from backoffice.admin import init_admin

    init_admin(app)


def init_commands(app: Flask) -> None:
    from backoffice.auth.cli import register_commands as auth_commands
    from backoffice.cases.cli import register_commands as case_commands
    from backoffice.catalogue.cli import register_commands as catalogue_commands
    from backoffice.scanning.cli import register_commands as scanning_commands

    auth_commands(app)
    case_commands(app)
    catalogue_commands(app)
    scanning_commands(app)
