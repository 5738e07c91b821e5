"""Fixtures for the service: a fresh store per test, SQLite by default, PostgreSQL when
GOVERN_TEST_PG holds a database URL (the same tests run on both)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from govern.api.app import create_app
from govern.settings import Settings
from govern.store.sql import SqlStore, normalise_url
from tests.conftest import DEFAULT_PACK, LOCAL


@pytest.fixture(autouse=True, scope="session")
def state_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """PostgreSQL stores keep their log key and head file in the user's state folder: a temporary
    one here, inherited by the servers the fault tests start, instead of the real home."""
    old = os.environ.get("XDG_STATE_HOME")
    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("state"))
    yield
    if old is None:
        del os.environ["XDG_STATE_HOME"]
    else:
        os.environ["XDG_STATE_HOME"] = old


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    if request.param == "sqlite":
        sqlite = SqlStore(str(tmp_path / "govern.db"))
        yield sqlite
        sqlite.close()
        return
    url = os.environ.get("GOVERN_TEST_PG")
    if not url:
        pytest.skip("PostgreSQL tests run when GOVERN_TEST_PG is set (.ci/run sets it)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(normalise_url(url))
    with admin.begin() as c:
        c.exec_driver_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    postgres = SqlStore(f"{url}{separator}options=-csearch_path%3D{schema}", log=Settings.from_env().log)
    yield postgres
    postgres.close()
    with admin.begin() as c:
        c.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


@pytest.fixture
def client(store: SqlStore) -> TestClient:
    return TestClient(create_app(str(DEFAULT_PACK), store, open_access=True), base_url=LOCAL)
