"""Reading generated documents: what the front office would type by hand."""

import pytest
import synth

from ocr import read_document

KTP_FIELDS = ("nik", "nama", "tanggal_lahir", "jenis_kelamin", "kecamatan", "agama",
              "status_perkawinan", "pekerjaan", "kewarganegaraan")


@pytest.mark.parametrize("condition", synth.CONDITIONS)
def test_read_document_reads_ktp_nik_and_main_fields(condition):
    sample = synth.generate("ktp", condition, seed=11)

    result = read_document(sample.to_bytes(), filename=f"ktp-{condition}")

    assert result.doc_type == "ktp"
    for name in KTP_FIELDS:
        assert result.value(name) == sample.truth[name], name
    assert result.fields["nik"].confidence >= 0.5


def test_read_document_does_not_invent_a_blurred_nik():
    sample = synth.generate("ktp", "scan", seed=12, blur_nik=True)

    result = read_document(sample.to_bytes())

    assert result.doc_type == "ktp"
    assert result.value("nik") is None
    assert result.fields["nik"].confidence == 0.0
    assert any("NIK tidak dapat dibaca" in w for w in result.warnings)


@pytest.mark.parametrize("condition", ("scan", "photocopy", "phone", "rotated"))
def test_read_document_reads_kk_number_and_member_niks(condition):
    sample = synth.generate("kk", condition, seed=13)

    result = read_document(sample.to_bytes())

    assert result.doc_type == "kk"
    assert result.value("no_kk") == sample.truth["no_kk"]
    assert result.value("kecamatan") == sample.truth["kecamatan"]
    read = [m["nik"] for m in result.members]
    wanted = [m["nik"] for m in sample.truth["members"]]
    assert sum(nik in read for nik in wanted) >= len(wanted) - 1
    assert not any("Resolusi foto KK rendah" in w for w in result.warnings)


@pytest.mark.parametrize("condition", ("scan", "phone", "rotated"))
def test_read_document_reads_sktm(condition):
    sample = synth.generate("sktm", condition, seed=14)

    result = read_document(sample.to_bytes())

    assert result.doc_type == "sktm"
    for name in ("nomor_surat", "nik", "nama", "kecamatan", "tanggal_surat"):
        assert result.value(name) == sample.truth[name], name


def test_to_dict_has_the_json_shape_of_the_web_app():
    sample = synth.generate("ktp", "scan", seed=15)

    shape = read_document(sample.to_bytes()).to_dict()

    assert set(shape) == {"doc_type", "fields", "members", "warnings", "seconds"}
    assert set(shape["fields"]["nik"]) == {"value", "confidence"}
    assert 0.0 <= shape["fields"]["nik"]["confidence"] <= 1.0
