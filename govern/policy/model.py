"""Typed records of pack documents; each remembers where it was written, for error messages."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from govern.errors import Location
from govern.policy._yaml import Document, KeyPath

Access = Literal["read", "post", "manage"]
Approach = Literal["listen", "reflect", "converse", "experiment", "embed"]
Employment = Literal["permanent", "contractor", "temporary"]


class Record(BaseModel):
    """A piece of a document that knows its file and key path."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    _doc: Document | None = PrivateAttr(default=None)
    _path: KeyPath = PrivateAttr(default=())

    @classmethod
    def located(cls, data: Any, doc: Document, path: KeyPath) -> Self:
        """Build from validated data, and give every nested record its own position."""
        record = cls.model_validate(data)
        _place(record, doc, path)
        return record

    def where(self, *sub: str | int, key: bool = False) -> Location:
        """The location of this record, or of a key path below it."""
        if self._doc is None:
            return Location("<memory>")
        return self._doc.at(self._path + sub, key=key)

    def inner(self, *sub: str | int, line: int, column: int) -> Location:
        """The location of a character inside a scalar below this record (1-based)."""
        base = self.where(*sub)
        style = self._doc.styles.get(self._path + sub) if self._doc else None
        if style in ("|", ">"):
            return Location(base.file, base.line + line, 0)
        if line == 1:
            return Location(base.file, base.line, base.column + column - 1 + (1 if style else 0))
        return base

    @property
    def source(self) -> tuple[Document | None, KeyPath]:
        return self._doc, self._path


