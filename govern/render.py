"""Human-readable views of results, for `--format text` and the web pages."""

from __future__ import annotations

from govern.access.models import AccessDecision
from govern.drafts.models import DraftVerdict
from govern.moderation.models import ModerationResult

_MARKS = {"permit": "✓", "deny": "✗", "refer": "→"}


def render_decision(decision: AccessDecision) -> str:
    """A decision as a person reads it: the outcome first, then why and what to do."""
    site = decision.site
    category = site.category or "not in the site catalogue"
    head = f"{decision.decision.upper()}  {site.domain} ({category})"
    if decision.decision == "permit" and decision.expires_on:
        head += f"  until {decision.expires_on.isoformat()} ({decision.granted_days} days)"
    if decision.decision == "refer" and decision.refer_to:
        head += f"  referred to {decision.refer_to}"
    lines = [head]
    lines += [f"  {_MARKS[r.effect]} {r.rule}: {r.message}" for r in decision.reasons]
    if decision.missing:
        lines.append("  what to supply:")
        lines += [f"    - {m}" for m in decision.missing]
    if decision.obligations:
        lines.append("  obligations:")
        lines += [f"    - {o.id}: {o.text}" for o in decision.obligations]
    lines += [f"  note: {w}" for w in decision.warnings]
    return "\n".join(lines)


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def render_verdict(verdict: DraftVerdict, text: str) -> str:
    """A verdict as a linter shows it: the text with each finding underlined, then the list."""
    scores = verdict.scores
    lines = [f"{verdict.verdict.upper()}  tone {scores.tone:.2f} · rebuttal risk {scores.rebuttal_risk:.2f}"]
    offset = 0
    for row in text.split("\n"):
        lines.append(f"  {row}")
        marks = [" "] * (len(row) + 1)
        for f in verdict.findings:
            start, end = max(f.start, offset), min(f.end, offset + len(row))
            if f.start == f.end == 0 and offset == 0:
                marks[0] = "^"
            for i in range(start - offset, end - offset):
                marks[i] = (
                    "^" if f.severity in ("block", "refer") else ("~" if f.severity == "revise" else "-")
                )
        underline = "".join(marks).rstrip()
        if underline:
            lines.append(f"  {underline}")
        offset += len(row) + 1
    for f in verdict.findings:
        line, column = _position(text, f.start)
        excerpt = f' "{f.excerpt}"' if f.excerpt else ""
        lines.append(f"{line}:{column}: {f.severity} {f.rule} ({f.category}): {f.message}{excerpt}")
        if f.suggestion:
            lines.append(f"    suggestion: {f.suggestion}")
    if not verdict.findings:
        lines.append("no findings")
    return "\n".join(lines)


def render_moderation(result: ModerationResult, text: str) -> str:
    """A moderation result for a community manager: the action, why, and what to do next."""
    head = result.action.upper()
    if result.escalate_to:
        head += f"  escalate to {result.escalate_to}"
    lines = [head]
    lines += [f"  {r.rule} ({r.category}): {r.message}" for r in result.reasons]
    for f in result.findings:
        line, column = _position(text, f.start)
        excerpt = f' "{f.excerpt}"' if f.excerpt else ""
        lines.append(f"  {line}:{column}: {f.severity} {f.rule}{excerpt}")
    if result.respond_by:
        lines.append(f"  reply by {result.respond_by.isoformat(timespec='minutes')}")
    if result.reply:
        lines.append(f"  tell the author: {result.reply}")
    if result.retain_until:
        lines.append(f"  keep the removed comment until {result.retain_until.isoformat()}")
    return "\n".join(lines)
