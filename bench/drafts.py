"""Speed of the draft checker against VADER alone and proselint, on the same drafts, one run.

    python bench/drafts.py [--data tests/data/drafts.jsonl] [--repeat 5] [--json]

The figure the issue asks for: median in-process `pack.check` time per draft, as a ratio to the
median of VADER's `polarity_scores` alone on the same texts (target <= 3x; issue 8: <= 2x).
proselint, a well-known prose linter, is timed on the same texts for comparison.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govern import load_pack  # noqa: E402


def per_item(fn: Callable[[Any], object], items: list[Any], repeat: int) -> list[float]:
    """Per-item times in microseconds: the median of `repeat` runs of each item."""
    times = []
    for item in items:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter_ns()
            fn(item)
            runs.append((time.perf_counter_ns() - start) / 1000)
        times.append(statistics.median(runs))
    return times


def interleaved(
    a: Callable[[Any], object], b: Callable[[Any], object], items: list[tuple[Any, Any]], repeat: int
) -> tuple[list[float], list[float]]:
    """Per-item times of two functions, alternating on each item so both see the same load."""
    times_a, times_b = [], []
    for x, y in items:
        runs_a, runs_b = [], []
        for _ in range(repeat):
            start = time.perf_counter_ns()
            a(x)
            middle = time.perf_counter_ns()
            b(y)
            runs_a.append((middle - start) / 1000)
            runs_b.append((time.perf_counter_ns() - middle) / 1000)
        times_a.append(statistics.median(runs_a))
        times_b.append(statistics.median(runs_b))
    return times_a, times_b


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "tests" / "data" / "drafts.jsonl"))
    parser.add_argument("--pack", default=str(ROOT / "policies" / "council-default"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    rows = [
        json.loads(line) for line in Path(args.data).read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    drafts = [{k: v for k, v in row.items() if k not in ("id", "expect")} for row in rows]
    texts = [d["text"] for d in drafts]
    started = time.perf_counter()
    pack = load_pack(args.pack)
    load_ms = (time.perf_counter() - started) * 1000
    for d in drafts:  # warm up: first use loads VADER's lexicon and the offensive model
        pack.check(d)

    figures: dict[str, Any] = {"drafts": len(drafts), "pack_load_ms": round(load_ms, 1)}
    govern_us, vader_us = interleaved(
        pack.check, vader.polarity_scores, list(zip(drafts, texts, strict=True)), args.repeat
    )
    figures["govern_median_us"] = round(statistics.median(govern_us), 1)
    figures["vader_median_us"] = round(statistics.median(vader_us), 1)
    figures["ratio_to_vader"] = round(figures["govern_median_us"] / figures["vader_median_us"], 2)
    figures["govern_p95_us"] = round(statistics.quantiles(govern_us, n=20)[-1], 1)
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile

        CheckRegistry().register_many(__register__)
        prose_us = per_item(lambda t: LintFile("<draft>", t).lint(DEFAULT), texts, max(1, args.repeat // 2))
        figures["proselint_median_us"] = round(statistics.median(prose_us), 1)
        figures["ratio_to_proselint"] = round(figures["govern_median_us"] / figures["proselint_median_us"], 3)
    except ImportError:
        figures["proselint_median_us"] = None
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{len(drafts)} drafts, {args.repeat} runs each; pack load {figures['pack_load_ms']} ms")
        print(f"{'metric':<34}{'median us':>12}{'ratio':>10}")
        print(f"{'govern pack.check':<34}{figures['govern_median_us']:>12}{'':>10}")
        vader_row = f"{'VADER polarity_scores alone':<34}{figures['vader_median_us']:>12}"
        print(f"{vader_row}{figures['ratio_to_vader']:>9}x")
        if figures.get("proselint_median_us"):
            prose_row = f"{'proselint lint':<34}{figures['proselint_median_us']:>12}"
            print(f"{prose_row}{figures['ratio_to_proselint']:>9}x")
        print(f"govern p95 {figures['govern_p95_us']} us")
    return 0


if __name__ == "__main__":
    sys.exit(main())
