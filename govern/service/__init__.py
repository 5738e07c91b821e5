"""The application layer: every use case of govern, free of any web framework.

The API (govern.api), the pages (govern.web) and the CLI are adapters over `Service`: they parse,
call one method, and shape the answer. The service decides with the pack in force, records in the
store, counts metrics, compares with the shadow pack, and raises the GovernError family
(RequestError, Invalid, NotFound, Conflict, Forbidden, TooLarge) that each adapter shows its way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from govern.access.models import AccessDecision, AccessRequest
from govern.drafts.models import DraftVerdict
from govern.moderation.models import ModerationResult
from govern.pack import Pack
from govern.service import access, comments, drafts
from govern.service.access import GrantStatus, ReviewedReferral, ReviewOutcome
from govern.service.comments import CommentReview, Verdict
from govern.service.core import ANONYMOUS, Caller, Core
from govern.service.items import MAX_BATCH, Item
from govern.service.replay import Replay, replay
from govern.store.base import Referral

__all__ = [
    "ANONYMOUS",
    "MAX_BATCH",
    "Caller",
    "CommentReview",
    "GrantStatus",
    "Item",
    "Replay",
    "ReviewedReferral",
    "Service",
    "replay",
]


class Service(Core):
    """govern's use cases over one pack (reloadable), an optional shadow pack and one store."""

    # --- access ------------------------------------------------------------------------------

    def decide(self, request: AccessRequest, actor: str) -> AccessDecision:
        return access.decide(self, request, actor)

    def decide_batch(
        self, requests: Sequence[Any], actor: str, entry_for: access.EntryFor | None = None
    ) -> list[Item[AccessDecision]]:
        return access.decide_batch(self, requests, actor, entry_for)

    def decision(self, decision_id: str, caller: Caller) -> dict[str, Any]:
        return access.logged_decision(self, decision_id, caller)

    def grants(
        self, caller: Caller, requester: str | None = None, site: str | None = None, *, expired: bool = False
    ) -> list[GrantStatus]:
        return access.grants(self, caller, requester, site, expired=expired)

    def referrals(self, status: str | None = "open") -> list[Referral]:
        return self.store.referrals(status)

    def review_referral(
        self, decision_id: str, outcome: ReviewOutcome, reason: str | None, reviewer: str
    ) -> ReviewedReferral:
        return access.review_referral(self, decision_id, outcome, reason, reviewer)

    # --- drafts ------------------------------------------------------------------------------

    def check(self, draft: Any, actor: str) -> DraftVerdict:
        return drafts.check(self, draft, actor)

    def check_batch(self, batch: Sequence[Any], actor: str) -> list[Item[DraftVerdict]]:
        return drafts.check_batch(self, batch, actor)

    # --- comments ----------------------------------------------------------------------------

    def moderate(
        self, comment: Any, actor: str, *, permalink: str | None = None, redelivery: bool = False
    ) -> ModerationResult:
        return comments.moderate(self, comment, actor, permalink=permalink, redelivery=redelivery)

    def moderate_batch(self, batch: Sequence[Any], actor: str) -> list[Item[ModerationResult]]:
        return comments.moderate_batch(self, batch, actor)

    def held(self) -> list[dict[str, Any]]:
        return comments.held(self)

    def review_comment(self, comment_id: str, action: Verdict, reason: str, reviewer: str) -> CommentReview:
        return comments.review(self, comment_id, action, reason, reviewer)

    # --- policy owners -----------------------------------------------------------------------

    def replay(self, candidate: Pack, since: dt.datetime | None = None) -> Replay:
        """What `candidate` would have answered to everything logged since `since`."""
        return replay(self.store, candidate, since)
