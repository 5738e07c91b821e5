"""`emoji`: emoji a screen reader would read out by name, one by one.

Catches: more than `max` emoji in a post, the same emoji repeated ("🎉🎉🎉"), and an emoji in
place of a word ("We ❤️ our parks", "come to the 📚", "Our libraries ❤️ books": right after a
word that needs another, or between two words of one sentence). Example: `{kind: emoji, max: 3}`.
An emoji is one picture however many code points make it: a flag, a keycap, a skin tone or a
family joined with zero-width joiners counts once. Reads the text as written (normalising
would drop the joiners), so spans are offsets in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from govern.checks.base import CompileEnv, Span, Subject

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "max": {"type": "integer", "min": 0},
    "repeats": {"type": "boolean"},
    "in_place_of_words": {"type": "boolean"},
}

# Pictographs (Unicode's Extended_Pictographic blocks), less the enclosed letters that D23 owns.
_PICTURE = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf\u23e9-\u23f3"
    "\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf\u2934\u2935\u2b05-\u2b07"
    "\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299\U0001f004\U0001f0cf\U0001f170\U0001f171"
    "\U0001f17e\U0001f17f\U0001f18e\U0001f191-\U0001f19a\U0001f201-\U0001f251\U0001f300-\U0001faff"
)
_MODIFIER = "\ufe0f\ufe0e\u20e3\U0001f3fb-\U0001f3ff"
_ONE = (
    rf"(?:[\U0001f1e6-\U0001f1ff]{{2}}"  # a flag: two regional indicators
    rf"|[0-9#*]\ufe0f?\u20e3"  # a keycap
    rf"|[{_PICTURE}][{_MODIFIER}\U000e0020-\U000e007f]*"
    rf"(?:\u200d[{_PICTURE}][{_MODIFIER}]*)*)"
)
EMOJI = re.compile(_ONE)
# A word after which a noun or verb must come: an emoji right after one stands for a word.
_NEEDS_WORD = frozenset(
    "the a an our your my his her their its we i you they to at of in on for with and or by from "
    "this that these those some more no".split()
)
# Text variants of a few symbols (©, ®, ™, arrows) are ordinary punctuation unless asked for.
_TEXT_SYMBOLS = frozenset("\u00a9\u00ae\u2122\u2194\u2195\u2196\u2197\u2198\u2199\u2139\u203c\u2049")


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """Where each emoji (one picture, however many code points) is in the text."""
    if text.isascii():
        return []
    return [
        m.span()
        for m in EMOJI.finditer(text)
        if m.group() not in _TEXT_SYMBOLS  # "©" alone is a symbol; "©️" is an emoji
    ]


@dataclass
class Emoji:
    max: int | None
    repeats: bool
    in_place_of_words: bool
    pattern: str | None = None
    reads_raw: bool = True

    def find(self, subject: Subject) -> list[Span]:
        text = subject.original
        found = emoji_spans(text)
        if not found:
            return []
        spans: dict[tuple[int, int], str] = {}
        if self.in_place_of_words:
            for start, end in found:
                before = text[max(0, start - 40) : start].split()
                after = text[end : end + 40].split()
                if before and (
                    before[-1].lower() in _NEEDS_WORD
                    # between two words of one sentence: "Our libraries ❤️ books"
                    or (before[-1][-1].isalpha() and after and after[0][0].islower())
                ):
                    spans[start, end] = "Say it in words: a screen reader reads the emoji's name."
        if self.repeats:
            seen: dict[str, int] = {}
            for start, end in found:
                seen[_base(text[start:end])] = seen.get(_base(text[start:end]), 0) + 1
            for start, end in found:
                if seen[_base(text[start:end])] > 1:
                    spans.setdefault((start, end), "Use each emoji once.")
        if self.max is not None and len(found) > self.max:
            for start, end in found:
                spans.setdefault((start, end), f"Use {self.max} emoji at most.")
        return [Span(start, end, suggestion) for (start, end), suggestion in sorted(spans.items())]


def _base(emoji: str) -> str:
    """The emoji without its presentation selector, so "❤" and "❤️" are the same one."""
    return emoji.replace("\ufe0f", "").replace("\ufe0e", "")


def compile_emoji(spec: dict[str, Any], env: CompileEnv) -> Emoji | None:
    if not any(k in spec for k in ("max", "repeats", "in_place_of_words")):
        env.problem("G201", "an emoji check needs 'max', 'repeats' or 'in_place_of_words'")
        return None
    return Emoji(
        int(spec["max"]) if "max" in spec else None,
        bool(spec.get("repeats", False)),
        bool(spec.get("in_place_of_words", False)),
    )
