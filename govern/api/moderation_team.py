"""Routes for running a moderation team: appeals, block reviews, evidence, decisions' reasons and
the platforms' comment payloads. A thin adapter over govern.moderation_team and govern.platforms."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from govern.access.models import Contract
from govern.api.auth import actor as _actor
from govern.api.auth import require
from govern.api.deps import get_service
from govern.api.errors import ApiError
from govern.errors import Refusal, RequestError, error_body
from govern.moderation.evidence import evidence_html, evidence_pack
from govern.moderation.models import ModerationResult
from govern.moderation.response_times import ResponseTimes
from govern.moderation_team import NAME, Refused, TeamDesk, slurs
from govern.platforms import ADAPTERS, PlatformCall
from govern.platforms.facebook import signature_ok
from govern.settings import Settings


@dataclass(frozen=True)
class PlatformSettings:
    """Read once when the app is made: the Facebook app secret that signs webhook deliveries."""

    facebook_app_secret: str | None = None
    appeals_per_minute: int = 5

    @classmethod
    def of(cls, settings: Settings) -> PlatformSettings:
        secret = settings.facebook_app_secret
        return cls(facebook_app_secret=secret.get_secret_value() if secret else None)

    @classmethod
    def from_env(cls) -> PlatformSettings:
        return cls.of(Settings.from_env())


class RateLimit:
    """At most `per_minute` requests a minute from one client (in this process)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            if len(self._seen) > 10_000:  # forget the quiet ones rather than grow without bound
                self._seen = {k: v for k, v in self._seen.items() if v and now - v[-1] < 60}
            seen = self._seen.setdefault(client, deque())
            while seen and now - seen[0] >= 60:
                seen.popleft()
            if len(seen) >= self.per_minute:
                return False
            seen.append(now)
            return True


# --- bodies ---------------------------------------------------------------------------------------


class AppealIn(Contract):
    statement: str = Field(min_length=1, max_length=2000, description="why the comment should be restored")


class AppealOut(BaseModel):
    appeal_id: str
    comment_id: str
    status: Literal["open", "upheld", "restored"]
    opened_at: dt.datetime


class AppealFull(AppealOut):
    statement: str
    removed_by: str
    reviewer: str | None = None
    reason: str | None = None
    decided_at: dt.datetime | None = None


class AppealDecision(Contract):
    outcome: Literal["restore", "uphold"]
    reason: str = Field(min_length=1, max_length=2000)


class BlockReviewOut(BaseModel):
    review_id: str
    author: str
    status: Literal["open", "blocked", "not-blocked"]
    opened_at: dt.datetime
    evidence: list[str]
    reviewer: str | None = None
    reason: str | None = None
    review_on: dt.date | None = None
    decided_at: dt.datetime | None = None


class BlockDecision(Contract):
    block: bool
    reason: str = Field(min_length=1, max_length=2000)
    review_on: dt.date | None = None


class DecisionOut(BaseModel):
    decision_id: str
    subject: str
    author: str
    action: str
    reason: str
    actor: str
    decided_at: dt.datetime
    review_on: dt.date | None = None


class PlatformItem(BaseModel):
    platform_id: str
    result: ModerationResult | None = None
    calls: list[PlatformCall] = []
    error: dict[str, Any] | None = None


class PlatformAnswer(BaseModel):
    platform: str
    results: list[PlatformItem]


# --- helpers --------------------------------------------------------------------------------------


def _desk(request: Request) -> TeamDesk:
    try:
        return TeamDesk(get_service(request).store)
    except Refused as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None


def _refused(exc: Refused) -> ApiError:
    return ApiError(exc.status, exc.code, exc.message)


def _name(value: str, what: str) -> str:
    if not NAME.fullmatch(value):
        message = (
            "may hold only letters, digits, '.', '-', '_' and '@', starting with a letter or digit (1-128)"
        )
        raise ApiError(422, "invalid_request", f"{what}: {message}", [{"field": what, "message": message}])
    return value


# --- the router -----------------------------------------------------------------------------------


