"""Letter numbers built from an office's pattern."""

from __future__ import annotations

import datetime as dt
import string

from letters.errors import TemplateError

PLACEHOLDERS = frozenset({"code", "seq", "unit", "month", "month_roman", "year"})

ROMAN_MONTHS = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
)

_KNOWN = ", ".join("{" + name + "}" for name in sorted(PLACEHOLDERS))


def validate_number_pattern(pattern: str) -> None:
    """Check a number pattern such as ``{code}/{seq:04}/{unit}/{month_roman}/{year}``.

    Args:
        pattern: The pattern; placeholders are ``{code}``, ``{seq}``, ``{unit}``,
            ``{month}``, ``{month_roman}`` and ``{year}``, each with an optional
            format such as ``{seq:04}``.

    Raises:
        TemplateError: The pattern is malformed, names an unknown placeholder or
            has no ``{seq}``.
    """
    format_number(pattern, code="460", seq=1, on=dt.date(2026, 1, 1))


def format_number(
    pattern: str, *, code: str, seq: int, on: dt.date, unit: str = "DINSOS"
) -> str:
    """Build a letter number from a pattern.

    Args:
        pattern: See :func:`validate_number_pattern`.
        code: Archive classification code, e.g. ``460``.
        seq: Sequence number of the letter.
        on: Date of the letter, for the month and year.
        unit: Short name of the issuing unit.

    Returns:
        The number, e.g. ``460/0153/DINSOS/X/2026``.

    Raises:
        TemplateError: The pattern cannot be used.
    """
    fields = _parse(pattern)
    values: dict[str, object] = {
        "code": code,
        "seq": seq,
        "unit": unit,
        "month": on.month,
        "month_roman": ROMAN_MONTHS[on.month - 1],
        "year": on.year,
    }

    parts = []
    for literal, name, spec in fields:
        parts.append(literal)
        if name is None:
            continue
        try:
            parts.append(format(values[name], spec))
        except (ValueError, TypeError) as exc:
            msg = f"Format '{{{name}:{spec}}}' pada pola nomor tidak dapat dipakai."
            raise TemplateError(msg) from exc

    return "".join(parts)


def _parse(pattern: str) -> list[tuple[str, str | None, str]]:
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        msg = "Pola nomor tidak valid: periksa tanda kurung kurawal { }."
        raise TemplateError(msg) from exc

    fields: list[tuple[str, str | None, str]] = []
    for literal, name, spec, conversion in parsed:
        if name is None:
            fields.append((literal, None, ""))
            continue
        if name not in PLACEHOLDERS:
            msg = (
                f"Pola nomor memuat bagian tidak dikenal '{{{name}}}'. "
                f"Yang dapat dipakai: {_KNOWN}."
            )
            raise TemplateError(msg)
        if conversion or "{" in (spec or ""):
            msg = f"Format '{{{name}}}' pada pola nomor tidak dapat dipakai."
            raise TemplateError(msg)
        fields.append((literal, name, spec or ""))

    if not any(name == "seq" for _, name, _ in fields):
        msg = "Pola nomor harus memuat nomor urut {seq}."
        raise TemplateError(msg)
    return fields
