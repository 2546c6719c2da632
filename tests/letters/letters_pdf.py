"""Helpers to look inside rendered PDFs."""

from __future__ import annotations

import io

import pypdf


def read_pdf(pdf: bytes) -> pypdf.PdfReader:
    """Open a rendered PDF for inspection."""
    return pypdf.PdfReader(io.BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    """Return the text of every page as one line, runs of white space collapsed."""
    text = "\n".join(page.extract_text() for page in read_pdf(pdf).pages)
    return " ".join(text.split())


def image_count(pdf: bytes) -> int:
    """Count the images drawn on every page."""
    return sum(len(page.images) for page in read_pdf(pdf).pages)
