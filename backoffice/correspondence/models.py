"""Letter templates, the office's letterhead, and the register of issued letters."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.auth.models import User
from backoffice.core.time import utcnow
from backoffice.extensions import db


class OfficeProfile(db.Model):
    """The letterhead and numbering settings; one row, edited by admins."""

    __tablename__ = "office_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    government: Mapped[str] = mapped_column(
        String(120), default="PEMERINTAH KABUPATEN KAMPAR"
    )
    office: Mapped[str] = mapped_column(String(120), default="DINAS SOSIAL")
    address: Mapped[str] = mapped_column(
        Text, default="Jl. Prof. M. Yamin, SH, Bangkinang Kota, Kabupaten Kampar, Riau"
    )
    contacts: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(60), default="Bangkinang")
    unit: Mapped[str] = mapped_column(String(30), default="DINSOS")
    shared_sequence: Mapped[bool] = mapped_column(default=True)
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)


class LetterTemplate(db.Model):
    __tablename__ = "letter_template"

    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(Text)
    number_pattern: Mapped[str] = mapped_column(
        String(120), default="{code}/{seq:04}/{unit}/{month_roman}/{year}"
    )
    classification_code: Mapped[str | None] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    def __str__(self) -> str:
        return self.title


class LetterStatus(StrEnum):
    VALID = "berlaku"
    REVOKED = "dicabut"
    REPLACED = "diganti"


LETTER_STATUS_LABELS = {
    LetterStatus.VALID: "Berlaku",
    LetterStatus.REVOKED: "Dicabut",
    LetterStatus.REPLACED: "Diganti",
}


class IssuedLetter(db.Model):
    """A letter as issued: frozen bytes, text and signer, never rewritten."""

    __tablename__ = "issued_letter"
    __table_args__ = (UniqueConstraint("number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(80))
    sequence: Mapped[int]
    year: Mapped[int]
    letter_date: Mapped[date]
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # Deferred: lists and exports of the register must not load every PDF.
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text, deferred=True)
    signer_name: Mapped[str] = mapped_column(String(120))
    signer_nip: Mapped[str | None] = mapped_column(String(18))
    signer_position: Mapped[str | None] = mapped_column(String(120))
    signer_rank: Mapped[str | None] = mapped_column(String(80))
    person_name: Mapped[str | None] = mapped_column(String(120))
    person_nik_masked: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(20), default=LetterStatus.VALID)
    status_reason: Mapped[str | None] = mapped_column(Text)
    status_changed_at: Mapped[datetime | None]
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("issued_letter.id"))

    issued_by: Mapped[User | None] = relationship()
    replaces: Mapped[IssuedLetter | None] = relationship(remote_side=[id])

    def __str__(self) -> str:
        return self.number

    @property
    def status_label(self) -> str:
        return LETTER_STATUS_LABELS[LetterStatus(self.status)]
