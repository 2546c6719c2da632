"""Turn uploaded bytes into page images, refusing what is unsafe to decode."""

from __future__ import annotations

import io
import logging
import warnings
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from PIL import ImageOps

from ocr.errors import EmptyInputError
from ocr.errors import EncryptedPdfError
from ocr.errors import ImageTooLargeError
from ocr.errors import OcrError
from ocr.errors import TooManyPagesError
from ocr.errors import UnsupportedFormatError

log = logging.getLogger(__name__)

MAX_PIXELS = 40_000_000
MAX_PDF_PAGES = 20
MAX_BYTES = 60 * 1024 * 1024
PDF_DPI = 200
IMAGE_FORMATS = ["JPEG", "PNG", "TIFF", "WEBP", "BMP"]


class CorruptImageError(UnsupportedFormatError):
    """The file claims to be an image but cannot be decoded to the end."""

    default_message = "Berkas gambar rusak atau terpotong. Pindai atau foto ulang."


def read_bytes(data: bytes | str | Path) -> bytes:
    """Return the bytes of an upload given as bytes or a path."""
    if isinstance(data, bytes):
        return data
    path = Path(data)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise OcrError("Berkas terlalu besar (maks. 60 MB).")
        return path.read_bytes()
    except OSError as e:
        raise OcrError("Berkas tidak dapat dibuka.") from e


def load_pages(data: bytes) -> list[np.ndarray]:
    """Decode an image or PDF into RGB pages.

    Args:
        data: The file's content.

    Returns:
        One RGB array per page (a single one for images).

    Raises:
        OcrError: Empty, unsupported, corrupt, too large, encrypted or too
            many pages; the message says which.
    """
    if not data:
        raise EmptyInputError()
    if len(data) > MAX_BYTES:
        raise OcrError("Berkas terlalu besar (maks. 60 MB).")
    if data[:5] == b"%PDF-":
        return _load_pdf(data)
    return [_load_image(data)]


def _load_image(data: bytes) -> np.ndarray:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=IMAGE_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise ImageTooLargeError() from e
    except (OSError, ValueError, SyntaxError) as e:
        raise UnsupportedFormatError() from e

    # Header only so far: refuse huge images before any pixel is decoded.
    width, height = image.size
    if width * height > MAX_PIXELS:
        log.warning("refused image of %dx%d pixels", width, height)
        raise ImageTooLargeError()

    try:
        image.load()
        image = ImageOps.exif_transpose(image)
        rgb = image.convert("RGB")
    except (OSError, ValueError, SyntaxError) as e:
        raise CorruptImageError() from e
    return np.asarray(rgb)


def _load_pdf(data: bytes) -> list[np.ndarray]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise EncryptedPdfError() from e
        raise UnsupportedFormatError() from e

    try:
        if len(pdf) > MAX_PDF_PAGES:
            raise TooManyPagesError()
        if len(pdf) == 0:
            raise EmptyInputError()
        # XXX: only the first page is read; a bundle of several documents
        # should be uploaded as separate files.
        return [_render_page(pdf[0])]
    finally:
        pdf.close()


def _render_page(page: pdfium.PdfPage) -> np.ndarray:
    width, height = page.get_size()
    scale = PDF_DPI / 72
    if width * height * scale * scale > MAX_PIXELS:
        scale = (MAX_PIXELS / (width * height)) ** 0.5
    bitmap = page.render(scale=scale)
    return np.asarray(bitmap.to_pil().convert("RGB"))
