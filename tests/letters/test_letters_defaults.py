"""The built-in templates render every letter the office issues."""

from __future__ import annotations

from typing import Any

import pytest
from letters_pdf import image_count, pdf_text

import letters

KINDS = (
    "rekomendasi_jamkesda",
    "keterangan_dtks",
    "pengantar_rsj",
    "rekomendasi_dispensasi_kawin",
    "rekomendasi_panti_lansia",
    "rujukan_anak",
    "registrasi_pemulangan",
    "berita_acara_pemakaman",
    "rekomendasi_umum",
    "tanda_terima",
    "pengembalian_berkas",
)
RECEIPTS = {"tanda_terima", "pengembalian_berkas"}


def test_default_templates_cover_every_kind() -> None:
    assert tuple(letters.DEFAULT_TEMPLATES) == KINDS
    for default in letters.DEFAULT_TEMPLATES.values():
        assert default.title
        assert default.source


@pytest.mark.parametrize("kind", KINDS)
def test_default_template_validates(kind: str) -> None:
    letters.validate_template(letters.DEFAULT_TEMPLATES[kind].source)


@pytest.mark.parametrize("kind", KINDS)
def test_default_template_pdf_holds_letter_data(
    kind: str, render: Any, context: dict[str, Any]
) -> None:
    rendered = render(letters.DEFAULT_TEMPLATES[kind].source)
    text = pdf_text(rendered.pdf)

    assert "PEMERINTAH KABUPATEN KAMPAR" in text
    assert "DINAS SOSIAL" in text
    assert "Nomor: 460/0153/DINSOS/XII/2026" in text
    assert "Bangkinang, 3 Desember 2026" in text
    if kind in RECEIPTS:
        assert "ZULKIFLI" in text
        assert "1401010304800001" in text
        assert "3 April 1980" in text
        assert "BRK-2026-00153" in text
        assert "RAHMAT HIDAYAT" in text
        assert "NIP. 198805122015031002" in text
    elif kind == "berita_acara_pemakaman":
        assert context["person"]["nik"] not in text
        assert "VER/57/XI/2026/Res Kampar" in text
        assert "TPU Desa Langgini" in text
    else:
        assert "SITI AMINAH" in text
        assert "1401015708850002" in text
        assert "Bangkinang, 17 Agustus 1985" in text
    if kind not in RECEIPTS:
        assert "Drs. H. AHMAD FAUZI, M.Si" in text
        assert "NIP. 197203151998031004" in text
        assert "sebagaimana mestinya" in text


@pytest.mark.parametrize("kind", KINDS)
def test_default_template_renders_without_optional_parts(
    kind: str, render: Any, context: dict[str, Any]
) -> None:
    context.update(person=None, applicant=None, dtks=None, assessment=None)
    context["extra"] = {}

    rendered = render(letters.DEFAULT_TEMPLATES[kind].source, context)

    assert "Nomor: 460/0153/DINSOS/XII/2026" in pdf_text(rendered.pdf)


def test_keterangan_dtks_states_check_date_id_and_desil(render: Any) -> None:
    text = pdf_text(render(letters.DEFAULT_TEMPLATES["keterangan_dtks"].source).pdf)

    assert "2 Desember 2026" in text
    assert "TERDAFTAR dengan ID DTKS 1401010105000123 pada desil 1" in text
    assert "Program Indonesia Pintar" in text


def test_keterangan_dtks_states_unregistered(
    render: Any, context: dict[str, Any]
) -> None:
    context["dtks"]["registered"] = False

    text = pdf_text(render(letters.DEFAULT_TEMPLATES["keterangan_dtks"].source).pdf)

    assert "TIDAK TERDAFTAR" in text


@pytest.mark.parametrize(
    ("recommendation", "expected"),
    [("layak", "LAYAK"), ("tidak layak", "TIDAK LAYAK"), (None, "BELUM DAPAT")],
)
def test_dispensasi_kawin_shows_assessment_result(
    render: Any, context: dict[str, Any], recommendation: str | None, expected: str
) -> None:
    context["assessment"]["recommendation"] = recommendation
    source = letters.DEFAULT_TEMPLATES["rekomendasi_dispensasi_kawin"].source

    text = pdf_text(render(source).pdf)

    assert f"dispensasi kawin ini {expected}" in text
    assert "Pengadilan Agama Bangkinang" in text


def test_pengembalian_berkas_lists_only_missing_requirements(render: Any) -> None:
    source = letters.DEFAULT_TEMPLATES["pengembalian_berkas"].source

    text = pdf_text(render(source).pdf)

    assert "Surat Keterangan Tidak Mampu" in text
    assert "Tidak sesuai (sudah" in text
    assert "Fotokopi KTP pemohon" not in text


def test_signer_acting_prefix_is_printed(render: Any, context: dict[str, Any]) -> None:
    context["signer"]["acting"] = "Plt."

    text = pdf_text(render(letters.DEFAULT_TEMPLATES["rekomendasi_umum"].source).pdf)

    assert "Plt. Kepala Dinas Sosial Kabupaten Kampar" in text


def test_rendered_letter_text_is_plain_body(render: Any) -> None:
    rendered = render(letters.DEFAULT_TEMPLATES["rekomendasi_jamkesda"].source)

    assert "Nama : SITI AMINAH" in rendered.text
    assert "RSUD Bangkinang Kabupaten Kampar" in rendered.text
    assert "<" not in rendered.text
    assert "PEMERINTAH KABUPATEN KAMPAR" not in rendered.text


def test_qr_code_is_added_only_with_verify_url(render: Any) -> None:
    source = letters.DEFAULT_TEMPLATES["keterangan_dtks"].source

    plain = render(source)
    verified = render(source, verify_url="https://dinsos.example/v/Zx81kQ")

    assert "Pindai untuk verifikasi" not in pdf_text(plain.pdf)
    assert "Pindai untuk verifikasi" in pdf_text(verified.pdf)
    assert image_count(verified.pdf) == image_count(plain.pdf) + 1


def test_uploaded_logo_replaces_placeholder(context: dict[str, Any]) -> None:
    logo = _png(40, 48)
    letterhead = letters.Letterhead(
        address="Jl. Contoh", contacts="Telp. -", logo_png=logo
    )

    rendered = letters.render_letter(
        letters.DEFAULT_TEMPLATES["rekomendasi_umum"].source,
        context,
        letterhead=letterhead,
    )

    (image,) = [img for page in _pages(rendered.pdf) for img in page.images]
    assert image.image.size == (40, 48)
    assert "Jl. Contoh" in pdf_text(rendered.pdf)


def _png(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 0, 0)).save(buffer, format="PNG")
    return buffer.getvalue()


def _pages(pdf: bytes) -> list[Any]:
    from letters_pdf import read_pdf

    return list(read_pdf(pdf).pages)


def test_name_outside_latin1_is_printed(render: Any, context: dict[str, Any]) -> None:
    context["person"]["nama"] = "ŞUKRİ ĞAZALİ"

    rendered = render(letters.DEFAULT_TEMPLATES["rekomendasi_umum"].source)

    assert "ŞUKRİ ĞAZALİ" in pdf_text(rendered.pdf)
