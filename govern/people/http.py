"""Facts from their sources (issue 16), for the API and the pages alike: the access decision
path and the manager's approval tasks. Framework-light: it reads the caller and the sources from
the request, and raises the GovernError family (govern.errors) for each adapter to show.

Thin: the rules live in govern.identity (facts, training, approvals); this module reads the caller,
calls them and shapes the answers in the one error shape.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Literal

from fastapi import Request
from pydantic import ValidationError

from govern import metrics
from govern.access.models import AccessDecision, AccessRequest
from govern.errors import Conflict, Forbidden, Invalid, NotFound, Refusal, RequestError
from govern.identity.approvals import (
    Action,
    Approval,
    ApprovalRefused,
    act,
    needs_manager,
    task_for,
)
from govern.identity.facts import FactsRefused, Resolved, resolve
from govern.identity.model import Fact, Principal
from govern.identity.sources import Sources
from govern.pack import Pack, field_errors
from govern.service import Caller, Service, access
from govern.store.base import Entry

MAX_RECORDS = 10_000


def principal(request: Request) -> Principal:
    """Who is calling: the signed-in person or the key (open mode: an anonymous admin)."""
    given = getattr(request.state, "principal", None)
    if isinstance(given, Principal):
        return given
    found = getattr(request.state, "caller", None)  # the API's require() leaves the Caller here
    actor, role = (found.name, found.role) if isinstance(found, Caller) else ("anonymous", "requester")
    return Principal(actor, frozenset({role}), via="open" if actor == "anonymous" else "key")


def sources(request: Request) -> Sources:
    found: Sources = request.app.state.sources
    return found


REFUSALS: dict[int, type[Refusal]] = {403: Forbidden, 404: NotFound, 409: Conflict, 422: Invalid}


def _refused(exc: FactsRefused | ApprovalRefused) -> Refusal:
    """The refusal in the GovernError family, so the API and the pages show it their own way."""
    return REFUSALS.get(exc.status, Forbidden)(exc.message, code=exc.code, details=list(exc.details))


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
    service: Service = request.app.state.service
    resolved = resolve_request(request, body)
    parsed = _parse(resolved.body)
    caller = principal(request)
    now = service.now()

    def record(decision: AccessDecision, entry: Entry) -> AccessDecision:
        return _with_task(request, resolved, body, caller, decision, now, entry)

    facts = resolved.facts_out()
    return access.decide(service, parsed, caller.id, received_at=now, facts=facts, record=record)


def decide_each(
    request: Request, pack: Pack, body: Any, received_at: dt.datetime
) -> tuple[AccessDecision, Entry]:
    """One item of a batch: its facts resolved and recorded (a batch opens no approval task: the
    decision says so, and a single request opens one)."""
    resolved = resolve_request(request, body)
    decision, entry = access.decision_entry(
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
    parsed = _parse(resolved.body)
    decision, entry = access.decision_entry(service.pack, parsed, task.submitted_by, now, facts)
    metrics.DECISIONS.labels(outcome=decision.decision).inc()
    outcome = {
        "decision_id": decision.decision_id,
        "decision": decision.decision,
        "expires_on": decision.expires_on.isoformat() if decision.expires_on else None,
        "refer_to": decision.refer_to,
        "reasons": [r.rule for r in decision.reasons],
    }
    return outcome, [entry]
