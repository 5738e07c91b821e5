"""What the evidence detectors (profanity, insult, hate, threat) share.

- `fold`: the text as the detectors read it: lower case, look-alike digits and symbols undone
  *inside* words ("sh1t", "f*ck", "@ss"), letters spelled out one by one joined ("f u c k"),
  with a map back to the subject's offsets. Trailing punctuation is left alone ("shit!" is
  "shit" and "!", not "shiti").
- `disguised`: a listed word as an RE2 fragment in which any letter may be repeated ("fuuuck")
  or masked ("f**k"), and `*` at either end stands for more letters ("*fuck*": "clusterfuck").
- `expand`: a template with {NAME} slots filled by RE2 alternations, so every detector builds
  its patterns once, at load.
- `Context`: what cancels a match: quotation, a negation or a reporting frame shortly before it
  in its clause, or a rebuttal after it ("... is racist", "statements like that are vile").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import re2

from govern.checks.words import LEET, QUOTED

_UNMASK = {chr(k): str(v) for k, v in LEET.items()}  # characters that may stand for a letter
_MASKS = frozenset(_UNMASK)
# Three or more single letters, each followed by one separator: "f u c k", "f.u.c.k", "f-u-c-k".
_SPELLED_OUT = re.compile(r"(?<![\w*])[a-z*](?:[ .\-][a-z*]){2,}(?![\w*])")


@dataclass(frozen=True, slots=True)
class Folded:
    """The folded text and, for each of its characters, where it starts in the subject's text."""

    text: str
    where: tuple[int, ...] | None  # None: the offsets are the same

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.where is None:
            return start, end
        return self.where[start], self.where[end - 1] + 1


_MASK_RUN = re.compile("[" + re.escape("".join(_UNMASK)) + "]+")


def _unmask(lowered: str) -> str:
    """Look-alike characters become letters where a letter follows them (or a mask ends a word)."""
    runs = [m.span() for m in _MASK_RUN.finditer(lowered)]
    if not runs:
        return lowered
    chars = list(lowered)
    n = len(chars)
    for i, j in runs:
        before = i > 0 and chars[i - 1].isalpha()
        after = j < n and chars[j].isalpha()
        masks_only = all(c == "*" for c in chars[i:j])
        digits = all(c.isdigit() for c in chars[i:j])
        ends_word = j == n or not chars[j].isalnum()
        if after and (before or j - i < 3 or i == 0 or not chars[i - 1].isalnum()):
            for k in range(i, j):
                chars[k] = _UNMASK[chars[k]]
        elif before and digits and ends_word:  # "h4t3", "mu5l1m5"
            for k in range(i, j):
                chars[k] = _UNMASK[chars[k]]
        elif before and masks_only:  # "f***", "sh*"
            for k in range(i, j):
                chars[k] = "_"
    return "".join(chars)


