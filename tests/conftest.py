"""Shared fixtures: every test that uses ``app`` runs on SQLite and PostgreSQL.

PostgreSQL is the server at ``TEST_POSTGRES_URL`` (default: the local one
with trust auth); the suite creates its own database and drops it at the
end. Without a reachable server the PostgreSQL runs are skipped, unless
``REQUIRE_POSTGRES=1`` (CI), which turns that into a failure.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import text

from backoffice import create_app
from backoffice.auth.models import Role, User
from backoffice.auth.operations import create_user
from backoffice.catalogue.operations import seed_kecamatan, seed_services
from backoffice.correspondence.operations import seed_letter_templates
from backoffice.extensions import db

pytest_plugins = ["tests.correspondence_fixtures"]

ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
PASSWORD = "kata-sandi-uji-123"


def postgres_reachable() -> bool:
    try:
        with psycopg.connect(ADMIN_URL, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "test.sqlite3"
        yield f"sqlite:///{path}"
        return

    if not postgres_reachable():
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL unreachable at {ADMIN_URL}")
        pytest.skip("PostgreSQL unreachable")

    name = f"dinsos_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}".replace("postgresql://", "postgresql+psycopg://", 1)
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_migrated: set[str] = set()


@pytest.fixture()
def app(database_url: str, tmp_path: Path) -> Iterator[Flask]:
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "uji",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
            "STORAGE_DIR": str(tmp_path / "berkas"),
            "RATELIMIT_ENABLED": False,
            "WTF_CSRF_ENABLED": False,
            "OCR_INLINE": True,
            "REDIS_URL": None,
            "PUBLIC_BASE_URL": "http://dinsos.test",
        }
    )
    with app.app_context():
        if database_url not in _migrated:
            upgrade()
            _migrated.add(database_url)
        clear_tables()
        seed_services()
        seed_kecamatan()
        seed_letter_templates()
        db.session.commit()
        yield app
        db.session.remove()
        db.engine.dispose()


def clear_tables() -> None:
    tables = [t for t in reversed(db.metadata.sorted_tables)]
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture()
def make_user(app: Flask) -> Callable[..., User]:
    """Return a factory: ``make_user(Role.ADMIN, username="x")``."""
    counter = iter(range(1, 1000))

    def make(*roles: Role, username: str | None = None, **fields: Any) -> User:
        name = username or f"{'_'.join(sorted(r.value for r in roles))}{next(counter)}"
        user = create_user(
            name,
            PASSWORD,
            set(roles),
            full_name=fields.pop("full_name", name.replace("_", " ").title()),
            nip=fields.pop("nip", "198001012005011001"),
            position=fields.pop("position", "Staf Dinas Sosial"),
        )
        for key, value in fields.items():
            setattr(user, key, value)
        db.session.commit()
        return user

    return make


def login(client: FlaskClient, user: User | str, password: str = PASSWORD) -> Any:
    username = user if isinstance(user, str) else user.username
    return client.post(
        "/login", data={"username": username, "password": password}
    )


@pytest.fixture()
def login_as(client: FlaskClient, make_user: Callable[..., User]) -> Callable[..., User]:
    """Return a function that logs the test client in as a new user with roles."""

    def log_in(*roles: Role, **fields: Any) -> User:
        user = make_user(*roles, **fields)
        response = login(client, user)
        assert response.status_code == 302, response.text
        return user

    return log_in


def csrf_token_from(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)
