"""`metric`: measures of how a text reads — capitals, repeated punctuation, reading grade.

Catches: shouting ("PLEASE STOP DUMPING", "!!"), and long sentences of long words.
Example: `{kind: metric, capitals: {min_words: 2, min_letters: 4, except: [NHS]}}`,
`{kind: metric, repeated: "!"}`, `{kind: metric, reading_grade: {above: 9, min_words: 20}}`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject

SCHEMA = {
    "kind": {"type": "string", "required": True},
    "capitals": {
        "type": "dict",
        "schema": {
            "min_words": {"type": "integer", "min": 1, "required": True},
            "min_letters": {"type": "integer", "min": 2, "required": True},
            "except": {"type": "list", "schema": {"type": "string"}},
        },
    },
    "repeated": {"type": "string", "minlength": 1},
    "links": {"type": "dict", "schema": {"min": {"type": "integer", "min": 1, "required": True}}},
    "reading_grade": {
        "type": "dict",
        "schema": {
            "above": {"type": "number", "required": True},
            "min_words": {"type": "integer", "min": 1, "required": True},
        },
    },
}

# Every pattern run on the text is linear in its length: one character class (Python's re cannot
# backtrack on it), a punctuation run matched only from its start (the look-behind), or RE2 — in
# Python's re the link pattern took 8.8 s on "a." * 10000 (each of 10,000 starts scanned the rest).
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+(?:\s|$)|\n\s*\n")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_LINK = re2.compile(
    r"(?i)https?://\S+|www\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|biz|info|shop|top|win|date|xyz|io|ly|me|co|uk|online|site|club|app)\b(?:/\S*)?"
)
# What every link found by _LINK contains, as RE2, for the quick pass.
_LINK_HINT = (
    r"(?i:https?://|www\.|[a-z0-9-]\.(?:com|net|org|biz|info|shop|top|win|date|xyz|io|ly|me|co|uk|online"
    r"|site|club|app)\b)"
)
# Links, addresses, hashtags and mentions are not read as words.
_DOTTED = re2.compile(r"[A-Za-z0-9]\.[A-Za-z0-9]")
_NOT_PROSE = re2.compile(r"https?://\S+|\S+@\S+|[#@]\w+|\b[\w-]+(?:\.[\w-]+)+(?:/\S*)?")


@functools.lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """A heuristic syllable count (vowel groups, less a silent final e), at least 1."""
    w = word.lower().strip("'’-")
    count = len(_VOWEL_GROUPS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if w.endswith(("ed", "es")) and count > 1 and not w.endswith(("ted", "ded", "ses", "zes", "ces", "ges")):
        count -= 1
    return max(1, count)


def reading_grade(text: str) -> tuple[float, int]:
    """Flesch-Kincaid grade level and the number of words (links and hashtags left out)."""
    if "@" in text or "#" in text or "/" in text or _DOTTED.search(text):  # cheap tests first
        text = _NOT_PROSE.sub(" ", text)
    words = _WORDS.findall(text)
    if not words:
        return 0.0, 0
    sentences = max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    syllable_count = sum(map(syllables, words))
    grade = 0.39 * len(words) / sentences + 11.8 * syllable_count / len(words) - 15.59
    return grade, len(words)


@dataclass
class Metric:
    capitals: tuple[int, int, frozenset[str]] | None
    repeated: re2._Regexp[str] | None
    grade: tuple[float, int] | None
    pattern: str | None = None
    links: int | None = None

    def find(self, subject: Subject) -> list[Span]:
        text = subject.text
        spans: list[Span] = []
        if self.capitals:
            min_words, min_letters, allowed = self.capitals
            shouted = [
                m
                for m in _WORDS.finditer(text)
                if sum(c.isalpha() for c in m.group()) >= min_letters
                and m.group().isupper()
                and m.group().strip("'’-") not in allowed
            ]
            if len(shouted) >= min_words:
                spans += [Span(m.start(), m.end(), m.group().capitalize()) for m in shouted]
        if self.repeated:
            spans += [Span(m.start(), m.end(), m.group()[0]) for m in self.repeated.finditer(text)]
        if self.links:
            found = list(_LINK.finditer(text))
            if len(found) >= self.links:
                spans += [Span(m.start(), m.end()) for m in found]
        if self.grade and len(text.split()) >= self.grade[1]:
            above, min_words = self.grade
            grade, words = reading_grade(text)
            if words >= min_words and grade > above:
                start = len(text) - len(text.lstrip())
                spans.append(Span(start, len(text.rstrip())))
        return spans


def compile_metric(spec: dict[str, Any], env: CompileEnv) -> Metric | None:
    if not any(k in spec for k in ("capitals", "repeated", "reading_grade", "links")):
        env.problem("G201", "a metric check needs 'capitals', 'repeated', 'links' or 'reading_grade'")
        return None
    caps = spec.get("capitals")
    capitals = None
    if isinstance(caps, dict):
        capitals = (int(caps["min_words"]), int(caps["min_letters"]), frozenset(caps.get("except", [])))
    repeated = None
    hints = []
    if capitals:
        hints.append(f"[A-Z]{{{capitals[1]}}}")
    if isinstance(spec.get("repeated"), str):
        chars = re2.escape(str(spec["repeated"]))
        repeated = re2.compile(f"[{chars}]{{2,}}")
        hints.append(f"[{chars}]{{2}}")
    grade = spec.get("reading_grade")
    # Capitals and repetition cannot be found where the quick pass finds no run of them.
    links = spec.get("links")
    if isinstance(links, dict):
        # Only texts with as many link-like runs as the minimum need the full link scan.
        hints.append(r"(?s:" + r".*".join([_LINK_HINT] * int(links["min"])) + ")")
    pattern = None if grade else "(?:" + "|".join(hints) + ")"
    return Metric(
        capitals,
        repeated,
        (float(grade["above"]), int(grade["min_words"])) if isinstance(grade, dict) else None,
        pattern,
        int(links["min"]) if isinstance(links, dict) else None,
    )
