"""HTTP adapter for draft sign-off, the pre-publish gate and acknowledgements (and the mounting of
the batch endpoints of govern.api.batches).

Thin: each route parses, calls govern.signoff.Signoff (or the pack) and shapes the answer. Keys,
roles and the error shape are the app's own (`require`, `error_response`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from prometheus_client import Counter, Gauge
from pydantic import BaseModel, Field
from sqlalchemy.engine import Engine

from govern import metrics
from govern.access.models import Contract
from govern.api import batches
from govern.api.auth import actor as _actor
from govern.api.auth import caller, require
from govern.api.deps import get_service
from govern.api.errors import ApiError, error_response
from govern.clock import local_moment
from govern.drafts.models import MAX_TEXT, Finding
from govern.pack import Pack
from govern.signoff import MemoryReviews, ReviewItem, Signoff, SignoffError
from govern.signoff.model import Status
from govern.signoff.rates import acknowledgement_rates
from govern.signoff.sql import SqlReviews

SWEEP_SECONDS = 60.0
RATES_EVERY = 10  # sweeps
RATE_DAYS = 30
EXTENSION_ORIGIN = r"chrome-extension://[a-p]{32}"  # Chromium and Edge extension ids
router = APIRouter(tags=["sign-off"])
log = logging.getLogger("govern.signoff")

ACKNOWLEDGEMENTS = Counter(
    "govern_draft_acknowledgements_total", "Findings acknowledged with a reason, by rule", ["rule"]
)
ACKNOWLEDGEMENT_RATE = Gauge(
    "govern_rule_acknowledgement_rate",
    f"Of the last {RATE_DAYS} days' drafts a rule found something in, the share acknowledged (every 10 min)",
    ["rule"],
    multiprocess_mode="max",
)


# --- bodies -------------------------------------------------------------------------------------


class ReviewRequest(Contract):
    draft: dict[str, Any] = Field(description="the draft, as for POST /v1/drafts/checks")
    scheduled_at: dt.datetime | None = Field(default=None, description="expires unless approved by then")
    note: str | None = Field(default=None, max_length=2000)


class VersionRequest(Contract):
    draft: dict[str, Any]
    note: str | None = Field(default=None, max_length=2000)


class ReasonRequest(Contract):
    reason: str | None = Field(default=None, max_length=2000)


class CommentRequest(Contract):
    text: str = Field(max_length=2000)


class GateRequest(Contract):
    draft: dict[str, Any]
    scheduled_at: dt.datetime | None = None


class AcknowledgementRequest(Contract):
    draft: dict[str, Any]
    rule: str = Field(max_length=200)
    reason: str = Field(max_length=2000)


class VersionOut(BaseModel):
    number: int
    text: str
    draft: dict[str, Any]
    verdict: dict[str, Any]
    submitted_by: str
    submitted_at: dt.datetime
    diff: str


class NoteOut(BaseModel):
    by: str
    at: dt.datetime
    text: str
    version: int


class ReviewOut(BaseModel):
    id: str
    status: Status
    queue: str
    author: str
    created_at: dt.datetime
    updated_at: dt.datetime
    scheduled_at: dt.datetime | None
    reviewer: str | None
    reason: str | None
    decided_at: dt.datetime | None
    versions: list[VersionOut]
    comments: list[NoteOut]
    links: dict[str, str]


class GateOut(BaseModel):
    decision: Literal["allow", "hold"]
    verdict: str
    findings: list[Finding]
    review: str | None
    message: str
    unacknowledged: list[Finding]
    links: dict[str, str]


class AcknowledgementOut(BaseModel):
    id: str
    rule: str
    severity: str
    excerpt: str
    reason: str
    by: str
    at: dt.datetime
    digest: str


# --- shaping -------------------------------------------------------------------------------------


def review_out(item: ReviewItem) -> ReviewOut:
    return ReviewOut(
        id=item.id,
        status=item.status,
        queue=item.queue,
        author=item.author,
        created_at=item.created_at,
        updated_at=item.updated_at,
        scheduled_at=item.scheduled_at,
        reviewer=item.reviewer,
        reason=item.reason,
        decided_at=item.decided_at,
        versions=[VersionOut(**vars(v), text=v.text) for v in item.versions],
        comments=[NoteOut(**vars(n)) for n in item.notes],
        links=_links(item.id),
    )


def _links(item_id: str) -> dict[str, str]:
    return {"self": f"/v1/drafts/reviews/{item_id}", "page": f"/drafts/{item_id}"}


def _signoff(request: Request) -> Signoff:
    signoff: Signoff = request.app.state.signoff
    return signoff


def _draft(raw: dict[str, Any]) -> dict[str, Any]:
    """The draft, refused with 413 over the size limit (like POST /v1/drafts/checks)."""
    text = raw.get("text")
    if isinstance(text, str) and len(text) > MAX_TEXT:
        raise ApiError(413, "too_large", f"a draft holds at most {MAX_TEXT:,} characters, not {len(text):,}")
    return raw


def _aware(moment: dt.datetime | None, pack: Pack) -> dt.datetime | None:
    """A scheduled time without a zone is the pack's local time."""
    return None if moment is None else local_moment(moment, pack.timezone)


