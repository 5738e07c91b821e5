"""Running a moderation team, as the service does it (framework-free: the API and pages call it).

After each moderation: remember the outcome (strikes, targets), record each hide or delete with
its reason, keep threats and hate as evidence under a legal hold, and open a block review when the
ladder says so. Appeals go to a different moderator than the one who removed the comment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any

from govern.moderation.evidence import evidence_html, evidence_pack
from govern.moderation.evidence import item as evidence_item
from govern.moderation.models import Comment, ModerationResult, Outcome
from govern.moderation.response_times import ResponseTimes, summarise, working_time
from govern.pack import Pack
from govern.store.moderation_team import Appeal, Closed, Decision, ModerationRecords, NotFound
from govern.store.sql import SqlStore

__all__ = ["NAME", "Closed", "NotFound", "Refused", "TeamDesk", "evidence_export", "slurs"]

REMOVALS = ("hide", "delete", "remove")
# The names grammar (author and comment ids): a letter or digit, then letters, digits and
# '.', '-', '_', '@'; at most 128 characters.
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,127}", re.ASCII)


class Refused(Exception):
    """A request the team's rules do not allow: `status` is the HTTP status it means."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class TeamDesk:
    """The team's records in one store, and what the service does with them."""

    def __init__(self, store: Any) -> None:
        if not isinstance(store, SqlStore):
            raise Refused(501, "not_supported", "this store keeps no moderation team records")
        self.store = store
        self.records = ModerationRecords(store)

    # --- around each moderation --------------------------------------------------------------

    def history(self, pack: Pack, comment: Comment, posted: dt.datetime) -> list[Outcome]:
        """The author's earlier outcomes within the ladder's period (none without an author)."""
        if not comment.author.id:
            return []
        return self.records.history(comment.author.id, posted - pack.moderation.team.within)

    def after(
        self,
        pack: Pack,
        comment: Comment,
        result: ModerationResult,
        posted: dt.datetime,
        actor: str,
        permalink: str | None = None,
    ) -> None:
        """Record what the team needs of a moderated comment (its id is the one logged)."""
        comment_id = comment.comment_id or result.comment_id
        if not comment_id:
            return
        author = comment.author.id or ""
        if result.action == "publish":
            return  # nothing to remember beyond the stored comment: no strike, no target, no action
        if author:  # categories and targets, for the author's later comments
            outcome = pack.moderation.outcome(comment, result)
            self.records.remember(outcome.model_copy(update={"comment_id": comment_id}), author, actor)
        now = dt.datetime.now(dt.UTC)
        why = "; ".join(f"{r.rule}: {r.message}" for r in result.reasons)
        for action in result.actions:
            if action.action in ("hide", "delete"):
                self.records.record(
                    Decision(
                        _id(comment_id, action.action), comment_id, author, action.action, why, actor, now
                    )
                )
        team = pack.moderation.team
        if team.is_evidence(result) and author:
            kept = evidence_item(
                comment_id=comment_id,
                author=author,
                channel=comment.channel,
                text=comment.text,
                posted_at=posted,
                removed_at=now,
                findings=result.findings,
                categories=team.evidence_categories,
                hold_days=pack.moderation.spec.evidence.hold_days,
                permalink=permalink,
            )
            self.records.keep_evidence(kept, actor)
        for action in result.actions:
            if action.action == "block-review" and author:
                self.records.open_block_review(author, action.evidence, actor)

    # --- appeals -----------------------------------------------------------------------------

    def removed_by(self, comment_id: str) -> str:
        """Who removed (or hid) a comment: the last such decision's actor, else whoever asked
        for the moderation that removed it."""
        removals = [d for d in self.records.decisions(subject=comment_id) if d.action in REMOVALS]
        if removals:
            return removals[-1].actor
        logged = self.store.find("moderation", comment_id)
        return logged.actor if logged else "govern"

    def appeal(self, comment_id: str, statement: str) -> Appeal:
        comment = self.records.comment(comment_id)
        if comment is None:
            raise Refused(404, "not_found", f"no comment {comment_id}")
        if comment["action"] == "publish":
            raise Refused(409, "conflict", f"comment {comment_id} is published: there is nothing to appeal")
        return self.records.open_appeal(comment_id, statement, self.removed_by(comment_id))

    def decide_appeal(self, appeal_id: str, reviewer: str, restore: bool, reason: str) -> Appeal:
        """Decide an appeal; the moderator who removed the comment may not."""
        appeal = self.records.appeal(appeal_id)
        if appeal is None:
            raise Refused(404, "not_found", f"no appeal {appeal_id}")
        if reviewer == appeal.removed_by and reviewer != "anonymous":
            raise Refused(
                403,
                "forbidden",
                f"'{reviewer}' removed this comment: a different moderator decides the appeal",
            )
        try:
            return self.records.decide_appeal(appeal_id, restore, reviewer, reason)
        except Closed as exc:
            raise Refused(409, "conflict", str(exc)) from None

    def response_times(self, pack: Pack, since: dt.datetime) -> list[ResponseTimes]:
        """How long held comments, appeals and block reviews waited for a moderator since
        `since`, counting only moderation hours on working days."""
        spec = pack.moderation.spec

        def wait(start: dt.datetime, end: dt.datetime) -> dt.timedelta:
            return working_time(start, end, pack.moderation.calendar, spec.hours, pack.timezone)

        held: dict[str, dt.datetime] = {}
        waits: list[dt.timedelta] = []
        for record in self.store.log(since=since):
            if record.kind == "moderation" and record.result.get("action") == "hold":
                held[record.ref] = record.at
            elif record.kind in ("comment", "review") and record.ref in held:
                waits.append(wait(held.pop(record.ref), record.at))
        appeals = [
            wait(a.opened_at, a.decided_at)
            for a in self.records.appeals(None)
            if a.decided_at and a.opened_at >= since
        ]
        blocks = [
            wait(r.opened_at, r.decided_at)
            for r in self.records.block_reviews(None)
            if r.decided_at and r.opened_at >= since
        ]
        return [
            summarise("held comments", waits),
            summarise("appeals", appeals),
            summarise("block reviews", blocks),
        ]

    def decide_block(
        self, review_id: str, reviewer: str, block: bool, reason: str, review_on: dt.date | None
    ) -> Any:
        if block and review_on is None:
            raise Refused(422, "invalid_request", "a block needs a review date (review_on)")
        try:
            return self.records.decide_block(review_id, block, reviewer, reason, review_on)
        except NotFound:
            raise Refused(404, "not_found", f"no block review {review_id}") from None
        except Closed as exc:
            raise Refused(409, "conflict", str(exc)) from None


