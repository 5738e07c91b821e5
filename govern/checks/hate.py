"""`hate`: attacks on people for a protected characteristic, named by the words that make them.

Catches, for a protected group named in words or emoji (Muslims, ☪️, 🕍, 🏳️‍🌈, 👳, trans people,
disabled people, immigrants, women, ...), or by a pronoun ("they", "these people") after the
group was named earlier in the comment:
- derogation: "Muslims are disgusting", "Why are women so stupid?", "I hate gay people",
  "filthy immigrants", "trans people are not real women", "disabled people are a burden";
- dehumanisation: "immigrants are vermin", "they breed like rats", "a plague of refugees";
- exclusion: "send them back", "no more Muslims", "Travellers don't belong here";
- negated positives and possessives: "no woman is fit to run the council", "a Muslim's word means
  nothing", "they'll never be good enough";
- implicit derogation with no derogatory word, tied to the group: "since the refugees moved in you
  can't walk the streets at night", "women belong at home", "just what this estate needed, more ...";
- threats to a group: "gas the Jews", "gay people should be shot";
- slurs from the pack's list, disguised too ("f a g g o t s", "n1gger").
Why: the written policy (M2) removes these whatever the spelling. It publishes what only looks
like them, so a match is not reported when it is quoted, negated ("I don't hate women", "not
all Muslims are terrorists"), reported or rebutted ("people who say immigrants are vermin are
wrong", "Saying Muslims are terrorists is disgusting"), or when a slur is a homonym
(`exceptions`: "a garden hoe", "fags" meaning cigarettes, a sea "dyke") or reclaimed by the
speaker ("I'm a proud dyke"). Neutral and kind mentions ("I love Muslims") carry no derogation,
so they are never matched.

    - kind: hate
      slurs: [faggot, "n*gger"]           # disguised spellings are found too
      reclaimable: [dyke, queer]          # published when the speaker claims them ("I'm a proud dyke")
      exceptions: ['\\bgarden\\s+hoes?\\b'] # RE2: innocent uses of a slur

Instead: criticise a decision, not a group of people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.evidence import (
    MAX_SPANS,
    Context,
    alternation,
    compile_re2,
    disguised,
    endings,
    expand,
    fold,
)
from govern.checks.groups import GROUP, MEMBER, marked
from govern.checks.hate_lexicon import (
    _COP,
    ADVERBS,
    ARTICLED,
    COMPARISON_EXCUSED,
    COMPARISONS,
    CONTEXT,
    HATE_VERBS,
    IMPLICIT,
    KILL,
    KILLED,
    MORE_TEMPLATES,
    NEGATIVE,
    NEGATIVE_BEFORE,
    NEGATIVE_EMOJI,
    POSITIVE,
    POSSESSIVE,
    PRONOUNS,
    TEMPLATES,
    misspelt,
)
from govern.checks.hate_praise import ACCESS, praised
from govern.checks.hate_praise import templates as denial_templates
from govern.checks.hate_predicates import FRAGMENT, derogatory
from govern.checks.hate_predicates import templates as predicate_templates
from govern.checks.patterns import compile_regex

PATTERNS = {"type": "list", "schema": {"type": "string", "empty": False}}

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "slurs": {"type": "list", "schema": {"type": "string", "empty": False, "regex": r"^\*?[^*]+\*?$"}},
    "reclaimable": {"type": "list", "schema": {"type": "string", "empty": False}},
    "exceptions": PATTERNS,
}

RECLAIMED = compile_re2(
    r"\b(?:i['’]?m|i\s+am|we['’]?re|we\s+are|as\s+an?|us|we|proud|i\s+was|being)"
    r"(?:\s+(?:a|an|proud|happy|fellow|black|gay|trans|big|old|queer|butch|bunch\s+of))*\s+$"
)
SLUR_REPORTED = compile_re2(
    r"\b(?:call(?:s|ed|ing)?\s+(?:me|us|him|her|them|my\s+\w+|our\s+\w+|people|someone|a\s+\w+)"
    r"(?:\s+\w+){0,2}|shout(?:s|ed|ing)?(?:\s+\w+){0,3}|the\s+(?:word|term|slur|insult)s?|word|term|"
    r"saying|said|says|using|use|spray(?:ed)?|paint(?:ed)?|wrote|written|graffiti)\W+(?:\w+\W+){0,2}$"
)
MARKERS = GROUP + MEMBER
# after a claim: what turns its last word into a description of harm done ("violent crime victims")
HARMED = compile_re2(r"^\s+(?:\S+\s+){0,3}?(?:victims|survivors|targets)\b")
OBJECT = compile_re2(r"\b(?:to|at|for|with|about|towards|against|on|from|by|of|near|around)\s+$")
VICTIMS = compile_re2(
    r"\b(?:attacked|abused|assaulted|harassed|targeted|victims?|spat\s+at|threatened|beaten\s+up|hate\s+crimes?|"
    r"racially\s+abused|bullied)\b"
)


@dataclass
class Hate:
    # claims about a group named, or referred to by a pronoun: the short shapes (any space may be missing)
    # and the longer ones (spaces as written), each cut into a few programs, as RE2 scans several
    # middling programs faster than one huge one (its lazily built automaton stays in its cache)
    about: tuple[re2._Regexp[str], ...]
    general: re2._Regexp[str]  # claims that name no group ("go back where you came from")
    implicit: re2._Regexp[str]  # derogation that needs a group named somewhere ("there goes the ...")
    comparisons: re2._Regexp[str]  # a group likened to vermin or disease
    excused: re2._Regexp[str]  # what makes a comparison a description of mistreatment or a denial
    articled: re2._Regexp[str]  # one member named with an article ("a woman", "every Muslim")
    # a group and the one word said of it ("Jews are heartless"), in group 1; one program a shape, as
    # in one alternation an earlier shape's match would hide a later one's ("sneaky and arrogant")
    predicates: tuple[re2._Regexp[str], ...]
    judged_any: re2._Regexp[str]  # predicates and denials in one program: a text matching none skips them
    derogatory: frozenset[str]  # the words that, so said, derogate (hate_predicates)
    denials: tuple[re2._Regexp[str], ...]  # a group and the one word denied it ("women are far from capable")
    praised: frozenset[str]  # the words that, so denied, belittle (hate_praise)
    access: re2._Regexp[str]  # after a denial: what makes it about access ("... up those steps")
    slurs: re2._Regexp[str] | None
    reclaimable: re2._Regexp[str] | None
    exceptions: re2._Regexp[str] | None
    context: Context
    pattern: str | None = None

    def find(self, subject: Subject) -> list[Span]:
        folded = fold(subject.text)
        found = self._slurs(folded.text) if self.slurs is not None and self.slurs.search(folded.text) else []
        mark = marked(subject.text)
        text = mark.text
        claims: list[tuple[int, int]] = []
        if self.general.search(text):  # finditer costs more than search in the RE2 binding
            claims += [m.span() for m in self.general.finditer(text)]
        named_one = mark.has_group or self.articled.search(text) is not None  # "a woman is ..."
        first = min((i for i in (text.find(GROUP), text.find(MEMBER)) if i >= 0), default=len(text))
        for about in self.about if named_one else ():
            for m in about.finditer(text) if about.search(text) else ():
                # a pronoun ("they are vermin") counts when a group was named before it
                named = first < m.end()
                if m.group().startswith("them") and OBJECT.search(text[max(0, m.start() - 16) : m.start()]):
                    continue  # "the staff were rude to them, disgusting": the group is the object
                if named or self.articled.search(m.group()):
                    claims.append(m.span())
        judgements = [(p, self.derogatory, False) for p in self.predicates]
        judgements += [(p, self.praised, True) for p in self.denials]
        for judged, words, denied in judgements if named_one and self.judged_any.search(text) else ():
            for m in judged.finditer(text) if judged.search(text) else ():
                g = next((g for g in range(1, judged.groups + 1) if m.start(g) >= 0), 0)
                about_one = first < m.end() or self.articled.search(m.group()) is not None
                if denied and self.access.search(text[m.end() :]):
                    continue
                word = m.group(g) if g else ""
                if g and (word in words or word.rsplit("-", 1)[-1] in words) and about_one:
                    # a fragment's claim starts in its own clause, after the stop before it
                    start = m.start() + len(m.group()) - len(m.group().lstrip(" .!?;:\n"))
                    claims.append((start, m.end(g)))  # up to the word judged
        if mark.has_group or named_one:
            # a fragment ("... Should be locked up.") reads as about a group only when a group was named
            # ... and not when the group is the victim ("Trans people were attacked in town. Animals.")
            if not VICTIMS.search(text):
                implied = self.implicit.finditer(text)
                claims += [m.span() for m in implied if GROUP in text or "should" not in m.group()]
            likened = self.comparisons.finditer(text)
            claims += [m.span() for m in likened if not self.excused.search(m.group())]
        for a, b in claims:
            if len(found) >= MAX_SPANS:
                break
            if b > a and not self.context.cancels(text, a, b) and not HARMED.search(text[b : b + 40]):
                found.append(mark.span(a, b))
        return [Span(*folded.span(a, b)) for a, b in sorted(set(found))]

    def _slurs(self, text: str) -> list[tuple[int, int]]:
        assert self.slurs is not None
        innocent = [m.span() for m in self.exceptions.finditer(text)] if self.exceptions else []
        spans = []
        for m in self.slurs.finditer(text):
            a, b = m.span()
            if b <= a or any(x <= a and b <= y for x, y in innocent) or self.context.quoted(text, a, b):
                continue
            before = text[max(0, a - 60) : a]
            if SLUR_REPORTED.search(before):
                continue
            if self.reclaimable is not None and self.reclaimable.fullmatch(m.group()):
                if RECLAIMED.search(before):
                    continue
            spans.append((a, b))
        return spans


CHUNKS = 4  # programs per family of claim shapes (measured with bench/moderation.py)


def _chunks(items: list[str], n: int) -> list[list[str]]:
    size = -(-len(items) // n)
    return [items[i : i + size] for i in range(0, len(items), size)]


def _union(sources: list[str]) -> str:
    return "(?:" + "|".join(f"(?:{s})" for s in sources) + ")"


def compile_hate(spec: dict[str, Any], env: CompileEnv) -> Hate | None:
    exceptions = [str(e) for e in spec.get("exceptions", [])]
    for i, source in enumerate(exceptions):
        compiled = compile_regex(source, case_sensitive=False)
        if isinstance(compiled, str):
            env.problem("G402", f"pattern does not compile: {compiled}: {source}", "exceptions", i)
    if env.problems:
        return None
    slots = {
        "G": f"(?:{GROUP}|{PRONOUNS})",
        "GS": MEMBER,
        "NEG": alternation([*NEGATIVE, *misspelt(NEGATIVE)]),
        "NEGE": NEGATIVE_EMOJI,
        "NEGB": alternation(NEGATIVE_BEFORE),
        # a marker is not a word character, so a word boundary follows words only
        "POS": alternation(p if p.endswith("]") else p + r"\b" for p in POSITIVE),
        "ADV": alternation(ADVERBS),
        "HATE": alternation([*HATE_VERBS, *misspelt(HATE_VERBS)]).replace(r"\b", ""),
        "KILL": alternation([*KILL, *misspelt(KILL)]),
        "KILLED": alternation([*KILLED, *misspelt(KILLED)]),
    }
    slots["GA"] = expand(ARTICLED, slots)

    def shapes(templates: list[str], g: str) -> str:
        # Words may run together ("Ihate", "dirtyrats", "Killall"): any space in a claim may be missing.
        named = {**slots, "G": g, "GP": expand(POSSESSIVE, {**slots, "G": g})}
        return _union([expand(t, named).replace(r"\s+", r"\s*") for t in templates])

    def written(templates: list[str], g: str) -> str:
        named = {**slots, "G": g, "GP": expand(POSSESSIVE, {**slots, "G": g})}
        return _union([expand(t, named) for t in templates])

    about = [t for t in TEMPLATES if "{G" in t]
    possessive = {**slots, "GP": expand(POSSESSIVE, slots)}
    predicate_shapes = [expand(t, possessive) for t in [*predicate_templates(_COP), FRAGMENT]]
    denial_shapes = [expand(t, possessive) for t in denial_templates(_COP)]
    slurs = [endings(disguised(str(s))) for s in spec.get("slurs", [])]
    reclaimable = [endings(disguised(str(s))) for s in spec.get("reclaimable", [])]
    return Hate(
        about=tuple(
            compile_re2(build(part, slots["G"]))
            for build, shown in ((shapes, about), (written, [t for t in MORE_TEMPLATES if "{G" in t]))
            for part in _chunks(shown, CHUNKS)
        ),
        general=compile_re2(
            _union(
                [
                    shapes([t for t in TEMPLATES if t not in about], GROUP),
                    written([t for t in MORE_TEMPLATES if "{G" not in t], GROUP),
                ]
            )
        ),
        implicit=compile_re2(_union([expand(t, slots) for t in IMPLICIT])),
        comparisons=compile_re2(_union([expand(t, {**slots, "G": GROUP}) for t in COMPARISONS])),
        excused=compile_re2(COMPARISON_EXCUSED),
        articled=compile_re2(slots["GA"]),
        predicates=tuple(compile_re2(p) for p in predicate_shapes),
        judged_any=compile_re2(_union([*predicate_shapes, *denial_shapes])),
        derogatory=derogatory(),
        denials=tuple(compile_re2(p) for p in denial_shapes),
        praised=praised(),
        access=compile_re2(ACCESS),
        slurs=compile_re2(alternation(slurs)) if slurs else None,
        reclaimable=compile_re2(alternation(reclaimable)) if reclaimable else None,
        exceptions=compile_re2(_union(exceptions)) if exceptions else None,
        context=CONTEXT,
    )
