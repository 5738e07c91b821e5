"""The access request and decision: the public contract of SPEC.md."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from govern.contract import Contract as Contract  # re-exported: defined once in govern.contract
from govern.contract import PolicyRef as PolicyRef
from govern.ids import Name
from govern.inputs import Day, Moment
from govern.policy.model import Access, Approach, Employment

Effect = Literal["permit", "deny", "refer"]


class Training(Contract):
    course: str = Field(min_length=1, max_length=200)
    completed_on: Day


class Requester(Contract):
    id: Name
    department: str = Field(default="", max_length=200)
    role: str = Field(default="", max_length=200)
    employment: Employment
    groups: list[str] = Field(default=[], max_length=100)
    training: list[Training] = Field(default=[], max_length=100)


class BusinessCase(Contract):
    purpose: str = Field(default="", max_length=10_000)
    drivers: list[str] = Field(default=[], max_length=50)
    priorities: list[str] = Field(default=[], max_length=50)
    benefits: list[str] = Field(default=[], max_length=50)
    duration_days: int | None = Field(default=None, ge=1, le=36500)
    manager_approved: bool = False
    moderation_plan: str | None = Field(default=None, max_length=10_000)


class AccessRequest(Contract):
    request_id: str | None = Field(default=None, max_length=200)
    requester: Requester
    site: str = Field(min_length=1, max_length=2048)
    access: Access
    approach: Approach
    business_case: BusinessCase
    submitted_at: Moment | None = None  # the requester's claim: recorded, never trusted


class Reason(BaseModel):
    # Frozen: the engine builds one per rule and message and shares it between decisions.
    model_config = ConfigDict(frozen=True)

    rule: str
    effect: Effect
    message: str


class Obligation(BaseModel):
    model_config = ConfigDict(frozen=True)  # shared between decisions, like Reason

    id: str
    text: str


class SiteRef(BaseModel):
    model_config = ConfigDict(frozen=True)  # one per resolved site, shared between decisions

    domain: str
    category: str | None


class OnApproval(BaseModel):
    """What a reviewer's approval of a referral grants: its expiry and obligations."""

    expires_on: dt.date
    granted_days: int
    obligations: list[Obligation] = []


class AccessDecision(BaseModel):
    decision: Effect
    decision_id: str
    request_id: str | None = None
    site: SiteRef
    reasons: list[Reason]
    missing: list[str] = []
    obligations: list[Obligation] = []
    expires_on: dt.date | None = None
    granted_days: int | None = None
    refer_to: str | None = None
    on_approval: OnApproval | None = None  # refer only
    warnings: list[str] = []
    policy: PolicyRef
    # When the request was received (the service's clock): expiry and training ages count from it.
    received_at: dt.datetime | None = None
    # Added by the service (issue 16), never by the library: each requester fact the decision used
    # with its source ({"department": {"value": "Planning", "source": "directory"}, ...}), and the
    # manager's approval task the decision opened.
    facts: dict[str, dict[str, Any]] | None = None
    approval: dict[str, Any] | None = None
