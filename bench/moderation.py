"""Speed of moderation against VADER alone, on the same comments, one run; the models' memory.

    python bench/moderation.py [--data tests/data/comments.jsonl] [--repeat 5] [--json]

The figures the issues ask for: median and 99th-percentile in-process `pack.moderate` time per
comment as a ratio to VADER's `polarity_scores` alone on the same texts, alternating comment by
comment so both see the same load (targets: median <= 5x, p99 <= 20x of VADER's median); the
share of the time the trained classifiers take; and the memory the classifiers' weights take in a
worker (tracemalloc of loading them, and the process's resident-set growth; target <= 300 MB).
The classifiers' per-text score cache is cleared before every call, so each moderation pays for
its scores (the per-word cache stays warm, as it is in a serving process).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.drafts import interleaved  # noqa: E402
from govern import load_pack  # noqa: E402
from govern.checks import classifier  # noqa: E402
from govern.checks.signals import SIGNALS  # noqa: E402


def rss_mb() -> float:
    """The process's resident set, from /proc (Linux), in MB."""
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def model_memory() -> tuple[float, float]:
    """MB allocated by loading the classifiers (tracemalloc), and the resident-set growth."""
    import tracemalloc

    before = rss_mb()
    tracemalloc.start()
    classifier.shipped()
    traced = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    return traced, rss_mb() - before


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "tests" / "data" / "comments.jsonl"))
    parser.add_argument("--pack", default=str(ROOT / "policies" / "council-default"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    traced_mb, rss_growth_mb = model_memory()
    rows = [
        json.loads(line) for line in Path(args.data).read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    comments = [
        {"text": r["text"], "channel": "facebook-page", "posted_at": "2026-11-18T11:00:00Z"} for r in rows
    ]
    texts = [c["text"] for c in comments]
    pack = load_pack(args.pack)
    for c in comments:  # warm up: loads VADER's lexicon and the models
        pack.moderate(c)

    def moderate(comment: dict[str, Any]) -> object:
        classifier.scores.cache_clear()
        return pack.moderate(comment)

    govern_us, vader_us = interleaved(
        moderate, vader.polarity_scores, list(zip(comments, texts, strict=True)), args.repeat
    )
    models = [name for name in SIGNALS if name.startswith("model:")]
    model_us = []
    for text in texts:
        classifier.scores.cache_clear()
        start = time.perf_counter_ns()
        for name in models:
            SIGNALS[name](text)
        model_us.append((time.perf_counter_ns() - start) / 1000)

    def p99(values: list[float]) -> float:
        return sorted(values)[min(len(values) - 1, int(0.99 * len(values)))]

    figures: dict[str, Any] = {
        "comments": len(comments),
        "govern_median_us": round(statistics.median(govern_us), 1),
        "govern_p99_us": round(p99(govern_us), 1),
        "vader_median_us": round(statistics.median(vader_us), 1),
        "vader_p99_us": round(p99(vader_us), 1),
        "models_median_us": round(statistics.median(model_us), 1),
        "models_traced_mb": round(traced_mb, 1),
        "process_rss_growth_mb": round(rss_growth_mb, 1),
    }
    figures["ratio_to_vader"] = round(figures["govern_median_us"] / figures["vader_median_us"], 2)
    figures["p99_ratio_to_vader_median"] = round(figures["govern_p99_us"] / figures["vader_median_us"], 2)
    figures["models_share"] = round(figures["models_median_us"] / figures["govern_median_us"], 2)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{len(comments)} comments, {args.repeat} runs each")
        print(f"govern pack.moderate   median {figures['govern_median_us']} us")
        ratio = figures["ratio_to_vader"]
        print(f"VADER alone            median {figures['vader_median_us']} us  -> ratio {ratio}x")
        print(
            f"govern p99             {figures['govern_p99_us']} us = {figures['p99_ratio_to_vader_median']}x "
            f"VADER's median (VADER's own p99 {figures['vader_p99_us']} us)"
        )
        print(
            f"models ({', '.join(models)}) median {figures['models_median_us']} us "
            f"= {figures['models_share']:.0%} of a moderation"
        )
        print(
            f"classifier weights: {figures['models_traced_mb']} MB allocated (tracemalloc), "
            f"resident set +{figures['process_rss_growth_mb']} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
