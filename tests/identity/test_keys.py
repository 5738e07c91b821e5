"""The provider's keys and settings without a provider: the JWKS cache, its refresh on an unknown
key id and the bound on refreshes, and the settings govern refuses to start with."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey
from pydantic import ValidationError

from govern.identity.oidc import KEYS_REFRESH_MIN_SECONDS, Provider, TokenRejected
from govern.identity.settings import OidcSettings

ISSUER = "https://login.example.gov.uk/tenant/v2.0"
AUDIENCE = "api://govern"


def key(kid: str) -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig"})


OLD, NEW, STRANGER = key("old"), key("new"), key("stranger")


class FakeProvider:
    """Discovery and a JWKS whose keys the test changes; counts the JWKS fetches."""

    def __init__(self, *keys: RSAKey) -> None:
        self.published: list[dict[str, Any]] = [k.as_dict(private=False) for k in keys]
        self.fetches = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/.well-known/openid-configuration"):
            return httpx.Response(
                200,
                json={
                    "issuer": ISSUER,
                    "authorization_endpoint": ISSUER + "/authorize",
                    "token_endpoint": ISSUER + "/token",
                    "jwks_uri": "https://login.example.gov.uk/keys",
                },
            )
        self.fetches += 1
        return httpx.Response(200, json={"keys": self.published})


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def provider(fake: FakeProvider, clock: Clock) -> Provider:
    settings = OidcSettings(issuer=ISSUER, audience=AUDIENCE)
    return Provider(settings, transport=httpx.MockTransport(fake), monotonic=clock)


def token(signing: RSAKey) -> str:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": AUDIENCE, "exp": now + 300, "azp": "desk", "roles": ["requester"]}
    return jwt.encode({"alg": "RS256", "kid": signing.kid}, claims, signing)


def accepted(p: Provider, signing: RSAKey) -> bool:
    try:
        asyncio.run(p.validate(token(signing), AUDIENCE))
    except TokenRejected:
        return False
    return True


def test_the_keys_are_fetched_once_and_kept() -> None:
    fake, clock = FakeProvider(OLD), Clock()
    p = provider(fake, clock)
    assert accepted(p, OLD) and accepted(p, OLD) and accepted(p, OLD)
    assert fake.fetches == 1
    clock.now += 3601  # an hour later: fetched again
    assert accepted(p, OLD) and fake.fetches == 2


def test_an_unknown_key_id_fetches_the_keys_again_within_a_bound() -> None:
    fake, clock = FakeProvider(OLD), Clock()
    p = provider(fake, clock)
    assert accepted(p, OLD) and fake.fetches == 1
    clock.now += KEYS_REFRESH_MIN_SECONDS + 1
    fake.published.append(NEW.as_dict(private=False))  # the provider rotates its keys
    assert accepted(p, NEW) and fake.fetches == 2  # refreshed on the unknown kid, then accepted
    for _ in range(20):  # a stream of made-up key ids, within the bound of that refresh
        assert not accepted(p, STRANGER)
    assert fake.fetches == 2  # no fetch at all
    clock.now += KEYS_REFRESH_MIN_SECONDS + 1
    for _ in range(20):
        assert not accepted(p, STRANGER)
    assert fake.fetches == 3  # one fetch for the first, none for the rest


def test_symmetric_and_encryption_keys_in_the_jwks_are_ignored() -> None:
    fake, clock = FakeProvider(OLD), Clock()
    fake.published.append({"kty": "oct", "kid": "shared", "k": "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"})
    encryption = NEW.as_dict(private=False) | {"use": "enc"}
    fake.published.append(encryption)
    p = provider(fake, clock)
    assert accepted(p, OLD)
    assert not accepted(p, NEW)  # published for encryption only
    hs = jwt.encode({"alg": "HS256", "kid": "shared"}, {"iss": ISSUER, "aud": AUDIENCE, "exp": 2**31}, _oct())
    with pytest.raises(TokenRejected, match="algorithm 'HS256'"):
        asyncio.run(p.validate(hs, AUDIENCE))


def _oct() -> Any:
    from joserfc.jwk import OctKey

    return OctKey.import_key("secret-secret-secret-secret-secret")


def test_an_id_token_needs_the_nonce_of_this_sign_in() -> None:
    fake, clock = FakeProvider(OLD), Clock()
    p = provider(fake, clock)
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": "govern-web", "exp": now + 300, "nonce": "n-1"}
    signed = jwt.encode({"alg": "RS256", "kid": "old"}, claims, OLD)
    assert asyncio.run(p.validate(signed, "govern-web", nonce="n-1"))["nonce"] == "n-1"
    with pytest.raises(TokenRejected, match="nonce"):
        asyncio.run(p.validate(signed, "govern-web", nonce="n-2"))
    shared = jwt.encode({"alg": "RS256", "kid": "old"}, claims | {"aud": ["govern-web", "other"]}, OLD)
    with pytest.raises(TokenRejected, match="azp"):
        asyncio.run(p.validate(shared, "govern-web", nonce="n-1"))


SIGN_IN = {
    "issuer": ISSUER,
    "client_id": "govern-web",
    "client_secret": "s",
    "redirect_uri": "https://govern.example.gov.uk/auth/callback",
    "session_secret": "x" * 32,
}


@pytest.mark.parametrize(
    ("change", "says"),
    [
        pytest.param({"issuer": "http://login.example.gov.uk/"}, "must use https", id="plain-http-issuer"),
        pytest.param(
            {"redirect_uri": "http://govern.example.gov.uk/cb"}, "must use https", id="http-redirect"
        ),
        pytest.param({"session_secret": "short"}, "32 characters", id="short-session-secret"),
        pytest.param({"session_secret": None}, "32 characters", id="no-session-secret"),
        pytest.param({"client_secret": None}, "CLIENT_SECRET", id="no-client-secret"),
        pytest.param({"algorithms": ["HS256"]}, "algorithms may be only", id="hmac-algorithm"),
        pytest.param({"algorithms": ["none"]}, "algorithms may be only", id="alg-none"),
        pytest.param({"role_map": {"R": {"role": "overlord"}}}, "role", id="unknown-role"),
        pytest.param({"role_map": {"R": {"queues": ["it security"]}}}, "queue name", id="bad-queue-name"),
        pytest.param({"redirect_uri": "", "client_id": ""}, "neither sign-in", id="nothing-to-do"),
    ],
)
def test_unusable_settings_are_refused_naming_the_problem(change: dict[str, Any], says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        OidcSettings(**(SIGN_IN | change))


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert OidcSettings.from_env() is None  # no issuer: API keys only
    for name, value in SIGN_IN.items():
        monkeypatch.setenv(f"GOVERN_OIDC_{name.upper()}", str(value))
    monkeypatch.setenv(
        "GOVERN_OIDC_ROLE_MAP",
        json.dumps({"Govern.ITSecurity": {"role": "reviewer", "queues": ["it-security"]}}),
    )
    settings = OidcSettings.from_env()
    assert settings is not None and settings.sign_in and not settings.bearer
    assert settings.role_map["Govern.ITSecurity"].queues == ["it-security"]
    assert settings.roles_claim == "roles" and settings.id_claim == "preferred_username"


@pytest.mark.parametrize(
    ("roles", "needs", "allowed"),
    [
        pytest.param({"requester"}, "requester", True, id="requester-requester"),
        pytest.param({"requester"}, "reviewer", False, id="requester-not-reviewer"),
        pytest.param({"reviewer"}, "requester", True, id="reviewer-includes-requester"),
        pytest.param({"reviewer"}, "admin", False, id="reviewer-not-admin"),
        pytest.param({"admin"}, "intake", True, id="admin-everything"),
        pytest.param({"intake"}, "requester", True, id="intake-asks-like-a-requester"),
        pytest.param({"intake"}, "reviewer", False, id="intake-not-reviewer"),
        pytest.param({"provisioning"}, "requester", False, id="provisioning-only-itself"),
        pytest.param({"provisioning"}, "provisioning", True, id="provisioning-itself"),
        pytest.param({"requester", "intake"}, "intake", True, id="several-roles"),
    ],
)
def test_a_principals_roles_admit_what_keys_roles_admit(roles: set[str], needs: str, allowed: bool) -> None:
    from govern.api.errors import ApiError
    from govern.api.signin import check_role
    from govern.identity.model import Principal

    who = Principal(id="someone", roles=frozenset(roles), via="bearer")
    try:
        check_role(who, needs)
    except ApiError as exc:
        assert not allowed and exc.status == 403 and needs in exc.message
    else:
        assert allowed
