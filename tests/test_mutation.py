"""Mutants are made from the pack's documents, by area and id, and compiled like any pack."""

from __future__ import annotations

import pytest

from govern import Pack
from govern.bdd.mutation import MutationError, mutant
from govern.bdd.runner import mutants


def _rules(pack: Pack) -> set[tuple[str, str]]:
    return {(r["area"], r["id"]) for r in pack.rules()}


def test_disabling_an_id_in_one_area_keeps_it_in_the_other(council: Pack) -> None:
    assert {("drafts", "profanity"), ("moderation", "profanity")} <= _rules(council)
    changed = mutant(council, "disable:drafts:profanity")
    assert _rules(council) - _rules(changed) == {("drafts", "profanity")}


def test_the_mutants_name_each_rule_by_area(council: Pack) -> None:
    found = mutants(council)
    assert "disable:drafts:profanity" in found and "disable:moderation:profanity" in found
    assert len([m for m in found if m.startswith("disable:")]) == len(council.rules())
    assert all(m.startswith("flip:access:") for m in found if m.startswith("flip:"))


def test_a_flip_is_compiled_from_the_edited_spec(minimal: Pack) -> None:
    flipped = mutant(minimal, "flip:access:no-video")
    request = {
        "requester": {"id": "a", "employment": "permanent"},
        "site": "youtube.com",
        "access": "read",
        "approach": "listen",
        "business_case": {},
    }
    assert minimal.decide(request).decision == "deny"
    assert flipped.decide(request).decision == "permit"
    assert flipped.access is not minimal.access  # a new engine, not the old one patched
    rule = next(r for r in flipped.raw.documents.values() if r.kind == "AccessPolicy").spec
    assert [r.effect for r in rule.rules if r.id == "no-video"] == ["permit"]  # type: ignore[attr-defined]
    assert minimal.rules() == [r for r in minimal.rules()]  # the original is untouched
    assert [r["effect"] for r in minimal.rules() if r["id"] == "no-video"] == ["deny"]


def test_a_mutant_keeps_the_pack_s_clock_and_ids(minimal: Pack) -> None:
    changed = mutant(minimal, "disable:access:read-social")
    assert changed.clock is minimal.clock and changed.ids is minimal.ids


@pytest.mark.parametrize(
    ("mutation", "says"),
    [
        pytest.param("disable:access:nothing-here", "no such rule", id="unknown-rule"),
        pytest.param("disable:comments:no-video", "unknown area", id="unknown-area"),
        pytest.param("flip:drafts:no-video", "only access rules", id="flip-outside-access"),
        pytest.param("shrink:access:no-video", "unknown mutation", id="unknown-kind"),
        pytest.param("disable:", "unknown mutation", id="no-rule"),
    ],
)
def test_a_bad_mutation_is_refused_clearly(minimal: Pack, mutation: str, says: str) -> None:
    with pytest.raises(MutationError, match=says):
        mutant(minimal, mutation)


def test_every_mutant_of_the_default_pack_compiles(council: Pack) -> None:
    for mutation in mutants(council):
        changed = mutant(council, mutation)
        assert len(changed.rules()) == len(council.rules()) - mutation.startswith("disable:")
