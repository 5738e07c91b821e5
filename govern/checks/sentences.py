"""`sentences`: sentences longer than people can follow on a phone screen.

Catches: a sentence of more than `max_words` words. Example: `{kind: sentences, max_words: 25}`.
A sentence ends at ".", "!" or "?" before a space, or at a line break (each line of a list is
its own sentence). Links, hashtags and mentions count as one word each. The finding covers the
sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from govern.checks.base import CompileEnv, Span, Subject

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "max_words": {"type": "integer", "min": 1, "required": True},
}

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n")
_WORD = re.compile(r"\S*[^\W_]\S*")


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the text's sentences, without the spaces around them."""
    spans = []
    start = 0
    for m in _END.finditer(text):
        spans.append((start, m.end() if text[m.start()] != "\n" else m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        piece = text[a:b]
        stripped = piece.strip()
        if stripped:
            a += len(piece) - len(piece.lstrip())
            out.append((a, a + len(stripped)))
    return out


@dataclass
class Sentences:
    max_words: int
    pattern: str | None = None

    def find(self, subject: Subject) -> list[Span]:
        text = subject.text
        if text.count(" ") < self.max_words:  # too few spaces for any sentence to be too long
            return []
        spans = []
        for start, end in sentences(text):
            words = len(_WORD.findall(text, start, end))
            if words > self.max_words:
                spans.append(Span(start, end, f"Split this sentence of {words} words into shorter ones."))
        return spans


def compile_sentences(spec: dict[str, Any], env: CompileEnv) -> Sentences | None:
    return Sentences(int(spec["max_words"]))
