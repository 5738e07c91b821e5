"""Words disguised letter by letter: "sh1t", "$hit", "f*ck", "f.u.c.k", "f u c k", "fuuuck".

`unmask` undoes these for matching a known word or phrase, never for the shared text that every
detector reads (`govern.checks.normalise`): joining spaced letters or collapsing repeated ones
would damage ordinary text ("I am a u k citizen", "good"). One pass over the text, keeping
where each character came from.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Characters people put in place of letters inside a word ("sh1t", "$hit", "a$$"); a mask (*)
# becomes "_", a word character, so that "f*ck" is one word to RE2's \b.
LEETSPEAK = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
LEETSPEAK |= {"|": "i", "€": "e"}
LEET = str.maketrans({**LEETSPEAK, "*": "_"})
# The patterns here are one character class each (or one letter repeated), which Python's re
# matches without backtracking, in time linear in the text; RE2 would do the same but slower
# to hand back thousands of matches.
# A run of characters that can spell a word: letters, digits, look-alike symbols and masks.
_RUN = re.compile(r"[a-z0-9_*@$!|€]+")
_LETTER = re.compile(r"[a-z]")
# What any disguise needs (in the lower-cased text): a digit, symbol or mask touching a letter
# ("sh1t", "$hit", "a$$", "f*ck", "sh!t" but not "thanks!"), three single characters in a row
# between separators ("f u c k"), or a letter three times ("fuuuck").
_SEPARATOR = r"[ \t.\-_*~+,:;/\\•·]{1,3}"
_SINGLE = r"[a-z0-9@$!|€]"
_ANY_DISGUISE = re.compile(
    r"[a-z][0-9@$|€*_]|[0-9@$!|€*_][a-z]|[a-z]!+[a-z0-9@$|€*_]"
    rf"|(?<![a-z0-9_*@$!|€]){_SINGLE}{_SEPARATOR}{_SINGLE}{_SEPARATOR}{_SINGLE}(?![a-z0-9_*@$!|€])"
    r"|([a-z])\1\1"
)
_TRIPLED = re.compile(r"([a-z])\1\1+")  # a letter three times or more in a row
# What may stand between letters spelled out one by one: "f.u.c.k", "f - u - c - k", "f u c k".
SEPARATORS = " \t.-_*~+,:;/\\•·"
_SPELLING = frozenset("abcdefghijklmnopqrstuvwxyz") | frozenset(LEETSPEAK)


@dataclass(frozen=True, slots=True)
class Unmasked:
    """A text with its disguises undone, for matching only: lower case, and `where[i]` is the
    index in the original of character i (None when they line up one to one). `changed` lists,
    in order, the characters that differ from the lower-cased original: the disguises undone.
    `spelled_out` holds the [start, end) of letters joined from one-by-one spelling: where one
    word ends inside them cannot be known ("f u c k y o u" reads "fuckyou")."""

    text: str
    where: list[int] | None
    changed: list[int]
    spelled_out: tuple[tuple[int, int], ...] = ()


def _has_letter(text: str) -> bool:
    return _LETTER.search(text) is not None


def spelled(run: str) -> str:
    """A run of letters, digits and symbols as the word it spells, of the same length.

    A run without a letter ("2026", "$5", "!!!") is left alone, and so are "!" before and after
    the letters ("shit!", "!!what") and emphasis on both sides ("*shit*" reads " shit ").
    """
    if run.isalpha() or not _has_letter(run):
        return run
    inner = run.strip("!")
    left = len(run) - len(run.lstrip("!"))
    right = run[left + len(inner) :]
    word = inner.strip("*_")
    if word and inner[0] in "*_" and inner[-1] in "*_":
        before = len(inner) - len(inner.lstrip("*_"))
        after = len(inner) - before - len(word)
        return "!" * left + " " * before + word.translate(LEET) + " " * after + right
    return "!" * left + inner.translate(LEET) + right


def lowered(text: str) -> str:
    """Lower case, one character for one (lower() lengthens "İ")."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[:1] or c for c in text)


def unmask(text: str, collapse: int | None = None) -> Unmasked:
    """Lower-case, read look-alike digits and symbols inside words as letters, join three or
    more letters spelled out one by one, and, with `collapse`, cut every run of three or more of
    one letter to that many ("liiiiar" -> "liar" with 1)."""
    low = lowered(text)
    if not _ANY_DISGUISE.search(low):
        return Unmasked(low, None, [])
    return _unmask(low, collapse)


