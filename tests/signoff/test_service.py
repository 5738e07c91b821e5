"""Four-eyes sign-off of drafts: routing, versions, states, expiry, the gate and acknowledgements."""

from __future__ import annotations

import datetime as dt

import pytest

from govern import Pack
from govern.signoff import Signoff, SignoffError
from tests.signoff.conftest import Clock, Logged

LEAK = "This story was leaked from an internal memo."
FIXED = "We will publish the report on Friday."
GUARANTEE = "We guarantee the bins will be collected on Monday."
CORPORATE = "Please be advised the library is closed on Monday."
LIAR = "The councillor is a liar."


def draft(text: str) -> dict[str, str]:
    return {"text": text, "platform": "x"}


def refused(call: object, status: int, code: str) -> SignoffError:
    assert callable(call)
    with pytest.raises(SignoffError) as caught:
        call()
    assert (caught.value.status, caught.value.code) == (status, code), caught.value.message
    return caught.value


@pytest.mark.parametrize(
    ("text", "queue"),
    [
        pytest.param(LEAK, "legal", id="confidentiality-to-legal"),
        pytest.param(
            "Safeguarding concerns were raised about the school trip.", "safeguarding-lead", id="sensitive"
        ),
        pytest.param(GUARANTEE, "comms-lead", id="commitment-to-default"),
        pytest.param("The pool reopens on Monday.", "comms-lead", id="sent-without-refer"),
    ],
)
def test_an_item_goes_to_the_queue_of_its_deciding_finding(
    signoff: Signoff, council: Pack, text: str, queue: str
) -> None:
    item = signoff.submit(council, "amira", draft(text))
    assert (item.status, item.queue, item.author, len(item.versions)) == ("open", queue, "amira", 1)
    assert signoff.get(item.id) == item


def test_the_author_never_approves_their_own_draft(signoff: Signoff, council: Pack) -> None:
    item = signoff.submit(council, "amira", draft(LEAK))
    for call in (
        lambda: signoff.approve(item.id, "amira"),
        lambda: signoff.reject(item.id, "amira", "no"),
        lambda: signoff.request_changes(item.id, "amira", "no"),
    ):
        refused(call, 403, "forbidden")
    assert signoff.get(item.id).status == "open"


def test_changes_then_a_new_version_with_its_diff_then_approval(
    signoff: Signoff, council: Pack, logged: Logged
) -> None:
    item = signoff.submit(council, "amira", draft(LEAK))
    asked = signoff.request_changes(item.id, "legal-lead", "Do not say it was leaked.")
    assert (asked.status, asked.reviewer, asked.notes[-1].text) == (
        "changes-requested",
        "legal-lead",
        "Do not say it was leaked.",
    )
    refused(lambda: signoff.approve(item.id, "legal-lead"), 409, "conflict")  # wait for the new version
    refused(lambda: signoff.resubmit(council, item.id, "bob", draft(FIXED), None), 403, "forbidden")
    again = signoff.resubmit(council, item.id, "amira", draft(FIXED), "Reworded")
    assert again.status == "open" and [v.number for v in again.versions] == [1, 2]
    assert f"-{LEAK}" in again.latest.diff and f"+{FIXED}" in again.latest.diff
    assert again.versions[0].diff == ""
    approved = signoff.approve(item.id, "legal-lead", "Fine now")
    assert (approved.status, approved.reviewer, approved.reason) == ("approved", "legal-lead", "Fine now")
    assert signoff.get(item.id).versions == approved.versions  # stored, not just returned
    assert logged.steps(item.id) == [
        ("submit", "amira", "open"),
        ("changes", "legal-lead", "changes-requested"),
        ("resubmit", "amira", "open"),
        ("approve", "legal-lead", "approved"),
    ]


