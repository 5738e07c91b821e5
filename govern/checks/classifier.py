"""`classifier`: text classifiers govern trains from data it ships, as supporting evidence.

Catches what word lists miss — abuse in new words, misspellings, hate with no slur in it — and
says which words raised the score. Example: `{kind: classifier, model: threat, above: 0.5}`.

**It never removes a comment on its own.** Its spans carry the action `hold`: a rule's own action
(remove) applies only where another detector of the rule finds the same words. The spans name the
words and phrases that contributed most to the score (at most three runs of words), never the
whole text unless the text is one word.

`about: protected-group` makes it a model *about someone*: it fires only when the comment names a
protected group (`govern.checks.groups`), names the group beside the words that raised the score,
and stays silent when those words are quoted, negated, reported or rebutted in the way the `hate`
detector reads them ("Old people are not a burden", "people who say Gypsies are thieves are
wrong"). The council pack holds (never removes) on that: hate said in words no rule has, which a
moderator then reads.

Each model is a logistic regression over the features of `govern.checks.text_features` (words,
their character 3-5-grams, word bigrams and trigrams; identity terms and pronouns masked, quoted
text replaced), trained by `python -m govern.moderation.train` from `govern/data/` and stored as
plain JSON weights in `govern/data/models/moderation.json`. Scoring needs no scikit-learn: the
score is sigmoid(intercept + the sum of the weights of the text's features / sqrt(words)), so
each word's own features are summed once and cached, and a comment costs tens of microseconds.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.evidence import MAX_SPANS, fold
from govern.checks.groups import GROUP, MEMBER, marked, mentions
from govern.checks.hate import VICTIMS
from govern.checks.hate_lexicon import CONTEXT as HATE_CONTEXT
from govern.checks.signals import vader_lexicon
from govern.checks.text_features import MASKS, STOP, WINDOW, segments, tokens, windows, word_grams

MODELS = ("offensive", "threat", "hate")

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "model": {"type": "string", "required": True, "allowed": list(MODELS)},
    "above": {"type": "number", "required": True, "min": 0, "max": 1},
    "about": {"type": "string", "allowed": ["protected-group"]},
}

PLAIN = MASKS | STOP  # words with no features of their own
TOP = 3  # runs of words named as the reason for a score
SHARE = 0.25  # a word is named when it contributes at least this share of the top word's part
CACHED_WORDS = 100_000  # distinct words whose summed weights are remembered per process


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-700.0, min(700.0, z))))


@dataclass
class Models:
    """Several logistic regressions over one set of features, evaluated from their weights."""

    names: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> coefficient per model
    _words: dict[str, tuple[float, ...]] = field(default_factory=dict, repr=False)
    _heads: frozenset[str] = field(default=frozenset(), repr=False)  # first two words of each trigram

    def __post_init__(self) -> None:
        self._heads = frozenset(f.rsplit(" ", 1)[0] for f in self.weights if f.count(" ") == 2)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Models:
        return cls(
            names=tuple(data["models"]),
            intercepts=tuple(float(b) for b in data["intercepts"]),
            weights={f: tuple(float(w) for w in ws) for f, ws in data["features"].items()},
        )

    def word(self, word: str) -> tuple[float, ...]:
        """The summed weights of one word's own features (itself and its character n-grams)."""
        known = self._words.get(word)
        if known is None:
            sums = [0.0] * len(self.names)
            for feature in word_grams(word):
                ws = self.weights.get(feature)
                if ws is not None:
                    sums = [s + w for s, w in zip(sums, ws, strict=True)]
            known = tuple(sums)
            if len(self._words) < CACHED_WORDS:
                self._words[word] = known
        return known

    def contributions(self, words: list[str]) -> list[list[float]]:
        """Each word's part of each model's logit (phrases shared equally among their words)."""
        scale = 1.0 / math.sqrt(max(len(words), 1))
        parts = [[0.0] * len(self.names) for _ in words]
        weights = self.weights
        for i, word in enumerate(words):
            if word not in PLAIN:
                parts[i] = [w * scale for w in self.word(word)]
        for size in (2, 3):
            for i in range(len(words) - size + 1):
                ws = weights.get(" ".join(words[i : i + size]))
                if ws is not None:
                    for j in range(i, i + size):
                        parts[j] = [p + w * scale / size for p, w in zip(parts[j], ws, strict=True)]
        return parts

    def logits(self, words: list[str]) -> tuple[float, ...]:
        """Each model's logit: intercept + (the weights of every feature occurrence) / sqrt(words)."""
        cached = self._words
        weights = self.weights
        hits = [cached.get(w) or self.word(w) for w in words if w not in PLAIN]
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        heads = self._heads
        for i, pair in enumerate(pairs):
            ws = weights.get(pair)  # phrases of function words only are never in the weights
            if ws is not None:
                hits.append(ws)
            if pair in heads and i + 2 < len(words):
                ws = weights.get(f"{pair} {words[i + 2]}")
                if ws is not None:
                    hits.append(ws)
        if not hits:
            return self.intercepts
        scale = 1.0 / math.sqrt(len(words))
        columns = zip(*hits, strict=True)
        return tuple(b + sum(column) * scale for b, column in zip(self.intercepts, columns, strict=True))

    def pieces(self, text: str) -> Iterator[tuple[list[str], list[tuple[int, int]]]]:
        """What is scored, with the words' positions: the whole text when it has at most WINDOW
        words (as the models were trained); otherwise each sentence, a long one in windows."""
        words, spans = tokens(text)
        if len(words) <= WINDOW:
            yield words, spans
            return
        for start, end in segments(text):
            words, spans = tokens(text[start:end])
            for first, last in windows(len(words)):
                yield words[first:last], [(a + start, b + start) for a, b in spans[first:last]]

    def scores(self, text: str) -> dict[str, float]:
        """Every model's probability that the text is harmful in its sense, 0 to 1 (for a long
        text, the highest over its sentences and windows)."""
        best: tuple[float, ...] | None = None
        words = tokens(text)[0]
        if len(words) <= WINDOW:
            best = self.logits(words)
        else:
            for start, end in segments(text):
                words = tokens(text[start:end])[0]
                for first, last in windows(len(words)):
                    z = self.logits(words[first:last])
                    best = z if best is None else tuple(map(max, best, z))
        return dict(zip(self.names, map(_sigmoid, best or self.intercepts), strict=True))

    def reasons(self, name: str, text: str, top: int = TOP) -> list[tuple[int, int]]:
        """The characters [start, end) of the words that raised model `name`'s score most, in the
        sentence that scored highest: up to `top` runs of adjacent words, each word contributing
        at least SHARE of the top word's part."""
        k = self.names.index(name)
        pieces = list(self.pieces(text))
        if not pieces:
            return []
        words, spans = max(pieces, key=lambda piece: self.logits(piece[0])[k])
        parts = [p[k] for p in self.contributions(words)]
        ranked = sorted((i for i, p in enumerate(parts) if p > 0), key=lambda i: (-parts[i], i))
        if not ranked:
            return []
        chosen: set[int] = set()
        runs = 0
        for i in ranked:
            if parts[i] < SHARE * parts[ranked[0]]:
                break
            if i - 1 not in chosen and i + 1 not in chosen:
                if runs == top:
                    continue
                runs += 1
            chosen.add(i)
        out: list[tuple[int, int]] = []
        for i in sorted(chosen):
            start, end = spans[i]
            if out and i - 1 in chosen:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out


