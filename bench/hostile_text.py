"""Worst cases: how long the slowest known shapes of a 20,000-character text take to check.

    python bench/hostile_text.py [--repeat 3] [--json]

The review's comment "a." * 10000 held a worker for 8.8 s in a quadratic link pattern. Each row
is a shape that once made a detector quadratic (a pattern backtracking, a loop over pairs,
VADER's per-word rescans), timed through `pack.check` and `pack.moderate` at the API's largest
text; each figure is the best of `repeat` runs (CPU time of this process), each run on a text
made new by its first characters so that no cache remembers it.
The target: every shape well under 1 s (a typical draft takes about 70 µs).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govern import load_pack  # noqa: E402
from govern.drafts.models import MAX_TEXT  # noqa: E402

SHAPES: dict[str, str] = {
    "dotted letters ('a.' * 10000)": "a." * 10_000,
    "hyphenated letters": "a-" * 10_000,
    "one long word": "a" * MAX_TEXT,
    "spaces before a dash": " " * (MAX_TEXT - 5) + "x - y",
    "emoji": "😀" * MAX_TEXT,
    "combining marks": "a" + "\u0301" * (MAX_TEXT - 1),
    "character references": "&#115;" * (MAX_TEXT // 6),
    "target and claim repeated": ("muslims are vermin " * 1100)[:MAX_TEXT],
    "negated claims": ("not muslims are vermin " * 900)[:MAX_TEXT],
    "threats repeated": ("kill you " * 2300)[:MAX_TEXT],
    "letters spelled out": ("s . h - i _ t " * 1500)[:MAX_TEXT],
    "digits spaced out": "0 " * (MAX_TEXT // 2),
    "question marks": "?" * MAX_TEXT,
    "disguises mixed": ("ѕһіt l1ar 07700 900123 a.b.c " * 700)[:MAX_TEXT],
}


def best(work: Callable[[str], object], text: str, repeat: int) -> float:
    times = []
    for i in range(repeat):
        fresh = f"{i}{time.time_ns()} {text}"[:MAX_TEXT]  # new to every cache
        start = time.process_time()
        work(fresh)
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default=str(ROOT / "policies" / "council-default"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pack = load_pack(args.pack)
    pack.check({"text": "Warm up: ѕһіt", "platform": "blog"})  # load the models and tables once
    pack.moderate({"text": "Warm up: ѕһіt", "channel": "facebook-page"})
    rows = {}
    for name, text in SHAPES.items():
        draft = best(lambda t: pack.check({"text": t, "platform": "blog"}), text, args.repeat)
        comment = best(lambda t: pack.moderate({"text": t, "channel": "facebook-page"}), text, args.repeat)
        rows[name] = {"draft_s": round(draft, 3), "comment_s": round(comment, 3)}
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'shape (20,000 characters)':36} {'draft s':>8} {'comment s':>10}")
    for name, row in rows.items():
        print(f"{name:36} {row['draft_s']:8.3f} {row['comment_s']:10.3f}")
    worst = max(max(r.values()) for r in rows.values())
    print(f"worst: {worst:.3f} s of CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
