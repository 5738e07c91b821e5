"""Access routes: decisions (one or a batch), a recorded decision, referrals and grants."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from govern import metrics
from govern.access.models import AccessDecision
from govern.api.auth import require
from govern.api.bodies import BoundedJsonRoute, BoundedRequest
from govern.api.deps import ServiceDep
from govern.api.errors import ApiError
from govern.api.identity import DECIDE_BODY
from govern.api.schemas import Batch, BatchItem, BatchResult, GrantOut, ReferralOut, Review, error_of
from govern.pack import Pack
from govern.people.http import decide_access, decide_each
from govern.people.http import principal as principal_of
from govern.service import Caller, Service
from govern.store.base import Entry
from govern.store.sql import SqlStore
from govern.store.writer import WouldWait

router = APIRouter(route_class=BoundedJsonRoute)
Requester = Annotated[Caller, Depends(require("requester"))]
Reviewer = Annotated[Caller, Depends(require("reviewer"))]


class DecisionRoute(APIRoute):
    """The route of single access decisions, the busiest by far (a web filter asks per request):
    its endpoint reads its own body (bounded, as BoundedJsonRoute's), checks its own caller and
    answers with its own JSON, so FastAPI's per-request work (solving dependencies, validating and
    serialising the answer against `response_model`) is skipped. In process a decision went from
    ~565 to ~505 us, and the HTTP ratio to the echo from 0.55-0.56 to 0.58 (bench/RESULTS.md,
    issue 15). FastAPI still documents the route from its declaration (response_model,
    openapi_extra)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        endpoint = self.endpoint

        async def handler(request: Request) -> Response:
            answer: Response = await endpoint(BoundedRequest(request.scope, request.receive))
            return answer

        return handler


_may_ask = require("requester")


async def decide(request: Request) -> Response:
    """The requester's facts come from their sources (the directory, training records, approvals),
    never from the body, unless an intake client states them (govern.identity.facts)."""
    await _may_ask(request)
    body = await request.json()
    decision = await _decided(request, body)
    return Response(decision.model_dump_json(), media_type="application/json")


async def _decided(request: Request, body: Any) -> AccessDecision:
    store = request.app.state.service.store
    if isinstance(store, SqlStore) and store.writes_without_waiting:
        # On SQLite, decide on the event loop when the database is free: a thread costs more here
        # than the decision (bench/RESULTS.md, issue 15). A write that would wait for a lock raises
        # WouldWait before writing anything, and the request goes to a thread as before.
        try:
            with store.no_wait():
                return decide_access(request, body)
        except WouldWait:
            metrics.DECIDED_ON_THREAD.inc()
    return await run_in_threadpool(decide_access, request, body)


router.add_api_route(
    "/v1/access/decisions",
    decide,
    methods=["POST"],
    response_model=AccessDecision,
    tags=["access"],
    openapi_extra=DECIDE_BODY,  # read as JSON: validated once the facts are resolved (issue 16)
    route_class_override=DecisionRoute,
)


@router.post("/v1/access/decisions:batch", response_model=BatchResult, tags=["access"])
def decide_batch(body: Batch, request: Request, service: ServiceDep, caller: Requester) -> BatchResult:
    def entry_for(pack: Pack, raw: Any, received_at: dt.datetime) -> tuple[AccessDecision, Entry]:
        return decide_each(request, pack, raw, received_at)

    items = service.decide_batch(body.requests, caller.name, entry_for)
    return BatchResult(
        decisions=[BatchItem(index=i.index, decision=i.result, error=error_of(i.error)) for i in items]
    )


@router.get("/v1/access/decisions/{decision_id}", response_model=AccessDecision, tags=["access"])
def get_decision(decision_id: str, service: ServiceDep, caller: Requester) -> dict[str, Any]:
    return service.decision(decision_id, caller)


@router.get("/v1/referrals", response_model=list[ReferralOut], tags=["referrals"])
def list_referrals(
    request: Request,
    service: ServiceDep,
    _: Reviewer,
    status: Literal["open", "approved", "rejected"] | None = "open",
) -> list[ReferralOut]:
    who = principal_of(request)  # a reviewer with named review queues sees only theirs (issue 16)
    return [ReferralOut.of(r) for r in service.referrals(status) if who.reviews(r.refer_to)]


@router.post("/v1/referrals/{decision_id}/approve", response_model=ReferralOut, tags=["referrals"])
def approve(
    decision_id: str, request: Request, service: ServiceDep, caller: Reviewer, body: Review | None = None
) -> ReferralOut:
    reason = body.reason if body else None
    _in_queue(request, service, decision_id)
    return ReferralOut.reviewed(service.review_referral(decision_id, "approved", reason, caller.name))


@router.post("/v1/referrals/{decision_id}/reject", response_model=ReferralOut, tags=["referrals"])
def reject(
    decision_id: str, body: Review, request: Request, service: ServiceDep, caller: Reviewer
) -> ReferralOut:
    if not body.reason:
        raise ApiError(
            422,
            "invalid_request",
            "a rejection needs a reason",
            [{"field": "reason", "message": "is required"}],
        )
    _in_queue(request, service, decision_id)
    return ReferralOut.reviewed(service.review_referral(decision_id, "rejected", body.reason, caller.name))


def _in_queue(request: Request, service: Service, decision_id: str) -> None:
    """Only the referral's own queue's reviewers decide it (issue 16: queues from the role map)."""
    referral = service.store.referral(decision_id)
    if referral is not None and not principal_of(request).reviews(referral.refer_to):
        raise ApiError(403, "forbidden", f"this referral is for the {referral.refer_to} queue, not yours")


@router.get("/v1/grants", response_model=list[GrantOut], tags=["access"])
def list_grants(
    service: ServiceDep,
    caller: Requester,
    requester: str | None = None,
    site: str | None = None,
    include: Literal["expired"] | None = Query(default=None),
) -> list[GrantOut]:
    found = service.grants(caller, requester, site, expired=include == "expired")
    return [GrantOut.of(g) for g in found]
