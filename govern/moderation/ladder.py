"""Actions and the ladder: what the council does on the platform, and about the author.

A rule that holds or removes a comment maps to platform actions in the pack (`actions:` by rule
id: `hide`, which the author and their friends still see and a moderator can undo, or `delete`);
an unmapped rule hides. A removal is a strike; the ladder counts an author's strikes within its
period (90 days in the council default) and each step reached adds an action: a `warn` with a
private message at the first, a `block-review` at the third. A block is never automatic: the
review goes to a moderator with the removed comments as evidence.

Pure: strikes come from the author's earlier outcomes passed in (`history`), never from a store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from govern.moderation.harassment import Judge, Targets, repeated
from govern.moderation.models import Comment, ModerationResult, Outcome, PlatformAction
from govern.policy.model import LadderStep, ModerationPolicySpec

# Reasons that are not a rule's judgement of the text: nothing to do on the platform.
NOT_RULES = {"moderation-hours"}


class Team:
    """The pack's actions, ladder and harassment settings, compiled once."""

    def __init__(self, spec: ModerationPolicySpec) -> None:
        self.actions = spec.actions
        self.ladder = spec.ladder
        self.within = dt.timedelta(days=spec.ladder.within_days)
        self.steps = sorted(spec.ladder.steps, key=lambda s: s.at)
        self.harassment = spec.harassment
        self.abusive = set(spec.harassment.categories)
        self.targets = Targets(spec.harassment.people)
        self.evidence_categories = set(spec.evidence.categories)

    def platform_actions(self, result: ModerationResult) -> list[PlatformAction]:
        """hide or delete, with the first rule that asked for each; delete makes hide moot."""
        if result.action == "publish":
            return []
        wanted: dict[str, str] = {}
        for reason in result.reasons:
            if reason.rule in NOT_RULES:
                continue
            for name in self.actions.get(reason.rule) or ["hide"]:
                wanted.setdefault(name, reason.rule)
        if "delete" in wanted:
            wanted.pop("hide", None)
        return [
            PlatformAction(action="delete" if name == "delete" else "hide", rule=rule)
            for name, rule in wanted.items()
        ]

    def step(self, strikes: int) -> LadderStep | None:
        """The highest step the strikes reach (a second removal repeats the warning)."""
        reached = [s for s in self.steps if s.at <= strikes]
        return reached[-1] if reached else None

    def earlier(self, comment: Comment, posted: dt.datetime, history: Iterable[Outcome]) -> list[Outcome]:
        """The author's other comments within the period before this one."""
        return [
            o
            for o in history
            if (o.comment_id is None or o.comment_id != comment.comment_id)
            and o.author in (None, comment.author.id)
            and dt.timedelta(0) <= posted - o.posted_at <= self.within
        ]

    def apply(
        self,
        result: ModerationResult,
        comment: Comment,
        posted: dt.datetime,
        history: Iterable[Outcome],
        judge: Judge,
    ) -> ModerationResult:
        """The result with its actions and strikes."""
        actions = self.platform_actions(result)
        earlier = self.earlier(comment, posted, history) if comment.author.id else []
        removed = [o for o in earlier if o.action == "remove"]
        strikes = len(removed) + 1 if result.action == "remove" and comment.author.id else len(removed)
        step = self.step(strikes) if result.action == "remove" and comment.author.id else None
        if step is not None:
            evidence = [i for i in [*(o.comment_id for o in removed), comment.comment_id] if i]
            message = step.message or (
                f"{strikes} removed comments within {self.ladder.within_days} days: a moderator "
                "decides whether to block the author, with a reason and a review date"
            )
            actions.append(
                PlatformAction(action=step.action, rule="ladder", message=message, evidence=evidence)
            )
        update: dict[str, object] = {"actions": actions, "strikes": strikes}
        escalation = self._harassment(result, comment, posted, earlier, judge)
        if escalation is not None:
            actions.append(escalation)
            if result.escalate_to is None:
                update["escalate_to"] = escalation.to
        return result.model_copy(update=update)

    def aimed_at(self, comment: Comment, result: ModerationResult, judge: Judge) -> list[str]:
        """The people this comment's abuse is aimed at (none when it is not abusive)."""
        if result.action == "publish" or not self.abusive:
            return []
        return self.targets.aimed_at(comment.text, result.findings, self.abusive, judge)

    def _harassment(
        self,
        result: ModerationResult,
        comment: Comment,
        posted: dt.datetime,
        earlier: list[Outcome],
        judge: Judge,
    ) -> PlatformAction | None:
        team = self.harassment.escalate_to
        if team is None or not comment.author.id:
            return None
        found = repeated(self.harassment, self.aimed_at(comment, result, judge), posted, self.within, earlier)
        if found is None:
            return None
        target, ids = found
        return PlatformAction(
            action="escalate",
            rule="harassment",
            to=team,
            target=target,
            message=f"{len(ids) + 1} abusive comments by this author aimed at {target} within "
            f"{self.ladder.within_days} days: repeated targeting",
            evidence=[i for i in [*ids, comment.comment_id] if i],
        )

    def outcome(
        self, comment: Comment, result: ModerationResult, posted: dt.datetime, judge: Judge
    ) -> Outcome:
        """What to remember of this comment for the author's later ones."""
        return Outcome(
            comment_id=comment.comment_id,
            author=comment.author.id,
            channel=comment.channel,
            posted_at=posted,
            action=result.action,
            categories=sorted({f.category for f in result.findings if f.severity != "info"}),
            targets=self.aimed_at(comment, result, judge),
        )

    def is_evidence(self, result: ModerationResult) -> bool:
        """A removed comment of a category kept as evidence (threats, hate)."""
        if result.action != "remove":
            return False
        return any(f.category in self.evidence_categories for f in result.findings if f.severity == "remove")
