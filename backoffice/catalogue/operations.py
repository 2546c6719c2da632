"""Seed and maintain the service catalogue and region reference data."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select

from backoffice.catalogue.models import Requirement, Service, Step
from backoffice.catalogue.seed_data import SERVICES
from backoffice.extensions import db
from backoffice.people.models import Kecamatan
from ocr.regions import KAMPAR_KECAMATAN

logger = logging.getLogger(__name__)

SERVICE_FIELDS = (
    "name",
    "area",
    "description",
    "letter_kind",
    "sla_days",
    "classification_code",
    "active",
    "sensitivity",
    "requires_dtks",
    "requires_assessment",
    "has_applicant",
    "exclusive_group",
    "block_duplicates",
    "follow_up_months",
    "referral_target",
)


def build_service(definition: dict[str, Any]) -> Service:
    """Make a Service with its requirements and steps from a seed definition."""
    service = Service(code=definition["code"])
    for field in SERVICE_FIELDS:
        if field in definition:
            setattr(service, field, definition[field])

    for position, item in enumerate(definition["requirements"], start=1):
        service.requirements.append(Requirement(position=position, **item))
    for position, item in enumerate(definition["steps"], start=1):
        service.steps.append(Step(position=position, **item))
    return service


def seed_services() -> list[str]:
    """Add the SOP's services that are missing; never touch existing ones.

    A service whose code exists is left as it is, so an admin's edits to its
    name, requirements or steps survive every later seed.
    """
    existing = set(db.session.scalars(select(Service.code)))
    added = []
    for definition in SERVICES:
        if definition["code"] in existing:
            continue
        db.session.add(build_service(definition))
        added.append(definition["code"])

    db.session.flush()
    if added:
        logger.info("seeded services %s", ", ".join(added))
    return added


def seed_kecamatan() -> int:
    """Add Kampar's kecamatan that are missing."""
    existing = set(db.session.scalars(select(Kecamatan.code)))
    count = 0
    for code, name in KAMPAR_KECAMATAN:
        if code not in existing:
            db.session.add(Kecamatan(code=code, name=name))
            count += 1
    db.session.flush()
    return count
