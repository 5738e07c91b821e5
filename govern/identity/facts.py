"""Resolving a requester's facts from their sources, instead of trusting the caller.

The service calls `resolve` before the pack decides: a requester (a `requester` key or a signed-in
person) asks only for itself and states no fact about itself; department, employment and groups
come from the directory, training from the training records, and the manager's approval from an
approval task. Only a trusted client (`intake`, or `admin`) may ask for someone else and state
their facts; what it states is recorded as such. `govern decide` and the library never come here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from govern.identity.model import Directory, Fact, Person, Principal, Source
from govern.identity.training import TrainingSource, latest
from govern.ids import name_problem

# Roles whose keys may state a requester's facts and ask for someone else.
TRUSTED = frozenset({"intake", "admin"})

# Each fact a request could carry: where it sits in the body, and where it comes from instead.
FACTS: dict[str, tuple[str, str]] = {
    "department": ("requester.department", "the directory"),
    "employment": ("requester.employment", "the directory (employeeType)"),
    "groups": ("requester.groups", "the directory"),
    "training": ("requester.training", "the training records"),
    "role": ("requester.role", "the directory"),
    "manager_approved": ("business_case.manager_approved", "the manager's approval (/v1/approvals)"),
}

# The directory's employeeType (free text in SCIM) to the pack's employment.
EMPLOYMENT: dict[str, str] = {
    "permanent": "permanent",
    "employee": "permanent",
    "staff": "permanent",
    "contractor": "contractor",
    "contract": "contractor",
    "consultant": "contractor",
    "temporary": "temporary",
    "temp": "temporary",
    "agency": "temporary",
    "interim": "temporary",
    "fixed-term": "temporary",
    "fixed term": "temporary",
}


# How a requester proved who it is (Principal.via) to the source recorded for `requester`.
VIA: dict[str, Source] = {"session": "sign-in", "bearer": "bearer-token", "key": "api-key", "open": "api-key"}


class FactsRefused(Exception):
    """The request cannot be decided as asked: a status, a stable code, a message and one detail
    per field, in the service's one error shape."""

    def __init__(self, status: int, code: str, message: str, details: list[dict[str, str]]) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


@dataclass(frozen=True, slots=True)
class Resolved:
    """The request as the pack will see it, each fact with its source, and the person it is for."""

    body: Any
    facts: dict[str, Fact]
    person: Person | None

    def facts_out(self) -> dict[str, dict[str, Any]]:
        """The facts as a decision records them: {name: {value, source}}."""
        return {name: {"value": f.value, "source": f.source} for name, f in self.facts.items()}


def trusted(caller: Principal) -> bool:
    return bool(caller.roles & TRUSTED)


def resolve(
    body: Any,
    caller: Principal,
    directory: Directory,
    training: TrainingSource,
    *,
    manager_approved: Fact | None = None,
) -> Resolved:
    """The request with its requester's facts filled in from their sources (FactsRefused when the
    caller states what it may not, or the person cannot ask). A body that is not an object is
    returned as it is: validation then says what is wrong."""
    if not isinstance(body, Mapping):
        return Resolved(body, {}, None)
    given = body.get("requester", {})
    case = body.get("business_case", {})
    if not isinstance(given, Mapping) or not isinstance(case, Mapping):
        return Resolved(body, {}, None)
    is_trusted = trusted(caller)
    if not is_trusted:
        _refuse_stated(given, case, caller)
    person_id = given.get("id") if is_trusted else caller.id
    if not isinstance(person_id, str) or name_problem(person_id.strip()):
        return Resolved(body, {}, None)  # not a name: validation names requester.id
    person = directory.person(person_id.strip().casefold())
    _refuse_person(person, person_id, needed=not is_trusted)
    facts: dict[str, Fact] = {
        "requester": Fact(person.id if person else person_id, "intake" if is_trusted else _via(caller))
    }
    for name in ("department", "employment", "groups"):
        if name in given:
            facts[name] = Fact(given[name], "intake")
        elif person is not None:
            facts[name] = _from_directory(person, name)
    if "role" in given:  # the directory holds no job title: only a trusted client's word sets it
        facts["role"] = Fact(given["role"], "intake")
    if "training" in given:
        facts["training"] = Fact(given["training"], "intake")
    elif person is not None:
        facts["training"] = Fact(latest(training.completed(person.id)), "training-records")
    requester: dict[str, Any] = {k: v for k, v in given.items() if k not in FACTS}  # unknown keys: 422
    requester["id"] = facts["requester"].value
    for name in ("department", "employment", "groups", "role", "training"):
        if name in facts:
            requester[name] = facts[name].value
    if "manager_approved" in case:
        facts["manager_approved"] = Fact(case["manager_approved"], "intake")
    else:
        facts["manager_approved"] = manager_approved or Fact(False, "approval")
    out = dict(body)
    out["requester"] = requester
    if "business_case" in body:  # left out, it stays out: validation says it is required
        out["business_case"] = {**case, "manager_approved": facts["manager_approved"].value}
    return Resolved(out, facts, person)


def _via(caller: Principal) -> Source:
    """How the caller proved who it is: the source of `requester`."""
    return VIA.get(caller.via, "api-key")


def _refuse_stated(given: Mapping[str, Any], case: Mapping[str, Any], caller: Principal) -> None:
    """A requester asks only for itself and states none of its facts: one detail per field."""
    details: list[dict[str, str]] = []
    if "id" in given and given["id"] != caller.id:
        details.append(
            {
                "field": "requester.id",
                "message": f"a requester asks only for itself ('{caller.id}'); "
                "only an intake client may ask for someone else",
            }
        )
    for name, (where, source) in FACTS.items():
        present = name in case if where.startswith("business_case.") else name in given
        if present:
            details.append({"field": where, "message": f"comes from {source}; leave it out"})
    if details:
        fields = ", ".join(d["field"] for d in details)
        raise FactsRefused(403, "forbidden", f"a requester may not state {fields}", details)


def _refuse_person(person: Person | None, person_id: str, *, needed: bool) -> None:
    if person is not None and not person.active:
        raise FactsRefused(
            403,
            "inactive_person",
            f"'{person_id}' is not active in the directory (a leaver): no access is decided for them",
            [{"field": "requester.id", "message": "is inactive in the directory"}],
        )
    if person is None and needed:
        raise FactsRefused(
            403,
            "unknown_person",
            f"'{person_id}' is not in the directory, so their department, employment and groups are "
            "unknown; IT provisions staff over SCIM",
            [{"field": "requester.id", "message": "is not in the directory"}],
        )


def _from_directory(person: Person, name: str) -> Fact:
    if name == "department":
        return Fact(person.department, "directory")
    if name == "groups":
        return Fact(sorted(person.groups), "directory")
    employment = EMPLOYMENT.get(person.employee_type.strip().casefold())
    if employment is None:
        raise FactsRefused(
            409,
            "directory_incomplete",
            f"the directory gives '{person.id}' the employee type '{person.employee_type}', which govern "
            f"does not know; expected one of {', '.join(sorted(EMPLOYMENT))}",
            [{"field": "requester.employment", "message": "unknown employee type in the directory"}],
        )
    return Fact(employment, "directory")