@functools.lru_cache(maxsize=1024)
def fold(text: str) -> Folded:
    """The text as the evidence detectors read it (computed once per text)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() changed a length (e.g. "İ"): keep one char per char
        lowered = "".join(c.lower()[:1] or c for c in text)
    unmasked = _unmask(lowered)
    runs = list(_SPELLED_OUT.finditer(unmasked))
    if not runs:
        return Folded(unmasked, None)
    out: list[str] = []
    where: list[int] = []
    last = 0
    for run in runs:
        start = run.start()
        out.append(unmasked[last:start])
        where.extend(range(last, start))
        for i in range(start, run.end(), 2):
            out.append(unmasked[i] if unmasked[i] != "*" else "_")
            where.append(i)
        last = run.end()
    out.append(unmasked[last:])
    where.extend(range(last, len(unmasked) + 1))
    return Folded("".join(out), tuple(where))


def disguised(word: str) -> str:
    """A listed word or phrase as an RE2 fragment that sees through masks and repeated letters."""
    w = word.strip().lower()
    head = "[a-z_]*" if w.startswith("*") else r"\b"
    tail = "[a-z_]*" if w.endswith("*") else ""
    w = w.strip("*")
    parts: list[str] = []
    for i, c in enumerate(w):
        if c == " ":
            parts.append(r"[\s\-]*")
        elif c == "y" and i == len(w) - 1 and i > 0:  # "tranny", "trannies"
            parts.append("(?:y|_|ie)+")
        elif c.isalpha():
            # the first letter is never masked ("*uck" is too vague); later ones may be
            parts.append(f"{c}+" if i == 0 else f"(?:{c}|_)+")
        else:
            parts.append(re2.escape(c))
    return f"{head}{''.join(parts)}{tail}"


def endings(fragment: str) -> str:
    """A word fragment with simple English endings, ending on a word boundary."""
    return rf"{fragment}(?:s|es|ed|ing|er|ers|y|ie|ies)?\b"


def alternation(items: Iterable[str]) -> str:
    """Fragments as one RE2 group, longest first so the longest alternative wins at a place."""
    unique = sorted(set(items), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(unique) + ")"


_SLOT = re.compile(r"\{([A-Z_]+)\}")


def expand(template: str, slots: Mapping[str, str]) -> str:
    """`{NAME}` in a template replaced by slots[NAME] (an RE2 group)."""
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def words_re(words: Iterable[str]) -> str:
    """Plain words and phrases as an RE2 group on word boundaries (spaces match any spacing)."""
    return alternation(r"\b" + re2.escape(w.lower()).replace(r"\ ", r"\s+") + r"\b" for w in words)


def compile_re2(pattern: str) -> re2._Regexp[str]:
    options = re2.Options()
    options.log_errors = False
    options.max_mem = 64 << 20  # the big lexicon alternations need more than RE2's 8 MiB default
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:  # ours, not a policy owner's: say which part, briefly
        reason = exc.args[0] if exc.args else b""
        message = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        raise ValueError(f"{message[:200]} in {pattern[:200]}") from None


# Clause and sentence ends in folded text.
_SENTENCE_END = re.compile(r"[.!?\n]+|\s[-–—]\s")
_CLAUSE_END = re.compile(r"[.!?;:,\n]+|\s[-–—]\s|\bbut\b")


# A contracted negation, with or without its apostrophe ("don't", "dont"); not any word ending "nt".
NOT_CONTRACTED = (
    r"n['’]t\b|\b(?:dont|cant|wont|isnt|arent|doesnt|didnt|wasnt|werent|shouldnt|wouldnt|couldnt|aint|"
    r"havent|hasnt|mustnt|neednt)\b"
)
_CONTRACTED = re.compile(NOT_CONTRACTED)
# A negated auxiliary that opens a rhetorical question, not a denial.
_RHETORICAL = re.compile(r"\s*(?:it|this|that|the|our|everyone|anyone|we|they|you(?!\s+dare))\b")


# A detector reports at most this many spans: enough evidence, and a hostile comment of 20,000
# characters full of matches costs no more than a short one.
MAX_SPANS = 20


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where a text's quotations, clauses and sentences are, found once per text."""

    quoted: tuple[tuple[int, int], ...]
    quoted_starts: tuple[int, ...]
    ends: dict[str, tuple[int, ...]]  # per boundary kind: where each boundary ends
    starts: dict[str, tuple[int, ...]]  # ... and starts


@functools.lru_cache(maxsize=256)
def _layout(text: str) -> _Layout:
    quoted = tuple(m.span() for m in QUOTED.finditer(text))
    ends: dict[str, tuple[int, ...]] = {}
    starts: dict[str, tuple[int, ...]] = {}
    for name, regex in (("sentence", _SENTENCE_END), ("clause", _CLAUSE_END)):
        found = list(regex.finditer(text))
        ends[name] = tuple(m.end() for m in found)
        starts[name] = tuple(m.start() for m in found)
    return _Layout(quoted, tuple(a for a, _ in quoted), ends, starts)


