"""A loaded pack: compiled once, then asked many questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from govern.access.engine import AccessEngine
from govern.access.models import AccessDecision, AccessRequest
from govern.access.sites import SiteCatalogue
from govern.checks import KINDS as DETECTORS
from govern.clock import SYSTEM_IDS, Clock, IdSource, system_clock
from govern.contract import PolicyRef
from govern.contract import field_errors as field_errors  # re-exported: its home is govern.contract
from govern.contract import parse as parse
from govern.drafts.engine import DraftChecker
from govern.drafts.models import Draft, DraftVerdict
from govern.errors import PolicyError, Problem
from govern.moderation.engine import Moderator
from govern.moderation.models import Comment, ModerationResult, Outcome
from govern.policy.loader import RawPack, read_pack
from govern.policy.model import (
    AccessPolicySpec,
    AccessRule,
    Category,
    DiscretionGuidelinesSpec,
    ModerationPolicySpec,
    PriorityCatalogueSpec,
    SiteCatalogueSpec,
    TextRule,
)
from govern.settings import Settings


def _site_catalogue(raw: RawPack, problems: list[Problem]) -> SiteCatalogue:
    categories: list[Category] = []
    for spec in raw.specs("SiteCatalogue", SiteCatalogueSpec):
        categories.extend(spec.categories)
    placed: dict[str, str] = {}
    for category in categories:
        for i, site in enumerate(category.sites):
            if site in placed and placed[site] != category.name:
                message = f"site '{site}' is in both '{placed[site]}' and '{category.name}'"
                problems.append(Problem(category.where("sites", i), "G300", message, site))
            placed[site] = category.name
    return SiteCatalogue(SiteCatalogueSpec(categories=categories))


class Pack:
    """A policy pack: its identity and the compiled evaluators of each document kind.

    Built by `compile_pack` (or `load_pack`), then never changed: assigning to a pack raises.
    A changed policy is a new pack. Evaluation reads no clock and draws no random id of its own:
    both come from the `clock` and `ids` the pack was compiled with.
    """

    _frozen = False

    def __init__(self, raw: RawPack, *, clock: Clock = system_clock, ids: IdSource = SYSTEM_IDS) -> None:
        self.raw = raw
        self.name, self.version, self.digest = raw.name, raw.version, raw.digest
        self.timezone = raw.timezone
        self.clock, self.ids = clock, ids
        self.ref = PolicyRef(pack=raw.name, version=raw.version, digest=raw.digest)
        problems: list[Problem] = []
        self.sites = _site_catalogue(raw, problems)
        priorities = PriorityCatalogueSpec(
            priorities=[
                p for s in raw.specs("PriorityCatalogue", PriorityCatalogueSpec) for p in s.priorities
            ]
        )
        access_specs = raw.specs("AccessPolicy", AccessPolicySpec)
        access_policy = access_specs[0] if access_specs else AccessPolicySpec()
        if len(access_specs) > 1:
            for extra in access_specs[1:]:
                message = "a pack holds one AccessPolicy; merge the rules into one document"
                problems.append(Problem(extra.where(), "G300", message))
        self.access = AccessEngine(
            access_policy, self.sites, priorities, raw.timezone, self.ref, clock=clock, ids=ids
        )
        problems.extend(self.access.problems)
        guidelines = raw.specs("DiscretionGuidelines", DiscretionGuidelinesSpec)
        for surplus in guidelines[1:]:
            message = "a pack holds one DiscretionGuidelines; merge the rules into one document"
            problems.append(Problem(surplus.where(), "G300", message))
        self.drafts = DraftChecker(
            guidelines[0] if guidelines else DiscretionGuidelinesSpec(), raw.timezone, self.ref, clock=clock
        )
        problems.extend(self.drafts.problems)
        house_rules = raw.specs("ModerationPolicy", ModerationPolicySpec)
        for extra_rules in house_rules[1:]:
            message = "a pack holds one ModerationPolicy; merge the rules into one document"
            problems.append(Problem(extra_rules.where(), "G300", message))
        moderation = house_rules[0] if house_rules else ModerationPolicySpec()
        # Calendar windows (e.g. the pre-election period) are shared by drafts and moderation.
        windows = {w.name: w for w in [*self.drafts.spec.windows, *moderation.windows]}
        self.moderation = Moderator(moderation, list(windows.values()), raw.timezone, self.ref, clock=clock)
        problems.extend(self.moderation.problems)
        self.problems: tuple[Problem, ...] = tuple(problems)
        self._frozen = True

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen:
            raise AttributeError(
                f"a compiled pack does not change (tried to set '{name}'); compile a new one"
            )
        super().__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a compiled pack does not change (tried to delete '{name}')")

    def decide(
        self, request: dict[str, Any] | AccessRequest, *, received_at: dt.datetime | None = None
    ) -> AccessDecision:
        """Decide an access request: permit, deny or refer, with every reason. No I/O.

        Expiry and training ages count from `received_at` (default: now, by the pack's clock);
        the request's own `submitted_at` is recorded, never trusted. The decision id comes from
        the pack's id source.
        """
        return self.access.decide(parse(AccessRequest, request, "access request"), received_at)

    def check(self, draft: dict[str, Any] | Draft) -> DraftVerdict:
        """Check a draft post against the discretion guidelines: a verdict with span findings."""
        return self.drafts.check(parse(Draft, draft, "draft"))

    def moderate(
        self,
        comment: dict[str, Any] | Comment,
        recent: Iterable[dict[str, Any] | Comment] | None = None,
        history: Iterable[dict[str, Any] | Outcome] | None = None,
    ) -> ModerationResult:
        """Decide what to do with a comment: publish, hold or remove, with reasons and actions.

        `recent` holds earlier comments, for the flooding rule (same author, same text);
        `history` the author's earlier outcomes, for strikes and repeated targeting.
        """
        parsed = parse(Comment, comment, "comment")
        earlier = [parse(Comment, c, "recent comment") for c in recent or ()]
        outcomes = [parse(Outcome, o, "earlier outcome") for o in history or ()]
        return self.moderation.moderate(parsed, earlier, outcomes)

    def is_permitted(
        self, request: dict[str, Any] | AccessRequest, *, received_at: dt.datetime | None = None
    ) -> bool:
        return self.decide(request, received_at=received_at).decision == "permit"

    def rules(self) -> list[dict[str, str]]:
        """Every rule of the pack: id, reference, area, effect (or severity, or action) and description."""
        access: list[tuple[AccessRule | TextRule, str, str]] = [
            (r.rule, "access", r.rule.effect) for r in self.access.rules
        ]
        drafts = [(c.rule, "drafts", c.rule.severity or "info") for c in self.drafts.checker.rules]
        moderation = [(c.rule, "moderation", c.rule.action or "hold") for c in self.moderation.checker.rules]
        return [
            {"id": rule.id, "ref": rule.ref, "area": area, "effect": effect, "description": rule.description}
            for rule, area, effect in [*access, *drafts, *moderation]
        ]


# The areas of a pack by the kind of answer the log records for them.
AREAS = {"decision": "access", "check": "drafts", "moderation": "moderation"}
DETECTOR_SCHEMAS = {kind: schema for kind, (schema, *_) in DETECTORS.items()}  # for the loader


def outcome(kind: str, result: dict[str, Any]) -> tuple[str, list[str]]:
    """What comparing two packs' answers looks at: the outcome and the rules behind it.

    `kind` is decision, check or moderation; `result` an answer as JSON (as logged).
    """
    if kind == "decision":
        return result.get("decision", "?"), [r["rule"] for r in result.get("reasons", [])]
    if kind == "check":
        return result.get("verdict", "?"), sorted({f["rule"] for f in result.get("findings", [])})
    return result.get("action", "?"), [r["rule"] for r in result.get("reasons", [])]


PACKS_ROOT_ENV = "GOVERN_PACKS_ROOT"  # read by govern.settings.Settings (packs_root)


def compile_pack(
    raw: RawPack, *, clock: Clock = system_clock, ids: IdSource = SYSTEM_IDS
) -> tuple[Pack, tuple[Problem, ...]]:
    """Compile read documents into a frozen pack, with every problem found on the way.

    A pack with problems must not be used to answer questions; `load_pack` refuses it.
    """
    pack = Pack(raw, clock=clock, ids=ids)
    return pack, pack.problems


def load_pack(
    path: str | Path,
    *,
    packs_root: str | Path | None = None,
    clock: Clock = system_clock,
    ids: IdSource = SYSTEM_IDS,
) -> Pack:
    """Load, validate and compile a pack folder; raises PolicyError listing every problem.

    `extends:` may only name packs under `packs_root`: by default $GOVERN_PACKS_ROOT, or else the
    folder holding the pack. `clock` and `ids` are what evaluation uses for "now" (a request,
    draft or comment with no time of its own) and for decision ids.
    """
    root = packs_root or Settings.from_env().packs_root
    raw = read_pack(Path(path), DETECTOR_SCHEMAS, Path(root) if root else None)
    pack, problems = compile_pack(raw, clock=clock, ids=ids)
    if problems:
        raise PolicyError(problems)
    return pack
