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


def test_sktm_letter_number_starts_at_the_first_digit_run():
    from ocr.sktm import _number

    # The D of DS read as a 0: no number is made of what follows "470/".
    assert _number(":470/013/0S-K/2026") is None
    assert _number(":470/013/DS-K/2026") == "470/013/DS-K/2026"
    # The colon before it read as a 1 is no part of it.
    assert _number("1470/811/DS-S/2026") == "470/811/DS-S/2026"
    assert _number("140/22/DS-K/2026") == "140/22/DS-K/2026"


def test_sktm_letter_number_reading_says_whether_a_slash_was_put_back():
    from ocr.sktm import _number_reading

    assert _number_reading("470/271/DS-TH/2026") == ("470/271/DS-TH/2026", True)
    # A slash merged with the 1 before it and read as U: put back, but unsure.
    assert _number_reading("470/27UDS-TH/2026") == ("470/27/UDS-TH/2026", False)


def test_weighted_vote_lets_fewer_whole_readings_beat_more_mended_ones():
    readings = ["470/271/DS", "470/27/DS", "470/27/DS", "470/271/DS", "470/27/DS"]
    result = vote.vote(readings, [1.0, 0.5, 0.5, 1.0, 0.5])

    assert result.value == "470/271/DS"
    assert result.count == 2
    assert result.share == 2 / 5  # too few to be sure of


def test_weighted_vote_share_keeps_unanimous_mended_readings_unsure():
    result = vote.vote(["470/13/UDS"] * 4, [0.5] * 4)

    assert result.value == "470/13/UDS"
    assert result.share == 0.5


def test_letters_first_takes_the_spaces_of_a_reading_as_long_as_the_recognisers():
    from ocr.vote import letters_first, vote

    # Tesseract misreads a letter or two but keeps the space; the recogniser
    # reads the letters right and runs the words together.
    readings = ["TULKIFLI RAHMAN", "ZULKIFU RAHMAN", None, "ZULKIFLIRAHMAN"]
    weights = [1.0, 1.0, 1.0, 2.5]
    result = letters_first(readings, vote(readings, weights), weights, spaceless=3)

    assert result.value == "ZULKIFLI RAHMAN"


def test_letters_first_keeps_the_recognisers_spacing_when_no_reading_matches_it():
    from ocr.vote import letters_first, vote

    readings = ["SRI", None, "SRI WAHYUNI"]
    weights = [1.0, 1.0, 2.5]
    result = letters_first(readings, vote(readings, weights), weights, spaceless=2)

    assert result.value == "SRI WAHYUNI"
