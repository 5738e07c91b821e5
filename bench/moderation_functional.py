"""The functional test suite for moderation, per functionality, on the dev and holdout splits.

    python bench/moderation_functional.py [--cases tests/data/moderation-functional/cases.jsonl]
                                          [--errors] [--json]

A case passes when the action is one the written policy allows for it (`acceptable_actions`).
Also reported, as the issue's targets read: hateful cases not published, and non-hateful cases
published (counting only those the council publishes, and all of them). `--errors` lists the
failing cases of the dev split only: the holdout split is for reporting, never for tuning.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govern import load_pack  # noqa: E402

CASES = ROOT / "tests" / "data" / "moderation-functional" / "cases.jsonl"
COMMENT = {"channel": "facebook-page", "posted_at": "2026-11-18T11:00:00Z"}  # a Wednesday, in hours


def share(good: int, of: int) -> float | None:
    return round(good / of, 3) if of else None


def measure(pack: Any, cases: list[dict[str, Any]], errors: bool) -> dict[str, Any]:
    table: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    totals: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for case in cases:
        result = pack.moderate({**COMMENT, "text": case["text"]})
        split = case["split"]
        ok = result.action in case["acceptable_actions"]
        table[case["functionality"]][split].append(ok)
        published = result.action == "publish"
        if case["label"] == "hateful":
            totals[split]["hateful_not_published"].append(not published)
        else:
            totals[split]["non_hateful_published"].append(published)
            if case["expected_action"] == "publish":
                totals[split]["non_hateful_council_publishes_published"].append(published)
        totals[split]["right_action"].append(ok)
        if errors and not ok and split == "dev":
            rules = ",".join(r.rule for r in result.reasons) or "-"
            print(
                f"{case['functionality']}: want {'/'.join(case['acceptable_actions'])} got {result.action} "
                f"({rules}): {case['text']}",
                file=sys.stderr,
            )
    return {
        "functionalities": {
            f: {s: {"n": len(v), "pass": share(sum(v), len(v))} for s, v in sorted(splits.items())}
            for f, splits in table.items()
        },
        "totals": {
            s: {k: {"n": len(v), "share": share(sum(v), len(v))} for k, v in sorted(m.items())}
            for s, m in sorted(totals.items())
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default=str(ROOT / "policies" / "council-default"))
    parser.add_argument("--cases", default=str(CASES))
    parser.add_argument("--errors", action="store_true", help="list the failing dev cases on stderr")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cases = [json.loads(line) for line in Path(args.cases).read_text(encoding="utf-8").splitlines() if line]
    figures = measure(load_pack(args.pack), cases, args.errors)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print("| functionality | dev n | dev pass | holdout n | holdout pass |\n|---|---:|---:|---:|---:|")
    for name, splits in figures["functionalities"].items():
        dev, hold = splits.get("dev", {}), splits.get("holdout", {})
        print(f"| {name} | {dev.get('n', 0)} | {dev.get('pass')} | {hold.get('n', 0)} | {hold.get('pass')} |")
    print()
    for split, measures in figures["totals"].items():
        print(split + ": " + ", ".join(f"{k} {m['share']} (n={m['n']})" for k, m in measures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
