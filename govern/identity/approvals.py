"""The manager's approval as a step: a task for the requester's manager from the directory.

A request the pack refuses for want of the manager's approval (A3: `missing` names
`business_case.manager_approved`) opens a task for the requester's manager. Only that manager, or
the one person the manager names as delegate for that task, may approve or reject it; nobody
approves their own request. An approval re-decides the request with `manager_approved` sourced
from `approval`, and the task keeps who decided, when, and the new decision's id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol

from govern.identity.model import Directory, Person
from govern.ids import name_problem, new_id

Status = Literal["open", "approved", "rejected"]
Action = Literal["approve", "reject", "delegate"]
NEEDS_MANAGER = "business_case.manager_approved"


@dataclass(frozen=True, slots=True)
class Approval:
    """One approval task: the request it is for, who may decide it, and what they decided."""

    approval_id: str
    decision_id: str  # the decision that asked for the manager's approval
    requester: str
    approver: str  # the requester's manager in the directory when the task opened
    status: Status
    opened_at: dt.datetime
    request: dict[str, Any]  # the request as its caller sent it: facts are resolved again on approval
    submitted_by: str
    submitted_roles: tuple[str, ...] = ()
    delegate: str | None = None
    decided_by: str | None = None
    reason: str | None = None
    decided_at: dt.datetime | None = None
    outcome: dict[str, Any] = field(default_factory=dict)  # the re-decision: id, decision, expires_on

    def may_decide(self, who: str) -> bool:
        folded = who.casefold()
        return folded == self.approver.casefold() or (
            self.delegate is not None and folded == self.delegate.casefold()
        )


class ApprovalRefused(Exception):
    """What the caller may not do with a task: a status, a stable code, a message, details."""

    def __init__(
        self, status: int, code: str, message: str, details: list[dict[str, str]] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details or []


class NotOpen(Exception):
    """The task was decided meanwhile; nothing was written."""


class ApprovalStore(Protocol):
    def open(self, approval: Approval, *, also: Sequence[Any] = ()) -> None:
        """Open the task, written with the records in `also` (the decision asking for it)."""
        ...

    def get(self, approval_id: str) -> Approval | None: ...

    def listed(self, who: str | None = None, status: Status | None = "open") -> list[Approval]:
        """Tasks `who` may decide (as approver or delegate), or every task when `who` is None."""
        ...

    def update(self, approval: Approval, *, also: Sequence[Any] = ()) -> None:
        """Write the task's new state with the records in `also`, in one transaction; NotOpen (and
        nothing written) if the task is no longer open."""
        ...


class MemoryApprovals:
    """Approval tasks in memory, for tests."""

    def __init__(self) -> None:
        self._tasks: dict[str, Approval] = {}
        self.written: list[Any] = []  # what `update` was given to write with the tasks

    def open(self, approval: Approval, *, also: Sequence[Any] = ()) -> None:
        self._tasks[approval.approval_id] = approval
        self.written.extend(also)

    def get(self, approval_id: str) -> Approval | None:
        return self._tasks.get(approval_id)

    def listed(self, who: str | None = None, status: Status | None = "open") -> list[Approval]:
        return sorted(
            (
                a
                for a in self._tasks.values()
                if (status is None or a.status == status) and (who is None or a.may_decide(who))
            ),
            key=lambda a: a.opened_at,
        )

    def update(self, approval: Approval, *, also: Sequence[Any] = ()) -> None:
        current = self._tasks.get(approval.approval_id)
        if current is None or current.status != "open":
            raise NotOpen(approval.approval_id)
        self._tasks[approval.approval_id] = approval
        self.written.extend(also)


def needs_manager(decision: dict[str, Any]) -> bool:
    """Whether the pack's answer waits for the manager's approval (it names it as missing)."""
    return any(str(m).startswith(NEEDS_MANAGER) for m in decision.get("missing", []) or [])


def task_for(
    person: Person,
    decision_id: str,
    request: dict[str, Any],
    submitted_by: str,
    roles: frozenset[str],
    now: dt.datetime,
) -> Approval | str:
    """A new task for `person`'s manager, or why none can open (said in the decision's warnings)."""
    manager = (person.manager or "").strip()
    if not manager:
        return f"the directory names no manager for '{person.id}', so no approval task was opened; ask IT"
    if manager.casefold() == person.id.casefold():
        return f"the directory names '{person.id}' as their own manager; nobody approves their own request"
    case = request.get("business_case")
    kept = dict(request)
    if isinstance(case, dict):
        kept["business_case"] = {k: v for k, v in case.items() if k != "manager_approved"}
    return Approval(
        approval_id=new_id(),
        decision_id=decision_id,
        requester=person.id,
        approver=manager.casefold(),
        status="open",
        opened_at=now,
        request=kept,
        submitted_by=submitted_by,
        submitted_roles=tuple(sorted(roles)),
    )


# Decide the task's request again as approved by `who` at `now`: the outcome to keep on the task,
# and the records (log entries, with the grant) to write in the same transaction as the task.
Redecide = Callable[[Approval, str, dt.datetime], tuple[dict[str, Any], list[Any]]]


def act(
    store: ApprovalStore,
    approval_id: str,
    who: str,
    action: Action,
    now: dt.datetime,
    redecide: Redecide,
    *,
    reason: str | None = None,
    delegate: str | None = None,
    directory: Directory | None = None,
) -> Approval:
    """Approve, reject or delegate a task as `who`; every refusal is an ApprovalRefused. With the
    `directory`, the task follows the requester's current manager, and a leaver decides nothing."""
    task = store.get(approval_id)
    if task is None:
        raise ApprovalRefused(404, "not_found", f"no approval task {approval_id}")
    if directory is not None and task.status == "open":
        task = _current(store, task, who, directory)
    if who.casefold() == task.requester.casefold():
        raise ApprovalRefused(
            403, "forbidden", "nobody approves their own request; it waits for their manager"
        )
    if not task.may_decide(who):
        raise ApprovalRefused(
            403,
            "forbidden",
            "only the requester's manager in the directory, or the delegate they name, decides this task",
        )
    if task.status != "open":
        raise ApprovalRefused(409, "conflict", f"approval task {approval_id} is already {task.status}")
    reason = (reason or "").strip() or None
    if action == "delegate":
        return _delegate(store, task, who, delegate, now)
    if action == "reject" and not reason:
        raise ApprovalRefused(
            422,
            "invalid_request",
            "a rejection needs a reason",
            [{"field": "reason", "message": "is required"}],
        )
    outcome, also = redecide(task, who, now) if action == "approve" else ({}, [])
    closed = replace(
        task,
        status="approved" if action == "approve" else "rejected",
        decided_by=who,
        reason=reason,
        decided_at=now,
        outcome=outcome,
    )
    try:
        store.update(closed, also=also)
    except NotOpen:
        raise ApprovalRefused(409, "conflict", f"approval task {approval_id} was decided meanwhile") from None
    return closed


