"""Precision and recall per category of the draft checker on the labelled set.

    python bench/drafts_quality.py [--data tests/data/drafts.jsonl] [--pack DIR] [--json] [--errors]

Each draft in the set is labelled with the categories the policy says it breaks and its
verdict. A draft counts as flagged for a category when any finding has that category.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govern import load_pack  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "tests" / "data" / "drafts.jsonl"))
    parser.add_argument("--pack", default=str(ROOT / "policies" / "council-default"))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every draft the checker gets wrong")
    args = parser.parse_args()

    pack = load_pack(args.pack)
    rows = [
        json.loads(line) for line in Path(args.data).read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    verdicts_right = 0
    blocks = blocked = 0
    errors = []
    for row in rows:
        expect = row.pop("expect")
        ident = row.pop("id")
        verdict = pack.check(row)
        got = {f.category for f in verdict.findings}
        want = set(expect["categories"])
        for c in got & want:
            tp[c] += 1
        for c in got - want:
            fp[c] += 1
        for c in want - got:
            fn[c] += 1
        verdicts_right += verdict.verdict == expect["verdict"]
        if expect["verdict"] == "block":
            blocks += 1
            blocked += verdict.verdict == "block"
        if got != want or verdict.verdict != expect["verdict"]:
            errors.append(
                (ident, sorted(want), sorted(got), expect["verdict"], verdict.verdict, row["text"][:100])
            )

    categories = sorted(set(tp) | set(fp) | set(fn))
    table = {}
    for c in categories:
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 1.0
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 1.0
        table[c] = {"precision": round(p, 3), "recall": round(r, 3), "tp": tp[c], "fp": fp[c], "fn": fn[c]}
    summary = {
        "drafts": len(rows),
        "verdict_accuracy": round(verdicts_right / len(rows), 3),
        "block_recall": round(blocked / blocks, 3) if blocks else 1.0,
        "categories": table,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{'category':<18}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
        for c, m in table.items():
            print(f"{c:<18}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['tp']:>5}{m['fp']:>5}{m['fn']:>5}")
        print(
            f"\n{len(rows)} drafts; verdict accuracy {summary['verdict_accuracy']:.3f}; "
            f"recall on block {summary['block_recall']:.3f} ({blocked}/{blocks})"
        )
    if args.errors:
        for e in errors:
            print(f"{e[0]} want {e[1]} {e[3]} got {e[2]} {e[4]}: {e[5]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
