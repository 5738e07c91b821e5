"""The one text normalisation every text check reads: disguises undone, offsets kept.

A person can write "ѕһіt", "ｓｈｉｔ", "𝐬𝐡𝐢𝐭", "s\u200bhit", "s&#104;it" or "shít" and see "shit" on
the screen. `normalise` turns each of these into the plain letters a detector can match, and
keeps, for every character of the result, where it came from in the text as written, so that a
finding still underlines what the person wrote. Steps, one pass over the characters:

- HTML character references decoded: `&amp;`, `&#115;`, `&#x73;` (numeric ones without `;` too);
- invisible characters dropped: format characters (Cf: zero-width space and joiners, soft
  hyphen, word joiner, BOM, bidirectional controls, tags) and the rest of Unicode's
  Default_Ignorable_Code_Point set (variation selectors, Hangul fillers, ...), and control
  characters other than tab and line breaks;
- compatibility forms folded (NFKC, one character at a time): fullwidth, mathematical, circled,
  superscript letters and digits, ligatures;
- combining marks dropped after a Latin letter ("fůck" -> "fuck"); kept after letters of other
  scripts (Devanagari, Hebrew, Cyrillic "й"), where they are part of the spelling;
- look-alike letters of other scripts folded to the Latin letter they imitate (Cyrillic "а",
  Greek "ο", Cherokee "Ꭺ"), from Unicode's confusables data (UTS #39) as shipped by the
  `confusable-homoglyphs` package;
- enclosed letters NFKC leaves alone ("🅶", "🆂", "⒜" as "g", "S", "a"), and regional-indicator
  letters where they spell letters rather than a flag (`regional_letter_runs`);
- every space separator (no-break, thin, ideographic, ...) becomes " ", line and paragraph
  separators "\\n"; decimal digits of any script become ASCII digits ("٠٧" -> "07").

Case is kept (detectors choose), and letters are never joined or collapsed here: "f u c k" and
"fuuuck" are the word lists' business (`govern.checks.words`), because doing it to the shared
text would damage ordinary text ("I am a u k citizen", "good").
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import re2

from govern.checks.base import Subject

# Characters Unicode says to ignore when they are not supported (DerivedCoreProperties.txt,
# Default_Ignorable_Code_Point) that are not already format characters (Cf).
_IGNORABLE_RANGES = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul choseong and jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian free variation selectors and vowel separator
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xFFF0, 0xFFF8),  # unassigned specials
    (0x1BCA0, 0x1BCA3),  # shorthand format controls
    (0x1D173, 0x1D17A),  # musical symbol format controls
    (0xE0000, 0xE0FFF),  # tags and variation selectors supplement
)
_BLANK = {"\u2800"}  # the braille pattern blank looks like a space and is used as one

# What makes an ASCII text change: a character reference, or a control character.
_ASCII_CHANGES = re2.compile(r"[&\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A character reference: named ones need their ";" (so "Fish&chips" is left alone), numeric ones
# are decoded without it too, as browsers do ("&#115hit").
_REGIONAL_CHARS = re2.compile("[\U0001F1E6-\U0001F1FF]")
_REFERENCE = re2.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};)")


@dataclass(frozen=True, slots=True)
class Normalised:
    """The normalised text, and where each of its characters starts in the text as written
    (one more entry for the end); offsets is None when the text needed no change."""

    text: str
    offsets: list[int] | None


def _ignorable(char: str) -> bool:
    code = ord(char)
    return unicodedata.category(char) == "Cf" or any(a <= code <= b for a, b in _IGNORABLE_RANGES)


# Blocks holding Latin small capitals ("ꜱʜɪᴛ"), which confusables.txt mostly leaves out: IPA
# Extensions, Phonetic Extensions (and Supplement), Latin Extended-D, -E, -F and -G.
_SMALL_CAPITAL_BLOCKS = (
    (0x0250, 0x02AF),
    (0x1D00, 0x1DBF),
    (0xA720, 0xA7FF),
    (0xAB30, 0xAB6F),
    (0x10780, 0x107BF),
    (0x1DF00, 0x1DFFF),
)


@functools.cache
def _confusables() -> dict[str, str]:
    """Letters of other scripts that imitate one ASCII letter, and the letter they imitate.

    Unicode's prototypes do not keep case for "I" (Greek "Ι", Cyrillic "І" and Latin "I" all
    map to "l"); a capital is mapped to the capital it imitates. Latin small capitals are read
    as the small letter their name gives ("LATIN LETTER SMALL CAPITAL H" is "h").
    """
    data = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    table: dict[str, str] = {}
    for first, last in _SMALL_CAPITAL_BLOCKS:
        for code in range(first, last + 1):
            name = unicodedata.name(chr(code), "")
            if name.startswith("LATIN LETTER SMALL CAPITAL ") and len(name) == 28:
                table[chr(code)] = name[-1].lower()
    for char, homoglyphs in json.loads(data).items():
        if len(char) != 1 or char.isascii() or not unicodedata.category(char).startswith("L"):
            continue
        if len(homoglyphs) != 1:  # an entry for an ASCII prototype lists its many look-alikes
            continue
        target = homoglyphs[0]["c"]
        if len(target) == 1 and target.isascii() and target.isalpha():
            table[char] = "I" if target == "l" and char.isupper() else target
    return table


def _mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


# Enclosed letters NFKC leaves alone or turns into three characters ("⒜" -> "(a)"): the first
# code point of each alphabet, and its first letter.
_ENCLOSED_ALPHABETS = (
    (0x249C, "a"),  # parenthesised small letters
    (0x1F110, "A"),  # parenthesised capitals
    (0x1F150, "A"),  # negative circled capitals
    (0x1F170, "A"),  # negative squared capitals
)
_REGIONAL_A = 0x1F1E6  # regional indicator symbol letters A-Z: two in a row make a flag


def _enclosed_letter(char: str) -> str:
    code = ord(char)
    for first, letter in _ENCLOSED_ALPHABETS:
        if first <= code < first + 26:
            return chr(ord(letter) + code - first)
    return ""


def _regional(char: str) -> bool:
    return _REGIONAL_A <= ord(char) < _REGIONAL_A + 26


def regional_letter_runs(chars: list[str]) -> list[tuple[int, int]]:
    """The runs [start, end) of regional-indicator letters that spell letters, not flags.

    Two regional indicators make a flag ("🇬🇧"), which is an emoji and no word. A run is read as
    letters when it is three or more long ("🇳🇴🇵🇪"), or when it touches a letter ("ni🇬🇬er");
    a lone flag, or a flag between spaces and punctuation, is left as written.
    """
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(chars):
        if not _regional(chars[i]):
            i += 1
            continue
        j = i
        while j < len(chars) and _regional(chars[j]):
            j += 1
        before = next((f for k in range(i - 1, -1, -1) if (f := _fold(chars[k]))), "")
        after = next((f for k in range(j, len(chars)) if (f := _fold(chars[k]))), "")
        if j - i >= 3 or before[-1:].isalpha() or after[:1].isalpha():
            runs.append((i, j))
        i = j
    return runs


@functools.lru_cache(maxsize=65536)
def _fold(char: str) -> str:
    """What one non-ASCII character (not a combining mark) stands for in the normalised text."""
    if _ignorable(char):
        return ""
    category = unicodedata.category(char)
    if category == "Cc":
        return "\n" if char.isspace() else ""
    if category == "Zs" or char in _BLANK:
        return " "
    if category in ("Zl", "Zp"):
        return "\n"
    if category == "Nd":
        return str(unicodedata.decimal(char))
    enclosed = _enclosed_letter(char)
    if enclosed:
        return enclosed
    pieces: list[str] = []
    for part in unicodedata.normalize("NFKD", char):
        if _mark(part):
            if not (pieces and pieces[-1].isascii()):
                pieces.append(part)
        elif part.isascii():
            pieces.append(part)
        elif _ignorable(part):
            continue
        elif unicodedata.category(part) == "Nd":
            pieces.append(str(unicodedata.decimal(part)))
        else:
            pieces.append(_confusables().get(part, part))
    folded = unicodedata.normalize("NFC", "".join(pieces))
    # A spacing accent ("´", "¨") decomposes to a space and a mark: keep it as written.
    return char if folded.isspace() and not char.isspace() else folded


def _characters(text: str) -> list[tuple[int, str]]:
    """(where it starts, what it is) for each character, character references decoded."""
    if "&" not in text:
        return list(enumerate(text))
    out: list[tuple[int, str]] = []
    last = 0
    for match in _REFERENCE.finditer(text):
        decoded = html.unescape(match.group())
        if decoded == match.group():  # not a reference HTML knows
            continue
        out.extend(zip(range(last, match.start()), text[last : match.start()], strict=True))
        out.extend((match.start(), c) for c in decoded)
        last = match.end()
    out.extend(zip(range(last, len(text)), text[last:], strict=True))
    return out


def normalise(text: str) -> Normalised:
    """The text detectors read, with a map back to the text as written."""
    if text.isascii() and not _ASCII_CHANGES.search(text):
        return Normalised(text, None)
    out: list[str] = []
    offsets: list[int] = []
    after_ascii = True  # a combining mark is dropped after an ASCII letter (or with nothing before it)
    characters = _characters(text)
    letters: set[int] = set()
    if _REGIONAL_CHARS.search(text):
        for first, last in regional_letter_runs([c for _, c in characters]):
            letters.update(range(first, last))
    for index, (where, char) in enumerate(characters):
        if " " <= char <= "~" or char in "\t\n\r":
            out.append(char)
            offsets.append(where)
            after_ascii = True
            continue
        if _mark(char):
            if after_ascii or _ignorable(char):
                continue
            folded = char
        elif index in letters:
            folded = chr(ord("A") + ord(char) - _REGIONAL_A)
        else:
            folded = _fold(char)
        for c in folded:
            out.append(c)
            offsets.append(where)
        if folded:
            after_ascii = folded[-1].isascii()
    result = "".join(out)
    if result == text:
        return Normalised(text, None)
    offsets.append(len(text))
    return Normalised(result, offsets)


def normalised_subject(
    text: str,
    facts: dict[str, Any],
    local_date: dt.date,
    signals: Mapping[str, Callable[[str], float]],
) -> Subject:
    """A text to check: detectors read it normalised, findings point into it as written."""
    found = normalise(text)
    if found.offsets is None:
        return Subject(text, facts, local_date, signals)
    return Subject(found.text, facts, local_date, signals, raw=text, offsets=found.offsets)
