"""`words`: a word list that also finds the words disguised with symbols, digits or spaces.

Catches: swearing and slurs as written ("shit") and as disguised ("sh1t", "$hit", "s h i t",
"s.h.i.t", "f*ck", "fuuuck"; look-alike letters, accents and invisible characters are undone
before any check runs). Example: `{kind: words, words: [shit, "f*ck"]}`. A word matches whole
words only, with simple endings (s, es, ed, ing, er, ers, y); a `*` in a listed word stands for
any letters. `disguised: false` matches the words as written (any case) and nothing else.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.disguises import LEET as LEET  # the classifier reads the same look-alikes
from govern.checks.disguises import unmasked

SCHEMA = {
    "kind": {"type": "string", "required": True},
    "words": {"type": "list", "required": True, "empty": False, "schema": {"type": "string", "empty": False}},
    "disguised": {"type": "boolean"},
    "skip_quoted": {"type": "boolean"},
}


def word_body(word: str, disguised: bool = True) -> str:
    """A listed word's letters as RE2: a letter after the first may be masked ("f*ck"), and,
    when `disguised`, any letter repeated ("fuuuck", "shiiit"); `*` in the word is any letters."""
    w = word.lower()
    more = "+" if disguised else ""
    body = re2.escape(w[0]) + (more if w[0].isalpha() else "")
    return body + "".join("[a-z_]+?" if c == "*" else f"[{re2.escape(c)}_]{more}" for c in w[1:])


def word_pattern(word: str, disguised: bool = True) -> str:
    """A listed word as a whole word, with simple endings (see `word_body`)."""
    w = word.lower()
    doubled = "" if disguised or not w[-1].isalpha() else f"{re2.escape(w[-1])}?"  # shit -> shitty
    return rf"\b{word_body(word, disguised)}{doubled}(?:s|es|ed|ing|er|ers|y)?\b"


# Quoted words are someone else's: "called him a 'p*ki'" reports a slur, it does not use one.
QUOTED = re.compile(r"\"[^\"]{1,200}\"|“[^”]{1,200}”|‘[^’]{1,200}’|(?<![\w'’])'[^'\n]{1,200}'(?![\w'’])")


def _inside(spans: Sequence[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether [a, b) lies inside one of `spans` (in order, not overlapping; `starts` theirs)."""
    i = bisect.bisect_right(starts, a) - 1
    return i >= 0 and b <= spans[i][1]


@dataclass
class Words:
    pattern: str
    regex: re2._Regexp[str]
    disguised: bool
    skip_quoted: bool = False
    spelled: re2._Regexp[str] | None = None  # the words anywhere inside letters spelled out

    def find(self, subject: Subject) -> list[Span]:
        spans = self._find(subject)
        if self.skip_quoted and spans:
            quoted = [m.span() for m in QUOTED.finditer(subject.text)]
            starts = [a for a, _ in quoted]
            spans = [s for s in spans if not _inside(quoted, starts, s.start, s.end)]
        return spans

    def _find(self, subject: Subject) -> list[Span]:
        if not self.disguised:
            return [Span(m.start(), m.end()) for m in self.regex.finditer(subject.text)]
        plain = unmasked(subject.text)
        found = [m.span() for m in self.regex.finditer(plain.text) if m.end() > m.start()]
        if plain.spelled_out and self.spelled is not None:  # "f u c k y o u" reads "fuckyou"
            starts = [a for a, _ in plain.spelled_out]
            known = set(found)
            found += [
                m.span()
                for m in self.spelled.finditer(plain.text)
                if _inside(plain.spelled_out, starts, m.start(), m.end()) and m.span() not in known
            ]
            found.sort()
        where = plain.where
        if where is None:
            return [Span(a, b) for a, b in found]
        return [Span(where[a], where[b - 1] + 1) for a, b in found]


def compile_words(spec: dict[str, Any], env: CompileEnv) -> Words | None:
    disguised = bool(spec.get("disguised", True))
    alternatives = [word_pattern(str(w), disguised) for w in spec["words"]]
    pattern = "(?i)(?:" + "|".join(alternatives) + ")"
    spelled = "(?i)(?:" + "|".join(word_body(str(w)) for w in spec["words"]) + ")"
    # A disguised word is looked for in the text's disguise variants too (the engine's quick pass
    # as well: see `disguised`).
    return Words(
        pattern,
        re2.compile(pattern),
        disguised,
        bool(spec.get("skip_quoted")),
        re2.compile(spelled) if disguised else None,
    )
