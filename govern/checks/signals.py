"""The expensive per-text signals: VADER sentiment and the offensive-language score.

Each is loaded once per process and shared by every pack; a Subject computes each at most once.
"""

from __future__ import annotations

import functools
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from govern.checks.reader import aimed_at_reader


@functools.cache
def _analyzer() -> Any:
    """VADER's analyzer, built once per process (it reads its lexicon file)."""
    from vaderSentiment import vaderSentiment as vader

    return vader.SentimentIntensityAnalyzer()


def vader_lexicon() -> dict[str, float]:
    """VADER's lexicon (MIT licence): word -> valence, shared by every detector that reads it."""
    lexicon: dict[str, float] = _analyzer().lexicon
    return lexicon


@functools.cache
def _vader() -> tuple[Callable[[str], dict[str, float]], frozenset[str]]:
    """VADER's scorer, and what any negative score needs: the words that can make it negative."""
    from vaderSentiment import vaderSentiment as vader

    analyzer = _analyzer()
    cues = {word for word, valence in analyzer.lexicon.items() if valence < 0}
    cues |= {w.lower() for w in vader.NEGATE} | {"least"}
    for phrase, valence in vader.SPECIAL_CASES.items():
        if valence < 0:
            cues |= set(phrase.split())
    return analyzer.polarity_scores, frozenset(cues)


# VADER's time grows with the square of the number of words (it lower-cases the whole text again
# for every word), so a long text is scored in chunks of sentences and the chunks' compound
# scores are averaged, weighted by length. Texts up to this long are scored whole, exactly.
# VADER reads each emoji as the words of its name ("grinning face"), so a symbol counts as
# SYMBOL_COST characters, and a text longer than BUDGET that way (20,000 emoji took 30 s) is
# scored on chunks spread evenly through it, BUDGET in all.
WHOLE = 2000
SYMBOL_COST = 16
BUDGET = 20_000
_SENTENCES = re.compile(r"[^.!?\n]*(?:[.!?\n]+|$)")
_SYMBOLS = re.compile(r"[^\x00-\u1fff]")  # emoji and other symbols VADER may read as words


def _cost(text: str) -> int:
    """How long the text is to VADER, counting a symbol as the words of its name."""
    return len(text) + (SYMBOL_COST - 1) * len(_SYMBOLS.findall(text))


