"""`hashtags`: too many hashtags, or hashtags in the middle of the words.

Catches: more than `max` hashtags ("#Bins #Recycling #Waste #Portsmouth"), and, with
`at_end: true`, a hashtag that words still follow ("Join us at #CentralLibrary on Monday").
Hashtags, mentions, links and emoji may follow one: "Open late tonight #LibraryWeek #Reading"
is fine. "#1" and "flat #3" are not hashtags. Example: `{kind: hashtags, max: 2, at_end: true}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from govern.checks.base import CompileEnv, Span, Subject

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "max": {"type": "integer", "min": 0},
    "at_end": {"type": "boolean"},
}

HASHTAG = re.compile(r"(?<![\w#&/])#[^\W\d_][\w]*")
# A link written without its scheme ("examplecouncil.gov.uk/bins").
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+(?:/\S*)?")
_PUNCTUATION = "()[]{}.,;:!?\"'“”‘’…-–—"


def _trailing(token: str) -> bool:
    """True for what may follow the last words of a post: a hashtag, a mention, a link,
    punctuation, emoji, or the initials a customer-service team signs a reply with ("^JB")."""
    t = token.strip(_PUNCTUATION)
    return (
        not any(c.isalnum() for c in t)
        or t[0] in "#@"
        or (t[0] == "^" and len(t) <= 5)
        or "://" in t
        or t.lower().startswith("www.")
        or _DOMAIN.fullmatch(t) is not None
    )


def last_word_end(text: str) -> int:
    """Where the last word that is not a hashtag, mention, link or sign-off ends (0 if none)."""
    i = len(text)
    while i > 0:
        while i > 0 and text[i - 1].isspace():
            i -= 1
        j = i
        while j > 0 and not text[j - 1].isspace():
            j -= 1
        if j < i and not _trailing(text[j:i]):
            return i
        i = j
    return 0


@dataclass
class Hashtags:
    max: int | None
    at_end: bool
    pattern: str | None = r"#[\pL]"

    def find(self, subject: Subject) -> list[Span]:
        text = subject.text
        found = [m.span() for m in HASHTAG.finditer(text)]
        if not found:
            return []
        spans: dict[tuple[int, int], str] = {}
        if self.at_end:
            words_end = last_word_end(text)
            for start, end in found:
                if end < words_end:
                    spans[start, end] = "Move hashtags to the end of the post."
        if self.max is not None and len(found) > self.max:
            for start, end in found:
                spans.setdefault((start, end), f"Use {self.max} hashtags at most.")
        return [Span(start, end, suggestion) for (start, end), suggestion in sorted(spans.items())]


def compile_hashtags(spec: dict[str, Any], env: CompileEnv) -> Hashtags | None:
    if "max" not in spec and not spec.get("at_end"):
        env.problem("G201", "a hashtags check needs 'max' or 'at_end: true'")
        return None
    return Hashtags(int(spec["max"]) if "max" in spec else None, bool(spec.get("at_end", False)))
