"""The OpenID provider as govern sees it: discovery, its signing keys, and checking its tokens.

- Discovery: `{issuer}/.well-known/openid-configuration`, whose `issuer` must equal the configured
  one (OpenID Connect Discovery 1.0, §4.3); kept for an hour.
- Keys: the provider's JWKS, kept for an hour and fetched again when a token names a key id it
  does not hold (a key rotation), but at most once every 30 seconds, so a stream of tokens with
  made-up key ids cannot make govern hammer the provider. Public signing keys only, at most 50.
- Tokens: the signature with an allowed asymmetric algorithm (never `none`, never HS*) and a key
  of the right type; then issuer, audience, expiry (required), not-before and issued-at, with a
  small leeway for clocks; for an ID token also the nonce and the authorised party.
- Who: the person's id from a configurable claim (case-folded; it must be a valid govern name),
  or for a machine (client credentials) the client's id; roles and review queues from the roles
  claim through the role map.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import httpx
from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, KeySet, OKPKey, RSAKey

from govern.identity.model import Principal
from govern.identity.settings import SAFE_ALGORITHMS, OidcSettings
from govern.ids import name_problem

METADATA_SECONDS = 3600.0
KEYS_SECONDS = 3600.0
KEYS_REFRESH_MIN_SECONDS = 30.0  # the bound on fetches caused by unknown key ids
MAX_KEYS = 50
MAX_DOCUMENT = 256 * 1024  # bytes of a discovery or JWKS document
MAX_TOKEN = 16 * 1024  # characters of a token
TIMEOUT = 10.0

_KEY_TYPES: dict[str, type[Any]] = {"RS": RSAKey, "PS": RSAKey, "ES": ECKey, "Ed": OKPKey}


class ProviderUnavailable(Exception):
    """The provider could not be reached or answered something unusable."""


class TokenRejected(Exception):
    """A token that is not accepted; the message says why (safe to show: it names no secret)."""


class SignInRefused(Exception):
    """A valid token for someone govern cannot let in (no valid id, no role)."""


@dataclass(frozen=True, slots=True)
class Metadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    end_session_endpoint: str | None
    code_challenge_methods: tuple[str, ...]
    id_token_algorithms: tuple[str, ...]


class Provider:
    """One configured provider: its metadata and keys (cached), and token validation."""

    def __init__(
        self,
        settings: OidcSettings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.issuer = settings.issuer  # compared exactly with each token's `iss`
        self._transport = transport
        self._clock = clock
        self._monotonic = monotonic
        self._metadata: tuple[float, Metadata] | None = None
        self._keys: KeySet | None = None
        self._keys_at = -KEYS_SECONDS  # when the keys were last fetched (monotonic)
        self.key_fetches = 0  # how many times the JWKS was fetched (for tests and metrics)

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=self._transport, timeout=TIMEOUT, follow_redirects=False)

    async def _get_json(self, url: str) -> dict[str, Any]:
        try:
            async with self.client() as http:
                response = await http.get(url, headers={"accept": "application/json"})
        except httpx.HTTPError as exc:
            raise ProviderUnavailable(
                f"the sign-in provider could not be reached ({type(exc).__name__})"
            ) from None
        if response.status_code != 200:
            raise ProviderUnavailable(f"the sign-in provider answered {response.status_code} for {url}")
        if len(response.content) > MAX_DOCUMENT:
            raise ProviderUnavailable(f"the sign-in provider's document at {url} is too large")
        try:
            body = json.loads(response.content)
        except ValueError:
            raise ProviderUnavailable(f"the sign-in provider's document at {url} is not JSON") from None
        if not isinstance(body, dict):
            raise ProviderUnavailable(f"the sign-in provider's document at {url} is not a JSON object")
        return body

    # --- discovery ------------------------------------------------------------------------------

    async def metadata(self) -> Metadata:
        now = self._monotonic()
        if self._metadata and now - self._metadata[0] < METADATA_SECONDS:
            return self._metadata[1]
        try:
            body = await self._get_json(self.issuer.rstrip("/") + "/.well-known/openid-configuration")
            metadata = _metadata(body, self.issuer)
        except ProviderUnavailable:
            if self._metadata:  # the provider is down: keep using what it said last
                return self._metadata[1]
            raise
        self._metadata = (now, metadata)
        return metadata

    # --- keys -----------------------------------------------------------------------------------

    async def _fetch_keys(self) -> KeySet:
        self._keys_at = self._monotonic()  # before the fetch: a failure also counts against the bound
        self.key_fetches += 1
        body = await self._get_json((await self.metadata()).jwks_uri)
        raw = body.get("keys")
        if not isinstance(raw, list):
            raise ProviderUnavailable("the sign-in provider's JWKS has no list of keys")
        public = []
        for item in raw[:MAX_KEYS]:
            if not isinstance(item, dict) or item.get("use", "sig") != "sig":
                continue
            if item.get("kty") not in ("RSA", "EC", "OKP"):  # never a symmetric ("oct") key
                continue
            public.append({k: v for k, v in item.items() if k not in ("d", "p", "q", "dp", "dq", "qi")})
        try:
            keys = KeySet.import_key_set({"keys": public})
        except (JoseError, ValueError, TypeError) as exc:
            raise ProviderUnavailable(f"the sign-in provider's JWKS does not load ({exc})") from None
        self._keys = keys
        return keys

    async def key(self, kid: str | None, alg: str) -> Any:
        """The provider's key for a token's `kid` and `alg`: from the cache, or fetched again when
        the kid is unknown (at most once every KEYS_REFRESH_MIN_SECONDS)."""
        since = self._monotonic() - self._keys_at
        keys = self._keys
        if keys is None or since >= KEYS_SECONDS:
            try:
                keys = await self._fetch_keys()
            except ProviderUnavailable:
                if keys is None:
                    raise
        found = _pick(keys, kid, alg)
        if found is None and self._monotonic() - self._keys_at >= KEYS_REFRESH_MIN_SECONDS:
            found = _pick(await self._fetch_keys(), kid, alg)
        if found is None:
            raise TokenRejected(f"the token is signed with a key the provider does not publish (kid {kid!r})")
        return found

    # --- tokens ---------------------------------------------------------------------------------

    async def validate(self, token: str, audience: str, *, nonce: str | None = None) -> dict[str, Any]:
        """The token's claims once its signature and claims are checked; TokenRejected otherwise."""
        if len(token) > MAX_TOKEN or token.count(".") != 2:
            raise TokenRejected("the bearer token is not a signed JWT")
        try:
            header = jws.extract_compact(token.encode("ascii")).protected
        except (JoseError, ValueError, UnicodeError):
            raise TokenRejected("the bearer token is not a signed JWT") from None
        alg = header.get("alg")
        allowed = [a for a in self.settings.algorithms if a in SAFE_ALGORITHMS]
        if not isinstance(alg, str) or alg not in allowed:
            raise TokenRejected(f"the token's algorithm {alg!r} is not accepted (only {', '.join(allowed)})")
        if "crit" in header or "jku" in header or "jwk" in header or "x5u" in header:
            raise TokenRejected("the token names its own key or critical extensions; it is not accepted")
        kid = header.get("kid")
        if kid is not None and not isinstance(kid, str):
            raise TokenRejected("the token's key id is not text")
        key = await self.key(kid, alg)
        try:
            claims = jwt.decode(token, key, algorithms=[alg]).claims
        except JoseError:
            raise TokenRejected("the token's signature does not verify") from None
        except (ValueError, TypeError):
            raise TokenRejected("the token's claims are not a JSON object") from None
        self._check_claims(claims, audience, nonce)
        return claims

    def _check_claims(self, claims: dict[str, Any], audience: str, nonce: str | None) -> None:
        now, leeway = self._clock(), self.settings.leeway_seconds
        if claims.get("iss") != self.issuer:
            raise TokenRejected(
                f"the token was issued by {str(claims.get('iss'))[:200]!r}, not {self.issuer!r}"
            )
        aud = claims.get("aud")
        audiences = aud if isinstance(aud, list) else [aud]
        if audience not in audiences:
            raise TokenRejected(f"the token is not meant for this service (audience {audience!r})")
        exp = claims.get("exp")
        if not isinstance(exp, int | float) or isinstance(exp, bool):
            raise TokenRejected("the token has no expiry")
        if now > exp + leeway:
            raise TokenRejected("the token has expired")
        for name in ("nbf", "iat"):
            value = claims.get(name)
            if value is None:
                continue
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise TokenRejected(f"the token's {name} is not a time")
            if value > now + leeway:
                raise TokenRejected(
                    "the token is not valid yet" if name == "nbf" else "the token was issued in the future"
                )
        if nonce is None and "nonce" in claims:  # token substitution: an ID token is no access token
            raise TokenRejected("an ID token is not accepted as a bearer token; ask for an access token")
        if nonce is not None:
            if claims.get("nonce") != nonce:
                raise TokenRejected("the sign-in response does not match this sign-in (nonce)")
            if isinstance(aud, list) and len(aud) > 1 and claims.get("azp") != audience:
                raise TokenRejected("the ID token was issued to another application (azp)")


