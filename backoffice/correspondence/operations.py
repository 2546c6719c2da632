"""Seed letter templates; issue, number, revoke and verify letters."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from typing import Any

from flask import current_app, has_request_context, request
from sqlalchemy import select

from backoffice.audit.operations import record_event
from backoffice.auth.models import User
from backoffice.cases.models import (
    Assessment,
    Case,
    CaseRequirement,
    DtksCheck,
    RequirementState,
)
from backoffice.core.counters import next_value
from backoffice.core.errors import DomainError, InvalidInput, InvalidTransition
from backoffice.core.time import office_today, to_office, utcnow
from backoffice.correspondence.models import (
    IssuedLetter,
    LetterStatus,
    LetterTemplate,
    OfficeProfile,
)
from backoffice.extensions import db
from backoffice.people.models import Person
from letters import (
    DEFAULT_TEMPLATES,
    LetterError,
    Letterhead,
    format_number,
    render_letter,
)
from ocr.nik import mask_nik

logger = logging.getLogger(__name__)

DEFAULT_CLASSIFICATION_CODE = "460"
RECEIPT_KIND = "tanda_terima"
RETURN_NOTE_KIND = "pengembalian_berkas"
VERIFY_PATH = "/verifikasi/"


class LetterRefused(DomainError):
    """A letter cannot be issued or rendered; nothing of it may be kept."""

    status_code = 422


def seed_letter_templates() -> int:
    """Add the default template of each letter kind that has none yet."""
    existing = set(db.session.scalars(select(LetterTemplate.kind)))
    added = 0
    for kind, default in DEFAULT_TEMPLATES.items():
        if kind in existing:
            continue
        db.session.add(
            LetterTemplate(kind=kind, title=default.title, source=default.source)
        )
        added += 1
    if db.session.get(OfficeProfile, 1) is None:
        db.session.add(OfficeProfile(id=1))
    db.session.flush()
    return added


def office_profile() -> OfficeProfile:
    """Return the office's single profile row, creating it if missing."""
    profile = db.session.get(OfficeProfile, 1)
    if profile is None:
        profile = OfficeProfile(id=1)
        db.session.add(profile)
        db.session.flush()
    return profile


def letterhead_of(profile: OfficeProfile) -> Letterhead:
    """Return the kop printed on letters from the office's settings."""
    return Letterhead(
        government=profile.government,
        office=profile.office,
        address=profile.address,
        contacts=profile.contacts or "",
        logo_png=profile.logo_png,
        place=profile.place,
    )


# --- context ----------------------------------------------------------------


def person_context(person: Person | None) -> dict[str, Any] | None:
    if person is None:
        return None
    return {
        "nama": person.nama,
        "nik": person.nik,
        "tempat_lahir": person.tempat_lahir,
        "tanggal_lahir": person.tanggal_lahir,
        "jenis_kelamin": person.jenis_kelamin,
        "alamat": person.alamat,
        "rt_rw": person.rt_rw,
        "kel_desa": person.kel_desa,
        "kecamatan": person.kecamatan,
        "agama": person.agama,
        "pekerjaan": person.pekerjaan,
    }


def signer_context(signer: User | None) -> dict[str, Any]:
    if signer is None:
        return {"nama": "", "nip": "", "jabatan": "", "pangkat": "", "acting": ""}
    return {
        "nama": signer.full_name,
        "nip": signer.nip or "",
        "jabatan": signer.position or "",
        "pangkat": signer.rank or "",
        "acting": "",
    }


def dtks_context(check: DtksCheck | None) -> dict[str, Any] | None:
    if check is None:
        return None
    return {
        "registered": check.registered,
        "checked_at": to_office(check.checked_at).date(),
        "dtks_id": check.dtks_id,
        "desil": "" if check.desil is None else str(check.desil),
        "checked_by": check.checked_by.full_name if check.checked_by else "",
    }


def assessment_context(assessment: Assessment | None) -> dict[str, Any] | None:
    if assessment is None:
        return None
    return {
        "date": assessment.visited_on,
        "officer": assessment.officer.full_name if assessment.officer else "",
        "findings": assessment.findings,
        "recommendation": assessment.recommendation,
    }


def requirement_context(item: CaseRequirement) -> dict[str, Any]:
    return {
        "text": item.text,
        "state": item.state,
        "state_label": RequirementState(item.state).label,
        "ok": item.satisfied,
        "note": item.note,
    }


# Where a service's referral target goes in each kind of letter.
REFERRAL_KEYS = {
    "pengantar_rsj": "nama_rsj",
    "rujukan_anak": "nama_lembaga",
    "rekomendasi_panti_lansia": "nama_panti",
}


