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


_GROUPS = "(?:" + alternation([*GROUPS, *misspelt(GROUPS), *_split(GROUPS)]) + "|" + EMOJI + ")"
_MEMBERS = alternation(SINGULAR)
_MENTION = compile_re2(f"({_GROUPS})|({_MEMBERS})")


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
    heads |= {
        "bisexual",
        "bisexuals",
        "transgender",
        "deaf",
        "blind",
        "mentally",
        "handicapped",
        "disabilities",
        "disability",
        "autism",
        "colour",
        "color",
        "binary",
    }
    return frozenset(heads - {"the", "people", "non"})


_PEOPLE_WORDS = (
    "people",
    "persons",
    "folk",
    "folks",
    "men",
    "women",
    "kids",
    "children",
    "families",
    "community",
)
HEADS = _heads([*GROUPS, *misspelt(GROUPS), *SINGULAR])
_WORDS = re.compile(r"[a-z]+")


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
    if folded.isascii() and not any(w in HEADS or w.startswith("lgbt") for w in [*words, *pairs]):
        return Marked(folded, range(len(folded)), range(1, len(folded) + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for m in _MENTION.finditer(folded):
        if m.end() <= m.start():
            continue
        out.append(folded[last : m.start()])
        starts.extend(range(last, m.start()))
        ends.extend(range(last + 1, m.start() + 1))
        out.append(GROUP if m.start(1) >= 0 else MEMBER)
        starts.append(m.start())
        ends.append(m.end())
        last = m.end()
    out.append(folded[last:])
    starts.extend(range(last, len(folded)))
    ends.extend(range(last + 1, len(folded) + 1))
    return Marked("".join(out), tuple(starts), tuple(ends))


def mentions(text: str) -> bool:
    """Whether `text` names a protected group or one of its members."""
    return marked(text).has_group
