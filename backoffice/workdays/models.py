"""Days the office decides on itself, beside the national calendar."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.extensions import db


class DayOff(db.Model):  # type: ignore[name-defined]
    """A local closure, or a national day off on which the office still works."""

    __tablename__ = "day_off"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(120))
    office_open: Mapped[bool] = mapped_column(default=False)

    def __str__(self) -> str:
        return f"{self.day:%d-%m-%Y} {self.name}"
