"""Cases (permohonan), their checklist, documents and the evidence gathered."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.auth.models import User
from backoffice.catalogue.models import Requirement, Service
from backoffice.core.time import utcnow
from backoffice.extensions import db
from backoffice.people.models import Person


class CaseStatus(StrEnum):
    RECEIVED = "diterima"
    RETURNED = "dikembalikan"
    VERIFYING = "verifikasi"
    AWAITING_DECISION = "menunggu_keputusan"
    APPROVED = "disetujui"
    REJECTED = "ditolak"
    LETTER_ISSUED = "surat_terbit"
    HANDED_OVER = "diserahkan"
    CLOSED = "selesai"
    CANCELLED = "dibatalkan"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    CaseStatus.RECEIVED: "Berkas diterima",
    CaseStatus.RETURNED: "Berkas dikembalikan",
    CaseStatus.VERIFYING: "Dalam verifikasi",
    CaseStatus.AWAITING_DECISION: "Menunggu keputusan",
    CaseStatus.APPROVED: "Disetujui",
    CaseStatus.REJECTED: "Ditolak",
    CaseStatus.LETTER_ISSUED: "Surat diterbitkan",
    CaseStatus.HANDED_OVER: "Surat diserahkan",
    CaseStatus.CLOSED: "Selesai",
    CaseStatus.CANCELLED: "Dibatalkan",
}

OPEN_STATUSES = frozenset(
    {
        CaseStatus.RECEIVED,
        CaseStatus.RETURNED,
        CaseStatus.VERIFYING,
        CaseStatus.AWAITING_DECISION,
        CaseStatus.APPROVED,
    }
)

# While a case is in one of these, its data, checks and scans may change.
EDITABLE_STATUSES = frozenset(
    {CaseStatus.RECEIVED, CaseStatus.VERIFYING, CaseStatus.RETURNED}
)


class RequirementState(StrEnum):
    MISSING = "belum_ada"
    COPY_RECEIVED = "salinan_diterima"
    ORIGINAL_SEEN = "asli_diperiksa"
    INVALID = "tidak_valid"
    EXPIRED = "kedaluwarsa"

    @property
    def label(self) -> str:
        return REQUIREMENT_STATE_LABELS[self]


REQUIREMENT_STATE_LABELS = {
    RequirementState.MISSING: "Belum ada",
    RequirementState.COPY_RECEIVED: "Salinan diterima",
    RequirementState.ORIGINAL_SEEN: "Asli sudah diperiksa",
    RequirementState.INVALID: "Tidak valid",
    RequirementState.EXPIRED: "Kedaluwarsa",
}


class Case(db.Model):
    __tablename__ = "case_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"), index=True)
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    beneficiary_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id"), index=True
    )
    applicant_relation: Mapped[str | None] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(
        String(30), default=CaseStatus.RECEIVED, index=True
    )
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    prepared_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    decided_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    kecamatan: Mapped[str | None] = mapped_column(String(80), index=True)
    purpose: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    status_reason: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    service: Mapped[Service] = relationship()
    applicant: Mapped[Person | None] = relationship(foreign_keys=[applicant_id])
    beneficiary: Mapped[Person | None] = relationship(foreign_keys=[beneficiary_id])
    assigned_to: Mapped[User | None] = relationship(foreign_keys=[assigned_to_id])
    received_by: Mapped[User | None] = relationship(foreign_keys=[received_by_id])
    prepared_by: Mapped[User | None] = relationship(foreign_keys=[prepared_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    requirements: Mapped[list[CaseRequirement]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        order_by="CaseRequirement.position",
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="case", order_by="Document.id"
    )
    dtks_checks: Mapped[list[DtksCheck]] = relationship(
        back_populates="case", order_by="DtksCheck.checked_at"
    )
    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="case", order_by="Assessment.visited_on"
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="case", order_by="FollowUp.due_on"
    )

    def __str__(self) -> str:
        return self.number

    @property
    def status_label(self) -> str:
        return CaseStatus(self.status).label

    @property
    def is_editable(self) -> bool:
        """Whether its data, checks and scans may still change."""
        return CaseStatus(self.status) in EDITABLE_STATUSES

    @property
    def latest_dtks_check(self) -> DtksCheck | None:
        return self.dtks_checks[-1] if self.dtks_checks else None

    @property
    def latest_assessment(self) -> Assessment | None:
        return self.assessments[-1] if self.assessments else None


class CaseRequirement(db.Model):
    __tablename__ = "case_requirement"
    __table_args__ = (UniqueConstraint("case_id", "requirement_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    requirement_id: Mapped[int | None] = mapped_column(
        ForeignKey("requirement.id", ondelete="SET NULL")
    )
    # Copied from the requirement so that later catalogue edits do not
    # rewrite the checklist an applicant was given.
    position: Mapped[int] = mapped_column(default=1)
    text: Mapped[str] = mapped_column(Text)
    doc_kind: Mapped[str] = mapped_column(String(20))
    mandatory: Mapped[bool] = mapped_column(default=True)
    original_required: Mapped[bool] = mapped_column(default=False)
    state: Mapped[str] = mapped_column(String(20), default=RequirementState.MISSING)
    note: Mapped[str | None] = mapped_column(Text)
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    checked_at: Mapped[datetime | None]

    case: Mapped[Case] = relationship(back_populates="requirements")
    requirement: Mapped[Requirement | None] = relationship()
    checked_by: Mapped[User | None] = relationship()
    documents: Mapped[list[Document]] = relationship(back_populates="case_requirement")

    @property
    def state_label(self) -> str:
        return RequirementState(self.state).label

    @property
    def satisfied(self) -> bool:
        if self.original_required:
            return self.state == RequirementState.ORIGINAL_SEEN
        return self.state in (
            RequirementState.COPY_RECEIVED,
            RequirementState.ORIGINAL_SEEN,
        )

    @property
    def received(self) -> bool:
        return self.state in (
            RequirementState.COPY_RECEIVED,
            RequirementState.ORIGINAL_SEEN,
        )

    @property
    def is_medical(self) -> bool:
        return self.doc_kind == "surat_dokter"


# Scans whose reading prefills the person's data, for the clerk to confirm.
PREFILL_DOC_TYPES = ("ktp", "kk", "sktm")


class OcrStatus(StrEnum):
    NONE = "tidak_perlu"
    PENDING = "menunggu"
    RUNNING = "diproses"
    DONE = "selesai"
    FAILED = "gagal"


OCR_STATUS_LABELS = {
    OcrStatus.NONE: "Tidak dibaca",
    OcrStatus.PENDING: "Menunggu antrean",
    OcrStatus.RUNNING: "Sedang dibaca",
    OcrStatus.DONE: "Selesai dibaca",
    OcrStatus.FAILED: "Gagal dibaca",
}


class Document(db.Model):
    """An uploaded scan, stored privately under a name derived from its hash."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    case_requirement_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_requirement.id", ondelete="SET NULL")
    )
    original_name: Mapped[str] = mapped_column(String(255))
    storage_key: Mapped[str] = mapped_column(String(128))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    mime_type: Mapped[str] = mapped_column(String(60))
    page_count: Mapped[int] = mapped_column(default=1)
    page_number: Mapped[int | None]
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    ocr_status: Mapped[str] = mapped_column(String(20), default=OcrStatus.NONE)
    ocr_attempts: Mapped[int] = mapped_column(default=0)
    ocr_queued_at: Mapped[datetime | None]
    ocr_started_at: Mapped[datetime | None]
    ocr_result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    ocr_error: Mapped[str | None] = mapped_column(Text)
    ocr_fields_offered: Mapped[int | None]
    ocr_fields_accepted: Mapped[int | None]
    purged_at: Mapped[datetime | None]

    case: Mapped[Case] = relationship(back_populates="documents")
    case_requirement: Mapped[CaseRequirement | None] = relationship(
        back_populates="documents"
    )
    uploaded_by: Mapped[User | None] = relationship()

    def __str__(self) -> str:
        return self.original_name

    @property
    def prefill_type(self) -> str | None:
        """"ktp", "kk" or "sktm" when OCR read the scan as one, else None."""
        doc_type = (self.ocr_result or {}).get("doc_type")
        return doc_type if doc_type in PREFILL_DOC_TYPES else None

    @property
    def awaits_confirmation(self) -> bool:
        """Whether its reading waits for a clerk to confirm or set it aside."""
        return (
            self.prefill_type is not None
            and self.ocr_fields_offered is None
            and self.purged_at is None
        )

    @property
    def is_image(self) -> bool:
        return self.mime_type.startswith("image/")

    @property
    def ocr_status_label(self) -> str:
        return OCR_STATUS_LABELS[OcrStatus(self.ocr_status)]


