"""Fixtures for the letters package tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import letters


@pytest.fixture
def letterhead() -> letters.Letterhead:
    return letters.sample_letterhead()


@pytest.fixture
def context() -> dict[str, Any]:
    return letters.sample_context()


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