def _metadata(body: dict[str, Any], issuer: str) -> Metadata:
    if body.get("issuer") != issuer:
        raise ProviderUnavailable(
            f"the provider's discovery document names issuer {str(body.get('issuer'))[:200]!r}, "
            f"not the configured {issuer!r}"
        )

    def url(name: str, required: bool = True) -> str | None:
        value = body.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.startswith(("https://", "http://")):
            raise ProviderUnavailable(f"the provider's discovery document has no usable {name}")
        if value.startswith("http://") and not issuer.startswith("http://"):
            raise ProviderUnavailable(f"the provider's {name} is not https")
        return value

    methods = body.get("code_challenge_methods_supported") or []
    algs = body.get("id_token_signing_alg_values_supported") or ["RS256"]
    return Metadata(
        issuer=issuer,
        authorization_endpoint=str(url("authorization_endpoint")),
        token_endpoint=str(url("token_endpoint")),
        jwks_uri=str(url("jwks_uri")),
        end_session_endpoint=url("end_session_endpoint", required=False),
        code_challenge_methods=tuple(str(m) for m in methods if isinstance(m, str)),
        id_token_algorithms=tuple(str(a) for a in algs if isinstance(a, str)),
    )


def _pick(keys: KeySet, kid: str | None, alg: str) -> Any:
    """The key with this kid (or, with no kid, the only key of the right type) fit for `alg`."""
    kind = _KEY_TYPES.get(alg[:2])
    candidates = [k for k in keys.keys if kind is not None and isinstance(k, kind)]
    if kid is not None:
        candidates = [k for k in candidates if k.kid == kid]
    elif len(candidates) != 1:
        return None
    for key in candidates:
        if key.get("alg") in (None, alg):
            return key
    return None


