"""Read-only queries over cases: work queues, counts, SLA."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import url_for
from sqlalchemy import func, or_, select

from backoffice.auth.models import Role, User
from backoffice.cases.models import (
    EDITABLE_STATUSES,
    Case,
    CaseStatus,
    Document,
    FollowUp,
    OcrStatus,
)
from backoffice.cases.policy import can_view_document
from backoffice.core.time import office_today, to_office
from backoffice.extensions import db
from backoffice.workdays.operations import working_days_between

S = CaseStatus
QUEUES: dict[Role, tuple[str, tuple[CaseStatus, ...]]] = {
    Role.FRONT_OFFICE: (
        "Front Office: berkas diterima, dikembalikan, dan surat siap diserahkan",
        (S.RECEIVED, S.RETURNED, S.LETTER_ISSUED),
    ),
    Role.BACK_OFFICE: ("Back Office: berkas dalam verifikasi", (S.VERIFYING,)),
    Role.SUPERVISOR: ("Menunggu keputusan Anda", (S.AWAITING_DECISION,)),
}
SLA_STOPPED = frozenset(
    {S.LETTER_ISSUED, S.HANDED_OVER, S.CLOSED, S.CANCELLED, S.REJECTED}
)


@dataclass(frozen=True)
class Sla:
    days_open: int
    limit: int

    @property
    def overdue(self) -> bool:
        return self.days_open > self.limit


def case_sla(case: Case, today: date | None = None) -> Sla:
    """Working days open against the service's SLA (stops at the decision)."""
    start = to_office(case.received_at).date()
    end = today or office_today()
    if CaseStatus(case.status) in SLA_STOPPED and case.decided_at:
        end = to_office(case.decided_at).date()
    return Sla(working_days_between(start, end), case.service.sla_days)


def queue(statuses: tuple[CaseStatus, ...], user: User | None = None) -> list[Case]:
    query = select(Case).where(Case.status.in_([s.value for s in statuses]))
    if user is not None and statuses == (S.VERIFYING,):
        query = query.where(
            or_(Case.assigned_to_id.is_(None), Case.assigned_to_id == user.id)
        )
    return list(db.session.scalars(query.order_by(Case.received_at)))


def my_queues(user: User) -> list[tuple[str, list[Case]]]:
    """The work waiting for ``user``, one queue per role they hold."""
    return [
        (title, queue(statuses, user))
        for role, (title, statuses) in QUEUES.items()
        if role in user.roles
    ]


def due_follow_ups(today: date | None = None) -> list[FollowUp]:
    """Referrals and control visits due by today and not yet done."""
    limit = today or office_today()
    return list(
        db.session.scalars(
            select(FollowUp)
            .where(FollowUp.done_on.is_(None), FollowUp.due_on <= limit)
            .order_by(FollowUp.due_on)
        )
    )


def pending_scans() -> list[Document]:
    return list(
        db.session.scalars(
            select(Document)
            .where(
                Document.ocr_status.in_(
                    [OcrStatus.PENDING, OcrStatus.RUNNING, OcrStatus.FAILED]
                )
            )
            .order_by(Document.uploaded_at.desc())
            .limit(200)
        )
    )


def readings_to_confirm(user: User) -> list[Document]:
    """Scans read as a KTP, KK or SKTM whose prefill waits for this clerk.

    Only the front and back office confirm readings, and only of cases that
    can still change and scans they may see.
    """
    if not user.roles & {Role.FRONT_OFFICE, Role.BACK_OFFICE}:
        return []
    documents = db.session.scalars(
        select(Document)
        .join(Case, Document.case_id == Case.id)
        .where(
            Document.ocr_status == OcrStatus.DONE,
            Document.ocr_fields_offered.is_(None),
            Document.purged_at.is_(None),
            Case.status.in_(list(EDITABLE_STATUSES)),
        )
        .order_by(Document.uploaded_at)
        .limit(200)
    )
    return [
        d for d in documents if d.awaits_confirmation and can_view_document(user, d)
    ]


def dashboard_counts(user: User) -> list[tuple[str, int, str]]:
    """Counts for the dashboard cards: (label, number, link)."""
    counts = []
    for title, cases in my_queues(user):
        counts.append((title, len(cases), url_for("cases.index")))
    if user.roles & {Role.BACK_OFFICE, Role.SUPERVISOR}:
        counts.append(
            ("Tindak lanjut jatuh tempo", len(due_follow_ups()), url_for("cases.index"))
        )
    if user.roles & {Role.FRONT_OFFICE, Role.BACK_OFFICE}:
        counts.append(
            (
                "Hasil baca pindaian menunggu konfirmasi",
                len(readings_to_confirm(user)),
                url_for("cases.scans"),
            )
        )
    if counts:
        open_total = db.session.scalar(
            select(func.count(Case.id)).where(
                Case.status.notin_([S.CLOSED, S.CANCELLED, S.REJECTED])
            )
        )
        counts.append(
            ("Permohonan berjalan", open_total or 0, url_for("case.index_view"))
        )
    return counts


def ocr_acceptance() -> tuple[int, int]:
    """(fields accepted unchanged, fields offered) over every confirmed scan."""
    accepted, offered = db.session.execute(
        select(
            func.coalesce(func.sum(Document.ocr_fields_accepted), 0),
            func.coalesce(func.sum(Document.ocr_fields_offered), 0),
        )
    ).one()
    return int(accepted), int(offered)