@functools.cache
def shipped() -> Models:
    """The shipped models, loaded once per process."""
    path = resources.files("govern") / "data" / "models" / "moderation.json"
    return Models.from_json(json.loads(path.read_text(encoding="utf-8")))


_REPLACED: list[Models] = []


def models() -> Models:
    """The models that score comments: the shipped ones, unless `replaced` says otherwise."""
    return _REPLACED[-1] if _REPLACED else shipped()


@contextlib.contextmanager
def replaced(other: Models) -> Iterator[None]:
    """Score with other models inside the block (for measurement: bench/moderation_quality.py runs
    the pipeline with a model trained without the corpus it is measured on)."""
    _REPLACED.append(other)
    scores.cache_clear()
    try:
        yield
    finally:
        _REPLACED.pop()
        scores.cache_clear()


@functools.lru_cache(maxsize=1024)
def scores(text: str) -> dict[str, float]:
    """Every shipped model's score for a text (computed once for all the models)."""
    return models().scores(text)


@dataclass(frozen=True)
class TextModel:
    """One shipped model, as the `model:NAME` signal reads it."""

    name: str

    def score(self, text: str) -> float:
        return scores(text)[self.name]


def model(name: str) -> TextModel:
    """A shipped model by name; KeyError if there is none."""
    if name not in models().names:
        raise KeyError(f"no model '{name}' (shipped: {', '.join(models().names)})")
    return TextModel(name)


