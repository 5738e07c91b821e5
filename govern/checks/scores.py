"""`sentiment` and `offensive`: thresholds on the per-text signals.

Catches: a strongly negative reply (`{kind: sentiment, below: -0.6}`, VADER's compound score),
an offensive comment (`{kind: offensive, above: 0.85}`, alt-profanity-check's probability).
The finding covers the whole text: these are judgements of the text as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govern.checks.base import CompileEnv, Span, Subject

SENTIMENT_SCHEMA = {
    "kind": {"type": "string", "required": True},
    "below": {"type": "number", "min": -1, "max": 1},
    "above": {"type": "number", "min": -1, "max": 1},
}
OFFENSIVE_SCHEMA = {
    "kind": {"type": "string", "required": True},
    "above": {"type": "number", "min": 0, "max": 1, "required": True},
}


@dataclass
class Threshold:
    signal: str
    below: float | None
    above: float | None
    pattern: str | None = None

    def find(self, subject: Subject) -> list[Span]:
        value = subject.signal(self.signal)
        if (self.below is not None and value <= self.below) or (
            self.above is not None and value >= self.above
        ):
            text = subject.text
            start = len(text) - len(text.lstrip())
            return [Span(start, len(text.rstrip()))]
        return []


def compile_sentiment(spec: dict[str, Any], env: CompileEnv) -> Threshold | None:
    if "below" not in spec and "above" not in spec:
        env.problem("G201", "a sentiment check needs 'below' or 'above'")
        return None
    below, above = spec.get("below"), spec.get("above")
    if above is None and below is not None and float(below) < 0:
        # Only the negative side matters: negativity skips VADER for texts that cannot score below 0.
        return Threshold("negativity", None, -float(below))
    return Threshold(
        "sentiment",
        float(below) if below is not None else None,
        float(above) if above is not None else None,
    )


def compile_offensive(spec: dict[str, Any], env: CompileEnv) -> Threshold | None:
    return Threshold("offensive", None, float(spec["above"]))
