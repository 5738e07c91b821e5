"""Training records and the manager's approval tasks, beside a SqlStore (the same database,
transactions and log): each change is written with its log record in one transaction."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from govern.identity.approvals import Approval, NotOpen, Status
from govern.identity.training import TrainingRecord
from govern.store import schema as t
from govern.store.base import Entry
from govern.store.chain import NO_POLICY
from govern.store.rows import now, ts
from govern.store.sql import SqlStore


def _moment(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


class SqlTraining:
    """Training records: imported from a learning system's export or posted by a trusted client."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def put(self, records: Iterable[TrainingRecord], actor: str, source: str) -> tuple[int, int]:
        """Add the records not held yet (person, course, date), logged; (added, already held)."""
        wanted = {(r.person, r.course, r.completed_on.isoformat()): r for r in records}
        counts = [0, 0]

        def build(c: Connection) -> list[Entry]:
            held = set()
            for person in {p for p, _, _ in wanted}:
                query = sa.select(t.training_records).where(t.training_records.c.person == person)
                held |= {(row.person, row.course, row.completed_on) for row in c.execute(query)}
            rows = [
                {
                    "person": p,
                    "course": course,
                    "completed_on": day,
                    "source": (r.source or source)[:500],
                    "imported_at": ts(r.imported_at or now()),
                }
                for (p, course, day), r in wanted.items()
                if (p, course, day) not in held
            ]
            counts[:] = [len(rows), len(wanted) - len(rows)]
            if rows:
                c.execute(t.training_records.insert(), rows)
            given = {"source": source, "records": len(wanted)}
            added = [[r["person"], r["course"], r["completed_on"]] for r in rows]
            return [Entry("training", source[:200], actor, NO_POLICY, given, {"added": added}, effects={})]

        self.store._write(build)
        return counts[0], counts[1]

    def completed(self, person: str) -> list[TrainingRecord]:
        query = (
            sa.select(t.training_records)
            .where(t.training_records.c.person == person)
            .order_by(t.training_records.c.course, t.training_records.c.completed_on)
        )
        with self.store._tx(write=False) as c:
            rows = list(c.execute(query))
        return [
            TrainingRecord(
                row.person,
                row.course,
                dt.date.fromisoformat(row.completed_on),
                row.source,
                _moment(row.imported_at),
            )
            for row in rows
        ]


def _row(a: Approval) -> dict[str, Any]:
    return {
        "approval_id": a.approval_id,
        "decision_id": a.decision_id,
        "requester": a.requester,
        "approver": a.approver,
        "delegate": a.delegate,
        "status": a.status,
        "opened_at": ts(a.opened_at),
        "request": json.dumps(a.request),
        "submitted_by": a.submitted_by,
        "submitted_roles": json.dumps(list(a.submitted_roles)),
        "decided_by": a.decided_by,
        "reason": a.reason,
        "decided_at": ts(a.decided_at) if a.decided_at else None,
        "outcome": json.dumps(a.outcome),
    }


def _approval(row: Any) -> Approval:
    return Approval(
        approval_id=row.approval_id,
        decision_id=row.decision_id,
        requester=row.requester,
        approver=row.approver,
        status=row.status,
        opened_at=dt.datetime.fromisoformat(row.opened_at),
        request=json.loads(row.request),
        submitted_by=row.submitted_by,
        submitted_roles=tuple(json.loads(row.submitted_roles)),
        delegate=row.delegate,
        decided_by=row.decided_by,
        reason=row.reason,
        decided_at=_moment(row.decided_at),
        outcome=json.loads(row.outcome),
    )


def _log(a: Approval, actor: str) -> Entry:
    given = {"approval_id": a.approval_id, "decision_id": a.decision_id, "requester": a.requester}
    result = {
        "status": a.status,
        "approver": a.approver,
        "delegate": a.delegate,
        "decided_by": a.decided_by,
        "reason": a.reason,
        "decided_at": ts(a.decided_at) if a.decided_at else None,
        "outcome": a.outcome,
    }
    return Entry("approval", a.approval_id, actor, NO_POLICY, given, result, effects={})


class SqlApprovals:
    """The manager's approval tasks."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def open(self, approval: Approval, *, also: Sequence[Any] = ()) -> None:
        """The task with the decision that asks for it (`also`), in one transaction."""

        def build(c: Connection) -> list[Entry]:
            c.execute(t.approvals.insert().values(**_row(approval)))
            return [*also, _log(approval, approval.submitted_by)]

        self.store._write(build)

    def get(self, approval_id: str) -> Approval | None:
        with self.store._tx(write=False) as c:
            row = c.execute(sa.select(t.approvals).where(t.approvals.c.approval_id == approval_id)).first()
        return _approval(row) if row else None

    def listed(self, who: str | None = None, status: Status | None = "open") -> list[Approval]:
        query = sa.select(t.approvals).order_by(t.approvals.c.opened_at)
        if status is not None:
            query = query.where(t.approvals.c.status == status)
        if who is not None:
            folded = who.casefold()
            query = query.where(sa.or_(t.approvals.c.approver == folded, t.approvals.c.delegate == folded))
        with self.store._tx(write=False) as c:
            return [_approval(row) for row in c.execute(query)]

    def update(self, approval: Approval, *, also: Sequence[Any] = ()) -> None:
        """The task's new state, the approval's log record and `also` (the re-decision with its
        grant) in one transaction; NotOpen, with nothing written, if it was decided meanwhile."""

        def build(c: Connection) -> list[Entry]:
            row = _row(approval)
            done = c.execute(
                t.approvals.update()
                .where(t.approvals.c.approval_id == approval.approval_id, t.approvals.c.status == "open")
                .values(**{k: v for k, v in row.items() if k != "approval_id"})
            )
            if done.rowcount != 1:
                raise NotOpen(approval.approval_id)
            actor = approval.decided_by or approval.approver
            return [*also, _log(approval, actor)]

        self.store._write(build)