@dataclass
class Classifier:
    model: str
    above: float
    pattern: str | None = None
    about_group: bool = False  # `about: protected-group`

    def find(self, subject: Subject) -> list[Span]:
        if self.about_group and not mentions(subject.text):
            return []
        signal = f"model:{self.model}"
        score = subject.signal(signal) if signal in subject.signals else scores(subject.text)[self.model]
        if score < self.above:
            return []
        reasons = models().reasons(self.model, subject.text)
        if self.about_group:
            return _about_group(subject.text, reasons)
        return [Span(s, e, action="hold") for s, e in reasons]


def _about_group(text: str, reasons: list[tuple[int, int]]) -> list[Span]:
    """The reasons that are the commenter's own words (not quoted, negated, reported or rebutted),
    with the group they are said of; nothing when no reason is left."""
    folded = fold(text)
    if folded.where is not None:  # letters spelled out one by one: offsets differ; no judgement
        return []
    mark = marked(text)
    named = [folded.span(*mark.span(i, i + 1)) for i, c in enumerate(mark.text) if c in (GROUP, MEMBER)]

    def cancelled(a: int, b: int) -> bool:
        # the words alone, and the words with the group they are said of ("Hating | women | has no place")
        near = min(named, key=lambda g: min(abs(g[0] - b), abs(a - g[1])), default=(a, b))
        joined = (min(a, near[0]), max(b, near[1]))
        return HATE_CONTEXT.cancels(folded.text, a, b) or HATE_CONTEXT.cancels(folded.text, *joined)

    if VICTIMS.search(folded.text) or MISTREATED.search(folded.text):
        return []  # the group is the victim: "Trans people were attacked. Animals.", "treated like ..."
    if any(MISSED.search(folded.text, max(0, g[0] - 40), g[0]) for g in named):
        return []  # "The town would be a worse place without its Hindu temple": the group is missed
    if _approved(folded.text):  # "Gay people teaching our kids is a good thing."
        return []
    trimmed = [_trim(folded.text, a, b) for a, b in reasons]
    own = [(a, b) for a, b in trimmed if b > a and not cancelled(a, b)]
    if not own:
        return []
    chosen = {*own, *named[: max(0, MAX_SPANS - len(own))]}  # the words first: at most MAX_SPANS
    return [Span(a, b, action="hold") for a, b in sorted(chosen)]


# Words that weigh in a model but say nothing of anyone on their own: a finding of only these
# ("are not" in "Old people are not a burden") is the model reading a sentence's shape, not hate.
EMPTY = STOP | frozenset(
    {"not", "no", "never", "nor", "n't", "dont", "don't", "isnt", "isn't", "arent", "aren't"}
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the empty words at its edges ("not vermin" -> "vermin", so that the
    negation before it is seen); an empty span when it holds nothing else."""
    words = [m for m in _WORD.finditer(text, start, end) if m.group() not in EMPTY]
    return (words[0].start(), words[-1].end()) if words else (start, start)


_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
APPROVAL = 2.0  # VADER valence of a word that approves ("good" 1.9 is not enough alone; "great" 3.1)


@functools.cache
def _approving() -> frozenset[str]:
    """Strongly positive words in VADER's lexicon (MIT licence, a dependency already)."""
    lexicon = vader_lexicon()
    strong = frozenset(w for w, valence in lexicon.items() if valence >= APPROVAL and w.isalpha())
    return strong | {"good", "support"}  # "should get proper support": help for the group


MISTREATED = re.compile(
    r"\b(?:treated|treating|treat|portrayed|described|painted)\s+(?:them\s+)?(?:like|as)\b"
)
MISSED = re.compile(r"\bwithout\s+(?:[a-z'’]+\s+){0,2}$")


def _approved(text: str) -> bool:
    """Some sentence approves of what it says: a strongly positive word that nothing negates."""
    approving = _approving()
    return any(
        m.group() in approving and not HATE_CONTEXT.negated(text, m.start()) for m in _WORD.finditer(text)
    )


def compile_classifier(spec: dict[str, Any], env: CompileEnv) -> Classifier | None:
    try:
        model(str(spec["model"]))
    except (OSError, ValueError, KeyError) as exc:
        env.problem("G205", f"the model '{spec['model']}' cannot be loaded: {exc}", "model")
        return None
    return Classifier(
        str(spec["model"]), float(spec["above"]), about_group=spec.get("about") == "protected-group"
    )
