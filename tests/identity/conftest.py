from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.identity.provider import RunningProvider, start_provider, stop_provider


@pytest.fixture(scope="session")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningProvider]:
    """Node's oidc-provider on a free loopback port, for the whole session."""
    running = start_provider(tmp_path_factory.mktemp("oidc"))
    yield running
    stop_provider(running.process)
