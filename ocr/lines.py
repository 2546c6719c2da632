"""A second engine for single lines: PP-OCR's recogniser, through RapidOCR.

Tesseract reads a page's layout well, but on a chat-app photo a line of small
print is a few pixels tall and its stock models confuse J, T and 1, or 8, 6
and 0, the same way at every scale. PP-OCR's line recogniser, trained on such
pictures, reads most of those lines right. It is used only where a reader
already knows where a value stands (an SKTM's number, NIK and name, a KTP's
name and address lines): it gets a crop of one line and returns its text,
with no page layout of its own.

The models ship inside the ``rapidocr`` wheel; nothing is downloaded. The
recogniser runs with one thread, like tesseract (see :mod:`ocr.engine`).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# Only the line recogniser is loaded: no text detector, no orientation model.
PARAMS = {
    "Global.use_det": False,
    "Global.use_cls": False,
    "Global.text_score": 0.0,
    "Global.log_level": "error",
    "EngineConfig.onnxruntime.intra_op_num_threads": 1,
    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
}

# A reading the recogniser scores under this is not used: below it, its
# readings of blurred print are wrong about as often as tesseract's.
MIN_SCORE = 0.9

_engine: Any = None
_engine_failed = False
_lock = threading.Lock()


@dataclass(frozen=True)
class Line:
    """The recogniser's text for a crop, and its own confidence (0..1)."""

    text: str
    score: float


def _recogniser() -> Any:
    global _engine, _engine_failed
    with _lock:
        if _engine is None and not _engine_failed:
            try:
                from rapidocr import RapidOCR

                _engine = RapidOCR(params=PARAMS)
            except Exception:  # an engine that cannot start leaves tesseract alone
                log.exception("the line recogniser could not be started")
                _engine_failed = True
        return _engine


def read_line(crop: np.ndarray) -> Line | None:
    """Read one line of text from a grey or RGB crop.

    Returns None when the crop is empty, nothing was read, or the recogniser
    is unavailable or failed: the caller then has tesseract's readings only.
    """
    if crop.size == 0 or min(crop.shape[:2]) < 4:
        return None
    engine = _recogniser()
    if engine is None:
        return None
    if crop.ndim == 2:
        crop = np.stack([crop] * 3, axis=-1)
    try:
        result = engine(np.ascontiguousarray(crop), use_det=False, use_cls=False,
                        use_rec=True)
    except Exception:  # a failed reading is one voice fewer, not a failed scan
        log.exception("the line recogniser failed on a %dx%d crop",
                      crop.shape[1], crop.shape[0])
        return None
    texts = getattr(result, "txts", None) or ()
    scores = getattr(result, "scores", None) or ()
    if not texts or not texts[0].strip():
        return None
    return Line(text=texts[0].strip(), score=float(scores[0]) if scores else 0.0)


def read_sure(crop: np.ndarray) -> str | None:
    """The recogniser's text for ``crop`` when it scores at least MIN_SCORE."""
    line = read_line(crop)
    return line.text if line is not None and line.score >= MIN_SCORE else None
