"""A service with keys for each role, and SCIM bodies as Entra ID's provisioning service sends them."""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK, LOCAL

ROLES = ("provisioning", "requester", "reviewer", "admin")
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


def secret(role: str) -> str:
    return f"secret-{role}"


def keyed_client(store: SqlStore) -> TestClient:
    """A closed service (a key for each role); the client sends the provisioning key."""
    for role in ROLES:
        store.add_key(f"id-{role}", f"{role}-key", role, hashlib.sha256(secret(role).encode()).hexdigest())
    client = TestClient(create_app(str(DEFAULT_PACK), store), base_url=LOCAL)
    client.headers["Authorization"] = f"Bearer {secret('provisioning')}"
    return client


def as_role(role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret(role)}"}


def user_body(name: str, department: str = "Housing", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "schemas": [USER, ENTERPRISE],
        "userName": name,
        "displayName": name.split("@")[0].title(),
        "active": True,
        "userType": "Employee",
        ENTERPRISE: {"department": department},
    }
    body.update(extra)
    return body


def patch(*operations: dict[str, Any]) -> dict[str, Any]:
    return {"schemas": [PATCH], "Operations": list(operations)}
