"""The KK header: left-column values that run into right-column labels."""

import pytest

from ocr.correct import clean_alamat
from ocr.engine import Word
from ocr.kk import _head_of_family
from ocr.kk import _read_header
from ocr.result import Field


def _line(text: str) -> list[Word]:
    return [Word(part, 90.0, 10 * i, 0, 8, 10, (1, 1, 1)) for i, part in enumerate(text.split())]


def test_value_is_cut_at_a_misspelt_right_column_label():
    lines = [
        _line("Nama Kepwla Koluarga : FAUZI ANWAR Kecamatan :SALO"),
        _line("Alarvat NI DIPONEGORO NO. 45 Kabupater/Kcota : KAMPAR"),
        _line("RTIRW : 005/001 Kode Pos :28411"),
        _line("Desa/Kelurahan : SALO Provnsa RIAU"),
    ]

    found = {name: field.value for name, field in _read_header(lines).items()}

    assert found == {
        "kepala_keluarga": "FAUZI ANWAR",
        "kecamatan": "SALO",
        "alamat": "JL. DIPONEGORO NO. 45",
        "rt_rw": "005/001",
        "kel_desa": "SALO",
    }


def test_desa_is_found_before_an_unreadable_label():
    found = _read_header([_line("Desa/Kekwahan : BANGKINANG Prodi RIAU")])

    assert found["kel_desa"].value == "BANGKINANG"


def test_clean_alamat_drops_a_colon_read_into_jl():
    assert clean_alamat("LIL. PROF. M. YAMIN NO. 47") == "JL. PROF. M. YAMIN NO. 47"
    assert clean_alamat("2 JL SYEKH BURHANUDDIN NO, 21") == "JL. SYEKH BURHANUDDIN NO. 21"
    assert clean_alamat("JL. JEND, SUDIRMAN NO.-126") == "JL. JEND. SUDIRMAN NO. 126"
    assert clean_alamat("JL. DATUK TABANO. NO. 135") == "JL. DATUK TABANO NO. 135"


def test_kelurahan_desa_label_is_read_either_way_round():
    found = _read_header([_line("Kelurahan/Desa 1 AIR TIRIS Provinsi : RIAU")])

    assert found["kel_desa"].value == "AIR TIRIS"


def test_region_block_on_the_left_leaves_the_family_fields_readable():
    lines = [
        _line("Kecamatan : KUOK Nama Kepala Keluarga : YUSRI HAMID"),
        _line("Desa/Kelurahan : KUOK Alarnat : JL. TUANKU TAMBUSAI NO. 117"),
        _line("Kabupaten/Kota : KAMPAR RT/RW : 014/006"),
    ]

    found = {name: field.value for name, field in _read_header(lines).items()}

    assert found == {
        "kecamatan": "KUOK",
        "kepala_keluarga": "YUSRI HAMID",
        "kel_desa": "KUOK",
        "alamat": "JL. TUANKU TAMBUSAI NO. 117",
        "rt_rw": "014/006",
    }


def _found(lines: list[str], **kwargs) -> dict[str, str | None]:
    header = _read_header([_line(text) for text in lines], **kwargs)
    return {name: field.value for name, field in header.items()}


def test_misread_left_labels_are_known_by_where_their_lines_stand():
    # Lines of a chat photo's header: "Alamat" read as "Mamat", "Desa/
    # Kelurahan" as two words, the colon as "1".
    lines = [
        "Nama Kepala Keluarga : BUDI KURNIAWAN Kocarnatan 1 KOTO KAMPAR HULU",
        "| Mamat : JL SYEKH BURHANUDDIN NO: 61 Kabupaten/Kota - KAMPAR |",
        "RTRW 1 003/004 Kode Pos 128411",
        "Dewa Kakrahan UPAT KAIN Provnd 1 RSAY",
    ]

    assert _found(lines, by_position=True) == {
        "kepala_keluarga": "BUDI KURNIAWAN",
        "kecamatan": "KOTO KAMPAR HULU",
        "alamat": "JL. SYEKH BURHANUDDIN NO. 61",
        "rt_rw": "003/004",
        "kel_desa": "LIPAT KAIN",
    }
    # By their labels alone, the address and the village are not found.
    assert "alamat" not in _found(lines) and "kel_desa" not in _found(lines)


def test_head_of_family_after_a_misread_label_ending_in_a_mark():
    lines = [
        "Narria Kepala Keluarga.» JASMAN PUTRI Kecamatan : GUNUNG SAHILAN",
        "Alamat LIL, LINTAS BANGKINANG NO: 143 Kabupaten/Kota : KAMPAR",
    ]

    found = _found(lines, by_position=True)

    assert found["kepala_keluarga"] == "JASMAN PUTRI"
    assert found["alamat"] == "JL. LINTAS BANGKINANG NO. 143"


def test_a_line_between_two_known_labels_is_not_taken_for_another_field():
    lines = [
        "Nama Kepala Keluarga : BUDI KURNIAWAN",
        "Alamat : DUSUN II",
        "RT/RW : 003/004",
    ]

    found = _found(lines, by_position=True)

    assert found["alamat"] == "DUSUN II"
    assert "kel_desa" not in found


def test_house_number_read_as_letters_is_given_as_unsure():
    header = _read_header([_line("Alamat : JL. PROF. M. YAMIN NO, SG")])

    assert header["alamat"].value == "JL. PROF. M. YAMIN NO. SG"
    assert header["alamat"].confidence < 0.5


@pytest.mark.parametrize(("condition", "seed"), [
    # Tesseract finds no word on this copy's "NO. 1401201207170987" line;
    # the first member's NIK, the first 16 digits it did read, was taken
    # for the family's number.
    ("photocopy", 1007),
    # Here it reads the line as "No- LYOL)ULPOW04 2164": too few digits.
    ("rotated", 1001),
])
def test_family_number_tesseract_cannot_read_is_read_under_the_title(condition, seed):
    import synth
    from ocr import read_document

    sample = synth.generate("kk", condition, seed, style="unseen")

    result = read_document(sample.to_bytes())

    assert result.value("no_kk") == sample.truth["no_kk"]
    assert result.value("no_kk") != sample.truth["members"][0]["nik"]


def _members(*names: str) -> list[dict[str, str]]:
    return [{"nama": name, "nik": ""} for name in names]


def test_head_of_family_misread_in_the_table_takes_the_header_and_is_flagged():
    members = _members("ZULKIFU SARI", "DESI ANWAR")

    head = _head_of_family(Field("ZULKIFLI SARI", 0.8), members)

    assert head.value == "ZULKIFLI SARI"
    assert members[0]["nama"] == "ZULKIFLI SARI"
    assert head.confidence < 0.5  # the clerk is asked to check it


def test_head_of_family_unread_in_the_header_is_taken_from_the_table():
    head = _head_of_family(Field(None, 0.0), _members("FAUZI ANWAR"))

    assert head.value == "FAUZI ANWAR"
    assert head.confidence < 0.5


def test_first_row_of_another_name_is_left_as_read():
    members = _members("SITI AMINAH", "FAUZI ANWAR")

    head = _head_of_family(Field("FAUZI ANWAR", 0.8), members)

    assert head == Field("FAUZI ANWAR", 0.8)
    assert members[0]["nama"] == "SITI AMINAH"
