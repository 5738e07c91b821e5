"""Replay: decide logged answers again with a candidate pack and report what would change.

Each moderation is replayed with the author's earlier logged comments, so the flooding rule
(judged by the engine) sees the same history it saw live.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from govern.errors import GovernError, RequestError
from govern.moderation.models import Comment
from govern.pack import Pack, outcome, parse
from govern.store.base import LogRecord, Store

KINDS = ("decision", "check", "moderation")


@dataclass
class Replay:
    """What replaying gave: counts, every changed answer, and changes by rule."""

    against: dict[str, str]
    replayed: int = 0
    skipped_purged: int = 0
    changes: list[dict[str, Any]] = field(default_factory=list)
    by_rule: Counter[str] = field(default_factory=Counter)

    def summary(self) -> dict[str, Any]:
        return {
            "against": self.against,
            "replayed": self.replayed,
            "skipped_purged": self.skipped_purged,
            "changed": len(self.changes),
            "outcomes_changed": sum(c["before"] != c["after"] for c in self.changes),
            "by_rule": dict(self.by_rule.most_common()),
            "changes": self.changes,
        }


def _at(record: LogRecord, body: dict[str, Any]) -> dict[str, Any]:
    """The logged body with the log's time as its posting time when it gave none."""
    return {**body, "posted_at": body.get("posted_at") or record.at.isoformat()}


def _comment(record: LogRecord) -> Comment | None:
    """A logged moderation's comment, posted when it said (else when it was logged); None when
    the logged body is not a comment."""
    try:
        return parse(Comment, _at(record, dict(record.input)), "comment")
    except RequestError:
        return None


def _answer(candidate: Pack, record: LogRecord, earlier: dict[str, list[Comment]]) -> dict[str, Any]:
    if record.kind == "decision":
        # The time the service received it (recorded in the decision; older logs: the log time).
        received = record.result.get("received_at")
        at = dt.datetime.fromisoformat(received) if isinstance(received, str) else record.at
        return candidate.decide(dict(record.input), received_at=at).model_dump(mode="json")
    if record.kind == "check":
        return candidate.check(_at(record, dict(record.input))).model_dump(mode="json")
    comment = _comment(record)
    if comment is None:  # answered as the engine answers a bad comment: the error
        return candidate.moderate(_at(record, dict(record.input))).model_dump(mode="json")
    history = earlier.setdefault((comment.author.id or "").lower(), [])
    result = candidate.moderate(comment, history if comment.author.id else ())
    history.append(comment)
    return result.model_dump(mode="json")


def _remember(record: LogRecord, earlier: dict[str, list[Comment]]) -> None:
    """A comment logged before the replayed period: history for flooding only."""
    comment = _comment(record) if record.kind == "moderation" else None
    if comment is not None and comment.author.id:
        earlier.setdefault(comment.author.id.lower(), []).append(comment)


def replay(store: Store, candidate: Pack, since: dt.datetime | None = None) -> Replay:
    """Replay every logged decision, check and moderation since `since` against `candidate`.
    Comments logged in the flooding window before `since` count as history, not as changes."""
    report = Replay(candidate.ref.model_dump())
    earlier: dict[str, list[Comment]] = {}  # by author: their logged comments so far
    start = since - candidate.moderation.window if since else None
    for record in store.log(since=start):
        if record.kind not in KINDS:
            continue
        if record.purged:
            report.skipped_purged += since is None or record.at >= since
            continue
        if since is not None and record.at < since:
            _remember(record, earlier)
            continue
        report.replayed += 1
        try:
            new = _answer(candidate, record, earlier)
        except GovernError as exc:
            new = {"error": str(exc)}
        before, before_rules = outcome(record.kind, record.result)
        after, after_rules = outcome(record.kind, new)
        if before != after or before_rules != after_rules:
            changed_rules = sorted(set(before_rules) ^ set(after_rules))
            report.by_rule.update(changed_rules)
            report.changes.append(
                {
                    "seq": record.seq,
                    "kind": record.kind,
                    "ref": record.ref,
                    "at": record.at.isoformat(),
                    "before": before,
                    "after": after,
                    "rules_before": before_rules,
                    "rules_after": after_rules,
                    "rules_changed": changed_rules,
                }
            )
    return report
