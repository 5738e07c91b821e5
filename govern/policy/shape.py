"""Cerberus schemas derived from the typed records, so that each document shape is written once.

A record's fields give the keys, their types and which are required; what a type alone cannot say
(a name's format, "not empty", bounds, "only with effect deny") rides along as `Rules` in the
field's `Annotated` metadata, which pydantic ignores and `schema_of` reads. The checks run on the
raw YAML with Cerberus first (every problem at once, located, with the messages of
govern.policy.validate); the records are then built from data already known to fit.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

Schema = dict[str, Any]


@dataclass(frozen=True)
class Rules:
    """Cerberus rules a field adds to what its type says."""

    rules: tuple[tuple[str, Any], ...]

    def as_dict(self) -> Schema:
        return dict(self.rules)


def rules(**given: Any) -> Rules:
    return Rules(tuple(given.items()))


# A time of day is written as text ("09:00") and checked by its pattern.
_SCALARS: dict[Any, str] = {
    str: "string",
    int: "integer",
    bool: "boolean",
    float: "number",
    dt.date: "date",
    dt.time: "string",
}


def _merge(base: Schema, metadata: Iterable[Any]) -> Schema:
    for item in metadata:
        if isinstance(item, Rules):
            base = {**base, **item.as_dict()}
    return base


def rule_of(annotation: Any) -> Schema:
    """The Cerberus rule for a value of this type."""
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Annotated:
        return _merge(rule_of(args[0]), annotation.__metadata__)
    if origin in (Union, types.UnionType):
        kinds = [a for a in args if a is not type(None)]
        if len(kinds) == 1:
            return rule_of(kinds[0])
        return {"type": [rule_of(k)["type"] for k in kinds]}
    if origin is Literal:
        return {"type": "string", "allowed": list(args)}
    if origin is list:
        return {"type": "list", "schema": rule_of(args[0])}
    if origin is dict:
        if args[1] is Any:
            return {"type": "dict"}
        return {"type": "dict", "keysrules": rule_of(args[0]), "valuesrules": rule_of(args[1])}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"type": "dict", "schema": schema_of(annotation)}
    if annotation in _SCALARS:
        return {"type": _SCALARS[annotation]}
    raise TypeError(f"no Cerberus rule for {annotation!r}")


def schema_of(model: type[BaseModel], *, omit: Iterable[str] = (), required: Iterable[str] = ()) -> Schema:
    """The Cerberus schema of a record's fields, by the keys a document writes (aliases).

    `omit` leaves fields out and `required` makes fields required: how one record (a text rule)
    is written in two kinds of document (a draft rule has a severity, a house rule an action).
    """
    left_out, needed = set(omit), set(required)
    schema: Schema = {}
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key in left_out:
            continue
        rule = _merge(rule_of(field.annotation), field.metadata)
        if field.is_required() or key in needed:
            rule = {**rule, "required": True}
        schema[key] = rule
    return schema


def with_rules(schema: Mapping[str, Schema], key: str, **extra: Any) -> Schema:
    """`schema` with rules added to one key (e.g. a list's own bounds)."""
    return {**schema, key: {**schema[key], **extra}}
