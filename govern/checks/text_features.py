"""What govern's text classifiers read: words with their positions, and the features made of them.

A text becomes tokens (lower case, look-alike characters undone inside a word: "sh1t", "f*ck"),
each with its characters in the original text. Three kinds of token are *masked*, so that no model
can learn them as words:

- identity terms of ~20 protected groups ("women", "Muslims", "gay", "Black", "immigrants") become
  GROUP: what a text says about a group can carry weight ("GROUP are vermin"), the group cannot;
- personal pronouns ("you", "her", "they") become PERSON: who is spoken to or about is not abuse;
- quoted text ("they called me 'a ...'") becomes QUOTED: quoting abuse is not using it.

A model reads a text of up to WINDOW words whole (as it was trained: tweets, petition titles and
comments are mostly shorter); a longer one sentence by sentence (or line by line), a long
sentence in overlapping windows, so that one abusive sentence in a long, polite comment is not
averaged away.

Features (`grams`): each word that is neither masked nor a function word (STOP), its character
3- to 5-grams inside word boundaries (so "idiiot" and "idiots" share most features with "idiot"),
and word bigrams and trigrams with at least one such word in them (so word order counts: "kill
the weeds" is not "kill the warden"). Masked tokens and function words appear only inside
bigrams and trigrams. Twitter residue (@mentions, links, "RT", HTML entities) is
dropped, so that no model learns the style of one corpus.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from govern.checks.words import QUOTED

GROUP = "qgroup"
PERSON = "qperson"
QUOTE = "qquoted"
MASKS = frozenset({GROUP, PERSON, QUOTE})

# Protected characteristics (Equality Act 2010) and the groups of the training corpora, as the
# words people use for them. Plural and singular forms are listed; matching is on whole tokens.
IDENTITY = frozenset(
    """
    woman women man men girl girls boy boys lady ladies female females male males feminist feminists
    gay gays lesbian lesbians bisexual bisexuals bi homosexual homosexuals heterosexual straight queer
    queers lgbt lgbtq lgbtqia lgbtq+ trans transgender transgenders transsexual nonbinary non-binary
    black blacks white whites asian asians chinese japanese korean indian indians pakistani pakistanis
    bangladeshi bangladeshis african africans arab arabs mexican mexicans latino latinos latina latinas
    latinx hispanic hispanics native natives indigenous aboriginal caribbean somali somalis polish
    romanian romanians roma romani gypsy gypsies gipsy gipsies traveller travellers irish scottish
    welsh english british european europeans immigrant immigrants migrant migrants refugee refugees
    asylum foreigner foreigners
    muslim muslims islam islamic jew jews jewish judaism christian christians christianity catholic
    catholics protestant protestants hindu hindus sikh sikhs buddhist buddhists atheist atheists
    mormon mormons religious
    disabled disability disabilities deaf blind autistic autism wheelchair dyslexic
    elderly pensioner pensioners old pregnant
    """.split()
)

PRONOUNS = frozenset(
    """
    i me my mine myself you your yours yourself yourselves u ur ya ye he him his himself she her hers
    herself they them their theirs themselves we us our ours ourselves i'm im i've ive i'd i'll
    you're youre you've you'd you'll he's he'd he'll she's she'd she'll they're theyre they've
    they'd they'll we're we've we'd we'll
    """.split()
)

# Function words (and "people"): no features of their own, and a phrase made only of these and
# masks ("are a", "you are", "GROUP people") is not a feature either. In the corpora such phrases
# mark a writing style (tweets vs petition titles), not harm. Negations are not among them: "not
# welcome" must differ from "welcome".
STOP = frozenset(
    """
    a an the and or but if of to in on at by for with from as into about than then so such
    is are was were be been being am do does did doing have has had having will would shall should
    can could may might must this that these those there here it its it's itself what which who
    whom whose when where why how all any some each every both more most other same very just too
    also only own up down out over again once people person folk folks
    """.split()
)

DROPPED = frozenset({"rt", "amp", "lt", "gt", "quot", "via"})

# Letters people replace with look-alikes, undone only inside a word ("sh1t", "@ss", "f*ck").
LOOKALIKE = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "i",
        "€": "e",
        "*": "_",
    }
)
_WORD = re.compile(r"[a-z0-9@$*!|€_]*[a-z][a-z0-9@$*!|€_'’+-]*")
_EDGE = "!|'’-+*"
_NOISE = re.compile(r"(?:https?://|www\.)\S+|(?<![\w@])@\w+|&#?\w+;")

# What a token becomes when it is not itself: a mask, or nothing (dropped).
_SPECIAL = {**{w: GROUP for w in IDENTITY}, **{w: PERSON for w in PRONOUNS}, **{w: "" for w in DROPPED}}

_BREAK = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")
WINDOW = 40  # words a model reads at once: a longer text is read by sentence, in overlapping windows

LONGEST = 30  # characters of a word that char n-grams are made from (a 5,000-letter "word" is noise)


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() changed a length (e.g. "İ"): keep one character each
        lowered = "".join(c.lower()[:1] or c for c in text)
    return lowered


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The text's words in order (masked where they name a group or a person, or are quoted:
    the form a model reads), and the characters [start, end) of each in the original text."""
    lowered = _lower(text)
    if "@" in lowered or "&" in lowered or "http" in lowered or "www." in lowered:
        lowered = _NOISE.sub(_blank, lowered)
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    if "'" in text or '"' in text or "‘" in text or "“" in text:
        for m in QUOTED.finditer(text):
            start, end = m.span()
            lowered = lowered[:start] + " " * (end - start) + lowered[end:]
            words.append(QUOTE)
            spans.append((start, end))
    quoted = bool(words)
    special = _SPECIAL
    for m in _WORD.finditer(lowered):
        word = m.group()
        start, end = m.span()
        if not word.isalpha():
            core = word.strip(_EDGE)
            if not core:
                continue
            start += word.index(core)
            end = start + len(core)
            word = core.translate(LOOKALIKE).replace("’", "'")
        if word in special:
            word = special[word]
            if not word:
                continue
        words.append(word)
        spans.append((start, end))
    if quoted:
        order = sorted(range(len(words)), key=lambda i: spans[i][0])
        words = [words[i] for i in order]
        spans = [spans[i] for i in order]
    return words, spans


