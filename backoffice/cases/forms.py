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
