"""Template filters write dates and NIKs the Indonesian way."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import letters
from letters.filters import nik_mask, tanggal, tanggal_waktu
from letters.render import STATIC_DIR, make_link_callback


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2026, 12, 3), "3 Desember 2026"),
        (dt.date(2026, 1, 31), "31 Januari 2026"),
        (dt.datetime(2026, 5, 1, 23, 0), "1 Mei 2026"),
        (None, "-"),
    ],
)
def test_tanggal(value: Any, expected: str) -> None:
    assert tanggal(value) == expected


def test_tanggal_waktu_converts_to_wib() -> None:
    moment = dt.datetime(2026, 8, 16, 20, 5, tzinfo=dt.UTC)

    assert tanggal_waktu(moment) == "17 Agustus 2026 pukul 03.05 WIB"
    assert tanggal_waktu(dt.datetime(2026, 8, 17, 9, 30)) == (
        "17 Agustus 2026 pukul 09.30 WIB"
    )


def test_nik_mask_keeps_region_and_last_digits() -> None:
    assert nik_mask("1401015708850002") == "1401********0002"
    assert nik_mask(None) == "-"


def test_filters_are_available_in_templates(render: Any) -> None:
    source = (
        "<p>{{ letter.date|tanggal }} | {{ case.received_at|tanggal_waktu }} | "
        "{{ person.nik|nik_mask }} | {{ person.nama|upper }} | "
        "{{ person.pekerjaan|default }} | {{ extra.tidak_ada|default('kosong') }} | "
        "{{ none_value|default('x') }}</p>"
    )
    context = letters.sample_context()
    context["person"]["pekerjaan"] = None
    context["none_value"] = None

    rendered = render(source, context)

    assert rendered.text == (
        "3 Desember 2026 | 1 Desember 2026 pukul 09.30 WIB | 1401********0002 | "
        "SITI AMINAH | - | kosong | x"
    )


def test_none_renders_as_empty(render: Any, context: dict[str, Any]) -> None:
    context["person"]["agama"] = None

    rendered = render("<p>[{{ person.agama }}]</p>", context)

    assert rendered.text == "[]"


@pytest.mark.parametrize(
    "uri",
    [
        "file:///etc/passwd",
        "/etc/passwd",
        "http://127.0.0.1/x.png",
        "https://example.org/logo.png",
        "ftp://example.org/x",
        "../render.py",
        "..%2Frender.py",
        "data:image/png;base64,AAAA",
    ],
)
def test_link_callback_resolves_outside_resources_to_nothing(uri: str) -> None:
    resolve = make_link_callback(frozenset({"data:image/png;base64,QUFB"}))

    target = resolve(uri, "")

    assert target.startswith(str(STATIC_DIR))
    assert not (STATIC_DIR / target).exists()


def test_link_callback_allows_own_assets() -> None:
    own = "data:image/png;base64,QUFB"
    resolve = make_link_callback(frozenset({own}))

    assert resolve(own, "") == own
    assert resolve("emblem-placeholder.png", "") == str(
        STATIC_DIR / "emblem-placeholder.png"
    )