# --- who the token is about -----------------------------------------------------------------------


def claim(claims: dict[str, Any], path: str) -> Any:
    """A claim by dotted path (`realm_access.roles`), or None."""
    value: Any = claims
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def principal(claims: dict[str, Any], settings: OidcSettings, via: str) -> Principal:
    """The Principal a validated token stands for. A person (sign-in, or a user's bearer token)
    is named by the id claim; a machine's client-credentials token by its client id.
    SignInRefused when the id is not a valid govern name or no role is mapped."""
    who = claim(claims, settings.id_claim)
    if via == "bearer" and who is None:  # a machine: the client that asked for the token
        who = next((claims[c] for c in settings.client_claims if isinstance(claims.get(c), str)), None)
    if not isinstance(who, str) or not who:
        raise SignInRefused(f"the provider did not say who you are (no {settings.id_claim!r} claim)")
    person = who.casefold()
    if problem := name_problem(person):
        raise SignInRefused(f"the account name {who[:130]!r} cannot be used in govern: the name {problem}")
    values = claim(claims, settings.roles_claim)
    if isinstance(values, str):
        values = values.split()
    roles: set[str] = set()
    queues: set[str] = set()
    for value in values if isinstance(values, list) else []:
        grant = settings.role_map.get(value) if isinstance(value, str) else None
        if grant is not None:
            roles |= {grant.role} if grant.role else set()
            queues |= set(grant.queues)
    if not roles:
        raise SignInRefused(
            f"'{person}' has no govern role: ask IT to assign one of govern's app roles "
            f"({settings.roles_claim!r} claim)"
        )
    kind: Literal["session", "bearer"] = "session" if via == "session" else "bearer"
    return Principal(id=person, roles=frozenset(roles), via=kind, queues=frozenset(queues))
