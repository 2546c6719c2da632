"""Read a Surat Keterangan Tidak Mampu from a village office."""

from __future__ import annotations

import numpy as np

from ocr.engine import Word
from ocr.result import Field

KEYWORDS = ("SURAT", "KETERANGAN", "TIDAK", "MAMPU", "NOMOR")


def keyword_score(words: list[Word]) -> int:
    """Count SKTM words found."""
    found = {w.text.upper().strip(":") for w in words}
    return sum(1 for k in KEYWORDS if k in found)


def read_sktm(gray: np.ndarray, words: list[Word]) -> tuple[dict[str, Field], list[str]]:
    """Read an upright SKTM page."""
    return {}, ["Pembacaan SKTM belum tersedia."]
