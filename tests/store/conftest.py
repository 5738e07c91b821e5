"""A store per test on SQLite and PostgreSQL, its key and head file in the test's folder, filled
through the service the way people fill it; and an attacker who can write to the database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.store.logkey import LogSettings
from govern.store.sql import SqlStore, normalise_url
from tests.access.test_engine import request as access_request
from tests.conftest import DEFAULT_PACK, LOCAL

PHONE = "07700 900123"


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "govern.db")
        return
    base = os.environ.get("GOVERN_TEST_PG")
    if not base:
        pytest.skip("PostgreSQL tests run when GOVERN_TEST_PG is set (.ci/run sets it)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(normalise_url(base))
    with admin.begin() as c:
        c.exec_driver_sql(f"CREATE SCHEMA {schema}")
    yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    with admin.begin() as c:
        c.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> LogSettings:
    return LogSettings(directory=tmp_path / "keys")


@pytest.fixture
def store(url: str, settings: LogSettings) -> Iterator[SqlStore]:
    opened = SqlStore(url, log=settings)
    yield opened
    opened.close()


def reopen(url: str, settings: LogSettings) -> SqlStore:
    """The store as `govern audit verify` opens it: a new process, the same key and head file."""
    return SqlStore(url, log=settings, check_key=False)


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    """A permit (with its grant), a refer approved by a reviewer, a draft and a held comment with a
    phone number, and an API key: every kind of record and effect."""
    client = TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url=LOCAL)
    assert client.post("/v1/access/decisions", json=access_request()).json()["decision"] == "permit"
    refer = client.post("/v1/access/decisions", json=access_request(access="manage")).json()
    assert (
        client.post(f"/v1/referrals/{refer['decision_id']}/approve", json={"reason": "ok"}).status_code == 200
    )
    draft = {"text": f"Call me on {PHONE} about the bins", "platform": "x", "account": "corporate"}
    assert client.post("/v1/drafts/checks", json=draft).json()["verdict"] == "block"
    comment = {"comment_id": "c1", "text": f"ring me on {PHONE} you idiot", "channel": "facebook-page"}
    assert client.post("/v1/comments/moderations", json=comment).status_code == 200
    store.add_key("k1", "ops", "requester", "ab" * 32)
    assert store.verify() is None
    return store


def attack(url: str, *statements: tuple[str, dict[str, Any]] | str) -> None:
    """Run SQL on the database directly, as someone with the database's password would."""
    engine = sa.create_engine(normalise_url(url))
    try:
        with engine.begin() as c:
            for statement in statements:
                sql, params = statement if isinstance(statement, tuple) else (statement, {})
                c.execute(sa.text(sql), params)
    finally:
        engine.dispose()


def rows(url: str, sql: str) -> list[dict[str, Any]]:
    engine = sa.create_engine(normalise_url(url))
    try:
        with engine.connect() as c:
            return [dict(r) for r in c.execute(sa.text(sql)).mappings()]
    finally:
        engine.dispose()
