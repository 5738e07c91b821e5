"""The access evaluator: combining, dates, grants, obligations, bad requests."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from govern import AccessRequest, Pack, RequestError, load_pack
from tests.conftest import FIXTURES, write_pack

# The moment the service received the request in these tests: expiry counts from it.
AT = dt.datetime(2026, 11, 21, 10, tzinfo=dt.UTC)


def request(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "requester": {
            "id": "jsmith",
            "department": "Planning",
            "role": "officer",
            "employment": "permanent",
            "groups": [],
            "training": [{"course": "social-media-essentials", "completed_on": "2026-03-01"}],
        },
        "site": "x.com",
        "access": "post",
        "approach": "converse",
        "business_case": {
            "purpose": "To consult residents on the local plan and answer their questions online",
            "drivers": ["consultation"],
            "priorities": ["NI 4"],
            "benefits": ["More residents respond"],
            "duration_days": 200,
            "manager_approved": True,
        },
        "submitted_at": "2026-11-21T10:00:00Z",
    }
    out = copy.deepcopy(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key].update(value)
        else:
            out[key] = value
    return out


def test_spec_example_is_permitted_exactly(council: Pack) -> None:
    decision = council.decide(request(request_id="req-1"), received_at=AT)
    body = decision.model_dump(mode="json")
    assert body["decision"] == "permit"
    assert body["expires_on"] == "2027-05-20"
    assert body["request_id"] == "req-1"
    assert body["site"] == {"domain": "x.com", "category": "social-network"}
    assert [o["id"] for o in body["obligations"]] == ["identify-as-officer", "pre-check-drafts"]
    assert body["refer_to"] is None and body["missing"] == []
    assert body["policy"] == {
        "pack": "council-default",
        "version": "1.0.0",
        "digest": council.digest,
    }
    assert set(body) >= {
        "decision",
        "decision_id",
        "site",
        "reasons",
        "missing",
        "obligations",
        "expires_on",
        "refer_to",
        "policy",
    }


def test_decision_ids_are_unique_and_decisions_otherwise_deterministic(council: Pack) -> None:
    first, second = council.decide(request(), received_at=AT), council.decide(request(), received_at=AT)
    assert first.decision_id != second.decision_id
    assert first.model_dump(exclude={"decision_id"}) == second.model_dump(exclude={"decision_id"})


def test_library_accepts_a_model_as_well_as_a_dict(council: Pack) -> None:
    model = AccessRequest.model_validate(request())
    assert council.decide(model).decision == council.decide(request()).decision == "permit"
    assert council.is_permitted(model) is True


def test_request_date_is_taken_in_the_pack_time_zone(council: Pack) -> None:
    # 23:30 UTC on 31 May is already 1 June in London (BST).
    at = dt.datetime(2026, 5, 31, 23, 30, tzinfo=dt.UTC)
    decision = council.decide(request(business_case={"duration_days": 10}), received_at=at)
    assert decision.expires_on == dt.date(2026, 6, 11)
    assert decision.received_at == at


def test_naive_receive_time_is_read_in_the_pack_time_zone(council: Pack) -> None:
    at = dt.datetime(2026, 5, 31, 23, 30)
    decision = council.decide(request(business_case={"duration_days": 10}), received_at=at)
    assert decision.expires_on == dt.date(2026, 6, 10)


def test_no_receive_time_means_now(council: Pack) -> None:
    today = dt.datetime.now(council.timezone).date()
    decision = council.decide(request(business_case={"duration_days": 10}))
    assert decision.expires_on == today + dt.timedelta(days=10)


# The requester's own submitted_at never moves the expiry nor makes training count: the table
# holds claims an attacker would make, each against the same receive time.
@pytest.mark.parametrize(
    "submitted_at",
    [
        pytest.param("2090-11-21T10:00:00Z", id="far-future"),
        pytest.param("2026-11-22T10:00:00Z", id="tomorrow"),
        pytest.param("2000-01-01T00:00:00Z", id="long-ago"),
        pytest.param("2026-11-21T10:00:00", id="naive"),
        pytest.param(None, id="absent"),
    ],
)
def test_submitted_at_is_recorded_and_never_moves_the_expiry(council: Pack, submitted_at: str | None) -> None:
    body = request(business_case={"duration_days": 10}, submitted_at=submitted_at)
    decision = council.decide(body, received_at=AT)
    assert (decision.decision, decision.expires_on) == ("permit", dt.date(2026, 12, 1))


def test_training_completed_after_the_receive_time_does_not_count(council: Pack) -> None:
    # The requester claims a submission in 2028, after a course "completed" in 2027: still in the future.
    training = [{"course": "social-media-essentials", "completed_on": "2027-01-01"}]
    body = request(requester={"training": training}, submitted_at="2028-01-01T10:00:00Z")
    decision = council.decide(body, received_at=AT)
    assert decision.decision == "deny"
    assert decision.missing == ["requester.training: social-media-essentials"]


def test_most_recent_training_counts(council: Pack) -> None:
    training = [
        {"course": "social-media-essentials", "completed_on": "2020-01-01"},
        {"course": "social-media-essentials", "completed_on": "2026-01-01"},
    ]
    assert council.decide(request(requester={"training": training})).decision == "permit"


def test_nothing_applicable_is_a_deny_with_a_reason(minimal: Pack) -> None:
    decision = minimal.decide(request(access="post", site="facebook.com"))
    assert decision.decision == "deny"
    assert [(r.rule, r.effect) for r in decision.reasons] == [("no-applicable-rule", "deny")]
    assert decision.expires_on is None and decision.obligations == []


def test_minimal_pack_grants_its_own_maximum(minimal: Pack) -> None:
    decision = minimal.decide(request(access="read", site="facebook.com"), received_at=AT)
    assert (decision.decision, decision.granted_days) == ("permit", 30)
    assert decision.expires_on == dt.date(2026, 12, 21)


def test_deny_lists_every_reason_and_missing_item_once(council: Pack) -> None:
    decision = council.decide(
        request(
            site="whatsapp.com",
            requester={"training": []},
            business_case={
                "purpose": "chat",
                "priorities": [],
                "manager_approved": False,
                "duration_days": 999,
                "drivers": ["personal-use"],
            },
        )
    )
    assert decision.decision == "deny"
    rules = [r.rule for r in decision.reasons]
    assert rules == [
        "messaging-not-permitted",
        "max-duration",
        "complete-business-case",
        "complete-business-case",
        "complete-business-case",
        "post-needs-training",
        "no-personal-use",
    ]
    assert len(decision.missing) == len(set(decision.missing)) == 6


def _pack_with_rule(tmp_path: Path, rule: str) -> Pack:
    files = {p.name: p.read_text() for p in (FIXTURES / "minimal").iterdir()}
    files["policy.yaml"] = files["policy.yaml"].replace("  rules:\n", "  rules:\n" + rule)
    return load_pack(write_pack(tmp_path / "p", files))


def test_an_expression_that_fails_at_run_time_fails_closed(tmp_path: Path) -> None:
    pack = _pack_with_rule(
        tmp_path,
        """    - id: odd
      description: Compares a number with text, which errors at run time.
      effect: deny
      condition: 'training_days["x"] > 1'
      message: Odd.
