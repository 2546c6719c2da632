"""People the office serves, and the region reference data."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.time import utcnow
from backoffice.extensions import db

# The person's data as forms, OCR prefill and the audit trail name it.
PERSON_FIELDS = (
    "nik",
    "no_kk",
    "nama",
    "tempat_lahir",
    "tanggal_lahir",
    "jenis_kelamin",
    "alamat",
    "rt_rw",
    "kel_desa",
    "kecamatan",
    "agama",
    "status_perkawinan",
    "pekerjaan",
    "telepon",
    "description",
)
# The fields an identity document can tell (not the phone or a description).
DOCUMENT_FIELDS = PERSON_FIELDS[:-2]


class Kecamatan(db.Model):
    __tablename__ = "kecamatan"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)

    villages: Mapped[list[Desa]] = relationship(
        back_populates="kecamatan", order_by="Desa.name"
    )

    def __str__(self) -> str:
        return self.name


class Desa(db.Model):
    __tablename__ = "desa"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    kecamatan_code: Mapped[str] = mapped_column(ForeignKey("kecamatan.code"))
    name: Mapped[str] = mapped_column(String(80))
    is_kelurahan: Mapped[bool] = mapped_column(default=False)

    kecamatan: Mapped[Kecamatan] = relationship(back_populates="villages")

    def __str__(self) -> str:
        return self.name


class Person(db.Model):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    # NULL for people without papers: several NULLs never collide.
    nik: Mapped[str | None] = mapped_column(String(16), unique=True)
    no_kk: Mapped[str | None] = mapped_column(String(16), index=True)
    nama: Mapped[str] = mapped_column(String(120), index=True)
    tempat_lahir: Mapped[str | None] = mapped_column(String(80))
    tanggal_lahir: Mapped[date | None]
    jenis_kelamin: Mapped[str | None] = mapped_column(String(12))
    alamat: Mapped[str | None] = mapped_column(Text)
    rt_rw: Mapped[str | None] = mapped_column(String(9))
    kel_desa: Mapped[str | None] = mapped_column(String(80))
    kecamatan: Mapped[str | None] = mapped_column(String(80))
    agama: Mapped[str | None] = mapped_column(String(20))
    status_perkawinan: Mapped[str | None] = mapped_column(String(20))
    pekerjaan: Mapped[str | None] = mapped_column(String(80))
    telepon: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    def __str__(self) -> str:
        return self.nama
