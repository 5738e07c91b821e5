"""The generated access plans give exactly the answers of evaluating every rule on CEL.

The same pack is compiled twice: as it is (each rule whose expressions expr_py translates runs
inline in its plan's generated function), and with no variable types (so no expression is
translated and every rule runs the general way, on CEL). Every decision must be the same, byte
for byte, over requests varied on every fact the rules read, including rules whose translation
raises (a missing map key), rules outside the subset, and matches on the domain and on groups.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import pytest

from govern import Pack, load_pack
from govern.access import engine
from govern.access.engine import MEMO_SIZE
from tests.access.test_engine import request
from tests.conftest import DEFAULT_PACK, FIXTURES, write_pack

AT = dt.datetime(2026, 11, 21, 10, tzinfo=dt.UTC)

RULES = """    - id: short-purpose
      description: Posting needs a purpose of five words, and a group or the manager's approval.
      effect: deny
      condition: access == "post" || access == "manage"
      message: Incomplete.
      require:
        - that: purpose_words >= 5
          message: Say more.
          missing: "business_case.purpose"
        - that: size(groups) > 0 || manager_approved
          message: Needs a group or approval.
    - id: gdpr-refresher
      description: Errors when the course was never taken, so fails closed.
      effect: deny
      match: {access: [manage]}
      message: GDPR refresher needed.
      require:
        - that: 'training_days["gdpr"] <= 365'
          message: Take the GDPR refresher.
    - id: external-groups
      description: Outside the translated subset (a macro), so always on CEL.
      effect: refer
      match: {groups: [ext-a, ext-b]}
      condition: 'groups.exists(g, g.startsWith("ext-"))'
      message: External group.
      refer_to: security
    - id: first-aiders
      description: Errors for those without first aid; a permit rule, so it says so and does not apply.
      effect: permit
      match: {sites: [facebook.com]}
      condition: 'training_days["first-aid"] < 400'
      message: First aiders may watch.
      grant: {max_days: 'size(priorities) > 0 ? 60 : days_requested'}
    - id: personal
      description: A plain rule on drivers.
      effect: deny
      match: {drivers: [personal-use]}
      message: Not personal use.
      missing: ["business_case.drivers"]
    - id: long-stay
      description: A condition with a requirement, both translated.
      effect: deny
      condition: days_requested > 90
      message: Long.
      require:
        - that: '"comms" in groups'
          message: Long access is for comms.
