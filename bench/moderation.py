"""Speed of moderation against VADER alone, on the same comments, one run.

    python bench/moderation.py [--data tests/data/comments.jsonl] [--repeat 5] [--json]

The figure the issue asks for: median in-process `pack.moderate` time per comment as a ratio to
VADER's `polarity_scores` alone on the same texts (target <= 5x; issue 8: <= 3x), and the share
of the time the models take (the offensive-language score and the trained classifiers).
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
from govern.checks.signals import SIGNALS  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "tests" / "data" / "comments.jsonl"))
    parser.add_argument("--pack", default=str(ROOT / "policies" / "council-default"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
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

    govern_us, vader_us = interleaved(
        pack.moderate, vader.polarity_scores, list(zip(comments, texts, strict=True)), args.repeat
    )
    models = [name for name in SIGNALS if name.startswith("model:")]
    model_us = []
    for text in texts:
        start = time.perf_counter_ns()
        for name in models:
            SIGNALS[name](text)
        model_us.append((time.perf_counter_ns() - start) / 1000)
    figures: dict[str, Any] = {
        "comments": len(comments),
        "govern_median_us": round(statistics.median(govern_us), 1),
        "vader_median_us": round(statistics.median(vader_us), 1),
        "models_median_us": round(statistics.median(model_us), 1),
    }
    figures["ratio_to_vader"] = round(figures["govern_median_us"] / figures["vader_median_us"], 2)
    figures["models_share"] = round(figures["models_median_us"] / figures["govern_median_us"], 2)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{len(comments)} comments, {args.repeat} runs each")
        print(f"govern pack.moderate   median {figures['govern_median_us']} us")
        ratio = figures["ratio_to_vader"]
        print(f"VADER alone            median {figures['vader_median_us']} us  -> ratio {ratio}x")
        print(
            f"models ({', '.join(models)}) median {figures['models_median_us']} us "
            f"= {figures['models_share']:.0%} of a moderation"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
