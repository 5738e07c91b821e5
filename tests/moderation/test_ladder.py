"""Actions, strikes, the ladder and repeated targeting, through the library call."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from govern import Pack, RequestError
from govern.moderation.models import Comment, ModerationResult

PHONE = "Ring me on 07700 900123 about the bins"  # M4 personal data: removed today, whatever M1-M3 do
SWEARING = "Cllr Smith is a fucking twat."  # M3 strong swearing, aimed at a named councillor
CLEAN = "When is the library open on Saturday"


def body(
    text: str, when: str, cid: str, author: str = "res-1", channel: str = "facebook-page"
) -> dict[str, Any]:
    return {"comment_id": cid, "text": text, "channel": channel, "author": {"id": author}, "posted_at": when}


def run(pack: Pack, comments: list[dict[str, Any]]) -> list[ModerationResult]:
    """Moderate in order, each with the outcomes of the ones before (as the service does)."""
    history: list[Any] = []
    results = []
    for c in comments:
        result = pack.moderate(c, None, history)
        history.append(pack.moderation.outcome(Comment.model_validate(c), result))
        results.append(result)
    return results


def kinds(result: ModerationResult) -> list[str]:
    return [a.action for a in result.actions]


def test_first_removal_warns_third_within_90_days_opens_a_block_review(council: Pack) -> None:
    first, second, third = run(
        council,
        [
            body(PHONE, "2026-09-01T10:00:00", "c1"),
            body(PHONE, "2026-10-01T10:00:00", "c2"),
            body(PHONE, "2026-11-20T10:00:00", "c3"),
        ],
    )
    assert (first.strikes, second.strikes, third.strikes) == (1, 2, 3)
    assert kinds(first) == ["delete", "warn"]
    assert first.actions[0].rule == "personal-data"
    assert first.actions[1].message and "house rules" in first.actions[1].message
    assert kinds(third) == ["delete", "block-review"]
    assert third.actions[1].evidence == ["c1", "c2", "c3"]


@pytest.mark.parametrize(
    ("dates", "strikes", "last"),
    [
        pytest.param(
            ["2026-01-01", "2026-06-01", "2026-11-20"], 1, ["delete", "warn"], id="spread-over-a-year"
        ),
        pytest.param(["2026-08-22", "2026-09-01", "2026-11-20"], 3, ["delete", "block-review"], id="day-90"),
        pytest.param(
            ["2026-08-21", "2026-09-01", "2026-11-20"], 2, ["delete", "warn"], id="day-91-falls-out"
        ),
    ],
)
def test_strikes_count_only_the_period(
    council: Pack, dates: list[str], strikes: int, last: list[str]
) -> None:
    results = run(council, [body(PHONE, f"{d}T10:00:00", f"c{i}") for i, d in enumerate(dates)])
    assert results[-1].strikes == strikes
    assert kinds(results[-1]) == last


def test_published_and_held_comments_are_no_strike(council: Pack) -> None:
    results = run(
        council,
        [
            body(CLEAN, "2026-11-16T10:00:00", "c1"),
            body("What the fuck is going on with the bins", "2026-11-17T10:00:00", "c2"),  # M3: held
            body(PHONE, "2026-11-18T10:00:00", "c3"),
        ],
    )
    assert [r.action for r in results] == ["publish", "hold", "remove"]
    assert [r.strikes for r in results] == [0, 0, 1]
    assert kinds(results[0]) == []
    assert kinds(results[1]) == ["hide"]
    assert kinds(results[2]) == ["delete", "warn"]


def test_another_authors_removals_are_not_my_strikes(council: Pack) -> None:
    results = run(
        council,
        [body(PHONE, "2026-11-16T10:00:00", "a1", "alice"), body(PHONE, "2026-11-17T10:00:00", "a2", "alice")]
        + [body(PHONE, "2026-11-18T10:00:00", "b1", "bob")],
    )
    assert [r.strikes for r in results] == [1, 2, 1]


def test_no_author_no_ladder(council: Pack) -> None:
    result = council.moderate({"text": PHONE, "channel": "facebook-page", "posted_at": "2026-11-18T10:00:00"})
    assert result.strikes == 0 and kinds(result) == ["delete"]


def test_repeated_targeting_across_channels_escalates(council: Pack) -> None:
    first, second = run(
        council,
        [
            body(SWEARING, "2026-11-16T10:00:00", "h1", "res-9", "facebook-page"),
            body(
                "Councillor Jane Smith, you absolute bastard.",
                "2026-11-18T10:00:00",
                "h2",
                "res-9",
                "x-replies",
            ),
        ],
    )
    assert "escalate" not in kinds(first)
    escalation = second.actions[-1]
    assert (escalation.action, escalation.to, escalation.target) == ("escalate", "community-safety", "smith")
    assert escalation.evidence == ["h1", "h2"]
    assert second.escalate_to == "community-safety"


@pytest.mark.parametrize(
    "later",
    [
        pytest.param("Councillor Patel is a fucking twat.", id="another-person"),
        pytest.param("Cllr Smith answered my question, thanks.", id="not-abusive"),
        pytest.param("Cllr Smith answered. This is fucking shit service.", id="abuse-in-another-sentence"),
    ],
)
def test_no_escalation_without_abuse_aimed_twice_at_one_person(council: Pack, later: str) -> None:
    _, second = run(
        council,
        [
            body(SWEARING, "2026-11-16T10:00:00", "h1", "res-9"),
            body(later, "2026-11-17T10:00:00", "h2", "res-9"),
        ],
    )
    assert "escalate" not in kinds(second)


def test_mentions_of_another_commenter_are_targets(council: Pack) -> None:
    _, second = run(
        council,
        [
            body("@dave_r you are a fucking twat", "2026-11-16T10:00:00", "m1", "res-7"),
            body("@Dave_R shut up you wanker", "2026-11-17T10:00:00", "m2", "res-7", "youtube-comments"),
        ],
    )
    assert second.actions[-1].target == "@dave_r"


def test_history_is_validated(council: Pack) -> None:
    with pytest.raises(RequestError) as caught:
        council.moderate(body(PHONE, "2026-11-16T10:00:00", "c1"), None, [{"action": "banned"}])
    assert "earlier outcome" in str(caught.value)


def test_results_are_pure(council: Pack) -> None:
    comment = body(PHONE, "2026-11-16T10:00:00", "c1")
    history = [{"comment_id": "c0", "posted_at": "2026-11-10T10:00:00", "action": "remove"}]
    assert council.moderate(comment, None, history) == council.moderate(comment, None, history)
    assert council.moderate(comment, None, history).strikes == 2
    assert council.moderate(comment).strikes == 1


def test_naive_history_times_are_in_the_packs_zone(council: Pack) -> None:
    moment = dt.datetime(2026, 11, 16, 10, 0)
    history = [
        {"comment_id": "c0", "posted_at": (moment - dt.timedelta(days=90)).isoformat(), "action": "remove"}
    ]
    result = council.moderate(body(PHONE, moment.isoformat(), "c1"), None, history)
    assert result.strikes == 2
