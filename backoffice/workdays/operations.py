"""Working days: Monday to Friday, less holidays and joint leave (cuti bersama).

National holidays and the government's joint leave days come from the
``holidays`` package; the admin records local closures and corrections as
:class:`DayOff` rows, which win over the national calendar.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

import holidays
from flask import g
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.workdays.models import DayOff

CATEGORIES = ("public", "government")  # government: cuti bersama


@functools.lru_cache(maxsize=16)
def national_days_off(year: int) -> dict[date, str]:
    """Indonesia's public holidays and joint leave days of a year, by date."""
    calendar = holidays.country_holidays(
        "ID", years=year, categories=CATEGORIES, language="id"
    )
    return dict(sorted(calendar.items()))


def _office_decisions() -> dict[date, bool]:
    """Every DayOff row as {day: office_open}, read once per request."""
    if "office_decisions" not in g:
        rows = db.session.execute(select(DayOff.day, DayOff.office_open))
        g.office_decisions = {day: bool(is_open) for day, is_open in rows}
    return g.office_decisions  # type: ignore[no-any-return]


def is_working_day(day: date) -> bool:
    """Say whether the office serves the public on ``day``."""
    decided = _office_decisions().get(day)
    if decided is not None:
        return decided
    return day.weekday() < 5 and day not in national_days_off(day.year)


def working_days_between(start: date, end: date) -> int:
    """Count the working days after ``start`` up to and including ``end``."""
    days = 0
    current = start + timedelta(days=1)
    while current <= end:
        days += is_working_day(current)
        current += timedelta(days=1)
    return days
