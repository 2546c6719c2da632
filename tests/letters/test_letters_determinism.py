"""The same letter renders to the same bytes every time."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from reportlab import rl_config

import letters

ROOT = Path(__file__).resolve().parents[2]


def test_render_letter_is_deterministic(render: Any) -> None:
    source = letters.DEFAULT_TEMPLATES["rekomendasi_jamkesda"].source
    url = "https://dinsos.example/v/Zx81kQ"

    first = render(source, verify_url=url)
    second = render(source, verify_url=url)

    assert first.pdf == second.pdf
    assert first.sha256 == second.sha256 == hashlib.sha256(first.pdf).hexdigest()
    assert first.html == second.html
    assert first.text == second.text


def test_render_letter_differs_when_letter_differs(
    render: Any, context: dict[str, Any]
) -> None:
    source = letters.DEFAULT_TEMPLATES["rekomendasi_jamkesda"].source
    first = render(source)

    context["letter"]["number"] = "460/0154/DINSOS/XII/2026"

    assert render(source).sha256 != first.sha256


def test_render_letter_restores_reportlab_settings(render: Any) -> None:
    before = rl_config.invariant

    render("<p>{{ letter.number }}</p>")

    assert rl_config.invariant == before


def test_rendered_letter_is_frozen(render: Any) -> None:
    import dataclasses

    import pytest

    rendered = render("<p>{{ letter.number }}</p>")

    with pytest.raises(dataclasses.FrozenInstanceError):
        rendered.pdf = b""  # type: ignore[misc]


def test_render_letter_is_identical_across_processes() -> None:
    import subprocess
    import sys

    script = (
        "import letters\n"
        "print(letters.render_letter(letters.DEFAULT_TEMPLATES['tanda_terima']"
        ".source, letters.sample_context(), letterhead=letters.sample_letterhead(),"
        " verify_url='https://dinsos.example/v/Zx81kQ').sha256)\n"
    )

    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            check=True,
            text=True,
            timeout=60,
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
        ).stdout.strip()
        for seed in ("1", "2")
    }

    assert len(digests) == 1
