"""The access evaluator: every applicable rule is evaluated; deny > refer > permit. (Over ~400
lines: the request path is laid out at load time, per combination of matched facts, and the
decision is assembled from parts built once; both sit beside the rules they are derived from.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from govern.access.models import (
    AccessDecision,
    AccessRequest,
    Effect,
    Obligation,
    OnApproval,
    PolicyRef,
    Reason,
    SiteRef,
)
from govern.access.plan import FACTS, Run, Step, compile_plan
from govern.access.sites import Site, SiteCatalogue
from govern.clock import SYSTEM_IDS, Clock, IdSource, local_moment, system_clock
from govern.errors import Problem, did_you_mean
from govern.policy.expr import EvaluationError, Expr, compile_expr
from govern.policy.expr_py import BOOL, INT, LIST_STR, MAP_STR_INT, STR
from govern.policy.model import AccessPolicySpec, AccessRule, PriorityCatalogueSpec

# A referral approved by a reviewer grants at most this many days when no permit rule set a term.
MAX_REFERRAL_DAYS = 365

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

# The CEL type of each variable, so that simple expressions run as Python closures (expr_py).
TYPES: dict[str, str] = {
    **dict.fromkeys(("access", "approach", "domain", "category", "requester_id", "department", "role"), STR),
    **dict.fromkeys(("employment", "purpose", "moderation_plan"), STR),
    **dict.fromkeys(("groups", "drivers", "priorities", "unknown_priorities", "benefits"), LIST_STR),
    **dict.fromkeys(("known_site", "manager_approved"), BOOL),
    **dict.fromkeys(("purpose_words", "days_requested"), INT),
    "training_days": MAP_STR_INT,
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
    reason: Reason  # what the decision says when the requirement fails


# The facts a `match` compares one value of; the others (groups, drivers) match on overlap.
_SCALAR_FACTS = ("access", "approach", "category", "domain", "department", "employment")
_UNNAMED = object()  # in a plan key: a value no rule's `match` names


@dataclass(frozen=True, slots=True)
class _Rule:
    rule: AccessRule
    scalar_match: tuple[tuple[int, frozenset[str | None]], ...]  # (index in _SCALAR_FACTS, any of)
    set_match: tuple[tuple[str, frozenset[str]], ...]  # (list fact, any of): applies on overlap
    condition: Expr | None
    requirements: tuple[_Requirement, ...]
    max_days: int | Expr | None
    variables: tuple[str, ...]  # every variable its expressions read
    # The hit for each combination of failed requirements met so far (see _failed).
    failures: dict[tuple[bool, ...], _Hit] = field(default_factory=dict, compare=False, repr=False)

    def matches_scalars(self, key: tuple[str | None, ...]) -> bool:
        return all(key[i] in allowed for i, allowed in self.scalar_match)

    @property
    def expressions(self) -> tuple[Expr, ...]:
        """The expressions that decide whether it applies: its condition, then its requirements."""
        return (*([self.condition] if self.condition else []), *(r.that for r in self.requirements))


class _Hit:
    """A rule that applied, with the reasons and missing items it contributes.

    Hits are made once per rule (and combination of failed requirements) and compared by
    identity, so that a combination of hits can key what it decides (see _Outcome). A plain
    class: a frozen dataclass's __init__ costs a microsecond where a rule cannot be evaluated."""

    __slots__ = ("rule", "reasons", "missing")

    def __init__(self, rule: _Rule, reasons: tuple[Reason, ...], missing: tuple[str, ...]) -> None:
        self.rule, self.reasons, self.missing = rule, reasons, missing


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What a combination of hits decides, apart from what depends on the request's values
    (days granted, expiry, warnings): the same every time the combination recurs."""

    decision: Effect
    reasons: tuple[Reason, ...]
    missing: tuple[str, ...]  # deny only
    obligations: tuple[Obligation, ...]  # permit and refer only
    refer_to: str | None
    permits: tuple[_Hit, ...]  # whose terms set the days granted (permit and refer)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What one combination of scalar facts asks of a request: the rules whose scalar `match`
    passes, in order, and the function that runs them (see plan.py)."""

    rules: tuple[_Rule, ...]
    run: Run


MEMO_SIZE = 4096  # entries each of the engine's memos keeps (they are rebuilt on demand)
K = TypeVar("K")
V = TypeVar("V")


