"""The approvals report: for each draft sent for sign-off, who sent it, who decided, how long it
took and the outcome; with a summary per queue."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass

from govern.signoff.model import ReviewItem


@dataclass(frozen=True)
class Row:
    id: str
    author: str
    queue: str
    outcome: str  # approved, rejected, expired, changes-requested or open (still waiting)
    reviewer: str | None
    sent_at: dt.datetime
    decided_at: dt.datetime | None
    hours: float | None  # from sending to the decision (or to now, while waiting)
    versions: int


def rows(items: list[ReviewItem], since: dt.datetime, until: dt.datetime, now: dt.datetime) -> list[Row]:
    """One row per item sent in [since, until), oldest first; an item past its scheduled time
    without approval counts as expired even if no sweep has recorded it yet."""
    out = []
    for item in sorted(items, key=lambda i: i.created_at):
        if not since <= item.created_at < until:
            continue
        outcome, decided = item.status, item.decided_at
        if item.due(now):
            outcome, decided = "expired", item.scheduled_at
        end = decided if outcome not in ("open", "changes-requested") else now
        hours = round((end - item.created_at).total_seconds() / 3600, 2) if end else None
        out.append(
            Row(
                item.id,
                item.author,
                item.queue,
                outcome,
                item.reviewer,
                item.created_at,
                decided,
                hours,
                len(item.versions),
            )
        )
    return out


@dataclass(frozen=True)
class QueueSummary:
    queue: str
    sent: int
    outcomes: dict[str, int]
    median_hours_to_decision: float | None


def summary(report: list[Row]) -> list[QueueSummary]:
    """Per queue: how many were sent, each outcome's count, and the median hours to a decision
    (approved or rejected)."""
    by_queue: dict[str, list[Row]] = defaultdict(list)
    for row in report:
        by_queue[row.queue].append(row)
    out = []
    for queue, found in sorted(by_queue.items()):
        outcomes: dict[str, int] = defaultdict(int)
        for row in found:
            outcomes[row.outcome] += 1
        decided = [r.hours for r in found if r.outcome in ("approved", "rejected") and r.hours is not None]
        out.append(
            QueueSummary(
                queue,
                len(found),
                dict(sorted(outcomes.items())),
                round(statistics.median(decided), 2) if decided else None,
            )
        )
    return out