def extra_context(case: Case) -> dict[str, Any]:
    """Return the case's free fields, completed from the case and its service."""
    extra: dict[str, Any] = {}
    if case.purpose:
        extra["keperluan"] = case.purpose
    target = case.service.referral_target
    key = REFERRAL_KEYS.get(case.service.letter_kind or "")
    if target and key:
        extra[key] = target
    extra.update(case.extra or {})
    return extra


def build_context(
    case: Case,
    *,
    number: str,
    letter_date: dt.date,
    signer: User | None,
    title: str | None = None,
) -> dict[str, Any]:
    """Return the letters context (see ``letters.sample_context``) of a case."""
    officer = case.prepared_by or case.received_by
    return {
        "letter": {
            "number": number,
            "date": letter_date,
            "title": title or case.service.name,
        },
        "person": person_context(case.beneficiary),
        "applicant": person_context(case.applicant),
        "signer": signer_context(signer),
        "service": {"code": case.service.code, "name": case.service.name},
        "case": {
            "number": case.number,
            "received_at": to_office(case.received_at or utcnow()),
            "notes": case.notes,
        },
        "dtks": dtks_context(case.latest_dtks_check),
        "assessment": assessment_context(case.latest_assessment),
        "requirements": [requirement_context(item) for item in case.requirements],
        "officer": {
            "nama": officer.full_name if officer else "",
            "nip": (officer.nip or "") if officer else "",
        },
        "extra": extra_context(case),
    }


# --- numbering ----------------------------------------------------------------


def sequence_key(profile: OfficeProfile, kind: str, year: int) -> str:
    """Return the counter key: one sequence per year, or per kind and year."""
    if profile.shared_sequence:
        return f"letter:{year}"
    return f"letter:{kind}:{year}"


def classification_code(template: LetterTemplate, case: Case) -> str:
    return (
        template.classification_code
        or case.service.classification_code
        or DEFAULT_CLASSIFICATION_CODE
    )


def verify_url(token: str) -> str:
    """Return the public address of a letter's verification page."""
    base = current_app.config.get("PUBLIC_BASE_URL") or ""
    if not base and has_request_context():
        base = request.host_url
    if not base:
        raise LetterRefused(
            "Alamat publik aplikasi (PUBLIC_BASE_URL) belum diatur, "
            "sehingga kode QR verifikasi tidak dapat dibuat."
        )
    return base.rstrip("/") + VERIFY_PATH + token


# --- issuing ------------------------------------------------------------------


def template_for(kind: str) -> LetterTemplate:
    template = db.session.get(LetterTemplate, kind)
    if template is None:
        raise LetterRefused(
            f"Templat surat '{kind}' belum tersedia. Hubungi administrator."
        )
    return template


def issue_letter(
    case: Case,
    signer: User,
    *,
    kind: str | None = None,
    replaces: IssuedLetter | None = None,
) -> IssuedLetter:
    """Number, render and register the letter of ``case``; the caller commits.

    On :class:`LetterRefused` the caller must roll back: the sequence number
    taken for the letter is returned with the rest of the transaction.
    """
    kind = kind or case.service.letter_kind
    if not kind:
        raise LetterRefused("Layanan ini tidak menerbitkan surat.")
    if replaces is not None and replaces.status != LetterStatus.VALID:
        raise InvalidTransition("Hanya surat yang masih berlaku yang dapat diganti.")
    template = template_for(kind)
    profile = office_profile()
    letter_date = office_today()

    sequence = next_value(db.session, sequence_key(profile, kind, letter_date.year))
    token = secrets.token_urlsafe(24)
    try:
        number = format_number(
            template.number_pattern,
            code=classification_code(template, case),
            seq=sequence,
            on=letter_date,
            unit=profile.unit,
        )
        context = build_context(
            case,
            number=number,
            letter_date=letter_date,
            signer=signer,
            title=template.title,
        )
        rendered = render_letter(
            template.source,
            context,
            letterhead=letterhead_of(profile),
            verify_url=verify_url(token),
        )
    except LetterError as exc:
        logger.error("letter %s of case %s not rendered: %s", kind, case.id, exc)
        raise LetterRefused(exc.message) from exc

    person = case.beneficiary
    letter = IssuedLetter(
        token=token,
        case_id=case.id,
        kind=kind,
        title=template.title,
        number=number,
        sequence=sequence,
        year=letter_date.year,
        letter_date=letter_date,
        issued_by=signer,
        pdf=rendered.pdf,
        sha256=rendered.sha256,
        text=rendered.text,
        signer_name=signer.full_name,
        signer_nip=signer.nip,
        signer_position=signer.position,
        signer_rank=signer.rank,
        person_name=person.nama if person else None,
        person_nik_masked=mask_nik(person.nik) if person and person.nik else None,
        replaces=replaces,
        status=LetterStatus.VALID,
    )
    db.session.add(letter)
    db.session.flush()

    record_event(
        signer,
        "letter.issue",
        letter,
        after={"number": number, "kind": kind, "case": case.number},
    )
    if replaces is not None:
        mark_replaced(replaces, letter, signer)
    return letter


