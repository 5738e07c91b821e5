"""`patterns`: RE2 regular expressions, matched in time linear in the text.

Catches: what a phrase list cannot say ("is a (liar|crook)", "#[a-z]{13,}").
Example: `{kind: patterns, patterns: ['\\bCllr\\.? [A-Z][a-z]+'], case_sensitive: true}`.
RE2 has no backreferences or look-around, so no pattern can make the checker hang.
Patterns that ignore case also find words disguised letter by letter ("l1ar", "l.i.a.r",
"liiiar"): a match in the unmasked text counts when it covers a disguise.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject, entries
from govern.checks.disguises import variants

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "patterns": entries("pattern"),
    "case_sensitive": {"type": "boolean"},
}


@dataclass
class Patterns:
    pattern: str
    regexes: list[tuple[re2._Regexp[str], str | None]]
    combined: re2._Regexp[str] | None = None  # one pass when no pattern has its own suggestion
    disguised: bool = False

    def find(self, subject: Subject) -> list[Span]:
        spans = self._matches(subject.text)
        if not self.disguised:
            return spans
        found = {(s.start, s.end) for s in spans}
        for plain in variants(subject.text):
            for span in self._matches(plain.text):
                i = bisect.bisect_left(plain.changed, span.start)
                if i == len(plain.changed) or plain.changed[i] >= span.end:
                    continue  # no disguise inside: the text as it reads was searched already
                if plain.where is not None:
                    span = Span(plain.where[span.start], plain.where[span.end - 1] + 1, span.suggestion)
                if (span.start, span.end) not in found:
                    found.add((span.start, span.end))
                    spans.append(span)
        return spans

    def _matches(self, text: str) -> list[Span]:
        if self.combined is not None:
            return [Span(m.start(), m.end()) for m in self.combined.finditer(text) if m.end() > m.start()]
        spans: list[Span] = []
        for regex, suggestion in self.regexes:
            spans.extend(
                Span(m.start(), m.end(), suggestion) for m in regex.finditer(text) if m.end() > m.start()
            )
        return spans


def compile_regex(source: str, case_sensitive: bool) -> re2._Regexp[str] | str:
    """The compiled pattern, or RE2's explanation of why it does not compile."""
    options = re2.Options()
    options.case_sensitive = case_sensitive
    options.log_errors = False
    try:
        return re2.compile(source, options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else b"invalid pattern"
        return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)


def compile_patterns(spec: dict[str, Any], env: CompileEnv) -> Patterns | None:
    case_sensitive = bool(spec.get("case_sensitive", False))
    regexes: list[tuple[re2._Regexp[str], str | None]] = []
    sources: list[str] = []
    for i, entry in enumerate(spec["patterns"]):
        source = entry if isinstance(entry, str) else entry["pattern"]
        compiled = compile_regex(source, case_sensitive)
        if isinstance(compiled, str):
            env.problem("G402", f"pattern does not compile: {compiled}: {source}", "patterns", i)
            continue
        regexes.append((compiled, None if isinstance(entry, str) else entry.get("suggestion")))
        sources.append(source)
    if len(regexes) < len(spec["patterns"]):
        return None
    flags = "" if case_sensitive else "(?i)"
    pattern = flags + "(?:" + "|".join(f"(?:{s})" for s in sources) + ")"
    combined = None if any(s for _, s in regexes) else re2.compile(pattern)
    # Patterns that ignore case are also tried on the text's disguise variants (the engine's quick
    # pass too: see `disguised`).
    return Patterns(pattern, regexes, combined, not case_sensitive)
