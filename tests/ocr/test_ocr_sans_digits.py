"""Template reading of the small printed digits in a KK member table."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image
from PIL import ImageDraw
from PIL import ImageFont

from ocr.digits import SANS_FONT
from ocr.digits import score_sans_digits
from ocr.kk import _complete_columns


def _blurred_cell(text: str) -> np.ndarray:
    font = ImageFont.truetype(str(SANS_FONT), 26)
    page = Image.new("L", (420, 60), 250)
    ImageDraw.Draw(page).text((8, 16), text, font=font, fill=0)
    small = cv2.resize(np.asarray(page), None, fx=0.3, fy=0.3,
                       interpolation=cv2.INTER_AREA)
    return cv2.resize(small, None, fx=2.2, fy=2.2, interpolation=cv2.INTER_CUBIC)


def test_sans_digits_read_a_nik_a_few_pixels_high() -> None:
    scores = score_sans_digits(_blurred_cell("1401182607981138"), "D" * 16)

    assert scores is not None
    assert "".join(str(d) for d in scores.argmax(axis=1)) == "1401182607981138"


def test_sans_digits_find_nothing_in_an_empty_cell() -> None:
    assert score_sans_digits(np.full((30, 200), 250, np.uint8), "DDDD") is None


def test_kk_columns_unread_headings_placed_by_order() -> None:
    columns = _complete_columns({"nama": 1, "tanggal_lahir": 5}, 8)

    assert columns["nik"] == 2
    assert columns["jenis_kelamin"] == 3
