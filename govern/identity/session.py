"""Signed cookies for the sign-in: the session itself and the short-lived sign-in flow.

A cookie is `payload.signature`: the payload is base64url JSON, the signature HMAC-SHA256 under a
key derived from the session secret and the cookie's purpose (so a flow cookie can never pass for
a session). Each carries its own expiry; a cookie that is altered, expired, over 4 KiB or out of
shape reads as no cookie at all.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

from govern.identity.model import Principal
from govern.ids import is_name

MAX_COOKIE = 4000


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Signer:
    """Signs and reads cookies for one purpose ("session", "flow")."""

    def __init__(self, secret: str, purpose: str) -> None:
        self._key = hmac.new(secret.encode(), f"govern {purpose} cookie v1".encode(), hashlib.sha256).digest()

    def _mac(self, payload: str) -> str:
        return _b64(hmac.new(self._key, payload.encode("ascii"), hashlib.sha256).digest())

    def sign(self, body: dict[str, Any], seconds: float, now: float | None = None) -> str:
        payload = _b64(
            json.dumps({**body, "exp": int((time.time() if now is None else now) + seconds)}).encode()
        )
        return f"{payload}.{self._mac(payload)}"

    def read(self, cookie: str | None, now: float | None = None) -> dict[str, Any] | None:
        if not cookie or len(cookie) > MAX_COOKIE or not cookie.isascii() or cookie.count(".") != 1:
            return None
        payload, mac = cookie.split(".")
        if not hmac.compare_digest(mac.encode(), self._mac(payload).encode()):
            return None
        try:
            body = json.loads(_unb64(payload))
        except ValueError:
            return None
        if not isinstance(body, dict) or not isinstance(body.get("exp"), int):
            return None
        return body if body["exp"] > (time.time() if now is None else now) else None


def session_body(who: Principal, id_token: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"sub": who.id, "roles": sorted(who.roles), "queues": sorted(who.queues)}
    if id_token and len(id_token) < 2400:  # kept for the provider's sign-out, when it fits a cookie
        body["idt"] = id_token
    return body


def session_principal(body: dict[str, Any] | None) -> Principal | None:
    """The signed-in person a session cookie's body names, or None when it is out of shape."""
    if body is None:
        return None
    sub, roles, queues = body.get("sub"), body.get("roles"), body.get("queues", [])
    if not isinstance(sub, str) or not is_name(sub):
        return None
    if not isinstance(roles, list) or not isinstance(queues, list):
        return None
    if not all(isinstance(r, str) for r in roles) or not all(isinstance(q, str) for q in queues):
        return None
    return Principal(id=sub, roles=frozenset(roles), via="session", queues=frozenset(queues))
