"""Verbs of the case workflow. They check, change, flush and audit; the
request or command that calls them commits (or rolls back on error)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import or_, select

from backoffice.audit.operations import record_event
from backoffice.auth.models import User
from backoffice.cases.models import (
    OPEN_STATUSES,
    Assessment,
    Case,
    CaseRequirement,
    CaseStatus,
    Document,
    DtksCheck,
    FollowUp,
    FollowUpKind,
    OcrStatus,
    RequirementState,
)
from backoffice.cases.policy import can_view_assessments, require
from backoffice.cases.storage import store_bytes
from backoffice.cases.uploads import check_upload
from backoffice.cases.workflow import TRANSITIONS, refusal
from backoffice.catalogue.models import Service
from backoffice.core.counters import next_value
from backoffice.core.errors import InvalidInput, InvalidTransition, NotAllowed
from backoffice.core.time import office_today, utcnow
from backoffice.extensions import db
from backoffice.people.models import PERSON_FIELDS, Person
from ocr.nik import check_nik, check_no_kk, mask_nik

logger = logging.getLogger(__name__)

OCR_KINDS = frozenset({"ktp", "kk", "sktm"})


# People ---------------------------------------------------------------------


def find_person(
    nik: str | None = None, nama: str | None = None, tanggal_lahir: date | None = None
) -> Person | None:
    """Find a person by NIK, or by exact name and date of birth."""
    if nik:
        return db.session.scalar(select(Person).where(Person.nik == nik.strip()))
    if nama and tanggal_lahir:
        return db.session.scalar(
            select(Person).where(
                Person.nama == nama.strip().upper(),
                Person.tanggal_lahir == tanggal_lahir,
            )
        )
    return None


def validate_person_data(data: dict[str, Any]) -> list[str]:
    """Check typed NIK and No. KK; raise on hard errors, return warnings."""
    warnings: list[str] = []
    nik = (data.get("nik") or "").strip()
    if nik:
        result = check_nik(
            nik, birth_date=data.get("tanggal_lahir"), sex=data.get("jenis_kelamin")
        )
        if result.errors:
            raise InvalidInput(" ".join(result.errors))
        warnings.extend(result.warnings)
    no_kk = (data.get("no_kk") or "").strip()
    if no_kk:
        result = check_no_kk(no_kk)
        if result.errors:
            raise InvalidInput(" ".join(result.errors))
        warnings.extend(result.warnings)
    if not (data.get("nama") or "").strip():
        raise InvalidInput("Nama wajib diisi.")
    return warnings


def clean_person_data(data: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for key in PERSON_FIELDS:
        if key not in data:
            continue
        value = data[key]
        if isinstance(value, str):
            value = value.strip() or None
            if value and key not in ("description", "telepon"):
                value = value.upper()
        cleaned[key] = value
    return cleaned


def save_person(
    data: dict[str, Any], actor: User, person: Person | None = None
) -> tuple[Person, list[str]]:
    """Create or update a person from form data; return it and NIK warnings."""
    warnings = validate_person_data(data)
    cleaned = clean_person_data(data)
    nik = cleaned.get("nik")
    if nik:
        other = find_person(nik=nik)
        if other is not None and other is not person:
            if person is None:
                person = other
            else:
                raise InvalidInput(
                    f"NIK {mask_nik(nik)} sudah tercatat untuk orang lain."
                )

    if person is None:
        person = Person(**cleaned)
        db.session.add(person)
        db.session.flush()
        record_event(actor, "person.create", person, after={"nama": person.nama})
        return person, warnings

    before = {}
    after = {}
    for key, value in cleaned.items():
        if getattr(person, key) != value:
            before[key] = (
                str(getattr(person, key))
                if key != "nik"
                else mask_nik(getattr(person, key))
            )
            after[key] = str(value) if key != "nik" else mask_nik(value)
            setattr(person, key, value)
    if after:
        record_event(actor, "person.update", person, before=before, after=after)
    return person, warnings


def save_family_members(
    members: list[dict[str, str]], no_kk: str | None, actor: User
) -> tuple[int, list[str]]:
    """Record the members read from a family card, so family history shows.

    A member whose NIK fails the structural checks, or whose birth date is
    no date, is left out with a warning rather than stored wrongly; so is
    one whose NIK is already held by a person of another name (a digit
    misread must not rewrite someone else's record).
    """
    saved = 0
    warnings: list[str] = []
    for member in members:
        nik = (member.get("nik") or "").strip()
        nama = " ".join((member.get("nama") or "").split())
        if not nik or not nama:
            continue
        check = check_nik(nik)
        if check.errors:
            warnings.append(
                f"Anggota {nama}: NIK {mask_nik(nik)} tidak valid, tidak disimpan."
            )
            continue
        born = iso_date(member.get("tanggal_lahir"))
        if member.get("tanggal_lahir") and born is None:
            warnings.append(
                f"Anggota {nama}: tanggal lahir tidak valid, tidak disimpan."
            )
            continue
        existing = find_person(nik=nik)
        if existing is not None and existing.nama.casefold() != nama.casefold():
            warnings.append(
                f"Anggota {nama}: NIK {mask_nik(nik)} sudah tercatat atas nama lain; "
                "tidak diubah. Periksa NIK pada KK."
            )
            continue
        data = {
            "nik": nik,
            "nama": nama,
            "no_kk": no_kk,
            "jenis_kelamin": member.get("jenis_kelamin"),
            "tempat_lahir": member.get("tempat_lahir"),
            "tanggal_lahir": born,
        }
        data = {key: value for key, value in data.items() if value}
        try:
            with db.session.begin_nested():
                _, more = save_person(data, actor, existing)
        except InvalidInput as error:
            warnings.append(f"Anggota {nama}: {error.message}")
            continue
        warnings += [f"Anggota {nama}: {warning}" for warning in more]
        saved += 1
    return saved, warnings


def iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass
class EarlierCase:
    case: Case
    via: str  # "NIK" or "No. KK"


def person_history(
    person: Person | None, exclude: Case | None = None
) -> list[EarlierCase]:
    """Every case of this person, and of the same family card."""
    if person is None:
        return []
    conditions = [Case.beneficiary_id == person.id, Case.applicant_id == person.id]
    family_ids: list[int] = []
    if person.no_kk:
        family_ids = list(
            db.session.scalars(select(Person.id).where(Person.no_kk == person.no_kk))
        )
        conditions.append(Case.beneficiary_id.in_(family_ids))
    cases = db.session.scalars(
        select(Case).where(or_(*conditions)).order_by(Case.received_at.desc())
    ).all()
    history = []
    for case in cases:
        if exclude is not None and case.id == exclude.id:
            continue
        own = person.id in (case.beneficiary_id, case.applicant_id)
        history.append(EarlierCase(case, "NIK" if own else "No. KK"))
    return history


def conflicting_cases(
    service: Service, person: Person | None, exclude: Case | None = None
) -> list[Case]:
    """Open cases of the same person for this service or its exclusive group."""
    if person is None or person.id is None:
        return []
    services = [service.id]
    if service.exclusive_group:
        services = list(
            db.session.scalars(
                select(Service.id).where(
                    Service.exclusive_group == service.exclusive_group
                )
            )
        )
    query = select(Case).where(
        Case.beneficiary_id == person.id,
        Case.service_id.in_(services),
        Case.status.in_([s.value for s in OPEN_STATUSES]),
    )
    if exclude is not None:
        query = query.where(Case.id != exclude.id)
    return list(db.session.scalars(query))


# Intake ---------------------------------------------------------------------


def receive_case(
    service: Service,
    actor: User,
    *,
    beneficiary: Person | None,
    applicant: Person | None = None,
    applicant_relation: str | None = None,
    purpose: str | None = None,
    notes: str | None = None,
    extra: dict[str, Any] | None = None,
    acknowledge_duplicates: bool = False,
) -> Case:
    """Open a case at the counter, with the service's checklist."""
    if not service.active:
        raise InvalidInput(f"Layanan {service.name} sedang tidak aktif.")
    if beneficiary is None:
        raise InvalidInput("Data penerima layanan wajib diisi.")
    if service.has_applicant and applicant is None:
        applicant = beneficiary

    conflicts = conflicting_cases(service, beneficiary)
    if conflicts and (service.block_duplicates or not acknowledge_duplicates):
        numbers = ", ".join(case.number for case in conflicts)
        if service.block_duplicates:
            raise InvalidInput(
                f"Permohonan ditolak: orang ini masih memiliki permohonan terbuka "
                f"({numbers}) untuk layanan yang sama atau yang saling meniadakan."
            )
        raise InvalidInput(
            f"Orang ini masih memiliki permohonan terbuka untuk layanan ini "
            f"({numbers}). Centang konfirmasi bila tetap ingin melanjutkan."
        )

    year = office_today().year
    sequence = next_value(db.session, f"case:{year}")
    case = Case(
        number=f"PMH-{year}-{sequence:05d}",
        service=service,
        beneficiary=beneficiary,
        applicant=applicant,
        applicant_relation=applicant_relation,
        purpose=purpose,
        notes=notes,
        extra=extra or {},
        kecamatan=beneficiary.kecamatan,
        received_by_id=actor.id,
        status=CaseStatus.RECEIVED,
    )
    for requirement in service.requirements:
        case.requirements.append(
            CaseRequirement(
                requirement_id=requirement.id,
                position=requirement.position,
                text=requirement.text,
                doc_kind=requirement.doc_kind,
                mandatory=requirement.mandatory,
                original_required=requirement.original_required,
            )
        )
    db.session.add(case)
    db.session.flush()
    record_event(
        actor,
        "case.receive",
        case,
        after={"status": case.status, "service": service.code},
    )
    return case


def attach_upload(
    case: Case,
    actor: User,
    data: bytes,
    filename: str,
    *,
    requirement: CaseRequirement | None = None,
) -> list[Document]:
    """Validate and store an upload; split a multi-page PDF into page documents.

    The file is on disk before any row refers to it. Pages of a bundle that
    are not yet assigned to a requirement wait in the case's unassigned list.
    """
    if requirement is not None and requirement.case_id != case.id:
        raise NotAllowed("Persyaratan ini bukan milik permohonan tersebut.")
    checked = check_upload(data, filename)
    key, digest = store_bytes(checked.data)

    pages = range(1, checked.page_count + 1) if checked.page_count > 1 else [None]
    documents = []
    for page in pages:
        document = Document(
            case=case,
            case_requirement=requirement,
            original_name=filename[:255] or "berkas",
            storage_key=key,
            sha256=digest,
            size=len(checked.data),
            mime_type=checked.mime_type,
            page_count=checked.page_count,
            page_number=page,
            uploaded_by_id=actor.id,
        )
        db.session.add(document)
        documents.append(document)
    if requirement is not None and requirement.state == RequirementState.MISSING:
        requirement.state = RequirementState.COPY_RECEIVED
    db.session.flush()
    for document in documents:
        if wants_ocr(document):
            document.ocr_status = OcrStatus.PENDING
        record_event(
            actor,
            "document.upload",
            document,
            after={
                "case": case.number,
                "name": document.original_name,
                "page": document.page_number,
            },
        )
    return documents


def wants_ocr(document: Document) -> bool:
    requirement = document.case_requirement
    if requirement is None:
        return document.is_image or document.mime_type == "application/pdf"
    return requirement.doc_kind in OCR_KINDS


def assign_document(
    document: Document, requirement: CaseRequirement | None, actor: User
) -> None:
    """Attach a page of a bundle to one requirement of the checklist."""
    if requirement is not None and requirement.case_id != document.case_id:
        raise NotAllowed("Persyaratan ini bukan milik permohonan tersebut.")
    before = document.case_requirement_id
    document.case_requirement = requirement
    if requirement is not None and requirement.state == RequirementState.MISSING:
        requirement.state = RequirementState.COPY_RECEIVED
    if wants_ocr(document) and document.ocr_status == OcrStatus.NONE:
        document.ocr_status = OcrStatus.PENDING
    record_event(
        actor,
        "document.assign",
        document,
        before={"requirement": before},
        after={"requirement": requirement.id if requirement else None},
    )


# Checking -------------------------------------------------------------------


def ensure_editable(case: Case, what: str) -> None:
    """Refuse a change to ``what`` once the case has left the clerks' hands."""
    if not case.is_editable:
        raise InvalidTransition(
            f"{what} tidak dapat diubah saat status “{case.status_label}”."
        )


def set_requirement_state(
    requirement: CaseRequirement,
    state: RequirementState,
    actor: User,
    note: str | None = None,
) -> None:
    """Record the verification of one requirement of a case."""
    case = requirement.case
    ensure_editable(case, "Persyaratan")
    before = {"state": requirement.state, "note": requirement.note}
    requirement.state = state
    requirement.note = (note or "").strip() or None
    requirement.checked_by_id = actor.id
    requirement.checked_at = utcnow()
    record_event(
        actor,
        "requirement.check",
        requirement,
        before=before,
        after={"state": state.value, "note": requirement.note, "case": case.number},
    )


def record_dtks_check(
    case: Case,
    actor: User,
    *,
    registered: bool,
    dtks_id: str | None,
    desil: int | None,
    note: str | None,
    screenshot: Document | None = None,
) -> DtksCheck:
    """Record a SIKS-NG look-up as evidence; route the case if not registered."""
    if CaseStatus(case.status) != CaseStatus.VERIFYING:
        raise InvalidTransition("Pengecekan DTKS dicatat saat berkas dalam verifikasi.")
    if desil is not None and not 1 <= desil <= 10:
        raise InvalidInput("Desil harus antara 1 dan 10.")
    check = DtksCheck(
        case=case,
        checked_by_id=actor.id,
        registered=registered,
        dtks_id=(dtks_id or "").strip() or None,
        desil=desil,
        note=note,
        screenshot=screenshot,
    )
    db.session.add(check)
    db.session.flush()
    record_event(
        actor,
        "case.dtks_check",
        case,
        after={"registered": registered, "dtks_id": check.dtks_id, "desil": desil},
    )
    if not registered and case.service.requires_dtks:
        transition_case(
            case,
            "return",
            actor,
            reason="Tidak terdaftar dalam DTKS/DTSEN. Pemohon diarahkan ke SOP "
            "pengusulan DTKS melalui desa/kelurahan dan operator SIKS-NG.",
        )
    return check


def record_assessment(
    case: Case,
    actor: User,
    *,
    visited_on: date,
    kind: str,
    findings: str,
    recommendation: str | None,
) -> Assessment:
    """Record an assessment or home visit with its findings."""
    require(
        can_view_assessments(actor, case),
        "Asesmen hanya dapat dicatat oleh Back Office.",
    )
    if CaseStatus(case.status) != CaseStatus.VERIFYING:
        raise InvalidTransition("Asesmen dicatat saat berkas dalam verifikasi.")
    if not findings.strip():
        raise InvalidInput("Hasil asesmen wajib diisi.")
    if recommendation not in (None, "layak", "tidak layak"):
        raise InvalidInput("Rekomendasi harus “layak” atau “tidak layak”.")
    assessment = Assessment(
        case=case,
        officer_id=actor.id,
        visited_on=visited_on,
        kind=kind,
        findings=findings.strip(),
        recommendation=recommendation,
    )
    db.session.add(assessment)
    db.session.flush()
    record_event(
        actor,
        "case.assessment",
        case,
        after={
            "kind": kind,
            "visited_on": visited_on.isoformat(),
            "recommendation": recommendation,
        },
    )
    return assessment


def expiry_warnings(case: Case) -> dict[int, str]:
    """Requirements whose scanned letter is older than its validity allows.

    The date comes from the OCR reading of the letter (e.g. an SKTM's
    tanggal_surat); the verifier decides, the page only points it out.
    """
    today = office_today()
    warnings: dict[int, str] = {}
    for item in case.requirements:
        validity = item.requirement.validity_days if item.requirement else None
        if not validity:
            continue
        for document in item.documents:
            fields = (document.ocr_result or {}).get("fields", {})
            issued = iso_date((fields.get("tanggal_surat") or {}).get("value"))
            if issued and (today - issued).days > validity:
                warnings[item.id] = (
                    f"Surat bertanggal {issued:%d-%m-%Y} sudah lewat masa berlaku "
                    f"{validity} hari."
                )
    return warnings


# Transitions ----------------------------------------------------------------


def transition_case(
    case: Case, action: str, actor: User, *, reason: str | None = None
) -> Case:
    """Move ``case`` along the state machine, or raise with the reason why not."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise InvalidTransition("Tindakan tidak dikenal.")
    problem = refusal(transition, case, actor)
    if problem:
        if not actor.roles & transition.roles:
            raise NotAllowed(problem)
        raise InvalidTransition(problem)
    reason = (reason or "").strip() or None
    if transition.needs_reason and not reason:
        raise InvalidInput(f"Alasan wajib diisi untuk “{transition.label}”.")

    before = case.status
    case.status = transition.target
    case.status_reason = reason
    now = utcnow()
    if action == "propose":
        case.prepared_by_id = actor.id
    if action in ("approve", "reject"):
        case.decided_by_id = actor.id
        case.decided_at = now
    if transition.target in (CaseStatus.CLOSED, CaseStatus.CANCELLED):
        case.closed_at = now
    db.session.flush()
    record_event(
        actor,
        f"case.{action}",
        case,
        before={"status": before},
        after={"status": case.status},
        reason=reason,
    )
    logger.info(
        "case %s: %s -> %s by %s", case.number, before, case.status, actor.username
    )

    if action == "approve":
        issue_case_letter(case, actor)
    return case


def issue_case_letter(case: Case, signer: User) -> None:
    """Issue the service's letter: approval is the moment of issue."""
    from backoffice.correspondence.operations import issue_letter

    issue_letter(case, signer)
    before = case.status
    case.status = CaseStatus.LETTER_ISSUED
    db.session.flush()
    record_event(
        signer,
        "case.letter_issued",
        case,
        before={"status": before},
        after={"status": case.status},
    )
    schedule_follow_ups(case, signer)


def schedule_follow_ups(case: Case, actor: User) -> None:
    """Plan what the SOP prescribes after the letter: referral and controls."""
    today = office_today()
    service = case.service
    if service.referral_target:
        db.session.add(
            FollowUp(
                case=case,
                kind=FollowUpKind.REFERRAL,
                target=service.referral_target,
                due_on=today,
                created_by_id=actor.id,
            )
        )
    if service.follow_up_months:
        for count in (1, 2, 3, 4):
            due = today + timedelta(days=30 * service.follow_up_months * count)
            db.session.add(
                FollowUp(
                    case=case,
                    kind=FollowUpKind.CONTROL,
                    target=service.referral_target or "Kontrol",
                    due_on=due,
                    created_by_id=actor.id,
                )
            )
    db.session.flush()


def update_follow_up(
    follow_up: FollowUp,
    actor: User,
    *,
    sent_on: date | None,
    acknowledged_on: date | None,
    done_on: date | None,
    outcome: str | None,
) -> None:
    """Record the progress of a referral or a control visit."""
    before = {"sent_on": str(follow_up.sent_on), "done_on": str(follow_up.done_on)}
    follow_up.sent_on = sent_on
    follow_up.acknowledged_on = acknowledged_on
    follow_up.done_on = done_on
    follow_up.outcome = (outcome or "").strip() or None
    record_event(
        actor,
        "follow_up.update",
        follow_up,
        before=before,
        after={
            "sent_on": str(sent_on),
            "acknowledged_on": str(acknowledged_on),
            "done_on": str(done_on),
            "outcome": follow_up.outcome,
        },
    )
