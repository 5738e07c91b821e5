"""Steps for comment moderation, e.g.

Given a comment "What a load of rubbish, the council never listens" on "facebook-page"
And it is posted at 2026-11-20T15:00
When it is moderated
Then it is published
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pytest_bdd import given, parsers, then, when

from govern.bdd.plugin import World
from govern.moderation.models import ModerationResult


def _comment(world: World) -> dict[str, Any]:
    return world.request.setdefault("comment", {"channel": "facebook-page"})  # type: ignore[no-any-return]


@given(parsers.re(r'a comment "(?P<text>[^"]*)" on "(?P<channel>[^"]*)"$'))
def comment_on(world: World, text: str, channel: str) -> None:
    _comment(world).update(text=text, channel=channel)


@given(parsers.re(r'a comment "(?P<text>[^"]*)"$'))
def comment(world: World, text: str) -> None:
    _comment(world)["text"] = text


@given(parsers.parse('a comment on "{channel}":'))
def comment_docstring(world: World, channel: str, docstring: str) -> None:
    _comment(world).update(text=docstring, channel=channel)


@given(parsers.parse('it is by "{author}"'))
def by_author(world: World, author: str) -> None:
    _comment(world)["author"] = {"id": author}


@given(parsers.parse("it is posted at {moment}"))
def posted_at(world: World, moment: str) -> None:
    _comment(world)["posted_at"] = dt.datetime.fromisoformat(moment).isoformat()


@given(parsers.re(r'"(?P<author>[^"]*)" already posted "(?P<text>[^"]*)" at (?P<moment>\S+)$'))
def earlier(world: World, author: str, text: str, moment: str) -> None:
    recent: list[dict[str, Any]] = world.request.setdefault("recent", [])
    channel = _comment(world).get("channel", "facebook-page")
    recent.append(
        {
            "text": text,
            "channel": channel,
            "author": {"id": author},
            "posted_at": dt.datetime.fromisoformat(moment).isoformat(),
        }
    )


@when("it is moderated")
def moderated(world: World) -> None:
    body = dict(_comment(world))
    result = world.pack.moderate(body, world.request.get("recent"), world.request.get("history"))
    world.answer = result
    world.request["text"] = body["text"]
    world.triggered.extend(f"moderation:{f.rule}" for f in result.findings)
    world.triggered.extend(f"moderation:{r.rule}" for r in result.reasons)


def _result(world: World) -> ModerationResult:
    assert isinstance(world.answer, ModerationResult), "no comment was moderated in this scenario"
    return world.answer


def _explain(result: ModerationResult) -> str:
    found = [f"  {f.severity} {f.rule} {f.excerpt!r}" for f in result.findings]
    return "\n".join([f"  reasons: {[r.rule for r in result.reasons] or 'none'}", *found])


def _expect(world: World, action: str) -> ModerationResult:
    result = _result(world)
    if result.action != action:
        raise AssertionError(
            f"expected the comment to be {action}, but it was {result.action}:\n{_explain(result)}"
        )
    return result


@then("it is published")
def published(world: World) -> None:
    _expect(world, "publish")


@then(parsers.parse('it is held because of "{rule}"'))
def held(world: World, rule: str) -> None:
    result = _expect(world, "hold")
    if rule not in [r.rule for r in result.reasons]:
        raise AssertionError(f"expected it held because of {rule}:\n{_explain(result)}")


@then(parsers.parse('it is removed because of "{rule}"'))
def removed(world: World, rule: str) -> None:
    result = _expect(world, "remove")
    if rule not in [r.rule for r in result.reasons]:
        raise AssertionError(f"expected it removed because of {rule}:\n{_explain(result)}")


@then(parsers.parse('it is escalated to "{team}"'))
def escalated(world: World, team: str) -> None:
    got = _result(world).escalate_to
    if got != team:
        raise AssertionError(f"expected escalation to {team}, but got {got}")


@then(parsers.parse("a reply is due by {moment}"))
def reply_due(world: World, moment: str) -> None:
    got = _result(world).respond_by
    expected = dt.datetime.fromisoformat(moment)
    if got is None or got.replace(tzinfo=None) != expected.replace(tzinfo=None):
        raise AssertionError(f"expected a reply due by {expected}, but it is {got}")


@then("no reply is due")
def no_reply_due(world: World) -> None:
    got = _result(world).respond_by
    if got is not None:
        raise AssertionError(f"expected no reply due, but one is due by {got}")


@then(parsers.parse('the author is told "{text}"'))
def author_told(world: World, text: str) -> None:
    got = _result(world).reply or ""
    if text not in got:
        raise AssertionError(f"expected the reply to the author to contain {text!r}, but it is {got!r}")


@then(parsers.parse("the removed comment is kept until {day}"))
def kept_until(world: World, day: str) -> None:
    got = _result(world).retain_until
    if got != dt.date.fromisoformat(day):
        raise AssertionError(f"expected the comment kept until {day}, but it is {got}")
