"""Validate an upload by its content before anything else happens to it."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image

from backoffice.core.errors import InvalidInput

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_PDF_PAGES = 50
IMAGE_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "TIFF": "image/tiff",
}


@dataclass(frozen=True)
class CheckedUpload:
    data: bytes
    mime_type: str
    page_count: int


def check_upload(data: bytes, filename: str) -> CheckedUpload:
    """Return what the file really is, or raise InvalidInput in Indonesian."""
    name = filename or "berkas"
    if not data:
        raise InvalidInput(f"{name}: berkas kosong.")
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput(f"{name}: berkas terlalu besar (maks. 20 MB).")
    if data.startswith(b"%PDF-"):
        return CheckedUpload(data, "application/pdf", pdf_page_count(data, name))
    return CheckedUpload(data, image_type(data, name), 1)


def image_type(data: bytes, name: str) -> str:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(IMAGE_TYPES)) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise InvalidInput(
                        f"{name}: gambar terlalu besar ({width}×{height} piksel; "
                        "maks. 40 megapiksel)."
                    )
                image.verify()
                kind = image.format or ""
    except InvalidInput:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InvalidInput(f"{name}: gambar terlalu besar.") from exc
    except Exception as exc:  # Pillow raises many kinds on garbage
        raise InvalidInput(
            f"{name}: bukan gambar yang didukung (JPEG, PNG, WEBP, TIFF) atau PDF, "
            "atau berkasnya rusak."
        ) from exc

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except Exception as exc:
        raise InvalidInput(
            f"{name}: gambar rusak atau terpotong. Pindai ulang."
        ) from exc
    return IMAGE_TYPES[kind]


def pdf_page_count(data: bytes, name: str) -> int:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InvalidInput(f"{name}: PDF terkunci kata sandi.") from exc
        raise InvalidInput(f"{name}: PDF rusak atau tidak dapat dibaca.") from exc
    try:
        pages = len(document)
    finally:
        document.close()
    if pages == 0:
        raise InvalidInput(f"{name}: PDF tidak berisi halaman.")
    if pages > MAX_PDF_PAGES:
        raise InvalidInput(
            f"{name}: PDF terlalu banyak halaman (maks. {MAX_PDF_PAGES})."
        )
    return pages


def render_pdf_page(data: bytes, page_number: int) -> bytes:
    """Render one page of a stored PDF to PNG for the scan viewer."""
    document = pdfium.PdfDocument(data)
    try:
        page = document[page_number - 1]
        image = page.render(scale=1.5).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
