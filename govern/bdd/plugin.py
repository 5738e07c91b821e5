"""pytest plugin: the pack under test, the scenario's world, and every step module."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from govern.bdd.mutation import MutationError, mutant
from govern.pack import Pack, load_pack
from govern.settings import Settings

pytest_plugins = [
    "govern.bdd.access_steps",
    "govern.bdd.common_steps",
    "govern.bdd.draft_steps",
    "govern.bdd.moderation_team_steps",
    "govern.bdd.moderation_steps",
    "govern.bdd.signoff_steps",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("govern")
    group.addoption(
        "--govern-pack",
        default=None,
        metavar="DIR",
        help="policy pack the Gherkin scenarios run against (default: $GOVERN_PACK, else council-default)",
    )
    group.addoption(
        "--govern-mutation",
        default=None,
        metavar="KIND:RULE",
        help="run against a mutant of the pack: disable:AREA:RULE or flip:access:RULE (govern test --mutate)",
    )


@dataclass
class World:
    """What one scenario has said so far, and the answer it got."""

    pack: Pack
    today: str | None = None
    request: dict[str, Any] = field(default_factory=dict)
    answer: Any = None
    triggered: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def govern_pack(request: pytest.FixtureRequest) -> Pack:
    path = request.config.getoption("--govern-pack") or Settings.from_env().pack_path
    pack = load_pack(path)
    mutation = request.config.getoption("--govern-mutation")
    if mutation:
        try:
            return mutant(pack, mutation)
        except MutationError as exc:
            raise pytest.UsageError(str(exc)) from None
    return pack


@pytest.fixture
def world(govern_pack: Pack, request: pytest.FixtureRequest) -> Iterator[World]:
    state = World(pack=govern_pack)
    yield state
    request.node.user_properties.append(("govern_rules", ",".join(dict.fromkeys(state.triggered))))