def _sees_everyone(request: Request) -> bool:
    return caller(request).sees_everyone


# --- sign-off ------------------------------------------------------------------------------------


@router.post(
    "/v1/drafts/reviews",
    response_model=ReviewOut,
    status_code=201,
    dependencies=[Depends(require("requester"))],
)
def submit(body: ReviewRequest, request: Request) -> ReviewOut:
    """Send a draft for sign-off; the author is the caller."""
    pack = get_service(request).pack
    item = _signoff(request).submit(
        pack, _actor(request), _draft(body.draft), _aware(body.scheduled_at, pack), body.note
    )
    return review_out(item)


@router.get(
    "/v1/drafts/reviews", response_model=list[ReviewOut], dependencies=[Depends(require("requester"))]
)
def list_reviews(
    request: Request, queue: str | None = None, status: Status | None = None, author: str | None = None
) -> list[ReviewOut]:
    """Review items, oldest first. A requester sees only their own; reviewers see every queue."""
    if not _sees_everyone(request):
        author = _actor(request)
    return [review_out(i) for i in _signoff(request).find(queue, status, author)]


@router.get(
    "/v1/drafts/reviews/{item_id}", response_model=ReviewOut, dependencies=[Depends(require("requester"))]
)
def get_review(item_id: str, request: Request) -> ReviewOut:
    item = _signoff(request).get(item_id)
    if not _sees_everyone(request) and item.author != _actor(request):
        raise ApiError(404, "not_found", f"no review {item_id}")  # not even whether it exists
    return review_out(item)


@router.post(
    "/v1/drafts/reviews/{item_id}/approve",
    response_model=ReviewOut,
    dependencies=[Depends(require("reviewer"))],
)
def approve(item_id: str, request: Request, body: ReasonRequest | None = None) -> ReviewOut:
    return review_out(_signoff(request).approve(item_id, _actor(request), body.reason if body else None))


@router.post(
    "/v1/drafts/reviews/{item_id}/reject",
    response_model=ReviewOut,
    dependencies=[Depends(require("reviewer"))],
)
def reject(item_id: str, body: ReasonRequest, request: Request) -> ReviewOut:
    return review_out(_signoff(request).reject(item_id, _actor(request), body.reason))


@router.post(
    "/v1/drafts/reviews/{item_id}/changes",
    response_model=ReviewOut,
    dependencies=[Depends(require("reviewer"))],
)
def changes(item_id: str, body: ReasonRequest, request: Request) -> ReviewOut:
    return review_out(_signoff(request).request_changes(item_id, _actor(request), body.reason))


@router.post(
    "/v1/drafts/reviews/{item_id}/versions",
    response_model=ReviewOut,
    dependencies=[Depends(require("requester"))],
)
def resubmit(item_id: str, body: VersionRequest, request: Request) -> ReviewOut:
    pack = get_service(request).pack
    item = _signoff(request).resubmit(pack, item_id, _actor(request), _draft(body.draft), body.note)
    return review_out(item)


