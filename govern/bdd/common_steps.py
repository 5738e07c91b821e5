"""Steps every kind of scenario shares."""

from __future__ import annotations

import datetime as dt

from pytest_bdd import given, parsers

from govern.bdd.plugin import World


@given(parsers.parse("today is {day}"))
def today_is(world: World, day: str) -> None:
    world.today = dt.date.fromisoformat(day).isoformat()
