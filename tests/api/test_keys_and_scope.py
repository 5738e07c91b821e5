"""Who sees what: keys take effect (and stop) at once; a requester sees only their own."""

from __future__ import annotations

import dataclasses

from fastapi.testclient import TestClient

from govern.api.app import Service, create_app
from govern.store.sql import SqlStore
from tests.access.test_engine import request as access_request
from tests.conftest import DEFAULT_PACK
from tests.helpers import add_keys, open_client
from tests.identity.fakes import PEOPLE, directory, own_request


def _key(store: SqlStore, name: str, role: str) -> dict[str, str]:
    return add_keys(store, (name, role))[name]


def test_an_open_server_closes_once_a_key_is_created(store: SqlStore) -> None:
    client = open_client(store)
    service: Service = client.app.state.service  # type: ignore[attr-defined]
    service.KEYS_RECHECK_SECONDS = 0.0
    assert client.post("/v1/access/decisions", json=access_request()).status_code == 200
    admin = _key(store, "ops", "admin")
    assert client.post("/v1/access/decisions", json=access_request()).status_code == 401
    assert client.post("/v1/access/decisions", json=access_request(), headers=admin).status_code == 200
    store.revoke_key("ops")
    assert client.post("/v1/access/decisions", json=access_request(), headers=admin).status_code == 401
    assert client.post("/v1/access/decisions", json=access_request()).status_code == 401  # stays closed


def test_a_requester_reads_only_their_own_decisions_and_grants(store: SqlStore) -> None:
    jsmith, other, lead = (
        _key(store, "jsmith", "requester"),
        _key(store, "adoe", "requester"),
        _key(store, "lead", "reviewer"),
    )
    # Requesters ask for themselves; their facts come from the directory (both in comms-team, so
    # A3 needs no manager's approval) and the training records (issue 16).
    people = [dataclasses.replace(p, groups=("comms-team",)) for p in PEOPLE]
    app = create_app(str(DEFAULT_PACK), store, open_access=False, directory=directory(store, people))
    client = TestClient(app)
    mine = client.post("/v1/access/decisions", json=own_request(), headers=jsmith).json()
    theirs = client.post("/v1/access/decisions", json=own_request(), headers=other).json()
    assert client.get(f"/v1/access/decisions/{mine['decision_id']}", headers=jsmith).status_code == 200
    assert client.get(f"/v1/access/decisions/{theirs['decision_id']}", headers=jsmith).status_code == 404
    assert client.get(f"/v1/access/decisions/{theirs['decision_id']}", headers=lead).status_code == 200
    assert {g["requester"] for g in client.get("/v1/grants", headers=jsmith).json()} == {"jsmith"}
    assert client.get("/v1/grants", params={"requester": "adoe"}, headers=jsmith).status_code == 403
    assert {g["requester"] for g in client.get("/v1/grants", headers=lead).json()} == {"jsmith", "adoe"}
