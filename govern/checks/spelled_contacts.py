"""Phone numbers and e-mail addresses written in words: "seven seven oh oh 900123", "double
seven", "john dot smith at example dot com".

`spelled_digits` reads runs of number words (and digits among them) as digits, keeping for each
character of the result the span of the words it came from, so the phone validation that runs
on it can still underline what the person wrote. `spelled_emails` finds addresses whose "@" or
"." are written as "at" and "dot", kept only when they read as a plausible address: a local part,
and a dot-separated domain ending in a known top-level domain. Both use RE2 or a plain scan, in
time linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

import re2

DIGIT_WORDS = {
    "zero": "0",
    "oh": "0",
    "nought": "0",
    "nil": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
REPEATS = {"double": 2, "treble": 3, "triple": 3}
_WORDS = "|".join([*DIGIT_WORDS, *REPEATS])
# A number word, or digits (with a leading "+"), one token at a time.
_TOKEN = re2.compile(rf"(?i)\b(?:{_WORDS})\b|\+?\d+")
# What may stand between the parts of one spoken number.
_GAP = re2.compile(r"^[ \t,.\-/]{0,3}$")
# A run of number words needs this many digits to be worth a phone check.
_LEAST_DIGITS = 9
# Cheap test that a text may hold a spelled number: two number words (or a word and a digit) in
# a row, so "one or two potholes" and "seven days a week" do not cost a scan.
HINT = rf"\b(?:{_WORDS})\b[ \t,.\-/]{{1,3}}(?:(?:{_WORDS})\b|\d)"


_STEMS = (*DIGIT_WORDS, *REPEATS)


def may_hold_number(lowered: str) -> bool:
    """A quick test, before the hint's regular expression: two number words somewhere."""
    seen = 0
    for stem in _STEMS:
        if stem in lowered:
            seen += 2 if lowered.count(stem) > 1 else 1
            if seen >= 2:
                return True
    return False


def may_hold_email(lowered: str) -> bool:
    """A quick test, before the hint's regular expression: a spelled "dot" or bracketed "at"."""
    return "dot" in lowered or "(at)" in lowered or "[at]" in lowered or "{at}" in lowered


@dataclass(frozen=True, slots=True)
class Spelled:
    """A text with its spelled numbers written as digits; `start[i]`, `end[i]` are the span of
    the original text that character i of `text` came from."""

    text: str
    start: list[int]
    end: list[int]


def _runs(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, digits, spelled) for each run of number tokens separated by short gaps."""
    runs: list[tuple[int, int, str, bool]] = []
    start = end = -1
    digits: list[str] = []
    spelled = False
    pending = 1  # "double" before the next digit

    def close() -> None:
        if start >= 0 and spelled and len("".join(digits)) >= _LEAST_DIGITS:
            runs.append((start, end, "".join(digits), spelled))

    for match in _TOKEN.finditer(text):
        word = match.group().lower()
        if start < 0 or not _GAP.match(text[end : match.start()]):
            close()
            start, digits, spelled, pending = match.start(), [], False, 1
        end = match.end()
        if word in REPEATS:
            pending = REPEATS[word]
            spelled = True
            continue
        if word in DIGIT_WORDS:
            digits.append(DIGIT_WORDS[word] * pending)
            spelled = True
        else:
            digits.append(word[0] * pending + word[1:])
        pending = 1
    close()
    return runs


def spelled_digits(text: str) -> Spelled | None:
    """The text with each run of number words holding nine digits or more written as digits
    (no spaces); None when there is none. A run of exactly ten digits spoken without its leading
    "0" ("seven seven zero zero nine zero zero one two three") gets it back: a UK number is ten
    digits after the trunk "0", and people drop it when they say it."""
    runs = _runs(text)
    if not runs:
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for run_start, run_end, spoken, _ in runs:
        digits = "0" + spoken if len(spoken) == 10 and spoken[0] not in "0+" else spoken
        out.append(text[last:run_start])
        starts.extend(range(last, run_start))
        ends.extend(range(last + 1, run_start + 1))
        out.append(digits)
        starts.extend([run_start] * len(digits))
        ends.extend([run_end] * len(digits))
        last = run_end
    out.append(text[last:])
    starts.extend(range(last, len(text)))
    ends.extend(range(last + 1, len(text) + 1))
    return Spelled("".join(out), starts, ends)


# --- e-mail addresses ----------------------------------------------------------------------

_AT = r"(?:@|\bat\b|\(at\)|\[at\]|\{at\})"
_DOT = r"(?:\.|\bdot\b|\(dot\)|\[dot\]|\{dot\})"
_PART = r"[a-z0-9][a-z0-9_%+'-]*"
SPELLED_EMAIL = re2.compile(
    rf"(?i)\b({_PART}(?:\s*{_DOT}\s*{_PART})*)\s*{_AT}\s*([a-z0-9][a-z0-9-]*(?:\s*{_DOT}\s*[a-z0-9][a-z0-9-]*)+)\b"
)
# What makes an address spelled rather than a place: a bracketed "at", or a domain whose first
# dot is a word ("example dot com"). A plain "at" before a written domain is where something is
# found ("more at examplecouncil.gov.uk"), not an address.
_SPELLED_DOT = r"(?:\bdot\b|\(dot\)|\[dot\]|\{dot\})"
HINT_EMAIL = rf"\bat\s*[a-z0-9][a-z0-9-]*\s*{_SPELLED_DOT}|\(at\)|\[at\]|\{{at\}}"
_SPELLED = re2.compile("(?i)(?:" + HINT_EMAIL + ")")
_SPLIT_DOT = re2.compile(rf"(?i)\s*{_DOT}\s*")
# Top-level domains people give addresses in: generic ones and country codes (two letters).
GENERIC_TLDS = frozenset(
    "com org net edu gov info biz io co me uk app dev online email live mail".split()
)
# Words before "at" that make it a place or a time, not an address ("look at", "meet me at").
NOT_A_LOCAL_PART = frozenset(
    """at be is are was were am look looking looked me us you him her them it meet arrive arrived
    here there online available open opens closed closes starts start ends end see find found
    stay staying live lives lived work works worked""".split()
)


def spelled_emails(text: str) -> list[tuple[int, int, str]]:
    """(start, end, address) for each e-mail address with "at" or "dot" written as a word."""
    found = []
    for match in SPELLED_EMAIL.finditer(text):
        written = match.group()
        if not _SPELLED.search(written):
            continue  # an ordinary address (the e-mail pattern finds it), or a place
        local = ".".join(_SPLIT_DOT.split(match.group(1))).lower()
        labels = [label.lower() for label in _SPLIT_DOT.split(match.group(2))]
        tld = labels[-1]
        if local in NOT_A_LOCAL_PART or not tld.isalpha():
            continue
        if tld not in GENERIC_TLDS and len(tld) != 2:
            continue
        found.append((match.start(), match.end(), f"{local}@{'.'.join(labels)}"))
    return found
