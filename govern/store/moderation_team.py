"""A moderation team's records: outcomes (for strikes and targeting), evidence under a legal hold,
decisions with their reasons, block reviews and appeals.

Each change is written with its log record in one transaction (the log says who did what and
why; the tables are what the pages and the API read). The evidence table is outside the normal
retention: `SqlStore.purge` never touches it, and `purge_evidence` deletes an item only after its
hold ends.

Over ~400 lines: five record kinds sharing one transaction and log discipline.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from govern.ids import new_id
from govern.moderation.evidence import EvidenceItem
from govern.moderation.models import Outcome
from govern.store import schema as t
from govern.store.base import Entry
from govern.store.chain import NO_POLICY
from govern.store.rows import now, ts
from govern.store.sql import SqlStore


class NotFound(KeyError):
    """No such review or appeal."""


class Closed(ValueError):
    """The review or appeal was decided already."""


@dataclass(frozen=True)
class Decision:
    """A moderator's (or the service's) hide, delete, restore or block decision, with its reason."""

    decision_id: str
    subject: str  # a comment id, or an author for a block
    author: str
    action: str
    reason: str
    actor: str
    decided_at: dt.datetime
    review_on: dt.date | None = None


@dataclass(frozen=True)
class BlockReview:
    review_id: str
    author: str
    status: str  # open, blocked, not-blocked
    opened_at: dt.datetime
    evidence: list[str] = field(default_factory=list)
    reviewer: str | None = None
    reason: str | None = None
    review_on: dt.date | None = None
    decided_at: dt.datetime | None = None


@dataclass(frozen=True)
class Appeal:
    appeal_id: str
    comment_id: str
    status: str  # open, upheld, restored
    statement: str
    removed_by: str
    opened_at: dt.datetime
    reviewer: str | None = None
    reason: str | None = None
    decided_at: dt.datetime | None = None


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _moment(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


class ModerationRecords:
    """The team's tables beside a SqlStore (the same database, transactions and log)."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def _log(self, kind: str, ref: str, actor: str, given: dict[str, Any], result: dict[str, Any]) -> Entry:
        return Entry(kind, ref, actor, NO_POLICY, given, result, effects={})

    # --- outcomes: the history behind strikes and repeated targeting -----------------------

    def _rows(self, query: Any) -> list[Any]:
        """The rows a read query returns, in one read-only transaction."""
        with self.store.transaction(write=False) as c:
            return list(c.execute(query))

    def _first(self, query: Any) -> Any:
        """The first row a read query returns, or None."""
        rows = self._rows(query.limit(1))
        return rows[0] if rows else None

    def remember(self, outcome: Outcome, author: str, actor: str) -> None:
        """Keep what later comments need of this one (its final action stays in `comments`)."""
        if not outcome.comment_id:
            return
        row = {
            "comment_id": outcome.comment_id,
            "author": author,
            "channel": outcome.channel,
            "posted_at": ts(outcome.posted_at),
            "categories": json.dumps(outcome.categories),
            "targets": json.dumps(outcome.targets),
            "actor": actor,
        }
        with self.store.transaction() as c:
            c.execute(
                t.comment_outcomes.delete().where(t.comment_outcomes.c.comment_id == outcome.comment_id)
            )
            c.execute(t.comment_outcomes.insert().values(**row))

    def history(self, author: str, since: dt.datetime) -> list[Outcome]:
        """The author's comments since `since`, with their current action (a moderator's
        decision or a restored appeal included) and, when known, categories and targets."""
        query = (
            sa.select(t.comments, t.comment_outcomes.c.categories, t.comment_outcomes.c.targets)
            .select_from(
                t.comments.outerjoin(
                    t.comment_outcomes, t.comments.c.comment_id == t.comment_outcomes.c.comment_id
                )
            )
            .where(t.comments.c.author == author, t.comments.c.posted_at >= ts(since))
            .order_by(t.comments.c.posted_at)
        )
        return [
            Outcome(
                comment_id=row.comment_id,
                author=row.author,
                channel=row.channel,
                posted_at=dt.datetime.fromisoformat(row.posted_at),
                action=row.action if row.action in ("publish", "hold", "remove") else "hold",
                categories=json.loads(row.categories) if row.categories else [],
                targets=json.loads(row.targets) if row.targets else [],
            )
            for row in self._rows(query)
        ]

    def comment(self, comment_id: str) -> dict[str, Any] | None:
        row = self._first(sa.select(t.comments).where(t.comments.c.comment_id == comment_id))
        return dict(row._mapping) if row else None

    # --- evidence --------------------------------------------------------------------------

    def keep_evidence(self, item: EvidenceItem, actor: str) -> None:
        row = item.model_dump(mode="json")
        row["categories"], row["reasons"] = json.dumps(item.categories), json.dumps(item.reasons)
        row["posted_at"], row["removed_at"] = ts(item.posted_at), ts(item.removed_at)

        def build(c: Connection) -> list[Entry]:
            c.execute(t.evidence.delete().where(t.evidence.c.comment_id == item.comment_id))
            c.execute(t.evidence.insert().values(**row))
            facts = {"comment_id": item.comment_id, "author": item.author, "sha256": item.sha256}
            return [self._log("evidence", item.comment_id, actor, facts, {"hold_until": row["hold_until"]})]

        self.store.write(build)

    def evidence(self, author: str | None = None) -> list[EvidenceItem]:
        query = sa.select(t.evidence).order_by(t.evidence.c.posted_at)
        if author is not None:
            query = query.where(t.evidence.c.author == author)
        return [
            EvidenceItem(
                **{
                    **dict(row._mapping),
                    "categories": json.loads(row.categories),
                    "reasons": json.loads(row.reasons),
                }
            )
            for row in self._rows(query)
        ]

    def purge_evidence(self, today: dt.date, actor: str = "cli") -> int:
        """Delete the evidence whose legal hold ended before `today`; the rest is kept."""

        def build(c: Connection) -> list[Entry]:
            ended = [
                r.comment_id
                for r in c.execute(
                    sa.select(t.evidence.c.comment_id).where(t.evidence.c.hold_until < today.isoformat())
                )
            ]
            if not ended:
                return []
            c.execute(t.evidence.delete().where(t.evidence.c.comment_id.in_(ended)))
            return [self._log("evidence", "purge", actor, {"before": today.isoformat()}, {"deleted": ended})]

        records = self.store.write(build)
        return len(records[0].result["deleted"]) if records else 0

    # --- decisions and their reasons ------------------------------------------------------

    def _decision_row(self, d: Decision) -> dict[str, Any]:
        return {
            "decision_id": d.decision_id,
            "subject": d.subject,
            "author": d.author,
            "action": d.action,
            "reason": d.reason,
            "actor": d.actor,
            "decided_at": ts(d.decided_at),
            "review_on": d.review_on.isoformat() if d.review_on else None,
        }

    def record(self, decision: Decision) -> None:
        """A hide, delete, restore or block decision with its reason, logged."""

        def build(c: Connection) -> list[Entry]:
            row = self._decision_row(decision)
            table = t.moderation_decisions
            c.execute(table.delete().where(table.c.decision_id == decision.decision_id))
            c.execute(table.insert().values(**row))
            return [
                self._log(
                    "decision-reason", decision.subject, decision.actor, row, {"action": decision.action}
                )
            ]

        self.store.write(build)

    def decisions(self, subject: str | None = None, author: str | None = None) -> list[Decision]:
        query = sa.select(t.moderation_decisions).order_by(t.moderation_decisions.c.decided_at)
        if subject is not None:
            query = query.where(t.moderation_decisions.c.subject == subject)
        if author is not None:
            query = query.where(t.moderation_decisions.c.author == author)
        return [
            Decision(
                decision_id=r.decision_id,
                subject=r.subject,
                author=r.author,
                action=r.action,
                reason=r.reason,
                actor=r.actor,
                decided_at=dt.datetime.fromisoformat(r.decided_at),
                review_on=_day(r.review_on),
            )
            for r in self._rows(query)
        ]

    # --- block reviews ----------------------------------------------------------------------

    @staticmethod
    def _review(row: Any) -> BlockReview:
        return BlockReview(
            review_id=row.review_id,
            author=row.author,
            status=row.status,
            opened_at=dt.datetime.fromisoformat(row.opened_at),
            evidence=json.loads(row.evidence),
            reviewer=row.reviewer,
            reason=row.reason,
            review_on=_day(row.review_on),
            decided_at=_moment(row.decided_at),
        )

    def open_block_review(self, author: str, evidence: list[str], actor: str) -> BlockReview:
        """Open a block review of `author`, or add the evidence to the one already open."""

        def build(c: Connection) -> list[Entry]:
            row = c.execute(
                sa.select(t.block_reviews).where(
                    t.block_reviews.c.author == author, t.block_reviews.c.status == "open"
                )
            ).first()
            if row is not None:
                merged = list(dict.fromkeys([*json.loads(row.evidence), *evidence]))
                c.execute(
                    t.block_reviews.update()
                    .where(t.block_reviews.c.review_id == row.review_id)
                    .values(evidence=json.dumps(merged))
                )
                review_id = row.review_id
            else:
                review_id = new_id()
                c.execute(
                    t.block_reviews.insert().values(
                        review_id=review_id,
                        author=author,
                        status="open",
                        opened_at=ts(now()),
                        evidence=json.dumps(evidence),
                    )
                )
            opened[0] = review_id
            return [self._log("block-review", review_id, actor, {"author": author, "evidence": evidence}, {})]

        opened = [""]
        self.store.write(build)
        found = self.block_review(opened[0])
        assert found is not None
        return found

    def block_reviews(self, status: str | None = "open") -> list[BlockReview]:
        query = sa.select(t.block_reviews).order_by(t.block_reviews.c.opened_at)
        if status:
            query = query.where(t.block_reviews.c.status == status)
        return [self._review(r) for r in self._rows(query)]

    def block_review(self, review_id: str) -> BlockReview | None:
        row = self._first(sa.select(t.block_reviews).where(t.block_reviews.c.review_id == review_id))
        return self._review(row) if row else None

    def decide_block(
        self, review_id: str, block: bool, reviewer: str, reason: str, review_on: dt.date | None
    ) -> BlockReview:
        """Close a block review: blocked (with a review date) or not, always with a reason."""
        status = "blocked" if block else "not-blocked"

        def build(c: Connection) -> list[Entry]:
            row = c.execute(
                sa.select(t.block_reviews).where(t.block_reviews.c.review_id == review_id)
            ).first()
            if row is None:
                raise NotFound(review_id)
            if row.status != "open":
                raise Closed(f"block review {review_id} is already {row.status}")
            at = now()
            c.execute(
                t.block_reviews.update()
                .where(t.block_reviews.c.review_id == review_id)
                .values(
                    status=status,
                    reviewer=reviewer,
                    reason=reason,
                    review_on=review_on.isoformat() if review_on else None,
                    decided_at=ts(at),
                )
            )
            decision = Decision(
                new_id(),
                row.author,
                row.author,
                "block" if block else "no-block",
                reason,
                reviewer,
                at,
                review_on,
            )
            c.execute(t.moderation_decisions.insert().values(**self._decision_row(decision)))
            given = {
                "review_id": review_id,
                "block": block,
                "reason": reason,
                "review_on": review_on.isoformat() if review_on else None,
            }
            return [self._log("block-review", review_id, reviewer, given, {"status": status})]

        self.store.write(build)
        found = self.block_review(review_id)
        assert found is not None
        return found

    # --- appeals ----------------------------------------------------------------------------

    @staticmethod
    def _appeal(row: Any) -> Appeal:
        return Appeal(
            appeal_id=row.appeal_id,
            comment_id=row.comment_id,
            status=row.status,
            statement=row.statement,
            removed_by=row.removed_by,
            opened_at=dt.datetime.fromisoformat(row.opened_at),
            reviewer=row.reviewer,
            reason=row.reason,
            decided_at=_moment(row.decided_at),
        )

    def open_appeal(self, comment_id: str, statement: str, removed_by: str) -> Appeal:
        """Open an appeal (one open appeal a comment: asking again returns the open one)."""
        opened = [""]

        def build(c: Connection) -> list[Entry]:
            row = c.execute(
                sa.select(t.appeals).where(t.appeals.c.comment_id == comment_id, t.appeals.c.status == "open")
            ).first()
            if row is not None:
                opened[0] = row.appeal_id
                return []
            opened[0] = new_id()
            c.execute(
                t.appeals.insert().values(
                    appeal_id=opened[0],
                    comment_id=comment_id,
                    status="open",
                    statement=statement,
                    removed_by=removed_by,
                    opened_at=ts(now()),
                )
            )
            return [
                self._log("appeal", opened[0], "resident", {"comment_id": comment_id}, {"status": "open"})
            ]

        self.store.write(build)
        found = self.appeal(opened[0])
        assert found is not None
        return found

    def appeals(self, status: str | None = "open") -> list[Appeal]:
        query = sa.select(t.appeals).order_by(t.appeals.c.opened_at)
        if status:
            query = query.where(t.appeals.c.status == status)
        return [self._appeal(r) for r in self._rows(query)]

    def appeal(self, appeal_id: str) -> Appeal | None:
        row = self._first(sa.select(t.appeals).where(t.appeals.c.appeal_id == appeal_id))
        return self._appeal(row) if row else None

    def decide_appeal(self, appeal_id: str, restore: bool, reviewer: str, reason: str) -> Appeal:
        """Close an appeal: the comment restored (published again) or the removal upheld."""
        status = "restored" if restore else "upheld"

        def build(c: Connection) -> list[Entry]:
            row = c.execute(sa.select(t.appeals).where(t.appeals.c.appeal_id == appeal_id)).first()
            if row is None:
                raise NotFound(appeal_id)
            if row.status != "open":
                raise Closed(f"appeal {appeal_id} is already {row.status}")
            at = now()
            c.execute(
                t.appeals.update()
                .where(t.appeals.c.appeal_id == appeal_id)
                .values(status=status, reviewer=reviewer, reason=reason, decided_at=ts(at))
            )
            comment = c.execute(
                sa.select(t.comments).where(t.comments.c.comment_id == row.comment_id)
            ).first()
            author = comment.author if comment else ""
            decision = Decision(
                new_id(), row.comment_id, author, "restore" if restore else "uphold", reason, reviewer, at
            )
            c.execute(t.moderation_decisions.insert().values(**self._decision_row(decision)))
            given = {"appeal_id": appeal_id, "restore": restore, "reason": reason}
            entries = [self._log("appeal", appeal_id, reviewer, given, {"status": status})]
            if restore:
                change = {"comment_id": row.comment_id, "action": "publish"}
                entries.append(
                    Entry(
                        "comment",
                        row.comment_id,
                        reviewer,
                        NO_POLICY,
                        change,
                        {"action": "publish"},
                        effects={"put": {"comment_actions": [change]}},
                    )
                )
            return entries

        self.store.write(build)
        found = self.appeal(appeal_id)
        assert found is not None
        return found
