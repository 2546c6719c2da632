"""Read a Surat Keterangan Tidak Mampu from a village office."""

from __future__ import annotations

import logging
import re

import cv2
import numpy as np

from ocr import correct
from ocr import table
from ocr import vote
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

# The words the NIK and the letter number are read again after, alone.
ANCHORS = {"nik": r"^n[il1|]k:?$", "nomor_surat": r"^n[o0]m[o0]r:?$"}
NIK_CHARS = "-c tessedit_char_whitelist=0123456789:"
NUMBER_CHARS = ("-c tessedit_char_whitelist=0123456789/-:."
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
NUMBER_SHAPE = re.compile(r"(\d{3})/?(\d{1,4})/?([A-Z]{1,6}(?:[-.][A-Z]{1,6})*)/?"
                          r"(20\d\d)")


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
    _reread_anchored(gray, words, fields)
    fields["tanggal_surat"] = Field(letter_date.isoformat() if letter_date else None,
                                    0.9 if letter_date else 0.0)
    if fields["nik"].confidence < 0.5:
        warnings.append("NIK pada surat tidak terbaca dengan jelas; periksa kembali.")
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


def _reread_anchored(gray: np.ndarray, words: list[Word],
                     fields: dict[str, Field]) -> None:
    """Read the NIK and letter number again right of their labels, and vote.

    Chat apps shrink a page until slashes and thin digits blur away; the
    value alone, enlarged and read with only the characters it may hold,
    loses fewer of them. Readings that disagree leave the confidence low.
    """
    for name, chars, normalise in (("nik", NIK_CHARS, _nik),
                                   ("nomor_surat", NUMBER_CHARS, _number)):
        crop = _right_of_label(gray, words, ANCHORS[name])
        if crop is None:
            continue
        texts = table.read_cells(vote.variants(crop), extra=chars)
        first = fields[name]
        readings = [normalise(first.value or "")] + [normalise(t) for t in texts]
        result = vote.vote(readings)
        log.debug("SKTM %s: %d of %d readings agree", name, result.count,
                  len(readings))
        if result.value is None:
            continue
        confidence = max(first.confidence, 0.9) if result.share > 0.5 else 0.4
        fields[name] = Field(result.value, confidence)


def _right_of_label(gray: np.ndarray, words: list[Word], pattern: str
                    ) -> np.ndarray | None:
    label = next((w for w in words if re.match(pattern, w.text, re.I)), None)
    if label is None:
        return None
    pad = int(0.45 * label.height)
    # Twenty-five letter heights hold a NIK or a letter number, not the
    # rest of a long line.
    right = min(label.right + 25 * label.height, gray.shape[1] - pad)
    crop = gray[max(label.top - pad, 0):label.bottom + pad, label.right + pad:right]
    if crop.size == 0:
        return None
    # Chat pictures come small: bring the letters to about 40 px first.
    scale = max(1.0, 40 / max(label.height, 1))
    return cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)


def _nik(text: str) -> str | None:
    digits = correct.as_digits(text)
    windows = [digits[i:i + 16] for i in range(max(len(digits) - 15, 0))]
    return next((w for w in windows if birth_date_from_nik(w)), None)


def _number(text: str) -> str | None:
    text = re.sub(r"\s+", "", text).upper().lstrip(":;.")
    match = NUMBER_SHAPE.search(text)
    if match is None:
        return None
    return "/".join(match.groups())