def mark_replaced(old: IssuedLetter, new: IssuedLetter, actor: User) -> None:
    reason = old.status_reason or f"Diganti dengan surat nomor {new.number}."
    old.status = LetterStatus.REPLACED
    old.status_reason = reason
    old.status_changed_at = utcnow()
    db.session.flush()
    record_event(
        actor,
        "letter.replace",
        old,
        before={"status": LetterStatus.VALID.value},
        after={"status": old.status, "replaced_by": new.number},
        reason=reason,
    )


def revoke_letter(letter: IssuedLetter, actor: User, reason: str) -> IssuedLetter:
    """Revoke a valid letter; its number stays in the register."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("Alasan pencabutan surat wajib diisi.")
    if letter.status != LetterStatus.VALID:
        raise InvalidTransition("Surat ini sudah tidak berlaku.")

    letter.status = LetterStatus.REVOKED
    letter.status_reason = reason
    letter.status_changed_at = utcnow()
    db.session.flush()

    record_event(
        actor,
        "letter.revoke",
        letter,
        before={"status": LetterStatus.VALID.value},
        after={"status": letter.status},
        reason=reason,
    )
    return letter


def reissue_letter(
    letter: IssuedLetter, actor: User, reason: str | None = None
) -> IssuedLetter:
    """Issue a corrected letter, signed by ``actor``, that replaces ``letter``."""
    if letter.case_id is None:
        raise InvalidTransition(
            "Surat ini tidak terkait berkas sehingga tidak dapat diganti."
        )
    if letter.status != LetterStatus.VALID:
        raise InvalidTransition("Hanya surat yang masih berlaku yang dapat diganti.")

    case = db.session.get(Case, letter.case_id)
    assert case is not None
    if reason and reason.strip():
        letter.status_reason = reason.strip()
    return issue_letter(case, actor, kind=letter.kind, replaces=letter)


def replacement_of(letter: IssuedLetter) -> IssuedLetter | None:
    """Return the letter that replaced ``letter``, if any."""
    return db.session.scalar(
        select(IssuedLetter).where(IssuedLetter.replaces_id == letter.id)
    )


def letter_by_token(token: str) -> IssuedLetter | None:
    if not token or len(token) > 64:
        return None
    return db.session.scalar(select(IssuedLetter).where(IssuedLetter.token == token))


def matches_issued_file(letter: IssuedLetter, content: bytes) -> bool:
    """Say whether ``content`` is exactly the PDF that was issued."""
    digest = hashlib.sha256(content).hexdigest()
    return secrets.compare_digest(digest, letter.sha256)


# --- case documents that are not numbered ----------------------------------------


def render_case_document(case: Case, kind: str, on: dt.date) -> bytes:
    """Render a receipt-like document of ``case``, numbered with the case number."""
    template = db.session.get(LetterTemplate, kind)
    source = template.source if template else DEFAULT_TEMPLATES[kind].source
    title = template.title if template else DEFAULT_TEMPLATES[kind].title
    context = build_context(
        case, number=case.number, letter_date=on, signer=None, title=title
    )
    try:
        rendered = render_letter(
            source, context, letterhead=letterhead_of(office_profile())
        )
    except LetterError as exc:
        logger.error("%s of case %s not rendered: %s", kind, case.id, exc)
        raise LetterRefused(exc.message) from exc
    return rendered.pdf


def render_receipt(case: Case) -> bytes:
    """Return the PDF of the tanda terima berkas of ``case``."""
    received_on = to_office(case.received_at or utcnow()).date()
    return render_case_document(case, RECEIPT_KIND, received_on)


def render_return_note(case: Case) -> bytes:
    """Return the PDF of the pengembalian berkas of ``case`` (missing items)."""
    return render_case_document(case, RETURN_NOTE_KIND, office_today())


def preview_case_letter(case: Case, signer: User) -> bytes:
    """Render the letter a decision would issue, unnumbered and unregistered.

    The supervisor reads it before approving; nothing is stored, no number
    is taken, and the QR code is left out (there is nothing to verify yet).
    """
    kind = case.service.letter_kind
    if not kind:
        raise LetterRefused("Layanan ini tidak menerbitkan surat.")
    template = template_for(kind)
    profile = office_profile()
    context = build_context(
        case,
        number="(diberikan saat disetujui)",
        letter_date=office_today(),
        signer=signer,
        title=template.title,
    )
    try:
        rendered = render_letter(
            template.source, context, letterhead=letterhead_of(profile)
        )
    except LetterError as exc:
        raise LetterRefused(exc.message) from exc
    return rendered.pdf
