"""HTTP adapter for batch checks: up to 1,000 drafts or comments in one call, answered in order,
a bad item an error in its place (the same error shape as a single call's)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from govern.access.models import Contract
from govern.api import metrics
from govern.api.app import MAX_BATCH, ApiError, Service, _actor, require
from govern.clock import local_moment
from govern.drafts.models import MAX_TEXT, DraftVerdict
from govern.errors import RequestError, error_body
from govern.ids import new_id
from govern.moderation.models import Comment, ModerationResult
from govern.pack import parse
from govern.store.base import Entry

router = APIRouter(tags=["batches"])


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


class DraftsBatch(Contract):
    drafts: list[Any] = Field(description=f"up to {MAX_BATCH:,} drafts")


class CommentsBatch(Contract):
    comments: list[Any] = Field(description=f"up to {MAX_BATCH:,} comments")


class BatchItem(BaseModel):
    index: int
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None


class BatchOut(BaseModel):
    results: list[BatchItem]


def _too_many(count: int, what: str) -> None:
    if count > MAX_BATCH:
        raise ApiError(413, "too_large", f"a batch holds at most {MAX_BATCH:,} {what}, not {count:,}")


def _oversize(raw: Any, what: str) -> dict[str, Any] | None:
    text = raw.get("text") if isinstance(raw, dict) else None
    if isinstance(text, str) and len(text) > MAX_TEXT:
        return {
            "code": "too_large",
            "message": f"a {what} holds at most {MAX_TEXT:,} characters",
            "details": [],
        }
    return None


@router.post("/v1/drafts/checks:batch", response_model=BatchOut, dependencies=[Depends(require("requester"))])
def check_batch(body: DraftsBatch, request: Request) -> BatchOut:
    """Check up to 1,000 drafts with one pack; answers in order, a bad draft an error in its place."""
    _too_many(len(body.drafts), "drafts")
    service = _service(request)
    pack, actor = service.pack, _actor(request)
    results: list[BatchItem] = []
    entries: list[Entry] = []
    for index, raw in enumerate(body.drafts):
        too_large = _oversize(raw, "draft")
        if too_large:
            results.append(BatchItem(index=index, error=too_large))
            continue
        try:
            verdict: DraftVerdict = pack.check(raw)
        except RequestError as exc:
            results.append(BatchItem(index=index, error=error_body(exc)))
            continue
        answer = verdict.model_dump(mode="json")
        results.append(BatchItem(index=index, result=answer))
        entries.append(Entry("check", new_id(), actor, pack.ref.model_dump(), raw, answer))
    service.store.append_all(entries)  # one transaction: all recorded, or none and a 503
    for item in results:
        if item.result is not None:
            metrics.CHECKS.labels(verdict=item.result["verdict"]).inc()
    return BatchOut(results=results)


@router.post(
    "/v1/comments/moderations:batch", response_model=BatchOut, dependencies=[Depends(require("requester"))]
)
def moderate_batch(body: CommentsBatch, request: Request) -> BatchOut:
    """Moderate up to 1,000 comments in order; earlier comments of the batch count for flooding."""
    _too_many(len(body.comments), "comments")
    service = _service(request)
    pack, actor, store = service.pack, _actor(request), service.store
    results: list[BatchItem] = []
    earlier: dict[str, list[Any]] = {}
    for index, raw in enumerate(body.comments):
        too_large = _oversize(raw, "comment")
        if too_large:
            results.append(BatchItem(index=index, error=too_large))
            continue
        try:
            comment = parse(Comment, raw, "comment")
        except RequestError as exc:
            results.append(BatchItem(index=index, error=error_body(exc)))
            continue
        posted = local_moment(comment.posted_at, pack.timezone, pack.clock)
        author = comment.author.id
        recent: list[Any] = []
        if author:
            if author not in earlier:
                earlier[author] = store.recent_comments(author, posted - pack.moderation.window)
            recent = earlier[author]
        result: ModerationResult = pack.moderate(comment, recent)
        if author:
            earlier[author].append({**comment.model_dump(mode="json"), "posted_at": posted.isoformat()})
        ref, answer = comment.comment_id or new_id(), result.model_dump(mode="json")
        store.append("moderation", ref, actor, pack.ref.model_dump(), raw, answer)
        store.save_comment(
            ref, author or "", comment.channel, comment.text, posted, result.action, result.retain_until
        )
        metrics.MODERATIONS.labels(action=result.action).inc()
        results.append(BatchItem(index=index, result=answer))
    return BatchOut(results=results)