@router.post(
    "/v1/drafts/reviews/{item_id}/comments",
    response_model=ReviewOut,
    dependencies=[Depends(require("requester"))],
)
def comment(item_id: str, body: CommentRequest, request: Request) -> ReviewOut:
    signoff = _signoff(request)
    if not _sees_everyone(request) and signoff.get(item_id).author != _actor(request):
        raise ApiError(404, "not_found", f"no review {item_id}")
    return review_out(signoff.comment(item_id, _actor(request), body.text))


# --- the gate and acknowledgements ------------------------------------------------------------------


@router.post("/v1/drafts/gate", response_model=GateOut, dependencies=[Depends(require("requester"))])
def gate(body: GateRequest, request: Request) -> GateOut:
    """allow, or hold with the review item that decides it: for a scheduler's approval step."""
    pack = get_service(request).pack
    answer = _signoff(request).gate(
        pack, _actor(request), _draft(body.draft), _aware(body.scheduled_at, pack)
    )
    metrics.CHECKS.labels(verdict=answer.verdict.verdict).inc()
    return GateOut(
        decision=answer.decision,
        verdict=answer.verdict.verdict,
        findings=answer.verdict.findings,
        review=answer.review.id if answer.review else None,
        message=answer.message,
        unacknowledged=answer.unacknowledged,
        links=_links(answer.review.id) if answer.review else {},
    )


@router.post(
    "/v1/drafts/acknowledgements",
    response_model=AcknowledgementOut,
    status_code=201,
    dependencies=[Depends(require("requester"))],
)
def acknowledge(body: AcknowledgementRequest, request: Request) -> AcknowledgementOut:
    """Publish despite an info or revise finding, with a reason (never a block or refer one)."""
    pack = get_service(request).pack
    ack = _signoff(request).acknowledge(pack, _actor(request), _draft(body.draft), body.rule, body.reason)
    ACKNOWLEDGEMENTS.labels(rule=ack.rule).inc()
    return AcknowledgementOut(**vars(ack))


# --- wiring -------------------------------------------------------------------------------------


def rule_rates(app: FastAPI) -> dict[str, tuple[int, int]]:
    """Each drafts rule's (acknowledged, found) over the last 30 days; sets the gauge."""
    service = app.state.service
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=RATE_DAYS)
    signoff: Signoff = app.state.signoff
    found = acknowledgement_rates(service.store.log(since=since), signoff.acknowledged(since))
    for rule, (acknowledged, total) in found.items():
        ACKNOWLEDGEMENT_RATE.labels(rule=rule).set(acknowledged / total if total else 0.0)
    return found


def add_signoff(app: FastAPI) -> None:
    """Mount the routes on `app`, with the review store beside its store and a periodic sweep."""
    service = app.state.service
    engine = getattr(service.store, "engine", None)
    reviews = SqlReviews(engine) if isinstance(engine, Engine) else MemoryReviews()

    def record(kind: str, ref: str, actor: str, input: dict[str, Any], result: dict[str, Any]) -> None:
        service.store.append(kind, ref, actor, service.pack.ref.model_dump(), input, result)

    app.state.signoff = Signoff(reviews, record)
    app.include_router(router)
    app.include_router(batches.router)
    # The browser extension calls from its own origin with the officer's key (never cookies).
    app.add_middleware(
        CORSMiddleware,
        allow_origin_regex=EXTENSION_ORIGIN,
        allow_methods=["GET", "POST"],
        allow_headers=["authorization", "content-type"],
        max_age=600,
    )

    @app.exception_handler(SignoffError)
    async def refused(_: Request, exc: SignoffError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.details)

    inner = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(application: Any) -> AsyncIterator[Any]:
        task = asyncio.create_task(_sweeping(app))
        try:
            async with inner(application) as state:
                yield state
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    app.router.lifespan_context = lifespan


async def _sweeping(app: FastAPI) -> None:
    """Expire items past their scheduled time every minute; refresh the acknowledgement rates every
    ten (they read 30 days of the log)."""
    rounds = 0
    while True:
        try:
            await asyncio.to_thread(app.state.signoff.sweep)
            if rounds % RATES_EVERY == 0:
                await asyncio.to_thread(rule_rates, app)
        except Exception:  # a database hiccup must not end the sweeping; the next round retries
            log.exception("sign-off sweep failed")
        rounds += 1
        await asyncio.sleep(SWEEP_SECONDS)


__all__ = ["add_signoff", "router", "rule_rates"]