def _current(store: ApprovalStore, task: Approval, who: str, directory: Directory) -> Approval:
    """The task with the requester's manager as the directory says now (a mover's new manager
    takes it over, and the old one's delegate goes); refused if `who` has left."""
    caller = directory.person(who.casefold())
    if caller is not None and not caller.active:
        raise ApprovalRefused(403, "inactive_person", f"'{who}' is not active in the directory")
    requester = directory.person(task.requester)
    manager = ((requester.manager if requester else None) or "").strip().casefold()
    if not manager or manager == task.approver or manager == task.requester.casefold():
        return task
    moved = replace(task, approver=manager, delegate=None)
    try:
        store.update(moved)
    except NotOpen:
        raise ApprovalRefused(
            409, "conflict", f"approval task {task.approval_id} was decided meanwhile"
        ) from None
    return moved


def _delegate(store: ApprovalStore, task: Approval, who: str, to: str | None, now: dt.datetime) -> Approval:
    if who.casefold() != task.approver.casefold():
        raise ApprovalRefused(403, "forbidden", f"only the manager '{task.approver}' names a delegate")
    to = (to or "").strip()
    if problem := name_problem(to):
        raise ApprovalRefused(
            422,
            "invalid_request",
            f"delegate: the name {problem}",
            [{"field": "delegate", "message": problem}],
        )
    if to.casefold() in (task.requester.casefold(), task.approver.casefold()):
        raise ApprovalRefused(
            403, "forbidden", "the delegate must be someone other than the requester and the manager"
        )
    named = replace(task, delegate=to.casefold())
    try:
        store.update(named)
    except NotOpen:
        raise ApprovalRefused(
            409, "conflict", f"approval task {task.approval_id} was decided meanwhile"
        ) from None
    return named
