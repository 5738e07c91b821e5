"""Protected groups named in a text, found once and replaced by a marker.

The hate and threat detectors match sentence shapes around a group ("{G} are vermin", "shoot
any {G}"). Writing the thousand names of groups (with misspellings and emoji) into every shape
would make each RE2 program huge; instead one pass finds the names and `marked` rewrites each as
one private-use character, so the shapes stay small and every shape is matched in one pass.

    marked("I met some immigrants. They are vermin.").text == "i met some \\ue000. they are vermin."
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from govern.checks.evidence import alternation, compile_re2, fold
from govern.checks.hate_lexicon import EMOJI, GROUPS, SINGULAR, misspelt

GROUP = "\ue000"  # a group named by its collective name ("Muslims", "trans people", "☪️")
MEMBER = "\ue001"  # one member named ("a Muslim", "a trans woman")

def _split(fragments: list[str]) -> list[str]:
    """One-word names with a stray space inside ("Mus lims")."""
    out = []
    for fragment in fragments:
        word = fragment.removeprefix(r"\b").removesuffix(r"\b")
        if word.isalpha() and len(word) >= 5:
            out += [rf"\b{word[:i]}\s{word[i:]}\b" for i in range(2, len(word) - 1)]
    return out


# Words a group name is often glued to ("killallMuslims", "Ihatewomen", "deathtoimmigrants").
GLUE = ("all", "kill", "hate", "i", "ihate", "to", "death", "the", "these", "those", "every", "fucking",
        "fuck", "ban", "gas", "deport", "shoot", "no", "dirty", "filthy", "stupid", "bloody", "scum", "more")
_GROUPS = "(?:" + alternation([*GROUPS, *misspelt(GROUPS), *_split(GROUPS)]) + "|" + EMOJI + ")"
_GLUED = "(?:" + alternation([f.removeprefix(r"\b") for f in GROUPS]) + ")"
# ... and to the verb after it ("Womenare scum", "Muslimsshould be shot")
GLUED_AFTER = ("are", "should", "must", "will", "can", "belong", "deserve", "need", "have", "were")
_BARE = "(?:" + alternation([f.removeprefix(r"\b").removesuffix(r"\b") for f in GROUPS]) + ")"
_MEMBERS = alternation(SINGULAR)
# group 3: a collective name glued to the words before it; only the name is replaced by the marker
# group 5: a group named as what someone is ("my new neighbours are trans."), at the end of a clause
_PREDICATE = (
    r"\b(?:are|is|were|was|r|re)\s+(?:all\s+|both\s+|now\s+)?(trans|transgender|jewish|disabled|autistic|bisexual|"
    r"lesbians?)\s*(?:[.!?;,]|$)"
)
_MENTION = compile_re2(
    f"({_GROUPS})|({_MEMBERS})|\\b(?:{'|'.join(GLUE)})+({_GLUED})|\\b({_BARE})(?:{'|'.join(GLUED_AFTER)})|{_PREDICATE}"
)


def _heads(fragments: list[str]) -> frozenset[str]:
    """The first word of every name: a text with none of them (and no emoji) names no group."""
    heads = set()
    for fragment in fragments:
        m = re.match(r"^\\b([a-z]+)(?:\\s\+|\\s\*)?(?:\(\?:)?([a-z]+)?", fragment)
        if m:
            heads.add(m.group(1))
            if m.group(1) in ("the", "people", "bi", "trans", "non") and m.group(2):
                heads.add(m.group(2))
        if m and fragment[m.end(1) :].startswith(r"(?:\s*(?:people"):  # "blackpeople", "gaymen"
            heads |= {m.group(1) + suffix for suffix in _PEOPLE_WORDS}
    # names whose RE2 has optional parts: "bi(?:sexual)?", "trans(?:gender)?", "the (?:deaf|blind|...)"
    heads |= {"bisexual", "bisexuals", "transgender", "deaf", "blind", "mentally", "handicapped",
              "disabilities", "disability", "autism", "colour", "color", "binary"}
    return frozenset(heads - {"the", "people", "non"})


_PEOPLE_WORDS = (
    "people", "persons", "folk", "folks", "men", "women", "kids", "children", "families", "community"
)
HEADS = _heads([*GROUPS, *misspelt(GROUPS), *SINGULAR])
_WORDS = re.compile(r"[a-z]+")


_GLUE_LONGEST = sorted(GLUE, key=len, reverse=True)


def _glued(word: str) -> bool:
    """Whether `word` is a group's first word glued to words before it ("allmuslims")."""
    if any(word.endswith(v) and word[: -len(v)] in HEADS for v in GLUED_AFTER):
        return True
    for _ in range(3):
        prefix = next((g for g in _GLUE_LONGEST if word.startswith(g) and len(word) > len(g)), None)
        if prefix is None:
            return False
        word = word[len(prefix) :]
        if word in HEADS:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Marked:
    """Folded text with group names replaced by markers, and the way back to the subject's text."""

    text: str
    starts: Sequence[int]  # per character of `text`: where it starts in the folded text
    ends: Sequence[int]  # ... and where it ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the marked text as a span of the folded text."""
        return self.starts[start], self.ends[end - 1]

    @property
    def has_group(self) -> bool:
        return GROUP in self.text or MEMBER in self.text


@functools.lru_cache(maxsize=1024)
def marked(text: str) -> Marked:
    """The folded text of `text` with every group name replaced by GROUP or MEMBER."""
    folded = fold(text).text
    words = _WORDS.findall(folded)
    pairs = [a + b for a, b in zip(words, words[1:], strict=False)]  # "mus lims"
    named = (w in HEADS or w.startswith("lgbt") or _glued(w) for w in [*words, *pairs])
    if folded.isascii() and not any(named):
        return Marked(folded, range(len(folded)), range(1, len(folded) + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for m in _MENTION.finditer(folded):
        if m.end() <= m.start():
            continue
        start, end = m.span()
        if m.start(3) >= 0:  # "killall|muslims": the words before stay as text
            start = m.start(3)
        elif m.start(4) >= 0:  # "women|are": the verb after stays as text
            start, end = m.span(4)
        elif m.start(5) >= 0:  # "are |trans|.": the verb before and the stop after stay as text
            start, end = m.span(5)
        out.append(folded[last:start])
        starts.extend(range(last, start))
        ends.extend(range(last + 1, start + 1))
        out.append(MEMBER if m.start(2) >= 0 else GROUP)
        starts.append(start)
        ends.append(end)
        last = end
    out.append(folded[last:])
    starts.extend(range(last, len(folded)))
    ends.extend(range(last + 1, len(folded) + 1))
    return Marked("".join(out), tuple(starts), tuple(ends))


def mentions(text: str) -> bool:
    """Whether `text` names a protected group or one of its members."""
    return marked(text).has_group
