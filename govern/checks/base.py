"""What every text check shares: spans, the subject being checked, and the detector protocol."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from govern.errors import Location, Problem


def entries(key: str) -> dict[str, Any]:
    """The schema of a list whose items are text, or {KEY: text, suggestion: text}."""
    text = {"type": "string", "empty": False}
    record = {"type": "dict", "schema": {key: {**text, "required": True}, "suggestion": text}}
    return {"type": "list", "required": True, "empty": False, "schema": {"anyof": [text, record]}}


@dataclass(frozen=True, slots=True)
class Span:
    """Characters [start, end) of the text that a detector found, with an optional suggestion."""

    start: int
    end: int
    suggestion: str | None = None
    action: str | None = None  # a detector's own moderation action, when it differs from its rule's


@dataclass
class Subject:
    """A text being checked (a draft or a comment) and the facts about it.

    Detectors read `text`, the normalised text. `raw` is the text as the person wrote it (None
    when normalising changed nothing) and `offsets[i]` is where character i of `text` starts in
    it (with one more entry for the end), so spans found in `text` underline what was written.
    A detector that must see the text as written (styled letters, emoji) sets `reads_raw = True`
    and reads `original`; its spans are already in the raw text's offsets.

    Expensive signals (sentiment, the offensive-language score) are computed at most once per
    subject, however many rules read them.
    """

    text: str
    facts: dict[str, Any]  # the CEL variables of the question (platform, account, channel, ...)
    local_date: dt.date  # when it is posted, in the pack's time zone
    signals: Mapping[str, Callable[[str], float]] = field(default_factory=dict)
    raw: str | None = None
    offsets: Sequence[int] | None = None
    _cache: dict[str, float] = field(default_factory=dict)

    @property
    def original(self) -> str:
        """The text as written."""
        return self.text if self.raw is None else self.raw

    def to_raw(self, span: Span) -> Span:
        """A span of `text` as the span of the text as written that it came from."""
        if self.offsets is None:
            return span
        start = self.offsets[span.start]
        if span.end <= span.start:
            return Span(start, start, span.suggestion, span.action)
        last = self.offsets[span.end - 1]
        end = max(last + 1, self.offsets[span.end])
        raw = self.original
        # what normalising dropped after the span (spaces, zero-width characters) is not part of it
        while end > last + 1 and (raw[end - 1].isspace() or not raw[end - 1].isprintable()):
            end -= 1
        return Span(start, end, span.suggestion, span.action)

    def signal(self, name: str) -> float:
        value = self._cache.get(name)
        if value is None:
            value = self._cache[name] = self.signals[name](self.text)
        return value


class Detector(Protocol):
    """Finds spans in a subject. `pattern`, when set, is an RE2 pattern that must match somewhere
    for the detector to find anything (used to skip detectors in one pass over the text). A
    detector that also reads the text with words' disguises undone (`govern.checks.disguises`:
    "sh1t", "f.u.c.k") sets `disguised = True`, and its pattern is tried on those texts too."""

    @property
    def pattern(self) -> str | None: ...

    def find(self, subject: Subject) -> list[Span]: ...


def reads_raw(detector: Detector) -> bool:
    """True for a detector that reads the text as written rather than the normalised text."""
    return bool(getattr(detector, "reads_raw", False))


def reads_disguises(detector: Detector) -> bool:
    """True for a detector that also reads the text with words' disguises undone."""
    return bool(getattr(detector, "disguised", False))


@dataclass
class CompileEnv:
    """What a detector needs at load time: where it is, for errors, and the pack's context."""

    where: Callable[..., Location]
    path: str
    variables: Mapping[str, str]  # CEL variables available to context detectors
    problems: list[Problem] = field(default_factory=list)

    def problem(self, code: str, message: str, *sub: str | int) -> None:
        self.problems.append(Problem(self.where(*sub), code, message, self.path))
