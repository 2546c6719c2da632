"""Seed letter templates; issue, number, revoke and verify letters."""

from __future__ import annotations

import logging

from sqlalchemy import select

from backoffice.correspondence.models import LetterTemplate, OfficeProfile
from backoffice.extensions import db

logger = logging.getLogger(__name__)


def seed_letter_templates() -> int:
    """Add the default template of each letter kind that has none yet."""
    from letters import DEFAULT_TEMPLATES

    existing = set(db.session.scalars(select(LetterTemplate.kind)))
    added = 0
    for kind, default in DEFAULT_TEMPLATES.items():
        if kind in existing:
            continue
        db.session.add(LetterTemplate(kind=kind, title=default.title, source=default.source))
        added += 1
    if db.session.get(OfficeProfile, 1) is None:
        db.session.add(OfficeProfile(id=1))
    db.session.flush()
    return added
