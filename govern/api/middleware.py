"""Pure ASGI middleware: `Observe` (the body-size limit and the latency histogram) and `Guard`,
which keeps browsers from being used against the service.

- Host: in open mode (no keys, loopback only) only loopback names and configured hosts are
  served, so a DNS-rebinding page cannot talk to the service under its own name; with keys,
  configured hosts when any are given.
- Cross-site writes: a POST (or PUT, PATCH, DELETE) whose Origin or Referer names another site,
  or whose Sec-Fetch-Site says cross-site or same-site, is refused, in every mode, unless it is
  an API call carrying a key in a header (which browsers never add by themselves: the composer
  extension's calls).
- The API takes JSON only: an API write with a body of another type (a form, text/plain) is
  refused, so an HTML form on another site cannot fake an API call.
- The scheme comes from X-Forwarded-Proto only when the setting says a TLS proxy is trusted;
  cookies are then `Secure`.
- Security headers on every response: CSP (scripts and styles from this site only, no framing),
  X-Frame-Options, nosniff, Referrer-Policy and `Cache-Control: no-store` (pages and answers
  hold personal data); static files keep their caching.
- The CSRF cookie for the pages' forms (govern.web.csrf) is issued here when a request has none.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi.responses import JSONResponse
from prometheus_client import Histogram
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from govern import metrics
from govern.api.errors import error_response

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSRF_COOKIE = "govern_csrf"
SECURE_CSRF_COOKIE = "__Host-govern_csrf"  # https only: cannot be set by another subdomain
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    b"content-security-policy": CSP.encode(),
    b"x-frame-options": b"DENY",
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"same-origin",
    b"cross-origin-opener-policy": b"same-origin",
}


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How the service is reached: extra host names, and whether a TLS proxy is trusted."""

    hosts: tuple[str, ...] = ()
    trust_forwarded_proto: bool = False

    @classmethod
    def of(cls, hosts: Iterable[str] = (), trust_forwarded_proto: bool = False) -> WebSettings:
        names = tuple(sorted({h.strip().lower().rstrip(".") for h in hosts if h.strip()}))
        return cls(names, trust_forwarded_proto)


def host_name(netloc: str) -> str:
    """'Example.org:8000' -> 'example.org'; '[::1]:8000' -> '::1'."""
    netloc = netloc.strip().lower()
    if netloc.startswith("["):
        return netloc[1 : netloc.find("]")] if "]" in netloc else netloc
    return netloc.rsplit(":", 1)[0].rstrip(".") if netloc.count(":") <= 1 else netloc


def _refuse(status: int, code: str, message: str) -> JSONResponse:
    return error_response(status, code, message)


