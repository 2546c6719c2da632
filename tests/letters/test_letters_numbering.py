"""Letter numbers follow the office's pattern."""

from __future__ import annotations

import datetime as dt

import pytest

import letters

PATTERN = "{code}/{seq:04}/{unit}/{month_roman}/{year}"


def test_format_number_follows_common_pattern() -> None:
    number = letters.format_number(
        PATTERN, code="460", seq=153, on=dt.date(2026, 10, 5)
    )

    assert number == "460/0153/DINSOS/X/2026"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{code}/{seq}/{unit}/{month}/{year}", "465.1/7/SOSIAL/12/2026"),
        ("{code}/{seq:03}/{month:02}.{year}", "465.1/007/12.2026"),
        ("{unit}-{year}-{seq:05}", "SOSIAL-2026-00007"),
        ("{code}/{seq}/{month_roman}", "465.1/7/XII"),
    ],
)
def test_format_number_placeholders(pattern: str, expected: str) -> None:
    number = letters.format_number(
        pattern, code="465.1", seq=7, on=dt.date(2026, 12, 31), unit="SOSIAL"
    )

    assert number == expected


@pytest.mark.parametrize(
    ("pattern", "fragment"),
    [
        ("{code}/{nomor}/{year}", "tidak dikenal '{nomor}'"),
        ("{code.__class__}/{seq}", "tidak dikenal"),
        ("{code[0]}/{seq}", "tidak dikenal"),
        ("{0}/{seq}", "tidak dikenal"),
        ("{}/{seq}", "tidak dikenal"),
        ("{code}/{seq", "kurung kurawal"),
        ("{code}/{year}", "{seq}"),
        ("{code:05d}/{seq}", "tidak dapat dipakai"),
        ("{seq!r}", "tidak dapat dipakai"),
        ("{seq:{code}}", "tidak dapat dipakai"),
    ],
)
def test_bad_number_pattern_is_refused(pattern: str, fragment: str) -> None:
    with pytest.raises(letters.TemplateError) as caught:
        letters.validate_number_pattern(pattern)

    assert fragment in caught.value.message


def test_validate_number_pattern_accepts_good_pattern() -> None:
    letters.validate_number_pattern(PATTERN)


def test_every_month_has_roman_numeral() -> None:
    romans = [
        letters.format_number(
            "{month_roman}{seq}", code="", seq=0, on=dt.date(2026, month, 1)
        )
        for month in range(1, 13)
    ]

    assert romans[0] == "I0"
    assert romans[3] == "IV0"
    assert romans[8] == "IX0"
    assert romans[11] == "XII0"
