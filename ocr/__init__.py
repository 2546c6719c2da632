"""Read Indonesian identity documents (KTP, KK, SKTM) from scans and photos.

Public API: :func:`read_document`, :class:`OcrResult`, :class:`Field` and
:class:`OcrError`. NIK checks live in :mod:`ocr.nik`, region data in
:mod:`ocr.regions`.
"""

from ocr.errors import OcrError
from ocr.pipeline import read_document
from ocr.result import Field
from ocr.result import OcrResult

__all__ = ["Field", "OcrError", "OcrResult", "read_document"]
