"""The words aimed at the reader: the sentences that address them, for the sentiment they carry.

"We're very sorry for the disruption, the bin lorry broke down" is negative to VADER but is an
apology and an account of a problem, not hostility; "you clearly can't read a timetable" is
aimed at the reader. So the `reader-negativity` signal scores only the sentences that say
"you"/"your" and neither apologise, sympathise nor thank, and is 0 when there are none (without
running VADER).
"""

from __future__ import annotations

import re

_YOU = re.compile(r"\b(?:you|your|yours|yourself|yourselves|you['’](?:re|ve|ll|d))\b", re.IGNORECASE)
_SINCERE = re.compile(
    r"\b(?:sorry|apologi[sz]e\w*|apolog(?:y|ies)|sympath\w+|condolences|thank(?:s|\s+you)?|"
    r"understand(?:able)?|frustrating|upsetting|worrying|hope\s+you|we\s+know)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def aimed_at_reader(text: str) -> str:
    """The sentences of the text that address the reader and are not apologies or thanks."""
    if not _YOU.search(text):
        return ""
    return " ".join(s.strip() for s in _SENTENCE.findall(text) if _YOU.search(s) and not _SINCERE.search(s))
