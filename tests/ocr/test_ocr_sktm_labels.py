"""SKTM letters from other village offices: other label wordings and dates."""

import numpy as np

from ocr.engine import Word
from ocr.sktm import read_sktm

PAGE = np.full((900, 1400), 255, np.uint8)


def _page(*lines: str) -> list[Word]:
    words = []
    for row, text in enumerate(lines):
        for i, part in enumerate(text.split()):
            box = (20 + 90 * i, 20 + 40 * row, 80, 24)
            words.append(Word(part, 0.9, *box, (1, 1, row)))
    return words


def _read(*lines: str) -> dict[str, object]:
    fields, _ = read_sktm(PAGE, _page(*lines))
    return {name: field.value for name, field in fields.items()}


def test_sktm_other_label_wordings_are_read():
    found = _read(
        "SURAT KETERANGAN TIDAK MAMPU",
        "No : 470/908/DS-BB/2026",
        "Nama Lengkap : ABDUL RAHMAN",
        "No. NIK :1401041707646641",
        "Tempat, Tanggal Lahir : Salo, 17 Juli 1964",
        "Alamat : JL. LINTAS NO. 15 RT 006 RW 004",
        "Desa : BATU BERSURAT",
        "Kecamatan : XIII KOTO KAMPAR",
        "Dikeluarkan di : Batu Bersurat",
        "Pada tanggal : 24 September 2026",
    )

    assert found == {
        "nomor_surat": "470/908/DS-BB/2026",
        "nama": "ABDUL RAHMAN",
        "nik": "1401041707646641",
        "kel_desa": "BATU BERSURAT",
        "kecamatan": "XIII KOTO KAMPAR",
        "tanggal_surat": "2026-09-24",
    }


def test_sktm_labels_are_found_without_their_colon():
    found = _read(
        "Nomor 470/012/DS-AT/2026",
        "Nama AHMAD HAMID",
        "NIK 1401022403578671",
        "Desa £ AIR TIRIS",
    )

    assert found["nomor_surat"] == "470/012/DS-AT/2026"
    assert found["nama"] == "AHMAD HAMID"
    assert found["nik"] == "1401022403578671"
    assert found["kel_desa"] == "AIR TIRIS"


def test_sktm_letter_date_is_not_the_birth_date():
    found = _read(
        "Nama : SITI AMINAH",
        "Tempat/Tgl Lahir : Salo, 12-03-1980",
        "Bangkinang, 5-11-2026",
        "Kepala Desa",
    )

    assert found["tanggal_surat"] == "2026-11-05"


def test_sktm_closing_date_in_words_after_the_place():
    found = _read(
        "Tempat, Tanggal Lahir : Rumbio, 16 Januari 1977",
        "Tapung Hilir, 11 Januari 2026",
    )

    assert found["tanggal_surat"] == "2026-01-11"


def test_sktm_nik_that_disagrees_with_the_birth_date_is_flagged():
    fields, warnings = read_sktm(PAGE, _page(
        "NIK : 1401041707646641",
        "Tempat/Tgl Lahir : Salo, 18-07-1964",
    ))

    assert fields["nik"].confidence < 0.5
    assert any("NIK" in w for w in warnings)


def test_sktm_labels_read_apart_from_their_values_are_joined_by_row():
    # Tesseract may give the label column and the value column as two
    # blocks: each label must still find the value on its own row.
    labels = ["Nama", "NIK", "Desa", "Kecamatan"]
    values = [": SITI AMINAH", ": 1401035608987224", ": TAMBANG", ": TAMBANG"]
    words = [Word("SURAT", 0.9, 20, 20, 80, 24, (1, 1, 0)),
             Word("KETERANGAN", 0.9, 110, 20, 160, 24, (1, 1, 0)),
             Word("TIDAK", 0.9, 280, 20, 80, 24, (1, 1, 0)),
             Word("MAMPU", 0.9, 370, 20, 90, 24, (1, 1, 0))]
    for row, label in enumerate(labels, start=2):
        words.append(Word(label, 0.9, 20, 40 * row, 120, 24, (2, 1, row)))
    for row, value in enumerate(values, start=2):
        x = 300
        for part in value.split():
            words.append(Word(part, 0.9, x, 40 * row, 20 * len(part), 24, (3, 1, row)))
            x += 20 * len(part) + 15

    fields, _ = read_sktm(PAGE, words)

    assert fields["nama"].value == "SITI AMINAH"
    assert fields["nik"].value == "1401035608987224"
    assert fields["kel_desa"].value == "TAMBANG"


def test_sktm_number_on_a_chat_photo_keeps_the_slash_after_its_sequence():
    # The Indonesian model reads this page's "315/DS" as "31VDS" on every
    # enlarged copy, which gave a sure 470/31/VDS-KKH/2026.
    import synth
    from ocr import read_document

    sample = synth.generate("sktm", "chat", seed=3003)
    nomor = read_document(sample.to_bytes()).fields["nomor_surat"]
    assert nomor.value == sample.truth["nomor_surat"] == "470/315/DS-KKH/2026"
    assert nomor.confidence >= 0.5


def test_sktm_number_whose_d_the_numbers_model_reads_as_0_keeps_its_office():
    # In this face tesseract's English model reads "DS" as "0S" on every
    # copy; the number was then taken from what follows "470/": 013/0/S-K.
    import synth
    from ocr import read_document

    sample = synth.generate("sktm", "chat", seed=1008, style="unseen")
    nomor = read_document(sample.to_bytes()).fields["nomor_surat"]
    assert nomor.value == sample.truth["nomor_surat"] == "470/013/DS-K/2026"


def test_sktm_closing_passed_over_on_a_small_page_is_read_again():
    # On this chat photo tesseract's page layout skips the closing
    # "Kuok, 16 Januari 2026" at the right of the page.
    import synth
    from ocr import read_document

    sample = synth.generate("sktm", "chat", seed=1018)
    date = read_document(sample.to_bytes()).fields["tanggal_surat"]
    assert date.value == sample.truth["tanggal_surat"] == "2026-01-16"


def test_sktm_letter_dated_in_another_year_than_its_number_is_mended_and_flagged():
    # The closing's 2026 is read 2025 on this photo; the number says 2026.
    import synth
    from ocr import read_document

    sample = synth.generate("sktm", "chat", seed=2000, style="unseen")
    result = read_document(sample.to_bytes())
    date = result.fields["tanggal_surat"]
    assert date.value == sample.truth["tanggal_surat"] == "2026-03-25"
    assert date.confidence < 0.5
    assert any("nomor surat (2026)" in w for w in result.warnings)


def test_sktm_cut_off_below_the_persons_data_has_no_date_and_no_error():
    # The photo ends at the last labelled line: nothing is left to read again.
    lines = ("SURAT KETERANGAN TIDAK MAMPU", "Nama : ABDUL RAHMAN", "Kecamatan : SALO")
    fields, warnings = read_sktm(PAGE[:124], _page(*lines))

    assert fields["nama"].value == "ABDUL RAHMAN"
    assert fields["tanggal_surat"].value is None
    assert any("tanggal surat" in w for w in warnings)
