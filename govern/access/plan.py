"""An access plan: the request path of one combination of matched facts, as one Python function.

The engine makes a plan the first time it meets a combination of the scalar facts rules match
on (access, approach, category, ...). The plan holds the rules whose scalar `match` passes, in
the policy's order, and one function, generated from Python source, that computes the facts
those rules read and runs each rule inline: no call per rule, per fact or per expression.

The source is built only from this module's fact expressions and expr_py's translations (which
hold declared variable names, integers, ASCII strings written back with repr() and fixed
operators); everything else (rules, hits, match sets) is passed in the namespace, never written
into the source. A rule whose expressions are not all translated, or whose translation raises
(where CEL gives its own answer or error), is evaluated the general way, by `slow`: expressions
are pure, so evaluating them again gives the same result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from govern.access.models import AccessRequest
from govern.policy.expr import FrozenMap
from govern.policy.expr_py import NAMESPACE

# How each variable of the engine's VARIABLES is computed: a Python expression over `e` (the
# engine), `r` (the request), `q` (its requester), `b` (its business case), `s` (the resolved
# site) and `d` (the request date). Lists are given as tuples and maps as FrozenMap, so that CEL
# results can be memoised on them.
FACTS: dict[str, str] = {
    "access": "r.access",
    "approach": "r.approach",
    "domain": "s.domain",
    "category": 's.category or ""',
    "known_site": "s.category is not None",
    "requester_id": "q.id",
    "department": "q.department",
    "role": "q.role",
    "employment": "q.employment",
    "groups": "tuple(q.groups)",
    "training_days": "_training_days(r, d)",
    "purpose": "b.purpose",
    "purpose_words": "len(b.purpose.split())",
    "drivers": "tuple(b.drivers)",
    "priorities": "tuple([p for p in b.priorities if p in e.priorities])",
    "unknown_priorities": "tuple([p for p in b.priorities if p not in e.priorities])",
    "benefits": "tuple(b.benefits)",
    "days_requested": "b.duration_days or 0",
    "manager_approved": "b.manager_approved",
    "moderation_plan": 'b.moderation_plan or ""',
}

# The list facts a `match` compares on overlap, read straight from the request.
SET_FACTS = {"groups": "q.groups", "drivers": "b.drivers"}


def training_days(request: AccessRequest, today: dt.date) -> FrozenMap:
    """Course -> days since it was last completed; completions after `today` do not count."""
    days: dict[str, int] = {}
    day = today.toordinal()
    for t in request.requester.training:
        age = day - t.completed_on.toordinal()
        if age >= 0 and age < days.get(t.course, age + 1):
            days[t.course] = age
    return FrozenMap(sorted(days.items()))  # FrozenMap.of, without the call


@dataclass(frozen=True, slots=True)
class Step:
    """What a plan needs to know of one rule."""

    rule: Any  # the engine's rule, given back to `slow` and `failed`
    set_match: tuple[tuple[str, frozenset[str]], ...]  # (list fact, any of): applies on overlap
    condition: str | None  # the condition's Python source (None: no condition)
    requirements: tuple[str, ...]  # each requirement's Python source
    inline: bool  # every expression has Python source (else the rule runs by `slow`)
    plain: Any  # the rule's hit when it applies and has no requirements


# run(e, r, s, d, errors, hits) -> facts: appends the hit of each rule that applies, in order.
Run = Callable[..., dict[str, Any]]


def compile_plan(
    steps: Sequence[Step],
    facts: Sequence[str],
    slow: Callable[[Any, dict[str, Any], list[str]], Any],
    failed: Callable[[Any, tuple[bool, ...]], Any],
) -> Run:
    """The function that runs `steps` in order, after computing `facts` (the variables they read).

    `slow(rule, facts, errors)` evaluates a rule the general way and gives its hit or None;
    `failed(rule, flags)` gives the hit of a rule whose requirements failed where flags are true.
    """
    namespace: dict[str, Any] = {
        **NAMESPACE,
        "tuple": tuple,
        "Exception": Exception,
        "_training_days": training_days,
        "_slow": slow,
        "_failed": failed,
    }
    computed = ", ".join(f"{name!r}: {FACTS[name]}" for name in facts)
    lines = [
        "def run(e, r, s, d, errors, hits):",
        "    q, b = r.requester, r.business_case",
        f"    f = {{{computed}}}",
    ]
    for i, step in enumerate(steps):
        namespace[f"R{i}"], namespace[f"P{i}"] = step.rule, step.plain
        body = _block(i, step)
        if step.set_match:
            tests = []
            for j, (fact, allowed) in enumerate(step.set_match):
                namespace[f"A{i}_{j}"] = allowed
                tests.append(f"not A{i}_{j}.isdisjoint({SET_FACTS[fact]})")
            lines.append(f"    if {' and '.join(tests)}:")
            body = [f"    {line}" for line in body]
        lines.extend(f"    {line}" for line in body)
    lines.append("    return f")
    try:
        code = compile("\n".join(lines), "<access plan>", "exec")
    except (SyntaxError, RecursionError, MemoryError):
        # An expression within a few levels of Python's nesting limit (its closure compiled, but
        # the plan nests it a little deeper): this plan runs every rule the general way.
        return compile_plan([replace(s, inline=False) for s in steps], facts, slow, failed)
    exec(code, namespace)  # noqa: S102
    run: Run = namespace["run"]
    return run


def _block(i: int, step: Step) -> list[str]:
    """The lines that evaluate rule `i` and append its hit, if any, to `hits`."""
    if not step.inline:
        return [f"h = _slow(R{i}, f, errors)", "if h is not None:", "    hits.append(h)"]
    if step.condition is None and not step.requirements:
        return [f"hits.append(P{i})"]
    flags = "(" + "".join(f"({code}) is not True, " for code in step.requirements) + ")"
    if step.condition is None:
        value, hit = flags, f"_failed(R{i}, x) if True in x else None"
    elif not step.requirements:
        value, hit = f"({step.condition}) is True", f"P{i} if x else None"
    else:
        value, hit = (
            f"{flags} if ({step.condition}) is True else ()",
            f"_failed(R{i}, x) if True in x else None",
        )
    return [
        "try:",
        f"    x = {value}",
        "except Exception:",  # CEL gives its own answer or error: see expr_py
        f"    h = _slow(R{i}, f, errors)",
        "else:",
        f"    h = {hit}",
        "if h is not None:",
        "    hits.append(h)",
    ]
