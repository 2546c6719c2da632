from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from backoffice.audit.models import AuditEvent
from backoffice.auth.models import Role, User
from backoffice.extensions import db
from tests.conftest import PASSWORD, csrf_token_from, login


def test_login_with_right_password_opens_dashboard(client, make_user):
    user = make_user(Role.FRONT_OFFICE, full_name="Siti Aminah")

    response = login(client, user)
    page = client.get("/")

    assert response.status_code == 302
    assert "Selamat datang, Siti Aminah" in page.text


def test_login_with_wrong_password_is_refused_in_indonesian(client, make_user):
    user = make_user(Role.FRONT_OFFICE)

    response = login(client, user, password="salah-sekali-123")

    assert response.status_code == 401
    assert "Nama pengguna atau kata sandi salah." in response.text
    assert client.get("/").status_code == 302


def test_password_is_stored_with_a_modern_kdf(make_user):
    user = make_user(Role.ADMIN)

    assert user.password_hash.startswith("scrypt:")
    assert PASSWORD not in user.password_hash


def test_repeated_failures_lock_the_account_even_for_the_right_password(
    client, make_user
):
    user = make_user(Role.BACK_OFFICE)

    for _ in range(5):
        login(client, user, password="tebakan-salah-1")
    response = login(client, user)

    assert response.status_code == 401
    assert "dikunci sementara" in response.text


def test_logout_ends_the_session_on_the_server(app: Flask, client, make_user):
    user = make_user(Role.SUPERVISOR)
    login(client, user)
    stolen_cookie = client.get_cookie("session")
    assert stolen_cookie is not None

    client.post("/logout")
    replay = app.test_client()
    replay.set_cookie("session", stolen_cookie.value)

    assert replay.get("/").status_code == 302
    assert "/login" in replay.get("/").headers["Location"]


def test_next_redirects_only_within_this_site(client, make_user):
    user = make_user(Role.FRONT_OFFICE)

    outside = client.post(
        "/login",
        data={
            "username": user.username,
            "password": PASSWORD,
            "next": "//evil.example/x",
        },
    )
    client.post("/logout")
    inside = client.post(
        "/login",
        data={"username": user.username, "password": PASSWORD, "next": "/service/"},
    )

    assert outside.headers["Location"] == "/"
    assert inside.headers["Location"] == "/service/"


def test_inactive_user_cannot_log_in(client, make_user):
    user = make_user(Role.FRONT_OFFICE, active=False)

    response = login(client, user)

    assert response.status_code == 401
    assert "nonaktif" in response.text


def test_login_form_requires_a_csrf_token(app: Flask, make_user):
    app.config["WTF_CSRF_ENABLED"] = True
    user = make_user(Role.ADMIN)
    client = app.test_client()

    without = client.post(
        "/login", data={"username": user.username, "password": PASSWORD}
    )
    token = csrf_token_from(client.get("/login").text)
    with_token = client.post(
        "/login",
        data={"username": user.username, "password": PASSWORD, "csrf_token": token},
    )

    assert without.status_code in (400, 200)
    assert client.get("/service/").status_code == 200
    assert with_token.status_code == 302


def test_create_user_command_makes_a_user_with_several_roles(app: Flask):
    runner = app.test_cli_runner()

    result = runner.invoke(
        args=[
            "create-user",
            "rina",
            "--role",
            "back_office",
            "--role",
            "supervisor",
            "--password",
            "kata-sandi-panjang",
        ]
    )

    user = db.session.scalar(select(User).where(User.username == "rina"))
    assert result.exit_code == 0, result.output
    assert user.roles == {Role.BACK_OFFICE, Role.SUPERVISOR}


def test_create_user_command_prompts_for_a_missing_password(app: Flask):
    runner = app.test_cli_runner()

    result = runner.invoke(
        args=["create-user", "budi", "--role", "front_office"],
        input="kata-sandi-panjang\nkata-sandi-panjang\n",
    )

    assert result.exit_code == 0, result.output
    assert login(app.test_client(), "budi", "kata-sandi-panjang").status_code == 302


