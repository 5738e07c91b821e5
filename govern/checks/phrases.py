"""`phrases`: word and phrase lists, matched on word boundaries, any case, simple inflections.

Catches: stock phrases ("going forward", "apologise for any inconvenience").
Example: `{kind: phrases, phrases: ["going forward", {phrase: leverage, suggestion: use}]}`
matches "Going forward", "leveraged" and "leveraging". Set `inflect: false` for exact words.
A phrase never matches inside a longer word, nor as one part of a hyphenated compound
("disciplinary" is not found in "multi-disciplinary"); set `compounds: true` to allow the latter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject, entries

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "phrases": entries("phrase"),
    "inflect": {"type": "boolean"},
    "compounds": {"type": "boolean"},
}

_HYPHENS = "-‐‑"
_JOIN = r"(?:\s*[-‐‑]\s*|\s+)"  # between two words of a phrase: spaces or a hyphen


def whole_word(text: str, start: int, end: int) -> bool:
    """False when text[start:end] is one part of a hyphenated compound ("multi-disciplinary")."""
    if start >= 2 and text[start - 1] in _HYPHENS and text[start - 2].isalnum() and text[start].isalnum():
        return False
    return not (
        end + 1 < len(text) and text[end] in _HYPHENS and text[end + 1].isalnum() and text[end - 1].isalnum()
    )


_WORD = re.compile(r"[A-Za-z]+|[^A-Za-z]+")


def inflections(word: str) -> str:
    """An RE2 fragment for a word and its simple inflections (apologise/apologize/apologised)."""
    w = word.lower()
    if not w.isalpha() or len(w) < 4:
        return str(re2.escape(w))
    if w.endswith(("ise", "ize")):
        return f"{w[:-3]}i[sz](?:e|es|ed|ing)"
    if w.endswith(("isation", "ization")):
        return f"{w[:-7]}i[sz]ations?"
    if w.endswith("ing"):
        return f"{w}s?"
    if w.endswith("e"):
        return f"{w[:-1]}(?:e|es|ed|ing)"
    if w.endswith("y") and w[-2] not in "aeiou":
        return f"{w[:-1]}(?:y|ies|ied|ying)"
    return f"{w}(?:s|es|ed|ing)?"


def phrase_pattern(phrase: str, inflect: bool) -> str:
    """One phrase as RE2: a space or a hyphen between words matches any run of spaces or one
    hyphen ("one-stop shop" is "one stop shop"), apostrophes either kind, word edges."""
    parts = []
    for piece in _WORD.findall(phrase.strip()):
        if piece.isalpha():
            parts.append(inflections(piece) if inflect else re2.escape(piece.lower()))
        elif piece.isspace() or piece.strip() in _HYPHENS and piece.strip():
            parts.append(_JOIN)
        else:
            parts.append(
                "".join(r"['’]" if c in "'’" else (r"\s+" if c.isspace() else re2.escape(c)) for c in piece)
            )
    body = "".join(parts)
    start = r"\b" if re.match(r"\w", phrase.strip()) else ""
    end = r"\b" if re.search(r"\w$", phrase.strip()) else ""
    return f"{start}{body}{end}"


@dataclass
class Phrases:
    pattern: str
    regex: re2._Regexp[str]
    suggestions: list[tuple[re2._Regexp[str], str]]
    compounds: bool = False

    def find(self, subject: Subject) -> list[Span]:
        spans = []
        text = subject.text
        for match in self.regex.finditer(text):
            start, end = match.span()
            if not self.compounds and not whole_word(text, start, end):
                continue
            suggestion = next((s for r, s in self.suggestions if r.fullmatch(match.group())), None)
            spans.append(Span(start, end, suggestion))
        return spans


def compile_phrases(spec: dict[str, Any], env: CompileEnv) -> Phrases | None:
    inflect = bool(spec.get("inflect", True))
    alternatives: list[str] = []
    suggestions: list[tuple[re2._Regexp[str], str]] = []
    for entry in spec["phrases"]:
        phrase = entry if isinstance(entry, str) else entry["phrase"]
        fragment = phrase_pattern(phrase, inflect)
        alternatives.append(fragment)
        if isinstance(entry, dict) and entry.get("suggestion"):
            suggestions.append((re2.compile(f"(?i){fragment}"), entry["suggestion"]))
    # Longest first, so "we take this very seriously" wins over a shorter phrase at the same place.
    pattern = "(?i)(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + ")"
    return Phrases(pattern, re2.compile(pattern), suggestions, bool(spec.get("compounds", False)))
