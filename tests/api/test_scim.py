"""SCIM provisioning: who may call it, and what leavers and movers lose."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from govern import Pack
from govern.enforce import GrantCache, answer
from govern.store.sql import SqlStore
from tests.api.scim_helpers import (
    ENTERPRISE,
    ERROR,
    GROUP,
    as_role,
    keyed_client,
    patch,
    permitted,
    user_body,
)


@pytest.fixture
def client(store: SqlStore) -> TestClient:
    return keyed_client(store)


def provision(client: TestClient, name: str, department: str = "Planning") -> str:
    response = client.post("/scim/v2/Users", json=user_body(name, department))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def squid(store: SqlStore, pack: Pack, line: str) -> str:
    """The Squid helper's answer, with no cache (the timing of the cache is measured in bench/)."""
    return answer(line, GrantCache(store, pack.sites.resolve, pack.timezone, ttl=0))


def metric(client: TestClient, name: str) -> float:
    for line in client.get("/metrics").text.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{"):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


# --- who may call it --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "method", "path", "status"),
    [
        pytest.param("provisioning", "GET", "/scim/v2/Users", 200, id="provisioning-reads-scim"),
        pytest.param("admin", "GET", "/scim/v2/Users", 403, id="admin-cannot-scim"),
        pytest.param("reviewer", "GET", "/scim/v2/Groups", 403, id="reviewer-cannot-scim"),
        pytest.param("requester", "POST", "/scim/v2/Users", 403, id="requester-cannot-provision"),
        pytest.param(None, "GET", "/scim/v2/ServiceProviderConfig", 401, id="no-key"),
        pytest.param("provisioning", "POST", "/v1/access/decisions", 403, id="provisioning-cannot-decide"),
        pytest.param("provisioning", "GET", "/v1/referrals", 403, id="provisioning-cannot-review"),
        pytest.param("provisioning", "GET", "/v1/grants", 403, id="provisioning-cannot-see-grants"),
        pytest.param("provisioning", "POST", "/v1/policies/reload", 403, id="provisioning-cannot-reload"),
    ],
)
def test_only_a_provisioning_key_uses_scim_and_it_does_nothing_else(
    client: TestClient, role: str | None, method: str, path: str, status: int
) -> None:
    headers = as_role(role) if role else {"Authorization": ""}
    body = user_body("someone") if method == "POST" and path.startswith("/scim") else {}
    response = client.request(method, path, headers=headers, json=body)
    assert response.status_code == status, response.text
    if path.startswith("/scim") and status >= 400:
        assert response.headers["content-type"] == "application/scim+json"
        assert response.json()["schemas"] == [ERROR]


def test_a_wrong_key_is_refused_in_scims_shape(client: TestClient) -> None:
    response = client.get("/scim/v2/Users", headers={"Authorization": "Bearer not-a-key"})
    assert (response.status_code, response.json()["status"]) == (401, "401")


# --- leavers ----------------------------------------------------------------------------------

LEAVING: list[Any] = [
    pytest.param(
        "PATCH", patch({"op": "Replace", "path": "active", "value": "False"}), id="patch-entra-style"
    ),
    pytest.param("PATCH", patch({"op": "replace", "value": {"active": False}}), id="patch-without-path"),
    pytest.param("PUT", {**user_body("alice"), "active": False}, id="put-inactive"),
    pytest.param("DELETE", None, id="delete"),
]


@pytest.mark.parametrize(("method", "body"), LEAVING)
def test_a_leaver_loses_every_grant_at_once(
    client: TestClient, store: SqlStore, council: Pack, method: str, body: Any
) -> None:
    alice = provision(client, "alice")
    permitted(store, council, "alice", site="x.com", access="post")
    permitted(store, council, "alice", site="linkedin.com", access="read")
    permitted(store, council, "bob", site="x.com", access="post")
    referred = permitted(store, council, "alice", site="facebook.com", access="manage")
    assert referred.decision == "refer"
    admin = as_role("admin")
    assert len(client.get("/v1/grants", params={"requester": "alice"}, headers=admin).json()) == 2
    assert squid(store, council, "alice x.com POST") == "OK"
    leavers = metric(client, "govern_directory_leavers_total")

    response = client.request(method, f"/scim/v2/Users/{alice}", json=body)
    assert response.status_code in (200, 204), response.text

    assert client.get("/v1/grants", params={"requester": "alice"}, headers=admin).json() == []
    assert squid(store, council, "alice x.com POST") == "ERR"
    assert squid(store, council, "alice linkedin.com GET") == "ERR"
    assert squid(store, council, "bob x.com POST") == "OK"  # nobody else's
    assert store.referral(referred.decision_id).status == "rejected"  # type: ignore[union-attr]
    notices = [r for r in store.log() if r.kind == "grant" and "leaver" in str(r.input.get("reason"))]
    assert len(notices) == 2 and {r.actor for r in notices} == {"provisioning-key"}
    assert metric(client, "govern_directory_leavers_total") == leavers + 1
    assert metric(client, 'govern_directory_grants_revoked_total{reason="leaver"}') >= 2
    assert store.verify() is None