def _compound(text: str) -> float:
    scorer = _vader()[0]
    if _cost(text) <= WHOLE:
        return float(scorer(text)["compound"])
    chunks: list[str] = []
    current, cost = "", 0
    for sentence in _SENTENCES.findall(text):
        more = _cost(sentence)
        if current and cost + more > WHOLE // 2:
            chunks.append(current)
            current, cost = "", 0
        current, cost = current + sentence, cost + more
        while cost > WHOLE:  # one very long "sentence"
            size = max(1, WHOLE * len(current) // cost)
            chunks.append(current[:size])
            current = current[size:]
            cost = _cost(current)
    if current.strip():
        chunks.append(current)
    chunks = [c for c in chunks if c.strip()]
    step = -(-_cost(text) // BUDGET)  # 1 unless symbols make the text longer than BUDGET
    chunks = chunks[step // 2 :: step]
    weights = [len(c) for c in chunks]
    scores = [float(scorer(c)["compound"]) for c in chunks]
    return sum(w * s for w, s in zip(weights, scores, strict=True)) / sum(weights) if weights else 0.0


def sentiment(text: str) -> float:
    """VADER's compound score, from -1 (most negative) to +1 (by chunks for long texts)."""
    return _compound(text)


# ASCII punctuation but the apostrophe (part of "don't") becomes a space: the words VADER looks up
# once it has stripped punctuation from each token.
_UNPUNCTUATE = str.maketrans({c: " " for c in map(chr, range(33, 127)) if not c.isalnum() and c != "'"})


def negativity(text: str) -> float:
    """How negative the text is: max(0, -compound), from 0 to 1.

    VADER can only score a text below zero when it holds a word of negative valence, a negation
    ("not", "isn't", "least") or a negative emoji; a text with none of these is 0 without running
    VADER. A test checks this shortcut never differs from VADER.
    """
    _, cues = _vader()
    lowered = text.lower()
    if (
        "n't" not in lowered
        and not _SYMBOLS.search(text)
        and cues.isdisjoint(lowered.split())
        and cues.isdisjoint(lowered.translate(_UNPUNCTUATE).split())
    ):
        return 0.0
    return max(0.0, -_compound(text))


def reader_negativity(text: str) -> float:
    """How negative the sentences aimed at the reader are (apologies and thanks left out), 0 to 1."""
    aimed = aimed_at_reader(text)
    return negativity(aimed) if aimed else 0.0


@dataclass(frozen=True)
class LinearTextModel:
    """alt-profanity-check's model, evaluated without scikit-learn's per-call overhead.

    The shipped model is TF-IDF (l2-normalised) into five calibrated linear SVMs whose sigmoid
    probabilities are averaged. scikit-learn spends ~3 ms a call validating inputs; the same
    arithmetic over a dictionary of the few tokens a comment has takes microseconds. A test
    checks the two agree.
    """

    weights: dict[str, tuple[float, tuple[float, ...]]]  # token -> (idf, coefficient per SVM)
    intercepts: tuple[float, ...]
    calibration: tuple[tuple[float, float], ...]  # (a, b) per SVM: p = 1 / (1 + exp(a * f + b))
    token: re.Pattern[str]
    stop_words: frozenset[str]

    def score(self, text: str) -> float:
        counts: dict[str, int] = {}
        for tok in self.token.findall(text.lower()):
            if tok in self.weights and tok not in self.stop_words:
                counts[tok] = counts.get(tok, 0) + 1
        n = len(self.intercepts)
        if not counts:
            decisions = list(self.intercepts)
        else:
            norm = math.sqrt(sum((c * self.weights[t][0]) ** 2 for t, c in counts.items()))
            sums = [0.0] * n
            for tok, c in counts.items():
                idf, coefs = self.weights[tok]
                value = c * idf / norm
                for k in range(n):
                    sums[k] += value * coefs[k]
            decisions = [s + b for s, b in zip(sums, self.intercepts, strict=True)]
        probs = [
            1.0 / (1.0 + math.exp(max(-700.0, min(700.0, a * f + b))))
            for f, (a, b) in zip(decisions, self.calibration, strict=True)
        ]
        return sum(probs) / n


@functools.cache
def offensive_model() -> LinearTextModel:
    """Extract the linear model from the installed alt-profanity-check package (once)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the pickles were made by an older scikit-learn
        from profanity_check import profanity_check as pc

    vectorizer, model = pc.vectorizer, pc.model
    calibrated = model.calibrated_classifiers_
    coefs = [c.estimator.coef_.ravel() for c in calibrated]
    idf = vectorizer.idf_
    weights = {
        token: (float(idf[j]), tuple(float(c[j]) for c in coefs))
        for token, j in vectorizer.vocabulary_.items()
    }
    return LinearTextModel(
        weights=weights,
        intercepts=tuple(float(c.estimator.intercept_[0]) for c in calibrated),
        calibration=tuple((float(c.calibrators[0].a_), float(c.calibrators[0].b_)) for c in calibrated),
        token=re.compile(vectorizer.token_pattern),
        stop_words=frozenset(vectorizer.get_stop_words() or ()),
    )


def offensive(text: str) -> float:
    """The offensive-language probability, 0 to 1 (alt-profanity-check's model)."""
    return offensive_model().score(text)


def _classifier(name: str) -> Callable[[str], float]:
    def score(text: str) -> float:
        from govern.checks.classifier import model

        return model(name).score(text)

    return score


SIGNALS: dict[str, Callable[[str], float]] = {
    "sentiment": sentiment,
    "negativity": negativity,
    "reader-negativity": reader_negativity,
    "offensive": offensive,
    **{f"model:{name}": _classifier(name) for name in ("offensive", "threat", "hate")},
}
