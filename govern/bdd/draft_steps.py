"""Steps for draft checks, e.g.

Given the draft "We categorically reject these claims." on "x"
And it is a reply to "The council is selling the park!"
When it is checked
Then the verdict is "refer"
And a "rebuttal" finding covers "categorically reject"
"""

from __future__ import annotations

from typing import Any

from pytest_bdd import given, parsers, then, when

from govern.bdd.plugin import World
from govern.drafts.models import DraftVerdict, Finding

FILLER = "Our libraries lend books, films and games for free, and the staff can help you find them. "


def _draft(world: World) -> dict[str, Any]:
    return world.request.setdefault("draft", {"platform": "x", "posted_at": None})  # type: ignore[no-any-return]


@given(parsers.re(r'the draft "(?P<text>[^"]*)" on "(?P<platform>[^"]*)"$'))
def draft_on(world: World, text: str, platform: str) -> None:
    _draft(world).update(text=text, platform=platform)


@given(parsers.re(r'the draft "(?P<text>[^"]*)"$'))
def draft(world: World, text: str) -> None:
    _draft(world)["text"] = text


@given(parsers.parse('the draft on "{platform}":'))
def draft_docstring(world: World, platform: str, docstring: str) -> None:
    _draft(world).update(text=docstring, platform=platform)


@given(parsers.parse('a draft of {length:d} characters on "{platform}"'))
def draft_of_length(world: World, length: int, platform: str) -> None:
    text = (FILLER * (length // len(FILLER) + 1))[:length]
    _draft(world).update(text=text[:-1] + ".", platform=platform)


@given(parsers.parse("it is posted on {day}"))
def posted_on(world: World, day: str) -> None:
    _draft(world)["posted_at"] = day if "T" in day else f"{day}T12:00:00"


@given(parsers.re(r'it is a reply to "(?P<text>[^"]*)"$'))
def reply_to(world: World, text: str) -> None:
    _draft(world)["in_reply_to"] = text


@given("it is from a personal account")
def personal(world: World) -> None:
    _draft(world)["account"] = "personal"


@given(parsers.parse('the author\'s approach is "{approach}"'))
def approach(world: World, approach: str) -> None:
    _draft(world)["author"] = {"approach": approach}


@given("it has an image without alt text")
def image_without_alt(world: World) -> None:
    _draft(world).update(has_image=True, alt_text=None)


@given(parsers.parse('it has an image with the alt text "{alt}"'))
def image_with_alt(world: World, alt: str) -> None:
    _draft(world).update(has_image=True, alt_text=alt)


@when("it is checked")
def checked(world: World) -> None:
    body = {k: v for k, v in _draft(world).items() if v is not None}
    if "posted_at" not in body and world.today:
        body["posted_at"] = f"{world.today}T12:00:00"
    verdict = world.pack.check(body)
    world.answer = verdict
    world.request["text"] = body["text"]
    world.triggered.extend(f"drafts:{f.rule}" for f in verdict.findings)


def _verdict(world: World) -> DraftVerdict:
    assert isinstance(world.answer, DraftVerdict), "no draft was checked in this scenario"
    return world.answer


def _describe(findings: list[Finding]) -> str:
    if not findings:
        return "no findings"
    return "\n".join(
        f"  {f.severity} {f.rule} ({f.category}) {f.start}-{f.end} {f.excerpt!r}" for f in findings
    )


@then(parsers.parse('the verdict is "{verdict}"'))
def verdict_is(world: World, verdict: str) -> None:
    got = _verdict(world)
    if got.verdict != verdict:
        raise AssertionError(
            f"expected the verdict {verdict}, but it was {got.verdict}:\n{_describe(got.findings)}"
        )


def _matches(f: Finding, name: str) -> bool:
    return name in (f.category, f.rule)


@then(parsers.parse('a "{name}" finding covers "{excerpt}"'))
def finding_covers(world: World, name: str, excerpt: str) -> None:
    got = _verdict(world)
    text: str = world.request["text"]
    at = text.find(excerpt)
    assert at >= 0, f"the draft does not contain {excerpt!r}"
    if not any(_matches(f, name) and f.start <= at and at + len(excerpt) <= f.end for f in got.findings):
        raise AssertionError(
            f"expected a {name} finding covering {excerpt!r} (characters {at}-{at + len(excerpt)}), "
            f"but the findings are:\n{_describe(got.findings)}"
        )


@then(parsers.parse('a "{name}" finding is reported'))
def finding_reported(world: World, name: str) -> None:
    got = _verdict(world)
    if not any(_matches(f, name) for f in got.findings):
        raise AssertionError(f"expected a {name} finding, but the findings are:\n{_describe(got.findings)}")


@then(parsers.parse('no "{name}" finding is reported'))
def no_finding(world: World, name: str) -> None:
    got = _verdict(world)
    wrong = [f for f in got.findings if _matches(f, name)]
    if wrong:
        raise AssertionError(f"expected no {name} finding, but found:\n{_describe(wrong)}")


@then("there are no findings")
def no_findings(world: World) -> None:
    got = _verdict(world)
    if got.findings:
        raise AssertionError(f"expected no findings, but found:\n{_describe(got.findings)}")


@then(parsers.parse('the "{name}" finding suggests "{suggestion}"'))
def suggests(world: World, name: str, suggestion: str) -> None:
    got = _verdict(world)
    offered = [f.suggestion for f in got.findings if _matches(f, name)]
    if not any(s and suggestion in s for s in offered):
        raise AssertionError(f"expected a {name} suggestion containing {suggestion!r}, but got {offered}")


@then(parsers.parse("the {score} score is above {value:g}"))
def score_above(world: World, score: str, value: float) -> None:
    got = getattr(_verdict(world).scores, score.replace(" ", "_"))
    if not got > value:
        raise AssertionError(f"expected the {score} score above {value}, but it is {got}")


@then(parsers.parse("the {score} score is below {value:g}"))
def score_below(world: World, score: str, value: float) -> None:
    got = getattr(_verdict(world).scores, score.replace(" ", "_"))
    if not got < value:
        raise AssertionError(f"expected the {score} score below {value}, but it is {got}")
