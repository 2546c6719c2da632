"""A fake tesseract that hangs or crashes: the user gets a message, not a hang."""

import logging
import os
import stat
import time

import pytesseract
import pytest
import synth

from ocr import OcrError, engine, read_document
from ocr.errors import EngineError, OcrTimeoutError


def _fake_tesseract(tmp_path, body: str) -> str:
    script = tmp_path / "tesseract"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


@pytest.fixture
def card_bytes():
    return synth.generate("ktp", "scan", seed=31).to_bytes()


def test_read_document_times_out_on_a_hanging_tesseract(
    tmp_path, monkeypatch, card_bytes, caplog
):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd",
                        _fake_tesseract(tmp_path, "sleep 30"))
    monkeypatch.setattr(engine, "TIMEOUT_SECONDS", 0.5)

    started = time.perf_counter()
    with pytest.raises(OcrTimeoutError) as info, caplog.at_level(logging.ERROR):
        read_document(card_bytes)

    assert time.perf_counter() - started < 5
    assert info.value.message.startswith("Waktu pembacaan habis.")
    assert "timed out" in caplog.text


def test_read_document_reports_a_crashing_tesseract(tmp_path, monkeypatch, card_bytes):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd",
                        _fake_tesseract(tmp_path, "echo segfault >&2; exit 139"))

    with pytest.raises(EngineError) as info:
        read_document(card_bytes)

    assert isinstance(info.value, OcrError)
    assert "Mesin OCR gagal" in info.value.message
    assert info.value.__cause__ is not None


def test_read_document_reports_missing_tesseract(monkeypatch, card_bytes):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd",
                        "/nonexistent/tesseract")

    with pytest.raises(EngineError):
        read_document(card_bytes)


def test_engine_runs_tesseract_with_one_thread():
    assert os.environ["OMP_THREAD_LIMIT"] == "1"
