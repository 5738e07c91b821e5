"""`words`: a word list that also finds the words disguised with symbols, digits or spaces.

Catches: swearing and slurs as written ("shit") and as disguised ("sh1t", "$hit", "s h i t",
"s.h.i.t", "f*ck", "fuuuck"; look-alike letters, accents and invisible characters are undone
before any check runs). Example: `{kind: words, words: [shit, "f*ck"]}`. A word matches whole
words only, with simple endings (s, es, ed, ing, er, ers, y); a `*` in a listed word stands for
any letters. `disguised: false` matches the words as written (any case) and nothing else.
"""

from __future__ import annotations

import re
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


def word_pattern(word: str, disguised: bool = True) -> str:
    """A listed word as RE2: a letter after the first may be masked ("f*ck"), and, when
    `disguised`, any letter repeated ("fuuuck", "shiiit"); `*` in the word is any letters."""
    w = word.lower()
    more = "+" if disguised else ""
    body = re2.escape(w[0]) + (more if w[0].isalpha() else "")
    body += "".join("[a-z_]+?" if c == "*" else f"[{re2.escape(c)}_]{more}" for c in w[1:])
    doubled = "" if disguised or not w[-1].isalpha() else f"{re2.escape(w[-1])}?"  # shit -> shitty
    return rf"\b{body}{doubled}(?:s|es|ed|ing|er|ers|y)?\b"


# Quoted words are someone else's: "called him a 'p*ki'" reports a slur, it does not use one.
QUOTED = re.compile(r"\"[^\"]{1,200}\"|“[^”]{1,200}”|‘[^’]{1,200}’|(?<![\w'’])'[^'\n]{1,200}'(?![\w'’])")


@dataclass
class Words:
    pattern: str
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
        plain = unmasked(subject.text)
        where = plain.where
        return [
            Span(m.start(), m.end()) if where is None else Span(where[m.start()], where[m.end() - 1] + 1)
            for m in self.regex.finditer(plain.text)
            if m.end() > m.start()
        ]


def compile_words(spec: dict[str, Any], env: CompileEnv) -> Words | None:
    disguised = bool(spec.get("disguised", True))
    alternatives = [word_pattern(str(w), disguised) for w in spec["words"]]
    pattern = "(?i)(?:" + "|".join(alternatives) + ")"
    # A disguised word is looked for in the text's disguise variants too (the engine's quick pass
    # as well: see `disguised`).
    return Words(pattern, re2.compile(pattern), disguised, bool(spec.get("skip_quoted")))
