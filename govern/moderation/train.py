"""Train the moderation classifiers from the data govern ships, and store their weights.

    python -m govern.moderation.train [--check]

One shared set of features (`govern.checks.text_features`: words, their character 3-5-grams,
word bigrams and trigrams; identity terms and pronouns masked) feeds one logistic regression per
model. Each example is labelled per model, or left out of a model (None) where its corpus says
nothing about it; `govern/data/README.md` lists the sources, licences and counts.

- offensive (abuse, insults, strong swearing): Davidson et al. hate or offensive vs neither;
  ConvAbuse abusive vs not abusive; our own comments (abuse vs criticism, counter-speech);
  negatives: ToxiGen neutral statements and UK Parliament petitions.
- hate (attacks on a protected group): ToxiGen hate vs neutral; Davidson hate vs offensive or
  neither; ConvAbuse abuse typed racist, sexist, homophobic, transphobic or ableist vs other abuse
  and not abusive (so that swearing and insults alone are not hate); our own hate and its
  look-alikes; negatives: petitions.
- threat: our own threats and their look-alikes (no public corpus labels threats); negatives: the
  clean rows of every public corpus.

Training is deterministic (L-BFGS from zero, single-threaded sparse products, rounded weights).
The weights are written to govern/data/models/moderation.json; scoring them needs no
scikit-learn. `--check` retrains and exits 1 if the stored weights differ from a fresh training
(so CI notices stale models).
The test sets in tests/data/ are never used for training.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govern.checks.text_features import grams, tokens
from govern.moderation import contrast

DATA = Path(__file__).resolve().parent.parent / "data"
MODELS = DATA / "models"
OUTPUT = MODELS / "moderation.json"
NAMES = ("offensive", "threat", "hate")

C = 0.5  # inverse regularisation strength, chosen by the cross-corpus measurement (bench/)
POSITIVE_SHARE = 0.4  # positives weigh this much of a model's training weight (the rest: negatives)
MIN_DF = 3  # a feature must occur in at least this many training texts
SMALLEST = 0.002  # weights smaller than this in every model are not shipped
HATE_TYPES = frozenset({"racist", "sexist", "homophobic", "transphobic", "ableist"})


@dataclass(frozen=True)
class Example:
    text: str
    corpus: str
    labels: dict[str, int | None] = field(hash=False)  # model -> 1 harmful, 0 clean, None unused


def _csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _jsonl(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _clean(corpus: str, text: str) -> Example:
    return Example(text, corpus, {"offensive": 0, "threat": 0, "hate": 0})


def davidson() -> list[Example]:
    out = []
    for row in _csv("davidson-labeled-tweets.csv"):
        c = row["class"]  # 0 hate, 1 offensive, 2 neither
        labels = {"offensive": int(c != "2"), "hate": int(c == "0"), "threat": 0 if c == "2" else None}
        out.append(Example(row["tweet"], "davidson", labels))
    return out


def convabuse() -> list[Example]:
    out = []
    for row in _csv("convabuse.csv"):
        if row["label"] == "not_abusive":
            out.append(_clean("convabuse", row["text"]))
        elif row["label"] == "abusive":
            hate = 1 if HATE_TYPES & set(row["abuse_types"].split("|")) else 0
            out.append(Example(row["text"], "convabuse", {"offensive": 1, "hate": hate, "threat": None}))
    return out


def toxigen() -> list[Example]:
    out = []
    for row in _csv("toxigen-prompts.csv"):
        if row["label"] == "neutral":
            out.append(_clean("toxigen", row["text"]))
        else:
            out.append(Example(row["text"], "toxigen", {"offensive": None, "hate": 1, "threat": None}))
    return out


def petitions() -> list[Example]:
    return [_clean("petitions", row["text"]) for row in _csv("petitions.csv")]


def own() -> list[Example]:
    """Written for govern (labelled as such in govern/data/README.md): council comments."""
    out = []
    for row in _jsonl("moderation-train.jsonl"):
        hate = 1 if row["kind"] == "hate" else (0 if row["label"] == 0 else None)
        out.append(
            Example(row["text"], "own", {"offensive": int(row["label"]), "hate": hate, "threat": None})
        )
    for row in _jsonl("moderation-train-threat-hate.jsonl"):
        offensive = 0 if row["kind"] in ("ordinary", "hate-lookalike", "threat-lookalike") else None
        labels = {"offensive": offensive, "hate": int(row["hate"]), "threat": int(row["threat"])}
        out.append(Example(row["text"], "own", labels))
    return out


def templates() -> list[Example]:
    """Written for govern from templates (`govern.moderation.contrast`)."""
    return [Example(text, "own-templates", labels) for text, labels in contrast.examples()]


CORPORA = {
    "davidson": davidson,
    "convabuse": convabuse,
    "toxigen": toxigen,
    "petitions": petitions,
    "own": own,
    "own-templates": templates,
}
PUBLIC = ("davidson", "convabuse", "toxigen", "petitions")


def corpora() -> dict[str, list[Example]]:
    """Every training corpus, by name."""
    return {name: load() for name, load in CORPORA.items()}


def counts(text: str) -> tuple[Counter[str], int]:
    """A text's feature counts (`text_features.grams`) and its word count."""
    words = tokens(text)[0]
    return Counter(f for f, _, _ in grams(words)), len(words)