@pytest.mark.parametrize(
    ("first", "then", "status"),
    [
        pytest.param("approve", "reject", 409, id="approved-cannot-be-rejected"),
        pytest.param("reject", "approve", 409, id="rejected-cannot-be-approved"),
        pytest.param("reject", "changes", 409, id="rejected-is-final"),
    ],
)
def test_a_decided_item_is_final(signoff: Signoff, council: Pack, first: str, then: str, status: int) -> None:
    item = signoff.submit(council, "amira", draft(GUARANTEE))
    act = {
        "approve": lambda: signoff.approve(item.id, "lead"),
        "reject": lambda: signoff.reject(item.id, "lead", "Not a promise we can keep"),
        "changes": lambda: signoff.request_changes(item.id, "lead", "Reword"),
    }
    act[first]()
    refused(act[then], status, "conflict")
    refused(lambda: signoff.resubmit(council, item.id, "amira", draft(FIXED), None), 409, "conflict")


@pytest.mark.parametrize("reason", [None, "", "   ", "x" * 2001], ids=["none", "empty", "blank", "too-long"])
def test_reject_and_changes_need_a_reason(signoff: Signoff, council: Pack, reason: str | None) -> None:
    item = signoff.submit(council, "amira", draft(GUARANTEE))
    refused(lambda: signoff.reject(item.id, "lead", reason), 422, "invalid_request")
    refused(lambda: signoff.request_changes(item.id, "lead", reason), 422, "invalid_request")
    assert signoff.get(item.id).status == "open"


def test_a_block_draft_can_be_sent_but_not_approved(signoff: Signoff, council: Pack) -> None:
    item = signoff.submit(council, "amira", draft(LIAR))
    assert item.queue == "legal"
    refused(lambda: signoff.approve(item.id, "lead"), 409, "conflict")
    assert signoff.request_changes(item.id, "lead", "Remove the allegation").status == "changes-requested"


def test_unknown_items_are_not_found(signoff: Signoff, council: Pack) -> None:
    for call in (
        lambda: signoff.get("nope"),
        lambda: signoff.approve("nope", "lead"),
        lambda: signoff.comment("nope", "lead", "hi"),
        lambda: signoff.resubmit(council, "nope", "amira", draft(FIXED), None),
    ):
        refused(call, 404, "not_found")


def test_an_item_not_approved_by_its_scheduled_time_expires(
    signoff: Signoff, council: Pack, clock: Clock, logged: Logged
) -> None:
    due = clock.now + dt.timedelta(hours=2)
    item = signoff.submit(council, "amira", draft(GUARANTEE), scheduled_at=due)
    later = signoff.submit(council, "amira", draft(LEAK), scheduled_at=due + dt.timedelta(days=1))
    clock.advance(hours=1, minutes=59)
    assert signoff.get(item.id).status == "open"
    clock.advance(minutes=1)
    assert signoff.get(item.id).status == "expired"  # on read
    refused(lambda: signoff.approve(item.id, "lead"), 409, "conflict")
    assert [i.id for i in signoff.find(status="open")] == [later.id]
    assert logged.steps(item.id)[-1] == ("expire", "govern", "expired")
    assert len(logged.steps(item.id)) == 2  # expired once, not at every read


def test_the_sweep_expires_items_nobody_reads(signoff: Signoff, council: Pack, clock: Clock) -> None:
    item = signoff.submit(
        council, "amira", draft(GUARANTEE), scheduled_at=clock.now + dt.timedelta(minutes=5)
    )
    clock.advance(minutes=6)
    assert [i.id for i in signoff.sweep()] == [item.id]
    assert signoff.sweep() == []


def test_a_scheduled_time_in_the_past_is_refused(signoff: Signoff, council: Pack, clock: Clock) -> None:
    refused(
        lambda: signoff.submit(council, "amira", draft(LEAK), scheduled_at=clock.now), 422, "invalid_request"
    )


