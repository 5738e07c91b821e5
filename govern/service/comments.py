"""Comment use cases: moderate one comment or a batch (with the author's recent comments, for
flooding, and their earlier outcomes, for strikes), the held queue, and a moderator's review.

Flooding itself is judged by the engine (govern.moderation.engine.Moderator.repeats); this module
only says when the comment was posted (the service's clock for a missing or future time) and
hands over the author's comments from the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from govern import metrics
from govern.clock import local_moment
from govern.errors import Conflict, NotFound, Refusal, RequestError
from govern.ids import new_id
from govern.moderation.models import Comment, ModerationResult
from govern.moderation_team import TeamDesk
from govern.pack import Pack, parse
from govern.service.core import Core
from govern.service.items import Item, oversize, too_many
from govern.store.base import Entry
from govern.store.moderation_team import Decision

CLOCK_SKEW = dt.timedelta(minutes=5)  # how far ahead of the server's clock a caller's time may be

Verdict = Literal["publish", "remove"]


@dataclass(frozen=True, slots=True)
class CommentReview:
    """A moderator's decision on a held comment."""

    comment_id: str
    action: Verdict
    reviewer: str
    reason: str


def when_posted(pack: Pack, comment: Comment, received: dt.datetime) -> Comment:
    """The comment with the time it counts as posted: its own (naive means the pack's zone), or
    the receive time when it gives none or one in the future. A future time is the caller's claim:
    flooding's window and `respond_by` count from the receive time, or "posted" 2030, 2040, 2050
    would never repeat. The log keeps what the caller said (the body as sent)."""
    posted = local_moment(comment.posted_at, pack.timezone, lambda: received)
    if posted > received + CLOCK_SKEW:
        posted = received
    return comment if posted == comment.posted_at else comment.model_copy(update={"posted_at": posted})


def moderate(
    core: Core, body: Any, actor: str, *, permalink: str | None = None, redelivery: bool = False
) -> ModerationResult:
    """Moderate one comment and record it with the team's records. A comment id already moderated
    is a Conflict (moderating it again would drop a held comment from the queue), or with
    `redelivery` (a platform's webhook sending it again) the answer it got the first time; a
    platform's comments are shaped by its adapter, so an over-long one is an invalid comment there
    rather than a TooLarge body."""
    too_large = None if redelivery else oversize(body, "comment")
    if too_large is not None:
        raise too_large
    pack = core.pack
    comment = parse(Comment, body, "comment")
    if comment.comment_id:
        earlier = core.store.find("moderation", comment.comment_id)
        if earlier is not None:
            if redelivery:
                return ModerationResult.model_validate(earlier.result)
            raise Conflict(f"comment {comment.comment_id!r} was already moderated")
    comment = when_posted(pack, comment, core.now())
    posted = comment.posted_at
    assert posted is not None  # when_posted always gives one
    author = comment.author.id
    recent = core.store.recent_comments(author, posted - pack.moderation.window) if author else []
    team = TeamDesk(core.store)  # strikes and targeting from the author's history
    result = pack.moderate(comment, recent, team.history(pack, comment, posted))
    metrics.MODERATIONS.labels(action=result.action).inc()
    ref, answer = comment.comment_id or new_id(), result.model_dump(mode="json")
    core.compare("moderation", ref, answer, lambda shadow: shadow.moderate(comment, recent))
    core.store.append("moderation", ref, actor, pack.ref.model_dump(), body, answer)
    core.store.save_comment(
        ref, author or "", comment.channel, comment.text, posted, result.action, result.retain_until
    )
    team.after(pack, comment.model_copy(update={"comment_id": ref}), result, posted, actor, permalink)
    return result


def moderate_batch(core: Core, comments: Sequence[Any], actor: str) -> list[Item[ModerationResult]]:
    """Moderate up to MAX_BATCH comments in order, each as `moderate` does: each is stored before
    the next is judged, so earlier comments of the batch count for flooding."""
    too_many(len(comments), "comments")
    items: list[Item[ModerationResult]] = []
    for index, body in enumerate(comments):
        try:
            items.append(Item(index, result=moderate(core, body, actor)))
        except (RequestError, Refusal) as exc:
            items.append(Item(index, error=exc))
    return items


def held(core: Core) -> list[dict[str, Any]]:
    """The held comments, oldest first, each with the rules that held it."""
    out = []
    for comment in core.store.comments("hold"):
        record = core.store.find("moderation", comment["comment_id"])
        reasons = [r["rule"] for r in record.result.get("reasons", [])] if record else []
        out.append({**comment, "reasons": reasons})
    return out


def review(core: Core, comment_id: str, action: Verdict, reason: str, reviewer: str) -> CommentReview:
    """Publish or remove a held comment; its action, the review record and the team's record of
    the decision (with its reason: the hold's reasons when none is given) are written. NotFound for
    an unknown comment, Conflict for one no longer held (another moderator was first)."""
    entry = Entry(
        "review",
        comment_id,
        reviewer,
        core.pack.ref.model_dump(),
        {"comment_id": comment_id},
        {"action": action},
    )
    store = core.store
    if not store.set_comment_action(comment_id, action, reviewer, only_from="hold", also=[entry]):
        if store.find("moderation", comment_id) is not None:
            raise Conflict(f"comment {comment_id} is no longer held: it was already published or removed")
        raise NotFound(f"no comment {comment_id}")
    desk = TeamDesk(store)
    stored = desk.records.comment(comment_id) or {}
    record = store.find("moderation", comment_id)
    rules = [str(r.get("rule")) for r in (record.result.get("reasons", []) if record else [])]
    why = (
        reason.strip()[:2000]
        or f"the moderator confirmed the hold's reasons: {', '.join(rules) or 'none given'}"
    )
    author = str(stored.get("author") or "")
    desk.records.record(Decision(new_id(), comment_id, author, action, why, reviewer, core.now()))
    return CommentReview(comment_id, action, reviewer, why)