""",
    )
    decision = pack.decide(request(access="read", site="facebook.com"))
    assert decision.decision == "deny"
    assert decision.reasons[0].rule == "odd"
    assert "could not be evaluated" in decision.reasons[0].message


def test_grant_expression_sets_the_days(tmp_path: Path) -> None:
    pack = _pack_with_rule(
        tmp_path,
        """    - id: long-for-planning
      description: Planning gets 60 days.
      effect: permit
      match: {departments: [Planning]}
      only_with_permit: true
      message: Planning.
      grant: {max_days: 'department == "Planning" ? 20 : 5'}
""",
    )
    decision = pack.decide(request(access="read", site="facebook.com", business_case={"duration_days": None}))
    assert decision.granted_days == 20
    assert [r.rule for r in decision.reasons] == ["long-for-planning", "read-social"]


def test_only_with_permit_alone_permits_nothing(tmp_path: Path) -> None:
    pack = _pack_with_rule(
        tmp_path,
        """    - id: sweetener
      description: Adds an obligation.
      effect: permit
      only_with_permit: true
      message: Extra.
      obligations: [acceptable-use]
""",
    )
    assert pack.decide(request(access="post", site="facebook.com")).decision == "deny"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        pytest.param(
            {"access": "delete"},
            "access",
            "Input should be 'read', 'post' or 'manage'",
            id="bad-access",
        ),
        pytest.param({"colour": "red"}, "colour", "unknown field", id="unknown-field"),
        pytest.param(
            {"requester": {"shoe_size": 9}},
            "requester.shoe_size",
            "unknown field",
            id="nested-unknown",
        ),
        pytest.param(
            {"business_case": {"duration_days": "long"}},
            "business_case.duration_days",
            "valid integer",
            id="wrong-type",
        ),
        pytest.param(
            {"business_case": {"duration_days": 0}},
            "business_case.duration_days",
            "greater than or equal to 1",
            id="zero-days",
        ),
        pytest.param(
            {"requester": {"employment": "intern"}},
            "requester.employment",
            "'permanent', 'contractor' or 'temporary'",
            id="employment",
        ),
        pytest.param({"site": "nowhere"}, "site", "is not a domain or URL", id="bad-site"),
    ],
)
def test_bad_requests_name_the_field(council: Pack, change: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(RequestError) as caught:
        council.decide(request(**change))
    assert any(e.field == field and message in e.message for e in caught.value.errors), caught.value.errors


def test_missing_required_fields_are_all_listed(council: Pack) -> None:
    with pytest.raises(RequestError) as caught:
        council.decide({})
    assert {e.field for e in caught.value.errors} == {
        "requester",
        "site",
        "access",
        "approach",
        "business_case",
    }


def test_not_an_object(council: Pack) -> None:
    with pytest.raises(RequestError, match="expected a JSON object, got list"):
        council.decide([1, 2])  # type: ignore[arg-type]
