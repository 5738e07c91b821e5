"""The words aimed at the reader: the sentences that address them, for the sentiment they carry.

"We're very sorry for the disruption, the bin lorry broke down" is negative to VADER but is an
apology and an account of a problem, not hostility; "you clearly can't read a timetable" is
aimed at the reader. So the `reader-negativity` signal scores only the sentences that say
"you"/"your" and neither apologise, sympathise nor thank, and is 0 when there are none (without
running VADER).
"""

from __future__ import annotations

import re

# Both read lower-cased text: Python's case-insensitive alternations are several times slower.
_YOU = re.compile(r"\byou(?:rs?|rself|rselves|['’](?:re|ve|ll|d))?\b")
_SINCERE = re.compile(
    r"sorry|apolog|sympath|condolences|thank|understand|frustrating|upsetting|worrying|hope you|we know"
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def aimed_at_reader(text: str) -> str:
    """The sentences of the text that address the reader and are not apologies or thanks."""
    if "you" not in text.lower():  # most texts fail this plain test
        return ""
    aimed = []
    for sentence in _SENTENCE.findall(text):
        lowered = sentence.lower()
        if "you" in lowered and _YOU.search(lowered) and not _SINCERE.search(lowered):
            aimed.append(sentence.strip())
    return " ".join(aimed)
