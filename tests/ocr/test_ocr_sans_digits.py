"""Template reading of the small printed digits in a KK member table."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image
from PIL import ImageDraw
from PIL import ImageFont

from ocr.correct import clean_alamat
from ocr.digits import SANS_FONT
from ocr.digits import score_sans_digits
from ocr.kk import _complete_columns
from ocr.ktp import _match_rt_rw


DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _blurred_cell(text: str, face: str = str(SANS_FONT)) -> np.ndarray:
    font = ImageFont.truetype(face, 26)
    page = Image.new("L", (420, 60), 250)
    ImageDraw.Draw(page).text((8, 16), text, font=font, fill=0)
    small = cv2.resize(np.asarray(page), None, fx=0.3, fy=0.3,
                       interpolation=cv2.INTER_AREA)
    return cv2.resize(small, None, fx=2.2, fy=2.2, interpolation=cv2.INTER_CUBIC)


def test_sans_digits_read_a_nik_a_few_pixels_high() -> None:
    scores = score_sans_digits(_blurred_cell("1401182607981138"), "D" * 16)

    assert scores is not None
    assert "".join(str(d) for d in scores.argmax(axis=1)) == "1401182607981138"


def test_sans_digits_read_a_nik_printed_in_another_face() -> None:
    scores = score_sans_digits(_blurred_cell("1401054108082292", DEJAVU), "D" * 16)

    assert scores is not None
    assert "".join(str(d) for d in scores.argmax(axis=1)) == "1401054108082292"


def test_sans_digits_find_nothing_in_an_empty_cell() -> None:
    assert score_sans_digits(np.full((30, 200), 250, np.uint8), "DDDD") is None


def test_kk_columns_unread_headings_placed_by_order() -> None:
    columns = _complete_columns({"nama": 1, "tanggal_lahir": 5}, 8)

    assert columns["nik"] == 2
    assert columns["jenis_kelamin"] == 3


def test_ktp_rt_rw_read_by_template_on_a_thresholded_copy() -> None:
    font = ImageFont.truetype(str(SANS_FONT), 24)
    line = Image.new("L", (160, 40), 255)
    ImageDraw.Draw(line).text((6, 8), "002/004", font=font, fill=0)
    small = cv2.resize(np.asarray(line), None, fx=0.5, fy=0.5,
                       interpolation=cv2.INTER_AREA)
    copy = np.where(cv2.GaussianBlur(small, (0, 0), 0.8) < 165, 0, 255)
    crop = cv2.resize(copy.astype(np.uint8), None, fx=2, fy=2,
                      interpolation=cv2.INTER_CUBIC)

    assert _match_rt_rw(crop) == "002/004"


def test_ktp_alamat_titles_get_their_full_stop_back() -> None:
    assert clean_alamat("JL. PROF M. YAMIN NO, 89") == "JL. PROF. M. YAMIN NO. 89"
