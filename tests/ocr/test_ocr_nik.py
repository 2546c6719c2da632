import datetime as dt

import pytest

from ocr.nik import check_nik, check_no_kk, mask_nik, nik_problems, parse_nik
from ocr.regions import KAMPAR_KECAMATAN, PROVINCES


def test_parse_nik_reads_region_birth_date_and_sex_of_a_woman():
    info = parse_nik("1401 0545 0985 0012")

    assert (info.province, info.regency, info.kecamatan) == ("14", "01", "05")
    assert info.birth_date == dt.date(1985, 9, 5)
    assert info.sex == "PEREMPUAN"
    assert info.serial == "0012"
    assert info.kecamatan_name == "Kuok"


def test_parse_nik_reads_a_man_born_this_century():
    info = parse_nik("1401011203100001")

    assert info.sex == "LAKI-LAKI"
    assert info.birth_date == dt.date(2010, 3, 12)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "wajib diisi"),
        ("14010545098500", "harus 16 digit"),
        ("140105450985001A", "hanya boleh berisi angka"),
        ("1401053213850001", "tidak valid"),  # month 13
        ("1401057202850001", "tidak valid"),  # day 32 of a woman
        ("1401050202850000", "0000"),
    ],
)
def test_check_nik_hard_errors(value, expected):
    result = check_nik(value)

    assert not result.ok
    assert expected in result.errors[0]


def test_check_nik_warns_but_accepts_a_nik_from_another_region():
    result = check_nik("3201050202850001")

    assert result.ok
    assert "di luar Kabupaten Kampar" in result.warnings[0]


def test_check_nik_warns_on_unknown_province():
    result = check_nik("9901050202850001")

    assert result.ok
    assert "provinsi 99" in result.warnings[0]


def test_check_nik_warns_on_sex_and_birth_date_mismatch():
    result = check_nik(
        "1401054509850001", birth_date=dt.date(1985, 9, 6), sex="LAKI-LAKI"
    )

    assert result.ok
    assert len(result.warnings) == 2
    assert any("Tanggal lahir" in w for w in result.warnings)
    assert any("Jenis kelamin" in w for w in result.warnings)


def test_nik_problems_lists_errors_before_warnings():
    assert nik_problems("1401054509850001") == []
    assert nik_problems("12") == ["NIK harus 16 digit (tertulis 2)."]


def test_check_no_kk_only_checks_length_digits_and_region():
    assert check_no_kk("1401059912200001").ok  # middle is not a date
    assert not check_no_kk("14010599").ok


def test_mask_nik_hides_birth_date_and_kecamatan():
    assert mask_nik("1401054509850012") == "1401********0012"
    assert mask_nik("123") == "***"


def test_regions_have_21_kecamatan_and_38_provinces():
    codes = [code for code, _ in KAMPAR_KECAMATAN]

    assert len(KAMPAR_KECAMATAN) == 21
    assert codes == [f"14.01.{i:02d}" for i in range(1, 22)]
    assert len(PROVINCES) == 38
