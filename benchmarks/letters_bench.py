"""Time the rendering of each default letter: ``python -m benchmarks.letters_bench``."""

from __future__ import annotations

import statistics
import time

import letters

RUNS = 30
VERIFY_URL = "https://dinsos.kamparkab.go.id/verifikasi/Zx81kQp2Lm"


def _time_kind(source: str) -> list[float]:
    letterhead = letters.sample_letterhead()
    timings = []
    for _ in range(RUNS):
        context = letters.sample_context()
        started = time.perf_counter()
        letters.render_letter(
            source, context, letterhead=letterhead, verify_url=VERIFY_URL
        )
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _p95(timings: list[float]) -> float:
    return statistics.quantiles(timings, n=20, method="inclusive")[-1]


def main() -> None:
    """Print the median and p95 render time of each default letter."""
    letters.render_letter(
        "<p>{{ letter.number }}</p>",
        letters.sample_context(),
        letterhead=letters.sample_letterhead(),
    )

    print(f"{'kind':<30} {'median ms':>10} {'p95 ms':>10}  ({RUNS} runs each)")
    medians = []
    for kind, default in letters.DEFAULT_TEMPLATES.items():
        timings = _time_kind(default.source)
        medians.append(statistics.median(timings))
        print(f"{kind:<30} {medians[-1]:>10.1f} {_p95(timings):>10.1f}")
    print(f"{'worst median':<30} {max(medians):>10.1f}")


if __name__ == "__main__":
    main()
