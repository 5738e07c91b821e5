"""`words`: a word list that also finds the words disguised with symbols, digits or spaces.

Catches: swearing and slurs as written ("shit") and as disguised ("sh1t", "s h i t", "f*ck").
Example: `{kind: words, words: [shit, "f*ck"]}`. A word matches whole words only, with simple
endings (s, es, ed, ing, er, ers, y); a `*` in a listed word stands for any letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject

SCHEMA = {
    "kind": {"type": "string", "required": True},
    "words": {"type": "list", "required": True, "empty": False, "schema": {"type": "string", "empty": False}},
    "disguised": {"type": "boolean"},
    "skip_quoted": {"type": "boolean"},
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


# Three or more single letters, each followed by one separator: "f u c k", "f.u.c.k".
_SPELLED_OUT = re.compile(rf"(?<![a-z_])[a-z_](?:[{re.escape(SEPARATORS)}][a-z_]){{2,}}(?![a-z_])")


def normalise(text: str) -> tuple[str, list[int] | None]:
    """Lower-case, undo look-alike characters and join letters spelled out one by one.

    Returns the new text and, when letters were joined, the position in `text` of each of its
    characters (None means the positions are unchanged).
    """
    lowered = text.lower().translate(LEET)
    if len(lowered) != len(text):  # lower() changed a length (e.g. "İ"): map conservatively
        lowered = "".join(c.lower()[:1] or c for c in text).translate(LEET)
    runs = list(_SPELLED_OUT.finditer(lowered))
    if not runs:
        return lowered, None
    out: list[str] = []
    where: list[int] = []
    last = 0
    for run in runs:
        start = run.start()
        # "a" and "I" are words of their own: "a f u c k" is "a fuck", not "afuck".
        if lowered[start] in "ai" and run.end() - start >= 7:
            start += 2
        out.append(lowered[last:start])
        where.extend(range(last, start))
        for i in range(start, run.end(), 2):
            out.append(lowered[i])
            where.append(i)
        last = run.end()
    out.append(lowered[last:])
    where.extend(range(last, len(lowered)))
    return "".join(out), where


def word_pattern(word: str) -> str:
    """A listed word as RE2: any letter after the first may be masked; `*` is any letters."""
    w = word.lower()
    body = re2.escape(w[0]) + "".join("[a-z_]+?" if c == "*" else f"[{re2.escape(c)}_]" for c in w[1:])
    doubled = f"{re2.escape(w[-1])}?" if w[-1].isalpha() else ""  # shit -> shitty
    return rf"\b{body}{doubled}(?:s|es|ed|ing|er|ers|y)?\b"


# Quoted words are someone else's: "called him a 'p*ki'" reports a slur, it does not use one.
QUOTED = re.compile(r"\"[^\"]{1,200}\"|“[^”]{1,200}”|‘[^’]{1,200}’|(?<![\w'’])'[^'\n]{1,200}'(?![\w'’])")


@dataclass
class Words:
    pattern: str | None
    regex: re2._Regexp[str]
    disguised: bool
    skip_quoted: bool = False

    def find(self, subject: Subject) -> list[Span]:
        spans = self._find(subject)
        if self.skip_quoted and spans:
            quoted = [m.span() for m in QUOTED.finditer(subject.text)]
            spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in quoted)]
        return spans

    def _find(self, subject: Subject) -> list[Span]:
        if not self.disguised:
            return [Span(m.start(), m.end()) for m in self.regex.finditer(subject.text)]
        plain, where = normalise(subject.text)
        spans = []
        for m in self.regex.finditer(plain):
            if m.end() > m.start():
                if where is None:
                    spans.append(Span(m.start(), m.end()))
                else:
                    spans.append(Span(where[m.start()], where[m.end() - 1] + 1))
        return spans


def compile_words(spec: dict[str, Any], env: CompileEnv) -> Words | None:
    alternatives = [word_pattern(str(w)) for w in spec["words"]]
    pattern = "(?i)(?:" + "|".join(alternatives) + ")"
    disguised = bool(spec.get("disguised", True))
    # A disguised word need not match the raw text, so it cannot be skipped on a raw-text pass.
    return Words(
        None if disguised else pattern, re2.compile(pattern), disguised, bool(spec.get("skip_quoted"))
    )