def featurise(texts: Sequence[str]) -> tuple[Any, list[str]]:
    """Every text's feature counts scaled by 1/sqrt(words) (what `Models.logits` computes), as a
    sparse matrix over every feature seen, and the features in column order."""
    from scipy.sparse import csr_matrix

    rows = [counts(t) for t in texts]
    vocabulary = sorted({f for c, _ in rows for f in c})
    index = {f: j for j, f in enumerate(vocabulary)}
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for found, n in rows:
        scale = 1.0 / math.sqrt(max(n, 1))
        indices.extend(index[f] for f in found)
        data.extend(c * scale for c in found.values())
        indptr.append(len(indices))
    matrix = csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary)))
    matrix.sort_indices()
    return matrix, vocabulary


def _weights(examples: Sequence[Example], name: str) -> list[float]:
    """Each example's weight in model `name`: harmful examples together weigh POSITIVE_SHARE, and
    within each class a corpus weighs in proportion to the square root of its size, so 20,000
    petitions do not drown 300 ToxiGen statements (mean weight 1)."""
    sizes: dict[tuple[str, int], int] = {}
    for e in examples:
        key = (e.corpus, int(e.labels[name] or 0))
        sizes[key] = sizes.get(key, 0) + 1
    roots = {y: sum(math.sqrt(n) for (_, c), n in sizes.items() if c == y) for y in (0, 1)}
    share = {0: 1.0 - POSITIVE_SHARE, 1: POSITIVE_SHARE}
    total = len(examples)
    return [
        total * share[y] * math.sqrt(sizes[(e.corpus, y)]) / roots[y] / sizes[(e.corpus, y)]
        for e in examples
        for y in (int(e.labels[name] or 0),)
    ]


def fit(
    examples: Iterable[Example],
    names: Sequence[str] = NAMES,
    c: float = C,
    features: tuple[Any, list[str]] | None = None,
) -> dict[str, Any]:
    """Fit every model on the examples labelled for it; returns the JSON-ready weights.
    `features`: the examples' `featurise` output, when the caller has it already."""
    from sklearn.linear_model import LogisticRegression

    examples = list(examples)
    if features is None:
        features = featurise([e.text for e in examples])
    matrix, vocabulary = features
    frequent = (matrix > 0).sum(axis=0).A1 >= MIN_DF  # in at least MIN_DF of these texts
    matrix = matrix[:, frequent]
    vocabulary = [f for f, keep in zip(vocabulary, frequent, strict=True) if keep]
    coefficients: list[list[float]] = []
    intercepts: list[float] = []
    training: dict[str, dict[str, Any]] = {}
    for name in names:
        rows = [i for i, e in enumerate(examples) if e.labels.get(name) is not None]
        labels = [examples[i].labels[name] for i in rows]
        positives = sum(1 for y in labels if y)
        weights = _weights([examples[i] for i in rows], name)
        model = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
        model.fit(matrix[rows], labels, sample_weight=weights)
        coefficients.append([float(x) for x in model.coef_.ravel()])
        intercepts.append(round(float(model.intercept_[0]), 5))
        training[name] = {"examples": len(labels), "positives": positives}
        by_corpus: dict[str, int] = {}
        for i in rows:
            by_corpus[examples[i].corpus] = by_corpus.get(examples[i].corpus, 0) + 1
        training[name]["by_corpus"] = dict(sorted(by_corpus.items()))
    kept = {
        feature: [round(coefficients[k][j], 5) for k in range(len(names))]
        for j, feature in enumerate(vocabulary)
        if max(abs(coefficients[k][j]) for k in range(len(names))) >= SMALLEST
    }
    return {"models": list(names), "intercepts": intercepts, "training": training, "features": kept}


def dumps(weights: dict[str, Any]) -> str:
    return json.dumps(weights, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the stored models are stale")
    args = parser.parse_args(argv)
    examples = [e for rows in corpora().values() for e in rows]
    text = dumps(fit(examples))
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"stale models: run python -m govern.moderation.train to rebuild {OUTPUT}", file=sys.stderr)
            return 1
        return 0
    MODELS.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    weights = json.loads(text)
    for name in weights["models"]:
        t = weights["training"][name]
        print(f"{name}: {t['examples']} examples ({t['positives']} harmful) {t['by_corpus']}")
    print(f"{len(weights['features'])} features -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
