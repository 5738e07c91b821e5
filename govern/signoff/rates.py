"""Each rule's acknowledgement rate: of the drafts a rule found something in, how many authors
published anyway with a reason. A high rate is a noisy rule (the policy owner's signal to fix it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from govern.signoff.model import text_digest


def found_by_rule(checks: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> Counter[str]:
    """How many distinct drafts each rule found something in, from logged checks (input, result).

    Distinct by text, so a draft checked at every pause while it is typed counts once per wording.
    """
    seen: set[tuple[str, str]] = set()
    for draft, verdict in checks:
        text = draft.get("text")
        key = text_digest(text) if isinstance(text, str) else repr(sorted(draft.items()))
        for finding in verdict.get("findings") or []:
            if isinstance(finding, dict) and "rule" in finding:
                seen.add((finding["rule"], key))
    return Counter(rule for rule, _ in seen)


def rates(found: Counter[str], acknowledged: Counter[str]) -> dict[str, tuple[int, int]]:
    """rule -> (acknowledged, found), for every rule either counts.

    An acknowledged draft was found by the rule when it was acknowledged, so found is at least
    acknowledged even when the check has left the window (or was never logged, e.g. the CLI's).
    """
    rules = sorted(set(found) | set(acknowledged))
    return {rule: (acknowledged[rule], max(found[rule], acknowledged[rule])) for rule in rules}


def acknowledgement_rates(records: Iterable[Any], acknowledged: Counter[str]) -> dict[str, tuple[int, int]]:
    """(acknowledged, found) per rule from decision-log records (those of kind "check" count)."""
    checks = ((r.input, r.result) for r in records if r.kind == "check" and not r.purged)
    return rates(found_by_rule(checks), acknowledged)
