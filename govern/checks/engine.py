"""Compile text rules once; run them over a subject, skipping what one RE2 pass rules out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import re2

from govern.checks import KINDS
from govern.checks.base import CompileEnv, Detector, Span, Subject, reads_disguises, reads_raw
from govern.checks.disguises import variants
from govern.errors import Problem, did_you_mean
from govern.policy.expr import EvaluationError, Expr, compile_expr
from govern.policy.model import TextRule, Window


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: TextRule
    when: Expr | None
    during: tuple[Window, ...]
    outside: tuple[Window, ...]
    match: tuple[tuple[int, Detector, str | None], ...]  # (index in the set or -1, detector, action)
    unless: tuple[tuple[int, Detector, str | None], ...]
    # The set indexes of the match detectors when every one of them has one (else empty): the
    # rule can only find something when the quick pass matched one of these.
    prefiltered: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule that found something, and where."""

    rule: TextRule
    spans: tuple[Span, ...]


def _within(day: dt.date, windows: Sequence[Window]) -> bool:
    return any(w.start <= day <= w.end for w in windows)


class TextChecker:
    """The rules of one document (discretion guidelines, or house rules) compiled together."""

    def __init__(
        self,
        rules: Sequence[TextRule],
        windows: Sequence[Window],
        variables: Mapping[str, str],
        problems: list[Problem],
    ) -> None:
        self._patterns: list[str] = []
        self._disguised = False  # whether a detector in the quick pass reads disguise variants
        self._windows = windows
        self._variables = variables
        self.rules: tuple[_Compiled, ...] = tuple(
            compiled for rule in rules if (compiled := self._compile(rule, problems)) is not None
        )
        self._set: re2.Set | None = None
        if self._patterns:
            options = re2.Options()
            options.log_errors = False
            self._set = re2.Set.SearchSet(options)
            for pattern in self._patterns:
                self._set.Add(pattern)
            self._set.Compile()

    # --- load time -----------------------------------------------------------------------

    def _windows_named(
        self, rule: TextRule, field: str, names: Sequence[str], problems: list[Problem]
    ) -> tuple[Window, ...]:
        found: list[Window] = []
        known = {w.name for w in self._windows} | {w.group for w in self._windows if w.group}
        for i, name in enumerate(names):
            matching = [w for w in self._windows if name in (w.name, w.group)]
            if not matching:
                hint = did_you_mean(name, known) or (" (the pack defines no windows)" if not known else "")
                problems.append(
                    Problem(
                        rule.where(field, i),
                        "G301",
                        f"rule '{rule.id}' names unknown window '{name}'{hint}",
                        rule.id,
                    )
                )
            found += matching
        return tuple(found)

    def _detectors(
        self, rule: TextRule, field: str, specs: Sequence[Mapping[str, object]], problems: list[Problem]
    ) -> tuple[tuple[int, Detector, str | None], ...] | None:
        out: list[tuple[int, Detector, str | None]] = []
        ok = True
        for i, spec in enumerate(specs):
            env = CompileEnv(lambda *sub, i=i: rule.where(field, i, *sub), rule.id, self._variables)
            options = dict(spec)
            action = options.pop("action", None)
            action = str(action) if action else None
            detector = KINDS[str(spec["kind"])][1](options, env)
            problems.extend(env.problems)
            if detector is None or env.problems:
                ok = False
                continue
            index = -1
            if detector.pattern and not reads_raw(detector):
                index = len(self._patterns)
                self._patterns.append(detector.pattern)
                self._disguised = self._disguised or reads_disguises(detector)
            out.append((index, detector, action))
        return tuple(out) if ok else None

    def _compile(self, rule: TextRule, problems: list[Problem]) -> _Compiled | None:
        before = len(problems)
        when = None
        if rule.when:
            compiled = compile_expr(
                rule.when,
                rule.where("when"),
                self._variables,
                rule.id,
                lambda line, column: rule.inner("when", line=line, column=column),
            )
            if isinstance(compiled, Problem):
                problems.append(compiled)
            else:
                when = compiled
        during = self._windows_named(rule, "during", rule.during, problems)
        outside = self._windows_named(rule, "outside", rule.outside, problems)
        match = self._detectors(rule, "match", rule.match, problems)
        unless = self._detectors(rule, "unless", rule.unless, problems)
        if len(problems) > before or match is None or unless is None:
            return None
        prefiltered = frozenset(i for i, _, _ in match) if all(i >= 0 for i, _, _ in match) else frozenset()
        return _Compiled(rule, when, during, outside, match, unless, prefiltered)

    # --- check time ----------------------------------------------------------------------

    def run(self, subject: Subject) -> list[Hit]:
        """Every rule that applies to the subject, with the spans it found."""
        matched: Any = self._set.Match(subject.text) if self._set is not None else None
        possible: frozenset[int] = frozenset(matched or ())
        if self._set is not None and self._disguised:
            for variant in variants(subject.text):  # "sh1t", "l.i.a.r": none for most texts
                more: Any = self._set.Match(variant.text)
                possible |= frozenset(more or ())
        hits = []
        for compiled in self.rules:
            if compiled.prefiltered and possible.isdisjoint(compiled.prefiltered):
                continue  # no detector of the rule can find anything: skip its gates too
            if compiled.during and not _within(subject.local_date, compiled.during):
                continue
            if compiled.outside and _within(subject.local_date, compiled.outside):
                continue
            if compiled.when is not None:
                try:
                    if compiled.when.evaluate(subject.facts) is not True:
                        continue
                except EvaluationError:
                    pass  # fail closed: run the rule
            spans = [
                replace(s, action=a) if a else s
                for i, d, a in compiled.match
                if i < 0 or i in possible
                for s in _found(d, subject)
            ]
            if not spans:
                continue
            if any(d.find(subject) for i, d, _ in compiled.unless if i < 0 or i in possible):
                continue
            hits.append(Hit(compiled.rule, _merged(spans)))
        return hits


def _found(detector: Detector, subject: Subject) -> list[Span]:
    """A detector's spans in the offsets of the text as written."""
    spans = detector.find(subject)
    if subject.offsets is None or reads_raw(detector):
        return spans
    return [subject.to_raw(s) for s in spans]


def _stronger(a: str | None, b: str | None) -> str | None:
    """Of two spans' actions, the one that does more: the rule's own (None) beats hold."""
    if a is None or b is None:
        return None
    return a if ("remove", "hold").index(a) <= ("remove", "hold").index(b) else b


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """One rule's spans in order, with overlapping ones joined (the first suggestion kept)."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and span.start < out[-1].end or (out and span.start == span.end == out[-1].start):
            last = out[-1]
            out[-1] = Span(
                last.start,
                max(last.end, span.end),
                last.suggestion or span.suggestion,
                _stronger(last.action, span.action),
            )
        else:
            out.append(span)
    return tuple(out)
