"""A referral row edited in the database cannot be laundered into a valid grant by an approval:
closing a referral checks the row, and the grant, against the logged decision record."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.sql import SqlStore
from tests.access.test_engine import request as access_request
from tests.conftest import DEFAULT_PACK, LOCAL
from tests.store.conftest import attack, rows


def _mallory(request: dict[str, Any], decision: dict[str, Any]) -> None:
    request["requester"]["id"] = "mallory"
    request["access"] = "manage"


def _expiry(request: dict[str, Any], decision: dict[str, Any]) -> None:
    decision["on_approval"]["expires_on"] = "2099-12-31"


def _site(request: dict[str, Any], decision: dict[str, Any]) -> None:
    decision["site"]["domain"] = "facebook.com"


def _all(request: dict[str, Any], decision: dict[str, Any]) -> None:
    for edit in (_mallory, _expiry, _site):
        edit(request, decision)


def _forge(url: str, decision_id: str, edit: Callable[[dict[str, Any], dict[str, Any]], None]) -> None:
    [row] = rows(url, f"select request, decision from referrals where decision_id = '{decision_id}'")
    request, decision = json.loads(row["request"]), json.loads(row["decision"])
    edit(request, decision)
    attack(
        url,
        (
            "update referrals set request = :r, decision = :d where decision_id = :id",
            {"r": json.dumps(request), "d": json.dumps(decision), "id": decision_id},
        ),
    )


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(_mallory, id="requester-and-access"),
        pytest.param(_expiry, id="expiry"),
        pytest.param(_site, id="site"),
        pytest.param(_all, id="all-of-them"),
    ],
)
def test_an_approval_refuses_a_referral_row_changed_in_the_database(
    store: SqlStore,
    url: str,
    edit: Callable[[dict[str, Any], dict[str, Any]], None],
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url=LOCAL)
    refer = client.post("/v1/access/decisions", json=access_request(access="manage")).json()
    assert refer["decision"] == "refer"
    decision_id = refer["decision_id"]
    _forge(url, decision_id, edit)
    records = len(store.log())
    approved = client.post(f"/v1/referrals/{decision_id}/approve", json={"reason": "ok"})
    assert approved.status_code == 409 and approved.json()["error"]["code"] == "tampered"
    assert "changed" in approved.json()["error"]["message"]
    assert client.get("/v1/grants").json() == []  # nothing written
    assert len(store.log()) == records
    assert store.referral(decision_id).status == "open"  # type: ignore[union-attr]
    assert any("refused" in r.getMessage() and decision_id in r.getMessage() for r in caplog.records)


def test_an_unchanged_referral_is_approved_with_its_logged_terms(store: SqlStore) -> None:
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url=LOCAL)
    refer = client.post("/v1/access/decisions", json=access_request(access="manage")).json()
    approved = client.post(f"/v1/referrals/{refer['decision_id']}/approve", json={"reason": "ok"})
    assert approved.status_code == 200
    [grant] = client.get("/v1/grants").json()
    assert (grant["requester"], grant["domain"], grant["access"]) == ("jsmith", "x.com", "manage")
    assert store.verify() is None
