"""The service catalogue: services, their requirements and their steps."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.extensions import db


class DocKind(StrEnum):
    KTP = "ktp"
    KK = "kk"
    SKTM = "sktm"
    DOCTOR_LETTER = "surat_dokter"
    POLICE_LETTER = "surat_polisi"
    PHOTO = "foto"
    OTHER = "lainnya"


DOC_KIND_LABELS = {
    DocKind.KTP: "KTP",
    DocKind.KK: "Kartu Keluarga",
    DocKind.SKTM: "SKTM",
    DocKind.DOCTOR_LETTER: "Surat dokter / rumah sakit / puskesmas",
    DocKind.POLICE_LETTER: "Surat kepolisian",
    DocKind.PHOTO: "Foto",
    DocKind.OTHER: "Lainnya",
}


class Sensitivity(StrEnum):
    """How specific the personal data of a service's cases is (UU PDP)."""

    GENERAL = "umum"
    HEALTH = "kesehatan"
    CHILD = "anak"


SENSITIVITY_LABELS = {
    Sensitivity.GENERAL: "Umum",
    Sensitivity.HEALTH: "Data kesehatan",
    Sensitivity.CHILD: "Data anak",
}


class Service(db.Model):
    __tablename__ = "service"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    area: Mapped[str] = mapped_column(String(80))
    description: Mapped[str | None] = mapped_column(Text)
    letter_kind: Mapped[str | None] = mapped_column(String(40))
    sla_days: Mapped[int] = mapped_column(default=3)
    classification_code: Mapped[str | None] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    sensitivity: Mapped[str] = mapped_column(String(20), default=Sensitivity.GENERAL)
    requires_dtks: Mapped[bool] = mapped_column(default=False)
    requires_assessment: Mapped[bool] = mapped_column(default=False)
    has_applicant: Mapped[bool] = mapped_column(default=True)
    exclusive_group: Mapped[str | None] = mapped_column(String(40))
    block_duplicates: Mapped[bool] = mapped_column(default=False)
    follow_up_months: Mapped[int | None]
    referral_target: Mapped[str | None] = mapped_column(String(120))

    requirements: Mapped[list[Requirement]] = relationship(
        back_populates="service",
        order_by="Requirement.position",
        cascade="all, delete-orphan",
    )
    steps: Mapped[list[Step]] = relationship(
        back_populates="service", order_by="Step.position", cascade="all, delete-orphan"
    )

    def __str__(self) -> str:
        return self.name


class Requirement(db.Model):
    __tablename__ = "requirement"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=1)
    text: Mapped[str] = mapped_column(Text)
    doc_kind: Mapped[str] = mapped_column(String(20), default=DocKind.OTHER)
    mandatory: Mapped[bool] = mapped_column(default=True)
    original_required: Mapped[bool] = mapped_column(default=False)
    validity_days: Mapped[int | None]

    service: Mapped[Service] = relationship(back_populates="requirements")

    def __str__(self) -> str:
        return self.text

    @property
    def is_medical(self) -> bool:
        return self.doc_kind == DocKind.DOCTOR_LETTER


class Step(db.Model):
    __tablename__ = "step"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=1)
    actor: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text)
    stage: Mapped[str | None] = mapped_column(String(30))

    service: Mapped[Service] = relationship(back_populates="steps")

    def __str__(self) -> str:
        return f"{self.actor}: {self.description}"
