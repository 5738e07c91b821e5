"""Steps for sign-off of drafts (four eyes, expiry, the pre-publish gate, acknowledgements), e.g.

Given the draft "This story was leaked from an internal memo." on "x"
When "amira" sends it for sign-off
Then it waits for "legal"
And it cannot be published
When "legal-lead" approves it
Then it can be published

The scenario runs the real sign-off service (govern.signoff) on an in-memory store with a clock the
scenario moves ("3 hours pass"); "published" asks the pre-publish gate, as a scheduler would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from pytest_bdd import parsers, then, when

from govern.bdd.plugin import World
from govern.signoff import MemoryReviews, ReviewItem, Signoff, SignoffError

START = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


@dataclass
class Desk:
    """The scenario's sign-off service, its clock, the item it talks about and the last refusal."""

    now: dt.datetime = START
    item: ReviewItem | None = None
    refused: SignoffError | None = None
    logged: list[tuple[str, str, str]] = field(default_factory=list)
    service: Signoff = field(init=False)

    def __post_init__(self) -> None:
        self.service = Signoff(MemoryReviews(), self._log, lambda: self.now)

    def _log(self, kind: str, ref: str, actor: str, input: dict[str, Any], result: dict[str, Any]) -> None:
        self.logged.append((kind, str(input.get("step", kind)), actor))

    def current(self) -> ReviewItem:
        assert self.item is not None, "no draft was sent for sign-off in this scenario"
        self.item = self.service.get(self.item.id)
        return self.item


@pytest.fixture
def desk() -> Desk:
    return Desk()


def _draft(world: World) -> dict[str, Any]:
    draft = world.request.get("draft")
    assert draft and draft.get("text"), 'start with: Given the draft "..." on "x"'
    return {k: v for k, v in draft.items() if v is not None}


def _try(desk: Desk, step: Any) -> None:
    desk.refused = None
    try:
        step()
    except SignoffError as exc:
        desk.refused = exc


@when(parsers.re(r'"(?P<author>[^"]+)" sends it for sign-off$'))
def send(world: World, desk: Desk, author: str) -> None:
    desk.item = desk.service.submit(world.pack, author, _draft(world))
    world.triggered.extend(f"drafts:{f['rule']}" for f in desk.item.latest.verdict["findings"])


@when(parsers.re(r'"(?P<author>[^"]+)" sends it for sign-off to be published in (?P<hours>\d+) hours?$'))
def send_scheduled(world: World, desk: Desk, author: str, hours: str) -> None:
    due = desk.now + dt.timedelta(hours=int(hours))
    desk.item = desk.service.submit(world.pack, author, _draft(world), scheduled_at=due)


@when(parsers.re(r'"(?P<reviewer>[^"]+)" approves it$'))
def approves(desk: Desk, reviewer: str) -> None:
    desk.item = desk.service.approve(desk.current().id, reviewer)


@when(parsers.re(r'"(?P<reviewer>[^"]+)" rejects it because "(?P<reason>[^"]*)"$'))
def rejects(desk: Desk, reviewer: str, reason: str) -> None:
    desk.item = desk.service.reject(desk.current().id, reviewer, reason)


@when(parsers.re(r'"(?P<reviewer>[^"]+)" asks for changes because "(?P<reason>[^"]*)"$'))
def asks_for_changes(desk: Desk, reviewer: str, reason: str) -> None:
    desk.item = desk.service.request_changes(desk.current().id, reviewer, reason)


@when(parsers.re(r'"(?P<author>[^"]+)" sends a new version "(?P<text>[^"]*)"$'))
def new_version(world: World, desk: Desk, author: str, text: str) -> None:
    world.request["draft"]["text"] = text  # the text that will be published is the new one
    desk.item = desk.service.resubmit(world.pack, desk.current().id, author, _draft(world), None)


@when(parsers.re(r"(?P<hours>\d+) hours? pass(es)?$"))
def time_passes(desk: Desk, hours: str) -> None:
    desk.now += dt.timedelta(hours=int(hours))


@when(parsers.re(r'"(?P<author>[^"]+)" acknowledges "(?P<rule>[^"]+)" because "(?P<reason>[^"]*)"$'))
def acknowledges(world: World, desk: Desk, author: str, rule: str, reason: str) -> None:
    desk.service.acknowledge(world.pack, author, _draft(world), rule, reason)


@then(parsers.re(r'it waits for "(?P<queue>[^"]+)"$'))
def waits_for(desk: Desk, queue: str) -> None:
    item = desk.current()
    assert (item.status, item.queue) == ("open", queue), f"it is {item.status} in the {item.queue} queue"


@then(parsers.re(r"it is (?P<status>open|approved|rejected|expired|changes-requested)$"))
def status_is(desk: Desk, status: str) -> None:
    assert desk.current().status == status, f"it is {desk.current().status}"


@then("it has expired")
def expired(desk: Desk) -> None:
    status_is(desk, "expired")


def _gate(world: World, desk: Desk) -> str:
    answer = desk.service.gate(world.pack, "scheduler", _draft(world))
    if desk.item is None and answer.review is not None:
        desk.item = answer.review
    return answer.decision


@then("it can be published")
def can_publish(world: World, desk: Desk) -> None:
    assert _gate(world, desk) == "allow", "the gate holds it"


@then("it cannot be published")
def cannot_publish(world: World, desk: Desk) -> None:
    assert _gate(world, desk) == "hold", "the gate allows it"


@then(parsers.re(r'"(?P<reviewer>[^"]+)" cannot (?P<step>approve|reject|ask for changes to) it$'))
def cannot(desk: Desk, reviewer: str, step: str) -> None:
    item = desk.current()
    act = {
        "approve": lambda: desk.service.approve(item.id, reviewer),
        "reject": lambda: desk.service.reject(item.id, reviewer, "a reason"),
        "ask for changes to": lambda: desk.service.request_changes(item.id, reviewer, "a reason"),
    }[step]
    _try(desk, act)
    assert desk.refused is not None, f"{reviewer} could {step} it"
    assert desk.current().status == item.status


@then(parsers.re(r'"(?P<author>[^"]+)" cannot acknowledge "(?P<rule>[^"]+)"$'))
def cannot_acknowledge(world: World, desk: Desk, author: str, rule: str) -> None:
    _try(desk, lambda: desk.service.acknowledge(world.pack, author, _draft(world), rule, "a reason"))
    assert desk.refused is not None and desk.refused.code == "not_acknowledgeable", "it was acknowledged"


@then(parsers.re(r'the decision log shows "(?P<steps>[^"]*)"$'))
def log_shows(desk: Desk, steps: str) -> None:
    wanted = [tuple(s.strip().split(" by ")) for s in steps.split(",")]
    got = [(step, actor) for kind, step, actor in desk.logged if kind == "signoff"]
    assert got == wanted, f"the log shows {got}"
