"""NIK and No. KK checks shared by the OCR pipeline and the web forms.

A NIK is ``PP KK CC DDMMYY SSSS``: province, regency, kecamatan of first
registration, birth date (day + 40 for women) and a serial. Errors make a
number unusable; warnings are for a human to look at and never block.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ocr.regions import KAMPAR_PREFIX
from ocr.regions import PROVINCES
from ocr.regions import kecamatan_by_code

LAKI_LAKI = "LAKI-LAKI"
PEREMPUAN = "PEREMPUAN"

_NON_DIGIT_SEPARATORS = re.compile(r"[\s.\-]")


@dataclass(frozen=True)
class NikInfo:
    """The parts of a structurally valid NIK."""

    nik: str
    province: str
    regency: str
    kecamatan: str
    birth_date: dt.date
    sex: str
    serial: str

    @property
    def province_name(self) -> str | None:
        """Name of the province of first registration, if the code is known."""
        return PROVINCES.get(self.province)

    @property
    def is_kampar(self) -> bool:
        """True when first registered in Kabupaten Kampar."""
        return self.nik.startswith(KAMPAR_PREFIX)

    @property
    def kecamatan_name(self) -> str | None:
        """Kampar kecamatan name for Kampar NIKs, else None."""
        if not self.is_kampar:
            return None
        return kecamatan_by_code(self.kecamatan)


@dataclass
class NikCheck:
    """Result of :func:`check_nik`: blocking errors and advisory warnings."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the number has no hard error."""
        return not self.errors


def normalize_nik(value: str) -> str:
    """Strip spaces, dots and dashes that people type inside a NIK."""
    return _NON_DIGIT_SEPARATORS.sub("", value or "")


def mask_nik(nik: str | None) -> str:
    """Mask a NIK or No. KK for display and logs.

    The first 4 digits (province and regency, not personal) and the last 4
    (serial) stay visible; the kecamatan and birth date are hidden, e.g.
    ``1401********1234``. Anything that is not 16 characters is fully masked.

    Args:
        nik: The number, possibly None.

    Returns:
        The masked text.
    """
    nik = normalize_nik(nik or "")
    if len(nik) != 16:
        return "*" * len(nik)
    return nik[:4] + "*" * 8 + nik[-4:]


def birth_date_from_nik(nik: str) -> tuple[dt.date, str] | None:
    """Return the birth date and sex encoded in a NIK, or None if invalid.

    Two-digit years are read as the latest year not in the future.
    """
    if len(nik) != 16 or not nik.isdigit():
        return None
    day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = LAKI_LAKI
    if day > 40:
        day -= 40
        sex = PEREMPUAN

    this_year = dt.date.today().year
    year = 2000 + year2
    if year > this_year:
        year -= 100
    try:
        return dt.date(year, month, day), sex
    except ValueError:
        return None


def parse_nik(value: str) -> NikInfo:
    """Split a NIK into its parts.

    Args:
        value: The NIK; spaces, dots and dashes are ignored.

    Returns:
        The parsed parts.

    Raises:
        ValueError: With an Indonesian message when the NIK has a hard error
            (see :func:`check_nik`).
    """
    nik = normalize_nik(value)
    errors = _structural_errors(nik)
    if errors:
        raise ValueError(errors[0])

    parsed = birth_date_from_nik(nik)
    assert parsed is not None  # guaranteed by _structural_errors
    birth_date, sex = parsed
    return NikInfo(
        nik=nik,
        province=nik[0:2],
        regency=nik[2:4],
        kecamatan=nik[4:6],
        birth_date=birth_date,
        sex=sex,
        serial=nik[12:16],
    )


def check_nik(
    value: str,
    *,
    birth_date: dt.date | None = None,
    sex: str | None = None,
    label: str = "NIK",
) -> NikCheck:
    """Check a NIK and compare it with the birth date and sex on the document.

    Args:
        value: The NIK as typed or read.
        birth_date: Birth date printed on the document, if known.
        sex: ``"LAKI-LAKI"`` or ``"PEREMPUAN"`` from the document, if known.
        label: Name of the number in messages (``"NIK"`` or ``"No. KK"``).

    Returns:
        Hard errors (the number cannot be right) and warnings (someone should
        look, but the number may be right: region codes of first registration
        and mismatches with the document are never grounds to reject).
    """
    nik = normalize_nik(value)
    result = NikCheck(errors=_structural_errors(nik, label))
    if result.errors:
        return result

    info = parse_nik(nik)
    if info.province_name is None:
        result.warnings.append(
            f"Kode provinsi {info.province} pada {label} tidak dikenal."
        )
    elif not info.is_kampar:
        result.warnings.append(
            f"{label} terdaftar pertama kali di luar Kabupaten Kampar "
            f"(kode wilayah {nik[:4]})."
        )
    elif info.kecamatan_name is None:
        result.warnings.append(
            f"Kode kecamatan {info.kecamatan} pada {label} bukan kecamatan "
            "di Kabupaten Kampar."
        )

    if birth_date is not None and birth_date != info.birth_date:
        result.warnings.append(
            f"Tanggal lahir pada {label} ({info.birth_date:%d-%m-%Y}) berbeda "
            f"dengan tanggal lahir pada dokumen ({birth_date:%d-%m-%Y})."
        )
    if sex is not None and sex.upper() != info.sex:
        result.warnings.append(
            f"Jenis kelamin menurut {label} ({info.sex}) berbeda dengan "
            f"dokumen ({sex.upper()})."
        )
    return result


def check_no_kk(value: str) -> NikCheck:
    """Check a family card number (16 digits, starting with a region code).

    The middle six digits of a No. KK are not a birth date, so only the
    length, the digits and the region are checked.
    """
    number = normalize_nik(value)
    result = NikCheck()
    if not number:
        result.errors.append("No. KK wajib diisi.")
    elif not number.isdigit():
        result.errors.append("No. KK hanya boleh berisi angka.")
    elif len(number) != 16:
        result.errors.append(f"No. KK harus 16 digit (tertulis {len(number)}).")
    elif number[:2] not in PROVINCES:
        result.warnings.append(f"Kode provinsi {number[:2]} pada No. KK tidak dikenal.")
    elif not number.startswith(KAMPAR_PREFIX):
        result.warnings.append("No. KK diterbitkan di luar Kabupaten Kampar.")
    return result


def nik_problems(
    value: str,
    *,
    birth_date: dt.date | None = None,
    sex: str | None = None,
) -> list[str]:
    """Return every problem with a NIK, errors first, as Indonesian messages."""
    result = check_nik(value, birth_date=birth_date, sex=sex)
    return result.errors + result.warnings


def _structural_errors(nik: str, label: str = "NIK") -> list[str]:
    if not nik:
        return [f"{label} wajib diisi."]
    if not nik.isdigit():
        return [f"{label} hanya boleh berisi angka."]
    if len(nik) != 16:
        return [f"{label} harus 16 digit (tertulis {len(nik)})."]
    if nik[12:16] == "0000":
        return [f"Nomor urut pada {label} tidak boleh 0000."]
    if birth_date_from_nik(nik) is None:
        return [f"Tanggal lahir yang terkandung dalam {label} tidak valid."]
    return []
