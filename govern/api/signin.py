"""Sign-in with OpenID Connect for the pages, and the provider's bearer tokens for the API.

- `GET /login?next=/access`: to the provider, with the authorisation code flow, PKCE (S256), a
  random state and nonce, kept for ten minutes in a signed, HTTP-only flow cookie.
- `GET /auth/callback`: the state and the provider's `iss` checked, the code exchanged (with the
  PKCE verifier and the client's secret), the ID token validated (signature, issuer, audience,
  expiry, nonce), the person and roles read from its claims; then a signed, HTTP-only,
  SameSite=Lax session cookie (Secure over https) with an expiry.
- `GET /logout` asks, `POST /logout` signs out of govern, then of the provider too when it
  advertises an `end_session_endpoint` (OpenID Connect RP-Initiated Logout).
- `authenticate(request)`: for `require`, the Principal a bearer JWT or a session cookie stands
  for, or None (then API keys are tried as before).

The API-key sign-in for the pages (`POST /login`) stays for deployments without a provider.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.auth import ClientAuth
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri, prepare_token_request
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from govern.api.errors import ApiError
from govern.api.roles import ROLES, may
from govern.identity.model import Principal
from govern.identity.oidc import Provider, ProviderUnavailable, SignInRefused, TokenRejected, principal
from govern.identity.session import Signer, session_body, session_principal
from govern.identity.settings import OidcSettings

log = logging.getLogger("govern.signin")

SESSION_COOKIE = "govern_session"
SECURE_SESSION_COOKIE = "__Host-govern_session"  # https: only this host, path / and Secure
FLOW_COOKIE = "govern_oidc_flow"
FLOW_SECONDS = 600


class Identity:
    """What sign-in needs at run time: the settings, the provider and the cookie signers."""

    def __init__(self, settings: OidcSettings, provider: Provider | None = None) -> None:
        self.settings = settings
        self.provider = provider or Provider(settings)
        secret = settings.session_secret.get_secret_value() if settings.session_secret else ""
        self.sessions = Signer(secret, "session") if settings.sign_in else None
        self.flows = Signer(secret, "flow") if settings.sign_in else None


def identity(request: Request) -> Identity | None:
    found = getattr(request.app.state, "oidc", None)
    return found if isinstance(found, Identity) else None


def session_cookie_name(request: Request) -> str:
    return SECURE_SESSION_COOKIE if request.url.scheme == "https" else SESSION_COOKIE


def _local(target: str | None) -> str:
    """Only a path on this site: no open redirect."""
    target = target or "/"
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    if not target.isprintable() or " " in target:  # browsers drop tabs and newlines: "/\t/evil"
        return "/"
    return target


# --- for `require` ----------------------------------------------------------------------------


def _inactive(request: Request, person_id: str) -> bool:
    """Whether the directory (SCIM provisioning, `app.state.sources.directory` when present) knows
    the person as a leaver: then their session, token and sign-in stop working at once."""
    directory = getattr(getattr(request.app.state, "sources", None), "directory", None)
    lookup = getattr(directory, "person", None)
    person = lookup(person_id) if callable(lookup) else None
    return person is not None and getattr(person, "active", True) is False


def _still_active(request: Request, who: Principal) -> Principal:
    if _inactive(request, who.id):
        raise ApiError(401, "unauthenticated", f"'{who.id}' is no longer active in the council's directory")
    return who


async def authenticate(request: Request) -> Principal | None:
    """The Principal of a bearer JWT from the provider or of a session cookie; None when the
    request carries neither (API keys are then tried). A JWT that fails validation is a 401."""
    found = identity(request)
    if found is None:
        return None
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else ""
    if token.count(".") == 2:  # a JWT; govern's API keys (gvk_...) hold no dots
        if not found.settings.bearer:
            raise ApiError(
                401, "unauthenticated", "this service does not accept bearer tokens; use an API key"
            )
        try:
            claims = await found.provider.validate(token, found.settings.audience)
            return _still_active(request, principal(claims, found.settings, "bearer"))
        except (TokenRejected, SignInRefused) as exc:
            raise ApiError(401, "unauthenticated", f"the bearer token is not accepted: {exc}") from None
        except ProviderUnavailable as exc:
            log.warning("bearer token: %s", exc)
            raise ApiError(503, "unavailable", "the sign-in provider cannot be reached; retry") from None
    if token or request.headers.get("x-api-key") or found.sessions is None:
        return None
    who = session_principal(found.sessions.read(request.cookies.get(session_cookie_name(request))))
    return None if who is None else _still_active(request, who)




def check_role(who: Principal, role: str) -> None:
    """403 unless one of `who`'s roles includes `role`: admin may do everything, reviewer what a
    requester may, intake what a requester may and state facts; any other role only itself."""
    for has in who.roles:
        if has == role or may(has, role):
            return
    shown = ", ".join(sorted(who.roles)) or "none"
    raise ApiError(403, "forbidden", f"this needs the {role} role; '{who.id}' has {shown}")


def reviews_queue(request: Request, queue: str | None) -> bool:
    """Whether the caller may see and decide a referral for `queue`. A reviewer signed in with
    named review queues (from the role map) reviews only those; admins, and keys (which carry no
    queues), review every queue."""
    who = getattr(request.state, "principal", None)
    return not isinstance(who, Principal) or who.reviews(queue)


def top_role(who: Principal) -> str:
    """The highest of the three service roles (what request.state.role has held for keys)."""
    held = [r for r in ROLES if r in who.roles]
    return held[-1] if held else next(iter(sorted(who.roles)), "requester")


def sign_in_choice(request: Request) -> Markup:
    """For the sign-in page: a link to the provider, when sign-in is configured."""
    found = identity(request)
    if found is None or not found.settings.sign_in:
        return Markup("")
    target = _local(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
    href = "/login?" + urlencode({"next": target})
    return Markup(
        f'<p><a class="button" href="{escape(href)}">Sign in with your council account</a></p>'
        "<p>Or, for a deployment without single sign-on:</p>"
    )


# --- the routes -------------------------------------------------------------------------------


def add_signin(app: FastAPI, settings: OidcSettings | None, provider: Provider | None = None) -> None:
    """Sign-in routes (when `settings` configures sign-in) and bearer tokens (when they configure
    an audience); without settings, nothing changes: API keys only."""
    app.state.oidc = Identity(settings, provider) if settings is not None else None
    if settings is None or not settings.sign_in:
        return
    from govern.web.csrf import verify_csrf
    from govern.web.templating import templates

    def message(request: Request, title: str, text: str, status: int, **extra: Any) -> HTMLResponse:
        return templates.TemplateResponse(
            request,
            "signin.html",
            {"title": title, "active": "", "text": text, **extra},
            status_code=status,
        )

    def unavailable(request: Request) -> HTMLResponse:
        text = "The council's sign-in service cannot be reached. Try again in a minute."
        return message(request, "Sign-in unavailable", text, 503)

    def secure(request: Request) -> bool:
        return request.url.scheme == "https"

    @app.get("/login", include_in_schema=False)
    async def login(request: Request, next: str = "/") -> Response:  # noqa: A002 - the query name
        found = identity(request)
        assert found is not None and found.flows is not None
        try:
            meta = await found.provider.metadata()
        except ProviderUnavailable as exc:
            log.warning("sign-in: %s", exc)
            return unavailable(request)
        if meta.code_challenge_methods and "S256" not in meta.code_challenge_methods:
            return message(
                request, "Sign-in unavailable", "The sign-in provider does not support PKCE (S256).", 503
            )
        state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
        url = prepare_grant_uri(
            meta.authorization_endpoint,
            settings.client_id,
            "code",
            redirect_uri=settings.redirect_uri,
            scope=settings.scopes,
            state=state,
            nonce=nonce,
            code_challenge=create_s256_code_challenge(verifier),
            code_challenge_method="S256",
        )
        flow = found.flows.sign(
            {"state": state, "nonce": nonce, "verifier": verifier, "next": _local(next)}, FLOW_SECONDS
        )
        response = RedirectResponse(url, status_code=303)
        response.set_cookie(
            FLOW_COOKIE,
            flow,
            max_age=FLOW_SECONDS,
            path="/auth",
            httponly=True,
            samesite="lax",
            secure=secure(request),
        )
        return response

    @app.get("/auth/callback", include_in_schema=False)
    async def callback(request: Request) -> Response:
        found = identity(request)
        assert found is not None and found.flows is not None and found.sessions is not None
        params = request.query_params
        flow = found.flows.read(request.cookies.get(FLOW_COOKIE))
        again = {"again": "/login"}
        if flow is None:
            return message(
                request,
                "Sign-in expired",
                "This sign-in has expired or was started elsewhere. Sign in again.",
                400,
                **again,
            )
        if params.get("state") != flow.get("state"):
            return message(
                request,
                "Sign-in refused",
                "The sign-in response does not match this sign-in (state).",
                400,
                **again,
            )
        if params.get("error"):
            text = f"The sign-in provider refused: {params.get('error_description') or params.get('error')}"
            return message(request, "Sign-in refused", text[:300], 403, **again)
        if "iss" in params and params["iss"] != found.provider.issuer:  # RFC 9207: mix-up defence
            return message(
                request, "Sign-in refused", "The sign-in response came from another provider.", 400, **again
            )
        code = params.get("code")
        if not code:
            return message(request, "Sign-in refused", "The sign-in response has no code.", 400, **again)
        try:
            id_token = await _exchange(found, code, str(flow["verifier"]))
            claims = await found.provider.validate(id_token, settings.client_id, nonce=str(flow["nonce"]))
            who = principal(claims, settings, "session")
            if _inactive(request, who.id):
                raise SignInRefused(f"'{who.id}' is no longer active in the council's directory")
        except (TokenRejected, SignInRefused) as exc:
            log.warning("sign-in refused: %s", exc)
            return message(request, "Sign-in refused", str(exc), 403, **again)
        except ProviderUnavailable as exc:
            log.warning("sign-in: %s", exc)
            return unavailable(request)
        seconds = settings.session_hours * 3600
        response = RedirectResponse(_local(str(flow.get("next"))), status_code=303)
        response.set_cookie(
            session_cookie_name(request),
            found.sessions.sign(session_body(who, id_token), seconds),
            max_age=int(seconds),
            path="/",
            httponly=True,
            samesite="lax",
            secure=secure(request),
        )
        response.delete_cookie(
            FLOW_COOKIE, path="/auth", httponly=True, samesite="lax", secure=secure(request)
        )
        log.info("signed in: %s (%s)", who.id, ", ".join(sorted(who.roles)))
        return response

    @app.get("/logout", include_in_schema=False, response_class=HTMLResponse)
    def logout_page(request: Request) -> HTMLResponse:
        return message(
            request, "Sign out", "Sign out of govern and of your council account?", 200, confirm=True
        )

    @app.post("/logout", include_in_schema=False, dependencies=[Depends(verify_csrf)])
    async def logout(request: Request) -> Response:
        found = identity(request)
        assert found is not None and found.sessions is not None
        body = found.sessions.read(request.cookies.get(session_cookie_name(request)))
        provider_url = None
        try:
            meta = await found.provider.metadata()
        except ProviderUnavailable:
            meta = None
        if meta is not None and meta.end_session_endpoint:
            query = {"client_id": settings.client_id}
            if body and isinstance(body.get("idt"), str):
                query["id_token_hint"] = body["idt"]
            after = settings.post_logout_redirect_uri
            if after:
                query["post_logout_redirect_uri"] = after
            provider_url = (
                meta.end_session_endpoint
                + ("&" if "?" in meta.end_session_endpoint else "?")
                + urlencode(query)
            )
        response = message(
            request,
            "Signed out",
            "You have signed out of govern."
            + (" Now signing you out of your council account…" if provider_url else ""),
            200,
            provider_url=provider_url,
        )
        if provider_url:
            # A page that moves on, not a redirect: a form's redirect to another site would break
            # the pages' `form-action 'self'` policy.
            response.headers["refresh"] = f"0;url={provider_url}"
        for name in (SESSION_COOKIE, SECURE_SESSION_COOKIE, "govern_key"):
            if name in request.cookies:
                response.delete_cookie(
                    name, path="/", httponly=True, secure=name.startswith("__Host-") or secure(request)
                )
        return response


async def _exchange(found: Identity, code: str, verifier: str) -> str:
    """The authorisation code for tokens at the token endpoint; the ID token."""
    settings = found.settings
    meta = await found.provider.metadata()
    body = prepare_token_request(
        "authorization_code", code=code, redirect_uri=settings.redirect_uri, code_verifier=verifier
    )
    secret = settings.client_secret.get_secret_value() if settings.client_secret else None
    headers = {"content-type": "application/x-www-form-urlencoded", "accept": "application/json"}
    url, headers, body = ClientAuth(settings.client_id, secret, settings.token_auth).prepare(
        "POST", meta.token_endpoint, headers, body
    )
    try:
        async with found.provider.client() as http:
            answer = await http.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise ProviderUnavailable(f"the token endpoint could not be reached ({type(exc).__name__})") from None
    try:
        tokens = answer.json()
    except ValueError:
        tokens = None
    if not isinstance(tokens, dict):
        raise ProviderUnavailable(f"the token endpoint answered {answer.status_code} without JSON")
    if answer.status_code != 200:
        reason = str(tokens.get("error_description") or tokens.get("error") or answer.status_code)
        raise TokenRejected(f"the sign-in provider refused the code: {reason[:200]}")
    id_token = tokens.get("id_token")
    if not isinstance(id_token, str):
        raise TokenRejected("the sign-in provider returned no ID token (is the openid scope allowed?)")
    return id_token


__all__ = ["add_signin", "authenticate", "check_role", "reviews_queue", "sign_in_choice", "top_role"]
