"""`classifier`: small text classifiers that govern trains from data it ships.

Catches: what word lists cannot — a veiled threat ("be a shame if your car caught fire"), hate
with no slur in it, abuse — while letting through harsh criticism ("what a load of rubbish")
and counter-speech that quotes abuse to condemn it. Example: `{kind: classifier, model: threat,
above: 0.7}`. The finding covers the whole text.

Each model is TF-IDF over word unigrams and bigrams into logistic regression, trained by
`python -m govern.moderation.train` from `govern/data/` and stored as plain JSON weights in
`govern/data/models/`, so scoring needs no scikit-learn and takes microseconds. Quoted text
is replaced by a marker before scoring: quoting abuse is not using it.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.words import LEET, QUOTED

MODELS = ("offensive", "threat", "hate")

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "model": {"type": "string", "required": True, "allowed": list(MODELS)},
    "above": {"type": "number", "required": True, "min": 0, "max": 1},
}

TOKEN = re.compile(r"[a-z0-9_]+(?:['’][a-z]+)?")


def prepare(text: str) -> str:
    """What a model reads: lower case, look-alike characters undone, quotations replaced."""
    return QUOTED.sub(" zzquoted ", text).lower().translate(LEET)


@functools.lru_cache(maxsize=512)
def _features(text: str) -> tuple[str, ...]:
    tokens = TOKEN.findall(prepare(text))
    return (*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)))


def features(text: str) -> list[str]:
    """Word unigrams and bigrams of the prepared text (computed once for all the models)."""
    return list(_features(text))


@dataclass(frozen=True)
class TextModel:
    """TF-IDF (sublinear tf, l2 norm) into logistic regression, evaluated from its weights."""

    name: str
    weights: dict[str, tuple[float, float]]  # feature -> (idf, coefficient)
    intercept: float

    def score(self, text: str) -> float:
        counts: dict[str, int] = {}
        weights = self.weights
        for feature in _features(text):
            if feature in weights:
                counts[feature] = counts.get(feature, 0) + 1
        if not counts:
            return 1.0 / (1.0 + math.exp(-self.intercept))
        values = {f: (1.0 + math.log(c)) * self.weights[f][0] for f, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values()))
        z = self.intercept + sum(v / norm * self.weights[f][1] for f, v in values.items())
        return 1.0 / (1.0 + math.exp(-max(-700.0, min(700.0, z))))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TextModel:
        return cls(
            name=data["name"],
            weights={f: (w[0], w[1]) for f, w in data["weights"].items()},
            intercept=float(data["intercept"]),
        )


@functools.cache
def model(name: str) -> TextModel:
    """A shipped model, loaded once per process."""
    path = resources.files("govern") / "data" / "models" / f"{name}.json"
    return TextModel.from_json(json.loads(path.read_text(encoding="utf-8")))


@dataclass
class Classifier:
    model: str
    above: float
    pattern: str | None = None

    def find(self, subject: Subject) -> list[Span]:
        if subject.signal(f"model:{self.model}") >= self.above:
            text = subject.text
            return [Span(len(text) - len(text.lstrip()), len(text.rstrip()))]
        return []


def compile_classifier(spec: dict[str, Any], env: CompileEnv) -> Classifier | None:
    try:
        model(str(spec["model"]))
    except (OSError, ValueError, KeyError) as exc:
        env.problem("G205", f"the model '{spec['model']}' cannot be loaded: {exc}", "model")
        return None
    return Classifier(str(spec["model"]), float(spec["above"]))
