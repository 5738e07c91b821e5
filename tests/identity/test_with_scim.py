"""The whole path on the real directory: people provisioned over SCIM, training posted by an intake
client, a requester asking for itself, the manager from the directory approving, a leaver refused."""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.sql import SqlStore
from tests.api.scim_helpers import ENTERPRISE, GROUP, patch, user_body
from tests.conftest import DEFAULT_PACK, LOCAL
from tests.identity.fakes import own_request

KEYS = {"prov": "provisioning", "jsmith": "requester", "mgr": "requester", "desk": "intake"}


def as_(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer secret-{name}"}


def provision(client: TestClient, name: str, **extra: Any) -> str:
    response = client.post("/scim/v2/Users", json=user_body(name, "Planning", **extra), headers=as_("prov"))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def test_facts_come_from_scim_and_the_training_records_and_the_manager_approves(store: SqlStore) -> None:
    for name, role in KEYS.items():
        store.add_key(f"id-{name}", name, role, hashlib.sha256(f"secret-{name}".encode()).hexdigest())
    client = TestClient(create_app(str(DEFAULT_PACK), store), base_url=LOCAL)
    manager = provision(client, "mgr")
    jsmith = provision(
        client, "JSmith", **{ENTERPRISE: {"department": "Planning", "manager": {"value": manager}}}
    )
    record = {"person": "jsmith", "course": "social-media-essentials", "completed_on": "2026-03-01"}
    assert client.post("/v1/training", json={"records": [record]}, headers=as_("desk")).status_code == 200

    first = client.post("/v1/access/decisions", json=own_request(), headers=as_("jsmith")).json()
    assert first["facts"]["department"] == {"value": "Planning", "source": "directory"}
    assert first["facts"]["employment"] == {"value": "permanent", "source": "directory"}  # userType Employee
    assert first["facts"]["training"]["source"] == "training-records"
    assert first["decision"] == "deny" and first["approval"]["approver"] == "mgr"

    task = first["approval"]["approval_id"]
    done = client.post(f"/v1/approvals/{task}", json={"action": "approve"}, headers=as_("mgr")).json()
    assert done["outcome"]["decision"] == "permit"
    assert [g["requester"] for g in client.get("/v1/grants", headers=as_("jsmith")).json()] == ["jsmith"]

    # A group provisioned over SCIM is the only way into comms-team.
    group = {"schemas": [GROUP], "displayName": "comms-team", "members": [{"value": jsmith}]}
    assert client.post("/scim/v2/Groups", json=group, headers=as_("prov")).status_code == 201
    again = client.post("/v1/access/decisions", json=own_request(), headers=as_("jsmith")).json()
    assert again["facts"]["groups"] == {"value": ["comms-team"], "source": "directory"}
    assert again["decision"] == "permit" and again["approval"] is None

    # A leaver is refused at once.
    leave = patch({"op": "replace", "path": "active", "value": False})
    assert client.patch(f"/scim/v2/Users/{jsmith}", json=leave, headers=as_("prov")).status_code == 200
    refused = client.post("/v1/access/decisions", json=own_request(), headers=as_("jsmith"))
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "inactive_person"
