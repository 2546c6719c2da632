"""Private, content-addressed storage of uploaded files.

A file is written to a temporary name, synced, then renamed into place, so
a crash never leaves half a file under a real name. Files live outside the
static folder and are only served through views that check access.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from flask import current_app


def storage_root() -> Path:
    root = Path(current_app.config["STORAGE_DIR"])
    root.mkdir(parents=True, exist_ok=True)
    return root


def path_for(key: str) -> Path:
    if not key.isalnum():
        raise ValueError("invalid storage key")
    return storage_root() / key[:2] / key


def store_bytes(data: bytes) -> tuple[str, str]:
    """Store ``data``; return (storage key, SHA-256). Storing twice is harmless."""
    digest = hashlib.sha256(data).hexdigest()
    target = path_for(digest)
    if target.exists():
        return digest, digest

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return digest, digest


def delete_file(key: str) -> bool:
    """Remove a stored file; say whether there was one."""
    target = path_for(key)
    if not target.exists():
        return False
    target.unlink()
    return True


def read_bytes(key: str) -> bytes:
    return path_for(key).read_bytes()
