"""Facts from their sources in the service (issue 16): the access decision path, training records
(`POST /v1/training`) and the manager's approval tasks (`GET /v1/approvals`,
`POST /v1/approvals/{id}`).

Thin: the rules live in govern.identity (facts, training, approvals); this module reads the caller,
calls them and shapes the answers in the one error shape.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Request
from pydantic import BaseModel, Field, ValidationError

from govern.access.models import AccessDecision, AccessRequest, Contract
from govern.api import metrics
from govern.errors import RequestError
from govern.identity.approvals import (
    Action,
    Approval,
    ApprovalRefused,
    MemoryApprovals,
    act,
    needs_manager,
    task_for,
)
from govern.identity.facts import FactsRefused, Resolved, resolve, trusted
from govern.identity.model import Directory, Fact, Principal
from govern.identity.sources import NoDirectory, Sources
from govern.identity.training import MemoryTraining, TrainingRecord, check_record
from govern.pack import Pack, field_errors
from govern.store.base import Entry

MAX_RECORDS = 10_000


def principal(request: Request) -> Principal:
    """Who is calling: the signed-in person or the key (open mode: an anonymous admin)."""
    given = getattr(request.state, "principal", None)
    if isinstance(given, Principal):
        return given
    actor = str(getattr(request.state, "actor", "anonymous"))
    role = str(getattr(request.state, "role", "requester"))
    return Principal(actor, frozenset({role}), via="open" if actor == "anonymous" else "key")


def sources(request: Request) -> Sources:
    found: Sources = request.app.state.sources
    return found


def _refused(exc: FactsRefused | ApprovalRefused) -> Exception:
    from govern.api.app import ApiError

    return ApiError(exc.status, exc.code, exc.message, list(exc.details))


def _parse(body: Any) -> AccessRequest:
    try:
        return AccessRequest.model_validate(body)
    except ValidationError as exc:  # 422 naming each field, as `govern decide` says it
        raise RequestError(field_errors(exc), "access request") from None


def resolve_request(request: Request, body: Any, approved: Fact | None = None) -> Resolved:
    """The request with its facts from their sources, or an ApiError naming what was refused."""
    found = sources(request)
    try:
        return resolve(body, principal(request), found.directory, found.training, manager_approved=approved)
    except FactsRefused as exc:
        raise _refused(exc) from None


def decide_access(request: Request, body: Any) -> AccessDecision:
    """Resolve the facts, decide, record the decision with its facts, and open the manager's
    approval task when the pack waits for it (in the decision's transaction)."""
    from govern.api.app import Service, _decide

    service: Service = request.app.state.service
    resolved = resolve_request(request, body)
    parsed = _parse(resolved.body)
    caller = principal(request)
    now = service.now()

    def record(decision: AccessDecision, entry: Entry) -> AccessDecision:
        return _with_task(request, resolved, body, caller, decision, now, entry)

    return _decide(service, service.pack, parsed, caller.id, now, facts=resolved.facts_out(), record=record)


def decide_each(
    request: Request, pack: Pack, body: Any, received_at: dt.datetime
) -> tuple[AccessDecision, Entry]:
    """One item of a batch: its facts resolved and recorded (a batch opens no approval task: the
    decision says so, and a single request opens one)."""
    from govern.api.app import _entry

    resolved = resolve_request(request, body)
    decision, entry = _entry(
        pack, _parse(resolved.body), principal(request).id, received_at, resolved.facts_out()
    )
    if resolved.person is not None and needs_manager(entry.result):
        note = "a batch opens no approval task; send this request on its own to ask the manager"
        decision = decision.model_copy(update={"warnings": [*decision.warnings, note]})
        entry = dataclasses.replace(entry, result=decision.model_dump(mode="json"))
    return decision, entry


def _with_task(
    request: Request,
    resolved: Resolved,
    body: Any,
    caller: Principal,
    decision: AccessDecision,
    now: dt.datetime,
    entry: Entry,
) -> AccessDecision:
    service = request.app.state.service
    stated = resolved.facts.get("manager_approved")
    person = resolved.person
    if person is None or stated is None or stated.source != "approval" or not needs_manager(entry.result):
        service.store.append_all([entry])
        return decision
    task = task_for(person, decision.decision_id, dict(body), caller.id, caller.roles, now)
    if isinstance(task, str):
        decision = decision.model_copy(update={"warnings": [*decision.warnings, task]})
        service.store.append_all([dataclasses.replace(entry, result=decision.model_dump(mode="json"))])
        return decision
    opened = {"approval_id": task.approval_id, "approver": task.approver, "status": task.status}
    decision = decision.model_copy(update={"approval": opened})
    sources(request).approvals.open(
        task, also=[dataclasses.replace(entry, result=decision.model_dump(mode="json"))]
    )
    return decision


# --- approvals ----------------------------------------------------------------------------------


class ApprovalAction(Contract):
    action: Literal["approve", "reject", "delegate"]
    reason: str | None = Field(default=None, max_length=2000)
    delegate: str | None = Field(default=None, max_length=200, description="with action delegate")


class ApprovalOut(BaseModel):
    approval_id: str
    decision_id: str
    requester: str
    approver: str
    delegate: str | None
    status: Literal["open", "approved", "rejected"]
    opened_at: dt.datetime
    request: dict[str, Any]
    decided_by: str | None
    reason: str | None
    decided_at: dt.datetime | None
    outcome: dict[str, Any]


def approval_out(task: Approval) -> ApprovalOut:
    return ApprovalOut(
        approval_id=task.approval_id,
        decision_id=task.decision_id,
        requester=task.requester,
        approver=task.approver,
        delegate=task.delegate,
        status=task.status,
        opened_at=task.opened_at,
        request=task.request,
        decided_by=task.decided_by,
        reason=task.reason,
        decided_at=task.decided_at,
        outcome=task.outcome,
    )


def listed(request: Request, status: Literal["open", "approved", "rejected"] | None) -> list[Approval]:
    """The tasks the caller may decide; reviewers and admins see every task."""
    caller = principal(request)
    everyone = bool(caller.roles & {"reviewer", "admin"})
    return sources(request).approvals.listed(None if everyone else caller.id, status)


def decide_task(
    request: Request, approval_id: str, action: Action, reason: str | None, delegate: str | None
) -> Approval:
    """Approve, reject or delegate as the caller; an approval re-decides the request."""
    service = request.app.state.service
    caller = principal(request)
    try:
        return act(
            sources(request).approvals,
            approval_id,
            caller.id,
            action,
            service.now(),
            lambda task, who, now: _redecide(request, task, who, now),
            reason=reason,
            delegate=delegate,
            directory=sources(request).directory,
        )
    except ApprovalRefused as exc:
        raise _refused(exc) from None


def _redecide(
    request: Request, task: Approval, who: str, now: dt.datetime
) -> tuple[dict[str, Any], list[Any]]:
    """The task's request decided again with the manager's approval: facts resolved afresh from
    their sources (a leaver meanwhile is refused), as its submitter asked it."""
    from govern.api.app import Service, _entry

    service: Service = request.app.state.service
    submitter = Principal(task.submitted_by, frozenset(task.submitted_roles))
    found = sources(request)
    try:
        resolved = resolve(
            task.request, submitter, found.directory, found.training, manager_approved=Fact(True, "approval")
        )
    except FactsRefused as exc:
        raise ApprovalRefused(
            409, "conflict", f"the request cannot be decided again: {exc.message}"
        ) from None
    facts = resolved.facts_out()
    facts["manager_approved"].update(
        {"approved_by": who, "approved_at": now.isoformat(), "approval_id": task.approval_id}
    )
    decision, entry = _entry(service.pack, _parse(resolved.body), task.submitted_by, now, facts)
    metrics.DECISIONS.labels(outcome=decision.decision).inc()
    outcome = {
        "decision_id": decision.decision_id,
        "decision": decision.decision,
        "expires_on": decision.expires_on.isoformat() if decision.expires_on else None,
        "refer_to": decision.refer_to,
        "reasons": [r.rule for r in decision.reasons],
    }
    return outcome, [entry]


# --- training -----------------------------------------------------------------------------------


class TrainingIn(Contract):
    person: str = Field(max_length=200)
    course: str = Field(max_length=200)
    completed_on: str = Field(max_length=40)


class TrainingBatch(Contract):
    records: list[TrainingIn] = Field(max_length=MAX_RECORDS)
    source: str = Field(default="api", max_length=200, description="the learning system's name")


class TrainingOut(BaseModel):
    added: int
    already_held: int


def router() -> APIRouter:
    from govern.api.app import ApiError, require

    api = APIRouter()

    @api.post(
        "/v1/training",
        response_model=TrainingOut,
        tags=["identity"],
        dependencies=[Depends(require("intake"))],
    )
    def post_training(body: TrainingBatch, request: Request) -> TrainingOut:
        """Completed courses from a learning system: all records or none (422 naming each bad one)."""
        service = request.app.state.service
        caller = principal(request)
        if not trusted(caller):  # require("intake") admits only intake and admin; said twice on purpose
            raise ApiError(403, "forbidden", "only an intake client or an admin posts training records")
        today = service.now().astimezone(service.pack.timezone).date()
        details = [
            {"field": f"records.{i}.{column}", "message": message}
            for i, r in enumerate(body.records)
            for column, message in check_record(r.person, r.course, r.completed_on, today)
        ]
        if details:
            raise ApiError(422, "invalid_request", f"{len(details)} problem(s); nothing was added", details)
        imported_at = service.now()
        records = [
            TrainingRecord(
                r.person.strip().casefold(),
                r.course.strip(),
                dt.date.fromisoformat(r.completed_on.strip()[:10]),
                f"api:{body.source}",
                imported_at,
            )
            for r in body.records
        ]
        added, held = sources(request).training.put(records, caller.id, f"api:{body.source}")
        return TrainingOut(added=added, already_held=held)

    @api.get(
        "/v1/approvals",
        response_model=list[ApprovalOut],
        tags=["approvals"],
        dependencies=[Depends(require("requester"))],
    )
    def get_approvals(
        request: Request, status: Literal["open", "approved", "rejected"] | None = "open"
    ) -> list[ApprovalOut]:
        return [approval_out(t) for t in listed(request, status)]

    @api.post(
        "/v1/approvals/{approval_id}",
        response_model=ApprovalOut,
        tags=["approvals"],
        dependencies=[Depends(require("requester"))],
    )
    def post_approval(approval_id: str, body: ApprovalAction, request: Request) -> ApprovalOut:
        return approval_out(decide_task(request, approval_id, body.action, body.reason, body.delegate))

    return api


def add_identity(app: FastAPI, directory: Directory | None = None) -> None:
    """The sources beside the service's store (the directory given, or the one SCIM provisioning
    keeps in the store), the routes and the approvals page."""
    from govern.identity.directory import SqlDirectory
    from govern.store.identity import SqlApprovals, SqlTraining
    from govern.store.sql import SqlStore

    store = app.state.service.store
    if isinstance(store, SqlStore):
        people = directory or SqlDirectory(store)
        app.state.sources = Sources(people, SqlTraining(store), SqlApprovals(store))
    else:  # a store of another kind (a test double): every source in memory, nobody known
        app.state.sources = Sources(directory or NoDirectory(), MemoryTraining(), MemoryApprovals())
    app.include_router(router())
    _document(app)
    from govern.web.approvals import add_approval_pages

    add_approval_pages(app)


# The decide routes read the body as JSON and validate it after the facts are resolved; the
# OpenAPI document still describes it as an AccessRequest (DECIDE_BODY on the routes).
DECIDE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AccessRequest"}}},
    }
}


def _document(app: FastAPI) -> None:
    """Put AccessRequest (and the models it uses) in the OpenAPI document's components."""
    base = app.openapi

    def openapi() -> dict[str, Any]:
        document = base()
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        if "AccessRequest" not in schemas:
            model = AccessRequest.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, definition in model.pop("$defs", {}).items():
                schemas.setdefault(name, definition)
            schemas["AccessRequest"] = model
        return document

    app.openapi = openapi  # type: ignore[method-assign]