def segments(text: str) -> list[tuple[int, int]]:
    """The characters [start, end) of each sentence or line of a text (the whole text if one)."""
    out = []
    start = 0
    for m in _BREAK.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def windows(count: int) -> list[tuple[int, int]]:
    """Word ranges [first, last) of at most WINDOW words, overlapping by half, covering `count` words."""
    if count <= WINDOW:
        return [(0, count)]
    step = WINDOW // 2
    starts = list(range(0, count - WINDOW, step)) + [count - WINDOW]
    return [(s, s + WINDOW) for s in starts]


@functools.lru_cache(maxsize=65536)
def word_grams(word: str) -> tuple[str, ...]:
    """A word's own features: itself and its character 3-5-grams (space-padded), as often as each occurs."""
    padded = f" {word[:LONGEST]} "
    size = len(padded)
    return (word, *("#" + padded[j : j + n] for n in (3, 4, 5) for j in range(size - n + 1)))


def grams(words: list[str]) -> Iterator[tuple[str, int, int]]:
    """Each feature of a word sequence, with the first and last word it comes from."""
    plain = [w in MASKS or w in STOP for w in words]
    for i, word in enumerate(words):
        if not plain[i]:
            for feature in word_grams(word):
                yield feature, i, i
    for i in range(len(words) - 1):
        if not (plain[i] and plain[i + 1]):
            yield f"{words[i]} {words[i + 1]}", i, i + 1
    for i in range(len(words) - 2):
        if not (plain[i] and plain[i + 1] and plain[i + 2]):
            yield f"{words[i]} {words[i + 1]} {words[i + 2]}", i, i + 2


def features(text: str) -> list[str]:
    """Every feature of a text, repeated as often as it occurs (what training vectorises)."""
    return [feature for feature, _, _ in grams(tokens(text)[0])]
