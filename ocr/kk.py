"""Read a Kartu Keluarga: the family number, head, address and member table."""

from __future__ import annotations

import numpy as np

from ocr.engine import Word
from ocr.result import Field

KEYWORDS = ("KARTU", "KELUARGA", "KEPALA", "KABUPATEN/KOTA")


def keyword_score(words: list[Word]) -> int:
    """Count KK words found."""
    found = {w.text.upper().strip(":") for w in words}
    return sum(1 for k in KEYWORDS if k in found)


def read_kk(gray: np.ndarray, words: list[Word]
            ) -> tuple[dict[str, Field], list[dict[str, str]], list[str]]:
    """Read an upright KK page."""
    return {}, [], ["Pembacaan KK belum tersedia."]
