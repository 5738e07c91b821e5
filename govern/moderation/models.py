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