def _remember(memo: dict[K, V], key: K, value: V) -> V:
    """Keep `value` under `key`, emptying the memo first when it is full: a caller sending ever new
    values (departments, sites) costs a rebuild, never unbounded memory."""
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


def _failed(rule: _Rule, flags: tuple[bool, ...]) -> _Hit:
    """The hit of a rule whose requirements failed where `flags` are true: made of the rule's
    parts only, so kept per combination (a rule has a few requirements, so a few combinations)."""
    found = rule.failures.get(flags)
    if found is None:
        failed = [r for r, bad in zip(rule.requirements, flags, strict=True) if bad]
        missing = tuple(r.missing for r in failed if r.missing)
        found = _Hit(rule, tuple(r.reason for r in failed), (*rule.rule.missing, *missing))
        if len(rule.failures) < MEMO_SIZE:
            rule.failures[flags] = found
    return found


M = TypeVar("M", bound=BaseModel)
_new, _set = object.__new__, object.__setattr__


def _trusted(model: type[M], values: dict[str, Any], given: set[str]) -> M:
    """A model of values the engine built itself, each already of its field's type (nested models
    included): what pydantic's `model_construct` does, without its loop over the fields. `values`
    holds every field in declaration order; `given` the fields set, as validation would record.
    tests/access/test_decision_json.py checks the result equals full validation's, byte for byte."""
    built = _new(model)
    _set(built, "__dict__", values)
    _set(built, "__pydantic_fields_set__", given)
    _set(built, "__pydantic_extra__", None)
    _set(built, "__pydantic_private__", None)
    return built


# The fields of a decision the engine gives (not `facts` and `approval`: the service adds those).
_DECISION_FIELDS = frozenset(AccessDecision.model_fields) - {"facts", "approval"}
_APPROVAL_FIELDS = frozenset(OnApproval.model_fields)


