"""Draft sign-off as a framework-free service: submit, review, resubmit, expire, gate, acknowledge.

Every step is written to the decision log through `log` (kind, ref, actor, input, result); the
clock and the id source are passed in, so tests can move time and the API, pages, CLI and Gherkin
steps all share these rules.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from govern.drafts.models import DraftVerdict, Finding
from govern.ids import new_id
from govern.pack import Pack
from govern.signoff.model import (
    ACKNOWLEDGEABLE,
    PENDING,
    Acknowledgement,
    Note,
    ReviewItem,
    SignoffError,
    Status,
    Version,
    text_digest,
    unified_diff,
)
from govern.signoff.routing import queue_for
from govern.signoff.store import Conflict, ReviewStore

Log = Callable[[str, str, str, dict[str, Any], dict[str, Any]], None]
Clock = Callable[[], dt.datetime]
SYSTEM = "govern"  # the actor of steps nobody took by hand (expiry)
MAX_REASON = 2000


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class GateAnswer:
    decision: Literal["allow", "hold"]
    verdict: DraftVerdict
    review: ReviewItem | None
    message: str
    unacknowledged: list[Finding]


class Signoff:
    def __init__(self, store: ReviewStore, log: Log, clock: Clock = utc_now, ids: Callable[[], str] = new_id):
        self.store, self.log, self.clock, self.ids = store, log, clock, ids

    # --- reading (expiry is applied on every read) -----------------------------------------

    def get(self, item_id: str) -> ReviewItem:
        item = self.store.get(item_id)
        if item is None:
            raise SignoffError(404, "not_found", f"no review {item_id}")
        return self._expire(item) if item.due(self.clock()) else item

    def find(
        self, queue: str | None = None, status: Status | None = None, author: str | None = None
    ) -> list[ReviewItem]:
        self.sweep()
        return self.store.find(queue, status, author)

    def sweep(self) -> list[ReviewItem]:
        """Expire every pending item whose scheduled time has passed; the expired items."""
        return [self._expire(item) for item in self.store.due(self.clock())]

    def _expire(self, item: ReviewItem) -> ReviewItem:
        now = self.clock()
        reason = f"not approved by its scheduled time {item.scheduled_at}"
        expired = replace(
            item, status="expired", updated_at=now, decided_at=now, reviewer=None, reason=reason
        )
        try:
            self.store.save(expired, item.status)
        except Conflict:  # another process acted first: read what it wrote
            return self.store.get(item.id) or item
        self._record(expired, SYSTEM, "expire", {})
        return expired

    # --- the author's steps ----------------------------------------------------------------------

    def submit(
        self,
        pack: Pack,
        author: str,
        draft: dict[str, Any],
        scheduled_at: dt.datetime | None = None,
        note: str | None = None,
    ) -> ReviewItem:
        """A new review item for `draft` (checked now), routed to the queue of its deciding finding."""
        verdict = pack.check(draft)
        now = self.clock()
        if scheduled_at is not None and scheduled_at <= now:
            raise SignoffError(
                422,
                "invalid_request",
                "the scheduled time has passed",
                [{"field": "scheduled_at", "message": "must be in the future"}],
            )
        version = Version(1, dict(draft), verdict.model_dump(mode="json"), author, now)
        item = ReviewItem(
            id=self.ids(),
            author=author,
            queue=queue_for(pack.drafts.spec.queues, verdict),
            status="open",
            created_at=now,
            updated_at=now,
            scheduled_at=scheduled_at,
            versions=(version,),
            notes=(Note(author, now, _required(note, "note"), 1),) if note else (),
        )
        self.store.add(item)
        self._record(item, author, "submit", {"verdict": verdict.verdict})
        return item

    def resubmit(
        self, pack: Pack, item_id: str, author: str, draft: dict[str, Any], note: str | None
    ) -> ReviewItem:
        """A new version from the author: the item is open again, with the diff from the last one."""
        item = self.get(item_id)
        if author != item.author:
            raise SignoffError(403, "forbidden", "only the author may send a new version")
        self._expect(item, PENDING, "send a new version of")
        verdict = pack.check(draft)
        now = self.clock()
        number = len(item.versions) + 1
        diff = unified_diff(item.latest.text, str(draft.get("text", "")), number)
        version = Version(number, dict(draft), verdict.model_dump(mode="json"), author, now, diff)
        notes = (*item.notes, Note(author, now, _required(note, "note"), number)) if note else item.notes
        changed = replace(
            item,
            status="open",
            updated_at=now,
            reviewer=None,
            reason=None,
            decided_at=None,
            versions=(*item.versions, version),
            notes=notes,
        )
        self._save(changed, item.status)
        self._record(changed, author, "resubmit", {"verdict": verdict.verdict})
        return changed

    # --- the reviewer's steps --------------------------------------------------------------------

    def approve(self, item_id: str, reviewer: str, reason: str | None = None) -> ReviewItem:
        item = self._reviewable(item_id, reviewer, ("open",), "approve")
        if item.latest.verdict.get("verdict") == "block":
            raise SignoffError(
                409,
                "conflict",
                "a draft with a block finding cannot be approved; ask for changes or reject it",
            )
        return self._decide(item, reviewer, "approved", _required(reason) if reason else None, "approve")

    def reject(self, item_id: str, reviewer: str, reason: str | None) -> ReviewItem:
        item = self._reviewable(item_id, reviewer, PENDING, "reject")
        return self._decide(item, reviewer, "rejected", _required(reason), "reject")

    def request_changes(self, item_id: str, reviewer: str, reason: str | None) -> ReviewItem:
        item = self._reviewable(item_id, reviewer, ("open",), "ask for changes to")
        return self._decide(item, reviewer, "changes-requested", _required(reason), "changes")

    def comment(self, item_id: str, by: str, text: str | None) -> ReviewItem:
        item = self.get(item_id)
        now = self.clock()
        changed = replace(
            item,
            updated_at=now,
            notes=(*item.notes, Note(by, now, _required(text, "text"), len(item.versions))),
        )
        self._save(changed, item.status)
        self._record(changed, by, "comment", {})
        return changed

    def _reviewable(self, item_id: str, reviewer: str, states: tuple[Status, ...], verb: str) -> ReviewItem:
        item = self.get(item_id)
        if reviewer == item.author:
            raise SignoffError(403, "forbidden", "nobody reviews their own draft: another reviewer must")
        self._expect(item, states, verb)
        return item

    def _decide(
        self, item: ReviewItem, reviewer: str, status: Status, reason: str | None, step: str
    ) -> ReviewItem:
        now = self.clock()
        notes = (*item.notes, Note(reviewer, now, reason, len(item.versions))) if reason else item.notes
        changed = replace(
            item, status=status, reviewer=reviewer, reason=reason, decided_at=now, updated_at=now, notes=notes
        )
        self._save(changed, item.status)
        self._record(changed, reviewer, step, {"reason": reason})
        return changed

    # --- the gate and acknowledgements -------------------------------------------------------------

    def gate(
        self, pack: Pack, actor: str, draft: dict[str, Any], scheduled_at: dt.datetime | None = None
    ) -> GateAnswer:
        """May this exact text be published now? allow, or hold with the review that decides it."""
        answer = self._gate(pack, actor, draft, scheduled_at)
        gate = {"decision": answer.decision, "review": answer.review.id if answer.review else None}
        self.log(
            "check", self.ids(), actor, dict(draft), {**answer.verdict.model_dump(mode="json"), "gate": gate}
        )
        return answer

    def _gate(
        self, pack: Pack, actor: str, draft: dict[str, Any], scheduled_at: dt.datetime | None
    ) -> GateAnswer:
        verdict = pack.check(draft)
        digest = text_digest(str(draft.get("text", "")))
        items = [self.get(i.id) for i in self.store.with_text(digest)]
        approved = next((i for i in items if i.status == "approved"), None)
        pending = next((i for i in items if i.status in PENDING), None)
        if verdict.verdict == "block":
            return GateAnswer("hold", verdict, pending, "held: a block finding; change the text", [])
        if approved is not None:
            return GateAnswer("allow", verdict, approved, f"allowed: approved by {approved.reviewer}", [])
        if verdict.verdict == "refer":
            item = pending or self.submit(
                pack, actor, draft, scheduled_at if _future(scheduled_at, self.clock()) else None
            )
            return GateAnswer("hold", verdict, item, f"held: waiting for sign-off by {item.queue}", [])
        acknowledged = {a.rule for a in self.store.acknowledgements(digest=digest)}
        open_findings = [f for f in verdict.findings if f.severity == "revise" and f.rule not in acknowledged]
        if open_findings:
            rules = ", ".join(sorted({f.rule for f in open_findings}))
            return GateAnswer(
                "hold", verdict, pending, f"held: revise or acknowledge with a reason: {rules}", open_findings
            )
        return GateAnswer("allow", verdict, None, "allowed", [])

    def acknowledge(
        self, pack: Pack, by: str, draft: dict[str, Any], rule: str, reason: str | None
    ) -> Acknowledgement:
        """Record that `by` publishes despite `rule`'s info or revise finding in this text, and why."""
        why = _required(reason)
        verdict = pack.check(draft)
        found = [f for f in verdict.findings if f.rule == rule]
        if not found:
            raise SignoffError(
                422,
                "invalid_request",
                f"the rule {rule} finds nothing in this draft",
                [{"field": "rule", "message": "finds nothing in the text"}],
            )
        severity = found[0].severity
        if severity not in ACKNOWLEDGEABLE:
            advice = "change the text" if severity == "block" else "send it for sign-off"
            raise SignoffError(
                422,
                "not_acknowledgeable",
                f"a {severity} finding cannot be acknowledged ({rule}): {advice}",
                [{"field": "rule", "message": f"is a {severity} finding"}],
            )
        ack = Acknowledgement(
            id=self.ids(),
            rule=rule,
            severity=severity,
            digest=text_digest(str(draft.get("text", ""))),
            excerpt=" … ".join(f.excerpt for f in found),
            reason=why,
            by=by,
            at=self.clock(),
        )
        self.store.acknowledge(ack)
        self.log(
            "acknowledgement",
            ack.id,
            by,
            {"rule": rule, "digest": ack.digest, "reason": why},
            {"rule": rule, "severity": severity, "excerpt": ack.excerpt},
        )
        return ack

    def acknowledged(self, since: dt.datetime | None = None) -> Counter[str]:
        """How many drafts had each rule acknowledged (one per rule and text)."""
        return Counter(
            rule for rule, _ in {(a.rule, a.digest) for a in self.store.acknowledgements(since=since)}
        )

    # --- helpers ---------------------------------------------------------------------------------

    def _expect(self, item: ReviewItem, states: tuple[Status, ...], verb: str) -> None:
        if item.status not in states:
            raise SignoffError(409, "conflict", f"cannot {verb} review {item.id}: it is {item.status}")

    def _save(self, item: ReviewItem, expected: Status) -> None:
        try:
            self.store.save(item, expected)
        except Conflict as exc:
            raise SignoffError(409, "conflict", f"{exc}; reload and try again") from None

    def _record(self, item: ReviewItem, actor: str, step: str, extra: dict[str, Any]) -> None:
        self.log(
            "signoff",
            item.id,
            actor,
            {"step": step, "version": len(item.versions), "digest": item.latest.digest, **extra},
            {"status": item.status, "queue": item.queue, "author": item.author},
        )


def _future(moment: dt.datetime | None, now: dt.datetime) -> bool:
    return moment is not None and moment > now


def _required(text: str | None, field: str = "reason") -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise SignoffError(
            422, "invalid_request", f"a {field} is required", [{"field": field, "message": "is required"}]
        )
    if len(cleaned) > MAX_REASON:
        raise SignoffError(
            422,
            "invalid_request",
            f"a {field} holds at most {MAX_REASON} characters",
            [{"field": field, "message": f"is over {MAX_REASON} characters"}],
        )
    return cleaned
