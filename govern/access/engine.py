"""The access evaluator: every applicable rule is evaluated; deny > refer > permit."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from govern.access.models import (
    AccessDecision,
    AccessRequest,
    Effect,
    Obligation,
    PolicyRef,
    Reason,
    SiteRef,
)
from govern.access.sites import Site, SiteCatalogue
from govern.errors import Problem, did_you_mean
from govern.policy.expr import EvaluationError, Expr, compile_expr
from govern.policy.model import AccessPolicySpec, AccessRule, PriorityCatalogueSpec

# The variables an access rule's CEL expressions may read. They are flat on purpose: each
# variable an expression reads is converted to CEL per call, and scalars convert fastest.
VARIABLES: dict[str, str] = {
    "access": "the access asked for: read, post or manage",
    "approach": "listen, reflect, converse, experiment or embed",
    "domain": "the catalogued domain the site resolved to (the host when unknown)",
    "category": "the site's category ('' when the site is in no category)",
    "known_site": "true when the site is in the site catalogue",
    "requester_id": "the requester's id",
    "department": "the requester's department",
    "role": "the requester's role",
    "employment": "permanent, contractor or temporary",
    "groups": "the requester's groups",
    "training_days": "map of course -> days since it was last completed, on the request date",
    "purpose": "the business case's purpose",
    "purpose_words": "the number of words in the purpose",
    "drivers": "the business case's drivers",
    "priorities": "the named priorities that are in the priority catalogue",
    "unknown_priorities": "the named priorities that are not in the catalogue",
    "benefits": "the business case's benefits",
    "days_requested": "duration_days, or 0 when not given",
    "manager_approved": "true when the manager approved the business case",
    "moderation_plan": "the moderation plan ('' when not given)",
}

# What a structured `match` compares, as (fact, any-of) pairs; list facts match on overlap.
_MATCH_FACTS = {
    "access": "access",
    "approaches": "approach",
    "categories": "category",
    "sites": "domain",
    "departments": "department",
    "employment": "employment",
    "groups": "groups",
    "drivers": "drivers",
}


@dataclass(frozen=True, slots=True)
class _Requirement:
    that: Expr
    message: str
    missing: str | None


@dataclass(frozen=True, slots=True)
class _Rule:
    rule: AccessRule
    match: tuple[tuple[str, frozenset[str]], ...]
    condition: Expr | None
    requirements: tuple[_Requirement, ...]
    max_days: int | Expr | None

    def matches(self, scalars: dict[str, Any], sets: dict[str, frozenset[str]]) -> bool:
        for fact, allowed in self.match:
            if fact in sets:
                if not sets[fact] & allowed:
                    return False
            elif scalars[fact] not in allowed:
                return False
        return True


@dataclass(frozen=True, slots=True)
class _Hit:
    """A rule that applied, with the messages and missing items it contributes."""

    rule: _Rule
    messages: tuple[str, ...]
    missing: tuple[str, ...]


class AccessEngine:
    """Rules compiled once; `decide` only looks things up and runs compiled programs."""

    def __init__(
        self,
        policy: AccessPolicySpec,
        sites: SiteCatalogue,
        priorities: PriorityCatalogueSpec,
        timezone: ZoneInfo,
        policy_ref: PolicyRef,
    ) -> None:
        self.policy = policy
        self.sites = sites
        self.priorities = {p.id: p for p in priorities.priorities}
        self.timezone = timezone
        self.policy_ref = policy_ref
        self.problems: list[Problem] = []
        self.rules = [r for r in map(self._compile, policy.rules) if r is not None]

    # --- load time -----------------------------------------------------------------------

    def _expr(self, source: str, rule: AccessRule, *path: str | int) -> Expr | None:
        compiled = compile_expr(
            source,
            rule.where(*path),
            VARIABLES,
            f"rules.{rule.id}",
            lambda line, column: rule.inner(*path, line=line, column=column),
        )
        if isinstance(compiled, Problem):
            self.problems.append(compiled)
            return None
        return compiled

    def _check_names(
        self, rule: AccessRule, field: str, names: Iterable[str], known: Iterable[str], what: str
    ) -> None:
        known = list(known)
        for i, name in enumerate(names):
            if name not in known:
                hint = did_you_mean(name, known)
                message = f"rule '{rule.id}' names unknown {what} '{name}'{hint}"
                self.problems.append(Problem(rule.where(*field.split("."), i), "G301", message, rule.id))

    def _compile(self, rule: AccessRule) -> _Rule | None:
        before = len(self.problems)
        m = rule.match
        self._check_names(rule, "match.categories", m.categories or [], self.sites.categories, "category")
        self._check_names(rule, "match.sites", m.sites or [], self.sites.domains, "site")
        self._check_names(rule, "obligations", rule.obligations, self.policy.obligations, "obligation")
        if rule.effect == "refer" and not rule.refer_to:
            self.problems.append(
                Problem(
                    rule.where("effect"),
                    "G201",
                    f"refer rule '{rule.id}' needs 'refer_to'",
                    rule.id,
                )
            )
        match = tuple(
            (_MATCH_FACTS[name], frozenset(values))
            for name, values in m.model_dump(exclude_none=True).items()
        )
        condition = self._expr(rule.condition, rule, "condition") if rule.condition else None
        requirements = tuple(
            _Requirement(expr, req.message, req.missing)
            for i, req in enumerate(rule.require)
            if (expr := self._expr(req.that, rule, "require", i, "that")) is not None
        )
        max_days: int | Expr | None = None
        if rule.grant is not None:
            days = rule.grant.max_days
            max_days = days if isinstance(days, int) else self._expr(days, rule, "grant", "max_days")
        if len(self.problems) > before:
            return None
        return _Rule(rule, match, condition, requirements, max_days)

    # --- request time --------------------------------------------------------------------

    def request_date(self, request: AccessRequest) -> dt.date:
        moment = request.submitted_at or dt.datetime.now(self.timezone)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.timezone)
        return moment.astimezone(self.timezone).date()

    def _facts(self, request: AccessRequest, site: Site, today: dt.date) -> dict[str, Any]:
        case, who = request.business_case, request.requester
        training: dict[str, int] = {}
        for t in who.training:
            age = (today - t.completed_on).days
            if age >= 0 and age < training.get(t.course, age + 1):
                training[t.course] = age
        return {
            "access": request.access,
            "approach": request.approach,
            "domain": site.domain,
            "category": site.category or "",
            "known_site": site.known,
            "requester_id": who.id,
            "department": who.department,
            "role": who.role,
            "employment": who.employment,
            "groups": who.groups,
            "training_days": training,
            "purpose": case.purpose,
            "purpose_words": len(case.purpose.split()),
            "drivers": case.drivers,
            "priorities": [p for p in case.priorities if p in self.priorities],
            "unknown_priorities": [p for p in case.priorities if p not in self.priorities],
            "benefits": case.benefits,
            "days_requested": case.duration_days or 0,
            "manager_approved": case.manager_approved,
            "moderation_plan": case.moderation_plan or "",
        }

    def _evaluate(self, rule: _Rule, facts: dict[str, Any]) -> _Hit | None:
        """The rule's contribution when it applies, else None. Errors fail closed."""
        try:
            if rule.condition is not None and rule.condition.evaluate(facts) is not True:
                return None
            if not rule.requirements:
                return _Hit(rule, (rule.rule.message,), tuple(rule.rule.missing))
            failed = [r for r in rule.requirements if r.that.evaluate(facts) is not True]
        except EvaluationError as exc:
            if rule.rule.effect == "permit":
                return None
            return _Hit(rule, (f"{rule.rule.message} (the rule could not be evaluated: {exc})",), ())
        if not failed:
            return None
        missing = tuple(r.missing for r in failed if r.missing)
        return _Hit(rule, tuple(r.message for r in failed), (*rule.rule.missing, *missing))

    def _granted_days(self, hits: list[_Hit], facts: dict[str, Any], requested: int | None) -> int | None:
        limits: list[int] = []
        for hit in hits:
            days = hit.rule.max_days
            if isinstance(days, Expr):
                try:
                    value = days.evaluate(facts)
                except EvaluationError:
                    continue
                if isinstance(value, int) and not isinstance(value, bool):
                    limits.append(value)
            elif days is not None:
                limits.append(days)
        if not limits:
            return requested
        cap = min(limits)
        return min(requested, cap) if requested else cap

    def decide(self, request: AccessRequest) -> AccessDecision:
        site = self.sites.resolve(request.site)
        today = self.request_date(request)
        facts = self._facts(request, site, today)
        who = request.requester
        scalars = {
            "access": request.access,
            "approach": request.approach,
            "category": site.category,
            "domain": site.domain,
            "department": who.department,
            "employment": who.employment,
        }
        sets = {
            "groups": frozenset(who.groups),
            "drivers": frozenset(request.business_case.drivers),
        }
        hits: dict[str, list[_Hit]] = {"deny": [], "refer": [], "permit": []}
        for rule in self.rules:
            if rule.matches(scalars, sets) and (hit := self._evaluate(rule, facts)) is not None:
                hits[rule.rule.effect].append(hit)

        permits = hits["permit"]
        decision: Effect
        if hits["deny"]:
            decision, chosen = "deny", hits["deny"]
        elif hits["refer"]:
            decision, chosen = "refer", hits["refer"]
        elif any(not h.rule.rule.only_with_permit for h in permits):
            decision, chosen = "permit", permits
        else:
            decision, chosen = "deny", []

        reasons = [
            Reason(rule=h.rule.rule.id, effect=h.rule.rule.effect, message=message)
            for h in chosen
            for message in h.messages
        ]
        if not reasons:
            reasons = [Reason(rule="no-applicable-rule", effect="deny", message=self.policy.no_rule_message)]
        decided = AccessDecision(
            decision=decision,
            decision_id=str(uuid.uuid4()),
            request_id=request.request_id,
            site=SiteRef(domain=site.domain, category=site.category),
            reasons=reasons,
            missing=list(dict.fromkeys(m for h in chosen for m in h.missing)) if decision == "deny" else [],
            refer_to=chosen[0].rule.rule.refer_to if decision == "refer" else None,
            warnings=[
                f"priority '{p}' is not in the priority catalogue and does not count"
                for p in facts["unknown_priorities"]
            ],
            policy=self.policy_ref,
        )
        if decision == "permit":
            ids = dict.fromkeys(o for h in permits for o in h.rule.rule.obligations)
            days = self._granted_days(permits, facts, request.business_case.duration_days)
            decided.obligations = [Obligation(id=o, text=self.policy.obligations[o]) for o in ids]
            if days is not None:
                decided.granted_days = days
                decided.expires_on = today + dt.timedelta(days=days)
        return decided
