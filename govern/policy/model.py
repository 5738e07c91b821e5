"""Typed records of pack documents; each remembers where it was written, for error messages.

These records are the one declaration of each document's shape: the Cerberus schemas that check a
document first (govern.policy.schemas) are derived from them by govern.policy.shape, with the
rules a type alone cannot say (formats, emptiness, bounds, dependencies) given as `rules(...)`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from govern.calendar import NATIONS
from govern.errors import Location
from govern.policy._yaml import Document, KeyPath
from govern.policy.shape import rules, schema_of

Access = Literal["read", "post", "manage"]
Approach = Literal["listen", "reflect", "converse", "experiment", "embed"]
Employment = Literal["permanent", "contractor", "temporary"]

# Field types with the rules a pack's YAML is checked against.
Name = Annotated[str, rules(regex=r"^[a-z0-9][a-z0-9-]*$", empty=False)]
Text = Annotated[str, rules(empty=False)]
Cel = Annotated[str, rules(empty=False)]  # a CEL expression, compiled later
Days = Annotated[int, rules(min=1, max=36500)]
Domain = Annotated[str, rules(regex=r"^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")]
Clock = Annotated[dt.time, rules(regex=r"^([01]\d|2[0-3]):[0-5]\d$")]
# A detector: its kind, then the keys that kind's own schema checks (govern.checks).
Detector = Annotated[
    dict[str, Any], rules(schema={"kind": {"type": "string", "required": True}}, allow_unknown=True)
]


def only_with(effect: str) -> Any:
    """A key of an access rule that applies only to rules with this effect."""
    return rules(dependencies={"effect": [effect]})


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
    name: Name
    description: Text
    owner: Text
    labels: dict[Name, str] = {}


class Category(Record):
    name: Name
    description: Text = ""
    sites: list[Domain]


class SiteCatalogueSpec(Record):
    categories: list[Category] = []


class Priority(Record):
    id: Text
    title: Text
    description: Text = ""


class PriorityCatalogueSpec(Record):
    priorities: list[Priority] = []


class Match(Record):
    access: list[Access] | None = None
    approaches: list[Approach] | None = None
    categories: list[Name] | None = None
    sites: list[Text] | None = None
    departments: list[Text] | None = None
    employment: list[Employment] | None = None
    groups: list[Text] | None = None
    drivers: list[Text] | None = None


class Requirement(Record):
    that: Cel
    message: Text
    missing: Text | None = None


class Grant(Record):
    max_days: int | str


class AccessRule(Record):
    id: Name
    ref: Text = ""
    description: Text
    effect: Literal["permit", "deny", "refer"]
    match: Match = Match()
    condition: Cel | None = None
    require: Annotated[list[Requirement], only_with("deny")] = []
    message: Text
    missing: Annotated[list[Text], only_with("deny")] = []
    refer_to: Annotated[Name | None, only_with("refer")] = None
    obligations: Annotated[list[Name], only_with("permit")] = []
    grant: Annotated[Grant | None, only_with("permit")] = None
    only_with_permit: Annotated[bool, only_with("permit")] = False


class AccessPolicySpec(Record):
    combining: Literal["deny-overrides"] = "deny-overrides"
    approaches: dict[Approach, Text] = {}
    obligations: dict[Name, Text] = {}
    no_rule_message: Text = "No rule permits this request."
    rules: list[AccessRule] = []


class Window(Record):
    """A calendar window, such as a pre-election period: both dates inclusive, in the pack's zone."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    name: Name
    group: Name | None = None
    description: Text = ""
    start: dt.date = Field(alias="from")
    end: dt.date = Field(alias="to")


Severity = Literal["info", "revise", "refer", "block"]
Action = Literal["remove", "hold", "respond"]


class TextRule(Record):
    """A rule over a text (a draft or a comment): detectors, gates, and what a finding means."""

    id: Name
    ref: Text = ""
    description: Text
    category: Name
    severity: Severity | None = None
    action: Action | None = None
    escalate_to: Name | None = None
    message: Text
    suggestion: Text | None = None
    reply: Text | None = None
    when: Cel | None = None
    during: list[Name] = []
    outside: list[Name] = []
    match: Annotated[list[Detector], rules(empty=False)]
    unless: list[Detector] = []


def _rules_of(**delta: Any) -> Any:
    """A document's `rules:` list: text rules as that kind of document writes them."""
    return rules(schema={"type": "dict", "schema": schema_of(TextRule, **delta)})


class ScoreTerm(Record):
    signal: Text
    weight: Annotated[float, rules(min=0)]


class DiscretionGuidelinesSpec(Record):
    windows: list[Window] = []
    queues: dict[Name, Name] = {}  # sign-off queue by finding category ("default" for the rest)
    scores: dict[Literal["tone", "rebuttal_risk"], list[ScoreTerm]] = {}
    # a draft rule has a severity, not a moderation action
    rules: Annotated[
        list[TextRule], _rules_of(omit=("action", "escalate_to", "reply"), required=("severity",))
    ] = []


class Channel(Record):
    name: Name
    mode: Literal["post-moderated", "pre-moderated"]
    description: Text = ""


class Hours(Record):
    """When moderators are at work, in the pack's time zone."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = ["mon", "tue", "wed", "thu", "fri"]
    start: Clock = Field(alias="from")
    end: Clock = Field(alias="to")


class Flooding(Record):
    within_minutes: Annotated[int, rules(min=1, max=1440)] = 10


class Response(Record):
    working_days: Annotated[int, rules(min=0, max=60)] = 1


class Retention(Record):
    removed_days: Annotated[int, rules(min=0, max=3650)] = 90


class Calendar(Record):
    """Working days: the nation whose bank holidays count, and the organisation's closure days."""

    bank_holidays: Annotated[str, rules(allowed=list(NATIONS))] = "england-and-wales"
    closures: Annotated[list[dt.date], rules(maxlength=366)] = []


PlatformActionName = Literal["hide", "delete"]


class LadderStep(Record):
    """What happens when an author's removed comments within the period reach `at`."""

    at: Annotated[int, rules(min=1, max=100)]
    action: Literal["warn", "block-review"]
    message: Text | None = None  # warn: the private message to the author


class Ladder(Record):
    """Strikes per author: removed comments within `within_days`, and the steps they reach."""

    within_days: Days = 90
    steps: list[LadderStep] = []


class Harassment(Record):
    """Repeated targeting: `at` abusive comments by one author aimed at one person, in the
    ladder's period, escalate to a team. `people` names officers and councillors to recognise."""

    escalate_to: Name | None = None
    at: Annotated[int, rules(min=2, max=100)] = 2
    categories: list[Name] = []
    people: list[Text] = []


class EvidenceHold(Record):
    """Removed comments of these categories are kept as evidence, under a legal hold."""

    categories: list[Name] = []
    hold_days: Days = 730


class ModerationPolicySpec(Record):
    channels: list[Channel] = []
    hours: Hours | None = None
    windows: list[Window] = []
    flooding: Flooding = Flooding()
    response: Response = Response()
    retention: Retention = Retention()
    calendar: Calendar = Calendar()
    actions: dict[Name, list[PlatformActionName]] = {}  # by rule id: what to do on the platform
    ladder: Ladder = Ladder()
    harassment: Harassment = Harassment()
    evidence: EvidenceHold = EvidenceHold()
    # a house rule has an action, not a severity
    rules: Annotated[list[TextRule], _rules_of(omit=("severity",), required=("action",))] = []


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
