"""The identity tests' fixtures: the service's stores (SQLite, and PostgreSQL when GOVERN_TEST_PG
is set) and Node's oidc-provider on a free loopback port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.conftest import state_home, store
from tests.identity.provider import RunningProvider, start_provider, stop_provider

__all__ = ["provider", "state_home", "store"]


@pytest.fixture(scope="session")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningProvider]:
    """Node's oidc-provider on a free loopback port, for the whole session."""
    running = start_provider(tmp_path_factory.mktemp("oidc"))
    yield running
    stop_provider(running.process)
