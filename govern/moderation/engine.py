"""The moderator: house rules compiled once, run per comment."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Literal
from zoneinfo import ZoneInfo

from govern.access.models import PolicyRef
from govern.calendar import WorkingCalendar
from govern.checks.disguises import unmask
from govern.checks.engine import Hit, TextChecker
from govern.checks.normalise import normalise, normalised_subject
from govern.checks.signals import SIGNALS
from govern.clock import Clock, local_moment, system_clock
from govern.contract import ordered
from govern.drafts.models import Finding
from govern.errors import FieldError, Problem, RequestError, did_you_mean
from govern.moderation.ladder import Team
from govern.moderation.models import Comment, ModerationReason, ModerationResult, Outcome
from govern.policy.model import Channel, ModerationPolicySpec, Window

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ACTIONS = ("publish", "hold", "remove")

# The CEL variables of a comment, for `when:` and `context` checks.
VARIABLES: dict[str, str] = {
    "channel": "the channel the comment was posted on",
    "mode": "post-moderated or pre-moderated",
    "author_id": "the author's id ('' when not given)",
    "is_reply": "true when the comment answers another",
    "in_hours": "true when posted within moderation hours",
    "repeats": "how many earlier comments by the same author, with the same text (ignoring case, "
    "spacing, punctuation and disguised letters), fall within the flooding window",
    "length": "the number of characters in the text",
}


@functools.lru_cache(maxsize=4096)
def same_text(text: str) -> str:
    """Text compared for flooding: case, spacing, punctuation and disguises ignored, so that
    "Fix the p0th\u200bole!!" repeats "fix the pothole" (letters and digits are all that count)."""
    plain = unmask(normalise(text).text, collapse=1).text
    return "".join(c for c in plain.casefold() if c.isalnum())


ENGLAND = WorkingCalendar.of("england-and-wales")


def add_working_days(moment: dt.datetime, days: int, calendar: WorkingCalendar = ENGLAND) -> dt.datetime:
    """`days` working days after `moment` (see WorkingCalendar.add_working_days)."""
    return calendar.add_working_days(moment, days)


class Moderator:
    def __init__(
        self,
        spec: ModerationPolicySpec,
        windows: Sequence[Window],
        timezone: ZoneInfo,
        policy_ref: PolicyRef,
        *,
        clock: Clock = system_clock,
    ) -> None:
        self.spec = spec
        self.timezone = timezone
        self.clock = clock  # the time of a comment with no posted_at
        self.policy_ref = policy_ref
        self.channels = {c.name: c for c in spec.channels}
        self.problems: list[Problem] = []
        for rule in spec.rules:
            if rule.severity:
                where = rule.where("severity", key=True)
                message = f"rule '{rule.id}': house rules have an action, not a severity"
                self.problems.append(Problem(where, "G203", message, rule.id))
        self.checker = TextChecker(spec.rules, windows, VARIABLES, self.problems)
        self.window = dt.timedelta(minutes=spec.flooding.within_minutes)
        self.calendar = WorkingCalendar.of(spec.calendar.bank_holidays, spec.calendar.closures)
        self.team = Team(spec)

    def _in_hours(self, local: dt.datetime) -> bool:
        hours = self.spec.hours
        if hours is None:
            return True
        return (
            WEEKDAYS[local.weekday()] in hours.days
            and self.calendar.holiday(local.date()) is None
            and hours.start <= local.time() < hours.end
        )

    def _posted(self, comment: Comment) -> dt.datetime:
        return local_moment(comment.posted_at, self.timezone, self.clock).astimezone(self.timezone)

    def repeats(self, comment: Comment, posted: dt.datetime, recent: Iterable[Comment]) -> int:
        """Earlier comments by the same author (ids compared case-insensitively) with the same text
        inside the flooding window: posted up to `window` before this one. The one place flooding
        is judged, for the service, a batch, the CLI's files and replay alike.

        `recent` may hold this very comment (the CLI passes the author's whole timeline, in line
        order): a comment posted at the same moment counts only when it comes before this one.
        """
        if not comment.author.id:
            return 0
        author, text = comment.author.id.lower(), ""
        count, after = 0, False
        for earlier in recent:
            if earlier is comment:
                after = True  # the same moment no longer counts from here on
                continue
            if (earlier.author.id or "").lower() != author:
                continue
            gap = posted - self._posted(earlier)
            if gap < dt.timedelta(0) or gap > self.window or (after and not gap):
                continue
            text = text or same_text(comment.text)
            if same_text(earlier.text) == text:
                count += 1
        return count

    def moderate(
        self, comment: Comment, recent: Iterable[Comment] = (), history: Iterable[Outcome] = ()
    ) -> ModerationResult:
        channel = self.channels.get(comment.channel)
        if channel is None:
            hint = did_you_mean(comment.channel, self.channels) or f" (channels: {', '.join(self.channels)})"
            raise RequestError(
                [FieldError("channel", f"unknown channel '{comment.channel}'{hint}")], "comment"
            )
        posted = self._posted(comment)
        in_hours = self._in_hours(posted)
        facts = self._facts(comment, channel, posted, self.repeats(comment, posted, recent))
        hits = self.checker.run(normalised_subject(comment.text, facts, posted.date(), SIGNALS))
        result = self._result(comment, posted, channel.mode, in_hours, hits)
        earlier = [o.model_copy(update={"posted_at": self._aware(o.posted_at)}) for o in history]
        return self.team.apply(result, comment, posted, earlier, self._judge(facts, posted))

    def _judge(self, facts: dict[str, object], posted: dt.datetime) -> Callable[[str], set[str]]:
        """The categories of the rules that would hold or remove a piece of the text alone."""

        def judge(piece: str) -> set[str]:
            hits = self.checker.run(
                normalised_subject(piece, {**facts, "length": len(piece)}, posted.date(), SIGNALS)
            )
            return {h.rule.category for h in hits if h.rule.action in ("hold", "remove")}

        return judge

    def _aware(self, moment: dt.datetime) -> dt.datetime:
        return local_moment(moment, self.timezone)

    def outcome(self, comment: Comment, result: ModerationResult) -> Outcome:
        """What the author's later comments need to know of this one (strikes, targets)."""
        posted = self._posted(comment)
        facts = self._facts(comment, self.channels.get(comment.channel), posted, 0)
        return self.team.outcome(comment, result, posted, self._judge(facts, posted))

    def _facts(
        self, comment: Comment, channel: Channel | None, posted: dt.datetime, repeats: int
    ) -> dict[str, object]:
        """The CEL variables of a comment (see VARIABLES)."""
        return {
            "channel": comment.channel,
            "mode": channel.mode if channel else "post-moderated",
            "author_id": comment.author.id or "",
            "is_reply": bool(comment.in_reply_to and comment.in_reply_to.strip()),
            "in_hours": self._in_hours(posted),
            "repeats": repeats,
            "length": len(comment.text),
        }

    def _result(
        self, comment: Comment, posted: dt.datetime, mode: str, in_hours: bool, hits: list[Hit]
    ) -> ModerationResult:
        text = comment.text
        findings: list[Finding] = []
        acting: list[tuple[str, Hit]] = []
        respond = False
        for hit in hits:
            rule = hit.rule
            if rule.action == "respond":
                respond = True
            actions = [span.action or rule.action or "hold" for span in hit.spans]
            strongest = max(actions, key=lambda a: ACTIONS.index(a) if a in ACTIONS else 0)
            if strongest in ("hold", "remove"):
                acting.append((strongest, hit))
            findings += [
                Finding(
                    rule=rule.id,
                    category=rule.category,
                    severity=action if action in ("hold", "remove") else "info",
                    message=rule.message,
                    start=span.start,
                    end=span.end,
                    excerpt=text[span.start : span.end],
                    suggestion=span.suggestion or rule.suggestion,
                )
                for span, action in zip(hit.spans, actions, strict=True)
            ]
        findings = ordered(findings)
        action: Literal["publish", "hold", "remove"] = "publish"
        if any(a == "remove" for a, _ in acting):
            action = "remove"
        elif acting:
            action = "hold"
        chosen = [h for a, h in acting if a == action]
        reasons = [
            ModerationReason(rule=h.rule.id, category=h.rule.category, message=h.rule.message) for h in chosen
        ]
        if action == "publish" and mode == "pre-moderated" and not in_hours:
            action = "hold"
            reasons = [
                ModerationReason(
                    rule="moderation-hours",
                    category="moderation",
                    message="This channel is pre-moderated: clean comments are published in moderation "
                    "hours.",
                )
            ]
        escalate = next((h.rule.escalate_to for _, h in acting if h.rule.escalate_to), None)
        reply = next((h.rule.reply for h in chosen if h.rule.reply), None)
        respond_by = (
            self.calendar.add_working_days(posted, self.spec.response.working_days)
            if respond and action != "remove"
            else None
        )
        retain = (
            posted.date() + dt.timedelta(days=self.spec.retention.removed_days)
            if action == "remove"
            else None
        )
        return ModerationResult(
            action=action,
            comment_id=comment.comment_id,
            reasons=reasons,
            findings=findings,
            escalate_to=escalate,
            respond_by=respond_by,
            reply=reply,
            retain_until=retain,
            policy=self.policy_ref,
        )
