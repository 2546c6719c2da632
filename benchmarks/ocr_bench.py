"""Benchmark the OCR pipeline against a naive tesseract + regex baseline.

Usage: ``python -m benchmarks.ocr_bench --per-condition N [--types ktp,kk]``.
Documents come from the seeded generator in ``tests/ocr/synth.py``, so two
runs with the same arguments read the same pictures.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ["OMP_THREAD_LIMIT"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ocr"))

import pytesseract  # noqa: E402
import synth  # noqa: E402

from ocr import read_document  # noqa: E402
from ocr.errors import OcrError  # noqa: E402

KEY_FIELDS = {
    "ktp": ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin",
            "gol_darah", "alamat", "rt_rw", "kel_desa", "kecamatan", "agama",
            "status_perkawinan", "pekerjaan", "kewarganegaraan", "berlaku_hingga"),
    "kk": ("no_kk", "kepala_keluarga", "alamat", "rt_rw", "kel_desa", "kecamatan",
           "member_nik", "member_nama"),
    "sktm": ("nomor_surat", "nama", "nik", "kel_desa", "kecamatan", "tanggal_surat"),
}


def naive_read(image: Any, doc_type: str) -> dict[str, str | None]:
    """Whole picture to tesseract, then regexes on the text."""
    text = pytesseract.image_to_string(image, lang="ind", timeout=60)
    numbers = re.findall(r"\b\d{16}\b", text.replace(" ", ""))
    out: dict[str, str | None] = {"nik": numbers[0] if numbers else None}
    if doc_type == "kk":
        out = {"no_kk": numbers[0] if numbers else None,
               "member_nik": None}
        out["_member_niks"] = numbers[1:]  # type: ignore[assignment]
    if doc_type == "sktm":
        match = re.search(r"Nomor\s*:?\s*(\S+)", text)
        out["nomor_surat"] = match.group(1) if match else None
    for name in ("nama", "alamat", "agama", "pekerjaan", "kecamatan"):
        match = re.search(rf"(?im)^{name}\s*:?\s*(.+)$", text)
        out[name] = match.group(1).strip().upper() if match else None
    return out


def compare(doc_type: str, truth: dict[str, Any], got: dict[str, Any]
            ) -> dict[str, bool]:
    """Exact match per field; KK member fields count over all members."""
    scores = {}
    for name in KEY_FIELDS[doc_type]:
        if name.startswith("member_"):
            key = name.removeprefix("member_")
            want = [m[key] for m in truth["members"]]
            have = [m.get(key) for m in got.get("members", [])]
            if "_member_niks" in got and key == "nik":
                have = got["_member_niks"]
            hits = sum(1 for i, w in enumerate(want) if i < len(have) and have[i] == w)
            scores[name] = hits / len(want)  # type: ignore[assignment]
        else:
            scores[name] = got.get(name) == truth.get(name)
    return scores


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(per_condition: int, types: list[str], seed: int, naive: bool) -> None:
    """Generate, read and print the tables."""
    acc: dict[tuple[str, str, str, str], list[float]] = defaultdict(list)
    secs: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    all_fields: dict[tuple[str, str], list[float]] = defaultdict(list)
    for doc_type in types:
        for condition in synth.CONDITIONS:
            for i in range(per_condition):
                sample = synth.generate(doc_type, condition, seed + i)
                data = sample.to_bytes()
                started = time.perf_counter()
                try:
                    result = read_document(data)
                    got: dict[str, Any] = {k: f.value for k, f in result.fields.items()}
                    got["members"] = result.members
                except OcrError:
                    got = {}
                secs[(doc_type, condition, "ours")].append(time.perf_counter() - started)
                score = compare(doc_type, sample.truth, got)
                for name, ok in score.items():
                    acc[(doc_type, name, condition, "ours")].append(float(ok))
                all_fields[(doc_type, condition)].append(
                    float(all(v == 1 for v in score.values())))

                if naive:
                    started = time.perf_counter()
                    got = naive_read(sample.image, doc_type)
                    secs[(doc_type, condition, "naive")].append(
                        time.perf_counter() - started)
                    for name, ok in compare(doc_type, sample.truth, got).items():
                        acc[(doc_type, name, condition, "naive")].append(float(ok))

    conditions = synth.CONDITIONS
    header = f"{'type':5} {'field':18} {'engine':6} " + " ".join(
        f"{c:>9}" for c in conditions)
    print(header)
    for doc_type in types:
        for name in KEY_FIELDS[doc_type]:
            for engine in ("ours", "naive") if naive else ("ours",):
                cells = []
                for c in conditions:
                    values = acc.get((doc_type, name, c, engine))
                    cells.append(f"{100 * statistics.mean(values):8.1f}%" if values
                                 else f"{'-':>9}")
                print(f"{doc_type:5} {name:18} {engine:6} " + " ".join(cells))
        cells = [f"{100 * statistics.mean(all_fields[(doc_type, c)]):8.1f}%"
                 for c in conditions]
        print(f"{doc_type:5} {'ALL FIELDS':18} {'ours':6} " + " ".join(cells))
        for engine in ("ours", "naive") if naive else ("ours",):
            cells = []
            for c in conditions:
                s = secs[(doc_type, c, engine)]
                cells.append(f"{statistics.median(s):4.2f}/{percentile(s, 0.95):4.2f}")
            print(f"{doc_type:5} {'s median/p95':18} {engine:6} " + " ".join(
                f"{c:>9}" for c in cells))


def main() -> None:
    """Parse arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-condition", type=int, default=10)
    parser.add_argument("--types", default="ktp,kk,sktm")
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--no-naive", action="store_true")
    args = parser.parse_args()
    run(args.per_condition, args.types.split(","), args.seed, not args.no_naive)


if __name__ == "__main__":
    main()
