"""Hostile and broken SCIM requests: each is a SCIM Error with its status, never a 500."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govern.people.provisioning import MAX_BODY
from govern.store.sql import SqlStore
from tests.api.scim_helpers import ENTERPRISE, ERROR, GROUP, USER, keyed_client, patch, user_body

SCIM_JSON = {"content-type": "application/scim+json"}


@pytest.fixture
def client(store: SqlStore) -> TestClient:
    client = keyed_client(store)
    made = client.post("/scim/v2/Users", json=user_body("taken@example.gov.uk"))
    assert made.status_code == 201
    client.headers["X-Alice"] = made.json()["id"]  # the existing user's id, for the cases below
    return client


def named(name: str) -> dict[str, Any]:
    return user_body(name)


CASES: list[Any] = [
    # (method, path, body or raw bytes, extra headers, status, scimType)
    pytest.param(
        "POST", "/Users", named("Taken@Example.gov.uk"), {}, 409, "uniqueness", id="duplicate-any-case"
    ),
    pytest.param("POST", "/Users", named("ali ce"), {}, 400, "invalidValue", id="space-in-userName"),
    pytest.param("POST", "/Users", named("alice\n"), {}, 400, "invalidValue", id="newline-in-userName"),
    pytest.param("POST", "/Users", named("al\u0000ice"), {}, 400, "invalidValue", id="nul-in-userName"),
    pytest.param("POST", "/Users", named("al\u202eice"), {}, 400, "invalidValue", id="bidi-override"),
    pytest.param("POST", "/Users", named("\u0430lice"), {}, 400, "invalidValue", id="cyrillic-homoglyph"),
    pytest.param("POST", "/Users", named("alice\u200b"), {}, 400, "invalidValue", id="zero-width"),
    pytest.param("POST", "/Users", named("=HYPERLINK(1)"), {}, 400, "invalidValue", id="formula"),
    pytest.param("POST", "/Users", named("required"), {}, 400, "invalidValue", id="reserved-squid-word"),
    pytest.param("POST", "/Users", named("a" * 129), {}, 400, "invalidValue", id="userName-too-long"),
    pytest.param("POST", "/Users", {"schemas": [USER]}, {}, 400, "invalidValue", id="no-userName"),
    pytest.param(
        "POST", "/Users", {**named("bob"), "shoeSize": 9}, {}, 400, "invalidSyntax", id="unknown-attribute"
    ),
    pytest.param(
        "POST",
        "/Users",
        {**named("bob"), ENTERPRISE: {"department": "x" * 201}},
        {},
        400,
        "invalidValue",
        id="department-too-long",
    ),
    pytest.param(
        "POST", "/Users", {**named("bob"), "displayName": "x" * 401}, {}, 400, "invalidValue", id="long-name"
    ),
    pytest.param("POST", "/Users", b"{not json", {}, 400, "invalidSyntax", id="not-json"),
    pytest.param("POST", "/Users", b"[" * 100 + b"]" * 100, {}, 400, "invalidSyntax", id="nested-too-deep"),
    pytest.param("POST", "/Users", b"\xff\xfe", {}, 400, "invalidSyntax", id="not-utf8"),
    pytest.param("POST", "/Users", b"[]", {}, 400, "invalidSyntax", id="array-body"),
    pytest.param(
        "POST",
        "/Users",
        json.dumps({**named("bob"), "nickName": "x" * MAX_BODY}).encode(),
        {},
        413,
        None,
        id="oversized-body",
    ),
    pytest.param(
        "POST",
        "/Users",
        b"userName=bob",
        {"content-type": "application/x-www-form-urlencoded"},
        415,
        None,
        id="form",
    ),
    pytest.param(
        "GET", '/Users?filter=userName eq "x" or', None, {}, 400, "invalidFilter", id="broken-filter"
    ),
    pytest.param("GET", '/Users?filter=userName sw "a"', None, {}, 400, "invalidFilter", id="unsupported-op"),
    pytest.param(
        "GET", '/Users?filter=title eq "x"', None, {}, 400, "invalidFilter", id="unindexed-attribute"
    ),
    pytest.param(
        "GET", '/Users?filter=nope eq "x"', None, {}, 400, "invalidFilter", id="unknown-attribute-filter"
    ),
    pytest.param("GET", "/Users?filter=" + "(" * 5000, None, {}, 400, "invalidFilter", id="huge-filter"),
    pytest.param("GET", "/Users?startIndex=one", None, {}, 400, "invalidValue", id="startIndex-not-a-number"),
    pytest.param("GET", "/Users?count=1e9", None, {}, 400, "invalidValue", id="count-not-an-integer"),
    pytest.param("GET", "/Users/no-such-id", None, {}, 404, None, id="get-unknown"),
    pytest.param("PUT", "/Users/no-such-id", named("bob"), {}, 404, None, id="put-unknown"),
    pytest.param(
        "PATCH",
        "/Users/no-such-id",
        patch({"op": "remove", "path": "title"}),
        {},
        404,
        None,
        id="patch-unknown",
    ),
    pytest.param("DELETE", "/Users/no-such-id", None, {}, 404, None, id="delete-unknown"),
    pytest.param("GET", "/Groups/no-such-id", None, {}, 404, None, id="get-unknown-group"),
    pytest.param(
        "PATCH",
        "/Users/{alice}",
        patch({"op": "explode", "path": "active"}),
        {},
        400,
        "invalidValue",
        id="bad-op",
    ),
    pytest.param(
        "PATCH",
        "/Users/{alice}",
        patch({"op": "replace", "path": "userName", "value": "bad name"}),
        {},
        400,
        "invalidValue",
        id="patch-bad-userName",
    ),
    pytest.param(
        "PATCH",
        "/Users/{alice}",
        patch({"op": "replace", "path": "nope[", "value": 1}),
        {},
        400,
        "invalidPath",
        id="bad-path",
    ),
    pytest.param(
        "PUT",
        "/Users/{alice}",
        named("taken@example.gov.uk"),
        {"If-Match": 'W/"7"'},
        412,
        None,
        id="stale-if-match",
    ),
    pytest.param(
        "POST",
        "/Groups",
        {"schemas": [GROUP], "displayName": "team", "members": [{"value": "nobody"}]},
        {},
        400,
        "invalidValue",
        id="unknown-member",
    ),
    pytest.param(
        "POST",
        "/Groups",
        {"schemas": [GROUP], "displayName": "team", "members": [{"value": "{alice}", "type": "Group"}]},
        {},
        400,
        "invalidValue",
        id="group-as-member",
    ),
    pytest.param("DELETE", "/ServiceProviderConfig", None, {}, 405, None, id="delete-config"),
    pytest.param("GET", "/Nothing/here", None, {}, 404, None, id="unknown-endpoint"),
    pytest.param("POST", "/.search", {"schemas": []}, {}, 501, None, id="root-search"),
]


@pytest.mark.parametrize(("method", "path", "body", "headers", "status", "scim_type"), CASES)
def test_a_hostile_request_gets_a_scim_error(
    client: TestClient,
    method: str,
    path: str,
    body: Any,
    headers: dict[str, str],
    status: int,
    scim_type: str | None,
) -> None:
    alice = client.headers["X-Alice"]
    path = path.replace("{alice}", alice)
    if isinstance(body, dict):
        body = json.dumps(body).replace("{alice}", alice).encode()
    response = client.request(method, "/scim/v2" + path, content=body, headers={**SCIM_JSON, **headers})
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/scim+json"
    error = response.json()
    assert error["schemas"] == [ERROR] and error["status"] == str(status) and error["detail"]
    assert error.get("scimType") == scim_type
    # Nothing was written: the one user made by the fixture is all there is.
    assert client.get("/scim/v2/Users").json()["totalResults"] == 1
