"""`targeted`: a claim aimed at a target in the same clause, unless it is negated or reported.

Catches: hate aimed at a group ("Gypsies are all thieves", "No more Muslims in this city") and
threats ("someone should burn the council offices down"), without a swear word in sight.
Leaves alone what keyword lists get wrong: negated claims ("I would never say women are
inferior", "It's nonsense to claim immigrants are criminals"), claims reported to condemn
them ("Someone sprayed 'go home' on the mosque"; "people who say disabled people are a burden
are wrong"), and the target mentioned kindly ("Great to see the mosque's open day").

    - kind: targeted
      targets: ['\\bmuslims?\\b', '\\bimmigrants?\\b']     # RE2; omit to judge the claim alone
      claims: ['\\bare (?:all )?(?:a )?(?:disease|vermin)\\b']
      within: 6            # words between target and claim, in either order
      negations: [never, not, nonsense]   # words within `within` before either: not a claim
      reporting: ['\\bpeople who (?:say|think)\\b']   # frames that report someone else's words
      rebuttals: ['\\b(?:is|are) (?:wrong|nonsense)\\b']   # after the claim: it is being rejected
      skip_quoted: true    # words inside quotation marks are someone else's

A clause ends at . ! ? ; : a dash or a new line. Negation inside the claim itself
("shouldn't be allowed") is part of the claim, not a denial of it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.patterns import compile_regex
from govern.checks.words import QUOTED

PATTERN_LIST = {"type": "list", "schema": {"type": "string", "empty": False}}

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "targets": PATTERN_LIST,
    "claims": {**PATTERN_LIST, "required": True, "empty": False},
    "within": {"type": "integer", "min": 0, "max": 30},
    "negations": PATTERN_LIST,
    "reporting": PATTERN_LIST,
    "rebuttals": PATTERN_LIST,
    "skip_quoted": {"type": "boolean"},
}

# Internal patterns (ours, not a policy owner's), linear in Python's re: a dash between spaces is
# looked for only from the start of a run of spaces (without the look-behind, each of 20,000
# spaces scanned the rest of the run); a word is one character class.
_CLAUSE_END = re.compile(r"[.!?;:\n]+\s*|(?<!\s)\s+[—–-]{1,2}\s+")
_WORD = re.compile(r"[\w'’*@$!-]+")


def _union(sources: list[str]) -> str:
    return "(?i)(?:" + "|".join(f"(?:{s})" for s in sources) + ")"


@dataclass
class Targeted:
    pattern: str | None
    targets: re2._Regexp[str] | None
    claims: re2._Regexp[str]
    within: int
    negations: re2._Regexp[str] | None
    reporting: re2._Regexp[str] | None
    rebuttals: re2._Regexp[str] | None
    skip_quoted: bool

    def find(self, subject: Subject) -> list[Span]:
        text = subject.text
        quoted = [m.span() for m in QUOTED.finditer(text)] if self.skip_quoted else []
        spans: list[Span] = []
        start = 0
        for end_match in [*_CLAUSE_END.finditer(text), None]:
            end = end_match.start() if end_match else len(text)
            if end > start:
                spans += self._clause(text, start, end, quoted)
            start = end_match.end() if end_match else end
        return spans

    def _clause(self, text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> list[Span]:
        clause = text[start:end]
        words = [m.start() for m in _WORD.finditer(clause)]
        quote_starts = [q0 for q0, _ in quoted]

        def word_index(offset: int) -> int:
            return bisect.bisect_left(words, offset)  # the words that start before `offset`

        def inside_quotes(a: int, b: int) -> bool:
            i = bisect.bisect_right(quote_starts, start + a) - 1  # quotations do not overlap
            return i >= 0 and start + b <= quoted[i][1]

        # Targets in order, with the word each starts and ends at: those near a claim are a run.
        targets = [m.span() for m in self.targets.finditer(clause)] if self.targets else []
        target_ends = [t1 for _, t1 in targets]
        first_words = [word_index(t0) for t0, _ in targets]
        last_words = [word_index(t1) for _, t1 in targets]
        negations = [m.span() for m in self.negations.finditer(clause)] if self.negations else []
        negation_words = [word_index(n0) for n0, _ in negations]
        found = []
        for claim in self.claims.finditer(clause):
            c0, c1 = claim.span()
            if c1 == c0 or inside_quotes(c0, c1):
                continue
            span = (c0, c1)
            if self.targets is not None:
                # before the claim: ending within `within` words of it; after (or across) it:
                # starting within `within` words of its end
                split = bisect.bisect_right(target_ends, c0)
                lo = bisect.bisect_left(last_words, word_index(c0) - self.within, 0, split)
                hi = bisect.bisect_right(first_words, word_index(c1) + self.within, split)
                near = [t for t in targets[lo:hi] if not inside_quotes(*t)]
                if not near:
                    continue
                t0, t1 = min(near, key=lambda t: abs(t[0] - c0))
                span = (min(t0, c0), max(t1, c1))
            if self._denied(clause, span, (c0, c1), word_index, negations, negation_words):
                continue
            found.append(Span(start + span[0], start + span[1]))
        return found

    def _denied(
        self,
        clause: str,
        span: tuple[int, int],
        claim: tuple[int, int],
        word_index: Any,
        negations: list[tuple[int, int]],
        negation_words: list[int],
    ) -> bool:
        """A negation shortly before the claim (not inside it), a reporting frame before the
        target and claim, or a rebuttal after them."""
        # the first negation starting within reach of the target and claim, if it ends before the claim
        i = bisect.bisect_left(negation_words, word_index(span[0]) - self.within - 2)
        if i < len(negations) and negations[i][1] <= claim[0]:
            return True
        if self.reporting is not None and self.reporting.search(clause[: span[0]]):
            return True
        return self.rebuttals is not None and self.rebuttals.search(clause[span[1] :]) is not None


def compile_targeted(spec: dict[str, Any], env: CompileEnv) -> Targeted | None:
    compiled: dict[str, re2._Regexp[str] | None] = {}
    for field in ("targets", "claims", "negations", "reporting", "rebuttals"):
        sources = spec.get(field) or []
        ok = True
        for i, source in enumerate(sources):
            regex = compile_regex(source, case_sensitive=False)
            if isinstance(regex, str):
                env.problem("G402", f"pattern does not compile: {regex}: {source}", field, i)
                ok = False
        compiled[field] = re2.compile(_union(sources)) if sources and ok else None
        if not ok:
            return None
    claims = compiled["claims"]
    assert claims is not None
    return Targeted(
        pattern=_union(spec["claims"]),  # nothing to find where no claim appears at all
        targets=compiled["targets"],
        claims=claims,
        within=int(spec.get("within", 6)),
        negations=compiled["negations"],
        reporting=compiled["reporting"],
        rebuttals=compiled["rebuttals"],
        skip_quoted=bool(spec.get("skip_quoted", True)),
    )
