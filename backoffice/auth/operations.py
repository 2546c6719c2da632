"""Create users, check passwords, open and end login sessions."""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta

from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from backoffice.audit.operations import record_event
from backoffice.auth.models import LoginSession, Role, User
from backoffice.core.errors import InvalidInput
from backoffice.core.time import utcnow
from backoffice.extensions import db

logger = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 10
# A hash computed once, so an unknown username costs as much as a wrong password.
_DUMMY_HASH = generate_password_hash("tidak-ada-pengguna-ini")


class LoginRefused(Exception):
    """Login failed; ``message`` is what the login page shows."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.")
    return generate_password_hash(password, method="scrypt")


def create_user(
    username: str,
    password: str,
    roles: set[Role],
    *,
    full_name: str | None = None,
    nip: str | None = None,
    position: str | None = None,
    actor: User | None = None,
) -> User:
    """Add a staff account with the given roles."""
    username = username.strip().lower()
    if not username:
        raise InvalidInput("Nama pengguna wajib diisi.")
    if db.session.scalar(select(User).where(User.username == username)):
        raise InvalidInput(f"Nama pengguna {username} sudah dipakai.")
    if not roles:
        raise InvalidInput("Pengguna harus memiliki paling sedikit satu peran.")

    user = User(
        username=username,
        password_hash=hash_password(password),
        full_name=full_name or username,
        nip=nip,
        position=position,
    )
    user.roles = roles
    db.session.add(user)
    record_event(actor, "user.create", user, after={"roles": sorted(roles)})
    return user


def set_password(user: User, password: str, *, actor: User | None) -> None:
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    end_all_sessions(user)
    record_event(actor, "user.password", user)


def authenticate(
    username: str, password: str, *, max_failures: int, lock_minutes: int
) -> User:
    """Return the user whose credentials these are, or raise LoginRefused.

    After ``max_failures`` wrong passwords in a row the account is locked for
    ``lock_minutes``: guessing gets no further than that many tries.
    """
    refused = LoginRefused("Nama pengguna atau kata sandi salah.")
    user = db.session.scalar(
        select(User).where(User.username == username.strip().lower())
    )
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        raise refused

    now = utcnow()
    if user.locked_until and user.locked_until > now:
        raise LoginRefused(
            "Akun dikunci sementara karena terlalu banyak percobaan gagal. "
            "Coba lagi nanti atau hubungi admin."
        )

    if not check_password_hash(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= max_failures:
            user.locked_until = now + timedelta(minutes=lock_minutes)
            user.failed_logins = 0
            logger.warning("account %s locked after failed logins", user.username)
        raise refused

    if not user.active:
        raise LoginRefused("Akun ini nonaktif. Hubungi admin.")

    user.failed_logins = 0
    user.locked_until = None
    return user


def open_session(user: User, remote_addr: str | None) -> LoginSession:
    """Start a server-side login session for ``user``."""
    login = LoginSession(
        token=secrets.token_urlsafe(32), user_id=user.id, remote_addr=remote_addr
    )
    db.session.add(login)
    record_event(user, "auth.login", user)
    return login


def end_session(token: str) -> None:
    login = db.session.get(LoginSession, token)
    if login is not None and login.ended_at is None:
        login.ended_at = utcnow()
        record_event(login.user, "auth.logout", login.user)


def end_all_sessions(user: User) -> None:
    now = utcnow()
    for login in db.session.scalars(
        select(LoginSession).where(
            LoginSession.user_id == user.id, LoginSession.ended_at.is_(None)
        )
    ):
        login.ended_at = now


def load_session_user(token: str, idle_minutes: int = 60) -> User | None:
    """Return the user of a live session token, or None if it was ended.

    A session left idle longer than ``idle_minutes`` ends: office computers
    are shared, and a clerk who walks away should not leave a case open.
    """
    login = db.session.get(LoginSession, token)
    if login is None or login.ended_at is not None:
        return None
    if not login.user.active:
        return None

    now = utcnow()
    if now - login.last_seen_at > timedelta(minutes=idle_minutes):
        login.ended_at = now
        db.session.commit()
        return None
    if now - login.last_seen_at > timedelta(minutes=1):
        login.last_seen_at = now  # written at most once a minute
        db.session.commit()
    return login.user