"""


def _pack(tmp_path: Path, name: str) -> Pack:
    files = {p.name: p.read_text() for p in (FIXTURES / "minimal").iterdir()}
    files["policy.yaml"] = files["policy.yaml"].replace("  rules:\n", "  rules:\n" + RULES)
    return load_pack(write_pack(tmp_path / name, files), ids=lambda: "decision-0")


def _requests() -> list[dict[str, Any]]:
    trainings = [
        [],
        [{"course": "gdpr", "completed_on": "2026-01-02"}],
        [{"course": "first-aid", "completed_on": "2025-11-01"}],
    ]
    out = []
    for access, site, groups, training, days, words, approved, drivers in itertools.product(
        ["read", "post", "manage"],
        ["facebook.com", "youtube.com", "unknown.example.org"],
        [[], ["comms"], ["ext-a"], ["ext-c", "comms"]],
        trainings,
        [None, 30, 91],
        [3, 5],
        [True, False],
        [["consultation"], ["personal-use"]],
    ):
        out.append(
            request(
                access=access,
                site=site,
                approach="converse",
                requester={"groups": groups, "training": training},
                business_case={
                    "duration_days": days,
                    "purpose": " ".join(["word"] * words),
                    "manager_approved": approved,
                    "drivers": drivers,
                    "priorities": ["NI 4"] if words == 5 else ["NI 99"],
                },
            )
        )
    return out


REQUESTS = _requests()


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Pack, Pack]:
    tmp_path = tmp_path_factory.mktemp("packs")
    inline = _pack(tmp_path, "inline")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "TYPES", {})  # no expression is translated: every rule runs on CEL
        on_cel = _pack(tmp_path, "cel")
    return inline, on_cel


def test_the_two_packs_differ_in_how_they_run(packs: tuple[Pack, Pack]) -> None:
    inline, on_cel = packs
    assert any(r.condition is not None and r.condition.python for r in inline.access.rules)
    assert not any(r.condition is not None and r.condition.python for r in on_cel.access.rules)


def test_the_requests_meet_every_rule_and_answer(packs: tuple[Pack, Pack]) -> None:
    decisions = [packs[0].decide(r, received_at=AT) for r in REQUESTS]
    named = {reason.rule for d in decisions for reason in d.reasons}
    assert {
        "short-purpose",
        "gdpr-refresher",
        "external-groups",
        "first-aiders",
        "personal",
        "long-stay",
    } <= named
    assert {d.decision for d in decisions} == {"permit", "deny", "refer"}
    assert any("first-aiders" in w for d in decisions for w in d.warnings)
    assert any("could not be evaluated" in r.message for d in decisions for r in d.reasons)


@pytest.mark.parametrize("at", range(0, len(REQUESTS), 216), ids=lambda at: f"requests-{at}")
def test_inline_plans_answer_as_cel_does(packs: tuple[Pack, Pack], at: int) -> None:
    inline, on_cel = packs
    for r in REQUESTS[at : at + 216]:
        assert (
            inline.decide(r, received_at=AT).model_dump_json()
            == on_cel.decide(r, received_at=AT).model_dump_json()
        )


def test_a_list_match_applies_on_overlap(packs: tuple[Pack, Pack]) -> None:
    for r in REQUESTS:
        named = {reason.rule for reason in packs[0].decide(r, received_at=AT).reasons}
        assert ("personal" in named) == ("personal-use" in r["business_case"]["drivers"])


def _chain(terms: int) -> str:
    return " && ".join(["true"] * terms)


@pytest.mark.parametrize(
    "terms",
    [
        pytest.param(199, id="closure-compiles-plan-nests-too-deep"),
        pytest.param(200, id="at-pythons-nesting-limit"),
        pytest.param(249, id="closure-nests-too-deep"),
    ],
)
def test_an_expression_nested_past_pythons_limit_runs_on_cel(tmp_path: Path, terms: int) -> None:
    rule = f"""    - id: deep
      description: A long chain of conditions, nested deeper than Python's parser goes once translated.
      effect: deny
      condition: '{_chain(terms)}'
      message: Deep.
      require:
        - that: '{_chain(terms)}'
          message: Never fails.
        - that: '{_chain(terms)} && false'
          message: Always fails.
"""
    files = {p.name: p.read_text() for p in (FIXTURES / "minimal").iterdir()}
    files["policy.yaml"] = files["policy.yaml"].replace("  rules:\n", "  rules:\n" + rule)
    pack = load_pack(write_pack(tmp_path / "deep", files))
    decision = pack.decide(request(access="read", site="facebook.com"), received_at=AT)
    assert [(r.rule, r.message) for r in decision.reasons] == [("deep", "Always fails.")]


def test_departments_no_rule_names_share_one_plan() -> None:
    """A plan is keyed by the values rules name, not by every value a request brings: a caller
    sending a new department each time must not have a plan compiled for every request."""
    pack = load_pack(DEFAULT_PACK)
    answers = set()
    for n in range(300):
        asked = request(requester={"department": f"Department {n}"})
        decision = pack.decide(asked, received_at=AT)
        answers.add(decision.model_dump_json(exclude={"decision_id", "request_id"}))
    assert len(pack.access._plans) == 1  # every unnamed department: the same rules apply
    assert len(answers) == 1
    named = pack.decide(request(requester={"department": "Children's Services"}), received_at=AT)
    assert named.decision == "refer" and named.reasons[0].rule == "childrens-services-posting"
    assert len(pack.access._plans) == 2


def test_the_memo_of_plans_by_value_stays_bounded() -> None:
    """`decide` looks plans up by the request's own values first: that memo is emptied when full,
    so a caller sending ever new departments costs a key computation, never unbounded memory."""
    pack = load_pack(DEFAULT_PACK)
    engine = pack.access
    for n in range(MEMO_SIZE + 10):
        pack.decide(request(requester={"department": f"Department {n}"}), received_at=AT)
        assert len(engine._by_scalars) <= MEMO_SIZE
    assert len(engine._plans) == 1
    assert {id(plan) for plan in engine._by_scalars.values()} == {id(next(iter(engine._plans.values())))}