class DtksCheck(db.Model):
    """Evidence of a look-up in SIKS-NG (DTKS, now DTSEN) made by a person."""

    __tablename__ = "dtks_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    checked_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)
    registered: Mapped[bool]
    dtks_id: Mapped[str | None] = mapped_column(String(40))
    desil: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)
    screenshot_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))

    case: Mapped[Case] = relationship(back_populates="dtks_checks")
    checked_by: Mapped[User] = relationship()
    screenshot: Mapped[Document | None] = relationship()


class Assessment(db.Model):
    """An assessment or home visit; it holds specific personal data."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    kind: Mapped[str] = mapped_column(String(30), default="asesmen")
    visited_on: Mapped[date]
    findings: Mapped[str] = mapped_column(Text)
    recommendation: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="assessments")
    officer: Mapped[User] = relationship()


class FollowUpKind(StrEnum):
    CONTROL = "kontrol"
    REFERRAL = "rujukan"


class FollowUp(db.Model):
    """A scheduled control visit or a referral to a partner institution."""

    __tablename__ = "follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date] = mapped_column(index=True)
    sent_on: Mapped[date | None]
    acknowledged_on: Mapped[date | None]
    done_on: Mapped[date | None]
    outcome: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    case: Mapped[Case] = relationship(back_populates="follow_ups")