def router(settings: PlatformSettings | None = None) -> APIRouter:
    config = settings or PlatformSettings.from_env()
    appeals_limit = RateLimit(config.appeals_per_minute)
    api = APIRouter()

    @api.post(
        "/v1/comments/{comment_id}/appeal", status_code=201, response_model=AppealOut, tags=["moderation"]
    )
    def appeal(comment_id: str, body: AppealIn, request: Request) -> AppealOut:
        """A resident asks for a removed comment to be looked at again (no key needed)."""
        client = request.client.host if request.client else "unknown"
        if not appeals_limit.allow(client):
            raise ApiError(429, "too_many_requests", "too many appeals from here; try again in a minute")
        _name(comment_id, "comment_id")
        try:
            opened = _desk(request).appeal(comment_id, body.statement)
        except Refused as exc:
            raise _refused(exc) from None
        return AppealOut(**{k: getattr(opened, k) for k in AppealOut.model_fields})

    @api.get(
        "/v1/appeals",
        response_model=list[AppealFull],
        tags=["moderation"],
        dependencies=[Depends(require("reviewer"))],
    )
    def appeals(
        request: Request, status: Literal["open", "upheld", "restored"] | None = "open"
    ) -> list[AppealFull]:
        return [AppealFull(**vars(a)) for a in _desk(request).records.appeals(status)]

    @api.post(
        "/v1/appeals/{appeal_id}/decide",
        response_model=AppealFull,
        tags=["moderation"],
        dependencies=[Depends(require("reviewer"))],
    )
    def decide_appeal(appeal_id: str, body: AppealDecision, request: Request) -> AppealFull:
        _name(appeal_id, "appeal_id")
        try:
            decided = _desk(request).decide_appeal(
                appeal_id, _actor(request), body.outcome == "restore", body.reason
            )
        except Refused as exc:
            raise _refused(exc) from None
        return AppealFull(**vars(decided))

    @api.get(
        "/v1/blocks/reviews",
        response_model=list[BlockReviewOut],
        tags=["moderation"],
        dependencies=[Depends(require("reviewer"))],
    )
    def block_reviews(
        request: Request, status: Literal["open", "blocked", "not-blocked"] | None = "open"
    ) -> list[BlockReviewOut]:
        return [BlockReviewOut(**vars(r)) for r in _desk(request).records.block_reviews(status)]

    @api.post(
        "/v1/blocks/reviews/{review_id}/decide",
        response_model=BlockReviewOut,
        tags=["moderation"],
        dependencies=[Depends(require("reviewer"))],
    )
    def decide_block(review_id: str, body: BlockDecision, request: Request) -> BlockReviewOut:
        _name(review_id, "review_id")
        try:
            decided = _desk(request).decide_block(
                review_id, _actor(request), body.block, body.reason, body.review_on
            )
        except Refused as exc:
            raise _refused(exc) from None
        return BlockReviewOut(**vars(decided))

    @api.get(
        "/v1/moderation/decisions",
        response_model=list[DecisionOut],
        tags=["moderation"],
        dependencies=[Depends(require("reviewer"))],
    )
    def decisions(
        request: Request, subject: str | None = None, author: str | None = None
    ) -> list[DecisionOut]:
        """Why each comment was hidden, deleted or restored and each author blocked or not."""
        for value, what in ((subject, "subject"), (author, "author")):
            if value is not None:
                _name(value, what)
        return [DecisionOut(**vars(d)) for d in _desk(request).records.decisions(subject, author)]

    @api.get(
        "/v1/moderation/response-times",
        response_model=list[ResponseTimes],
        tags=["moderation"],
        dependencies=[Depends(require("reviewer"))],
    )
    def response_times(request: Request, days: int = Query(default=30, ge=1, le=366)) -> list[ResponseTimes]:
        """Waits for a moderator over the last `days`, in working minutes (out-of-hours left out)."""
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
        return _desk(request).response_times(get_service(request).pack, since)

    @api.get("/v1/evidence", tags=["moderation"], dependencies=[Depends(require("admin"))])
    def evidence(
        request: Request,
        author: str,
        format: Literal["json", "html"] = "json",
        masked: bool = True,
    ) -> Response:
        """The evidence pack of one author, for community safety or the police."""
        _name(author, "author")
        pack = get_service(request).pack
        items = _desk(request).records.evidence(author)
        found = evidence_pack(author, items, slurs(pack), masked=masked, made_at=dt.datetime.now(dt.UTC))
        if format == "html":
            return HTMLResponse(evidence_html(found))
        return JSONResponse(found)

    @api.post(
        "/v1/platforms/{platform}/comments",
        response_model=PlatformAnswer,
        tags=["moderation"],
        dependencies=[Depends(require("requester"))],
    )
    async def platform_comments(
        platform: Literal["facebook", "youtube", "x"], request: Request
    ) -> PlatformAnswer:
        """Comments in a platform's own payload, answered with the calls to make in its terms."""
        raw = await request.body()
        if platform == "facebook" and config.facebook_app_secret:
            header = request.headers.get("x-hub-signature-256")
            if not signature_ok(config.facebook_app_secret, raw, header):
                raise ApiError(401, "bad_signature", "X-Hub-Signature-256 does not match the app secret")
        try:
            payload = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
            raise ApiError(422, "invalid_request", f"the body is not valid JSON: {exc}") from None
        adapter = ADAPTERS[platform]
        incoming = adapter.incoming(payload)  # a malformed payload: RequestError, 422
        service = get_service(request)
        actor = _actor(request)

        def answer() -> list[PlatformItem]:
            out = []
            for item in incoming:
                try:
                    result = service.moderate(item.comment, actor, permalink=item.permalink, redelivery=True)
                except (RequestError, Refusal) as exc:
                    out.append(PlatformItem(platform_id=item.platform_id, error=error_body(exc)))
                    continue
                out.append(
                    PlatformItem(
                        platform_id=item.platform_id, result=result, calls=adapter.calls(item, result)
                    )
                )
            return out

        return PlatformAnswer(platform=platform, results=await run_in_threadpool(answer))

    return api
