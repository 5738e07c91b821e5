"""Moderation on public corpora of real comments that nobody on this project wrote.

    python bench/moderation_corpora.py [--data ../shared/data] [--errors CORPUS] [--json]

For each corpus: the share of clean texts published and of harmful texts not published (held or
removed), the issue's two measures. Labels, as each corpus's README defines them:
- davidson: hate (class 0) and offensive (class 1) are harmful, "neither" (class 2) is clean;
- convabuse: `abusive` is harmful, `not_abusive` clean, `ambiguous` left out; also reported on its
  own test split alone ("convabuse-test"), as the rules were tuned on its train and valid splits;
- toxigen-prompts: `hate` is harmful, `neutral` clean;
- uk-parliament-petitions: every title is clean (published by Parliament after moderation).
The pack's classifier rules (the council pack's `hate-suspected`) score with a model trained
**without** the corpus being measured (`govern.moderation.train`, every other corpus and our own
data), so no figure comes from a model that saw its rows; `--shipped-model` scores with the
shipped model instead (trained on all of them: not a generalisation figure).
`--errors` prints a sample of the mistakes on one corpus for reading. Such samples were read from
Davidson, petitions, ToxiGen and ConvAbuse's train and valid splits, so those figures are not blind;
ConvAbuse's test split was never read.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govern import load_pack  # noqa: E402
from govern.checks.classifier import Models, replaced  # noqa: E402
from govern.moderation import train  # noqa: E402

COMMENT = {"channel": "facebook-page", "posted_at": "2026-11-18T11:00:00Z"}  # a Wednesday, in hours
TRAINED_AS = {  # the training corpus each measured corpus is (govern.moderation.train.CORPORA)
    "davidson": "davidson",
    "convabuse": "convabuse",
    "convabuse-test": "convabuse",
    "toxigen-prompts": "toxigen",
    "petitions": "petitions",
}


def rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def corpora(data: Path) -> dict[str, list[tuple[str, bool]]]:
    """(text, harmful) per corpus."""
    out: dict[str, list[tuple[str, bool]]] = {}
    out["davidson"] = [(r["tweet"], r["class"] != "2") for r in rows(data / "davidson-labeled-tweets.csv")]
    out["convabuse"] = [
        (r["text"], r["label"] == "abusive")
        for r in rows(data / "convabuse" / "convabuse.csv")
        if r["label"] != "ambiguous"
    ]
    out["convabuse-test"] = [
        (r["text"], r["label"] == "abusive")
        for r in rows(data / "convabuse" / "convabuse.csv")
        if r["label"] != "ambiguous" and r["split"] == "test"
    ]
    out["toxigen-prompts"] = [
        (r["text"], r["label"] == "hate") for r in rows(data / "toxigen-prompts" / "toxigen_prompts.csv")
    ]
    out["petitions"] = [(r["text"], False) for r in rows(data / "uk-parliament-petitions" / "petitions.csv")]
    return out


def measure(pack: Any, texts: list[tuple[str, bool]], errors: bool) -> dict[str, Any]:
    clean = harmful = clean_published = harmful_stopped = 0
    mistakes: list[str] = []
    for text, is_harmful in texts:
        result = pack.moderate({**COMMENT, "text": text.strip() or "."})
        published = result.action == "publish"
        if is_harmful:
            harmful += 1
            harmful_stopped += not published
        else:
            clean += 1
            clean_published += published
        if errors and published == is_harmful:
            found = "; ".join(f"{f.rule} {f.excerpt!r}" for f in result.findings if f.severity != "info")
            mistakes.append(f"{'harmful' if is_harmful else 'clean'} {result.action} [{found}]: {text[:140]}")
    if mistakes:
        for line in random.Random(7).sample(mistakes, min(40, len(mistakes))):
            print(line, file=sys.stderr)
    return {
        "clean": clean,
        "clean_published": round(clean_published / clean, 3) if clean else None,
        "harmful": harmful,
        "harmful_not_published": round(harmful_stopped / harmful, 3) if harmful else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default=str(ROOT / "policies" / "council-default"))
    parser.add_argument("--data", default="/work/shared/data", help="the shared corpora (not shipped)")
    parser.add_argument("--errors", default=None, help="print a sample of the mistakes on this corpus")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--shipped-model", action="store_true", help="score with the shipped model (trained on these corpora)"
    )
    args = parser.parse_args()
    pack = load_pack(args.pack)
    training = None if args.shipped_model else train.corpora()
    figures = {}
    for name, texts in corpora(Path(args.data)).items():
        if training is None:
            figures[name] = measure(pack, texts, name == args.errors)
            continue
        print(f"training the models without {TRAINED_AS[name]} ...", file=sys.stderr)
        others = [e for corpus, rows in training.items() if corpus != TRAINED_AS[name] for e in rows]
        with replaced(Models.from_json(train.fit(others))):
            figures[name] = measure(pack, texts, name == args.errors)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print("| corpus | clean | clean published | harmful | harmful not published |\n|---|---:|---:|---:|---:|")
    for name, f in figures.items():
        cells = [name, f["clean"], f["clean_published"], f["harmful"], f["harmful_not_published"]]
        print("| " + " | ".join(str(c) for c in cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
