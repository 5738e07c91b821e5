"""Separation of duties: nobody reviews their own referral; a review is one transaction."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.base import Grant, ReferralNotOpen, grant_terms
from govern.store.sql import SqlStore
from tests.access.test_engine import request as access_request
from tests.conftest import DEFAULT_PACK, LOCAL
from tests.helpers import add_keys, csrf_token, open_client


def _grant(store: SqlStore, grant_id: str, decision_id: str) -> Grant:
    """The grant an approval of the referral gives (the store refuses any other)."""
    referral = store.referral(decision_id)
    assert referral is not None
    return Grant(grant_id, decision_id, **grant_terms(referral.request, referral.decision))


def _referral(client: TestClient, headers: dict[str, str], requester: str) -> str:
    body = access_request(access="manage", requester={"id": requester})
    decision = client.post("/v1/access/decisions", json=body, headers=headers).json()
    assert decision["decision"] == "refer"
    return str(decision["decision_id"])


@pytest.mark.parametrize(
    ("submitter", "requester"),
    [
        pytest.param("lead", "lead", id="asked-for-it"),
        pytest.param("lead", "adoe", id="submitted-it-for-someone-else"),
        pytest.param("adoe", "lead", id="someone-submitted-it-for-them"),
    ],
)
@pytest.mark.parametrize("action", ["approve", "reject"])
def test_nobody_reviews_a_referral_they_asked_for_or_submitted(
    store: SqlStore, submitter: str, requester: str, action: str
) -> None:
    # Only a trusted key asks for someone else (issue 16): lead is an admin (who may also review),
    # adoe an intake client.
    keys = add_keys(store, ("lead", "admin"), ("adoe", "intake"), ("boss", "reviewer"))
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=False))
    decision_id = _referral(client, keys[submitter], requester)
    own = client.post(f"/v1/referrals/{decision_id}/{action}", json={"reason": "fine"}, headers=keys["lead"])
    assert own.status_code == 403 and "another reviewer" in own.json()["error"]["message"]
    assert store.referral(decision_id).status == "open"  # type: ignore[union-attr]
    other = client.post(
        f"/v1/referrals/{decision_id}/{action}", json={"reason": "fine"}, headers=keys["boss"]
    )
    assert other.status_code == 200 and other.json()["reviewer"] == "boss"


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_a_rejection_needs_a_reason(client: TestClient, reason: str | None) -> None:
    decision_id = _referral(client, {}, "jsmith")
    body: dict[str, Any] = {} if reason is None else {"reason": reason}
    response = client.post(f"/v1/referrals/{decision_id}/reject", json=body)
    assert response.status_code == 422 and response.json()["error"]["details"][0]["field"] == "reason"


@pytest.mark.parametrize(
    ("first", "second"), [("approve", "approve"), ("reject", "approve"), ("approve", "reject")]
)
def test_a_decided_referral_cannot_be_decided_again(
    client: TestClient, store: SqlStore, first: str, second: str
) -> None:
    decision_id = _referral(client, {}, "jsmith")
    assert client.post(f"/v1/referrals/{decision_id}/{first}", json={"reason": "r"}).status_code == 200
    again = client.post(f"/v1/referrals/{decision_id}/{second}", json={"reason": "r"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"
    assert len(client.get("/v1/grants").json()) == (1 if first == "approve" else 0)
    assert store.verify() is None  # the log's effects replay to exactly these rows


def test_approval_is_one_transaction(store: SqlStore) -> None:
    client = open_client(store)
    decision_id = _referral(client, {}, "jsmith")
    records = len(store.log())
    grant = _grant(store, "g-taken", decision_id)
    store.add_grant(grant)  # the approval's grant id is taken: the approval must not replace that grant
    with pytest.raises(ValueError, match="g-taken"):
        store.close_referral(decision_id, "approved", "lead", None, grant=grant)
    assert store.referral(decision_id).status == "open"  # type: ignore[union-attr]
    assert len(store.log()) == records + 1 and store.verify() is None  # only add_grant's record
    assert [g.grant_id for g in store.grants()] == ["g-taken"]
    # And closing a referral that is no longer open writes nothing at all.
    store.close_referral(decision_id, "approved", "lead", None)
    with pytest.raises(ReferralNotOpen):
        store.close_referral(decision_id, "rejected", "boss", "no")
    assert len(store.log()) == records + 2 and store.referral(decision_id).reviewer == "lead"  # type: ignore[union-attr]
    assert store.verify() is None


def test_an_approval_records_status_grant_and_log_together(client: TestClient, store: SqlStore) -> None:
    decision_id = _referral(client, {}, "jsmith")
    approved = client.post(f"/v1/referrals/{decision_id}/approve", json={}).json()
    review = store.log()[-1]
    assert (review.kind, review.ref, review.actor, review.result["grant_id"]) == (
        "referral",
        decision_id,
        "anonymous",
        approved["grant_id"],
    )
    assert review.effects["put"]["grants"][0]["grant_id"] == approved["grant_id"]
    assert review.effects["put"]["referrals"][0]["status"] == "approved"
    assert [g.grant_id for g in store.grants()] == [approved["grant_id"]]
    assert store.verify() is None


@pytest.mark.parametrize("outcome", ["", "publish", "approved", "APPROVE", "remove"])
def test_the_review_form_accepts_only_approve_or_reject(
    client: TestClient, store: SqlStore, outcome: str
) -> None:
    decision_id = _referral(client, {}, "jsmith")
    client.get("/reviews", headers={"accept": "text/html"})  # the page issues the form's CSRF token
    form = {"outcome": outcome, "reason": "because", "csrf_token": csrf_token(client, "/reviews")}
    page = client.post(f"/reviews/{decision_id}", data=form)
    assert page.status_code == 422 and "Choose Approve or Reject." in page.text
    assert store.referral(decision_id).status == "open"  # type: ignore[union-attr]


def test_a_failed_approval_leaves_the_referral_open_with_no_grant(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = TestClient(
        create_app(str(DEFAULT_PACK), store, open_access=True), raise_server_exceptions=False, base_url=LOCAL
    )
    decision_id = _referral(client, {}, "jsmith")
    store.add_grant(Grant("g-taken", "other", "adoe", "x.com", "social-network", "read"))
    monkeypatch.setattr("govern.service.access.new_id", lambda: "g-taken")  # the grant's insert will fail
    records = len(store.log())
    assert client.post(f"/v1/referrals/{decision_id}/approve", json={}).status_code >= 500
    assert store.referral(decision_id).status == "open"  # type: ignore[union-attr]
    assert len(store.log()) == records and [g.grant_id for g in store.grants()] == ["g-taken"]
    monkeypatch.undo()
    assert (
        client.post(f"/v1/referrals/{decision_id}/approve", json={}).status_code == 200
    )  # and can be retried


def test_two_reviewers_deciding_at_once_one_wins_and_the_other_writes_nothing(store: SqlStore) -> None:
    client = open_client(store)
    decision_id = _referral(client, {}, "jsmith")
    records = len(store.log())
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def decide(reviewer: str, status: str) -> None:
        grant = _grant(store, f"g-{reviewer}", decision_id)
        start.wait()
        try:
            store.close_referral(decision_id, status, reviewer, "r", grant if status == "approved" else None)
            outcomes[reviewer] = "closed"
        except ReferralNotOpen:
            outcomes[reviewer] = "not open"

    threads = [threading.Thread(target=decide, args=a) for a in (("lead", "approved"), ("boss", "rejected"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["closed", "not open"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "closed")
    closed = store.referral(decision_id)
    assert closed is not None and closed.reviewer == winner
    assert [g.grant_id for g in store.grants()] == (["g-lead"] if winner == "lead" else [])
    assert len(store.log()) == records + 1 and store.verify() is None
