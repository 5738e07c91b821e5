"""`words`: a word list that also finds the words disguised with symbols, digits or spaces.

Catches: swearing and slurs as written ("shit") and as disguised ("sh1t", "s h i t", "f*ck").
Example: `{kind: words, words: [shit, "f*ck"]}`. A word matches whole words only, with simple
endings (s, es, ed, ing, er, ers, y); a `*` in a listed word stands for any letters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject

SCHEMA = {
    "kind": {"type": "string", "required": True},
    "words": {"type": "list", "required": True, "empty": False, "schema": {"type": "string", "empty": False}},
    "disguised": {"type": "boolean"},
}

# Characters people put in place of letters; a mask (*) becomes "_", a word character, so that
# "f*ck" is one word to RE2's \b.
LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "i",
        "€": "e",
        "*": "_",
    }
)
SEPARATORS = " .-"


def _letter(c: str) -> bool:
    return c.isalpha() or c == "_"


def normalise(text: str) -> tuple[str, list[int]]:
    """Lower-case, undo look-alike characters, join letters spelled out one by one ("f u c k",
    "f.u.c.k"), and map each output character back to its position in `text`."""
    lowered = text.lower().translate(LEET)
    out: list[str] = []
    where: list[int] = []
    i, n = 0, len(lowered)
    while i < n:
        # a run of three or more single letters, each followed by one separator: join it
        spots: list[int] = []
        j = i
        while (
            j < n
            and _letter(lowered[j])
            and (j == 0 or not _letter(lowered[j - 1]) or spots)
            and (j + 1 >= n or not _letter(lowered[j + 1]))
        ):
            spots.append(j)
            if j + 2 < n and lowered[j + 1] in SEPARATORS and _letter(lowered[j + 2]):
                j += 2
            else:
                break
        if len(spots) >= 3:
            out += [lowered[k] for k in spots]
            where += spots
            i = spots[-1] + 1
            continue
        out.append(lowered[i])
        where.append(i)
        i += 1
    return "".join(out), where


def word_pattern(word: str) -> str:
    """A listed word as RE2: any letter after the first may be masked; `*` is any letters."""
    w = word.lower()
    body = re2.escape(w[0]) + "".join("[a-z_]+?" if c == "*" else f"[{re2.escape(c)}_]" for c in w[1:])
    return rf"\b{body}(?:s|es|ed|ing|er|ers|y)?\b"


@dataclass
class Words:
    pattern: str | None
    regex: re2._Regexp
    disguised: bool

    def find(self, subject: Subject) -> list[Span]:
        if not self.disguised:
            return [Span(m.start(), m.end()) for m in self.regex.finditer(subject.text)]
        plain, where = normalise(subject.text)
        spans = []
        for m in self.regex.finditer(plain):
            if m.end() > m.start():
                spans.append(Span(where[m.start()], where[m.end() - 1] + 1))
        return spans


def compile_words(spec: dict[str, Any], env: CompileEnv) -> Words | None:
    alternatives = [word_pattern(str(w)) for w in spec["words"]]
    pattern = "(?i)(?:" + "|".join(alternatives) + ")"
    disguised = bool(spec.get("disguised", True))
    # A disguised word need not match the raw text, so it cannot be skipped on a raw-text pass.
    return Words(None if disguised else pattern, re2.compile(pattern), disguised)
