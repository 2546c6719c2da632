"""An imported snapshot of the DTKS/DTSEN register, for quick look-ups.

There is no public API to the register: an operator exports from SIKS-NG and
imports the file here. The snapshot only hints; the evidence for a case is
still the officer's own check (``DtksCheck``), because the register changes
every quarter.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.auth.models import User
from backoffice.core.time import utcnow
from backoffice.extensions import db


class DtksImport(db.Model):
    __tablename__ = "dtks_import"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    row_count: Mapped[int] = mapped_column(default=0)

    imported_by: Mapped[User | None] = relationship()


class DtksEntry(db.Model):
    __tablename__ = "dtks_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(
        ForeignKey("dtks_import.id", ondelete="CASCADE"), index=True
    )
    nik: Mapped[str] = mapped_column(String(16), index=True)
    dtks_id: Mapped[str | None] = mapped_column(String(40))
    desil: Mapped[int | None]
    status: Mapped[str | None] = mapped_column(String(60))

    source: Mapped[DtksImport] = relationship()
