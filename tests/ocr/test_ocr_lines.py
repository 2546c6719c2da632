"""The second engine, for single lines, and the readers that consult it."""

import numpy as np
import pytest
from PIL import Image, ImageDraw

import synth
from ocr import lines, read_document


def _line(text: str, size: int = 40) -> np.ndarray:
    font = synth._font(synth.SERIF_BOLD, size)
    left, top, right, bottom = font.getbbox(text)
    picture = Image.new("L", (right + 20, bottom + 20), 255)
    ImageDraw.Draw(picture).text((10, 10), text, font=font, fill=0)
    return np.asarray(picture)


def test_a_printed_line_is_read_with_the_recognisers_own_score():
    found = lines.read_line(_line("470/202/DS-RJ/2026"))

    assert found is not None
    assert found.text == "470/202/DS-RJ/2026"
    assert 0.9 <= found.score <= 1.0


@pytest.mark.parametrize("crop", [np.zeros((0, 0), np.uint8),
                                  np.full((2, 300), 255, np.uint8)],
                         ids=["empty", "two-pixel strip"])
def test_a_crop_with_nothing_to_read_gives_no_line(crop):
    assert lines.read_line(crop) is None


def test_sktm_number_whose_j_tesseract_reads_as_1_is_read_and_flagged():
    # On this chat photo tesseract reads DS-RJ as DS-R1 on every copy, and
    # the vote gave 470/202/DS-R/2026. The line recogniser reads the J; the
    # engines disagree, so the clerk is asked to look.
    sample = synth.generate("sktm", "chat", seed=3007)
    nomor = read_document(sample.to_bytes()).fields["nomor_surat"]

    assert nomor.value == sample.truth["nomor_surat"] == "470/202/DS-RJ/2026"
    assert nomor.confidence < 0.8


def test_sktm_nik_whose_first_digits_tesseract_loses_is_read_whole():
    # Tesseract read this photo's NIK as 01181708784433: two digits short.
    sample = synth.generate("sktm", "chat", seed=3019)
    nik = read_document(sample.to_bytes()).fields["nik"]

    assert nik.value == sample.truth["nik"] == "1401181708784433"


def test_without_the_line_recogniser_an_sktm_is_still_read_by_tesseract(monkeypatch):
    monkeypatch.setattr(lines, "_recogniser", lambda: None)
    sample = synth.generate("sktm", "scan", seed=3000)
    fields = read_document(sample.to_bytes()).fields

    assert fields["nomor_surat"].value == sample.truth["nomor_surat"]
    assert fields["nik"].value == sample.truth["nik"]


def test_a_recogniser_that_fails_on_a_crop_costs_that_reading_only(monkeypatch):
    class Broken:
        def __call__(self, *args, **kwargs):
            raise RuntimeError("onnxruntime: invalid input")

    monkeypatch.setattr(lines, "_recogniser", lambda: Broken())
    assert lines.read_line(_line("470/202/DS-RJ/2026")) is None


def test_kk_members_small_names_are_read_with_the_line_recogniser():
    # On this chat photo the first member's name cell is about 6 px high;
    # tesseract read TULKIFU RAHMAN on most copies.
    sample = synth.generate("kk", "chat", seed=3002)
    members = read_document(sample.to_bytes()).members

    assert members[0]["nama"] == sample.truth["members"][0]["nama"] == "ZULKIFLI RAHMAN"
