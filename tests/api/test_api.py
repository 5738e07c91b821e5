"""Every endpoint over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govern import load_pack
from govern.access.models import AccessDecision
from govern.api.app import create_app
from govern.store.sql import SqlStore
from tests.access.test_engine import AT
from tests.access.test_engine import request as access_request
from tests.conftest import DEFAULT_PACK, LOCAL
from tests.identity.fakes import directory, own_request


def test_decide_stores_the_decision_and_creates_a_grant(store: SqlStore) -> None:
    client = TestClient(
        create_app(str(DEFAULT_PACK), store, open_access=True, clock=lambda: AT), base_url=LOCAL
    )
    response = client.post("/v1/access/decisions", json=access_request())
    assert response.status_code == 200
    body = response.json()
    assert (body["decision"], body["expires_on"]) == ("permit", "2027-05-20")
    stored = client.get(f"/v1/access/decisions/{body['decision_id']}")
    assert stored.status_code == 200 and stored.json() == body
    grants = client.get("/v1/grants", params={"requester": "jsmith"}).json()
    assert [(g["domain"], g["access"], g["expires_on"], g["current"]) for g in grants] == [
        ("x.com", "post", "2027-05-20", True)
    ]
    assert client.get("/v1/grants", params={"site": "https://www.x.com/a"}).json()[0]["domain"] == "x.com"


def test_unknown_decision_is_404_in_the_error_shape(client: TestClient) -> None:
    response = client.get("/v1/access/decisions/nope")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_bad_request_is_422_with_every_field(client: TestClient) -> None:
    response = client.post("/v1/access/decisions", json={**access_request(), "access": "delete", "colour": 1})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert {d["field"] for d in error["details"]} == {"access", "colour"}


def test_not_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/v1/drafts/checks", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_referral_approved_creates_a_grant_with_the_decisions_terms(client: TestClient) -> None:
    body = client.post("/v1/access/decisions", json=access_request(access="manage")).json()
    assert body["decision"] == "refer" and body["refer_to"] == "digital-team"
    queue = client.get("/v1/referrals").json()
    assert [r["decision_id"] for r in queue] == [body["decision_id"]]
    approved = client.post(f"/v1/referrals/{body['decision_id']}/approve", json={"reason": "comms lead"})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    grant = client.get("/v1/grants").json()[0]
    assert grant["access"] == "manage" and grant["expires_on"] == body["on_approval"]["expires_on"]
    assert client.get("/v1/referrals").json() == []
    again = client.post(f"/v1/referrals/{body['decision_id']}/approve", json={})
    assert again.status_code == 409


def test_referral_rejection_needs_and_records_a_reason(client: TestClient) -> None:
    body = client.post(
        "/v1/access/decisions", json=access_request(site="forum.example.org", access="read")
    ).json()
    assert client.post(f"/v1/referrals/{body['decision_id']}/reject", json={}).status_code == 422
    rejected = client.post(
        f"/v1/referrals/{body['decision_id']}/reject", json={"reason": "not needed"}
    ).json()
    assert (rejected["status"], rejected["reason"]) == ("rejected", "not needed")
    assert client.get("/v1/grants").json() == []
    assert client.get("/v1/referrals", params={"status": "rejected"}).json()[0]["reason"] == "not needed"


def test_expired_grants_are_not_current(client: TestClient, store: SqlStore) -> None:
    training = [{"course": "social-media-essentials", "completed_on": "2024-06-01"}]
    then = TestClient(
        create_app(
            str(DEFAULT_PACK),
            store,
            open_access=True,
            clock=lambda: dt.datetime(2025, 1, 1, 10, tzinfo=dt.UTC),
        ),
        base_url=LOCAL,
    )
    old = access_request(requester={"training": training})
    assert then.post("/v1/access/decisions", json=old).json()["expires_on"] == "2025-06-30"
    assert client.get("/v1/grants").json() == []
    expired = client.get("/v1/grants", params={"include": "expired"}).json()
    assert len(expired) == 1 and expired[0]["current"] is False


def test_batch_answers_in_order_with_errors_in_place(client: TestClient) -> None:
    requests = [access_request(), access_request(site="nowhere"), access_request(access="read")]
    items = client.post("/v1/access/decisions:batch", json={"requests": requests}).json()["decisions"]
    assert [i["index"] for i in items] == [0, 1, 2]
    assert items[0]["decision"]["decision"] == "permit" and items[2]["decision"]["decision"] == "permit"
    assert items[1]["error"]["details"][0]["field"] == "site"


def test_batch_over_1000_is_413(client: TestClient) -> None:
    response = client.post("/v1/access/decisions:batch", json={"requests": [{}] * 1001})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"


def test_draft_check_and_size_limit(client: TestClient) -> None:
    body = client.post(
        "/v1/drafts/checks", json={"text": "We categorically reject it.", "platform": "x"}
    ).json()
    assert body["verdict"] == "refer" and body["findings"][0]["rule"] == "formal-rebuttal"
    too_big = client.post("/v1/drafts/checks", json={"text": "a" * 20_001, "platform": "x"})
    assert too_big.status_code == 413
    assert client.post("/v1/drafts/checks", json={"text": "hi", "platform": "myspace"}).status_code == 422


def test_moderation_remembers_earlier_comments_for_flooding(client: TestClient) -> None:
    def post(minute: int) -> dict[str, Any]:
        comment = {
            "text": "Fix the road",
            "channel": "facebook-page",
            "author": {"id": "r1"},
            "posted_at": f"2026-11-18T11:0{minute}:00Z",
            "comment_id": f"c{minute}",
        }
        return client.post("/v1/comments/moderations", json=comment).json()  # type: ignore[no-any-return]

    assert [post(m)["action"] for m in (0, 3, 6)] == ["publish", "publish", "hold"]


def test_policies_and_reload(client: TestClient) -> None:
    body = client.get("/v1/policies").json()
    assert body["pack"] == "council-default"
    assert [(r["area"], r["id"]) for r in body["rules"]] == [
        (r["area"], r["id"]) for r in load_pack(DEFAULT_PACK).rules()
    ]
    assert client.post("/v1/policies/reload").json()["reloaded"] is True


def test_a_bad_pack_is_refused_and_the_old_one_stays(store: SqlStore, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK, pack)
    client = TestClient(create_app(str(pack), store, open_access=True), base_url=LOCAL)
    before = client.get("/healthz").json()["digest"]
    (pack / "access.yaml").write_text(
        (pack / "access.yaml").read_text().replace("effect: deny", "efect: deny", 1)
    )
    response = client.post("/v1/policies/reload")
    assert response.status_code == 422
    assert any("did you mean 'effect'" in d["message"] for d in response.json()["error"]["details"])
    assert client.get("/healthz").json()["digest"] == before
    assert client.post("/v1/access/decisions", json=access_request()).json()["policy"]["digest"] == before


def test_the_log_chains_every_call_and_verifies(client: TestClient, store: SqlStore) -> None:
    client.post("/v1/access/decisions", json=access_request())
    client.post("/v1/drafts/checks", json={"text": "Hello", "platform": "x"})
    client.post("/v1/comments/moderations", json={"text": "Hi", "channel": "facebook-page"})
    records = store.log()
    assert [r.kind for r in records] == ["decision", "check", "moderation"]
    assert records[1].prev_hash == records[0].hash and store.verify() is None
    assert all(r.actor == "anonymous" and r.digest.startswith("sha256:") for r in records)


def test_purge_keeps_the_chain_verifiable(client: TestClient, store: SqlStore) -> None:
    client.post("/v1/drafts/checks", json={"text": "Call 07700 900123", "platform": "x"})
    assert store.purge(dt.datetime.now(dt.UTC) + dt.timedelta(days=1)) == 1
    assert store.log()[0].input == {"purged": True}
    assert store.verify() is None


def test_healthz_metrics_and_openapi(client: TestClient) -> None:
    client.post("/v1/access/decisions", json=access_request())
    assert client.get("/healthz").json()["status"] == "ok"
    metrics = client.get("/metrics").text
    assert 'govern_decisions_total{outcome="permit"}' in metrics
    assert "govern_http_request_seconds_bucket" in metrics
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/v1/access/decisions",
        "/v1/access/decisions:batch",
        "/v1/referrals",
        "/v1/grants",
        "/v1/drafts/checks",
        "/v1/comments/moderations",
        "/v1/policies/reload",
    } <= set(paths)


@pytest.mark.parametrize("path", ["/v1/access/decisions", "/v1/access/decisions:batch", "/v1/drafts/checks"])
def test_a_body_over_8_mib_without_a_length_is_refused_as_it_streams(client: TestClient, path: str) -> None:
    # A declared Content-Length over the limit is refused at once; a chunked body has none, and
    # used to be read whole (16 MiB here, any size really) before validation refused it.
    sent = [0]

    def chunks() -> Iterator[bytes]:
        yield b'{"site": "'
        for _ in range(256):
            sent[0] += 65536
            yield b"x" * 65536
        yield b'"}'

    response = client.post(path, content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413
    assert response.json()["error"] == {
        "code": "too_large",
        "message": "the request body is over 8 MiB",
        "details": [],
    }


def test_a_chunked_body_within_the_limit_is_decided(client: TestClient) -> None:
    body = json.dumps(access_request()).encode()
    response = client.post(
        "/v1/access/decisions",
        content=iter([body[:10], body[10:]]),
        headers={"content-type": "application/json"},
    )
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 200 and response.json()["decision"] == "permit"


def test_made_up_http_methods_do_not_add_latency_series(client: TestClient) -> None:
    # The method is the client's word: each new one used to add a series to /metrics, for good.
    for n in range(20):
        assert client.request(f"PROBE{n}", "/healthz").status_code == 405
    assert client.get("/healthz").status_code == 200
    lines = [line for line in client.get("/metrics").text.splitlines() if 'route="/healthz"' in line]
    assert not [line for line in lines if "PROBE" in line]
    assert any('method="OTHER"' in line and 'status="405"' in line for line in lines)
    assert any('method="GET"' in line and 'status="200"' in line for line in lines)


def test_the_decision_route_answers_as_fastapi_would_and_stays_documented(client: TestClient) -> None:
    # The route skips FastAPI's dependency solving and response serialisation (DecisionRoute): its
    # answer must still be the AccessDecision FastAPI would send, and the route still documented.
    response = client.post("/v1/access/decisions", json=access_request(), headers={"host": "127.0.0.1"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    decision = AccessDecision.model_validate_json(response.content)
    fastapi_bytes = json.dumps(
        decision.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")
    ).encode()
    assert response.content == fastapi_bytes
    operation = client.get("/openapi.json").json()["paths"]["/v1/access/decisions"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/AccessRequest"
    }
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/AccessDecision"}
    # the latency histogram still names the route, not "unmatched"
    assert 'route="/v1/access/decisions"' in client.get("/metrics").text


def test_keys_and_roles(store: SqlStore) -> None:
    for name, role in (("jsmith", "requester"), ("lead", "reviewer"), ("ops", "admin")):
        store.add_key(name, name, role, hashlib.sha256(f"secret-{name}".encode()).hexdigest())
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=False, directory=directory(store)))

    def auth(name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer secret-{name}"}

    assert client.post("/v1/access/decisions", json=access_request()).status_code == 401
    assert (
        client.post(
            "/v1/access/decisions", json=access_request(), headers={"Authorization": "Bearer x"}
        ).status_code
        == 401
    )
    mine = own_request()  # a requester states only the business case (issue 16)
    assert client.post("/v1/access/decisions", json=mine, headers=auth("jsmith")).status_code == 200
    assert client.get("/v1/referrals", headers=auth("jsmith")).status_code == 403
    assert client.get("/v1/referrals", headers=auth("lead")).status_code == 200
    assert client.post("/v1/policies/reload", headers=auth("lead")).status_code == 403
    assert client.post("/v1/policies/reload", headers={"X-API-Key": "secret-ops"}).status_code == 200
    assert [r.actor for r in store.log() if r.kind == "decision"] == ["jsmith"]


def test_database_down_is_503_and_nothing_is_acknowledged(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "govern.db"))
    client = TestClient(
        create_app(str(DEFAULT_PACK), store, open_access=True), raise_server_exceptions=False, base_url=LOCAL
    )
    store.engine.dispose()
    (tmp_path / "govern.db").unlink()
    (tmp_path / "govern.db").mkdir()  # the file is gone and cannot be recreated: the database is down
    response = client.post("/v1/access/decisions", json=access_request())
    store.close()
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "unavailable" and response.headers["retry-after"] == "1"


@pytest.mark.parametrize(
    "submitted_at", ["2090-11-21T10:00:00Z", "2026-11-22T10:00:00Z", "2000-01-01T10:00:00Z"]
)
def test_expiry_counts_from_the_time_the_service_received_the_request(
    store: SqlStore, submitted_at: str
) -> None:
    client = TestClient(
        create_app(str(DEFAULT_PACK), store, open_access=True, clock=lambda: AT), base_url=LOCAL
    )
    body = access_request(access="read", submitted_at=submitted_at, business_case={"duration_days": 365})
    decision = client.post("/v1/access/decisions", json=body).json()
    assert (decision["expires_on"], decision["received_at"]) == ("2027-11-21", "2026-11-21T10:00:00Z")
    assert client.get("/v1/grants").json()[0]["expires_on"] == "2027-11-21"
    assert store.find("decision", decision["decision_id"]).input["submitted_at"] == submitted_at  # type: ignore[union-attr]
