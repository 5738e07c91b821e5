"""Review items for drafts (four-eyes sign-off), their versions and comments, and acknowledgements."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from dataclasses import dataclass
from typing import Any, Literal

Status = Literal["open", "changes-requested", "approved", "rejected", "expired"]
STATUSES: tuple[Status, ...] = ("open", "changes-requested", "approved", "rejected", "expired")
PENDING: tuple[Status, ...] = ("open", "changes-requested")  # still waiting for someone
ACKNOWLEDGEABLE = ("info", "revise")  # a block or refer finding needs a change or a reviewer


class SignoffError(Exception):
    """A request the sign-off rules refuse: a stable code, an HTTP-like status and a message."""

    def __init__(
        self, status: int, code: str, message: str, details: list[dict[str, str]] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details or []


def text_digest(text: str) -> str:
    """What 'this exact text' means for the gate and acknowledgements: a SHA-256 of the text as sent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def unified_diff(before: str, after: str, number: int) -> str:
    """The change from the previous version to version `number`, line by line (empty for version 1)."""
    if number == 1:
        return ""
    lines = difflib.unified_diff(
        before.splitlines(), after.splitlines(), f"version {number - 1}", f"version {number}", lineterm=""
    )
    return "\n".join(lines)


def without_text(draft: dict[str, Any]) -> dict[str, Any]:
    """What a draft keeps when its retention ends: its platform and its text's digest."""
    if draft.get("purged"):
        return draft
    return {
        "purged": True,
        "platform": draft.get("platform"),
        "digest": text_digest(str(draft.get("text", ""))),
    }


@dataclass(frozen=True)
class Version:
    """One submission of the draft: its text, the draft as sent, the verdict it had and the diff."""

    number: int
    draft: dict[str, Any]
    verdict: dict[str, Any]
    submitted_by: str
    submitted_at: dt.datetime
    diff: str = ""

    @property
    def text(self) -> str:
        return str(self.draft.get("text", ""))

    @property
    def digest(self) -> str:
        """Of the text; a purged version keeps the digest its text had."""
        return str(self.draft["digest"]) if self.draft.get("purged") else text_digest(self.text)


@dataclass(frozen=True)
class Note:
    """A reviewer's or author's comment on an item (on a version)."""

    by: str
    at: dt.datetime
    text: str
    version: int


@dataclass(frozen=True)
class ReviewItem:
    id: str
    author: str
    queue: str
    status: Status
    created_at: dt.datetime
    updated_at: dt.datetime
    scheduled_at: dt.datetime | None = None
    reviewer: str | None = None
    reason: str | None = None
    decided_at: dt.datetime | None = None
    versions: tuple[Version, ...] = ()
    notes: tuple[Note, ...] = ()

    @property
    def latest(self) -> Version:
        return self.versions[-1]

    def due(self, now: dt.datetime) -> bool:
        """Still pending and past its scheduled time: it expires."""
        return self.status in PENDING and self.scheduled_at is not None and self.scheduled_at <= now


@dataclass(frozen=True)
class Acknowledgement:
    """An officer's reasoned decision to publish despite an info or revise finding."""

    id: str
    rule: str
    severity: str
    digest: str  # of the draft's text
    excerpt: str
    reason: str
    by: str
    at: dt.datetime
