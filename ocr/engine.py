"""The one place that calls tesseract: fixed arguments, timeouts, one thread."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import numpy as np
import pytesseract
from PIL import Image

from ocr.errors import EngineError
from ocr.errors import OcrTimeoutError

log = logging.getLogger(__name__)

LANG = "ind"
# Tesseract's English model reads small letter numbers (470/315/DS-KKH/2026)
# better than the Indonesian one, which is tuned on running words.
NUMBERS_LANG = "eng"
TIMEOUT_SECONDS = 20.0

# Tesseract's OpenMP threads fight each other on small machines; one thread
# per call is faster overall and keeps a worker's CPU use predictable.
os.environ["OMP_THREAD_LIMIT"] = "1"


@dataclass(frozen=True)
class Word:
    """A word found by tesseract, with its box in image pixels."""

    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    line_key: tuple[int, int, int]

    @property
    def right(self) -> int:
        """X of the right edge."""
        return self.left + self.width

    @property
    def bottom(self) -> int:
        """Y of the bottom edge."""
        return self.top + self.height


def _config(psm: int, extra: str) -> str:
    return f"--oem 1 --psm {psm} -c preserve_interword_spaces=1 {extra}".strip()


def read_words(
    image: np.ndarray, *, psm: int = 6, extra: str = "", timeout: float | None = None,
    lang: str = LANG,
) -> list[Word]:
    """Run tesseract on a grey or RGB image and return its words.

    Args:
        image: The picture, already cleaned and at a useful scale.
        psm: Tesseract page segmentation mode.
        extra: More ``-c`` options (e.g. a character whitelist).
        timeout: Seconds before giving up; defaults to :data:`TIMEOUT_SECONDS`.
        lang: Tesseract's model: :data:`LANG` for words, :data:`NUMBERS_LANG`
            for codes of digits, slashes and capitals.

    Raises:
        OcrTimeoutError: Tesseract did not finish in time.
        EngineError: Tesseract is missing or failed.
    """
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # pytesseract hands the picture over as a file; an uncompressed one
    # spares the PNG encoder, which costs as much as a small tesseract call.
    picture = Image.fromarray(image)
    picture.format = "PPM"
    try:
        data = pytesseract.image_to_data(
            picture,
            lang=lang,
            config=_config(psm, extra),
            timeout=timeout or TIMEOUT_SECONDS,
            output_type=pytesseract.Output.DICT,
        )
    except RuntimeError as e:
        # pytesseract signals its own timeout with a bare RuntimeError.
        if "timeout" in str(e).lower():
            log.error("tesseract timed out after %.0f s", timeout or TIMEOUT_SECONDS)
            raise OcrTimeoutError() from e
        raise EngineError() from e
    except (pytesseract.TesseractError, pytesseract.TesseractNotFoundError,
            OSError) as e:
        log.error("tesseract failed: %s", e)
        raise EngineError() from e

    words = []
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if not text:
            continue
        words.append(
            Word(
                text=text,
                conf=max(float(data["conf"][i]), 0.0) / 100.0,
                left=int(data["left"][i]),
                top=int(data["top"][i]),
                width=int(data["width"][i]),
                height=int(data["height"][i]),
                line_key=(
                    int(data["block_num"][i]),
                    int(data["par_num"][i]),
                    int(data["line_num"][i]),
                ),
            )
        )
    return words


def group_lines(words: list[Word]) -> list[list[Word]]:
    """Group words into lines, top to bottom, each sorted left to right."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault(word.line_key, []).append(word)
    ordered = [sorted(ws, key=lambda w: w.left) for ws in lines.values()]
    return sorted(ordered, key=lambda ws: min(w.top for w in ws))


def group_rows(words: list[Word]) -> list[list[Word]]:
    """Group words into rows by their vertical position.

    Tesseract splits a table row into several "lines" when it sees columns;
    rows rebuilt from the word boxes keep a member's cells together.
    """
    if not words:
        return []
    height = float(sorted(w.height for w in words)[len(words) // 2])
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.top + w.height / 2):
        center = word.top + word.height / 2
        if rows:
            row_center = sum(w.top + w.height / 2 for w in rows[-1]) / len(rows[-1])
            if abs(center - row_center) < 0.6 * height:
                rows[-1].append(word)
                continue
        rows.append([word])
    return [sorted(row, key=lambda w: w.left) for row in rows]
