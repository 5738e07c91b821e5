"""A compiled pack is a value: frozen, and answering the same way for the same clock and ids."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from govern import Pack, load_pack
from govern.clock import fixed_clock, local_moment
from govern.drafts.models import Draft
from tests.access.test_engine import _pack_with_rule, request
from tests.conftest import DEFAULT_PACK, FIXTURES

NOON = dt.datetime(2026, 11, 21, 12, tzinfo=dt.UTC)
LONDON = load_pack(FIXTURES / "minimal").timezone


def _counting_ids() -> itertools.count[int]:
    return itertools.count(1)


def test_the_same_clock_and_ids_give_the_same_decision() -> None:
    answers = []
    for _ in range(2):
        counter = _counting_ids()
        pack = load_pack(DEFAULT_PACK, clock=fixed_clock(NOON), ids=lambda c=counter: f"d-{next(c)}")
        answers.append(pack.decide(request(submitted_at=None)).model_dump(mode="json"))
    assert answers[0] == answers[1]
    assert answers[0]["decision_id"] == "d-1"
    assert answers[0]["received_at"] == "2026-11-21T12:00:00Z"


@pytest.mark.parametrize(
    ("clock", "day"),
    [
        pytest.param(NOON, dt.date(2026, 11, 21), id="noon"),
        pytest.param(
            dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC), dt.date(2026, 7, 1), id="after-midnight-bst"
        ),
    ],
)
def test_the_clock_dates_a_draft_with_no_posting_time(clock: dt.datetime, day: dt.date) -> None:
    pack = load_pack(FIXTURES / "minimal", clock=fixed_clock(clock))
    draft = Draft.model_validate({"text": "Bins are collected on Monday.", "platform": "x"})
    assert pack.drafts.subject(draft).local_date == day


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param(None, NOON.astimezone(LONDON), id="none-is-now-in-the-pack-zone"),
        pytest.param(
            dt.datetime(2026, 7, 1, 9), dt.datetime(2026, 7, 1, 9, tzinfo=LONDON), id="naive-is-local"
        ),
        pytest.param(NOON, NOON, id="aware-is-kept"),
    ],
)
def test_local_moment(given: dt.datetime | None, expected: dt.datetime) -> None:
    found = local_moment(given, LONDON, fixed_clock(NOON))
    assert found == expected and found.utcoffset() == expected.utcoffset()


def test_a_compiled_pack_cannot_be_changed(minimal: Pack) -> None:
    with pytest.raises(AttributeError, match="does not change"):
        minimal.access = minimal.access  # type: ignore[misc]
    assert isinstance(minimal.access.rules, tuple)
    assert isinstance(minimal.drafts.checker.rules, tuple)


def test_a_permit_rule_that_cannot_be_evaluated_says_so(tmp_path: Path) -> None:
    pack = _pack_with_rule(
        tmp_path,
        """    - id: trained-readers
      description: Reads for the trained; errors when the course was never taken.
      effect: permit
      match: {access: [read]}
      condition: 'training_days["never-taken"] < 30'
      message: Granted.
""",
    )
    decision = pack.decide(request(access="read", site="facebook.com"))
    assert decision.decision == "permit"  # read-social still permits; the broken rule does not count
    assert [r.rule for r in decision.reasons] == ["read-social"]
    assert any(
        "permit rule 'trained-readers' could not be evaluated and does not apply" in w
        for w in decision.warnings
    )


def test_a_permit_rule_that_evaluates_adds_no_warning(tmp_path: Path) -> None:
    pack = _pack_with_rule(
        tmp_path,
        """    - id: trained-readers
      description: Reads for the trained.
      effect: permit
      match: {access: [read]}
      condition: '"social-media-essentials" in training_days'
      message: Granted.
""",
    )
    decision = pack.decide(request(access="read", site="facebook.com"))
    assert [r.rule for r in decision.reasons] == ["trained-readers", "read-social"]
    assert decision.warnings == []
