"""The API accepts the provider's OAuth 2.0 bearer tokens (client credentials), checked against its
JWKS: issuer, audience, expiry and not-before, an asymmetric algorithm, a published key. API keys
keep working beside them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from fastapi.testclient import TestClient
from joserfc.jwk import RSAKey

from govern.api.app import create_app
from govern.identity.settings import OidcSettings
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK, LOCAL
from tests.identity.provider import OTHER_API, RunningProvider


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    sqlite = SqlStore(str(tmp_path / "govern.db"))
    yield sqlite
    sqlite.close()


@pytest.fixture
def api(provider: RunningProvider, store: SqlStore) -> Iterator[TestClient]:
    settings = OidcSettings(**provider.settings())
    with TestClient(create_app(str(DEFAULT_PACK), store, oidc=settings), base_url=LOCAL) as client:
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_a_machine_token_from_the_provider_is_accepted(
    api: TestClient, provider: RunningProvider, store: SqlStore
) -> None:
    token = provider.machine_token("service-desk")
    answer = api.post(
        "/v1/drafts/checks",
        json={"text": "Bins are collected on Monday.", "platform": "x"},
        headers=bearer(token),
    )
    assert answer.status_code == 200
    assert [e.actor for e in store.log() if e.kind == "check"] == ["service-desk"]  # the client, not "web"


@pytest.mark.parametrize(
    ("client", "path", "status"),
    [
        pytest.param("service-desk", "/v1/grants", 200, id="requester-reads-own-grants"),
        pytest.param("service-desk", "/v1/referrals", 403, id="requester-is-not-reviewer"),
        pytest.param("reviewer-bot", "/v1/referrals", 200, id="reviewer-role-from-app-roles"),
        pytest.param("reviewer-bot", "/v1/policies/reload", 403, id="reviewer-is-not-admin"),
    ],
)
def test_roles_come_from_the_tokens_roles_claim(
    api: TestClient, provider: RunningProvider, client: str, path: str, status: int
) -> None:
    headers = bearer(provider.machine_token(client))
    answer = api.post(path, headers=headers) if path.endswith("reload") else api.get(path, headers=headers)
    assert answer.status_code == status


def _tampered(provider: RunningProvider) -> str:
    header, payload, signature = provider.machine_token("service-desk").split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["roles"] = ["Govern.Admin"]
    return f"{header}.{b64(json.dumps(claims).encode())}.{signature}"


def _alg_none(provider: RunningProvider) -> str:
    _, payload, _ = provider.mint({}).split(".")
    return f"{b64(json.dumps({'alg': 'none', 'kid': provider.key.kid}).encode())}.{payload}."


def _hs256_with_the_public_key(provider: RunningProvider) -> str:
    """The classic confusion: HMAC keyed with the provider's public key, which anyone can fetch."""
    public = provider.key.public_key
    pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    _, payload, _ = provider.mint({}).split(".")
    head = b64(json.dumps({"alg": "HS256", "kid": provider.key.kid}).encode())
    return f"{head}.{payload}.{b64(hmac.new(pem, f'{head}.{payload}'.encode(), hashlib.sha256).digest())}"


NOW = int(time.time())
REFUSED: list[tuple[str, Callable[[RunningProvider], str], str]] = [
    ("wrong-audience", lambda p: p.machine_token("service-desk", OTHER_API), "not meant for this service"),
    ("wrong-issuer", lambda p: p.mint({"iss": "https://login.evil.example/v2.0"}), "issued by"),
    ("expired", lambda p: p.mint({"iat": NOW - 7200, "exp": NOW - 3600}), "has expired"),
    ("not-yet-valid", lambda p: p.mint({"nbf": int(time.time()) + 3600}), "not valid yet"),
    ("no-expiry", lambda p: p.mint({"exp": None}), "no expiry"),
    ("tampered-signature", _tampered, "does not verify"),
    ("alg-none", _alg_none, "algorithm 'none'"),
    ("hs256-with-public-key", _hs256_with_the_public_key, "algorithm 'HS256'"),
    (
        "unknown-kid",
        lambda p: p.mint({}, RSAKey.generate_key(2048, parameters={"kid": "not-published"})),
        "does not publish",
    ),
    ("own-key-url", lambda p: p.mint({}, jku="https://evil.example/jwks"), "names its own key"),
    ("not-a-jwt", lambda p: "a.b.c", "not a signed JWT"),
    ("id-token-as-bearer", lambda p: p.mint({"nonce": "n", "aud": "api://govern"}), "ID token"),
]


@pytest.mark.parametrize(("make", "says"), [pytest.param(m, s, id=i) for i, m, s in REFUSED])
def test_a_bad_token_is_refused_saying_why(
    api: TestClient, provider: RunningProvider, make: Callable[[RunningProvider], str], says: str
) -> None:
    answer = api.get("/v1/grants", headers=bearer(make(provider)))
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthenticated"
    assert says in answer.json()["error"]["message"]


def test_the_minted_control_token_is_accepted(api: TestClient, provider: RunningProvider) -> None:
    """The refusals above differ from this token in one thing each: so each refusal is for that."""
    assert api.get("/v1/grants", headers=bearer(provider.mint({}))).status_code == 200


def test_api_keys_keep_working_beside_tokens(api: TestClient, store: SqlStore) -> None:
    store.add_key("id-desk", "desk", "reviewer", hashlib.sha256(b"gvk_desk").hexdigest())
    assert api.get("/v1/referrals", headers=bearer("gvk_desk")).status_code == 200
    assert api.get("/v1/referrals", headers={"x-api-key": "gvk_desk"}).status_code == 200
    assert api.get("/v1/referrals", headers=bearer("gvk_unknown")).status_code == 401


def test_without_an_audience_bearer_tokens_are_not_accepted(
    provider: RunningProvider, store: SqlStore
) -> None:
    settings = OidcSettings(**provider.settings(audience=""))
    with TestClient(create_app(str(DEFAULT_PACK), store, oidc=settings), base_url=LOCAL) as client:
        answer = client.get("/v1/grants", headers=bearer(provider.machine_token("service-desk")))
    assert answer.status_code == 401 and "does not accept bearer tokens" in answer.json()["error"]["message"]
