"""A sign-off service on each store (in memory and SQLite), with a clock the test moves."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from govern.settings import Settings
from govern.signoff import MemoryReviews, ReviewStore, Signoff
from govern.signoff.sql import SqlReviews
from govern.store.sql import SqlStore, normalise_url

START = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


@dataclass
class Clock:
    now: dt.datetime = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclass
class Logged:
    entries: list[tuple[str, str, str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    def __call__(
        self, kind: str, ref: str, actor: str, input: dict[str, Any], result: dict[str, Any]
    ) -> None:
        self.entries.append((kind, ref, actor, input, result))

    def steps(self, ref: str) -> list[tuple[str, str, str]]:
        """(step, actor, status) of each logged step of one item."""
        return [(i["step"], a, r["status"]) for k, f, a, i, r in self.entries if k == "signoff" and f == ref]


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def reviews(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ReviewStore]:
    """The in-memory double and the SQL store, which must behave the same."""
    if request.param == "memory":
        yield MemoryReviews()
        return
    if request.param == "sqlite":
        store = SqlStore(str(tmp_path / "govern.db"))
        yield SqlReviews(store.engine)
        store.close()
        return
    url = os.environ.get("GOVERN_TEST_PG")
    if not url:
        pytest.skip("PostgreSQL tests run when GOVERN_TEST_PG is set (.ci/run sets it)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(normalise_url(url))
    with admin.begin() as c:
        c.exec_driver_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    store = SqlStore(f"{url}{separator}options=-csearch_path%3D{schema}", log=Settings.from_env().log)
    yield SqlReviews(store.engine)
    store.close()
    with admin.begin() as c:
        c.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def logged() -> Logged:
    return Logged()


@pytest.fixture
def signoff(reviews: ReviewStore, clock: Clock, logged: Logged) -> Signoff:
    return Signoff(reviews, logged, clock)
