"""A service with keys for each role, and SCIM bodies as Entra ID's provisioning service sends them."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from fastapi.testclient import TestClient

from govern.access.models import AccessDecision, AccessRequest
from govern.api.app import create_app
from govern.ids import new_id
from govern.pack import Pack
from govern.store.base import Entry, Grant
from govern.store.sql import SqlStore
from tests.access.test_engine import request as access_request
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


def permitted(store: SqlStore, pack: Pack, person: str, **changes: Any) -> AccessDecision:
    """A decision for `person` recorded as the service records one, with its grant or referral:
    made here so these tests do not depend on who may ask the API for whom."""
    body = access_request(**changes)
    body["requester"]["id"] = person
    request = AccessRequest.model_validate(body)
    now = dt.datetime.now(dt.UTC)
    decision = pack.decide(request, received_at=now)
    grant = None
    if decision.decision == "permit":
        grant = Grant(
            grant_id=new_id(),
            decision_id=decision.decision_id,
            requester=person,
            domain=decision.site.domain,
            category=decision.site.category,
            access=request.access,
            obligations=[o.id for o in decision.obligations],
            granted_at=now,
            expires_on=decision.expires_on,
        )
    entry = Entry(
        "decision",
        decision.decision_id,
        "requester-key",
        pack.ref.model_dump(),
        request.model_dump(mode="json", exclude_none=True),
        decision.model_dump(mode="json"),
        grant=grant,
        refer_to=decision.refer_to if decision.decision == "refer" else None,
    )
    store.append_all([entry])
    return decision
