"""Steps for running a moderation team: the ladder of strikes, appeals and the working calendar.

Given "res-1" had comments removed on 2026-09-01 and 2026-10-01
When it is moderated
Then the actions are "delete, block-review"
And the author has 3 strikes

Appeals run through the service's records, in a database of the scenario's own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from govern.bdd.plugin import World
from govern.calendar import WorkingCalendar
from govern.moderation.models import Comment, ModerationResult
from govern.moderation_team import Refused, TeamDesk
from govern.store.sql import SqlStore


def _result(world: World) -> ModerationResult:
    assert isinstance(world.answer, ModerationResult), "no comment was moderated in this scenario"
    return world.answer


# --- the ladder ---------------------------------------------------------------------------------


@given(parsers.re(r'"(?P<author>[^"]+)" had (?:a comment|comments) removed on (?P<days>[\d\-, and]+)$'))
def removed_before(world: World, author: str, days: str) -> None:
    history: list[dict[str, Any]] = world.request.setdefault("history", [])
    for day in [d for d in days.replace(" and ", ",").split(",") if d.strip()]:
        history.append(
            {
                "comment_id": f"earlier-{len(history) + 1}",
                "author": author,
                "posted_at": f"{day.strip()}T10:00:00",
                "action": "remove",
            }
        )


@given(
    parsers.re(
        r'"(?P<author>[^"]+)" earlier posted "(?P<text>[^"]*)" at (?P<moment>\S+) on "(?P<channel>[^"]+)"$'
    )
)
def earlier_outcome(world: World, author: str, text: str, moment: str, channel: str) -> None:
    """An earlier comment, moderated as it would have been: its outcome joins the history."""
    history: list[dict[str, Any]] = world.request.setdefault("history", [])
    body = {
        "comment_id": f"earlier-{len(history) + 1}",
        "text": text,
        "channel": channel,
        "author": {"id": author},
        "posted_at": dt.datetime.fromisoformat(moment).isoformat(),
    }
    result = world.pack.moderate(body, None, history)
    history.append(
        world.pack.moderation.outcome(Comment.model_validate(body), result).model_dump(mode="json")
    )


@given(parsers.parse('its id is "{cid}"'))
def its_id(world: World, cid: str) -> None:
    world.request.setdefault("comment", {"channel": "facebook-page"})["comment_id"] = cid


@then(parsers.parse('the actions are "{names}"'))
def actions_are(world: World, names: str) -> None:
    got = [a.action for a in _result(world).actions]
    expected = [n.strip() for n in names.split(",") if n.strip()]
    if got != expected:
        raise AssertionError(f"expected the actions {expected}, but they are {got}")


@then("there are no actions")
def no_actions(world: World) -> None:
    got = [a.action for a in _result(world).actions]
    if got:
        raise AssertionError(f"expected no actions, but got {got}")


@then(parsers.parse('"{action}" is because of "{rule}"'))
def action_because(world: World, action: str, rule: str) -> None:
    rules = [a.rule for a in _result(world).actions if a.action == action]
    if rule not in rules:
        raise AssertionError(
            f"expected {action} because of {rule}, but it is because of {rules or 'nothing'}"
        )


@then(parsers.re(r"the author has (?P<count>\d+) strikes?$"))
def strikes(world: World, count: str) -> None:
    got = _result(world).strikes
    if got != int(count):
        raise AssertionError(f"expected {count} strikes, but the author has {got}")


@then(parsers.re(r"the block review holds (?P<count>\d+) comments as evidence$"))
def block_evidence(world: World, count: str) -> None:
    reviews = [a for a in _result(world).actions if a.action == "block-review"]
    if not reviews or len(reviews[0].evidence) != int(count):
        raise AssertionError(f"expected a block review with {count} comments, got {reviews}")


@then(parsers.parse('the author is warned privately "{text}"'))
def warned(world: World, text: str) -> None:
    warnings = [a.message or "" for a in _result(world).actions if a.action == "warn"]
    if not any(text in w for w in warnings):
        raise AssertionError(f"expected a warning containing {text!r}, got {warnings}")


@then(parsers.parse('it is escalated as harassment of "{target}" to "{team}"'))
def harassment(world: World, target: str, team: str) -> None:
    found = [(a.target, a.to) for a in _result(world).actions if a.action == "escalate"]
    if (target, team) not in found:
        raise AssertionError(f"expected harassment of {target} escalated to {team}, got {found}")


@then("it is not escalated as harassment")
def no_harassment(world: World) -> None:
    found = [a for a in _result(world).actions if a.action == "escalate"]
    if found:
        raise AssertionError(f"expected no harassment escalation, got {found}")


# --- appeals ------------------------------------------------------------------------------------


@given(parsers.parse('"{moderator}" removed the comment "{cid}" by "{author}": "{text}"'))
def removed_by(
    world: World,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    moderator: str,
    cid: str,
    author: str,
    text: str,
) -> None:
    store = SqlStore(str(tmp_path / "scenario.db"))
    request.addfinalizer(store.close)
    desk = TeamDesk(store)
    comment = Comment.model_validate(
        {"comment_id": cid, "text": text, "channel": "facebook-page", "author": {"id": author}}
    )
    result = world.pack.moderate(comment)
    posted = dt.datetime.now(dt.UTC)
    store.append(
        "moderation",
        cid,
        moderator,
        world.pack.ref.model_dump(),
        {"text": text},
        result.model_dump(mode="json"),
    )
    store.save_comment(cid, author, comment.channel, text, posted, result.action, result.retain_until)
    desk.after(world.pack, comment, result, posted, moderator)
    world.request["desk"], world.request["comment_id"] = desk, cid


@when(parsers.parse('the author appeals "{statement}"'))
def appeals(world: World, statement: str) -> None:
    desk: TeamDesk = world.request["desk"]
    world.request["appeal"] = desk.appeal(world.request["comment_id"], statement)


@when(
    parsers.re(
        r'"(?P<moderator>[^"]+)" (?P<outcome>restores it|upholds the removal) because "(?P<reason>[^"]+)"$'
    )
)
def decides(world: World, moderator: str, outcome: str, reason: str) -> None:
    desk: TeamDesk = world.request["desk"]
    try:
        world.request["appeal"] = desk.decide_appeal(
            world.request["appeal"].appeal_id, moderator, outcome == "restores it", reason
        )
        world.request["refused"] = None
    except Refused as exc:
        world.request["refused"] = exc


@then("the appeal is refused to that moderator")
def refused(world: World) -> None:
    exc = world.request.get("refused")
    if not isinstance(exc, Refused) or exc.status != 403:
        raise AssertionError(f"expected the decision refused (403), got {exc!r}")


@then(parsers.parse('the comment is "{action}" again'))
def comment_is(world: World, action: str) -> None:
    desk: TeamDesk = world.request["desk"]
    stored = desk.records.comment(world.request["comment_id"])
    if stored is None or stored["action"] != action:
        raise AssertionError(f"expected the comment {action}, but it is {stored and stored['action']}")


@then(parsers.parse('the decision is recorded with the reason "{reason}"'))
def reason_recorded(world: World, reason: str) -> None:
    desk: TeamDesk = world.request["desk"]
    reasons = [d.reason for d in desk.records.decisions(subject=world.request["comment_id"])]
    if reason not in reasons:
        raise AssertionError(f"expected a decision with the reason {reason!r}, got {reasons}")


# --- the working calendar -----------------------------------------------------------------------


def _calendar(world: World) -> WorkingCalendar:
    found = world.request.get("calendar")
    return found if isinstance(found, WorkingCalendar) else world.pack.moderation.calendar


@given(parsers.parse("the offices are also closed on {day}"))
def closed_on(world: World, day: str) -> None:
    calendar = _calendar(world)
    world.request["calendar"] = WorkingCalendar.of(
        calendar.nation, {*calendar.closures, dt.date.fromisoformat(day)}
    )


@given(parsers.parse('the bank holidays are those of "{nation}"'))
def nation(world: World, nation: str) -> None:
    world.request["calendar"] = WorkingCalendar.of(nation, _calendar(world).closures)


@then(parsers.parse('{day} is not a working day: "{why}"'))
def not_working(world: World, day: str, why: str) -> None:
    got = _calendar(world).closed(dt.date.fromisoformat(day))
    if got != why:
        raise AssertionError(f"expected {day} closed for {why!r}, but it is {got!r}")


@then(parsers.parse("{day} is a working day"))
def working(world: World, day: str) -> None:
    got = _calendar(world).closed(dt.date.fromisoformat(day))
    if got is not None:
        raise AssertionError(f"expected {day} to be a working day, but it is closed: {got}")


@then(parsers.re(r"(?P<days>\d+) working days? after (?P<start>\S+) is (?P<end>\S+)$"))
def working_days_after(world: World, days: str, start: str, end: str) -> None:
    got = _calendar(world).add_working_days(dt.datetime.fromisoformat(start), int(days))
    if got != dt.datetime.fromisoformat(end):
        raise AssertionError(f"expected {end}, but {days} working days after {start} is {got.isoformat()}")