def _unmask(low: str, collapse: int | None) -> Unmasked:
    """`unmask` of a lower-cased text, the long way (a test checks the quick way agrees)."""
    pieces: list[str] = []
    where: list[int] = []
    changed: list[int] = []
    moved = False  # whether characters were dropped, so that `where` is needed
    copied = 0  # how much of the text is in `pieces`
    chain: list[tuple[int, int, int]] = []  # runs of one character (masks aside): start, end, where
    chain_end = 0
    joined: list[tuple[int, int]] = []

    def copy(start: int, piece: str) -> None:
        base = len(where)
        if piece != low[start : start + len(piece)]:
            changed.extend(base + i for i, c in enumerate(piece) if c != low[start + i])
        pieces.append(piece)
        where.extend(range(start, start + len(piece)))

    def flush() -> None:
        nonlocal moved, copied
        first = 1 if len(chain) >= 4 and low[chain[0][2]] in "ai" else 0  # "a f u c k": "a" is a word
        if len(chain) - first < 3 or not _has_letter("".join(low[c] for _, _, c in chain[first:])):
            first = len(chain)  # not spelled out: each run is a word of its own
        for k, (start, end, char) in enumerate(chain):
            if k < first:
                copy(copied, low[copied:start])
                copy(start, spelled(low[start:end]))
                copied = end
                continue
            if k == first:
                copy(copied, low[copied:char])
                moved = True
                joined.append((len(where), len(where) + len(chain) - first))
            changed.append(len(where))
            pieces.append(low[char].translate(LEET))
            where.append(char)
            copied = char + 1
        chain.clear()

    for match in _RUN.finditer(low):
        start, end = match.span()
        core = match.group().strip("_*")
        at = start + match.group().index(core) if core else start
        if chain:
            gap = low[chain_end:at]
            if len(gap) > 3 or gap.strip(SEPARATORS):
                flush()
        if len(core) == 1 and core in _SPELLING:
            chain.append((start, end, at))
            chain_end = at + 1
            continue
        flush()
        copy(copied, low[copied:start])
        copy(start, spelled(match.group()))
        copied = end
    flush()
    copy(copied, low[copied:])
    plain = "".join(pieces)
    if collapse is not None:
        plain, where, changed, cut = _collapsed(plain, where, changed, collapse)
        moved, joined = moved or cut, []  # what patterns read: they cannot look inside spellings
    return Unmasked(plain, where if moved else None, changed, tuple(joined))


@functools.lru_cache(maxsize=32)
def unmasked(text: str, collapse: int | None = None) -> Unmasked:
    """`unmask`, remembered: the word lists and patterns of a pack all read the same text."""
    return unmask(text, collapse)


@functools.lru_cache(maxsize=32)
def variants(text: str) -> tuple[Unmasked, ...]:
    """The text with its disguises undone, as word lists and patterns read it: unmasked, and
    with repeated letters cut to one ("liiiar") and to two ("crooooks"); none when nothing in
    the text is disguised."""
    one = unmasked(text)
    if not _TRIPLED.search(one.text):
        return (one,) if one.changed else ()
    return tuple(u for u in (one, unmasked(text, 1), unmasked(text, 2)) if u.changed)


def _collapsed(
    text: str, where: list[int], changed: list[int], keep: int
) -> tuple[str, list[int], list[int], bool]:
    """Runs of three or more of one letter cut to `keep`, and whether any was."""
    runs = [m.span() for m in _TRIPLED.finditer(text)]
    if not runs:
        return text, where, changed, False
    out: list[str] = []
    kept: list[int] = []
    now: list[int] = []
    last = 0
    earlier = iter(changed)
    pending = next(earlier, None)
    for start, end in [*runs, (len(text), len(text))]:
        shift = last - len(kept)  # characters cut so far
        while pending is not None and pending < start:  # a change before this run stays one
            if pending >= last:
                now.append(pending - shift)
            pending = next(earlier, None)
        out.append(text[last:start])
        kept.extend(where[last:start])
        if end > start:
            now.extend(range(len(kept), len(kept) + keep))  # the letters left of a run are a change
            out.append(text[start : start + keep])
            kept.extend(where[start : start + keep])
        while pending is not None and pending < end:
            pending = next(earlier, None)
        last = end
    return "".join(out), kept, now, True
