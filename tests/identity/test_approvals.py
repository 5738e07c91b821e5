"""The manager's approval as a step (issue 16): a task for the manager from the directory, decided
only by that manager or their named delegate, never by the requester; approval re-decides."""

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
    "lead": "reviewer",
    "boss": "reviewer",
    "selfmade": "requester",
    "agency1": "requester",
}


@pytest.fixture
def api(store: SqlStore) -> TestClient:
    for name, role in KEYS.items():
        store.add_key(f"id-{name}", name, role, hashlib.sha256(f"secret-{name}".encode()).hexdigest())
    return TestClient(create_app(str(DEFAULT_PACK), store, open_access=False, directory=directory(store)))


def as_(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer secret-{name}"}


def asked(api: TestClient, who: str = "jsmith", **changes: Any) -> dict[str, Any]:
    decision = api.post("/v1/access/decisions", json=own_request(**changes), headers=as_(who)).json()
    assert decision["decision"] == "deny" and decision["approval"]["status"] == "open", decision
    return dict(decision)


def act(api: TestClient, who: str, approval_id: str, **body: Any) -> Any:
    return api.post(f"/v1/approvals/{approval_id}", json=body, headers=as_(who))


def test_the_manager_approves_and_the_request_is_decided_again(api: TestClient, store: SqlStore) -> None:
    first = asked(api)
    task_id = first["approval"]["approval_id"]
    assert [t["approval_id"] for t in api.get("/v1/approvals", headers=as_("mgr")).json()] == [task_id]
    assert api.get("/v1/approvals", headers=as_("head")).json() == []  # not head's to decide
    done = act(api, "mgr", task_id, action="approve")
    assert done.status_code == 200, done.text
    task = done.json()
    assert task["status"] == "approved" and task["decided_by"] == "mgr" and task["decided_at"]
    assert task["outcome"]["decision"] == "permit" and task["outcome"]["expires_on"]
    again = api.get(f"/v1/access/decisions/{task['outcome']['decision_id']}", headers=as_("jsmith")).json()
    approved = again["facts"]["manager_approved"]
    assert approved["value"] is True and approved["source"] == "approval"
    assert approved["approved_by"] == "mgr" and approved["approval_id"] == task_id
    assert [g.requester for g in store.grants()] == ["jsmith"]
    logged = [r for r in store.log() if r.kind == "approval"]
    assert [r.result["status"] for r in logged] == ["open", "approved"] and logged[-1].actor == "mgr"


REFUSALS = [
    pytest.param("jsmith", {"action": "approve"}, 403, "own request", id="self-approval"),
    pytest.param(
        "jsmith", {"action": "delegate", "delegate": "adoe"}, 403, "own request", id="self-delegation"
    ),
    pytest.param("head", {"action": "approve"}, 403, "manager in the directory", id="the-managers-manager"),
    pytest.param("adoe", {"action": "approve"}, 403, "manager in the directory", id="a-colleague"),
    pytest.param("lead", {"action": "approve"}, 403, "manager in the directory", id="a-reviewer"),
    pytest.param("MGR2", {"action": "approve"}, 401, "unknown API key", id="no-such-key"),
    pytest.param("mgr", {"action": "reject"}, 422, "needs a reason", id="reject-without-reason"),
    pytest.param(
        "mgr", {"action": "reject", "reason": "   "}, 422, "needs a reason", id="reject-blank-reason"
    ),
    pytest.param(
        "mgr", {"action": "approve", "manager_approved": True}, 422, "unknown field", id="unknown-field"
    ),
    pytest.param(
        "mgr",
        {"action": "delegate", "delegate": "jsmith"},
        403,
        "other than the requester",
        id="delegate-requester",
    ),
    pytest.param(
        "mgr", {"action": "delegate", "delegate": "a b"}, 422, "delegate: the name", id="delegate-bad-name"
    ),
]


@pytest.mark.parametrize(("who", "body", "status", "says"), REFUSALS)
def test_only_the_manager_or_their_delegate_decides_and_never_the_requester(
    api: TestClient, store: SqlStore, who: str, body: dict[str, Any], status: int, says: str
) -> None:
    task_id = asked(api)["approval"]["approval_id"]
    response = act(api, who, task_id, **body)
    assert response.status_code == status, response.text
    assert says in response.json()["error"]["message"]
    assert api.get("/v1/approvals", headers=as_("mgr")).json()[0]["status"] == "open"
    assert not store.grants()


def test_a_named_delegate_decides_and_the_manager_no_longer_alone(api: TestClient, store: SqlStore) -> None:
    task_id = asked(api)["approval"]["approval_id"]
    assert act(api, "adoe", task_id, action="approve").status_code == 403  # not yet named
    named = act(api, "mgr", task_id, action="delegate", delegate="head")
    assert named.status_code == 200 and named.json()["delegate"] == "head"
    assert (
        act(api, "head", task_id, action="delegate", delegate="adoe").status_code == 403
    )  # only the manager
    rejected = act(api, "head", task_id, action="reject", reason="Not a council priority this year")
    assert rejected.status_code == 200 and rejected.json()["decided_by"] == "head"
    assert act(api, "mgr", task_id, action="approve").status_code == 409  # decided already
    assert not store.grants()


def test_unknown_task_is_404(api: TestClient) -> None:
    response = act(api, "mgr", "no-such-task", action="approve")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_leaver_meanwhile_is_not_granted_on_approval(api: TestClient, store: SqlStore) -> None:
    task_id = asked(api)["approval"]["approval_id"]
    people = api.app.state.sources.directory.people  # type: ignore[attr-defined]
    people["jsmith"] = people["jsmith"].__class__(**{**_fields(people["jsmith"]), "active": False})
    response = act(api, "mgr", task_id, action="approve")
    assert response.status_code == 409 and "not active" in response.json()["error"]["message"]
    assert not store.grants()


def _fields(person: Any) -> dict[str, Any]:
    return {name: getattr(person, name) for name in person.__slots__}


@pytest.mark.parametrize(
    ("who", "warning"),
    [
        pytest.param("selfmade", "their own manager", id="own-manager"),
        pytest.param("head", "no manager", id="no-manager"),
    ],
)
def test_no_task_opens_without_a_manager_other_than_the_requester(
    api: TestClient, who: str, warning: str
) -> None:
    decision = api.post("/v1/access/decisions", json=own_request(), headers=as_(who)).json()
    assert decision["approval"] is None
    assert any(warning in w for w in decision["warnings"])


def test_an_unknown_employee_type_is_a_clear_refusal(api: TestClient) -> None:
    response = api.post("/v1/access/decisions", json=own_request(), headers=as_("agency1"))
    assert response.status_code == 409 and response.json()["error"]["code"] == "directory_incomplete"
    assert "agency worker" in response.json()["error"]["message"]


def test_a_reviewer_cannot_approve_a_referral_for_themselves(api: TestClient) -> None:
    """lead (a reviewer, in comms-team) asks to manage: a referral only another reviewer decides."""
    decision = api.post("/v1/access/decisions", json=own_request(access="manage"), headers=as_("lead")).json()
    assert decision["decision"] == "refer", decision
    own = api.post(f"/v1/referrals/{decision['decision_id']}/approve", json={}, headers=as_("lead"))
    assert own.status_code == 403
    other = api.post(f"/v1/referrals/{decision['decision_id']}/approve", json={}, headers=as_("boss"))
    assert other.status_code == 200


def test_the_approvals_page_approves_with_csrf(api: TestClient) -> None:
    task_id = asked(api)["approval"]["approval_id"]
    page = api.get("/approvals", headers=as_("mgr"))
    assert page.status_code == 200 and "jsmith asks to post on x.com" in page.text
    token = api.cookies.get("govern_csrf")
    forged = api.post(f"/approvals/{task_id}", data={"outcome": "approve"}, headers=as_("mgr"))
    assert forged.status_code == 403  # no CSRF token
    done = api.post(
        f"/approvals/{task_id}", data={"outcome": "approve", "csrf_token": token}, headers=as_("mgr")
    )
    assert done.status_code == 200 and "decided again: permit" in done.text
    mine = api.post(
        f"/approvals/{task_id}", data={"outcome": "approve", "csrf_token": token}, headers=as_("jsmith")
    )
    assert mine.status_code == 403 and "nobody approves their own request" in mine.text


def _set(api: TestClient, person: str, **changes: Any) -> None:
    people = api.app.state.sources.directory.people  # type: ignore[attr-defined]
    people[person] = people[person].__class__(**{**_fields(people[person]), **changes})


def test_a_manager_who_has_left_decides_nothing(api: TestClient, store: SqlStore) -> None:
    task_id = asked(api)["approval"]["approval_id"]
    _set(api, "mgr", active=False)
    response = act(api, "mgr", task_id, action="approve")
    assert response.status_code == 403 and response.json()["error"]["code"] == "inactive_person"
    assert not store.grants()


def test_the_task_follows_the_requesters_current_manager(api: TestClient, store: SqlStore) -> None:
    task_id = asked(api)["approval"]["approval_id"]
    _set(api, "jsmith", manager="head")  # a mover: head manages jsmith now
    old = act(api, "mgr", task_id, action="approve")
    assert old.status_code == 403
    new = act(api, "head", task_id, action="approve")
    assert new.status_code == 200 and new.json()["approver"] == "head" and new.json()["decided_by"] == "head"
    assert [g.requester for g in store.grants()] == ["jsmith"]
