"""`profanity`: swear words from the pack's own list, by severity, seen through disguises.

Catches: strong swearing as written and disguised ("fuck", "f*ck", "sh1t", "f u c k",
"fuuuuck", "c**t"). A strong word aimed at someone ("fuck you", "you're a prick", "Tom is a
twat") keeps the rule's action (remove); strong swearing aimed at no one ("what the fuck is
going on with the bins") is borderline and is held (`borderline: hold`).
Why: the written policy (M3) removes clearly offensive swearing and holds what is borderline;
mild words used for emphasis ("bloody brilliant", "damn potholes") are published, so they are
listed under `mild` and only reported when `severity: mild` asks for them.
Leaves alone the Scunthorpe problem: words are matched whole ("Scunthorpe", "cocktail",
"Dickens"), and `exceptions` (RE2) name the innocent uses of a listed word ("a garden hoe",
"cock pheasant", "pussy willow"); a listed word inside one is not reported.

    - kind: profanity
      strong: [fuck*, shit, cunt, ...]      # * at either end: more letters ("fuckwit", "clusterfuck")
      mild: [bloody, damn, crap, hell]
      exceptions: ['\\b(?:garden|dutch)\\s+hoes?\\b']
      severity: strong                     # report strong words only (the default), or mild too
      borderline: hold                     # the action for strong words aimed at no one

Instead: say what is wrong without the swear word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.evidence import MAX_SPANS, alternation, compile_re2, disguised, endings, fold
from govern.checks.patterns import compile_regex

WORDS = {"type": "list", "schema": {"type": "string", "empty": False, "regex": r"^\*?[^*]+\*?$"}}

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "strong": {**WORDS, "required": True, "empty": False},
    "mild": WORDS,
    "exceptions": {"type": "list", "schema": {"type": "string", "empty": False}},
    "severity": {"type": "string", "allowed": ["strong", "mild"]},
    "borderline": {"type": "string", "allowed": ["hold", "remove"]},
}

# Someone the word is aimed at: a person named by a pronoun close by, or the word used as a
# noun for someone ("is a prick", "you twat", "a total wanker"), or "fuck you", "piss off".
PERSONS = frozenset(
    "you u ya yer your you're youre you’re yourself yourselves he she him her his they them".split()
)
ARTICLES = frozenset("a an".split())
INTENSIFIERS = frozenset(
    "total complete absolute utter proper right real fucking bloody little stupid fat".split()
)
# Strong nouns for a mess, never for a person: "the parking is a shitshow" is held, not removed.
SITUATIONS = frozenset(
    "shitshow shitshows shitstorm shitstorms shithole shitholes clusterfuck clusterfucks shitfest".split()
)
_NON_WORD = re.compile(r"[^\w'’]+")
AIMED_AFTER = compile_re2(r"^\s*(?:you|u|ya|yourself|yourselves|off|him|her|them)\b")


def aimed(text: str, start: int, end: int) -> bool:
    """Whether a strong word at [start, end) is aimed at someone rather than used for emphasis."""
    if AIMED_AFTER.search(text[end : end + 20]):
        return True
    clause = re.split(r"[.!?;:,\n]", text[max(0, start - 60) : start])[-1]
    before = _NON_WORD.sub(" ", clause).split()
    if any(w in PERSONS for w in before[-6:]):
        return True
    word = text[start:end]
    if word.endswith(("ing", "in", "y", "ed")) or before[-2:] == ["what", "a"] or word in SITUATIONS:
        return False  # "fucking", "shitty", "what a clusterfuck": emphasis, not a name for someone
    # "a prick", "a total twat", "an absolute fucking wanker": the word names a person
    if before and before[-1] in ARTICLES:
        return True
    return len(before) > 1 and before[-2] in ARTICLES and before[-1] in INTENSIFIERS


@dataclass
class Profanity:
    regex: re2._Regexp[str]
    strong: re2._Regexp[str]
    exceptions: re2._Regexp[str] | None
    borderline: str | None
    pattern: str | None = None  # disguised words need not match the text as written

    def find(self, subject: Subject) -> list[Span]:
        folded = fold(subject.text)
        text = folded.text
        if not self.regex.search(text):
            return []
        innocent = [m.span() for m in self.exceptions.finditer(text)] if self.exceptions else []
        spans = []
        for m in self.regex.finditer(text):
            start, end = m.span()
            if end <= start or any(a <= start and end <= b for a, b in innocent):
                continue
            action = None
            if self.strong.fullmatch(m.group()) and not aimed(text, start, end):
                action = self.borderline
            spans.append(Span(*folded.span(start, end), action=action))
            if len(spans) >= MAX_SPANS:
                break
        return spans


def compile_profanity(spec: dict[str, Any], env: CompileEnv) -> Profanity | None:
    strong = [disguised(str(w)) for w in spec["strong"]]
    mild = [disguised(str(w)) for w in spec.get("mild", [])]
    exceptions: list[str] = []
    for i, source in enumerate(spec.get("exceptions", [])):
        compiled = compile_regex(str(source), case_sensitive=False)
        if isinstance(compiled, str):
            env.problem("G402", f"pattern does not compile: {compiled}: {source}", "exceptions", i)
        exceptions.append(str(source))
    if env.problems:
        return None
    listed = strong + (mild if spec.get("severity") == "mild" else [])
    borderline = spec.get("borderline", "hold")
    return Profanity(
        regex=compile_re2(endings(alternation(listed))),
        strong=compile_re2(endings(alternation(strong))),
        exceptions=compile_re2("(?:" + "|".join(f"(?:{e})" for e in exceptions) + ")")
        if exceptions
        else None,
        borderline=None if borderline == "remove" else str(borderline),
    )