class Guard:
    """Host check, cross-site and non-JSON write refusal, trusted scheme, headers, CSRF cookie."""

    def __init__(self, app: ASGIApp, is_open: Callable[[], bool], settings: WebSettings) -> None:
        self.app = app
        self.is_open = is_open
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if self.settings.trust_forwarded_proto:
            proto = headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
            if proto in ("http", "https"):
                scope = {**scope, "scheme": proto}
        refused = self._check(scope, headers)
        if refused is not None:
            await refused(scope, receive, self._with_headers(scope, send, None))
            return
        secure = scope.get("scheme") == "https"
        cookie = _cookie(headers.get("cookie", ""), SECURE_CSRF_COOKIE if secure else CSRF_COOKIE)
        valid = cookie if cookie and 20 <= len(cookie) <= 100 and cookie.isascii() else None
        token = valid or secrets.token_urlsafe(32)
        state = scope.setdefault("state", {})
        state["csrf_token"], state["csrf_cookie"] = token, valid
        await self.app(scope, receive, self._with_headers(scope, send, None if valid else token))

    def _check(self, scope: Scope, headers: dict[str, str]) -> JSONResponse | None:
        host = headers.get("host", "")
        allowed = set(self.settings.hosts) | (LOOPBACK if self.is_open() else set())
        if allowed and host_name(host) not in allowed:
            shown = host[:100] or "(none)"
            return _refuse(400, "invalid_host", f"this service does not answer to the host name {shown!r}")
        if scope["method"] not in UNSAFE:
            return None
        site = headers.get("sec-fetch-site", "")
        source = headers.get("origin") or headers.get("referer") or ""
        # A key in a header is not ambient: a browser never adds one to another site's request on
        # its own (and CORS lets only the extension's origin send one), so such an API call is no
        # forgery risk. Cookie-borne sessions and open mode still need a same-site origin.
        keyed = scope["path"].startswith("/v1/") and ("authorization" in headers or "x-api-key" in headers)
        foreign = site in ("cross-site", "same-site") or (source and not self._same_origin(source, host))
        if foreign and not keyed:
            return _refuse(403, "cross_site", "requests from another site are refused")
        if scope["path"].startswith("/v1/"):
            media = headers.get("content-type", "").split(";")[0].strip().lower()
            has_body = headers.get("content-length", "0") not in ("", "0") or "transfer-encoding" in headers
            if (media or has_body) and not (media == "application/json" or media.endswith("+json")):
                return _refuse(415, "unsupported_media_type", "the API takes JSON only (application/json)")
        return None

    def _same_origin(self, source: str, host: str) -> bool:
        if source == "null":
            return False
        try:
            netloc = urlsplit(source).netloc.lower()
        except ValueError:
            return False
        return bool(netloc) and (netloc == host.lower() or host_name(netloc) in self.settings.hosts)

    def _with_headers(self, scope: Scope, send: Send, new_token: str | None) -> Send:
        static = scope["path"].startswith("/static/")
        secure = scope.get("scheme") == "https"

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS.items() if k not in present]
                if not static and b"cache-control" not in present:
                    extra.append((b"cache-control", b"no-store"))
                html = any(
                    k.lower() == b"content-type" and v.startswith(b"text/html")
                    for k, v in message.get("headers", [])
                )
                if new_token and html:
                    name = SECURE_CSRF_COOKIE if secure else CSRF_COOKIE
                    flags = "; Path=/; HttpOnly; SameSite=Strict" + ("; Secure" if secure else "")
                    extra.append((b"set-cookie", f"{name}={new_token}{flags}".encode()))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return sending


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value.strip()
    return None


BODY_LIMIT = 8 * 1024 * 1024
TOO_LARGE = "the request body is over 8 MiB"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
MAX_SERIES = 1000  # latency series kept at hand (methods x routes x statuses met so far)


class Observe:
    """The 8 MiB body limit and the latency histogram.

    (Starlette's @app.middleware("http") wraps every request in extra tasks and streams; doing
    this at the ASGI level costs a fraction of that.)
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._seen: dict[tuple[str, str, int], Histogram] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        declared = False
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if value.isdigit() and int(value) > BODY_LIMIT:
                    response = error_response(413, "too_large", TOO_LARGE)
                    await response(scope, receive, send)
                    return
                declared = True
        if not declared:  # chunked, or no body: its size is only known as it arrives
            receive = _counted(receive)
        status = [500]

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            self._series(scope["method"], route, status[0]).observe(time.perf_counter() - started)

    def _series(self, method: str, route: str, status: int) -> Histogram:
        """The latency histogram's series for a request. The method is the client's word: any
        other than HTTP's own is counted as OTHER, or each made-up method would add a series (and
        memory, and lines on /metrics) for good. Routes are the declared paths and statuses a
        few dozen codes, so the series met so far are kept: `labels()` costs microseconds."""
        key = (method if method in METHODS else "OTHER", route, status)
        found = self._seen.get(key)
        if found is None:
            found = metrics.LATENCY.labels(method=key[0], route=route, status=str(status))
            if len(self._seen) < MAX_SERIES:
                self._seen[key] = found
        return found


def _counted(receive: Receive) -> Receive:
    """`receive` for a body sent without a Content-Length (the server checks a declared one):
    past BODY_LIMIT, reading more raises a 413 instead of holding the body in memory. It is an
    HTTPException, which FastAPI's body parsing passes on as it is, and api/errors.py answers.
    (FastAPI's own `max_body_size` wraps every request, declared length or not, and answers a
    body read by the route itself in its own error shape, not the API's.)"""
    total = 0

    async def receiving() -> Message:
        nonlocal total
        message = await receive()
        if message["type"] == "http.request":
            total += len(message.get("body", b""))
            if total > BODY_LIMIT:
                raise HTTPException(413, TOO_LARGE)
        return message

    return receiving
