"""The draft checker: discretion guidelines compiled once, run per draft."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from govern.access.models import PolicyRef
from govern.checks.base import Subject
from govern.checks.engine import TextChecker
from govern.checks.normalise import normalised_subject
from govern.checks.signals import SIGNALS
from govern.clock import Clock, local_moment, system_clock
from govern.contract import ordered
from govern.drafts.models import Draft, DraftVerdict, Finding, Scores, Verdict
from govern.errors import Problem, did_you_mean
from govern.policy.model import DiscretionGuidelinesSpec

SEVERITIES: tuple[str, ...] = ("info", "revise", "refer", "block")
VERDICTS: dict[str, Verdict] = {"info": "ok", "revise": "revise", "refer": "refer", "block": "block"}

# The CEL variables of a draft, for `when:` and `context` checks.
VARIABLES: dict[str, str] = {
    "platform": "x, bluesky, mastodon, facebook, linkedin, instagram, threads, nextdoor or blog",
    "account": "corporate or personal",
    "approach": "the author's approach ('' when not given)",
    "author_id": "the author's id ('' when not given)",
    "has_image": "true when the post has an image",
    "alt_text": "the image's alt text ('' when none)",
    "is_reply": "true when the draft answers another post (in_reply_to)",
    "length": "the number of characters in the text",
}

# Signals a score can weigh besides rules: each from 0 to 1.
SIGNAL_TERMS = {
    "negative-sentiment": "how negative the text is: max(0, -VADER compound)",
    "reader-negativity": "how negative the sentences aimed at the reader are (apologies and thanks left out)",
    "reply": "1 when the draft answers another post",
    "offensive": "the offensive-language probability",
}
# The score terms computed by a signal of the subject, and that signal's name.
SIGNAL_NAMES = {
    "negative-sentiment": "negativity",
    "reader-negativity": "reader-negativity",
    "offensive": "offensive",
}


def plain_alternative(suggestion: str | None) -> str | None:
    """A detector's suggestion when it is words to put in place of the span ("from now on",
    "use"), which tools may apply as a fix; None when it is advice ("say how (…)", "Use each
    emoji once.")."""
    if not suggestion or len(suggestion.split()) > 6 or any(c in suggestion for c in "():;,.!?"):
        return None
    return suggestion


class DraftChecker:
    def __init__(
        self,
        spec: DiscretionGuidelinesSpec,
        timezone: ZoneInfo,
        policy_ref: PolicyRef,
        *,
        clock: Clock = system_clock,
    ) -> None:
        self.spec = spec
        self.timezone = timezone
        self.clock = clock  # the time of a draft with no posted_at
        self.policy_ref = policy_ref
        self.problems: list[Problem] = []
        for rule in spec.rules:
            if rule.action or rule.escalate_to:
                self.problems.append(
                    Problem(
                        rule.where("action" if rule.action else "escalate_to", key=True),
                        "G203",
                        f"rule '{rule.id}': drafts have a severity, not a moderation action",
                        rule.id,
                    )
                )
        self.checker = TextChecker(spec.rules, spec.windows, VARIABLES, self.problems)
        self.terms: dict[str, tuple[tuple[str, float], ...]] = {
            name: tuple((t.signal, t.weight) for t in terms) for name, terms in spec.scores.items()
        }
        rule_ids = [r.id for r in spec.rules]
        for name, terms in spec.scores.items():
            for i, term in enumerate(terms):
                if term.signal not in rule_ids and term.signal not in SIGNAL_TERMS:
                    hint = did_you_mean(term.signal, [*rule_ids, *SIGNAL_TERMS])
                    self.problems.append(
                        Problem(
                            term.where("signal"),
                            "G301",
                            f"score '{name}' weighs unknown signal '{term.signal}'{hint}",
                            f"scores.{name}[{i}]",
                        )
                    )

    def subject(self, draft: Draft) -> Subject:
        moment = local_moment(draft.posted_at, self.timezone, self.clock)
        facts = {
            "platform": draft.platform,
            "account": draft.account,
            "approach": draft.author.approach or "",
            "author_id": draft.author.id or "",
            "has_image": draft.has_image,
            "alt_text": (draft.alt_text or "").strip(),
            "is_reply": bool(draft.in_reply_to and draft.in_reply_to.strip()),
            "length": len(draft.text),
        }
        return normalised_subject(draft.text, facts, moment.astimezone(self.timezone).date(), SIGNALS)

    def _score(self, name: str, found: set[str], subject: Subject) -> float:
        total = 0.0
        for signal, weight in self.terms.get(name, ()):
            if signal in SIGNAL_NAMES:
                value = subject.signal(SIGNAL_NAMES[signal])
            elif signal == "reply":
                value = 1.0 if subject.facts["is_reply"] else 0.0
            else:
                value = 1.0 if signal in found else 0.0
            total += weight * value
        return round(min(1.0, total), 3)

    def check(self, draft: Draft) -> DraftVerdict:
        subject = self.subject(draft)
        hits = self.checker.run(subject)
        text = draft.text
        findings = ordered(
            Finding(
                rule=h.rule.id,
                category=h.rule.category,
                severity=h.rule.severity or "info",
                message=h.rule.message,
                start=span.start,
                end=span.end,
                excerpt=text[span.start : span.end],
                suggestion=span.suggestion or h.rule.suggestion,
                replacement=plain_alternative(span.suggestion),
            )
            for h in hits
            for span in h.spans
        )
        worst = max((SEVERITIES.index(f.severity) for f in findings), default=0)
        found = {h.rule.id for h in hits}
        return DraftVerdict(
            verdict=VERDICTS[SEVERITIES[worst]],
            scores=Scores(
                tone=self._score("tone", found, subject),
                rebuttal_risk=self._score("rebuttal_risk", found, subject),
            ),
            findings=findings,
            policy=self.policy_ref,
        )
