"""Evidence of threats and hate: what is kept, its digest, and the pack handed to the police.

Each removed threat or hate comment is kept with its text, author, channel, permalink, when it
was posted and removed, the rules that removed it and a SHA-256 digest of those facts, under a
legal hold that outlasts the normal retention of removed comments (the purge skips it until the
hold ends). An evidence pack for one author is JSON, or a printable HTML page; both show slurs
masked unless asked for in full (`masked=False`), so a moderator is not made to read them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2
from pydantic import BaseModel

from govern.drafts.models import Finding

TEMPLATES = Path(__file__).resolve().parent / "templates"
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=jinja2.StrictUndefined
)


class EvidenceItem(BaseModel):
    comment_id: str
    author: str
    channel: str
    permalink: str | None = None
    text: str
    posted_at: dt.datetime
    removed_at: dt.datetime
    categories: list[str]
    reasons: list[str]
    sha256: str = ""
    hold_until: dt.date

    def digest(self) -> str:
        """SHA-256 of the facts kept (everything but the digest and the hold), canonical JSON."""
        facts = self.model_dump(mode="json", exclude={"sha256", "hold_until"})
        return hashlib.sha256(json.dumps(facts, sort_keys=True, separators=(",", ":")).encode()).hexdigest()

    def intact(self) -> bool:
        return self.sha256 == self.digest()


def item(
    *,
    comment_id: str,
    author: str,
    channel: str,
    text: str,
    posted_at: dt.datetime,
    removed_at: dt.datetime,
    findings: Sequence[Finding],
    categories: Iterable[str],
    hold_days: int,
    permalink: str | None = None,
) -> EvidenceItem:
    """The evidence of one removed comment, sealed with its digest."""
    kept = set(categories)
    found = [f for f in findings if f.category in kept and f.severity == "remove"]
    evidence = EvidenceItem(
        comment_id=comment_id,
        author=author,
        channel=channel,
        permalink=permalink,
        text=text,
        posted_at=posted_at,
        removed_at=removed_at,
        categories=sorted({f.category for f in found}),
        reasons=sorted({f.rule for f in found}),
        hold_until=removed_at.date() + dt.timedelta(days=hold_days),
    )
    return evidence.model_copy(update={"sha256": evidence.digest()})


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each span's letters after the first replaced by '*' ("n*****")."""
    out = list(text)
    for start, end in spans:
        for i in range(max(start, 0) + 1, min(end, len(text))):
            if out[i].isalnum():
                out[i] = "*"
    return "".join(out)


def mask_words(text: str, words: Iterable[str]) -> str:
    """`text` with these words (whole words, any case) masked."""
    spans: list[tuple[int, int]] = []
    for word in words:
        pattern = r"\w*".join(re.escape(part) for part in word.split("*"))  # "fuck*": any ending
        spans += [
            (m.start(), m.end())
            for m in re.finditer(rf"\b{pattern}\b", text, re.IGNORECASE)
            if m.end() > m.start()
        ]
    return mask(text, spans)


def evidence_pack(
    author: str, items: Sequence[EvidenceItem], slurs: Iterable[str], *, masked: bool, made_at: dt.datetime
) -> dict[str, Any]:
    """The evidence pack of one author as JSON: every item, whether its digest still matches."""
    words = list(slurs)
    return {
        "author": author,
        "made_at": made_at.isoformat(),
        "masked": masked,
        "items": [
            {
                **i.model_dump(mode="json"),
                "text": mask_words(i.text, words) if masked else i.text,
                "intact": i.intact(),
            }
            for i in items
        ],
    }


def evidence_html(pack: dict[str, Any]) -> str:
    """A printable page of an evidence pack (the JSON above)."""
    return _env.get_template("evidence.html").render(pack=pack)
