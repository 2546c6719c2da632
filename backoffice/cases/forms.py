"""Parsing of the workflow's plain HTML forms, with Indonesian errors."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from werkzeug.datastructures import MultiDict

from backoffice.core.errors import InvalidInput
from backoffice.people.models import PERSON_FIELDS

SEX_CHOICES = ("LAKI-LAKI", "PEREMPUAN")
RELIGIONS = (
    "ISLAM",
    "KRISTEN",
    "KATOLIK",
    "HINDU",
    "BUDHA",
    "KONGHUCU",
    "KEPERCAYAAN TERHADAP TUHAN YME",
)
MARITAL = ("BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI")


def parse_date(value: str | None, label: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise InvalidInput(f"{label}: tanggal tidak valid (contoh: 17-08-1980).")


def parse_int(value: str | None, label: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise InvalidInput(f"{label}: harus berupa angka.")
    return int(value)


def person_data(form: MultiDict[str, str], prefix: str = "") -> dict[str, Any]:
    """Read the person fields of a form (``prefix`` for the applicant's)."""
    data: dict[str, Any] = {key: form.get(prefix + key, "") for key in PERSON_FIELDS}
    data["nik"] = "".join(data["nik"].split())
    data["no_kk"] = "".join(data["no_kk"].split())
    data["tanggal_lahir"] = parse_date(data["tanggal_lahir"], "Tanggal lahir")
    if data["jenis_kelamin"] and data["jenis_kelamin"] not in SEX_CHOICES:
        raise InvalidInput("Jenis kelamin tidak dikenal.")
    return data


MEMBER_FIELDS = ("nik", "nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir")


def member_cell(key: str, index: int) -> str:
    """The prefill form's name of a member's cell: ``member_nik_0``."""
    return f"member_{key}_{index}"


def member_rows(form: MultiDict[str, str], count: int) -> dict[int, dict[str, str]]:
    """The family members the clerk kept in a KK's prefill table, as corrected.

    Rows are numbered 0..count-1 as the reader gave them; only rows whose
    ``member_save`` box is ticked are returned, and no row beyond ``count``.
    """
    chosen = set(form.getlist("member_save"))
    rows = {}
    for index in range(count):
        if str(index) not in chosen:
            continue
        row = {
            key: form.get(member_cell(key, index), "").strip() for key in MEMBER_FIELDS
        }
        row["nik"] = "".join(row["nik"].split())
        rows[index] = row
    return rows


def member_cells(rows: dict[int, dict[str, str]]) -> dict[str, str]:
    """Member rows as the prefill form names their cells."""
    return {
        member_cell(key, index): row[key]
        for index, row in rows.items()
        for key in MEMBER_FIELDS
    }