def _place(value: Any, doc: Document, path: KeyPath) -> None:
    if isinstance(value, Record):
        value._doc, value._path = doc, path
        for name in type(value).model_fields:
            _place(getattr(value, name), doc, path + (name,))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _place(item, doc, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            _place(item, doc, path + (key,))


class Metadata(Record):
    name: str
    description: str
    owner: str
    labels: dict[str, str] = {}


class Category(Record):
    name: str
    description: str = ""
    sites: list[str]


class SiteCatalogueSpec(Record):
    categories: list[Category] = []


class Priority(Record):
    id: str
    title: str
    description: str = ""


class PriorityCatalogueSpec(Record):
    priorities: list[Priority] = []


class Match(Record):
    access: list[Access] | None = None
    approaches: list[Approach] | None = None
    categories: list[str] | None = None
    sites: list[str] | None = None
    departments: list[str] | None = None
    employment: list[Employment] | None = None
    groups: list[str] | None = None
    drivers: list[str] | None = None


class Requirement(Record):
    that: str
    message: str
    missing: str | None = None


class Grant(Record):
    max_days: int | str


class AccessRule(Record):
    id: str
    ref: str = ""
    description: str
    effect: Literal["permit", "deny", "refer"]
    match: Match = Match()
    condition: str | None = None
    require: list[Requirement] = []
    message: str
    missing: list[str] = []
    refer_to: str | None = None
    obligations: list[str] = []
    grant: Grant | None = None
    only_with_permit: bool = False


class AccessPolicySpec(Record):
    combining: Literal["deny-overrides"] = "deny-overrides"
    approaches: dict[str, str] = {}
    obligations: dict[str, str] = {}
    no_rule_message: str = "No rule permits this request."
    rules: list[AccessRule] = []


class Window(Record):
    """A calendar window, such as a pre-election period: both dates inclusive, in the pack's zone."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    name: str
    group: str | None = None
    description: str = ""
    start: dt.date = Field(alias="from")
    end: dt.date = Field(alias="to")


Severity = Literal["info", "revise", "refer", "block"]
Action = Literal["remove", "hold", "respond"]


class TextRule(Record):
    """A rule over a text (a draft or a comment): detectors, gates, and what a finding means."""

    id: str
    ref: str = ""
    description: str
    category: str
    severity: Severity | None = None
    action: Action | None = None
    escalate_to: str | None = None
    message: str
    suggestion: str | None = None
    reply: str | None = None
    when: str | None = None
    during: list[str] = []
    outside: list[str] = []
    match: list[dict[str, Any]]
    unless: list[dict[str, Any]] = []


class ScoreTerm(Record):
    signal: str
    weight: float


class DiscretionGuidelinesSpec(Record):
    windows: list[Window] = []
    queues: dict[str, str] = {}  # sign-off queue by finding category ("default" for the rest)
    scores: dict[str, list[ScoreTerm]] = {}
    rules: list[TextRule] = []


class Channel(Record):
    name: str
    mode: Literal["post-moderated", "pre-moderated"]
    description: str = ""


class Hours(Record):
    """When moderators are at work, in the pack's time zone."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = ["mon", "tue", "wed", "thu", "fri"]
    start: dt.time = Field(alias="from")
    end: dt.time = Field(alias="to")


class Flooding(Record):
    within_minutes: int = 10


class Response(Record):
    working_days: int = 1


class Retention(Record):
    removed_days: int = 90


class Calendar(Record):
    """Working days: the nation whose bank holidays count, and the organisation's closure days."""

    bank_holidays: str = "england-and-wales"
    closures: list[dt.date] = []


PlatformActionName = Literal["hide", "delete"]


class LadderStep(Record):
    """What happens when an author's removed comments within the period reach `at`."""

    at: int
    action: Literal["warn", "block-review"]
    message: str | None = None  # warn: the private message to the author


class Ladder(Record):
    """Strikes per author: removed comments within `within_days`, and the steps they reach."""

    within_days: int = 90
    steps: list[LadderStep] = []


class Harassment(Record):
    """Repeated targeting: `at` abusive comments by one author aimed at one person, in the
    ladder's period, escalate to a team. `people` names officers and councillors to recognise."""

    escalate_to: str | None = None
    at: int = 2
    categories: list[str] = []
    people: list[str] = []


class EvidenceHold(Record):
    """Removed comments of these categories are kept as evidence, under a legal hold."""

    categories: list[str] = []
    hold_days: int = 730


class ModerationPolicySpec(Record):
    channels: list[Channel] = []
    hours: Hours | None = None
    windows: list[Window] = []
    flooding: Flooding = Flooding()
    response: Response = Response()
    retention: Retention = Retention()
    calendar: Calendar = Calendar()
    actions: dict[str, list[PlatformActionName]] = {}  # by rule id: what to do on the platform
    ladder: Ladder = Ladder()
    harassment: Harassment = Harassment()
    evidence: EvidenceHold = EvidenceHold()
    rules: list[TextRule] = []


SPEC_MODELS: dict[str, type[Record]] = {
    "SiteCatalogue": SiteCatalogueSpec,
    "PriorityCatalogue": PriorityCatalogueSpec,
    "AccessPolicy": AccessPolicySpec,
    "DiscretionGuidelines": DiscretionGuidelinesSpec,
    "ModerationPolicy": ModerationPolicySpec,
}


class Spec(BaseModel):
    """One document after validation: its kind, metadata and typed spec."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)
    kind: str
    metadata: Metadata
    spec: Record


def _key(item: Any) -> str | None:
    for attr in ("id", "name"):
        value = getattr(item, attr, None)
        if isinstance(value, str):
            return value
    return None


def merge(parent: Record, child: Record) -> Record:
    """Overlay a child pack's document on its parent's of the same name.

    Lists of named records (rules, categories, priorities) merge by id or name: a child entry
    replaces the parent's in place, a new one is appended. Mappings merge key by key; any other
    field the child sets replaces the parent's.
    """
    updates: dict[str, Any] = {}
    for name in child.model_fields_set:
        old, new = getattr(parent, name), getattr(child, name)
        if isinstance(new, list) and new and all(_key(i) for i in [*old, *new]):
            by_key = {_key(i): i for i in new}
            merged = [by_key.pop(_key(i), i) for i in old]
            updates[name] = merged + list(by_key.values())
        elif isinstance(new, dict) and isinstance(old, dict):
            updates[name] = {**old, **new}
        else:
            updates[name] = new
    result = parent.model_copy(update=updates)
    result._doc, result._path = child._doc, child._path
    return result