def _last_end(kind: str, text: str, before: int) -> int:
    """Where the last boundary of this kind before `before` ends (0 if none)."""
    ends = _layout(text).ends[kind]
    i = bisect.bisect_right(ends, before) - 1
    return ends[i] if i >= 0 else 0


def _next_start(kind: str, text: str, after: int) -> int:
    """Where the first boundary of this kind at or after `after` starts (the text's end if none)."""
    starts = _layout(text).starts[kind]
    i = bisect.bisect_left(starts, after)
    return starts[i] if i < len(starts) else len(text)


def _words_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


@dataclass(frozen=True)
class Context:
    """Cues that make a match someone else's words or a denial of them.

    `negations` and `reporting` are searched before the match (negations within `reach` words in
    the same clause, reporting anywhere earlier in the sentence); `rebuttals` after it in the
    same sentence, and `followers` at the start of the next sentence.
    """

    negations: re2._Regexp[str] | None
    reporting: re2._Regexp[str] | None
    rebuttals: re2._Regexp[str] | None
    followers: re2._Regexp[str] | None = None
    reach: int = 6
    report_inside: bool = False  # a reporting verb inside the match reports it too ("the man said ...")

    @classmethod
    def build(
        cls,
        negations: Sequence[str] = (),
        reporting: Sequence[str] = (),
        rebuttals: Sequence[str] = (),
        followers: Sequence[str] = (),
        reach: int = 6,
        report_inside: bool = False,
    ) -> Context:
        def one(sources: Sequence[str]) -> re2._Regexp[str] | None:
            return compile_re2("(?:" + "|".join(f"(?:{s})" for s in sources) + ")") if sources else None

        return cls(one(negations), one(reporting), one(rebuttals), one(followers), reach, report_inside)

    def quoted(self, text: str, start: int, end: int) -> bool:
        layout = _layout(text)
        i = bisect.bisect_right(layout.quoted_starts, start) - 1
        return i >= 0 and end <= layout.quoted[i][1]

    def negated(self, text: str, start: int) -> bool:
        if self.negations is None:
            return False
        # A negation counts only within `reach` words of the match, and words are rarely longer
        # than 64 characters: looking no further back keeps a long unpunctuated text linear.
        begin = max(_last_end("clause", text, start), start - 64 * (self.reach + 4))
        for m in self.negations.finditer(text[begin:start]):
            after = text[begin + m.end() : start]
            if _CONTRACTED.search(m.group()) and _RHETORICAL.match(after):
                continue  # "isn't it obvious that ...", "wouldn't this town be better ..."
            if _words_between(text, begin + m.end(), start) <= self.reach:
                return True
        return False

    def reported(self, text: str, start: int, end: int) -> bool:
        if self.reporting is None:
            return False
        sentence = _last_end("sentence", text, start)
        return self.reporting.search(text[sentence : end if self.report_inside else start]) is not None

    def rebutted(self, text: str, end: int) -> bool:
        stop = _next_start("sentence", text, end)
        if self.rebuttals is not None and self.rebuttals.search(text[end:stop]):
            return True
        if self.followers is None or stop >= len(text):
            return False
        nxt = stop
        while nxt < len(text) and text[nxt] in ".!?\n -–—\"'”’":
            nxt += 1
        following = text[nxt : _next_start("sentence", text, nxt)]
        return self.followers.search(following) is not None

    def cancels(self, text: str, start: int, end: int) -> bool:
        """True when the match [start, end) is quoted, negated, reported or rebutted."""
        return (
            self.quoted(text, start, end)
            or self.negated(text, start)
            or self.reported(text, start, end)
            or self.rebutted(text, end)
        )


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding `at` starts."""
    return _last_end("sentence", text, at)


def clause_start(text: str, at: int) -> int:
    """Where the clause holding `at` starts."""
    return _last_end("clause", text, at)
