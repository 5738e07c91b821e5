"""The contract's shared pieces: one Finding order, one wording of what is wrong with a request."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from govern import Pack
from govern.contract import Finding, field_errors, ordered, parse
from govern.drafts.models import Draft
from govern.errors import FieldError, RequestError


def finding(rule: str, start: int, end: int, severity: str) -> Finding:
    return Finding(rule=rule, category="c", severity=severity, message="m", start=start, end=end, excerpt="x")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param([("b", 5, 9, "info"), ("a", 0, 3, "info")], ["a", "b"], id="by-position"),
        pytest.param([("b", 0, 9, "info"), ("a", 0, 3, "info")], ["a", "b"], id="shorter-first"),
        pytest.param([("a", 0, 3, "revise"), ("z", 0, 3, "block")], ["z", "a"], id="drafts-worst-first"),
        pytest.param([("a", 0, 3, "hold"), ("z", 0, 3, "remove")], ["z", "a"], id="moderation-worst-first"),
        pytest.param([("b", 0, 3, "hold"), ("a", 0, 3, "hold")], ["a", "b"], id="then-rule"),
    ],
)
def test_findings_have_one_order(given: list[tuple[str, int, int, str]], expected: list[str]) -> None:
    assert [f.rule for f in ordered(finding(*g) for g in given)] == expected


def test_a_moderation_result_lists_its_findings_in_the_one_order(council: Pack) -> None:
    result = council.moderate(
        {"text": "You are a fucking idiot, call 07700 900123", "channel": "facebook-page"}
    )
    assert result.findings and result.findings == ordered(result.findings)


def _validation_error(data: dict[str, Any]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        Draft.model_validate(data)
    return caught.value


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param({"platform": "x"}, [FieldError("text", "is required")], id="missing"),
        pytest.param(
            {"text": "hi", "platform": "x", "colour": 1}, [FieldError("colour", "unknown field")], id="extra"
        ),
        pytest.param(
            {"text": "hi", "platform": "fax"},
            [
                FieldError(
                    "platform",
                    "Input should be 'x', 'bluesky', 'mastodon', 'facebook', 'linkedin', "
                    "'instagram', 'threads', 'nextdoor' or 'blog' (got 'fax')",
                )
            ],
            id="wrong-value",
        ),
    ],
)
def test_field_errors_word_a_body_the_same_from_any_door(
    data: dict[str, Any], expected: list[FieldError]
) -> None:
    error = _validation_error(data)
    assert field_errors(error) == expected
    as_fastapi_reports_it = [{**e, "loc": ("body", *e["loc"])} for e in error.errors()]
    assert field_errors(as_fastapi_reports_it) == expected
    with pytest.raises(RequestError) as caught:
        parse(Draft, data, "draft")
    assert caught.value.errors == expected


def test_parse_refuses_what_is_not_an_object() -> None:
    with pytest.raises(RequestError, match="expected a JSON object, got list"):
        parse(Draft, [], "draft")
