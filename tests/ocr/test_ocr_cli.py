import json
import subprocess
import sys
from pathlib import Path

import synth

ROOT = Path(__file__).resolve().parents[2]


def _run(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ocr", *map(str, files)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def test_cli_prints_one_json_line_per_file_in_order_and_goes_on_after_errors(
    tmp_path,
):
    card = tmp_path / "ktp.png"
    card.write_bytes(synth.generate("ktp", "scan", seed=21).to_bytes())
    broken = tmp_path / "rusak.jpg"
    broken.write_text("bukan gambar")

    done = _run(broken, card)

    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1
    assert [line["file"] for line in lines] == [str(broken), str(card)]
    assert lines[0] == {"file": str(broken), "doc_type": "error",
                        "message": "Berkas bukan gambar atau PDF yang didukung."}
    assert lines[1]["doc_type"] == "ktp"
    assert set(lines[1]) == {"file", "doc_type", "fields", "members", "warnings",
                             "seconds"}


def test_cli_exits_zero_when_every_file_is_read(tmp_path):
    letter = tmp_path / "sktm.png"
    letter.write_bytes(synth.generate("sktm", "scan", seed=22).to_bytes())

    done = _run(letter)

    assert done.returncode == 0
    assert json.loads(done.stdout)["doc_type"] == "sktm"
