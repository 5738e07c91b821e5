"""The pages without a browser: roles, sign-in, readable errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.sql import SqlStore
from tests.conftest import DEFAULT_PACK


def test_pages_ask_for_a_key_and_honour_roles(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "govern.db"))
    store.add_key("k1", "officer", "requester", hashlib.sha256(b"officer-key").hexdigest())
    store.add_key("k2", "lead", "reviewer", hashlib.sha256(b"lead-key").hexdigest())
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=False))
    html = {"accept": "text/html"}
    page = client.get("/reviews", headers=html)
    assert page.status_code == 401 and 'action="/login"' in page.text and "Traceback" not in page.text
    assert client.get("/reviews").json()["error"]["code"] == "unauthenticated"  # API clients get JSON
    token = client.cookies["govern_csrf"]  # issued with the sign-in page
    signed = client.post(
        "/login",
        data={"key": "officer-key", "next": "https://evil.example/", "csrf_token": token},
        follow_redirects=False,
    )
    assert signed.status_code == 303 and signed.headers["location"] == "/"
    assert "httponly" in signed.headers["set-cookie"].lower()
    assert client.get("/", headers=html).status_code == 200
    assert client.get("/reviews", headers=html).status_code == 403  # a requester is not a reviewer
    client.post("/login", data={"key": "lead-key", "next": "/reviews", "csrf_token": token})
    assert client.get("/reviews", headers=html).status_code == 200
    assert client.get("/policy").status_code == 200  # the policy in force is public
    store.close()


def test_a_bad_form_is_a_readable_error_page(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "govern.db"))
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url="http://127.0.0.1")
    token = client.get("/access").cookies["govern_csrf"]
    page = client.post(
        "/access",
        data={
            "csrf_token": token,
            "requester_id": "",
            "site": "not a site",
            "access": "read",
            "approach": "listen",
            "purpose": "x",
        },
    )
    assert page.status_code == 422
    assert 'role="alert"' in page.text and "requester.id" in page.text
    rejected = client.post("/reviews/nope", data={"outcome": "reject", "csrf_token": token})
    assert "A rejection needs a reason." in rejected.text
    store.close()
