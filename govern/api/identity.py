"""Identity routes (issue 16): training records (`POST /v1/training`), the manager's approval
tasks (`GET /v1/approvals`, `POST /v1/approvals/{id}`), and the sources the decide routes read.

Thin: the rules live in govern.identity (facts, training, approvals, http)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Request
from pydantic import BaseModel, Field

from govern.access.models import AccessRequest, Contract
from govern.api.auth import require
from govern.errors import Forbidden, Invalid
from govern.identity.approvals import Approval, MemoryApprovals
from govern.identity.facts import trusted
from govern.identity.model import Directory
from govern.identity.sources import NoDirectory, Sources
from govern.identity.training import MemoryTraining, TrainingRecord, check_record
from govern.people.http import MAX_RECORDS, decide_task, listed, principal, sources


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
            raise Forbidden("only an intake client or an admin posts training records")
        today = service.now().astimezone(service.pack.timezone).date()
        details = [
            {"field": f"records.{i}.{column}", "message": message}
            for i, r in enumerate(body.records)
            for column, message in check_record(r.person, r.course, r.completed_on, today)
        ]
        if details:
            raise Invalid(f"{len(details)} problem(s); nothing was added", details=details)
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
    from govern.people.directory import SqlDirectory
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
