"""`hostility`: a hostile tone aimed at the reader — blame, sarcasm, condescension, dismissal
and second-person judgements — never an apology, sympathy or a plain account of a problem.

Catches: "Obviously the bins go out on Tuesdays", "if you had bothered to read the notice",
"you're being unreasonable", "your comment is ridiculous", "how rude of you", "you people".
Leaves alone: "We're very sorry for the disruption, the bin lorry broke down", "sorry you were
treated so badly", "you're not wrong", "thank you, you're right".
Example::

    {kind: hostility, phrases: [obviously, get your facts straight],
     patterns: ['\\bif\\s+you\\s+had\\s+bothered\\b'],
     judgements: [wrong, rude, unreasonable, "out of order"],
     sincere: ['\\bsorry\\b', '\\bapologi[sz]e']}

`phrases` (word edges, any case) and `patterns` (RE2) are cues found anywhere; `judgements` are
words that judge the reader when said of them: "you are/you're/you were (being) (so) X",
"your comment/attitude/... is X", "how X of you". A text that apologises or sympathises (a
`sincere` match that is not itself part of a cue, so "sorry, but" and "sorry if you feel" stay
hostile) is left alone: the council wants apologies, and an apology is never hostile.
Sentiment plays no part here; it may only weigh in a score.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.patterns import compile_regex
from govern.checks.phrases import phrase_pattern, whole_word

# Plain lists of text (no per-entry suggestions): the rule's suggestion fits every cue, and a
# list of a few hundred cues validates in a fraction of the time records would take.
_WORDS = {"type": "list", "empty": False, "schema": {"type": "string", "empty": False}}
SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "phrases": _WORDS,
    "patterns": _WORDS,
    "judgements": _WORDS,
    "sincere": _WORDS,
}

# Words that may stand between "you are" and a judgement without changing whom it is about.
_DEGREE = (
    r"(?:(?:so|very|really|just|being|completely|totally|clearly|simply|quite|rather|incredibly|"
    r"extremely|utterly|absolutely|plainly|downright|frankly|now|still|always|actually|a\s+bit|"
    r"a\s+little|a\s+lot|more\s+than\s+a\s+little|(?:a|an))\s+)*"
)
_YOU_ARE = (
    r"\byou(?:['’]re|\s+are|\s+were|['’]ve\s+been|\s+have\s+been|\s+seem(?:\s+to\s+be)?|\s+sound|"
    r"\s+come\s+across\s+as|\s+must\s+be|\s+can\s+be)\s+"
)
_YOURS = (
    r"\byour\s+(?:\w+\s+)?(?:comments?|tweets?|posts?|messages?|behaviou?r|attitude|tone|language|"
    r"complaints?|claims?|arguments?|point|logic|questions?|requests?|repl(?:y|ies)|responses?|"
    r"e-?mails?|understanding|facts|information|assumptions?|accusations?|demands?|expectations?)"
    r"\s+(?:is|are|was|were|has\s+been|have\s+been|seems?|sounds?)\s+"
)


_BEFORE = re2.compile(f"(?i)(?:{_YOU_ARE}|{_YOURS}){_DEGREE}$")
_HOW_BEFORE = re2.compile(r"(?i)\b(?:how|so|very|that[’']?s|that\s+is|this\s+is)\s+(?:\w+\s+)?$")
_OF_YOU_AFTER = re2.compile(r"(?i)^\s+of\s+you\b")
_REACH = 120  # how far before a judgement its "you are ..." may start


@dataclass
class Hostility:
    pattern: str
    cues: re2._Regexp[str] | None  # phrases and patterns, found anywhere
    judged: re2._Regexp[str] | None  # the judgement words; what precedes them decides
    sincere: re2._Regexp[str] | None

    def find(self, subject: Subject) -> list[Span]:
        text = subject.text
        found: list[tuple[int, int]] = []
        if self.cues is not None:
            found += [m.span() for m in self.cues.finditer(text)]
        if self.judged is not None:
            found += [span for m in self.judged.finditer(text) if (span := _said_of_reader(text, *m.span()))]
        merged: list[tuple[int, int]] = []
        for start, end in sorted((a, b) for a, b in found if b > a and whole_word(text, a, b)):
            if merged and start < merged[-1][1]:  # one span where cues overlap
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        if not merged or (self.sincere is not None and self._sincere(text, merged)):
            return []
        return [Span(start, end) for start, end in merged]

    def _sincere(self, text: str, cues: list[tuple[int, int]]) -> bool:
        """True when the text apologises or sympathises outside any cue (cues sorted, apart)."""
        assert self.sincere is not None
        starts = [a for a, _ in cues]  # the cues do not overlap: only the last one before can hold it
        for m in self.sincere.finditer(text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i < 0 or cues[i][1] < m.end():
                return True
        return False


def _said_of_reader(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a judgement said of the reader ("you're being X", "your comment is X",
    "how X of you"), or None when the judgement word at text[start:end] is about something else."""
    window = max(0, start - _REACH)
    preceding = text[window:start]
    before = _BEFORE.search(preceding)
    if before is not None:
        return window + before.start(), end
    how = _HOW_BEFORE.search(preceding)
    after = _OF_YOU_AFTER.search(text[end : end + 12]) if how is not None else None
    if how is not None and after is not None:
        return window + how.start(), end + after.end()
    return None


def compile_hostility(spec: dict[str, Any], env: CompileEnv) -> Hostility | None:
    if not any(spec.get(k) for k in ("phrases", "patterns", "judgements")):
        env.problem("G201", "a hostility check needs 'phrases', 'patterns' or 'judgements'")
        return None
    alternatives = [phrase_pattern(str(phrase), inflect=False) for phrase in spec.get("phrases") or []]
    ok = True
    for i, source in enumerate(spec.get("patterns") or []):
        compiled = compile_regex(str(source), False)
        if isinstance(compiled, str):
            env.problem("G402", f"pattern does not compile: {compiled}: {source}", "patterns", i)
            ok = False
            continue
        alternatives.append(f"(?:{source})")
    judged = None
    if spec.get("judgements"):
        said = "(?:" + "|".join(phrase_pattern(str(w), inflect=False) for w in spec["judgements"]) + ")"
        judged = re2.compile(f"(?i){said}")
    sincere = None
    if spec.get("sincere"):
        sources = [str(s) for s in spec["sincere"]]
        for i, source in enumerate(sources):
            compiled = compile_regex(source, False)
            if isinstance(compiled, str):
                env.problem("G402", f"pattern does not compile: {compiled}: {source}", "sincere", i)
                ok = False
        if ok:
            sincere = re2.compile("(?i)(?:" + "|".join(f"(?:{s})" for s in sources) + ")")
    if not ok:
        return None
    # Longest first, so that "as we have already said" wins over a shorter cue at the same place.
    cues = "(?i)(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + ")" if alternatives else None
    prefilter = "|".join(p for p in (cues, judged.pattern if judged else None) if p)
    return Hostility(prefilter, re2.compile(cues) if cues else None, judged, sincere)
