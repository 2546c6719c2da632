"""Fixtures for the letters package tests."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pypdf
import pytest

import letters


@pytest.fixture
def letterhead() -> letters.Letterhead:
    return letters.sample_letterhead()


@pytest.fixture
def context() -> dict[str, Any]:
    return letters.sample_context()


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


@pytest.fixture
def render(
    letterhead: letters.Letterhead, context: dict[str, Any]
) -> Callable[..., letters.RenderedLetter]:
    """Render a template with the sample context unless told otherwise."""

    def _render(
        source: str,
        ctx: dict[str, Any] | None = None,
        verify_url: str | None = None,
    ) -> letters.RenderedLetter:
        return letters.render_letter(
            source,
            context if ctx is None else ctx,
            letterhead=letterhead,
            verify_url=verify_url,
        )

    return _render
