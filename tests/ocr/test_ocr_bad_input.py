import io
import logging
import struct
import time
import zlib

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr import OcrError, geometry, read_document
from ocr.errors import UnreadableScanError


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    crc = struct.pack(">I", zlib.crc32(chunk))
    idat = b"IDAT" + zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr)) + chunk + crc
        + struct.pack(">I", len(idat) - 4) + idat + struct.pack(">I", zlib.crc32(idat))
    )


def _jpeg(size=(800, 500)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 220, 240)).save(buffer, "JPEG")
    return buffer.getvalue()


def _pdf(pages: int, password: str | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _read_error(data: bytes, filename: str = "upload") -> str:
    started = time.perf_counter()
    with pytest.raises(OcrError) as info:
        read_document(data, filename=filename)
    assert time.perf_counter() - started < 5
    return info.value.message


def test_read_document_refuses_empty_file():
    assert _read_error(b"") == "Berkas kosong."


def test_read_document_refuses_text_named_jpg():
    message = _read_error(b"Ini bukan gambar, hanya teks.\n" * 20, "ktp.jpg")

    assert message == "Berkas bukan gambar atau PDF yang didukung."


def test_read_document_refuses_truncated_jpeg():
    data = _jpeg()

    message = _read_error(data[: len(data) // 2], "ktp.jpg")

    assert "rusak atau terpotong" in message


def test_read_document_refuses_huge_image_without_decoding_it():
    message = _read_error(_png_header(30000, 30000) + b"\x00" * 100)

    assert message == "Gambar terlalu besar (maks. 40 megapiksel)."


def test_read_document_refuses_image_just_over_the_pixel_limit():
    message = _read_error(_png_header(8000, 5001) + b"\x00" * 100)

    assert "terlalu besar" in message


def test_read_document_refuses_encrypted_pdf():
    assert _read_error(_pdf(1, password="rahasia")) == (
        "PDF terenkripsi tidak dapat dibaca."
    )


def test_read_document_refuses_pdf_with_too_many_pages():
    assert _read_error(_pdf(200)) == "PDF terlalu banyak halaman (maks. 20)."


def test_read_document_refuses_unsupported_image_format():
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50)).save(buffer, "GIF")

    message = _read_error(buffer.getvalue(), "ktp.gif")

    assert message == "Berkas bukan gambar atau PDF yang didukung."


def test_read_document_says_other_for_a_photo_without_a_document():
    rng = np.random.default_rng(7)
    noise = rng.normal(0, 1, (60, 80, 3))
    smooth = cv2.resize(noise, (800, 600), interpolation=cv2.INTER_CUBIC)
    smooth = cv2.GaussianBlur(smooth, (0, 0), 6)
    image = ((smooth - smooth.min()) / np.ptp(smooth) * 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, "JPEG")

    result = read_document(buffer.getvalue(), filename="kucing.jpg")

    assert result.doc_type == "other"
    assert result.warnings
    assert result.fields == {}


def _jpeg_of(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    return buffer.getvalue()


def _with_text(size: tuple[int, int], text: str) -> Image.Image:
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).text((20, 2), text, fill="black")
    return image


@pytest.mark.parametrize(
    "image",
    [
        Image.new("RGB", (640, 400), "white"),
        Image.new("RGB", (640, 400), "black"),
        Image.new("RGB", (30, 30), "white"),
        Image.new("RGB", (1, 1), "white"),
        Image.new("RGB", (2000, 20), "white"),
        Image.new("RGB", (20, 2000), "grey"),
        _with_text((2000, 20), "KTP NIK"),
        _with_text((640, 400), "KTP"),
        _with_text((640, 400), "."),
        _with_text((640, 400), "I"),
    ],
    ids=["blank", "black", "tiny", "one-pixel", "elongated", "tall",
         "elongated-text", "small-text", "dot", "stroke"],
)
def test_read_document_says_other_for_blank_tiny_or_odd_pictures(image):
    result = read_document(_jpeg_of(image), filename="aneh.jpg")

    assert result.doc_type == "other"
    assert result.warnings
    assert result.fields == {}


def test_read_document_turns_a_failing_step_into_an_ocr_error(monkeypatch, caplog):
    def broken(image):
        raise cv2.error("(-215:Assertion failed) !dsize.empty() in function 'resize'")

    monkeypatch.setattr(geometry, "locate_document", broken)
    with pytest.raises(UnreadableScanError) as info, caplog.at_level(logging.ERROR):
        read_document(_jpeg_of(_with_text((640, 400), "KTP")), filename="ktp.jpg")

    assert isinstance(info.value, OcrError)
    assert info.value.message == "Pindaian tidak dapat dibaca."
    assert isinstance(info.value.__cause__, cv2.error)
    assert "reading ktp.jpg failed" in caplog.text
    assert "Traceback" in caplog.text