def test_create_user_command_rejects_a_short_password(app: Flask):
    result = app.test_cli_runner().invoke(
        args=["create-user", "andi", "--role", "admin", "--password", "pendek"]
    )

    assert result.exit_code != 0
    assert "minimal 10 karakter" in result.output


def test_first_admin_password_is_random_and_printed_once(app: Flask):
    runner = app.test_cli_runner()

    first = runner.invoke(args=["create-first-admin"])
    second = runner.invoke(args=["create-first-admin"])
    password = first.output.split("kata sandi:")[1].split()[0]

    assert login(app.test_client(), "admin", password).status_code == 302
    assert "tidak dibuat lagi" in second.output


def test_login_and_logout_are_audited(client, make_user):
    user = make_user(Role.FRONT_OFFICE)

    login(client, user)
    client.post("/logout")

    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.user_id == user.id)
    ).all()
    assert "auth.login" in actions
    assert "auth.logout" in actions


def test_pages_carry_security_headers_and_are_not_cached(client, login_as):
    login_as(Role.FRONT_OFFICE)

    response = client.get("/")

    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": True}


def test_healthz_says_when_the_database_is_unreachable(tmp_path):
    from backoffice import create_app

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "uji",
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:9/none",
            "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"connect_timeout": 2}},
            "STORAGE_DIR": str(tmp_path),
        }
    )

    with app.app_context():
        response = app.test_client().get("/healthz")
        from backoffice.extensions import db

        db.engine.dispose()

    assert response.status_code == 503
    assert response.get_json()["database"] is False


@pytest.mark.usefixtures("app")  # the schema exists
def test_login_attempts_from_one_address_are_rate_limited(database_url, tmp_path):
    from backoffice import create_app

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "uji",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "STORAGE_DIR": str(tmp_path),
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    client = app.test_client()

    with app.app_context():
        answers = [
            client.post("/login", data={"username": f"tebak{n}", "password": "x"})
            for n in range(21)
        ]
        from backoffice.extensions import db

        db.session.remove()
        db.engine.dispose()

    assert {a.status_code for a in answers[:20]} == {401}
    assert answers[20].status_code == 429
    assert "Terlalu banyak permintaan" in answers[20].text


def test_an_idle_session_ends_by_itself(client, make_user):
    from datetime import timedelta

    from backoffice.auth.models import LoginSession
    from backoffice.core.time import utcnow

    user = make_user(Role.FRONT_OFFICE)
    login(client, user)
    assert client.get("/").status_code == 200
    session_row = db.session.scalar(select(LoginSession))
    session_row.last_seen_at = utcnow() - timedelta(minutes=61)
    db.session.commit()

    response = client.get("/")

    db.session.expire_all()
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert db.session.scalar(select(LoginSession)).ended_at is not None


def test_admin_creates_a_user_with_roles_in_the_admin_ui(app, client, login_as):
    login_as(Role.ADMIN)

    response = client.post(
        "/user/new/",
        data={
            "username": "Dewi",
            "full_name": "Dewi Kartika",
            "nip": "198805122015032001",
            "position": "Analis Jaminan Sosial",
            "active": "y",
            "role_names": ["back_office", "supervisor"],
            "new_password": "kata-sandi-dewi-1",
        },
    )

    user = db.session.scalar(select(User).where(User.username == "dewi"))
    assert response.status_code == 302
    assert user.roles == {Role.BACK_OFFICE, Role.SUPERVISOR}
    assert login(app.test_client(), "dewi", "kata-sandi-dewi-1").status_code == 302


def test_deactivating_a_user_ends_their_sessions(app, client, login_as, make_user):
    login_as(Role.ADMIN)
    clerk = make_user(Role.FRONT_OFFICE)
    clerk_client = app.test_client()
    login(clerk_client, clerk)

    client.post(
        f"/user/edit/?id={clerk.id}",
        data={
            "username": clerk.username,
            "full_name": clerk.full_name,
            "role_names": ["front_office"],
        },
    )

    assert clerk_client.get("/").status_code == 302
