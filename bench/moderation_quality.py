"""How well moderation separates what must be published from what must not.

    python bench/moderation_quality.py [--comments tests/data/comments.jsonl] [--davidson CSV] [--errors]

Two measures:
1. Davidson et al. (ICWSM 2017) tweets: the share of hate (class 0) and offensive (class 1) not
   published, and the share of "neither" (class 2) published. alt-profanity-check was trained on
   this data, so these figures flatter it.
2. Our own labelled comments, per group (counter-speech, negated hate, identity mentions,
   disguised slurs, threats and hate without swear words, ...): the share on the right side
   (published or not) and the share with exactly the expected action.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govern import load_pack  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "davidson-labeled-tweets.csv"
SAMPLE = ROOT / "tests" / "data" / "davidson-sample.csv"
COMMENT = {"channel": "facebook-page", "posted_at": "2026-11-18T11:00:00Z"}  # a Wednesday, in hours


def davidson(pack: Any, path: Path, limit: int | None) -> dict[str, Any]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:limit]
    published: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row in rows:
        label = {"0": "hate", "1": "offensive", "2": "neither"}[row["class"]]
        result = pack.moderate({**COMMENT, "text": row["tweet"] or "."})
        total[label] += 1
        published[label] += result.action == "publish"

    def share(count: int, of: int) -> float:
        return round(count / of, 3) if of else float("nan")

    return {
        "tweets": len(rows),
        "hate_not_published": share(total["hate"] - published["hate"], total["hate"]),
        "offensive_not_published": share(total["offensive"] - published["offensive"], total["offensive"]),
        "neither_published": share(published["neither"], total["neither"]),
    }


def own(pack: Any, path: Path, errors: bool) -> dict[str, Any]:
    groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        result = pack.moderate({**COMMENT, "text": row["text"]})
        side = (result.action == "publish") == (row["expect"] == "publish")
        exact = result.action == row["expect"]
        groups[row["group"]].append((side, exact))
        if errors and not side:
            rules = ",".join(r.rule for r in result.reasons) or "-"
            print(
                f"{row['id']} {row['group']}: want {row['expect']} got {result.action} ({rules}): "
                f"{row['text'][:100]}",
                file=sys.stderr,
            )
    return {
        g: {
            "n": len(v),
            "right_side": round(sum(s for s, _ in v) / len(v), 3),
            "exact_action": round(sum(e for _, e in v) / len(v), 3),
        }
        for g, v in sorted(groups.items())
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default=str(ROOT / "policies" / "council-default"))
    parser.add_argument("--comments", default=str(ROOT / "tests" / "data" / "comments.jsonl"))
    parser.add_argument("--davidson", default=str(SHARED if SHARED.exists() else SAMPLE))
    parser.add_argument("--limit", type=int, default=None, help="use only the first N tweets")
    parser.add_argument("--errors", action="store_true", help="list every comment on the wrong side")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    pack = load_pack(args.pack)
    figures = {
        "davidson": davidson(pack, Path(args.davidson), args.limit),
        "comments": own(pack, Path(args.comments), args.errors),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    d = figures["davidson"]
    print(
        f"Davidson et al. ({d['tweets']} tweets): hate not published {d['hate_not_published']:.3f}, "
        f"offensive not published {d['offensive_not_published']:.3f}, neither published "
        f"{d['neither_published']:.3f}"
    )
    print(f"\n{'group':<20}{'n':>5}{'right side':>12}{'exact action':>14}")
    for group, m in figures["comments"].items():
        print(f"{group:<20}{m['n']:>5}{m['right_side']:>12.3f}{m['exact_action']:>14.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
