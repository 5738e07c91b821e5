"""Mutants of a pack, made by editing its documents and compiling them again.

A mutation names a rule by area and id (`disable:moderation:spam`, `flip:access:no-video`), so the
same id in two areas is two rules. It edits the spec (the typed documents the loader read), never
the compiled engines: the mutant is compiled exactly as a pack from files would be.
"""

from __future__ import annotations

import dataclasses

from govern.errors import GovernError
from govern.pack import Pack, compile_pack
from govern.policy.model import AccessRule, Spec

# Which document kind holds the rules of each area.
AREA_KINDS = {"access": "AccessPolicy", "drafts": "DiscretionGuidelines", "moderation": "ModerationPolicy"}
KINDS = ("disable", "flip")


class MutationError(GovernError):
    """A mutation that names no rule, or asks for a change that rule cannot take."""


def _edited(spec: Spec, rule_id: str, kind: str) -> Spec | None:
    """The document with the rule removed or flipped; None when it holds no such rule."""
    rules = getattr(spec.spec, "rules", None)
    if not isinstance(rules, list) or not any(r.id == rule_id for r in rules):
        return None
    update: dict[str, object]
    if kind == "disable":
        update = {"rules": [r for r in rules if r.id != rule_id]}
        scores = getattr(spec.spec, "scores", None)
        if isinstance(scores, dict):  # a disabled rule never fires, so its weight in a score is gone too
            update["scores"] = {
                name: [t for t in terms if t.signal != rule_id] for name, terms in scores.items()
            }
    else:
        update = {"rules": [_flipped(r) if r.id == rule_id else r for r in rules]}
    document = spec.spec.model_copy(update=update)
    document._doc, document._path = spec.spec.source  # problems still point into the file
    return Spec(kind=spec.kind, metadata=spec.metadata, spec=document)


def _flipped(rule: object) -> object:
    if not isinstance(rule, AccessRule) or rule.effect not in ("permit", "deny"):
        raise MutationError("only an access rule that permits or denies can be flipped")
    effect = "deny" if rule.effect == "permit" else "permit"
    flipped = rule.model_copy(update={"effect": effect, "only_with_permit": False})
    flipped._doc, flipped._path = rule.source
    return flipped


def mutant(pack: Pack, mutation: str) -> Pack:
    """The pack compiled again with one rule disabled (`disable:AREA:ID`) or, for an access rule
    that permits or denies, given the opposite effect (`flip:access:ID`). Without an area,
    `disable:ID` disables the id in every area that has it (kept for hand-written mutations)."""
    kind, _, target = mutation.partition(":")
    area, _, rule_id = target.rpartition(":")
    if kind not in KINDS or not rule_id:
        raise MutationError(f"unknown mutation '{mutation}': use disable:AREA:RULE or flip:access:RULE")
    if area and area not in AREA_KINDS:
        raise MutationError(f"unknown area '{area}' in '{mutation}': use {', '.join(AREA_KINDS)}")
    if kind == "flip" and area not in ("", "access"):
        raise MutationError(f"'{mutation}': only access rules can be flipped")
    kinds = {AREA_KINDS[area]} if area else set(AREA_KINDS.values())
    if kind == "flip":
        kinds = {AREA_KINDS["access"]}
    documents = dict(pack.raw.documents)
    changed = False
    for key, spec in pack.raw.documents.items():
        if spec.kind in kinds and (edited := _edited(spec, rule_id, kind)) is not None:
            documents[key], changed = edited, True
    if not changed:
        raise MutationError(f"'{mutation}': the pack has no such rule")
    raw = dataclasses.replace(pack.raw, documents=documents)
    compiled, problems = compile_pack(raw, clock=pack.clock, ids=pack.ids)
    if problems:
        raise MutationError(f"'{mutation}' does not compile: " + "; ".join(map(str, problems)))
    return compiled
