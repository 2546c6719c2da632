"""Errors raised by the OCR package, each with a plain Indonesian message."""

from __future__ import annotations


class OcrError(Exception):
    """A document could not be read; ``message`` is shown to the user as is."""

    default_message = "Dokumen tidak dapat dibaca."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class EmptyInputError(OcrError):
    """The uploaded file has no content."""

    default_message = "Berkas kosong."


class UnsupportedFormatError(OcrError):
    """The file is not an image or PDF of a supported kind."""

    default_message = "Berkas bukan gambar atau PDF yang didukung."


class ImageTooLargeError(OcrError):
    """The image declares more pixels than we agree to decode."""

    default_message = "Gambar terlalu besar (maks. 40 megapiksel)."


class EncryptedPdfError(OcrError):
    """The PDF is password protected."""

    default_message = "PDF terenkripsi tidak dapat dibaca."


class TooManyPagesError(OcrError):
    """The PDF has more pages than a single document bundle can have."""

    default_message = "PDF terlalu banyak halaman (maks. 20)."


class OcrTimeoutError(OcrError):
    """The OCR engine did not answer in time."""

    default_message = "Waktu pembacaan habis. Coba lagi atau pindai ulang berkas."


class EngineError(OcrError):
    """The OCR engine is missing or crashed."""

    default_message = (
        "Mesin OCR gagal membaca berkas. Hubungi admin bila berulang."
    )


class UnreadableScanError(OcrError):
    """A step failed on an unexpected picture; the traceback is in the log."""

    default_message = "Pindaian tidak dapat dibaca."
