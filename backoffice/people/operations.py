"""A person's own data, gathered for a data subject's request (UU PDP).

A resident may ask what the office holds about them and who processed it; the
law gives the office 3x24 hours to answer. :func:`personal_data` collects the
person's record, their cases, the scans and letters of those cases, and every
audit event that touched any of them; :func:`render_personal_data_copy` prints
that as a PDF for the resident.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select

from backoffice.audit.models import AuditEvent
from backoffice.audit.operations import record_event
from backoffice.auth.models import User
from backoffice.core.errors import InvalidInput, NotFound
from backoffice.core.i18n import action_label
from backoffice.core.time import office_today, to_office
from backoffice.extensions import db
from backoffice.people.models import Person

logger = logging.getLogger(__name__)


@dataclass
class PersonalData:
    """Everything the office holds about one person, and who processed it."""

    person: Person
    cases: list[Any] = field(default_factory=list)
    documents: list[Any] = field(default_factory=list)
    letters: list[Any] = field(default_factory=list)
    events: list[AuditEvent] = field(default_factory=list)


def find_person_by_nik(text: str) -> Person:
    """Return the person with the NIK typed in ``text``, or say why not."""
    nik = "".join(text.split())
    if len(nik) != 16 or not nik.isdigit():
        raise InvalidInput("NIK harus 16 angka.")

    person = db.session.scalar(select(Person).where(Person.nik == nik))
    if person is None:
        raise NotFound("Tidak ada data dengan NIK tersebut.")
    return person


def personal_data(person: Person) -> PersonalData:
    """Gather the person's record, cases, scans, letters and processing log."""
    from backoffice.cases.models import Case
    from backoffice.correspondence.models import IssuedLetter

    cases = list(
        db.session.scalars(
            select(Case)
            .where(
                or_(Case.beneficiary_id == person.id, Case.applicant_id == person.id)
            )
            .order_by(Case.received_at)
        )
    )
    case_ids = [case.id for case in cases]
    letters = list(
        db.session.scalars(
            select(IssuedLetter)
            .where(IssuedLetter.case_id.in_(case_ids))
            .order_by(IssuedLetter.issued_at)
        )
    )
    documents = [document for case in cases for document in case.documents]

    touched = {"person": [person.id], "case_file": case_ids}
    touched["document"] = [document.id for document in documents]
    touched["issued_letter"] = [letter.id for letter in letters]
    for case in cases:
        for name, records in (
            ("case_requirement", case.requirements),
            ("dtks_check", case.dtks_checks),
            ("assessment", case.assessments),
            ("follow_up", case.follow_ups),
        ):
            touched.setdefault(name, []).extend(record.id for record in records)
    return PersonalData(
        person=person,
        cases=cases,
        documents=documents,
        letters=letters,
        events=_events_about(touched),
    )


def _events_about(touched: dict[str, list[int]]) -> list[AuditEvent]:
    conditions = [
        and_(AuditEvent.entity == entity, AuditEvent.entity_id.in_(map(str, ids)))
        for entity, ids in touched.items()
        if ids
    ]
    return list(
        db.session.scalars(
            select(AuditEvent).where(or_(*conditions)).order_by(AuditEvent.at)
        )
    )


def render_personal_data_copy(data: PersonalData, actor: User) -> bytes:
    """Print the copy for the resident and record that it was handed out."""
    from backoffice.correspondence.operations import letterhead_of, office_profile
    from letters import LetterError, render_letter
    from letters.defaults import SALINAN_DATA_PRIBADI

    context = {
        "letter": {"date": office_today()},
        "person": data.person,
        "cases": [_case_row(case, data.person) for case in data.cases],
        "documents": [
            {
                "case": document.case.number,
                "name": document.original_name
                + (" (sudah dimusnahkan)" if document.purged_at else ""),
                "requirement": document.case_requirement.text
                if document.case_requirement
                else "",
                "uploaded_at": to_office(document.uploaded_at),
            }
            for document in data.documents
        ],
        "letters": [
            {
                "number": letter.number,
                "title": letter.title,
                "date": letter.letter_date,
                "status": letter.status_label,
            }
            for letter in data.letters
        ],
        "events": [
            {
                "at": to_office(event.at),
                "who": _who(event.user),
                "what": action_label(event.action),
            }
            for event in data.events
        ],
        "officer": {"nama": actor.full_name, "nip": actor.nip},
    }
    try:
        rendered = render_letter(
            SALINAN_DATA_PRIBADI, context, letterhead=letterhead_of(office_profile())
        )
    except LetterError as exc:
        raise InvalidInput(exc.message) from exc

    record_event(
        actor,
        "person.data_copy",
        data.person,
        after={"cases": len(data.cases), "events": len(data.events)},
    )
    return rendered.pdf


def _case_row(case: Any, person: Person) -> dict[str, Any]:
    roles = []
    if case.beneficiary_id == person.id:
        roles.append("penerima layanan")
    if case.applicant_id == person.id:
        roles.append("pemohon")
    return {
        "number": case.number,
        "service": case.service.name,
        "status": case.status_label,
        "received_at": to_office(case.received_at),
        "role": ", ".join(roles),
    }


def _who(user: User | None) -> str:
    if user is None:
        return "Sistem"
    return f"{user.full_name} ({user.position})" if user.position else user.full_name
