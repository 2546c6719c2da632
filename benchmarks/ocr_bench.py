"""Benchmark the OCR pipeline against a naive tesseract + regex baseline.

Usage: ``python -m benchmarks.ocr_bench --per-condition N [--types ktp,kk]
[--style unseen] [--variants]``. Documents come from the seeded generator in
``tests/ocr/synth.py``, so two runs with the same arguments read the same
pictures. ``--style unseen`` draws them in an appearance the readers were not
tuned on; ``--variants`` adds a table of KTP variants (glare, worn, a child's
or a foreigner's card, the old KTP...) with the share of silent wrong answers.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections import Counter
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


def run(per_condition: int, types: list[str], seed: int, naive: bool,
        style: str = "standard",
        conditions: tuple[str, ...] = synth.CONDITIONS) -> None:
    """Generate, read and print the tables."""
    acc: dict[tuple[str, str, str, str], list[float]] = defaultdict(list)
    secs: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    all_fields: dict[tuple[str, str], list[float]] = defaultdict(list)
    for doc_type in types:
        for condition in conditions:
            for i in range(per_condition):
                sample = synth.generate(doc_type, condition, seed + i, style=style)
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


# A reader's answer is "invented" when it is wrong, sure of itself and not
# flagged: the user has no reason to look at it twice.
SURE = 0.8


def mentions(warnings: list[str], name: str) -> bool:
    """Whether a warning names the field, by its key or its words."""
    words = {name, name.replace("_", " ")}
    text = " ".join(warnings).lower()
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def judge_variant(truth: dict[str, Any], result: Any) -> dict[str, tuple[bool, bool]]:
    """Per KTP field: (exact, invented)."""
    out = {}
    for name in synth.KTP_FIELDS:
        got = result.fields.get(name) if result else None
        value = got.value if got else None
        want = truth.get(name)
        wrong = value is not None and value != want
        sure = got is not None and got.confidence >= SURE
        invented = wrong and sure and not mentions(result.warnings, name)
        out[name] = (value == want, invented)
    return out


def run_variants(per_condition: int, seed: int, style: str,
                 variants: tuple[str, ...] = synth.KTP_VARIANTS) -> None:
    """Read each KTP variant under every condition and print the table."""
    scores: dict[tuple[str, str], list[tuple[bool, bool]]] = defaultdict(list)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    silent: list[str] = []
    for variant in variants:
        for condition in synth.CONDITIONS:
            for i in range(per_condition):
                sample = synth.generate("ktp", condition, seed + i, style=style,
                                        variant=variant)
                try:
                    result = read_document(sample.to_bytes())
                    kinds[variant][result.doc_type] += 1
                except OcrError:
                    result = None
                    kinds[variant]["error"] += 1
                except Exception as e:  # a crash is a finding, not the end of the run
                    result = None
                    kinds[variant]["CRASH"] += 1
                    silent.append(f"{variant} {condition} seed={seed + i}: crash {e!r}")
                for name, (exact, invented) in judge_variant(sample.truth,
                                                             result).items():
                    scores[(variant, name)].append((exact, invented))
                    if invented:
                        got = result.fields[name]
                        silent.append(
                            f"{variant} {condition} seed={seed + i} {name}: read "
                            f"{got.value!r} ({got.confidence:.2f}), truth "
                            f"{sample.truth.get(name)!r}")
    print_variants(variants, scores, kinds, silent)


def print_variants(variants: tuple[str, ...],
                   scores: dict[tuple[str, str], list[tuple[bool, bool]]],
                   kinds: dict[str, Counter[str]], silent: list[str]) -> None:
    """Print exact/invented per field and variant, the types, the silent errors."""
    print()
    print(f"{'KTP variant':18} " + " ".join(f"{v:>11}" for v in variants))
    print(f"{'field: exact/inv%':18} " + " ".join(f"{'':>11}" for _ in variants))
    for name in synth.KTP_FIELDS:
        cells = []
        for v in variants:
            values = scores[(v, name)]
            exact = 100 * statistics.mean(e for e, _ in values)
            invented = 100 * statistics.mean(i for _, i in values)
            cells.append(f"{exact:5.1f}/{invented:4.1f}")
        print(f"{name:18} " + " ".join(f"{c:>11}" for c in cells))
    cells = [f"{100 * kinds[v]['ktp'] / sum(kinds[v].values()):10.1f}%"
             for v in variants]
    print(f"{'doc_type ktp':18} " + " ".join(cells))
    for v in variants:
        print(f"  {v}: " + ", ".join(f"{k} {n}" for k, n in kinds[v].most_common()))
    print(f"\nSilent wrong answers (confidence >= {SURE}, no warning): {len(silent)}")
    for line in silent:
        print("  " + line)


def main() -> None:
    """Parse arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-condition", type=int, default=10)
    parser.add_argument("--types", default="ktp,kk,sktm")
    parser.add_argument("--conditions", default=",".join(synth.CONDITIONS),
                        help="which capture conditions to generate")
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--no-naive", action="store_true")
    parser.add_argument("--style", choices=synth.STYLES, default="standard")
    parser.add_argument("--variants", action="store_true",
                        help="also read the KTP variants and print their table")
    parser.add_argument("--variant-names", default=",".join(synth.KTP_VARIANTS),
                        help="which KTP variants --variants reads")
    args = parser.parse_args()
    types = [t for t in args.types.split(",") if t]
    conditions = tuple(c for c in args.conditions.split(",") if c)
    run(args.per_condition, types, args.seed, not args.no_naive, args.style,
        conditions)
    if args.variants:
        names = tuple(args.variant_names.split(","))
        run_variants(args.per_condition, args.seed, args.style, names)


if __name__ == "__main__":
    main()
