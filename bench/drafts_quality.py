"""Quality of the draft checker: verdicts on labelled drafts, tone on pairs, words to avoid.

    python bench/drafts_quality.py                       # every set, one table
    python bench/drafts_quality.py --data FILE [--split dev] [--errors] [--json]
    python bench/drafts_quality.py --pairs tests/data/tone-pairs.jsonl
    python bench/drafts_quality.py --words tests/data/words-to-avoid.jsonl

Labelled drafts come in two shapes: `expect: {verdict, categories}` (drafts.jsonl and
drafts-holdout.jsonl, with per-category precision and recall) or `expected: VERDICT` with a
`split` (drafts-realistic.jsonl). The figures: the false-alarm rate (not ok where ok was
expected), recall on block and on refer (a refer counts when the verdict is refer or block),
and verdict accuracy. `--errors` lists the drafts the checker gets wrong; use it on `dev` only,
so that the holdout stays blind.

Tone pairs (`sincere`, `worse`): how often the `tone` score ranks the worse wording above the
sincere one (ties count as wrong, and are reported). Words to avoid (`text`, `word`,
`expected_flag`): how many jargon sentences get a corporate-tone finding, and how many literal
ones do (none should).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govern import Pack, load_pack  # noqa: E402

DATA = ROOT / "tests" / "data"
SEVERITY = {"ok": 0, "revise": 1, "refer": 2, "block": 3}
DRAFT_FIELDS = ("text", "platform", "account", "author", "in_reply_to", "has_image", "alt_text", "posted_at")


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def drafts(pack: Pack, rows: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """Verdict figures for labelled drafts, and a line for each draft the checker gets wrong."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    expected_count: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    right = false_alarms = 0
    errors = []
    has_categories = False
    for i, row in enumerate(rows):
        if "expect" in row:
            want_verdict, want = row["expect"]["verdict"], set(row["expect"]["categories"])
            has_categories = True
        else:
            want_verdict, want = row["expected"], None
        verdict = pack.check({k: row[k] for k in DRAFT_FIELDS if k in row})
        got = {f.category for f in verdict.findings}
        if want is not None:
            for c in got & want:
                tp[c] += 1
            for c in got - want:
                fp[c] += 1
            for c in want - got:
                fn[c] += 1
        expected_count[want_verdict] += 1
        right += verdict.verdict == want_verdict
        if want_verdict == "ok":
            false_alarms += verdict.verdict != "ok"
        elif SEVERITY[verdict.verdict] >= SEVERITY[want_verdict]:
            hits[want_verdict] += 1
        if verdict.verdict != want_verdict or (want is not None and got != want):
            found = "; ".join(
                f"{f.rule} {f.excerpt[:40]!r}" for f in verdict.findings if f.severity != "info"
            )
            ident = row.get("id", i)
            errors.append(
                f"{ident} want {want_verdict} got {verdict.verdict} [{found}] {row['text'][:110]!r}"
            )
    figures: dict[str, Any] = {
        "drafts": len(rows),
        "verdict_accuracy": round(right / len(rows), 3),
        "false_alarm_rate": round(false_alarms / expected_count["ok"], 3) if expected_count["ok"] else None,
        "false_alarms": false_alarms,
        "expected_ok": expected_count["ok"],
    }
    for level in ("block", "refer", "revise"):
        if expected_count[level]:
            figures[f"{level}_recall"] = round(hits[level] / expected_count[level], 3)
            figures[f"{level}_expected"] = expected_count[level]
    if has_categories:
        figures["categories"] = {
            c: {
                "precision": round(tp[c] / (tp[c] + fp[c]), 3) if tp[c] + fp[c] else 1.0,
                "recall": round(tp[c] / (tp[c] + fn[c]), 3) if tp[c] + fn[c] else 1.0,
            }
            for c in sorted(set(tp) | set(fp) | set(fn))
        }
    return figures, errors


