"""A member's NIK read from a small, blurred KK table row."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image
from PIL import ImageDraw
from PIL import ImageFont

from ocr import table
from ocr.digits import SANS_FONT
from ocr.kk import _family_region
from ocr.kk import _match_nik

COLUMNS = {"nama": 0, "nik": 1, "jenis_kelamin": 2, "tempat_lahir": 3,
           "tanggal_lahir": 4}
EDGES = (0, 300, 720, 960, 1200, 1420)  # column rulings on the printed page
SHRINK = 0.3  # a chat photo keeps about a third of a 200 dpi scan's pixels
ENLARGE = 2.2  # the page is enlarged again before it is read


def _table_row(nik: str, birth: str, worn: tuple[int, int] | None = None
               ) -> table.Grid:
    """A heading row and one member row, printed, shrunk and enlarged again."""
    font = ImageFont.truetype(str(SANS_FONT), 26)
    page = Image.new("L", (EDGES[-1] + 20, 140), 250)
    draw = ImageDraw.Draw(page)
    for x in EDGES:
        draw.line([(x, 10), (x, 130)], fill=0, width=2)
    for y in (10, 70, 130):
        draw.line([(EDGES[0], y), (EDGES[-1], y)], fill=0, width=2)
    for col, text in ((0, "SITI AMINAH"), (1, nik), (2, "PEREMPUAN"),
                      (3, "KAMPAR"), (4, birth)):
        draw.text((EDGES[col] + 8, 86), text, font=font, fill=0)
    ink = np.asarray(page).copy()
    if worn:
        # A fold worn white across some of the NIK's digits.
        left = EDGES[1] + 8 + int(worn[0] * font.getlength("0"))
        right = EDGES[1] + 8 + int(worn[1] * font.getlength("0"))
        ink[80:120, left:right] = 250

    factor = SHRINK * ENLARGE
    small = cv2.resize(ink, None, fx=SHRINK, fy=SHRINK, interpolation=cv2.INTER_AREA)
    image = cv2.resize(small, None, fx=ENLARGE, fy=ENLARGE,
                       interpolation=cv2.INTER_CUBIC)
    return table.Grid(image, tuple(round(y * factor) for y in (10, 70, 130)),
                      tuple(round(x * factor) for x in EDGES))


def test_member_nik_birth_digits_come_from_the_printed_birth_date() -> None:
    grid = _table_row("1401175306881234", "13-06-1988", worn=(6, 12))

    nik, sure, birth = _match_nik(grid, 1, COLUMNS, {"jenis_kelamin": "PEREMPUAN"},
                                  None)

    assert nik == "1401175306881234"
    assert birth == "1988-06-13"
    assert not sure  # the NIK alone did not show that date: ask for a check


def test_member_nik_keeps_a_kampar_kecamatan_code() -> None:
    grid = _table_row("1401175306881234", "13-06-1988", worn=(4, 6))

    nik, sure, _ = _match_nik(grid, 1, COLUMNS, {"jenis_kelamin": "PEREMPUAN"},
                              None)

    assert nik is not None
    assert 1 <= int(nik[4:6]) <= 21  # Kampar has 21 kecamatan
    assert not sure


def test_member_region_digit_read_two_ways_takes_the_familys():
    # Blended scores read 16 (South Sumatra), the templates 14 (Riau), and
    # the family card is Kampar's: the member is taken as registered there.
    assert _family_region("1601201002611321", "1401201002611321",
                          "1401201003125334") == "1401201002611321"


def test_member_region_read_alike_both_ways_is_kept_against_the_familys():
    # A spouse registered in West Sumatra keeps the 13 both opinions read.
    assert _family_region("1371015508850003", "1371015508850008",
                          "1401201003125334") == "1371015508850003"
