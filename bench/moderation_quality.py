"""How well moderation separates what must be published from what must not, on data nobody here wrote.

    python bench/moderation_quality.py [--json] [--errors] [--skip-pipeline] [--folds 4]

1. Thresholds for `{kind: classifier, model: NAME, above: X}`: out-of-fold scores over all the
   training data (each fold scored by a model trained on the other folds); the recommended X is
   the 97th percentile of the clean rows' scores in the public corpora that should be published
   (petitions, ToxiGen neutral, ConvAbuse not abusive), rounded up to 0.05.
2. Cross-corpus: for each public corpus (Davidson, ConvAbuse, ToxiGen, petitions) a model
   trained WITHOUT that corpus, scored on it: for labelled corpora the share of harmful rows at or
   above X (not published by the model) and of clean rows below it (published), and the AUC; for
   petitions the published share. No figure here comes from data its model was trained on.
3. The whole pipeline, `load_pack("policies/council-default").moderate`, per corpus, with the
   classifier replaced by the one trained without that corpus: clean published, harmful not
   published. (The pack's rules are being rewritten in parallel; these figures are for the
   rules in this checkout.)
4. Our own labelled comments (tests/data/comments.jsonl), per group: share on the right side.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govern import load_pack  # noqa: E402
from govern.checks.classifier import Models, replaced  # noqa: E402
from govern.moderation.train import NAMES, PUBLIC, Example, corpora, featurise, fit  # noqa: E402

COMMENT = {"channel": "facebook-page", "posted_at": "2026-11-18T11:00:00Z"}  # a Wednesday, in hours
PUBLISHABLE = ("petitions", "toxigen", "convabuse")
PERCENTILE = 0.97
SWEEP = (0.2, 0.3, 0.5, 0.7, 0.8, 0.9)

# What "harmful" means per corpus and model, from the corpus's own labels (None: row not used).
Harm = Callable[[Example], int | None]
TASKS: dict[str, dict[str, Harm]] = {
    "davidson": {
        "offensive": lambda e: e.labels["offensive"],  # hate or offensive vs neither
        # hate vs neither (the offensive-but-not-hate tweets are left out of this figure)
        "hate": lambda e: 1 if e.labels["hate"] == 1 else (0 if e.labels["offensive"] == 0 else None),
    },
    "convabuse": {"offensive": lambda e: e.labels["offensive"]},  # abusive vs not abusive
    "toxigen": {"hate": lambda e: e.labels["hate"]},  # hate vs neutral
    "petitions": {name: (lambda e, n=name: e.labels[n]) for name in NAMES},  # all clean
}


def auc(harmful: Sequence[float], clean: Sequence[float]) -> float:
    """The probability that a random harmful row scores above a random clean one (ties: half)."""
    if not harmful or not clean:
        return float("nan")
    ranked = sorted([(s, 1) for s in harmful] + [(s, 0) for s in clean])
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # mean 1-based rank of the tie group
        rank_sum += mid * sum(1 for k in range(i, j) if ranked[k][1])
        i = j
    n1, n0 = len(harmful), len(clean)
    return (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0)


def share(count: int, of: int) -> float:
    return round(count / of, 3) if of else float("nan")


def out_of_fold(
    data: dict[str, list[Example]], folds: int
) -> dict[str, list[tuple[Example, dict[str, float]]]]:
    """Every example's scores from a model trained on the other folds."""
    rows = [e for examples in data.values() for e in examples]
    matrix, vocabulary = featurise([e.text for e in rows])
    order = list(range(len(rows)))
    random.Random(20261129).shuffle(order)
    fold_of = {i: k % folds for k, i in enumerate(order)}
    scored: dict[str, list[tuple[Example, dict[str, float]]]] = defaultdict(list)
    for k in range(folds):
        print(f"  fold {k + 1}/{folds}", file=sys.stderr)
        chosen = [i for i in range(len(rows)) if fold_of[i] != k]
        trained = Models.from_json(fit([rows[i] for i in chosen], features=(matrix[chosen], vocabulary)))
        for i in range(len(rows)):
            if fold_of[i] == k:
                scored[rows[i].corpus].append((rows[i], trained.scores(rows[i].text)))
    return scored


def thresholds(scored: dict[str, list[tuple[Example, dict[str, float]]]]) -> dict[str, float]:
    """Per model, the 97th percentile of the publishable clean rows' out-of-fold scores, rounded up."""
    out = {}
    for name in NAMES:
        worst = 0.0
        for corpus in PUBLISHABLE:
            clean = sorted(s[name] for e, s in scored[corpus] if e.labels[name] == 0)
            if clean:
                worst = max(worst, clean[min(len(clean) - 1, math.ceil(PERCENTILE * len(clean)) - 1)])
        out[name] = min(0.95, math.ceil(worst * 20) / 20)
    return out


