"""Jinja filters available to letter templates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import Undefined

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

#: Kabupaten Kampar keeps Western Indonesian Time, which has no daylight saving.
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")

EMPTY = "-"


def _is_missing(value: object) -> bool:
    return isinstance(value, Undefined) or value is None or value == ""


def tanggal(value: Any) -> str:
    """Write a date the Indonesian way, e.g. ``3 Desember 2026``.

    Args:
        value: A ``date`` or ``datetime``; ``None`` gives ``-``.

    Returns:
        The date in words, or the value unchanged as text when it is not a date.
    """
    if _is_missing(value):
        return EMPTY
    if isinstance(value, dt.datetime):
        value = _to_wib(value).date()
    if not isinstance(value, dt.date):
        return str(value)

    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def tanggal_waktu(value: Any) -> str:
    """Write a moment as ``3 Desember 2026 pukul 09.30 WIB``.

    Args:
        value: A ``datetime``; a naive one is taken to be in WIB already, an
            aware one is converted to WIB. A plain ``date`` gives only the date.

    Returns:
        The date and time in words.
    """
    if not isinstance(value, dt.datetime):
        return tanggal(value)

    moment = _to_wib(value)
    return f"{tanggal(moment.date())} pukul {moment:%H.%M} WIB"


def _to_wib(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value
    return value.astimezone(WIB)


def nik_mask(value: Any) -> str:
    """Hide the middle of a NIK, keeping the first and the last 4 digits.

    The same rule as ``ocr.nik.mask_nik``: the kecamatan code and the birth
    date, which identify a person together, stay hidden.

    Args:
        value: A NIK (16 digits); shorter values are masked all but 2 ends.

    Returns:
        For example ``1401********0002``.
    """
    if _is_missing(value):
        return EMPTY
    text = str(value).strip()
    if len(text) >= 12:
        return text[:4] + "*" * (len(text) - 8) + text[-4:]
    if len(text) > 4:
        return text[:2] + "*" * (len(text) - 4) + text[-2:]

    return "*" * len(text)


def upper(value: Any) -> str:
    """Upper-case a value; nothing gives an empty string, not ``NONE``."""
    if _is_missing(value):
        return ""
    return str(value).upper()


def default(value: Any, fallback: str = EMPTY) -> Any:
    """Replace a missing, ``None`` or empty value by ``fallback`` (``-``)."""
    if _is_missing(value):
        return fallback
    return value


FILTERS = {
    "tanggal": tanggal,
    "tanggal_waktu": tanggal_waktu,
    "nik_mask": nik_mask,
    "upper": upper,
    "default": default,
    "d": default,
}