class AccessEngine:
    """Rules compiled once; `decide` only looks things up and runs compiled programs.

    The compiled rules never change: a different policy is a new engine. The clock (for a
    request with no receive time) and the decision-id source are given, not read.
    """

    def __init__(
        self,
        policy: AccessPolicySpec,
        sites: SiteCatalogue,
        priorities: PriorityCatalogueSpec,
        timezone: ZoneInfo,
        policy_ref: PolicyRef,
        *,
        clock: Clock = system_clock,
        ids: IdSource = SYSTEM_IDS,
    ) -> None:
        self.policy = policy
        self.sites = sites
        self.priorities = {p.id: p for p in priorities.priorities}
        self.timezone = timezone
        self.policy_ref = policy_ref
        self.clock, self.ids = clock, ids
        self.problems: list[Problem] = []
        self.rules: tuple[_Rule, ...] = tuple(r for r in map(self._compile, policy.rules) if r is not None)
        self._plans: dict[Hashable, _Plan] = {}  # by plan key (see _index)
        self._by_scalars: dict[tuple[str | None, ...], _Plan] = {}  # by the values themselves
        self._outcomes: dict[tuple[_Hit, ...], _Outcome] = {}
        self._site_refs: dict[Site, SiteRef] = {}
        self._index()

    def _index(self) -> None:
        """Derive what the request path looks up from the compiled rules."""
        # What a rule without requirements contributes when it applies: the same every time.
        self._plain_hits = {
            r.rule.id: _Hit(
                r,
                (Reason(rule=r.rule.id, effect=r.rule.effect, message=r.rule.message),),
                tuple(r.rule.missing),
            )
            for r in self.rules
        }
        self._obligations = {o: Obligation(id=o, text=text) for o, text in self.policy.obligations.items()}
        self._no_rule = Reason(rule="no-applicable-rule", effect="deny", message=self.policy.no_rule_message)
        # A plan depends only on the scalar facts some rule matches on (rarely the domain, say), and
        # of those only on the values some rule names: every other department (free text, from the
        # request or the directory) gets the same plan. Keyed by the raw values, a caller sending
        # a new department each time had a plan compiled for every request (~0.4 ms each).
        used = sorted({i for r in self.rules for i, _ in r.scalar_match})
        named = tuple(
            (i, frozenset[str | None]().union(*(a for r in self.rules for j, a in r.scalar_match if j == i)))
            for i in used
        )

        def plan_key(values: tuple[str | None, ...]) -> Hashable:
            return tuple([values[i] if values[i] in names else _UNNAMED for i, names in named])

        self._plan_key: Callable[[tuple[str | None, ...]], Hashable] = plan_key

    # --- load time -----------------------------------------------------------------------

    def _expr(self, source: str, rule: AccessRule, *path: str | int) -> Expr | None:
        compiled = compile_expr(
            source,
            rule.where(*path),
            VARIABLES,
            f"rules.{rule.id}",
            lambda line, column: rule.inner(*path, line=line, column=column),
            TYPES,
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
        given = {_MATCH_FACTS[name]: frozenset(v) for name, v in m.model_dump(exclude_none=True).items()}
        scalar_match = tuple(
            (i, frozenset[str | None](given[f])) for i, f in enumerate(_SCALAR_FACTS) if f in given
        )
        set_match = tuple((f, v) for f, v in given.items() if f not in _SCALAR_FACTS)
        condition = self._expr(rule.condition, rule, "condition") if rule.condition else None
        requirements = tuple(
            _Requirement(
                expr, req.message, req.missing, Reason(rule=rule.id, effect=rule.effect, message=req.message)
            )
            for i, req in enumerate(rule.require)
            if (expr := self._expr(req.that, rule, "require", i, "that")) is not None
        )
        max_days: int | Expr | None = None
        if rule.grant is not None:
            days = rule.grant.max_days
            max_days = days if isinstance(days, int) else self._expr(days, rule, "grant", "max_days")
        if len(self.problems) > before:
            return None
        expressions = [condition, *(r.that for r in requirements), max_days]
        variables = tuple(dict.fromkeys(v for e in expressions if isinstance(e, Expr) for v in e.variables))
        return _Rule(rule, scalar_match, set_match, condition, requirements, max_days, variables)

    # --- request time --------------------------------------------------------------------

    def received(self, received_at: dt.datetime | None) -> dt.datetime:
        """When the request was received: the caller's clock (the service's receive time), else
        now. A time without a zone is in the pack's zone. `submitted_at` is never used: it is
        the requester's claim, recorded only."""
        return local_moment(received_at, self.timezone, self.clock)

    def _plan_for(self, values: tuple[str | None, ...]) -> _Plan:
        """The plan for this combination of scalar facts (in _SCALAR_FACTS order), memoised under
        its plan key (which shares plans between values no rule names), and under the values
        themselves, which `decide` looks up first: computing the key costs more than the lookup."""
        key = self._plan_key(values)
        found = self._plans.get(key)
        if found is None:
            rules = tuple(r for r in self.rules if r.matches_scalars(values))
            steps = [
                Step(
                    r,
                    r.set_match,
                    r.condition.python if r.condition else None,
                    tuple(q.that.python or "" for q in r.requirements),
                    all(e.python is not None for e in r.expressions),
                    self._plain_hits[r.rule.id],
                )
                for r in rules
            ]
            read = tuple(dict.fromkeys(v for r in rules for v in r.variables))
            run = compile_plan(steps, read, self._evaluate, _failed)
            found = _remember(self._plans, key, _Plan(rules, run))
        return _remember(self._by_scalars, values, found)

    def _outcome(self, hits: list[_Hit]) -> _Outcome:
        """What these hits decide: deny > refer > permit; memoised on the hits themselves (the
        key holds them, so no other hit can take the identity of one in the memo)."""
        key = tuple(hits)
        found = self._outcomes.get(key)
        if found is not None:
            return found
        denies = [h for h in hits if h.rule.rule.effect == "deny"]
        refers = [h for h in hits if h.rule.rule.effect == "refer"]
        permits = tuple(h for h in hits if h.rule.rule.effect == "permit")
        chosen: Sequence[_Hit]
        decision: Effect
        if denies:
            decision, chosen = "deny", denies
        elif refers:
            decision, chosen = "refer", refers
        elif any(not h.rule.rule.only_with_permit for h in permits):
            decision, chosen = "permit", permits
        else:
            decision, chosen = "deny", ()
        obligations: tuple[Obligation, ...] = ()
        if decision in ("permit", "refer"):
            ids = dict.fromkeys(o for h in permits for o in h.rule.rule.obligations)
            obligations = tuple(self._obligations[o] for o in ids)
        found = _Outcome(
            decision,
            tuple(reason for h in chosen for reason in h.reasons) or (self._no_rule,),
            tuple(dict.fromkeys(m for h in chosen for m in h.missing)) if decision == "deny" else (),
            obligations,
            chosen[0].rule.rule.refer_to if decision == "refer" else None,
            permits,
        )
        return _remember(self._outcomes, key, found)

    def _site_ref(self, site: Site) -> SiteRef:
        found = self._site_refs.get(site)
        if found is None:
            found = _remember(self._site_refs, site, SiteRef(domain=site.domain, category=site.category))
        return found

    def _evaluate(self, rule: _Rule, facts: dict[str, Any], errors: list[str]) -> _Hit | None:
        """The rule's contribution when it applies, else None. Errors fail closed: a deny or
        refer rule that cannot be evaluated applies; a permit rule does not, and says why in
        `errors` (the decision's warnings)."""
        try:
            if rule.condition is not None and rule.condition.evaluate(facts) is not True:
                return None
            if not rule.requirements:
                return self._plain_hits[rule.rule.id]
            flags = tuple([r.that.evaluate(facts) is not True for r in rule.requirements])
        except EvaluationError as exc:
            if rule.rule.effect == "permit":
                errors.append(
                    f"permit rule '{rule.rule.id}' could not be evaluated and does not apply: {exc}"
                )
                return None
            message = f"{rule.rule.message} (the rule could not be evaluated: {exc})"
            return _Hit(rule, (Reason(rule=rule.rule.id, effect=rule.rule.effect, message=message),), ())
        return _failed(rule, flags) if True in flags else None

    def _granted_days(
        self, hits: Sequence[_Hit], facts: dict[str, Any], requested: int | None, errors: list[str]
    ) -> int | None:
        limits: list[int] = []
        for hit in hits:
            days = hit.rule.max_days
            if isinstance(days, Expr):
                try:
                    value = days.evaluate(facts)
                except EvaluationError as exc:
                    errors.append(f"rule '{hit.rule.rule.id}': grant.max_days could not be evaluated: {exc}")
                    continue
                if isinstance(value, int) and not isinstance(value, bool):
                    limits.append(value)
            elif days is not None:
                limits.append(days)
        if not limits:
            return requested
        cap = min(limits)
        return min(requested, cap) if requested else cap

    def decide(self, request: AccessRequest, received_at: dt.datetime | None = None) -> AccessDecision:
        site = self.sites.resolve(request.site)
        moment = self.received(received_at)
        today = moment.astimezone(self.timezone).date()  # expiry and training ages count from here
        who, case = request.requester, request.business_case
        scalars = (
            request.access,
            request.approach,
            site.category,
            site.domain,
            who.department,
            who.employment,
        )
        plan = self._by_scalars.get(scalars) or self._plan_for(scalars)
        hits: list[_Hit] = []
        errors: list[str] = []
        facts = plan.run(self, request, site, today, errors, hits)
        outcome = self._outcome(hits)
        decision = outcome.decision
        obligations = list(outcome.obligations)
        days: int | None = None
        on_approval = None
        if decision != "deny":
            days = self._granted_days(outcome.permits, facts, case.duration_days, errors)
        if decision == "refer":
            # What approval would grant: the permit rules' terms, else the days asked (a year at most).
            approved_days = days or min(case.duration_days or MAX_REFERRAL_DAYS, MAX_REFERRAL_DAYS)
            values = {
                "expires_on": today + dt.timedelta(days=approved_days),
                "granted_days": approved_days,
                "obligations": obligations,
            }
            on_approval = _trusted(OnApproval, values, set(_APPROVAL_FIELDS))
            obligations, days = [], None
        unknown = [p for p in case.priorities if p not in self.priorities]
        warnings = [f"priority '{p}' is not in the priority catalogue and does not count" for p in unknown]
        # Every part is already of its field's type: the decision is assembled, not validated.
        return _trusted(
            AccessDecision,
            {
                "decision": decision,
                "decision_id": self.ids(),
                "request_id": request.request_id,
                "site": self._site_ref(site),
                "reasons": list(outcome.reasons),
                "missing": list(outcome.missing),
                "obligations": obligations,
                "expires_on": today + dt.timedelta(days=days) if days is not None else None,
                "granted_days": days,
                "refer_to": outcome.refer_to,
                "on_approval": on_approval,
                "warnings": warnings + errors if errors else warnings,
                "policy": self.policy_ref,
                "received_at": moment,
                "facts": None,
                "approval": None,
            },
            set(_DECISION_FIELDS),
        )


assert set(FACTS) == set(VARIABLES) == set(TYPES), "every documented variable has a way to compute it"
