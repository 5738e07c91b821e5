"""No request changes who it is for, which training they have, which groups they are in or whether
their manager approved, except through the sources (issue 16): each refusal, through the API."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK
from tests.identity.fakes import directory, own_request

KEYS = {
    "jsmith": "requester",
    "adoe": "requester",
    "mgr": "requester",
    "head": "requester",
    "boss": "reviewer",
    "lead": "reviewer",
    "desk": "intake",
    "leaver": "requester",
    "stranger": "requester",
}


@pytest.fixture
def api(store: SqlStore) -> TestClient:
    for name, role in KEYS.items():
        store.add_key(f"id-{name}", name, role, hashlib.sha256(f"secret-{name}".encode()).hexdigest())
    return TestClient(create_app(str(DEFAULT_PACK), store, open_access=False, directory=directory(store)))


def as_(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer secret-{name}"}


def ask(api: TestClient, who: str, body: dict[str, Any]) -> Any:
    return api.post("/v1/access/decisions", json=body, headers=as_(who))


def fields_of(response: Any) -> list[str]:
    return [d["field"] for d in response.json()["error"]["details"]]


def with_requester(**requester: Any) -> dict[str, Any]:
    body = own_request()
    body["requester"] = requester
    return body


def with_case(**case: Any) -> dict[str, Any]:
    body = own_request()
    body["business_case"].update(case)
    return body


FORGED = [
    pytest.param(
        with_requester(department="Chief Executive's Office"), "requester.department", id="department"
    ),
    pytest.param(with_requester(department=""), "requester.department", id="department-empty"),
    pytest.param(with_requester(employment="permanent"), "requester.employment", id="employment"),
    pytest.param(with_requester(groups=["comms-team"]), "requester.groups", id="groups-comms-team"),
    pytest.param(with_requester(groups=[]), "requester.groups", id="groups-empty"),
    pytest.param(
        with_requester(training=[{"course": "social-media-essentials", "completed_on": "2026-11-01"}]),
        "requester.training",
        id="training",
    ),
    pytest.param(with_requester(role="chief-executive"), "requester.role", id="role"),
    pytest.param(with_case(manager_approved=True), "business_case.manager_approved", id="manager-approved"),
    pytest.param(
        with_case(manager_approved=False), "business_case.manager_approved", id="manager-unapproved"
    ),
    pytest.param(with_requester(id="chief-executive"), "requester.id", id="someone-else"),
    pytest.param(with_requester(id="JSMITH"), "requester.id", id="id-in-capitals"),
    pytest.param(with_requester(id="Jsmith"), "requester.id", id="id-capitalised"),
    pytest.param(with_requester(id="jsmith "), "requester.id", id="id-trailing-space"),
    pytest.param(with_requester(id=" jsmith"), "requester.id", id="id-leading-space"),
    pytest.param(with_requester(id="jsmith\n"), "requester.id", id="id-newline"),
    pytest.param(with_requester(id="jsmith\u200b"), "requester.id", id="id-zero-width-space"),
    pytest.param(with_requester(id="\uff4asmith"), "requester.id", id="id-fullwidth-j"),
    pytest.param(with_requester(id="jsm\u0456th"), "requester.id", id="id-cyrillic-i"),
    pytest.param(with_requester(id="adoe"), "requester.id", id="a-colleague"),
    pytest.param(with_requester(id=""), "requester.id", id="id-empty"),
    pytest.param(with_requester(id=None), "requester.id", id="id-null"),
]


@pytest.mark.parametrize(("body", "field"), FORGED)
def test_a_requester_stating_a_fact_or_another_person_is_refused_naming_the_field(
    api: TestClient, store: SqlStore, body: dict[str, Any], field: str
) -> None:
    response = ask(api, "jsmith", body)
    assert response.status_code == 403, response.text
    error = response.json()["error"]
    assert error["code"] == "forbidden" and fields_of(response) == [field]
    assert field in error["message"]
    assert not [r for r in store.log() if r.kind == "decision"]  # nothing was decided
    assert not store.grants()


def test_every_forged_field_is_named_once_in_one_error(api: TestClient) -> None:
    """The issue's exploit at once: another person, the course, comms-team and the manager's tick."""
    body = own_request()
    body["requester"] = {
        "id": "chief-executive",
        "department": "Chief Executive's Office",
        "employment": "permanent",
        "groups": ["comms-team"],
        "training": [{"course": "social-media-essentials", "completed_on": "2026-11-01"}],
    }
    body["business_case"]["manager_approved"] = True
    response = ask(api, "jsmith", body)
    assert response.status_code == 403
    assert fields_of(response) == [
        "requester.id",
        "requester.department",
        "requester.employment",
        "requester.groups",
        "requester.training",
        "business_case.manager_approved",
    ]


@pytest.mark.parametrize(
    ("who", "body"),
    [
        pytest.param("jsmith", own_request(), id="no-requester"),
        pytest.param("jsmith", with_requester(id="jsmith"), id="own-id"),
    ],
)
def test_a_requester_asking_for_itself_is_decided_on_the_directorys_facts(
    api: TestClient, who: str, body: dict[str, Any]
) -> None:
    decision = ask(api, who, body).json()
    assert decision["facts"] == {
        "requester": {"value": "jsmith", "source": "api-key"},
        "department": {"value": "Planning", "source": "directory"},
        "employment": {"value": "permanent", "source": "directory"},
        "groups": {"value": [], "source": "directory"},
        "training": {
            "value": [{"course": "social-media-essentials", "completed_on": "2026-03-01"}],
            "source": "training-records",
        },
        "manager_approved": {"value": False, "source": "approval"},
    }
    # Not in comms-team and no approval yet: A3 denies and the manager is asked.
    assert decision["decision"] == "deny" and "business_case.manager_approved: true" in decision["missing"]
    assert decision["approval"]["approver"] == "mgr"


def test_the_directorys_groups_count_and_a_requesters_claim_does_not(api: TestClient) -> None:
    """adoe is in comms-team in the directory: only the purpose is needed (A3)."""
    decision = ask(api, "adoe", own_request()).json()
    assert decision["decision"] == "permit"
    assert decision["facts"]["groups"] == {"value": ["comms-team"], "source": "directory"}


@pytest.mark.parametrize(
    ("who", "code"),
    [
        pytest.param("leaver", "inactive_person", id="leaver"),
        pytest.param("stranger", "unknown_person", id="not-in-the-directory"),
    ],
)
def test_a_leaver_or_someone_the_directory_does_not_know_is_refused(
    api: TestClient, store: SqlStore, who: str, code: str
) -> None:
    response = ask(api, who, own_request())
    assert response.status_code == 403 and response.json()["error"]["code"] == code
    assert fields_of(response) == ["requester.id"]
    assert not [r for r in store.log() if r.kind == "decision"]


def test_an_intake_client_cannot_ask_for_a_leaver_either(api: TestClient) -> None:
    body = own_request()
    body["requester"] = {"id": "leaver", "employment": "permanent"}
    response = ask(api, "desk", body)
    assert response.status_code == 403 and response.json()["error"]["code"] == "inactive_person"


def test_only_an_intake_client_states_facts_and_they_are_recorded_as_its_word(api: TestClient) -> None:
    body = own_request()
    body["requester"] = {"id": "jsmith", "groups": ["comms-team"]}
    for who in ("jsmith", "boss"):  # a requester, and a reviewer: neither may
        assert ask(api, who, body).status_code == 403
    decision = ask(api, "desk", body).json()
    assert decision["facts"]["groups"] == {"value": ["comms-team"], "source": "intake"}
    assert decision["facts"]["department"] == {"value": "Planning", "source": "directory"}
    assert decision["facts"]["training"]["source"] == "training-records"
    assert decision["decision"] == "permit"


def test_a_batch_refuses_each_forged_item_and_decides_the_rest(api: TestClient) -> None:
    forged = with_requester(groups=["comms-team"])
    response = api.post(
        "/v1/access/decisions:batch", json={"requests": [own_request(), forged]}, headers=as_("adoe")
    )
    first, second = response.json()["decisions"]
    assert first["decision"]["facts"]["groups"]["source"] == "directory"
    assert second["error"]["code"] == "forbidden"
    assert [d["field"] for d in second["error"]["details"]] == ["requester.groups"]


def test_a_requester_key_cannot_post_training_records(api: TestClient) -> None:
    record = {"person": "jsmith", "course": "social-media-essentials", "completed_on": "2026-11-01"}
    for who in ("jsmith", "boss"):
        response = api.post("/v1/training", json={"records": [record]}, headers=as_(who))
        assert response.status_code == 403
    assert api.post("/v1/training", json={"records": [record]}, headers=as_("desk")).json() == {
        "added": 1,
        "already_held": 0,
    }