def measure(
    rows: list[tuple[Example, dict[str, float]]], corpus: str, above: dict[str, float]
) -> dict[str, Any]:
    """The model-alone figures for one corpus, from scores of a model that never saw it."""
    out: dict[str, Any] = {"rows": len(rows)}
    for name, harm in TASKS[corpus].items():
        harmful = [s[name] for e, s in rows if harm(e) == 1]
        clean = [s[name] for e, s in rows if harm(e) == 0]
        out[name] = {
            "harmful": len(harmful),
            "clean": len(clean),
            "harmful_not_published": share(sum(x >= above[name] for x in harmful), len(harmful)),
            "clean_published": share(sum(x < above[name] for x in clean), len(clean)),
            "auc": round(auc(harmful, clean), 3) if harmful and clean else None,
            "sweep": {  # at other lines: (harmful not published, clean published)
                str(line): (
                    share(sum(x >= line for x in harmful), len(harmful)),
                    share(sum(x < line for x in clean), len(clean)),
                )
                for line in SWEEP
            },
        }
    clean_rows = [s for e, s in rows if all(v in (0, None) for v in e.labels.values())]
    out["clean_published_by_every_model"] = share(
        sum(all(s[n] < above[n] for n in NAMES) for s in clean_rows), len(clean_rows)
    )
    out["clean_rows_threat_at_or_above"] = share(
        sum(s["threat"] >= above["threat"] for s in clean_rows), len(clean_rows)
    )
    return out


def pipeline(pack: Any, examples: list[Example], errors: bool) -> dict[str, Any]:
    """The pack's decisions on a corpus: clean published, harmful (for any model) not published."""
    published = {0: 0, 1: 0}
    total = {0: 0, 1: 0}
    for e in examples:
        harmful = int(any(v == 1 for v in e.labels.values()))
        if not harmful and any(v is None for v in e.labels.values()):
            continue  # labelled for some models only and harmless there: not clearly clean
        result = pack.moderate({**COMMENT, "text": e.text or "."})
        total[harmful] += 1
        published[harmful] += result.action == "publish"
        if errors and (result.action == "publish") == bool(harmful):
            rules = ",".join(r.rule for r in result.reasons) or "-"
            print(
                f"{e.corpus} harmful={harmful} got {result.action} ({rules}): {e.text[:100]}", file=sys.stderr
            )
    return {
        "clean": total[0],
        "harmful": total[1],
        "clean_published": share(published[0], total[0]),
        "harmful_not_published": share(total[1] - published[1], total[1]),
    }


def own(pack: Any, path: Path, errors: bool) -> dict[str, Any]:
    groups: dict[str, list[bool]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        result = pack.moderate({**COMMENT, "text": row["text"]})
        side = (result.action == "publish") == (row["expect"] == "publish")
        groups[row["group"]].append(side)
        if errors and not side:
            rules = ",".join(r.rule for r in result.reasons) or "-"
            print(
                f"{row['id']} {row['group']}: want {row['expect']} got {result.action} ({rules})",
                file=sys.stderr,
            )
    return {g: {"n": len(v), "right_side": share(sum(v), len(v))} for g, v in sorted(groups.items())}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pack", default=str(ROOT / "policies" / "council-default"))
    parser.add_argument("--comments", default=str(ROOT / "tests" / "data" / "comments.jsonl"))
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--skip-pipeline", action="store_true", help="measure the models alone")
    parser.add_argument("--errors", action="store_true", help="list the pipeline's wrong decisions")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    data = corpora()
    everything = [e for rows in data.values() for e in rows]
    matrix, vocabulary = featurise([e.text for e in everything])
    print("thresholds: out-of-fold scores", file=sys.stderr)
    above = thresholds(out_of_fold(data, args.folds))
    pack = None if args.skip_pipeline else load_pack(args.pack)
    figures: dict[str, Any] = {"above": above, "cross_corpus": {}, "pipeline": {}}
    for corpus in PUBLIC:
        print(f"cross-corpus: trained without {corpus}", file=sys.stderr)
        chosen = [i for i, e in enumerate(everything) if e.corpus != corpus]
        without = Models.from_json(
            fit([everything[i] for i in chosen], features=(matrix[chosen], vocabulary))
        )
        rows = [(e, without.scores(e.text)) for e in data[corpus]]
        figures["cross_corpus"][corpus] = measure(rows, corpus, above)
        if pack is not None:
            with replaced(without):
                figures["pipeline"][corpus] = pipeline(pack, data[corpus], args.errors)
    if pack is not None:
        figures["comments"] = own(pack, Path(args.comments), args.errors)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print("recommended above:", ", ".join(f"{n} {x:.2f}" for n, x in above.items()))
    print(
        f"\n{'corpus':<11}{'model':<10}{'harmful':>8}{'clean':>7}{'harm not pub':>13}"
        f"{'clean pub':>10}{'AUC':>7}"
    )
    for corpus, m in figures["cross_corpus"].items():
        for name in NAMES:
            if name in m:
                t = m[name]
                print(
                    f"{corpus:<11}{name:<10}{t['harmful']:>8}{t['clean']:>7}{t['harmful_not_published']:>13.3f}"
                    f"{t['clean_published']:>10.3f}{t['auc'] if t['auc'] is not None else '-':>7}"
                )
        print(
            f"{corpus:<11}{'(all)':<10} clean published by every model "
            f"{m['clean_published_by_every_model']:.3f}; "
            f"clean at/above the threat line {m['clean_rows_threat_at_or_above']:.3f}"
        )
    if pack is not None:
        print(f"\npipeline    {'clean':>7}{'harmful':>9}{'clean pub':>11}{'harm not pub':>14}")
        for corpus, p in figures["pipeline"].items():
            print(
                f"{corpus:<12}{p['clean']:>7}{p['harmful']:>9}{p['clean_published']:>11.3f}"
                f"{p['harmful_not_published']:>14.3f}"
            )
        print(f"\n{'group':<20}{'n':>5}{'right side':>12}")
        for group, g in figures["comments"].items():
            print(f"{group:<20}{g['n']:>5}{g['right_side']:>12.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
