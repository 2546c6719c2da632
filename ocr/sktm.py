"""Read a Surat Keterangan Tidak Mampu from a village office."""

from __future__ import annotations

import logging
import re

import numpy as np

from ocr import correct
from ocr.engine import Word
from ocr.engine import group_lines
from ocr.nik import birth_date_from_nik
from ocr.result import Field

log = logging.getLogger(__name__)

KEYWORDS = ("SURAT", "KETERANGAN", "TIDAK", "MAMPU", "NOMOR")
FIELD_ORDER = ("nomor_surat", "nama", "nik", "kel_desa", "kecamatan", "tanggal_surat")
LABELS = {
    "nomor_surat": r"^\s*n[o0]m[o0]r\b",
    "nama": r"^\s*nama\b",
    "nik": r"^\s*n[il1|]k\b",
    "kel_desa": r"^\s*(desa|kelurahan|kel\s*/\s*desa|desa\s*/\s*kelurahan)\b",
    "kecamatan": r"^\s*kecamatan\s*:",
}


def keyword_score(words: list[Word]) -> int:
    """Count SKTM words found."""
    found = {w.text.upper().strip(":") for w in words}
    return sum(1 for k in KEYWORDS if k in found)


def read_sktm(gray: np.ndarray, words: list[Word]) -> tuple[dict[str, Field], list[str]]:
    """Read an upright SKTM page.

    Args:
        gray: The page, grey and upright (unused; kept for a uniform step
            signature).
        words: Tesseract's words on the page.

    Returns:
        The fields of :data:`FIELD_ORDER` and warnings in Indonesian.
    """
    warnings: list[str] = []
    raw: dict[str, tuple[str, float]] = {}
    letter_date = None
    for line in group_lines(words):
        text = " ".join(w.text for w in line)
        conf = float(np.mean([w.conf for w in line]))
        for name, pattern in LABELS.items():
            match = re.search(pattern, text, re.I)
            if match and name not in raw:
                value = text[match.end():].strip(" :;.")
                raw[name] = (value, conf)
                break
        if re.search(r"\d{1,2}\s+[A-Za-z]{3,}\s+\d{4}", text):
            letter_date = correct.parse_date(text) or letter_date

    fields = _fields(raw, warnings)
    fields["tanggal_surat"] = Field(letter_date.isoformat() if letter_date else None,
                                    0.9 if letter_date else 0.0)
    unsure = [n for n in FIELD_ORDER if fields[n].confidence < 0.5]
    if unsure:
        warnings.append("Periksa kembali isian yang kurang jelas: " + ", ".join(unsure)
                        + ".")
    return {n: fields.get(n, Field(None, 0.0)) for n in FIELD_ORDER}, warnings


def _fields(raw: dict[str, tuple[str, float]], warnings: list[str]) -> dict[str, Field]:
    fields: dict[str, Field] = {}
    text, conf = raw.get("nomor_surat", ("", 0.0))
    number = re.sub(r"\s+", "", text).upper().replace("\\", "/")
    fields["nomor_surat"] = Field(number or None, conf if number else 0.0)

    text, conf = raw.get("nama", ("", 0.0))
    fields["nama"] = Field(correct.clean_name(text) or None, conf)

    text, conf = raw.get("nik", ("", 0.0))
    nik = correct.as_digits(text)
    if len(nik) > 16:
        # A colon read as 1 or a stray mark adds digits: keep a valid window.
        windows = [nik[i:i + 16] for i in range(len(nik) - 15)]
        nik = next((w for w in windows if birth_date_from_nik(w)), nik)
    if len(nik) == 16 and birth_date_from_nik(nik):
        fields["nik"] = Field(nik, conf)
    else:
        fields["nik"] = Field(nik or None, min(conf, 0.3))
        warnings.append("NIK pada surat tidak terbaca dengan jelas; periksa kembali.")

    text, conf = raw.get("kecamatan", ("", 0.0))
    best, ratio = correct.closest(text, correct.KECAMATAN_NAMES)
    fields["kecamatan"] = Field(best, max(conf, ratio) * ratio) if best else Field(
        None, 0.0)

    text, conf = raw.get("kel_desa", ("", 0.0))
    best, ratio = correct.closest(text, correct.DESA_NAMES + correct.KECAMATAN_NAMES,
                                  cutoff=0.85)
    if best:
        fields["kel_desa"] = Field(best, max(conf, ratio) * ratio)
    else:
        fields["kel_desa"] = Field(correct.clean_text(text) or None, conf * 0.9)
    return fields
