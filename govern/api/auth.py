"""Who is calling: API keys and roles.

`require(role)` is a route dependency: the caller's key must have `role` or a higher one. It
leaves the `Caller` (name and role) on the request, read back with `caller(request)`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable

from fastapi import Request

from govern.api.deps import get_service
from govern.api.errors import ApiError
from govern.api.roles import may
from govern.api.signin import authenticate, check_role, top_role
from govern.identity.model import Principal
from govern.service import ANONYMOUS, Caller

OPEN = Caller("anonymous", "admin")  # open mode: no keys exist, loopback only


def caller(request: Request) -> Caller:
    """The caller `require` found for this request (anonymous before it ran)."""
    found = getattr(request.state, "caller", ANONYMOUS)
    return found if isinstance(found, Caller) else ANONYMOUS


def actor(request: Request) -> str:
    """The caller's name, as the log records it."""
    return caller(request).name


def presented_key(request: Request) -> str:
    """The API key sent: `Authorization: Bearer`, `X-API-Key`, or the pages' login cookie."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-api-key", "") or request.cookies.get("govern_key", "")


def require(role: str) -> Callable[[Request], Awaitable[Caller]]:
    """A dependency: the caller's API key must have `role` or a higher one."""

    async def check(request: Request) -> Caller:
        service = get_service(request)
        if service.open_access:
            request.state.caller = OPEN
            return OPEN
        # OpenID Connect (issue 16): a provider's bearer JWT or a signed-in session, else a key
        if (who := await authenticate(request)) is not None:
            check_role(who, role)
            found = Caller(who.id, top_role(who))
            request.state.caller, request.state.principal = found, who
            return found
        secret = presented_key(request)
        if not secret:
            raise ApiError(401, "unauthenticated", "an API key is required (Authorization: Bearer KEY)")
        key = service.store.key_for(hashlib.sha256(secret.encode()).hexdigest())
        if key is None:
            raise ApiError(401, "unauthenticated", "unknown API key")
        if not may(key.role, role):
            raise ApiError(403, "forbidden", f"this needs the {role} role; the key has {key.role}")
        found = Caller(key.name, key.role)
        request.state.caller = found
        request.state.principal = Principal(key.name, frozenset({key.role}), via="key")
        return found

    return check

