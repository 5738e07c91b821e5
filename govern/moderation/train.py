"""Train the moderation classifiers from the data govern ships, and store their weights.

    python -m govern.moderation.train [--check]

Models (each TF-IDF over word unigrams and bigrams into balanced logistic regression):
- offensive: Davidson et al. tweets (hate or offensive = 1, neither = 0) together with our own
  council-comment training set, in which harsh criticism and counter-speech are 0;
- threat and hate: our own training set of threats, hate without slurs, and look-alikes
  (metaphors, negated claims, counter-speech, neutral mentions of groups).

The weights are written to govern/data/models/NAME.json; scoring them needs no scikit-learn.
`--check` retrains and exits 1 if the stored weights differ (so CI notices stale models).
The test sets in tests/data/ are never used for training.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"
MODELS = DATA / "models"


def _own(path: Path, label: str) -> tuple[list[str], list[int]]:
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts.append(row["text"])
            labels.append(int(row[label]))
    return texts, labels


def training_sets() -> dict[str, tuple[list[str], list[int]]]:
    offensive_texts, offensive_labels = _own(DATA / "moderation-train.jsonl", "label")
    with (DATA / "davidson-labeled-tweets.csv").open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            offensive_texts.append(row["tweet"])
            offensive_labels.append(0 if row["class"] == "2" else 1)
    sets = {"offensive": (offensive_texts, offensive_labels)}
    files = sorted(DATA.glob("moderation-train-threat-hate*.jsonl"))
    if files:
        for name in ("threat", "hate"):
            texts, labels = [], []
            for file in files:
                more_texts, more_labels = _own(file, name)
                texts += more_texts
                labels += more_labels
            sets[name] = (texts, labels)
    return sets


def train(name: str, texts: list[str], labels: list[int], weight_own: float = 1.0) -> dict[str, Any]:
    """Fit one model; returns its JSON-ready weights."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from govern.checks.classifier import features

    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2, norm="l2")
    matrix = vectorizer.fit_transform(texts)
    fitted = LogisticRegression(C=4.0, class_weight="balanced", max_iter=5000)
    fitted.fit(matrix, labels)
    coef = fitted.coef_.ravel()
    weights = {
        feature: [round(float(vectorizer.idf_[j]), 6), round(float(coef[j]), 6)]
        for feature, j in sorted(vectorizer.vocabulary_.items())
        if abs(coef[j]) > 1e-4
    }
    return {
        "name": name,
        "intercept": round(float(fitted.intercept_[0]), 6),
        "examples": len(texts),
        "positives": int(sum(labels)),
        "weights": weights,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the stored models are stale")
    args = parser.parse_args(argv)
    MODELS.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, (texts, labels) in training_sets().items():
        weights = train(name, texts, labels)
        path = MODELS / f"{name}.json"
        text = json.dumps(weights, sort_keys=True, separators=(",", ":")) + "\n"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(
                f"{name}: {weights['examples']} examples ({weights['positives']} positive), "
                f"{len(weights['weights'])} features -> {path}"
            )
    if stale:
        print(f"stale models (run python -m govern.moderation.train): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