def test_an_inactive_person_comes_back_without_their_old_grants(
    client: TestClient, store: SqlStore, council: Pack
) -> None:
    alice = provision(client, "alice")
    permitted(store, council, "alice")
    client.patch(f"/scim/v2/Users/{alice}", json=patch({"op": "replace", "path": "active", "value": False}))
    back = client.patch(
        f"/scim/v2/Users/{alice}", json=patch({"op": "replace", "path": "active", "value": True})
    )
    assert back.json()["active"] is True
    assert store.grants(requester="alice") == []  # a returner asks again


# --- movers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("department", "post_kept", "referred_to"),
    [
        pytest.param("Children's Services", False, "safeguarding-lead", id="A12-into-childrens-services"),
        pytest.param("Housing", True, None, id="contrast-another-department"),
    ],
)
def test_a_movers_grants_are_decided_again_by_the_pack(
    client: TestClient,
    store: SqlStore,
    council: Pack,
    department: str,
    post_kept: bool,
    referred_to: str | None,
) -> None:
    alice = provision(client, "alice", "Planning")
    posting = permitted(store, council, "alice", site="x.com", access="post")
    reading = permitted(store, council, "alice", site="linkedin.com", access="read")
    assert posting.decision == reading.decision == "permit"
    movers = metric(client, "govern_directory_movers_total")

    moved = client.patch(
        f"/scim/v2/Users/{alice}",
        json=patch({"op": "Replace", "path": f"{ENTERPRISE}:department", "value": department}),
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()[ENTERPRISE]["department"] == department

    kept = {g.decision_id for g in store.grants(requester="alice")}
    assert (posting.decision_id in kept) is post_kept
    assert reading.decision_id in kept  # reading needs no safeguarding review
    assert squid(store, council, "alice x.com POST") == ("OK" if post_kept else "ERR")
    referrals = [r for r in store.referrals("open") if r.request["requester"]["id"] == "alice"]
    assert [r.refer_to for r in referrals] == ([referred_to] if referred_to else [])
    if referred_to:
        assert referrals[0].request["requester"]["department"] == department
        revoked = [r for r in store.log() if r.kind == "grant" and "mover" in str(r.input.get("reason"))]
        assert len(revoked) == 1 and "A12" in revoked[0].input["reason"]
    assert metric(client, "govern_directory_movers_total") == movers + 1
    assert store.verify() is None


# --- the directory behind it -------------------------------------------------------------------


def test_the_directory_answers_what_provisioning_said(client: TestClient, store: SqlStore) -> None:
    from govern.people.directory import SqlDirectory

    boss = provision(client, "dana.boss@example.gov.uk", "Communications")
    body = user_body("Alice.Smith@example.gov.uk", "Planning")
    body[ENTERPRISE]["manager"] = {"value": boss}  # as Entra ID sends it: the id alone
    alice = client.post("/scim/v2/Users", json=body).json()["id"]
    team = client.post("/scim/v2/Groups", json={"schemas": [GROUP], "displayName": "comms-team"})
    added = client.patch(
        f"/scim/v2/Groups/{team.json()['id']}",
        json=patch({"op": "Add", "path": "members", "value": [{"value": alice}]}),
    )
    assert added.status_code == 200, added.text
    person = SqlDirectory(store).person("alice.smith@example.gov.uk")
    assert person is not None
    assert (person.department, person.manager, person.groups, person.employee_type) == (
        "Planning",
        "dana.boss@example.gov.uk",
        ("comms-team",),
        "Employee",
    )
    found = client.get("/scim/v2/Users", params={"filter": 'userName eq "ALICE.SMITH@example.gov.uk"'})
    assert [u["id"] for u in found.json()["Resources"]] == [alice]
    removed = client.patch(
        f"/scim/v2/Groups/{team.json()['id']}",
        json=patch({"op": "Remove", "path": "members", "value": [{"value": alice}]}),  # Entra's form
    )
    assert removed.status_code == 200 and "members" not in removed.json()
    assert SqlDirectory(store).person("alice.smith@example.gov.uk").groups == ()  # type: ignore[union-attr]


def test_lists_come_in_pages(client: TestClient) -> None:
    for i in range(5):
        provision(client, f"p{i}")
    page = client.get("/scim/v2/Users", params={"startIndex": 2, "count": 2}).json()
    assert (page["totalResults"], page["startIndex"], page["itemsPerPage"]) == (5, 2, 2)
    assert [u["userName"] for u in page["Resources"]] == ["p1", "p2"]
