"""The resolver on its own (govern.identity.facts): the sources it reads and what it refuses."""

from __future__ import annotations

from typing import Any

import pytest

from govern.identity.facts import EMPLOYMENT, FactsRefused, resolve
from govern.identity.model import Fact, Person, Principal
from tests.identity.fakes import own_request, sources

REQUESTER = Principal("jsmith", frozenset({"requester"}))
SIGNED_IN = Principal("jsmith", frozenset({"requester"}), via="session")
INTAKE = Principal("desk", frozenset({"intake"}))


def facts(body: Any, caller: Principal = REQUESTER, **kw: Any) -> dict[str, dict[str, Any]]:
    found = sources()
    return resolve(body, caller, found.directory, found.training, **kw).facts_out()


def test_the_caller_is_the_requester_and_the_source_says_how_they_came() -> None:
    assert facts(own_request())["requester"] == {"value": "jsmith", "source": "api-key"}
    assert facts(own_request(), SIGNED_IN)["requester"] == {"value": "jsmith", "source": "sign-in"}


def test_the_pack_sees_the_sources_values_not_the_callers() -> None:
    found = sources()
    resolved = resolve(own_request(), REQUESTER, found.directory, found.training)
    assert resolved.body["requester"] == {
        "id": "jsmith",
        "department": "Planning",
        "employment": "permanent",
        "groups": [],
        "training": [{"course": "social-media-essentials", "completed_on": "2026-03-01"}],
    }
    assert resolved.body["business_case"]["manager_approved"] is False


def test_an_approval_is_the_only_way_manager_approved_becomes_true() -> None:
    approved = facts(own_request(), manager_approved=Fact(True, "approval"))
    assert approved["manager_approved"] == {"value": True, "source": "approval"}


@pytest.mark.parametrize(
    ("stated", "field"),
    [(name, name) for name in ("department", "employment", "groups", "training", "role")],
)
def test_an_intake_client_states_any_fact_and_it_is_recorded_as_intake(stated: str, field: str) -> None:
    values = {
        "department": "Legal",
        "employment": "contractor",
        "groups": ["comms-team"],
        "training": [],
        "role": "officer",
    }
    body = own_request()
    body["requester"] = {"id": "jsmith", stated: values[stated]}
    got = facts(body, INTAKE)
    assert got[field] == {"value": values[stated], "source": "intake"}
    others = {"department", "employment", "groups"} - {stated}
    assert all(got[name]["source"] == "directory" for name in others)


def test_an_intake_client_may_ask_for_someone_the_directory_does_not_know_by_stating_their_facts() -> None:
    body = own_request()
    body["requester"] = {"id": "newstarter", "department": "Planning", "employment": "temporary"}
    got = facts(body, INTAKE)
    assert got["requester"] == {"value": "newstarter", "source": "intake"}
    assert "training" not in got and "groups" not in got  # nobody vouches: the pack sees none


@pytest.mark.parametrize(("written", "employment"), sorted(EMPLOYMENT.items()))
def test_the_directorys_employee_type_maps_to_employment(written: str, employment: str) -> None:
    person = Person("jsmith", department="Planning", employee_type=f"  {written.upper()} ")
    found = sources([person])
    got = resolve(own_request(), REQUESTER, found.directory, found.training).facts_out()
    assert got["employment"] == {"value": employment, "source": "directory"}


@pytest.mark.parametrize("body", [[], "text", {"requester": "jsmith"}, {"requester": {}, "business_case": 3}])
def test_a_body_of_the_wrong_shape_is_left_for_validation_to_name(body: Any) -> None:
    found = sources()
    assert resolve(body, INTAKE, found.directory, found.training).body == body


def test_refusals_carry_every_field_once() -> None:
    body = own_request()
    body["requester"] = {"id": "x", "groups": [], "training": []}
    body["business_case"]["manager_approved"] = False
    found = sources()
    with pytest.raises(FactsRefused) as caught:
        resolve(body, REQUESTER, found.directory, found.training)
    assert caught.value.status == 403
    assert [d["field"] for d in caught.value.details] == [
        "requester.id",
        "requester.groups",
        "requester.training",
        "business_case.manager_approved",
    ]


def test_a_request_without_a_business_case_is_not_given_one() -> None:
    body = own_request()
    del body["business_case"]
    found = sources()
    assert "business_case" not in resolve(body, REQUESTER, found.directory, found.training).body


@pytest.mark.parametrize(
    ("via", "source"), [("key", "api-key"), ("session", "sign-in"), ("bearer", "bearer-token")]
)
def test_the_requesters_source_is_how_they_proved_who_they_are(via: Any, source: str) -> None:
    caller = Principal("jsmith", frozenset({"requester"}), via=via)
    assert facts(own_request(), caller)["requester"] == {"value": "jsmith", "source": source}
