"""Garbage uploads: a clear Indonesian message, nothing stored, nothing lost."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image
from pypdf import PdfWriter
from sqlalchemy import select

from backoffice.auth.models import Role
from backoffice.cases.models import Document
from backoffice.cases.uploads import check_upload
from backoffice.catalogue.models import Service
from backoffice.core.errors import InvalidInput
from backoffice.extensions import db
from tests.conftest import PASSWORD
from tests.workflow_helpers import Desk, case_from, pdf_bytes, scan_bytes


def huge_png_header(width: int = 30000, height: int = 30000) -> bytes:
    """A PNG that declares 30000×30000 pixels: decoding it would need 2.7 GB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 4096)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("rahasia")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def many_pages_pdf(pages: int = 200) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=100, height=100)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def truncated_jpeg() -> bytes:
    return scan_bytes()[:600]


def cat_photo() -> bytes:
    image = Image.effect_mandelbrot((300, 200), (-2, -1, 1, 1), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    return buffer.getvalue()


GARBAGE = [
    ("kosong.jpg", b"", "berkas kosong"),
    ("teks.jpg", b"ini hanya teks biasa\n" * 20, "bukan gambar yang didukung"),
    ("potong.jpg", truncated_jpeg(), "rusak"),
    ("raksasa.png", huge_png_header(), "terlalu besar"),
    ("terkunci.pdf", encrypted_pdf(), "PDF terkunci kata sandi"),
    ("tebal.pdf", many_pages_pdf(), "terlalu banyak halaman"),
    ("rusak.pdf", b"%PDF-1.7\n" + b"\x00" * 100, "PDF rusak"),
]


@pytest.mark.parametrize(
    ("name", "content", "message"), GARBAGE, ids=[g[0] for g in GARBAGE]
)
def test_check_upload_refuses_garbage_with_a_clear_message(name, content, message):
    with pytest.raises(InvalidInput) as refused:
        check_upload(content, name)

    assert message in refused.value.message
    assert name in refused.value.message


def test_a_photo_of_anything_is_accepted_as_an_image():
    checked = check_upload(cat_photo(), "kucing.jpg")

    assert checked.mime_type == "image/jpeg"


def test_a_bad_file_in_a_batch_does_not_lose_the_good_ones(app, make_user):
    desk = Desk(app, make_user(Role.FRONT_OFFICE), PASSWORD)
    service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))
    case = case_from(desk.intake(service))

    response = desk.client.post(
        f"/permohonan/{case.id}/unggah",
        data={
            "files": [
                (io.BytesIO(scan_bytes()), "ktp.jpg"),
                (io.BytesIO(huge_png_header()), "raksasa.png"),
                (io.BytesIO(pdf_bytes(2)), "berkas.pdf"),
            ]
        },
        content_type="multipart/form-data",
        headers=desk.from_page(case),
    )
    response.request.environ["wsgi.input"].close()
    page = desk.client.get(response.headers["Location"])

    names = [d.original_name for d in db.session.scalars(select(Document))]
    assert "raksasa.png: gambar terlalu besar" in page.text
    assert "2 berkas tersimpan." in page.text
    assert sorted(names) == ["berkas.pdf", "berkas.pdf", "ktp.jpg"]
