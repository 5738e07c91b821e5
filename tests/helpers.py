"""Helpers the service's tests share: API keys, clients (open or keyed) and CSRF-carrying form posts."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK, LOCAL


def bearer(name: str) -> dict[str, str]:
    """The headers of `name`'s key, as made by `add_keys`."""
    return {"Authorization": f"Bearer secret-{name}"}


def add_keys(store: SqlStore, *people: tuple[str, str]) -> dict[str, dict[str, str]]:
    """A key for each (name, role), with the secret `secret-NAME`; their headers by name."""
    for name, role in people:
        store.add_key(f"id-{name}", name, role, hashlib.sha256(f"secret-{name}".encode()).hexdigest())
    return {name: bearer(name) for name, _ in people}


def open_client(store: SqlStore, pack: Path | str = DEFAULT_PACK, **options: Any) -> TestClient:
    """A client of the service running open (no keys, loopback), as `govern serve` does by default."""
    return TestClient(create_app(str(pack), store, open_access=True, **options), base_url=LOCAL)


def keyed_client(store: SqlStore, pack: Path | str = DEFAULT_PACK, **options: Any) -> TestClient:
    """A client of the service that needs keys (make them with `add_keys`)."""
    return TestClient(create_app(str(pack), store, open_access=False, **options))


def csrf_token(client: TestClient, page: str = "/policy") -> str:
    """The pages' CSRF token: any page issues the cookie (`__Host-` prefixed over https)."""
    client.get(page)
    return client.cookies.get("govern_csrf") or client.cookies["__Host-govern_csrf"]


def post_form(client: TestClient, path: str, data: dict[str, Any], **options: Any) -> httpx.Response:
    """Post a page's form as a browser would, with its CSRF token."""
    return client.post(path, data={**data, "csrf_token": csrf_token(client)}, **options)
