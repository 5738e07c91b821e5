"""Repeated targeting: whom an abusive comment is aimed at, and when it becomes harassment.

Harassment is two or more incidents (Protection from Harassment Act 1997): an author whose
abusive comments (the pack's categories, e.g. threats, hate, profanity) name the same person
within the ladder's period is escalated to the pack's team, whichever channels they used.

A person is recognised in the sentence that holds an abusive finding, so "Cllr Smith was right;
you lot are idiots" aims at nobody named. Three ways to name someone:

- a name the pack lists (`people:` officers and councillors, matched without case);
- a title and a surname ("Cllr Smith", "Councillor Jane Smith", "Mrs Patel");
- an @mention of another commenter ("@dave_r").

The key of a person is their surname in lower case (a listed person: their listed name), so
"Cllr Smith" and "Councillor Jane Smith" are one target; an @mention is kept as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence

from govern.drafts.models import Finding
from govern.moderation.models import Outcome
from govern.policy.model import Harassment

TITLES = r"(?i:cllr|councillor|councilor|mr|mrs|ms|miss|dr|mayor|sir|dame)"
NAME = r"[A-Z][a-z'’-]+"
TITLED = re.compile(rf"\b{TITLES}\.?\s+((?:{NAME}\s+)?{NAME})\b")
MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_][A-Za-z0-9_.]{1,49})")
SENTENCE_END = re.compile(r"[.!?\n]+")

# At most this many sentences are judged on their own per comment.
MAX_JUDGED = 20

# The categories of the rules that hold or remove a piece of text on its own.
Judge = Callable[[str], set[str]]


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `text`."""
    out, at = [], 0
    for end in SENTENCE_END.finditer(text):
        out.append((at, end.end()))
        at = end.end()
    out.append((at, len(text)))
    return [(s, e) for s, e in out if e > s]


class Targets:
    """Finds the people an abusive comment names; compiled once from the pack's list."""

    def __init__(self, people: Sequence[str]) -> None:
        self.people = [
            (name, re.compile(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", re.IGNORECASE))
            for name in people
            if name.strip()
        ]
        self.surnames = {name.split()[-1].casefold(): name for name in people if name.strip()}

    def named(self, text: str) -> list[str]:
        """Everyone `text` names, as target keys, in order of first mention."""
        found: list[tuple[int, str]] = []
        for name, pattern in self.people:
            found += [(m.start(), name) for m in pattern.finditer(text)]
        for m in TITLED.finditer(text):
            surname = m.group(1).split()[-1].casefold()
            found.append((m.start(), self.surnames.get(surname, surname)))
        found += [(m.start(), "@" + m.group(1).casefold()) for m in MENTION.finditer(text)]
        return list(dict.fromkeys(key for _, key in sorted(found)))

    def aimed_at(
        self, text: str, findings: Iterable[Finding], categories: set[str], judge: Judge
    ) -> list[str]:
        """The people named in the sentences that hold an abusive finding.

        A finding wider than the sentence (a classifier's score of the whole comment) does not
        show which sentence is abusive: such a sentence counts only when `judge` finds it abusive
        on its own, so "Cllr Smith answered. This is shit." aims at nobody.
        """
        spans = [(f.start, f.end) for f in findings if f.category in categories and f.severity != "info"]
        out: list[str] = []
        judged = 0
        for start, end in sentences(text):
            named = self.named(text[start:end])
            if not named:
                continue
            inside = any(start <= s and e <= end for s, e in spans)
            wider = not inside and any(s < end and e > start for s, e in spans)
            if wider and judged < MAX_JUDGED:  # bounded: a hostile text of many sentences stays linear
                judged += 1
                inside = bool(categories & judge(text[start:end]))
            if inside:
                out += named
        return list(dict.fromkeys(out))


def repeated(
    rules: Harassment,
    targets: list[str],
    posted: dt.datetime,
    within: dt.timedelta,
    history: Iterable[Outcome],
) -> tuple[str, list[str]] | None:
    """The first target this comment and earlier abusive ones share often enough to be
    harassment, with the earlier comments' ids; None when there is none."""
    categories = set(rules.categories)
    for target in targets:
        earlier = [
            o
            for o in history
            if o.action != "publish"
            and categories.intersection(o.categories)
            and target in o.targets
            and dt.timedelta(0) <= posted - o.posted_at <= within
        ]
        if len(earlier) + 1 >= rules.at:
            return target, [o.comment_id or "" for o in earlier]
    return None
