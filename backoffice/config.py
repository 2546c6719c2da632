"""Configuration read once from the environment and parsed strictly."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class ConfigError(RuntimeError):
    """The environment does not describe a usable configuration."""


def env_flag(name: str, default: bool = False) -> bool:
    """Read a boolean variable; anything but a known word is an error."""
    raw = os.environ.get(name)
    if raw is None:
        return default

    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigError(f"{name}={raw!r} bukan nilai benar/salah yang dikenal")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} bukan bilangan bulat") from exc


def development_secret(instance_path: Path) -> str:
    """Return a per-installation random key kept under ``instance/``.

    Only used when the app runs on its embedded defaults (no DATABASE_URL):
    a production deployment must set SECRET_KEY itself.
    """
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def load_config(instance_path: Path) -> dict[str, object]:
    """Build the Flask config mapping from the environment."""
    database_url = os.environ.get("DATABASE_URL", "").strip()
    embedded = not database_url
    if embedded:
        database_url = f"sqlite:///{instance_path / 'backoffice.sqlite3'}"
    database_url = database_url.replace("postgresql://", "postgresql+psycopg://", 1)

    secret_key = os.environ.get("SECRET_KEY", "").strip()
    if not secret_key:
        if not embedded:
            raise ConfigError("SECRET_KEY wajib diisi bila DATABASE_URL dipakai")
        secret_key = development_secret(instance_path)

    storage_dir = os.environ.get("STORAGE_DIR") or str(instance_path / "berkas")
    redis_url = os.environ.get("REDIS_URL", "").strip() or None

    return {
        "SECRET_KEY": secret_key,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "STORAGE_DIR": storage_dir,
        "REDIS_URL": redis_url,
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        "RATELIMIT_ENABLED": env_flag("RATELIMIT_ENABLED", True),
        "MAX_CONTENT_LENGTH": env_int("MAX_UPLOAD_MB", 25) * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env_flag("SESSION_COOKIE_SECURE", not embedded),
        "PERMANENT_SESSION_LIFETIME": env_int("SESSION_MINUTES", 480) * 60,
        "SESSION_IDLE_MINUTES": env_int("SESSION_IDLE_MINUTES", 60),
        "BABEL_DEFAULT_LOCALE": "id",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Jakarta",
        "OCR_INLINE": env_flag("OCR_INLINE", False),
        "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", "").rstrip("/"),
        "LOGIN_MAX_FAILURES": env_int("LOGIN_MAX_FAILURES", 5),
        "LOGIN_LOCK_MINUTES": env_int("LOGIN_LOCK_MINUTES", 15),
        "SCAN_RETENTION_YEARS": env_int("SCAN_RETENTION_YEARS", 5),
    }
