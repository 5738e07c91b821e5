"""Sign-in with OpenID Connect against a real provider (Node's certified oidc-provider): discovery,
the authorisation code flow with PKCE, roles from the token, the session cookie, and sign-out."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.identity.model import Person
from govern.identity.oidc import Provider
from govern.identity.settings import OidcSettings
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK, LOCAL
from tests.identity.provider import WEB_CLIENT, RunningProvider, form, interact

CALLBACK = f"{LOCAL}/auth/callback"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    sqlite = SqlStore(str(tmp_path / "govern.db"))
    yield sqlite
    sqlite.close()


@pytest.fixture
def govern(provider: RunningProvider, store: SqlStore) -> Iterator[TestClient]:
    settings = OidcSettings(**provider.settings())
    with TestClient(create_app(str(DEFAULT_PACK), store, oidc=settings), base_url=LOCAL) as client:
        yield client


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    """The person's browser at the provider (its own cookies: the provider's session)."""
    with httpx.Client(follow_redirects=False, timeout=10) as client:
        yield client


def sign_in(
    govern: TestClient, browser: httpx.Client, login: str, next_page: str = "/access"
) -> httpx.Response:
    """The whole sign-in: govern → provider (login, consent) → govern's callback. The callback's answer."""
    started = govern.get("/login", params={"next": next_page}, follow_redirects=False)
    assert started.status_code == 303
    back = interact(browser, started.headers["location"], login, CALLBACK)
    answer: httpx.Response = govern.get(back.removeprefix(LOCAL), follow_redirects=False)
    return answer


def csrf(client: TestClient) -> str:
    client.get("/policy")
    return str(client.cookies["govern_csrf"])


# --- discovery ----------------------------------------------------------------------------------


def test_discovery_finds_the_endpoints(provider: RunningProvider) -> None:
    meta = asyncio.run(Provider(OidcSettings(**provider.settings())).metadata())
    assert meta.issuer == provider.issuer
    assert meta.authorization_endpoint == f"{provider.issuer}/auth"
    assert meta.token_endpoint == f"{provider.issuer}/token"
    assert meta.jwks_uri == f"{provider.issuer}/jwks"
    assert meta.end_session_endpoint == f"{provider.issuer}/session/end"
    assert "S256" in meta.code_challenge_methods


def test_a_discovery_document_for_another_issuer_is_refused(provider: RunningProvider) -> None:
    from govern.identity.oidc import ProviderUnavailable

    # The same server under another name (127.0.0.1, not localhost): its document names localhost.
    other = provider.issuer.replace("localhost", "127.0.0.1")
    with pytest.raises(ProviderUnavailable, match="names issuer"):
        asyncio.run(Provider(OidcSettings(**provider.settings(issuer=other))).metadata())


# --- the authorisation code flow -------------------------------------------------------------------


def test_login_sends_the_browser_to_the_provider_with_pkce_state_and_nonce(govern: TestClient) -> None:
    started = govern.get("/login", params={"next": "/reviews"}, follow_redirects=False)
    assert started.status_code == 303
    url = urlsplit(started.headers["location"])
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert query["response_type"] == "code" and query["client_id"] == WEB_CLIENT
    assert query["redirect_uri"] == CALLBACK and "openid" in query["scope"].split()
    assert query["code_challenge_method"] == "S256"
    assert len(query["state"]) >= 32 and len(query["nonce"]) >= 32
    cookie = started.headers["set-cookie"]
    assert "govern_oidc_flow=" in cookie and "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    assert "Path=/auth" in cookie
    payload = cookie.split("govern_oidc_flow=")[1].split(".")[0]
    flow = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    digest = hashlib.sha256(flow["verifier"].encode()).digest()
    assert query["code_challenge"] == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert flow["state"] == query["state"] and flow["nonce"] == query["nonce"] and flow["next"] == "/reviews"


def test_an_officer_signs_in_and_lands_on_the_page_as_themselves(
    govern: TestClient, browser: httpx.Client
) -> None:
    answer = sign_in(govern, browser, "alice.officer")
    assert answer.status_code == 303 and answer.headers["location"] == "/access"
    cookie = answer.headers["set-cookie"]
    assert "govern_session=" in cookie and "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    assert "Max-Age=28800" in cookie and "Secure" not in cookie  # 8 hours; plain http on loopback
    page = govern.get("/access")
    assert page.status_code == 200
    assert "Signed in as <strong>alice.officer</strong>" in page.text  # case-folded from ALICE.OFFICER
    grants = govern.get("/v1/grants")  # the API under the session too: a requester sees their own
    assert grants.status_code == 200
    assert govern.get("/v1/grants", params={"requester": "someone.else"}).status_code == 403


def test_the_checked_draft_is_recorded_under_the_signed_in_person(
    govern: TestClient, browser: httpx.Client, store: SqlStore
) -> None:
    sign_in(govern, browser, "alice.officer", "/")
    answer = govern.post(
        "/", data={"text": "Our libraries open late on Thursdays.", "csrf_token": csrf(govern)}
    )
    assert answer.status_code == 200
    assert [e.actor for e in store.log() if e.kind == "check"] == ["alice.officer"]


@pytest.mark.parametrize(
    ("login", "page", "status"),
    [
        pytest.param("alice.officer", "/reviews", 403, id="officer-not-reviewer"),
        pytest.param("mo.manager", "/reviews", 403, id="manager-role-is-requester"),
        pytest.param("rita.reviewer", "/reviews", 200, id="it-security-reviewer"),
        pytest.param("rita.reviewer", "/access", 200, id="reviewer-includes-requester"),
    ],
)
def test_roles_come_from_the_roles_claim_through_the_map(
    govern: TestClient, browser: httpx.Client, login: str, page: str, status: int
) -> None:
    assert sign_in(govern, browser, login).status_code == 303
    assert govern.get(page).status_code == status


@pytest.mark.parametrize(
    ("login", "says"),
    [
        pytest.param("nora.noroles", "has no govern role", id="no-role"),
        pytest.param("bad name", "cannot be used in govern", id="id-breaks-the-name-rules"),
    ],
)
def test_sign_in_is_refused_for_someone_govern_cannot_let_in(
    govern: TestClient, browser: httpx.Client, login: str, says: str
) -> None:
    answer = sign_in(govern, browser, login)
    assert answer.status_code == 403 and says in answer.text
    assert "govern_session" not in answer.headers.get("set-cookie", "")


def test_a_reviewer_queue_comes_from_the_map(provider: RunningProvider) -> None:
    from govern.identity.oidc import principal

    settings = OidcSettings(**provider.settings())
    who = principal(
        {"preferred_username": "Rita.Reviewer", "roles": ["Govern.Reviewer.ITSecurity", "Other"]},
        settings,
        "session",
    )
    assert who.id == "rita.reviewer" and who.roles == {"reviewer"} and who.queues == {"it-security"}
    assert who.via == "session"


@pytest.mark.parametrize(
    ("tamper", "says"),
    [
        pytest.param(lambda q: {**q, "state": "x" * 43}, "(state)", id="state-mismatch"),
        pytest.param(lambda q: {**q, "iss": "https://evil.example"}, "another provider", id="iss-mix-up"),
        pytest.param(lambda q: {k: v for k, v in q.items() if k != "code"}, "no code", id="no-code"),
        pytest.param(lambda q: {**q, "code": "made-up"}, "refused the code", id="made-up-code"),
        pytest.param(
            lambda q: {"state": q["state"], "error": "access_denied", "error_description": "<b>no</b>"},
            "The sign-in provider refused: &lt;b&gt;no&lt;/b&gt;",
            id="provider-refused-shown-escaped",
        ),
    ],
)
def test_a_callback_that_does_not_match_the_sign_in_is_refused(
    govern: TestClient, browser: httpx.Client, tamper: Any, says: str
) -> None:
    started = govern.get("/login", follow_redirects=False)
    back = interact(browser, started.headers["location"], "alice.officer", CALLBACK)
    query = {k: v[0] for k, v in parse_qs(urlsplit(back).query).items()}
    answer = govern.get("/auth/callback", params=tamper(query), follow_redirects=False)
    assert answer.status_code in (400, 403) and says in answer.text
    assert "govern_session" not in answer.headers.get("set-cookie", "")


def test_a_callback_without_the_flow_cookie_is_refused(govern: TestClient, browser: httpx.Client) -> None:
    started = govern.get("/login", follow_redirects=False)
    back = interact(browser, started.headers["location"], "alice.officer", CALLBACK)
    govern.cookies.clear()  # the callback arrives in another browser (a login CSRF attempt)
    answer = govern.get(back.removeprefix(LOCAL), follow_redirects=False)
    assert answer.status_code == 400 and "expired or was started elsewhere" in answer.text


def test_a_code_is_used_once(govern: TestClient, browser: httpx.Client) -> None:
    started = govern.get("/login", follow_redirects=False)
    flow = govern.cookies["govern_oidc_flow"]
    back = interact(browser, started.headers["location"], "alice.officer", CALLBACK)
    assert govern.get(back.removeprefix(LOCAL), follow_redirects=False).status_code == 303
    govern.cookies.set("govern_oidc_flow", flow, path="/auth")
    again = govern.get(back.removeprefix(LOCAL), follow_redirects=False)
    assert again.status_code == 403 and "refused the code" in again.text


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("https://evil.example/", id="absolute"),
        pytest.param("//evil.example/", id="scheme-relative"),
        pytest.param("/\\evil.example", id="backslash"),
        pytest.param("/\t/evil.example", id="tab-dropped-by-browsers"),
        pytest.param("/\n/evil.example", id="newline"),
    ],
)
def test_next_never_leaves_the_site(govern: TestClient, browser: httpx.Client, target: str) -> None:
    assert sign_in(govern, browser, "alice.officer", target).headers["location"] == "/"


# --- the session cookie ------------------------------------------------------------------------


def test_an_altered_session_cookie_signs_nobody_in(govern: TestClient, browser: httpx.Client) -> None:
    sign_in(govern, browser, "alice.officer")
    payload, mac = govern.cookies["govern_session"].split(".")
    body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    body |= {"sub": "chief.executive", "roles": ["admin"]}
    forged = base64.urlsafe_b64encode(json.dumps(body).encode()).rstrip(b"=").decode()
    govern.cookies.set("govern_session", f"{forged}.{mac}")
    assert govern.get("/reviews").status_code == 401


def test_a_flow_cookie_cannot_pass_for_a_session(govern: TestClient) -> None:
    govern.get("/login", follow_redirects=False)
    govern.cookies.set("govern_session", govern.cookies["govern_oidc_flow"])
    assert govern.get("/access").status_code == 401


def test_an_expired_session_signs_nobody_in(provider: RunningProvider, store: SqlStore) -> None:
    from govern.identity.session import Signer

    signer = Signer(provider.settings()["session_secret"], "session")
    body = {"sub": "alice.officer", "roles": ["requester"], "queues": []}
    settings = OidcSettings(**provider.settings())
    with TestClient(create_app(str(DEFAULT_PACK), store, oidc=settings), base_url=LOCAL) as client:
        client.cookies.set("govern_session", signer.sign(body, 60))
        assert client.get("/access").status_code == 200
        client.cookies.set("govern_session", signer.sign(body, -1))
        assert client.get("/access").status_code == 401


def test_the_unauthenticated_page_offers_the_council_sign_in(govern: TestClient) -> None:
    page = govern.get("/reviews", headers={"accept": "text/html"})
    assert page.status_code == 401
    assert 'href="/login?next=%2Freviews"' in page.text and "Sign in with your council account" in page.text
    assert 'name="key"' in page.text  # the API-key sign-in stays


def test_with_a_provider_the_service_is_never_open(govern: TestClient) -> None:
    assert govern.get("/v1/grants").status_code == 401


# --- sign-out -----------------------------------------------------------------------------------


def test_sign_out_ends_the_session_here_and_at_the_provider(
    govern: TestClient, browser: httpx.Client, provider: RunningProvider
) -> None:
    sign_in(govern, browser, "alice.officer")
    assert govern.get("/logout").status_code == 200  # asks first: sign-out is a form post
    answer = govern.post("/logout", data={"csrf_token": csrf(govern)})
    assert answer.status_code == 200 and "You have signed out of govern" in answer.text
    assert 'govern_session=""' in answer.headers["set-cookie"]
    assert govern.get("/access").status_code == 401
    refresh = answer.headers["refresh"]
    end = refresh.removeprefix("0;url=")
    assert end.startswith(f"{provider.issuer}/session/end?")
    query = {k: v[0] for k, v in parse_qs(urlsplit(end).query).items()}
    assert query["client_id"] == WEB_CLIENT and query["post_logout_redirect_uri"] == f"{LOCAL}/"
    assert query["id_token_hint"].count(".") == 2
    # At the provider: its confirmation, then back to govern.
    page = browser.get(end)
    assert page.status_code == 200
    action, fields = form(page.text, end)
    done = browser.post(action, data={**fields, "logout": "yes"})
    assert done.is_redirect
    after = browser.get(done.headers["location"]) if not done.headers["location"].startswith(LOCAL) else done
    assert after.headers["location"].startswith(f"{LOCAL}/")
    # The provider's session is gone: signing in again asks for the login again.
    url = govern.get("/login", follow_redirects=False).headers["location"]
    landing = browser.get(url)
    while landing.is_redirect:
        url = urljoin(url, landing.headers["location"])
        assert not url.startswith(LOCAL), "signed in again without a login"
        landing = browser.get(url)
    assert form(landing.text, url)[1].get("prompt") == "login"


def test_sign_out_needs_the_form_token(govern: TestClient, browser: httpx.Client) -> None:
    sign_in(govern, browser, "alice.officer")
    assert govern.post("/logout", data={}).status_code == 403
    assert govern.get("/access").status_code == 200


class Directory:
    """The directory as SCIM provisioning keeps it: who is a leaver."""

    def __init__(self, *leavers: str) -> None:
        self.leavers = set(leavers)

    def person(self, person_id: str) -> Person | None:
        return Person(id=person_id, active=person_id not in self.leavers)


def test_a_leaver_is_signed_out_and_cannot_sign_in_again(
    govern: TestClient, browser: httpx.Client, provider: RunningProvider
) -> None:
    directory = Directory()
    govern.app.state.sources = SimpleNamespace(directory=directory)  # type: ignore[attr-defined]
    sign_in(govern, browser, "alice.officer")
    assert govern.get("/access").status_code == 200
    token = provider.machine_token("service-desk")
    assert govern.get("/v1/grants", headers={"authorization": f"Bearer {token}"}).status_code == 200
    directory.leavers |= {"alice.officer", "service-desk"}  # SCIM: active=false
    assert govern.get("/access").status_code == 401  # the live session stops at once
    assert govern.get("/v1/grants", headers={"authorization": f"Bearer {token}"}).status_code == 401
    again = sign_in(govern, browser, "alice.officer")
    assert again.status_code == 403 and "no longer active" in again.text


def test_over_https_the_cookies_are_secure_and_host_only(
    provider: RunningProvider, store: SqlStore, browser: httpx.Client
) -> None:
    https = "https://127.0.0.1"
    settings = OidcSettings(**provider.settings(base=https))
    with TestClient(create_app(str(DEFAULT_PACK), store, oidc=settings), base_url=https) as client:
        started = client.get("/login", follow_redirects=False)
        assert "Secure" in started.headers["set-cookie"]  # the flow cookie
        back = interact(browser, started.headers["location"], "alice.officer", f"{https}/auth/callback")
        answer = client.get(back.removeprefix(https), follow_redirects=False)
        cookie = answer.headers["set-cookie"]
        assert cookie.startswith("__Host-govern_session=") and "Secure" in cookie and "HttpOnly" in cookie
        assert "Path=/" in cookie and "Domain" not in cookie
        assert client.get("/access").status_code == 200


def test_a_reviewer_with_a_named_queue_reviews_only_that_queue(
    govern: TestClient, browser: httpx.Client, store: SqlStore
) -> None:
    from tests.access.test_engine import request as access_request

    store.add_key("id-admin", "the-admin", "admin", hashlib.sha256(b"gvk_admin").hexdigest())
    admin = {"authorization": "Bearer gvk_admin"}
    made = {}
    for queue, changes in {
        "digital-team": {"access": "manage"},
        "it-security": {"site": "uncatalogued-forum.example.org", "access": "read"},
    }.items():
        body = govern.post("/v1/access/decisions", json=access_request(**changes), headers=admin).json()
        assert body["decision"] == "refer" and body["refer_to"] == queue
        made[queue] = body["decision_id"]
    sign_in(govern, browser, "rita.reviewer")  # Govern.Reviewer.ITSecurity: queue it-security
    assert [r["refer_to"] for r in govern.get("/v1/referrals").json()] == ["it-security"]
    page = govern.get("/reviews").text
    assert made["it-security"] in page and made["digital-team"] not in page
    refused = govern.post(f"/v1/referrals/{made['digital-team']}/approve", json={})
    assert refused.status_code == 403 and "digital-team queue" in refused.json()["error"]["message"]
    assert govern.post(f"/v1/referrals/{made['it-security']}/approve", json={}).status_code == 200
    assert len(govern.get("/v1/referrals", headers=admin).json()) == 1  # an admin sees every queue
