"""The comment and the moderation result: the public contract of SPEC.md."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from govern.access.models import Contract, PolicyRef
from govern.drafts.models import MAX_TEXT, Finding, Text
from govern.ids import Name
from govern.inputs import Moment


class CommentAuthor(Contract):
    id: Name | None = None


class Comment(Contract):
    # Not stripped: finding offsets must point into the text exactly as it was sent.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    comment_id: Name | None = None
    text: Text
    channel: str = Field(min_length=1, max_length=100)
    author: CommentAuthor = CommentAuthor()
    posted_at: Moment | None = None
    in_reply_to: str | None = Field(default=None, max_length=MAX_TEXT)


class ModerationReason(BaseModel):
    rule: str
    category: str
    message: str


ActionKind = Literal["hide", "delete", "warn", "block-review", "escalate"]


class PlatformAction(BaseModel):
    """One thing to do about a comment or its author, and why.

    `hide` (the author and their friends still see it) and `delete` come from the rule that
    acted; `warn` (a private message) and `block-review` from the ladder of strikes; `escalate`
    from repeated targeting of one person. A block is never automatic: `block-review` asks a
    moderator to decide, with the comments behind it as `evidence`.
    """

    action: ActionKind
    rule: str  # the rule behind it, or "ladder" / "harassment"
    message: str | None = None  # warn: the private message; others: why
    to: str | None = None  # escalate: the team
    target: str | None = None  # escalate: the person targeted
    evidence: list[str] = []  # the comment ids behind a ladder step or an escalation


class ModerationResult(BaseModel):
    action: Literal["publish", "hold", "remove"]
    comment_id: str | None = None
    reasons: list[ModerationReason]
    findings: list[Finding]
    escalate_to: str | None = None
    respond_by: dt.datetime | None = None
    reply: str | None = None  # what to tell the author, when a rule says
    retain_until: dt.date | None = None  # removed comments are kept this long for the record
    policy: PolicyRef
    # What the council's integration does on the platform, in order (additive: issue 18).
    actions: list[PlatformAction] = []
    strikes: int = 0  # the author's removed comments within the ladder's period, this one included


class Outcome(Contract):
    """An earlier comment by the same author and what became of it: the history behind strikes
    and repeated targeting (the service reads it from its store, the CLI from earlier lines)."""

    comment_id: str | None = Field(default=None, max_length=200)
    author: str | None = Field(default=None, max_length=200)  # when given, another author's is ignored
    channel: str = Field(default="", max_length=100)
    posted_at: dt.datetime
    action: Literal["publish", "hold", "remove"]
    categories: list[str] = Field(default=[], max_length=50)
    targets: list[str] = Field(default=[], max_length=50)
