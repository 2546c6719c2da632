"""Voting between several readings of one line."""

from ocr import vote
from ocr.correct import clean_alamat


def test_vote_keeps_the_reading_most_copies_agree_on():
    result = vote.vote(["062/004", "002/004", "002/004", None])

    assert result.value == "002/004"
    assert result.share == 0.5


def test_vote_with_no_reading_gives_nothing():
    assert vote.vote([None, None]).value is None


def test_clean_alamat_mends_a_blotted_jl():
    assert clean_alamat("3. SYEKH BURHANUDDIN NO. 99") == "JL. SYEKH BURHANUDDIN NO. 99"
    assert clean_alamat("GG. MAWAR NO. 2") == "GG. MAWAR NO. 2"


def test_sktm_letter_number_gets_its_slashes_back():
    from ocr.sktm import _number

    assert _number(": 470778DS-PS/2026") == "470/778/DS-PS/2026"
    assert _number("surat tanpa nomor") is None
