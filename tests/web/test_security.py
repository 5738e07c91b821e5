"""The pages and the API against a hostile browser: CSRF, other sites, Host names, headers, and
moderation and review actions that only act on items in a state that allows them."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.api.middleware import WebSettings
from govern.store.sql import SqlStore
from tests.access.test_engine import request as access_request
from tests.conftest import DEFAULT_PACK, LOCAL
from tests.helpers import csrf_token, open_client

EVIL = "https://evil.example"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    sqlite = SqlStore(str(tmp_path / "govern.db"))
    yield sqlite
    sqlite.close()


@pytest.fixture
def client(store: SqlStore) -> TestClient:
    """Open mode, as `govern serve` on loopback without keys."""
    return open_client(store)


token = csrf_token


def referral(client: TestClient) -> str:
    body = client.post("/v1/access/decisions", json=access_request(access="manage")).json()
    assert body["decision"] == "refer"
    return str(body["decision_id"])


def held(store: SqlStore, comment_id: str) -> None:
    now = dt.datetime.now(dt.UTC)
    store.save_comment(comment_id, "resident-1", "facebook-page", "a bloody state", now, "hold", None)
    ref = {"pack": "council-default", "version": "1.0.0", "digest": "sha256:0"}
    given = {"text": "a bloody state", "author": {"id": "resident-1"}}
    store.append("moderation", comment_id, "test", ref, given, {"action": "hold"})


def open_referrals(store: SqlStore) -> list[str]:
    return [r.decision_id for r in store.referrals("open")]


# --- CSRF ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/access", "/reviews", "/moderation"])
def test_every_form_carries_the_csrf_token(client: TestClient, store: SqlStore, path: str) -> None:
    referral(client)
    held(store, "c-1")
    page = client.get(path)
    forms = page.text.count("<form")
    fields = re.findall(r'<input type="hidden" name="csrf_token" value="([^"]+)">', page.text)
    assert forms >= 1 and len(fields) == forms
    assert set(fields) == {client.cookies["govern_csrf"]}


def test_the_sign_in_page_carries_the_token_too(store: SqlStore) -> None:
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=False))
    page = client.get("/reviews", headers={"accept": "text/html"})
    assert page.status_code == 401
    assert f'name="csrf_token" value="{page.cookies["govern_csrf"]}"' in page.text


@pytest.mark.parametrize(
    ("path", "data"),
    [
        pytest.param("/", {"text": "Hello", "platform": "x"}, id="draft"),
        pytest.param("/access", {"requester_id": "a", "site": "x.com"}, id="access"),
        pytest.param("/reviews/d-1", {"outcome": "approve"}, id="review"),
        pytest.param("/moderation/c-1", {"outcome": "publish"}, id="moderation"),
        pytest.param("/login", {"key": "attacker-key"}, id="login-csrf"),
    ],
)
@pytest.mark.parametrize("sent", [None, "forged-token-of-the-right-length-0123456789"])
def test_a_form_without_the_right_token_is_refused(
    client: TestClient, path: str, data: dict[str, str], sent: str | None
) -> None:
    token(client)
    response = client.post(
        path, data={**data, **({"csrf_token": sent} if sent else {})}, follow_redirects=False
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf"
    assert "govern_key" not in response.headers.get("set-cookie", "")


def test_login_with_the_token_sets_the_key_cookie(client: TestClient) -> None:
    response = client.post(
        "/login", data={"key": "k", "csrf_token": token(client), "next": "/reviews"}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/reviews"
    assert "govern_key=k" in response.headers["set-cookie"]


# --- other sites and host names ---------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"origin": EVIL}, id="origin"),
        pytest.param({"origin": "null"}, id="null-origin"),
        pytest.param({"referer": EVIL + "/attack.html"}, id="referer"),
        pytest.param({"sec-fetch-site": "cross-site"}, id="fetch-metadata"),
        pytest.param({"sec-fetch-site": "same-site"}, id="sibling-subdomain"),
    ],
)
def test_cross_site_posts_are_refused_in_open_mode(
    client: TestClient, store: SqlStore, headers: dict[str, str]
) -> None:
    decision = referral(client)
    before = client.get("/healthz").json()["digest"]
    approve = client.post(f"/v1/referrals/{decision}/approve", json={}, headers=headers)
    reload = client.post("/v1/policies/reload", headers=headers)
    form = client.post(
        f"/reviews/{decision}", data={"outcome": "approve", "csrf_token": token(client)}, headers=headers
    )
    assert [r.status_code for r in (approve, reload, form)] == [403, 403, 403]
    assert approve.json()["error"]["code"] == "cross_site"
    assert open_referrals(store) == [decision]
    assert client.get("/healthz").json()["digest"] == before


def test_an_api_call_with_a_key_header_is_no_forgery(client: TestClient, store: SqlStore) -> None:
    """The composer extension calls from its own origin with the officer's key in a header, which
    no page can make a browser send (a form cannot set it; CORS admits only the extension)."""
    origin = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
    extension = {"origin": origin, "sec-fetch-site": "cross-site"}
    draft = {"text": "Going forward we will leverage the hub.", "platform": "x"}
    keyed = client.post("/v1/drafts/checks", json=draft, headers={**extension, "authorization": "Bearer k"})
    assert keyed.status_code == 200 and keyed.json()["verdict"] == "revise"
    bare = client.post("/v1/drafts/checks", json=draft, headers=extension)
    assert bare.status_code == 403 and bare.json()["error"]["code"] == "cross_site"


def test_same_origin_posts_are_accepted(client: TestClient, store: SqlStore) -> None:
    decision = referral(client)
    same = {"origin": LOCAL, "sec-fetch-site": "same-origin"}
    response = client.post(f"/v1/referrals/{decision}/approve", json={"reason": "ok"}, headers=same)
    assert response.status_code == 200 and open_referrals(store) == []


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        pytest.param(FORM, b"reason=x", id="form"),
        pytest.param("text/plain", b'{"reason": "x"}', id="text-plain"),
        pytest.param("multipart/form-data; boundary=x", b"--x--", id="multipart"),
        pytest.param(None, b'{"reason": "x"}', id="no-type"),
    ],
)
def test_the_api_takes_json_only(
    client: TestClient, store: SqlStore, content_type: str | None, body: bytes
) -> None:
    decision = referral(client)
    headers = {"content-type": content_type} if content_type else {}
    response = client.post(f"/v1/referrals/{decision}/approve", content=body, headers=headers)
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"
    assert open_referrals(store) == [decision]


@pytest.mark.parametrize(
    ("host", "status"),
    [
        pytest.param("127.0.0.1:8000", 200, id="loopback-ip"),
        pytest.param("localhost:8000", 200, id="localhost"),
        pytest.param("[::1]:8000", 200, id="ipv6-loopback"),
        pytest.param("evil.example", 400, id="dns-rebinding"),
        pytest.param("127.0.0.1.evil.example", 400, id="lookalike"),
        pytest.param("", 400, id="no-host"),
    ],
)
def test_open_mode_answers_loopback_host_names_only(client: TestClient, host: str, status: int) -> None:
    response = client.get("/healthz", headers={"host": host})
    assert response.status_code == status
    if status == 400:
        assert response.json()["error"]["code"] == "invalid_host"


def test_configured_hosts_are_answered(store: SqlStore) -> None:
    app = create_app(
        str(DEFAULT_PACK), store, open_access=False, web=WebSettings.of(["govern.council.example"])
    )
    client = TestClient(app, base_url="https://govern.council.example")
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz", headers={"host": "evil.example"}).status_code == 400
    origin = {"origin": "https://govern.council.example"}
    signed = client.post(
        "/login", data={"csrf_token": token(client), "key": "k"}, headers=origin, follow_redirects=False
    )
    assert signed.status_code == 303


# --- cookies behind a TLS proxy ----------------------------------------------------------------


@pytest.mark.parametrize(("trusted", "secure"), [(True, True), (False, False)])
def test_cookies_are_secure_only_behind_a_trusted_tls_proxy(
    store: SqlStore, trusted: bool, secure: bool
) -> None:
    app = create_app(
        str(DEFAULT_PACK), store, open_access=True, web=WebSettings.of(trust_forwarded_proto=trusted)
    )
    client = TestClient(app, base_url=LOCAL)
    proxied = {"x-forwarded-proto": "https"}
    page = client.get("/policy", headers=proxied)
    name = "__Host-govern_csrf" if secure else "govern_csrf"
    issued = page.headers["set-cookie"]
    assert issued.startswith(f"{name}=") and ("; Secure" in issued) is secure
    signed = client.post(
        "/login",
        data={"key": "k", "csrf_token": page.cookies[name]},
        headers={**proxied, "cookie": f"{name}={page.cookies[name]}"},
        follow_redirects=False,
    )
    assert signed.status_code == 303
    assert ("secure" in signed.headers["set-cookie"].lower()) is secure


# --- headers -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/reviews", "/moderation", "/policy", "/v1/referrals", "/healthz"])
def test_security_headers_on_pages_and_answers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cache-control"] == "no-store"


def test_refusals_carry_the_headers_too(client: TestClient) -> None:
    refused = client.get("/healthz", headers={"host": "evil.example"})
    assert refused.headers["x-frame-options"] == "DENY" and refused.headers["cache-control"] == "no-store"


def test_static_files_keep_their_caching(client: TestClient) -> None:
    response = client.get("/static/govern.css")
    assert response.status_code == 200 and "cache-control" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script_or_style(client: TestClient, store: SqlStore) -> None:
    referral(client)
    held(store, "c-1")
    for path in ("/", "/access", "/reviews", "/moderation", "/policy"):
        text = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), path
        assert " style=" not in text and "<style" not in text, path


def test_docs_do_not_load_a_cdn_and_the_schema_stays(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").json()["info"]["title"] == "govern"


# --- moderation and review actions -----------------------------------------------------------------


def test_a_comment_id_cannot_reach_the_review_form(client: TestClient, store: SqlStore) -> None:
    decision = referral(client)
    held(store, f"../reviews/{decision}")
    page = client.get("/moderation").text
    [action] = re.findall(r'<form method="post" action="([^"]+)"', page)
    assert action == f"/moderation/..%2Freviews%2F{decision}"
    response = client.post(action, data={"outcome": "remove", "csrf_token": token(client)})
    assert response.status_code == 200 and "The comment was removed." in response.text
    assert open_referrals(store) == [decision]  # the referral was not rejected
    assert store.comments("hold") == []


@pytest.mark.parametrize("outcome", ["remove", "publish", "", "approved", "APPROVE"])
def test_a_review_form_with_an_unknown_outcome_is_refused(
    client: TestClient, store: SqlStore, outcome: str
) -> None:
    decision = referral(client)
    response = client.post(f"/reviews/{decision}", data={"outcome": outcome, "csrf_token": token(client)})
    assert response.status_code == 422 and "Choose Approve or Reject." in response.text
    assert open_referrals(store) == [decision]


@pytest.mark.parametrize(
    ("setup", "status", "text"),
    [
        pytest.param(None, 404, "There is no such comment.", id="unknown"),
        pytest.param("remove", 409, "no longer held", id="removed"),
        pytest.param("publish", 409, "no longer held", id="published"),
    ],
)
def test_only_held_comments_can_be_published(
    client: TestClient, store: SqlStore, setup: str | None, status: int, text: str
) -> None:
    if setup:
        held(store, "c-1")
        store.set_comment_action("c-1", setup)
    response = client.post("/moderation/c-1", data={"outcome": "publish", "csrf_token": token(client)})
    assert response.status_code == status and text in response.text
    expected = ["c-1"] if setup == "publish" else []  # a removed or unknown comment is never published
    assert [c["comment_id"] for c in store.comments("publish")] == expected


def test_a_moderation_form_with_an_unknown_outcome_is_refused(client: TestClient, store: SqlStore) -> None:
    held(store, "c-1")
    response = client.post("/moderation/c-1", data={"outcome": "approve", "csrf_token": token(client)})
    assert response.status_code == 422
    assert [c["comment_id"] for c in store.comments("hold")] == ["c-1"]


def test_reposting_a_comment_id_keeps_the_held_comment(client: TestClient, store: SqlStore) -> None:
    insult = "The woman on the phone was a thick idiot."
    comment = {"text": insult, "channel": "facebook-page", "comment_id": "c-9"}
    assert client.post("/v1/comments/moderations", json=comment).json()["action"] == "hold"
    again = client.post("/v1/comments/moderations", json={**comment, "text": "Thanks for fixing it!"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"
    assert [c["comment_id"] for c in store.comments("hold")] == ["c-9"]


def test_keys_mode_needs_no_loopback_host(store: SqlStore) -> None:
    store.add_key("k1", "lead", "reviewer", hashlib.sha256(b"lead-key").hexdigest())
    client = TestClient(
        create_app(str(DEFAULT_PACK), store, open_access=False), base_url="http://govern.internal"
    )
    assert client.get("/v1/referrals", headers={"x-api-key": "lead-key"}).status_code == 200


@pytest.mark.parametrize("outcome", ["publish", "remove"])
def test_a_moderation_outcome_is_logged_with_the_signed_in_key_in_one_transaction(
    store: SqlStore, outcome: str
) -> None:
    store.add_key("k1", "lead", "reviewer", hashlib.sha256(b"lead-key").hexdigest())
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=False), base_url=LOCAL)
    client.cookies.set("govern_key", "lead-key")
    held(store, "c-1")
    before = store.log()[-1].seq
    response = client.post("/moderation/c-1", data={"outcome": outcome, "csrf_token": token(client)})
    assert response.status_code == 200
    written = [(r.kind, r.actor) for r in store.log() if r.seq > before]
    assert written[:2] == [("comment", "lead"), ("review", "lead")]  # never "web"
    assert {actor for _, actor in written} == {"lead"}  # the moderator's reason record too
    # One transaction: one anchor in the head file per commit, so only the second record has one.
    anchored = [line.split()[0] for line in store.head.path.read_text().splitlines()]
    assert str(before + 1) not in anchored and str(before + 2) in anchored
    assert store.verify() is None
