"""The API's request and response bodies (besides the library's own models, which it answers
with as they are: AccessDecision, DraftVerdict, ModerationResult)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from govern.access.models import AccessDecision, Contract
from govern.errors import GovernError, error_body
from govern.pack import Pack
from govern.service import MAX_BATCH, GrantStatus, ReviewedReferral
from govern.store.base import Referral


class Batch(Contract):
    requests: list[dict[str, Any]] = Field(description=f"up to {MAX_BATCH:,} access requests")


class BatchItem(BaseModel):
    index: int
    decision: AccessDecision | None = None
    error: dict[str, Any] | None = None


class BatchResult(BaseModel):
    decisions: list[BatchItem]


class Review(Contract):
    reason: str | None = Field(default=None, max_length=2000)


class ReferralOut(BaseModel):
    decision_id: str
    refer_to: str
    status: Literal["open", "approved", "rejected"]
    created_at: dt.datetime
    request: dict[str, Any]
    decision: dict[str, Any]
    reviewer: str | None = None
    reason: str | None = None
    decided_at: dt.datetime | None = None
    grant_id: str | None = None

    @classmethod
    def of(cls, referral: Referral, grant_id: str | None = None) -> ReferralOut:
        return cls(**vars(referral), grant_id=grant_id)

    @classmethod
    def reviewed(cls, reviewed: ReviewedReferral) -> ReferralOut:
        return cls.of(reviewed.referral, reviewed.grant.grant_id if reviewed.grant else None)


class GrantOut(BaseModel):
    grant_id: str
    decision_id: str
    requester: str
    domain: str
    category: str | None
    access: str
    obligations: list[str]
    granted_at: dt.datetime | None
    expires_on: dt.date | None
    current: bool

    @classmethod
    def of(cls, status: GrantStatus) -> GrantOut:
        return cls(**vars(status.grant), current=status.current)


class PolicyOut(BaseModel):
    pack: str
    version: str
    digest: str
    owner: str
    description: str
    loaded_at: dt.datetime
    rules: list[dict[str, str]]

    @classmethod
    def of(cls, pack: Pack, loaded_at: dt.datetime) -> PolicyOut:
        return cls(
            pack=pack.name,
            version=pack.version,
            digest=pack.digest,
            owner=pack.raw.owner,
            description=pack.raw.description,
            loaded_at=loaded_at,
            rules=pack.rules(),
        )


class ReloadOut(BaseModel):
    reloaded: bool
    policy: PolicyOut


class CommentReviewIn(Contract):
    action: Literal["publish", "remove"] = Field(description="publish or remove the held comment")
    reason: str | None = Field(default=None, max_length=2000, description="why (default: the hold's reasons)")


class CommentReviewOut(BaseModel):
    comment_id: str
    action: Literal["publish", "remove"]
    reviewer: str
    reason: str


def error_of(exc: GovernError | None) -> dict[str, Any] | None:
    """A batch item's error in the one error shape."""
    return error_body(exc) if exc is not None else None
