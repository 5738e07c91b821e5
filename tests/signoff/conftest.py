"""A sign-off service on each store (in memory and SQLite), with a clock the test moves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from govern.signoff import MemoryReviews, ReviewStore, Signoff
from govern.signoff.sql import SqlReviews
from govern.store.sql import SqlStore

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


@pytest.fixture(params=["memory", "sqlite"])
def reviews(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ReviewStore]:
    if request.param == "memory":
        yield MemoryReviews()
        return
    store = SqlStore(str(tmp_path / "govern.db"))
    yield SqlReviews(store.engine)
    store.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def logged() -> Logged:
    return Logged()


@pytest.fixture
def signoff(reviews: ReviewStore, clock: Clock, logged: Logged) -> Signoff:
    return Signoff(reviews, logged, clock)
