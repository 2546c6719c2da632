"""Record audit events inside the caller's transaction."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect

from backoffice.audit.models import AuditEvent
from backoffice.auth.models import User
from backoffice.extensions import db

logger = logging.getLogger(__name__)

# Columns never copied into the audit trail.
SECRET_COLUMNS = frozenset({"password_hash", "pdf", "content"})


def plain(value: Any) -> Any:
    """Turn a column value into something JSON can hold."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} byte>"
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def snapshot(record: Any) -> dict[str, Any]:
    """Return the column values of ``record`` as a JSON-able dict."""
    mapper = inspect(record).mapper
    return {
        column.key: plain(getattr(record, column.key))
        for column in mapper.column_attrs
        if column.key not in SECRET_COLUMNS
    }


def changed_values(record: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return (before, after) of the columns changed on a dirty record."""
    state = inspect(record)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in SECRET_COLUMNS:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            before[attr.key] = plain(history.deleted[0] if history.deleted else None)
            after[attr.key] = plain(history.added[0] if history.added else None)
    return before, after


def record_event(
    actor: User | None,
    action: str,
    record: Any,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
) -> AuditEvent:
    """Add an audit event for ``record`` to the session and flush it."""
    db.session.flush()
    identity = inspect(record).identity
    event = AuditEvent(
        user_id=actor.id if actor is not None else None,
        action=action,
        entity=type(record).__tablename__,
        entity_id=":".join(str(part) for part in identity) if identity else None,
        before=before,
        after=after,
        reason=reason,
    )
    db.session.add(event)
    db.session.flush()
    logger.info(
        "%s by %s on %s#%s",
        action,
        actor.username if actor else "system",
        event.entity,
        event.entity_id,
    )
    return event
