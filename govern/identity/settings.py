"""How govern is registered with the council's OpenID Connect provider (Entra ID or another).

Read from the environment (`GOVERN_OIDC_*`), so that `govern serve` and every worker see the same
values. A small model of its own, to be folded into `govern/settings.py` as one section.

Sign-in for the pages is on when an issuer, a client id and a redirect URI are set; the API
accepts the provider's bearer tokens when an issuer and an audience are set. The provider is only
ever reached over https, except on this machine's loopback address (the tests' provider).
"""

from __future__ import annotations

import ipaddress
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from govern.ids import name_problem

# Signature algorithms a token may use: asymmetric only. `none` and the HMAC family (HS*) are never
# accepted, whatever the settings say: with HS256 a public key would become a shared secret.
SAFE_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")
GovernRole = Literal["requester", "reviewer", "admin", "intake", "provisioning"]


class RoleGrant(BaseModel):
    """What one value of the roles claim gives in govern: a role, review queues, or both."""

    model_config = {"extra": "forbid"}

    role: GovernRole | None = None
    queues: list[str] = Field(default_factory=list)

    @field_validator("queues")
    @classmethod
    def _queue_names(cls, queues: list[str]) -> list[str]:
        for queue in queues:
            if problem := name_problem(queue):
                raise ValueError(f"the queue name {queue!r} {problem}")
        return queues


DEFAULT_ROLE_MAP = {
    "requester": RoleGrant(role="requester"),
    "reviewer": RoleGrant(role="reviewer"),
    "admin": RoleGrant(role="admin"),
}


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _https_or_loopback(url: str, what: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"{what} must be an absolute https URL, not {url!r}")
    if parts.scheme == "http" and not is_loopback_url(url):
        raise ValueError(f"{what} must use https (plain http only on this machine's loopback address)")


class OidcSettings(BaseSettings):
    """GOVERN_OIDC_ISSUER, GOVERN_OIDC_CLIENT_ID, … (JSON for the lists and the role map)."""

    model_config = SettingsConfigDict(env_prefix="GOVERN_OIDC_", extra="ignore")

    issuer: str = ""  # e.g. https://login.microsoftonline.com/TENANT-ID/v2.0
    client_id: str = ""  # the app registration's Application (client) ID
    client_secret: SecretStr | None = None
    token_auth: Literal["client_secret_basic", "client_secret_post", "none"] = "client_secret_basic"
    redirect_uri: str = ""  # https://govern.example.gov.uk/auth/callback
    post_logout_redirect_uri: str = ""  # where the provider sends people after signing out
    scopes: str = "openid profile"
    audience: str = ""  # the API's audience in bearer tokens, e.g. api://govern (empty: no bearer tokens)
    roles_claim: str = "roles"  # a dotted path for nested claims, e.g. realm_access.roles
    id_claim: str = "preferred_username"  # the person's govern id (case-folded)
    client_claims: list[str] = Field(default_factory=lambda: ["azp", "client_id", "appid", "sub"])
    role_map: dict[str, RoleGrant] = Field(default_factory=lambda: dict(DEFAULT_ROLE_MAP))
    session_secret: SecretStr | None = None  # signs the session cookie: 32 characters or more
    session_hours: float = Field(default=8.0, gt=0, le=24 * 7)
    algorithms: list[str] = Field(default_factory=lambda: ["RS256", "PS256", "ES256"])
    leeway_seconds: int = Field(default=60, ge=0, le=300)

    @field_validator("algorithms")
    @classmethod
    def _safe(cls, algorithms: list[str]) -> list[str]:
        unsafe = [a for a in algorithms if a not in SAFE_ALGORITHMS]
        if unsafe or not algorithms:
            raise ValueError(f"algorithms may be only {', '.join(SAFE_ALGORITHMS)}; not {unsafe or 'none'}")
        return algorithms

    @model_validator(mode="after")
    def _consistent(self) -> OidcSettings:
        if not self.issuer:
            return self
        _https_or_loopback(self.issuer, "GOVERN_OIDC_ISSUER")
        if self.sign_in:
            _https_or_loopback(self.redirect_uri, "GOVERN_OIDC_REDIRECT_URI")
            secret = self.session_secret.get_secret_value() if self.session_secret else ""
            if len(secret) < 32:
                raise ValueError("GOVERN_OIDC_SESSION_SECRET must be set, 32 characters or more")
            if self.token_auth != "none" and not self.client_secret:
                raise ValueError("GOVERN_OIDC_CLIENT_SECRET must be set (or GOVERN_OIDC_TOKEN_AUTH=none)")
        if self.post_logout_redirect_uri:
            _https_or_loopback(self.post_logout_redirect_uri, "GOVERN_OIDC_POST_LOGOUT_REDIRECT_URI")
        if not (self.sign_in or self.bearer):
            raise ValueError(
                "GOVERN_OIDC_ISSUER is set but neither sign-in (GOVERN_OIDC_CLIENT_ID and "
                "GOVERN_OIDC_REDIRECT_URI) nor bearer tokens (GOVERN_OIDC_AUDIENCE) are configured"
            )
        return self

    @property
    def sign_in(self) -> bool:
        return bool(self.issuer and self.client_id and self.redirect_uri)

    @property
    def bearer(self) -> bool:
        return bool(self.issuer and self.audience)

    @classmethod
    def from_env(cls) -> OidcSettings | None:
        """The settings, or None when no issuer is configured (API keys only)."""
        settings = cls()
        return settings if settings.issuer else None
