"""Draft checks and comment moderation, one at a time, and a moderator's review of a held comment.

Checking and moderating are CPU work: they run in a worker thread so that the event loop (and
/healthz) keeps answering while a long text is checked.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from govern.api.auth import require
from govern.api.bodies import BoundedJsonRoute, json_body
from govern.api.deps import ServiceDep
from govern.api.schemas import CommentReviewIn, CommentReviewOut
from govern.drafts.models import DraftVerdict
from govern.moderation.models import ModerationResult
from govern.service import Caller

router = APIRouter(route_class=BoundedJsonRoute)
Requester = Annotated[Caller, Depends(require("requester"))]
Reviewer = Annotated[Caller, Depends(require("reviewer"))]


@router.post("/v1/drafts/checks", response_model=DraftVerdict, tags=["drafts"])
async def check(request: Request, service: ServiceDep, caller: Requester) -> DraftVerdict:
    return await run_in_threadpool(service.check, await json_body(request), caller.name)


@router.post("/v1/comments/moderations", response_model=ModerationResult, tags=["moderation"])
async def moderate(request: Request, service: ServiceDep, caller: Requester) -> ModerationResult:
    return await run_in_threadpool(service.moderate, await json_body(request), caller.name)


@router.post("/v1/comments/{comment_id:path}/review", response_model=CommentReviewOut, tags=["moderation"])
def review(comment_id: str, body: CommentReviewIn, service: ServiceDep, caller: Reviewer) -> CommentReviewOut:
    """Publish or remove a held comment (the moderation queue's decision): 404 for an unknown
    comment, 409 for one no longer held."""
    done = service.review_comment(comment_id, body.action, body.reason or "", caller.name)
    return CommentReviewOut(
        comment_id=done.comment_id, action=done.action, reviewer=done.reviewer, reason=done.reason
    )
