"""Human-readable views of results, for `--format text` and the web pages."""

from __future__ import annotations

from govern.access.models import AccessDecision

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