def pairs(pack: Pack, rows: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """How often `tone` ranks the worse wording of a pair above the sincere one."""
    by_kind: Counter[str] = Counter()
    right: Counter[str] = Counter()
    ties = sincere_flagged = worse_flagged = 0
    errors = []
    for row in rows:
        sincere = pack.check({"text": row["sincere"], "platform": "facebook"})
        worse = pack.check({"text": row["worse"], "platform": "facebook"})
        by_kind[row["kind"]] += 1
        rules = {f.rule for f in worse.findings}
        worse_flagged += bool(rules & {"corporate-tone", "hostile-tone", "formal-rebuttal"})
        sincere_flagged += sincere.verdict != "ok"
        if worse.scores.tone > sincere.scores.tone:
            right[row["kind"]] += 1
        else:
            ties += worse.scores.tone == sincere.scores.tone
            errors.append(
                f"{row['kind']} {worse.scores.tone} <= {sincere.scores.tone}: {row['worse'][:110]!r}"
            )
    n = len(rows)
    figures = {
        "pairs": n,
        "ordered": round(sum(right.values()) / n, 3),
        "ties": ties,
        **{f"ordered_{k}": round(right[k] / by_kind[k], 3) for k in sorted(by_kind)},
        "worse_with_a_tone_finding": round(worse_flagged / n, 3),
        "sincere_not_ok": sincere_flagged,
    }
    return figures, errors


def words(pack: Pack, rows: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """Jargon senses flagged by corporate-tone, and literal senses left alone."""
    jargon = literal = jargon_flagged = literal_flagged = 0
    errors = []
    for row in rows:
        verdict = pack.check({"text": row["text"], "platform": "facebook"})
        flagged = any(f.rule == "corporate-tone" for f in verdict.findings)
        if row["expected_flag"]:
            jargon += 1
            jargon_flagged += flagged
        else:
            literal += 1
            literal_flagged += flagged
        if flagged != row["expected_flag"]:
            errors.append(f"{row['word']} ({row['sense']}) flagged={flagged}: {row['text']!r}")
    figures = {
        "sentences": len(rows),
        "jargon_flagged": round(jargon_flagged / jargon, 3) if jargon else None,
        "jargon": jargon,
        "literal_flagged": literal_flagged,
        "literal": literal,
    }
    return figures, errors


def everything(pack: Pack) -> dict[str, dict[str, Any]]:
    """Every set in tests/data, one entry each."""
    out = {}
    for name in ("drafts.jsonl", "drafts-holdout.jsonl"):
        out[name] = drafts(pack, read(DATA / name))[0]
    realistic = read(DATA / "drafts-realistic.jsonl")
    for split in ("dev", "holdout"):
        out[f"drafts-realistic.jsonl ({split})"] = drafts(
            pack, [r for r in realistic if r["split"] == split]
        )[0]
    out["tone-pairs.jsonl"] = pairs(pack, read(DATA / "tone-pairs.jsonl"))[0]
    out["words-to-avoid.jsonl"] = words(pack, read(DATA / "words-to-avoid.jsonl"))[0]
    return out


def _line(name: str, f: dict[str, Any]) -> str:
    if "pairs" in f:
        return (
            f"{name}: {f['pairs']} pairs, tone orders {f['ordered']:.3f} "
            f"(hostile {f['ordered_hostile']:.3f}, "
            f"corporate {f['ordered_corporate']:.3f}; {f['ties']} ties); worse side has a D7/D8/D10 finding "
            f"{f['worse_with_a_tone_finding']:.3f}; sincere side not ok: {f['sincere_not_ok']}"
        )
    if "sentences" in f:
        return (
            f"{name}: jargon flagged {f['jargon_flagged']:.3f} of {f['jargon']}; "
            f"literal flagged {f['literal_flagged']} of {f['literal']}"
        )
    recall = ", ".join(
        f"{level} recall {f[f'{level}_recall']:.3f} ({f[f'{level}_expected']})"
        for level in ("block", "refer", "revise")
        if f"{level}_recall" in f
    )
    alarms = f"false alarms {f['false_alarm_rate']:.3f} ({f['false_alarms']}/{f['expected_ok']})"
    return f"{name}: {f['drafts']} drafts, verdict accuracy {f['verdict_accuracy']:.3f}, {alarms}, {recall}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="labelled drafts (JSON lines)")
    parser.add_argument("--split", choices=("dev", "holdout"), help="only the rows of this split")
    parser.add_argument("--pairs", help="tone pairs (JSON lines)")
    parser.add_argument("--words", help="words-to-avoid sentences (JSON lines)")
    parser.add_argument("--pack", default=str(ROOT / "policies" / "council-default"))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list what the checker gets wrong")
    args = parser.parse_args()

    pack = load_pack(args.pack)
    if not (args.data or args.pairs or args.words):
        table = everything(pack)
        print(json.dumps(table, indent=2) if args.json else "\n".join(_line(k, v) for k, v in table.items()))
        return 0
    if args.errors and args.split == "holdout":
        parser.error("--errors lists holdout drafts; keep the holdout blind and use --split dev")
    results = []
    if args.data:
        rows = read(Path(args.data))
        if args.split:
            rows = [r for r in rows if r.get("split") == args.split]
        results.append(
            (f"{Path(args.data).name}{f' ({args.split})' if args.split else ''}", *drafts(pack, rows))
        )
    if args.pairs:
        results.append((Path(args.pairs).name, *pairs(pack, read(Path(args.pairs)))))
    if args.words:
        results.append((Path(args.words).name, *words(pack, read(Path(args.words)))))
    for name, figures, errors in results:
        print(json.dumps({name: figures}, indent=2) if args.json else _line(name, figures))
        if args.errors:
            for e in errors:
                print(f"  {e}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
