"""The sign-off, gate, acknowledgement and batch endpoints over HTTP, with keys and roles."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.api.drafts_review import rule_rates
from govern.signoff.sql import SqlReviews
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK, LOCAL

LEAK = "This story was leaked from an internal memo."
FIXED = "We will publish the report on Friday."
CORPORATE = "Please be advised the library is closed on Monday."
KEYS = {"amira": "requester", "bob": "requester", "legal-lead": "reviewer", "lee": "reviewer"}


def auth(name: str) -> dict[str, str]:
    return {"authorization": f"Bearer key-{name}"}


@pytest.fixture
def api(store: SqlStore) -> TestClient:
    for name, role in KEYS.items():
        store.add_key(f"id-{name}", name, role, hashlib.sha256(f"key-{name}".encode()).hexdigest())
    return TestClient(create_app(str(DEFAULT_PACK), store, open_access=False))


def draft(text: str) -> dict[str, Any]:
    return {"text": text, "platform": "x"}


def send(api: TestClient, who: str, text: str, **extra: Any) -> dict[str, Any]:
    response = api.post("/v1/drafts/reviews", json={"draft": draft(text), **extra}, headers=auth(who))
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()["error"]
    assert body["code"] == code and "Traceback" not in response.text
    return body


def test_a_referred_draft_from_sending_to_approval(api: TestClient, store: SqlStore) -> None:
    sent = send(api, "amira", LEAK)
    assert (sent["status"], sent["queue"], sent["author"]) == ("open", "legal", "amira")
    assert [v["number"] for v in sent["versions"]] == [1]
    assert sent["versions"][0]["verdict"]["verdict"] == "refer"
    item = sent["id"]
    queue = api.get("/v1/drafts/reviews", params={"queue": "legal", "status": "open"}, headers=auth("lee"))
    assert [i["id"] for i in queue.json()] == [item]
    error(
        api.post(f"/v1/drafts/reviews/{item}/approve", headers=auth("amira")), 403, "forbidden"
    )  # a requester
    asked = api.post(
        f"/v1/drafts/reviews/{item}/changes", json={"reason": "Not 'leaked'"}, headers=auth("lee")
    )
    assert asked.json()["status"] == "changes-requested"
    again = api.post(
        f"/v1/drafts/reviews/{item}/versions", json={"draft": draft(FIXED)}, headers=auth("amira")
    )
    assert again.status_code == 200 and again.json()["status"] == "open"
    assert f"+{FIXED}" in again.json()["versions"][1]["diff"]
    approved = api.post(
        f"/v1/drafts/reviews/{item}/approve", json={"reason": "OK"}, headers=auth("legal-lead")
    )
    assert (approved.json()["status"], approved.json()["reviewer"]) == ("approved", "legal-lead")
    steps = [(r.input["step"], r.actor) for r in store.log() if r.kind == "signoff" and r.ref == item]
    assert steps == [
        ("submit", "amira"),
        ("changes", "lee"),
        ("resubmit", "amira"),
        ("approve", "legal-lead"),
    ]
    assert store.verify() is None


def test_a_reviewer_cannot_approve_their_own_draft(api: TestClient) -> None:
    item = send(api, "lee", LEAK)["id"]
    for step, body in (("approve", {}), ("reject", {"reason": "x"}), ("changes", {"reason": "x"})):
        error(api.post(f"/v1/drafts/reviews/{item}/{step}", json=body, headers=auth("lee")), 403, "forbidden")
    assert api.post(f"/v1/drafts/reviews/{item}/approve", headers=auth("legal-lead")).status_code == 200


def test_requesters_see_only_their_own_items(api: TestClient) -> None:
    mine, theirs = send(api, "amira", LEAK)["id"], send(api, "bob", LEAK)["id"]
    listed = api.get("/v1/drafts/reviews", params={"author": "bob"}, headers=auth("amira")).json()
    assert [i["id"] for i in listed] == [mine]
    error(api.get(f"/v1/drafts/reviews/{theirs}", headers=auth("amira")), 404, "not_found")
    assert api.get(f"/v1/drafts/reviews/{theirs}", headers=auth("lee")).json()["author"] == "bob"


@pytest.mark.parametrize(
    ("method", "path", "body", "who", "status", "code"),
    [
        pytest.param("get", "/v1/drafts/reviews/nope", None, "lee", 404, "not_found", id="unknown-id"),
        pytest.param(
            "post", "/v1/drafts/reviews/nope/approve", {}, "lee", 404, "not_found", id="approve-unknown"
        ),
        pytest.param(
            "post",
            "/v1/drafts/reviews/nope/versions",
            {"draft": draft(FIXED)},
            "amira",
            404,
            "not_found",
            id="version-unknown",
        ),
        pytest.param(
            "post", "/v1/drafts/reviews", {"draft": draft(LEAK)}, None, 401, "unauthenticated", id="no-key"
        ),
        pytest.param(
            "post",
            "/v1/drafts/reviews",
            {"draft": draft(LEAK), "extra": 1},
            "amira",
            422,
            "invalid_request",
            id="unknown-field",
        ),
        pytest.param(
            "post",
            "/v1/drafts/reviews",
            {"draft": {"text": ""}},
            "amira",
            422,
            "invalid_request",
            id="bad-draft",
        ),
        pytest.param(
            "post",
            "/v1/drafts/reviews",
            {"draft": draft("x" * 20_001)},
            "amira",
            413,
            "too_large",
            id="oversize-draft",
        ),
        pytest.param(
            "post",
            "/v1/drafts/reviews",
            {"draft": draft(LEAK), "scheduled_at": "2001-01-01T00:00:00Z"},
            "amira",
            422,
            "invalid_request",
            id="scheduled-in-the-past",
        ),
        pytest.param(
            "post",
            "/v1/drafts/reviews",
            {"draft": draft(LEAK), "scheduled_at": "soon"},
            "amira",
            422,
            "invalid_request",
            id="scheduled-not-a-time",
        ),
        pytest.param(
            "post", "/v1/drafts/gate", {"draft": []}, "amira", 422, "invalid_request", id="gate-bad"
        ),
        pytest.param(
            "post",
            "/v1/drafts/acknowledgements",
            {"draft": draft(CORPORATE), "rule": "corporate-tone"},
            "amira",
            422,
            "invalid_request",
            id="ack-without-reason",
        ),
        pytest.param(
            "get", "/v1/drafts/reviews?status=lost", None, "lee", 422, "invalid_request", id="unknown-status"
        ),
    ],
)
def test_hostile_requests_get_clear_errors(
    api: TestClient, method: str, path: str, body: Any, who: str | None, status: int, code: str
) -> None:
    headers = auth(who) if who else {}
    response = api.request(method.upper(), path, json=body, headers=headers)
    error(response, status, code)


@pytest.mark.parametrize("step", ["reject", "changes"])
def test_reject_and_changes_need_a_reason(api: TestClient, step: str) -> None:
    item = send(api, "amira", LEAK)["id"]
    body = error(
        api.post(f"/v1/drafts/reviews/{item}/{step}", json={}, headers=auth("lee")), 422, "invalid_request"
    )
    assert body["details"] == [{"field": "reason", "message": "is required"}]


def test_a_wrong_state_is_a_conflict(api: TestClient) -> None:
    item = send(api, "amira", LEAK)["id"]
    api.post(f"/v1/drafts/reviews/{item}/reject", json={"reason": "No"}, headers=auth("lee"))
    error(api.post(f"/v1/drafts/reviews/{item}/approve", headers=auth("legal-lead")), 409, "conflict")


def test_comments_are_kept_on_the_item(api: TestClient) -> None:
    item = send(api, "amira", LEAK, note="Please look today")["id"]
    api.post(f"/v1/drafts/reviews/{item}/comments", json={"text": "Who saw the memo?"}, headers=auth("lee"))
    got = api.get(f"/v1/drafts/reviews/{item}", headers=auth("amira")).json()
    assert [(c["by"], c["text"]) for c in got["comments"]] == [
        ("amira", "Please look today"),
        ("lee", "Who saw the memo?"),
    ]
    error(
        api.post(f"/v1/drafts/reviews/{item}/comments", json={"text": "hi"}, headers=auth("bob")),
        404,
        "not_found",
    )


def test_the_gate_holds_then_allows_once_approved(api: TestClient) -> None:
    held = api.post("/v1/drafts/gate", json={"draft": draft(LEAK)}, headers=auth("amira")).json()
    assert (held["decision"], held["verdict"]) == ("hold", "refer")
    assert held["review"] and held["links"]["self"] == f"/v1/drafts/reviews/{held['review']}"
    assert [f["rule"] for f in held["findings"]] == ["confidential", "confidential"]
    api.post(f"/v1/drafts/reviews/{held['review']}/approve", headers=auth("legal-lead"))
    allowed = api.post("/v1/drafts/gate", json={"draft": draft(LEAK)}, headers=auth("amira")).json()
    assert (allowed["decision"], allowed["review"]) == ("allow", held["review"])


def test_an_acknowledgement_lets_a_revise_draft_through_the_gate(api: TestClient, store: SqlStore) -> None:
    gate = api.post("/v1/drafts/gate", json={"draft": draft(CORPORATE)}, headers=auth("amira")).json()
    assert (gate["decision"], gate["review"]) == ("hold", None)
    assert [f["rule"] for f in gate["unacknowledged"]] == ["corporate-tone"]
    body = {"draft": draft(CORPORATE), "rule": "corporate-tone", "reason": "Quoting the closure notice"}
    ack = api.post("/v1/drafts/acknowledgements", json=body, headers=auth("amira"))
    assert ack.status_code == 201 and ack.json()["by"] == "amira" and ack.json()["severity"] == "revise"
    assert (
        api.post("/v1/drafts/gate", json={"draft": draft(CORPORATE)}, headers=auth("amira")).json()[
            "decision"
        ]
        == "allow"
    )
    assert rule_rates(api.app)["corporate-tone"] == (1, 1)  # type: ignore[arg-type]
    assert "govern_rule_acknowledgement_rate" in api.get("/metrics").text


def test_a_block_finding_cannot_be_acknowledged(api: TestClient) -> None:
    body = {"draft": draft("The councillor is a liar."), "rule": "defamation", "reason": "I mean it"}
    found = error(
        api.post("/v1/drafts/acknowledgements", json=body, headers=auth("amira")), 422, "not_acknowledgeable"
    )
    assert "block" in found["message"]


def test_a_batch_of_drafts_answers_in_order_with_errors_in_place(api: TestClient, store: SqlStore) -> None:
    drafts = [draft(FIXED), {"text": "hi"}, "not an object", draft("x" * 20_001), draft(LEAK)]
    results = api.post("/v1/drafts/checks:batch", json={"drafts": drafts}, headers=auth("amira")).json()[
        "results"
    ]
    assert [r["index"] for r in results] == [0, 1, 2, 3, 4]
    assert results[0]["result"]["verdict"] == "ok" and results[4]["result"]["verdict"] == "refer"
    assert results[1]["error"]["code"] == "invalid_request" and "platform" in str(
        results[1]["error"]["details"]
    )
    assert results[2]["error"]["code"] == "invalid_request"
    assert results[3]["error"]["code"] == "too_large"
    assert sum(1 for r in store.log() if r.kind == "check") == 2


def test_a_batch_of_comments_counts_earlier_ones_for_flooding(api: TestClient) -> None:
    comment = {
        "text": "Fix the potholes on Elm Road now",
        "channel": "facebook-page",
        "author": {"id": "r-1"},
        "posted_at": "2026-11-30T10:00:00Z",
    }
    later = [{**comment, "posted_at": f"2026-11-30T10:0{i}:00Z"} for i in range(1, 5)]
    results = api.post(
        "/v1/comments/moderations:batch",
        json={"comments": [comment, *later, {"text": 5}]},
        headers=auth("amira"),
    ).json()["results"]
    actions = [r["result"]["action"] for r in results[:5]]
    assert actions[0] == "publish" and actions[-1] != "publish"  # flooding, from earlier items of the batch
    assert results[5]["error"]["code"] == "invalid_request"


@pytest.mark.parametrize(
    "path,key", [("/v1/drafts/checks:batch", "drafts"), ("/v1/comments/moderations:batch", "comments")]
)
def test_an_oversize_batch_is_refused(api: TestClient, path: str, key: str) -> None:
    body = {key: [draft(FIXED)] * 1001}
    error(api.post(path, json=body, headers=auth("amira")), 413, "too_large")


def test_the_running_service_sweeps_expired_items(store: SqlStore) -> None:
    app = create_app(str(DEFAULT_PACK), store, open_access=True)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    with TestClient(app, base_url=LOCAL) as client:
        body = {"draft": draft(LEAK), "scheduled_at": soon.isoformat()}
        item = client.post("/v1/drafts/reviews", json=body).json()["id"]
    later = soon + dt.timedelta(minutes=1)
    app.state.signoff.clock = lambda: later  # an hour passes while nobody reads the item

    def stored_status() -> str:
        found = SqlReviews(store.engine).get(item)
        return found.status if found else "missing"

    with TestClient(app):  # the lifespan starts the sweep, which runs at once
        deadline = time.monotonic() + 10
        while stored_status() != "expired" and time.monotonic() < deadline:
            time.sleep(0.05)
    assert stored_status() == "expired"
    assert [r.input["step"] for r in store.log() if r.kind == "signoff"] == ["submit", "expire"]
