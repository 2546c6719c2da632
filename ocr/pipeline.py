"""The reading pipeline: load, locate, straighten, classify, read, correct.

Each step is a small typed function so that a failure can be traced to one
step and a step can be tested alone.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from ocr import engine
from ocr import geometry
from ocr import kk
from ocr import ktp
from ocr import sktm
from ocr.errors import OcrError
from ocr.errors import UnreadableScanError
from ocr.load import load_pages
from ocr.load import read_bytes
from ocr.result import OcrResult

log = logging.getLogger(__name__)

CARD_WIDTH = 1200
PAGE_WIDTH = 1800
CARD_RATIOS = (1.45, 1.8)
# A KK page narrower than this in the picture (about 85 dpi across A4) prints
# its member table's letters and digits a few pixels high: more of them are
# misread than a clerk would expect, so the clerk is told.
KK_MIN_WIDTH = 1000
LOW_RESOLUTION_KK = ("Resolusi foto KK rendah: tulisan pada tabel anggota sangat "
                     "kecil. Periksa nama dan NIK setiap anggota, atau unggah "
                     "pindaian/foto yang lebih dekat.")


@dataclass
class Prepared:
    """An upright, straightened, grey document with tesseract's words on it."""

    gray: np.ndarray
    words: list[engine.Word]
    is_card: bool
    # The document's width in the picture, in pixels, before it was scaled.
    source_width: int
    # Where a reflection washes a card's print out, aligned with ``gray``;
    # None for a page.
    glare: np.ndarray | None = None


def read_document(data: bytes | str | Path, *, filename: str | None = None
                  ) -> OcrResult:
    """Read a KTP, KK or SKTM from an image or PDF.

    Args:
        data: The file's bytes or its path.
        filename: Original name, used only in log messages.

    Returns:
        The document type, fields with confidences, KK members and warnings.

    Raises:
        OcrError: The file cannot be read (empty, not an image or PDF,
            corrupt, too large, encrypted, too many pages, OCR timeout);
            any unexpected failure of a step becomes
            :class:`~ocr.errors.UnreadableScanError`.
    """
    started = time.perf_counter()
    pages = load_pages(read_bytes(data))
    try:
        result = read_page(pages[0])
    except OcrError:
        raise
    except Exception as e:
        # A picture no step was written for must not take the web app down.
        log.exception("reading %s failed", filename or "document")
        raise UnreadableScanError() from e
    result.seconds = time.perf_counter() - started
    log.info("read %s as %s in %.2f s", filename or "document", result.doc_type,
             result.seconds)
    return result


def read_page(image: np.ndarray) -> OcrResult:
    """Run every step on one page image."""
    if geometry.looks_blank(geometry.to_gray(image)):
        return _other("Gambar kosong atau terlalu kecil untuk dibaca.")
    located = geometry.locate_document(image)
    prepared = prepare(located.image)
    doc_type = classify(prepared)

    if doc_type in ("ktp", "kia"):
        fields, warnings = ktp.read_ktp(prepared.gray, prepared.words,
                                        child=doc_type == "kia", glare=prepared.glare)
        return OcrResult("ktp", fields, [], warnings)
    if doc_type == "kk":
        fields, members, warnings = kk.read_kk(prepared.gray, prepared.words)
        if prepared.source_width < KK_MIN_WIDTH:
            log.warning("KK page only %d px wide", prepared.source_width)
            warnings.insert(0, LOW_RESOLUTION_KK)
        return OcrResult("kk", fields, members, warnings)
    if doc_type == "sktm":
        fields, warnings = sktm.read_sktm(prepared.gray, prepared.words)
        return OcrResult("sktm", fields, [], warnings)
    return _other("Dokumen tidak dikenali sebagai KTP, KK atau SKTM.")


def _other(warning: str) -> OcrResult:
    log.warning("document not recognised: %s", warning)
    return OcrResult("other", warnings=[warning])


def _scale_to(gray: np.ndarray, width: int) -> np.ndarray:
    factor = width / gray.shape[1]
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=interpolation)


def prepare(document: np.ndarray) -> Prepared:
    """Make the document upright and readable, then run tesseract.

    The direction of the text lines gives a first guess of the quarter
    turn, and on a card the letters' ascenders tell whether it is upside
    down; when tesseract does not find words it knows that way up, the
    other three ways are tried and the best kept.
    """
    gray = geometry.to_gray(document)
    first = 0 if geometry.text_is_horizontal(geometry.flatten_light(gray)) else 1
    straight = _straighten(gray, first)
    # XXX: only cards are judged this way: a KK page is mostly capitals in
    # ruled cells, which fool the measure into turning it over.
    if straight.is_card and geometry.upside_down(straight.gray):
        # Turning the straightened picture over keeps it straight.
        first, straight = first + 2, _turned_over(straight)
        log.debug("document looks upside down; read turned over first")

    best: Prepared | None = None
    best_score = -1
    for turns in (first, first + 2, first + 1, first + 3):
        candidate = straight if turns == first else _straighten(gray, turns)
        candidate.words = engine.read_words(candidate.gray,
                                            psm=6 if candidate.is_card else 4)
        score = _known_words(candidate.words)
        if score > best_score:
            best, best_score = candidate, score
        if score >= 3:
            break
    assert best is not None
    return best


def _straighten(gray: np.ndarray, turns: int) -> Prepared:
    """Turn, scale, flatten and deskew; also say whether it is a card.

    The words are not read yet.
    """
    gray = geometry.rotate(gray, turns)
    ratio = gray.shape[1] / gray.shape[0]
    is_card = CARD_RATIOS[0] <= ratio <= CARD_RATIOS[1] and gray.shape[1] < 1500
    width = CARD_WIDTH if is_card else min(PAGE_WIDTH, max(gray.shape[1], 1400))
    scaled = _scale_to(gray, width)
    flat = geometry.flatten_light(scaled)
    angle = geometry.skew_angle(flat)
    glare = None
    if is_card:
        # Found before flattening, which evens a reflection out with the rest.
        mask = geometry.glare_mask(scaled).astype(np.uint8) * 255
        glare = geometry.turn_by(mask, angle) > 127
    return Prepared(geometry.turn_by(flat, angle), [], is_card, gray.shape[1], glare)


def _turned_over(prepared: Prepared) -> Prepared:
    """The straightened card turned half a turn, its glare mask with it."""
    glare = prepared.glare
    return Prepared(geometry.rotate(prepared.gray, 2), [], prepared.is_card,
                    prepared.source_width,
                    None if glare is None else geometry.rotate(glare, 2))


def _known_words(words: list[engine.Word]) -> int:
    return ktp.keyword_score(words) + kk.keyword_score(words) + sktm.keyword_score(
        words)


def classify(prepared: Prepared) -> str:
    """Return ``"ktp"``, ``"kia"``, ``"kk"``, ``"sktm"`` or ``"other"``.

    ``"kia"`` is a child's identity card, read like a KTP.
    """
    text = " ".join(w.text for w in prepared.words).upper()
    if sktm.keyword_score(prepared.words) >= 2 and "MAMPU" in text:
        return "sktm"
    # A KIA prints No. KK and Nama Kepala Keluarga: its title comes before
    # the family card's keywords.
    if ktp.is_kia(prepared.words) and ktp.keyword_score(prepared.words) >= 3:
        return "kia"
    if kk.keyword_score(prepared.words) >= 2:
        return "kk"
    if ktp.keyword_score(prepared.words) >= 3:
        return "ktp"
    return "other"
