"""Steps for access requests, e.g.

    Given a permanent officer in "Planning" who completed "social-media-essentials" on 2026-03-01
    When they ask to "post" on "x.com" to "converse" for 200 days
    Then the request is permitted until 2027-05-20
    And the obligations include "identify-as-officer"

A requester starts with a complete business case (a purpose of a dozen words, the priority
NI 4, their manager's approval), so a scenario changes only what it is about.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pytest_bdd import given, parsers, then, when

from govern.access.models import AccessDecision
from govern.bdd.plugin import World

COMPLETE_PURPOSE = "Answer residents' questions about council services and consultations on our pages"


def _requester(world: World, employment: str, role: str, department: str) -> None:
    world.request = {
        "requester": {
            "id": "officer-1",
            "department": department,
            "role": role,
            "employment": employment,
            "groups": [],
            "training": [],
        },
        "business_case": {
            "purpose": COMPLETE_PURPOSE,
            "drivers": ["service-delivery"],
            "priorities": ["NI 4"],
            "manager_approved": True,
        },
    }


@given(
    parsers.re(
        r'an? (?P<employment>permanent|contractor|temporary) (?P<role>[\w -]+?) in "(?P<department>[^"]*)"$'
    )
)
def requester(world: World, employment: str, role: str, department: str) -> None:
    _requester(world, employment, role, department)


@given(
    parsers.re(
        r'an? (?P<employment>permanent|contractor|temporary) (?P<role>[\w -]+?) in "(?P<department>[^"]*)" '
        r'who completed "(?P<course>[^"]+)" on (?P<day>\d{4}-\d\d-\d\d)$'
    )
)
def trained_requester(
    world: World, employment: str, role: str, department: str, course: str, day: str
) -> None:
    _requester(world, employment, role, department)
    completed(world, course, day)


@given(parsers.parse('they completed "{course}" on {day}'))
def completed(world: World, course: str, day: str) -> None:
    training = world.request["requester"]["training"]
    training.append({"course": course, "completed_on": dt.date.fromisoformat(day).isoformat()})


@given(parsers.parse('they are in the group "{group}"'))
def in_group(world: World, group: str) -> None:
    world.request["requester"]["groups"].append(group)


@given(parsers.parse('the purpose is "{purpose}"'))
def purpose(world: World, purpose: str) -> None:
    world.request["business_case"]["purpose"] = purpose


@given("the business case names no priority")
def no_priority(world: World) -> None:
    world.request["business_case"]["priorities"] = []


@given(parsers.parse('the business case names only the priority "{priority}"'))
def only_priority(world: World, priority: str) -> None:
    world.request["business_case"]["priorities"] = [priority]


@given(parsers.parse('the business case also names the priority "{priority}"'))
def also_priority(world: World, priority: str) -> None:
    world.request["business_case"]["priorities"].append(priority)


@given("their manager has not approved the business case")
def not_approved(world: World) -> None:
    world.request["business_case"]["manager_approved"] = False


@given(parsers.parse('the business case is driven by "{driver}"'))
def driven_by(world: World, driver: str) -> None:
    world.request["business_case"]["drivers"].append(driver)


@given(parsers.parse('the moderation plan is "{plan}"'))
def moderation_plan(world: World, plan: str) -> None:
    world.request["business_case"]["moderation_plan"] = plan


def _ask(world: World, access: str, site: str, approach: str, days: int | None) -> None:
    request: dict[str, Any] = {
        **world.request,
        "access": access,
        "site": site,
        "approach": approach,
    }
    request["business_case"] = dict(request["business_case"])
    if days is not None:
        request["business_case"]["duration_days"] = days
    received = dt.datetime.fromisoformat(f"{world.today}T10:00:00+00:00") if world.today else None
    decision = world.pack.decide(request, received_at=received)
    world.answer = decision
    world.triggered.extend(f"access:{r.rule}" for r in decision.reasons)


@when(parsers.parse('they ask to "{access}" on "{site}" to "{approach}" for {days:d} days'))
def ask_for_days(world: World, access: str, site: str, approach: str, days: int) -> None:
    _ask(world, access, site, approach, days)


@when(parsers.parse('they ask to "{access}" on "{site}" to "{approach}"'))
def ask(world: World, access: str, site: str, approach: str) -> None:
    _ask(world, access, site, approach, None)


def _decision(world: World) -> AccessDecision:
    assert isinstance(world.answer, AccessDecision), "no access request was made in this scenario"
    return world.answer


def _explain(decision: AccessDecision) -> str:
    lines = [f"  {r.effect} {r.rule}: {r.message}" for r in decision.reasons]
    return "\n".join(lines)


def _expect_outcome(decision: AccessDecision, outcome: str) -> None:
    if decision.decision != outcome:
        raise AssertionError(
            f"expected the request to be {outcome}, but it was {decision.decision}:\n{_explain(decision)}"
        )


@then("the request is permitted")
def permitted(world: World) -> None:
    _expect_outcome(_decision(world), "permit")


@then(parsers.parse("the request is permitted until {day}"))
def permitted_until(world: World, day: str) -> None:
    decision = _decision(world)
    _expect_outcome(decision, "permit")
    expected = dt.date.fromisoformat(day)
    if decision.expires_on != expected:
        raise AssertionError(
            f"expected access until {expected}, but it runs until {decision.expires_on} "
            f"({decision.granted_days} days)"
        )


@then("the request is denied")
def denied(world: World) -> None:
    _expect_outcome(_decision(world), "deny")


@then(parsers.parse('the request is referred to "{reviewer}"'))
def referred(world: World, reviewer: str) -> None:
    decision = _decision(world)
    _expect_outcome(decision, "refer")
    if decision.refer_to != reviewer:
        raise AssertionError(f"expected a referral to {reviewer}, but it went to {decision.refer_to}")


def _names(items: list[str], what: str, name: str, present: bool) -> None:
    if (name in items) != present:
        verb = "include" if present else "not include"
        raise AssertionError(f"expected the {what} to {verb} '{name}', but they are: {items or 'none'}")


@then(parsers.parse('the reasons include "{rule}"'))
def reasons_include(world: World, rule: str) -> None:
    _names([r.rule for r in _decision(world).reasons], "reasons", rule, True)


@then(parsers.parse('the reasons do not include "{rule}"'))
def reasons_exclude(world: World, rule: str) -> None:
    _names([r.rule for r in _decision(world).reasons], "reasons", rule, False)


@then(parsers.parse('the only reason is "{rule}"'))
def only_reason(world: World, rule: str) -> None:
    rules = list(dict.fromkeys(r.rule for r in _decision(world).reasons))
    if rules != [rule]:
        raise AssertionError(f"expected only the reason '{rule}', but the reasons are: {rules}")


@then(parsers.parse('the obligations include "{obligation}"'))
def obligations_include(world: World, obligation: str) -> None:
    _names([o.id for o in _decision(world).obligations], "obligations", obligation, True)


@then(parsers.parse('the obligations do not include "{obligation}"'))
def obligations_exclude(world: World, obligation: str) -> None:
    _names([o.id for o in _decision(world).obligations], "obligations", obligation, False)


@then(parsers.parse('the missing items include "{item}"'))
def missing_include(world: World, item: str) -> None:
    _names(_decision(world).missing, "missing items", item, True)


@then(parsers.parse('the missing items do not include "{item}"'))
def missing_exclude(world: World, item: str) -> None:
    _names(_decision(world).missing, "missing items", item, False)


@then(parsers.parse('the site is "{domain}" in the category "{category}"'))
def site_is(world: World, domain: str, category: str) -> None:
    site = _decision(world).site
    if (site.domain, site.category) != (domain, category):
        raise AssertionError(
            f"expected the site {domain} in {category}, but it is {site.domain} in {site.category}"
        )


@then(parsers.parse('the decision notes "{text}"'))
def notes(world: World, text: str) -> None:
    warnings = _decision(world).warnings
    if not any(text in w for w in warnings):
        raise AssertionError(f"expected a note containing '{text}', but the notes are: {warnings or 'none'}")


@then(parsers.parse('the site is "{domain}" in no category'))
def site_unknown(world: World, domain: str) -> None:
    site = _decision(world).site
    if (site.domain, site.category) != (domain, None):
        raise AssertionError(
            f"expected the site {domain} in no category, but it is {site.domain} in {site.category}"
        )
