"""Moderation through the library: actions, channels, hours, working days, flooding, input."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from govern import Pack, RequestError
from govern.moderation.engine import add_working_days, same_text
from govern.moderation.models import Comment

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = "2026-11-18T11:00:00Z"


def moderate(pack: Pack, text: str, recent: list[dict[str, Any]] | None = None, **fields: Any) -> Any:
    body = {"text": text, "channel": fields.pop("channel", "facebook-page"), "posted_at": WEDNESDAY, **fields}
    return pack.moderate(body, recent)


def test_contract_fields(council: Pack) -> None:
    body = moderate(council, "Someone should burn the council offices down.", comment_id="c-1").model_dump(
        mode="json"
    )
    assert {"action", "reasons", "findings", "escalate_to", "respond_by", "policy"} <= set(body)
    assert body["action"] == "remove" and body["comment_id"] == "c-1"
    assert body["reasons"] == [
        {
            "rule": "threats",
            "category": "threats",
            "message": "This threatens violence against people or property.",
        }
    ]
    assert body["escalate_to"] == "community-safety"
    assert body["retain_until"] == "2027-02-16"


def test_remove_beats_hold_and_lists_only_the_winning_reasons(council: Pack) -> None:
    result = moderate(council, "You absolute muppet. Call me on 07700 900123.")
    assert result.action == "remove"
    assert [r.rule for r in result.reasons] == ["personal-data"]
    assert {f.rule for f in result.findings} == {"personal-data", "insult"}


@pytest.mark.parametrize(
    ("moment", "days", "due"),
    [
        pytest.param("2026-11-18 11:00", 1, "2026-11-19 11:00", id="wednesday"),
        pytest.param("2026-11-20 15:00", 1, "2026-11-23 15:00", id="friday-to-monday"),
        pytest.param("2026-11-21 10:00", 1, "2026-11-24 00:00", id="saturday-end-of-monday"),
        pytest.param("2026-11-22 23:59", 1, "2026-11-24 00:00", id="sunday"),
        pytest.param("2026-11-18 11:00", 3, "2026-11-23 11:00", id="three-days"),
        pytest.param("2026-11-18 11:00", 0, "2026-11-18 11:00", id="zero"),
    ],
)
def test_working_days(moment: str, days: int, due: str) -> None:
    start = dt.datetime.fromisoformat(moment).replace(tzinfo=LONDON)
    assert add_working_days(start, days) == dt.datetime.fromisoformat(due).replace(tzinfo=LONDON)


def test_same_text_ignores_case_and_spacing() -> None:
    assert same_text("  Fix  the\nPOTHOLE ") == same_text("fix the pothole")


def test_flooding_needs_the_same_author_within_the_window(council: Pack) -> None:
    earlier = [
        {
            "text": "Fix it",
            "channel": "facebook-page",
            "author": {"id": "a"},
            "posted_at": f"2026-11-18T10:5{m}:00Z",
        }
        for m in (2, 8)
    ]
    assert moderate(council, "FIX IT", earlier, author={"id": "a"}).action == "hold"
    assert moderate(council, "FIX IT", earlier, author={"id": "b"}).action == "publish"
    assert moderate(council, "FIX IT", earlier[1:], author={"id": "a"}).action == "publish"
    assert moderate(council, "FIX IT", earlier).action == "publish"  # no author: cannot tell


def test_unknown_channel_names_the_known_ones(council: Pack) -> None:
    with pytest.raises(
        RequestError, match="unknown channel 'facebook' \\(did you mean 'facebook-page'\\?\\)"
    ):
        moderate(council, "Hello", channel="facebook")


@pytest.mark.parametrize(
    ("comment", "field"),
    [
        pytest.param({"text": "", "channel": "facebook-page"}, "text", id="empty"),
        pytest.param({"text": "hi", "channel": "facebook-page", "likes": 3}, "likes", id="unknown-field"),
        pytest.param(
            {"text": "hi", "channel": "facebook-page", "posted_at": "yesterday"}, "posted_at", id="bad-date"
        ),
        pytest.param({"text": "x" * 20_001, "channel": "facebook-page"}, "text", id="too-long"),
    ],
)
def test_bad_comments_name_the_field(council: Pack, comment: dict[str, Any], field: str) -> None:
    with pytest.raises(RequestError) as caught:
        council.moderate(comment)
    assert field in [e.field for e in caught.value.errors]


def test_bad_recent_comment_is_reported(council: Pack) -> None:
    with pytest.raises(RequestError, match="invalid recent comment"):
        council.moderate({"text": "hi", "channel": "facebook-page"}, [{"text": "x"}])


def test_finding_offsets_match_excerpts(council: Pack) -> None:
    text = "  Ring 07700 900123 or email jo@example.org — is the tip open?"
    result = moderate(council, text)
    for f in result.findings:
        assert text[f.start : f.end] == f.excerpt
    assert {f.excerpt for f in result.findings} >= {"07700 900123", "jo@example.org"}


def _said(minute: int, author: str = "a") -> Comment:
    return Comment.model_validate(
        {
            "text": "Fix it",
            "channel": "facebook-page",
            "author": {"id": author},
            "posted_at": f"2026-11-18T11:{minute:02d}:00Z",
        }
    )


# (minutes of the author's timeline in order, which of them is judged, how many repeats it has):
# the engine alone decides what counts, even when the timeline holds the comment itself.
REPEATS = [
    pytest.param([0, 3, 6], 2, 2, id="two-before"),
    pytest.param([0, 3, 6], 0, 0, id="later-ones-never-count"),
    pytest.param([6, 3, 0], 0, 2, id="by-time-not-by-place"),
    pytest.param([5, 5, 5], 1, 1, id="same-moment-counts-only-before-it"),
    pytest.param([0, 20], 1, 0, id="outside-the-window"),
]


@pytest.mark.parametrize(("minutes", "judged", "expected"), REPEATS)
def test_repeats_are_judged_by_time_and_the_order_given(
    council: Pack, minutes: list[int], judged: int, expected: int
) -> None:
    timeline = [_said(m) for m in minutes] + [_said(minutes[judged], author="b")]
    comment = timeline[judged]
    posted = comment.posted_at
    assert posted is not None
    assert council.moderation.repeats(comment, posted, timeline) == expected