def _id(comment_id: str, action: str) -> str:
    """A decision's id: one per comment and action, so moderating it again does not add another."""
    return hashlib.sha256(f"{comment_id}\0{action}".encode()).hexdigest()[:32]


def evidence_export(store: Any, pack: Pack, author: str | None, fmt: str, *, masked: bool) -> int:
    """`govern records evidence --author ID`: print the author's evidence pack; exit 2 on bad input."""
    import sys

    if not author or not NAME.fullmatch(author):
        print("govern: --author needs an author id (letters, digits, '.', '-', '_', '@')", file=sys.stderr)
        return 2
    items = TeamDesk(store).records.evidence(author)
    found = evidence_pack(author, items, slurs(pack), masked=masked, made_at=dt.datetime.now(dt.UTC))
    print(evidence_html(found) if fmt == "html" else json.dumps(found, indent=2, ensure_ascii=False))
    return 0


# The keys of each detector kind that list offensive words (a profanity detector's `mild` words
# are shown as written).
LISTED = {"words": ("words",), "hate": ("slurs",), "profanity": ("strong",)}


def slurs(pack: Pack) -> list[str]:
    """The words masked in lists and exports, so a moderator is not made to read them: the word
    lists of the evidence categories (hate's slurs) and of profanity, except words only held
    (mild words such as "bloody" are shown as written)."""
    words: list[str] = []
    categories = pack.moderation.team.evidence_categories | {"profanity"}
    for compiled in pack.moderation.checker.rules:
        if compiled.rule.category in categories:
            for detector in compiled.rule.match:
                if detector.get("action") == "hold":
                    continue
                for key in LISTED.get(str(detector.get("kind")), ()):
                    words += [str(w) for w in detector.get(key) or []]
    return words