def test_filters_and_comments(signoff: Signoff, council: Pack) -> None:
    legal = signoff.submit(council, "amira", draft(LEAK))
    comms = signoff.submit(council, "bob", draft(GUARANTEE))
    assert [i.id for i in signoff.find(queue="legal")] == [legal.id]
    assert [i.id for i in signoff.find(author="bob")] == [comms.id]
    assert [i.id for i in signoff.find(status="open")] == [legal.id, comms.id]
    noted = signoff.comment(legal.id, "legal-lead", "Who saw the memo?")
    assert [(n.by, n.text, n.version) for n in noted.notes] == [("legal-lead", "Who saw the memo?", 1)]
    refused(lambda: signoff.comment(legal.id, "legal-lead", " "), 422, "invalid_request")


def test_the_gate_holds_a_referred_draft_until_it_is_approved(signoff: Signoff, council: Pack) -> None:
    held = signoff.gate(council, "scheduler", draft(LEAK))
    assert held.decision == "hold" and held.review is not None and held.review.queue == "legal"
    again = signoff.gate(council, "scheduler", draft(LEAK))
    assert again.decision == "hold" and again.review is not None and again.review.id == held.review.id
    signoff.approve(held.review.id, "legal-lead")
    allowed = signoff.gate(council, "scheduler", draft(LEAK))
    assert allowed.decision == "allow" and allowed.review is not None and allowed.review.id == held.review.id
    other = signoff.gate(council, "scheduler", draft(LEAK + " "))  # not the text that was approved
    assert other.decision == "hold" and other.review is not None and other.review.id != held.review.id


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        pytest.param("The pool reopens on Monday.", "allow", id="ok"),
        pytest.param(CORPORATE, "hold", id="revise-unacknowledged"),
        pytest.param(LIAR, "hold", id="block"),
    ],
)
def test_the_gate_without_a_review(signoff: Signoff, council: Pack, text: str, decision: str) -> None:
    answer = signoff.gate(council, "scheduler", draft(text))
    assert (answer.decision, answer.review) == (decision, None)


def test_an_acknowledged_revise_finding_lets_the_gate_allow(
    signoff: Signoff, council: Pack, logged: Logged
) -> None:
    assert [f.rule for f in signoff.gate(council, "amira", draft(CORPORATE)).unacknowledged] == [
        "corporate-tone"
    ]
    ack = signoff.acknowledge(council, "amira", draft(CORPORATE), "corporate-tone", "Quoting the notice")
    assert (ack.rule, ack.severity, ack.by, ack.reason) == (
        "corporate-tone",
        "revise",
        "amira",
        "Quoting the notice",
    )
    assert signoff.gate(council, "amira", draft(CORPORATE)).decision == "allow"
    assert signoff.gate(council, "amira", draft(CORPORATE + " Thanks.")).decision == "hold"  # other text
    assert signoff.acknowledged() == {"corporate-tone": 1}
    acks = [(actor, i, r) for kind, _, actor, i, r in logged.entries if kind == "acknowledgement"]
    assert acks == [
        (
            "amira",
            {"rule": "corporate-tone", "digest": ack.digest, "reason": "Quoting the notice"},
            {"rule": "corporate-tone", "severity": "revise", "excerpt": "Please be advised"},
        )
    ]
    gates = [r["gate"]["decision"] for kind, _, _, _, r in logged.entries if kind == "check"]
    assert gates == ["hold", "allow", "hold"]


@pytest.mark.parametrize(
    ("text", "rule", "code"),
    [
        pytest.param(LIAR, "defamation", "not_acknowledgeable", id="block"),
        pytest.param(LEAK, "confidential", "not_acknowledgeable", id="refer"),
        pytest.param(CORPORATE, "defamation", "invalid_request", id="rule-finds-nothing"),
        pytest.param(CORPORATE, "no-such-rule", "invalid_request", id="unknown-rule"),
    ],
)
def test_what_cannot_be_acknowledged(
    signoff: Signoff, council: Pack, text: str, rule: str, code: str
) -> None:
    refused(lambda: signoff.acknowledge(council, "amira", draft(text), rule, "because"), 422, code)


def test_an_acknowledgement_needs_a_reason(signoff: Signoff, council: Pack) -> None:
    refused(
        lambda: signoff.acknowledge(council, "amira", draft(CORPORATE), "corporate-tone", ""),
        422,
        "invalid_request",
    )
