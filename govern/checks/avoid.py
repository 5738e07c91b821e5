"""`words-to-avoid`: jargon words in any of their forms, each with a plain alternative, but
never in their literal sense.

Catches: "we will deliver a robust programme to tackle fly-tipping" (deliver, robust, tackle).
Leaves alone: "drive to the tip", "the key to the hall", "deliver a baby", "a tackle in rugby".
Example::

    {kind: words-to-avoid, words: [
      {word: tackle, suggestion: "stop, reduce, deal with", literal: ['\\b(?:rugby|football)\\b']},
      {word: key, forms: [key], suggestion: important, literal: ['\\bkey\\s+to\\s+the\\s+hall\\b']},
      {word: progress, suggestion: "say what you are doing", only: ['\\bto\\s+progress\\b']}]}

`forms` lists the forms to match (default: the word and its simple inflections). Patterns are
RE2, any case (`(?-i:...)` for case), judged on the word's sentence: `literal` patterns mark
the literal sense when one of them matches over the word ("the key to the hall"); `context`
patterns mark it when one matches anywhere in the sentence ("rugby" for "tackle"); `only`
patterns, when given, must match over the word for it to count (a verb-only word: "progress
your claim", not "good progress"). Words never match inside a longer word or a hyphenated
compound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.patterns import compile_regex
from govern.checks.phrases import phrase_pattern, whole_word

_TEXT = {"type": "string", "empty": False}
_PATTERNS = {"type": "list", "empty": False, "schema": _TEXT}
SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "words": {
        "type": "list",
        "required": True,
        "empty": False,
        "schema": {
            "type": "dict",
            "schema": {
                "word": {**_TEXT, "required": True},
                "forms": {"type": "list", "empty": False, "schema": _TEXT},
                "suggestion": {**_TEXT, "required": True},
                "literal": _PATTERNS,
                "context": _PATTERNS,
                "only": _PATTERNS,
            },
        },
    },
}

# Sentence edges, so that a literal sense is judged on the words around the one found.
_EDGE = re.compile(r"[.!?;\n]\s")


@dataclass(frozen=True, slots=True)
class _Entry:
    word: str
    suggestion: str
    literal: re2._Regexp[str] | None
    context: re2._Regexp[str] | None
    only: re2._Regexp[str] | None


def _over(regex: re2._Regexp[str], text: str, start: int, end: int) -> bool:
    """True when a match of regex in text overlaps [start, end)."""
    return any(m.start() < end and m.end() > start for m in regex.finditer(text))


_REACH = 300  # a sentence is judged on at most this many characters either side of the word


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The edges of the sentence holding text[start:end] (within _REACH characters of it)."""
    left = max(0, start - _REACH)
    before = [m.end() for m in _EDGE.finditer(text, left, start)]
    after = _EDGE.search(text, end, min(len(text), end + _REACH))
    return (before[-1] if before else left), (after.start() + 1 if after else min(len(text), end + _REACH))


@dataclass
class WordsToAvoid:
    pattern: str
    regex: re2._Regexp[str]
    entries: tuple[_Entry, ...]  # in the order of the regex's groups

    def find(self, subject: Subject) -> list[Span]:
        text = subject.text
        spans = []
        for match in self.regex.finditer(text):
            start, end = match.span()
            if end <= start or not whole_word(text, start, end):
                continue
            entry = next(e for i, e in enumerate(self.entries, 1) if match.start(i) >= 0)
            if entry.literal is not None or entry.context is not None or entry.only is not None:
                left, right = sentence(text, start, end)
                window = text[left:right]
                if entry.only is not None and not _over(entry.only, window, start - left, end - left):
                    continue
                if entry.literal is not None and _over(entry.literal, window, start - left, end - left):
                    continue
                if entry.context is not None and entry.context.search(window):
                    continue
            spans.append(Span(start, end, entry.suggestion))
        return spans


def _alternation(sources: list[str], env: CompileEnv, i: int, field: str) -> re2._Regexp[str] | None:
    compiled = compile_regex("(?:" + "|".join(f"(?:{s})" for s in sources) + ")", False)
    if isinstance(compiled, str):
        for j, source in enumerate(sources):
            single = compile_regex(source, False)
            if isinstance(single, str):
                env.problem("G402", f"pattern does not compile: {single}: {source}", "words", i, field, j)
        return None
    return compiled


def compile_words_to_avoid(spec: dict[str, Any], env: CompileEnv) -> WordsToAvoid | None:
    entries: list[tuple[int, str, _Entry]] = []
    ok = True
    for i, item in enumerate(spec["words"]):
        word = str(item["word"])
        forms = item.get("forms")
        body = (
            "|".join(phrase_pattern(str(f), inflect=False) for f in forms)
            if forms
            else phrase_pattern(word, inflect=True)
        )
        compiled = {
            field: _alternation(item[field], env, i, field) if item.get(field) else None
            for field in ("literal", "context", "only")
        }
        if any(item.get(field) and regex is None for field, regex in compiled.items()):
            ok = False
            continue
        longest = max(len(str(f)) for f in (forms or [word]))
        entries.append(
            (
                longest,
                body,
                _Entry(
                    word, str(item["suggestion"]), compiled["literal"], compiled["context"], compiled["only"]
                ),
            )
        )
    if not ok:
        return None
    # Longest first, so that "drive out" is tried before "drive" at the same place.
    entries.sort(key=lambda e: e[0], reverse=True)
    pattern = "(?i)(?:" + "|".join(f"({body})" for _, body, _ in entries) + ")"
    prefilter = "(?i)(?:" + "|".join(body for _, body, _ in entries) + ")"
    return WordsToAvoid(prefilter, re2.compile(pattern), tuple(e for _, _, e in entries))
