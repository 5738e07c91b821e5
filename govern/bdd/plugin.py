"""pytest plugin: the pack under test, the scenario's world, and every step module."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from govern.pack import Pack, load_pack

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
        help="policy pack the Gherkin scenarios run against (default: $GOVERN_PACK or council-default)",
    )
    group.addoption(
        "--govern-mutation",
        default=None,
        metavar="KIND:RULE",
        help="run against a mutant of the pack: disable:RULE or flip:RULE (govern test --mutate)",
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
    from govern.cli import default_policies

    path = request.config.getoption("--govern-pack") or os.environ.get("GOVERN_PACK")
    pack = load_pack(path or default_policies())
    mutation = request.config.getoption("--govern-mutation")
    if mutation:
        mutate(pack, mutation)
    return pack


def mutate(pack: Pack, mutation: str) -> None:
    """Change a loaded pack in memory: `disable:[AREA:]RULE` drops a rule, `flip:[access:]RULE`
    turns an access rule's permit into deny or its deny into permit."""
    import dataclasses

    kind, _, target = mutation.partition(":")
    area, _, rule_id = target.rpartition(":")
    engine = pack.access
    if kind == "disable":
        if area in ("", "access"):
            engine.rules = [r for r in engine.rules if r.rule.id != rule_id]
        for name, checker in (("drafts", pack.drafts.checker), ("moderation", pack.moderation.checker)):
            if area in ("", name):
                checker.rules = [c for c in checker.rules if c.rule.id != rule_id]
    elif kind == "flip":
        flipped = []
        for r in engine.rules:
            if r.rule.id == rule_id and r.rule.effect in ("permit", "deny"):
                effect = "deny" if r.rule.effect == "permit" else "permit"
                r = dataclasses.replace(
                    r, rule=r.rule.model_copy(update={"effect": effect, "only_with_permit": False})
                )
            flipped.append(r)
        engine.rules = flipped
    else:
        raise pytest.UsageError(f"unknown mutation '{mutation}': use disable:RULE or flip:RULE")
    engine.reset_caches()


@pytest.fixture
def world(govern_pack: Pack, request: pytest.FixtureRequest) -> Iterator[World]:
    state = World(pack=govern_pack)
    yield state
    request.node.user_properties.append(("govern_rules", ",".join(dict.fromkeys(state.triggered))))
