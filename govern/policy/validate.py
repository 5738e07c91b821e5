"""Check a document against its Cerberus schema; turn each error into a located Problem."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import cerberus
from cerberus import errors as cerr

from govern.errors import Problem, did_you_mean
from govern.policy._yaml import Document, KeyPath, render_path
from govern.policy.shape import Schema

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "list": "a list",
    "dict": "a mapping",
    "number": "a number",
    "date": "a date (YYYY-MM-DD)",
}


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _schema_at(root: Schema, schema_path: tuple[Any, ...]) -> Schema:
    node: Any = root
    for part in schema_path:
        if not isinstance(node, dict) or part not in node:
            return {}
        node = node[part]
    return node if isinstance(node, dict) else {}


def _leaves(errors: Iterable[cerr.ValidationError]) -> Iterator[cerr.ValidationError]:
    for error in errors:
        if error.is_group_error:
            yield from _leaves(error.child_errors)
        else:
            yield error


def _problem(doc: Document, root: Schema, base: KeyPath, error: cerr.ValidationError) -> Problem:
    path: KeyPath = base + tuple(error.document_path)
    shown = render_path(path)
    name = str(path[-1]) if path else "document"
    code, message, key = "G205", f"'{shown}' is invalid", False
    if error.code == cerr.UNKNOWN_FIELD.code:
        allowed = list(_schema_at(root, tuple(error.schema_path)))
        code, key = "G200", True
        message = f"unknown key '{name}' in {render_path(path[:-1]) or 'the document'}"
        message += did_you_mean(name, allowed)
    elif error.code == cerr.REQUIRED_FIELD.code:
        where = render_path(path[:-1]) or "the document"
        code, message = "G201", f"'{name}' is required in {where}"
    elif error.code == cerr.BAD_TYPE.code:
        wanted = error.constraint if isinstance(error.constraint, list) else [error.constraint]
        kinds = " or ".join(_TYPE_NAMES.get(str(w), str(w)) for w in wanted)
        code, message = "G202", f"'{shown}' must be {kinds}, not {_describe(error.value)}"
    elif error.code in (cerr.UNALLOWED_VALUE.code, cerr.UNALLOWED_VALUES.code):
        choices = [str(a) for a in error.constraint]
        hint = did_you_mean(str(error.value), choices)
        code = "G203"
        message = f"'{shown}' is {_describe(error.value)}, expected one of {', '.join(choices)}"
        message += hint
    elif error.code in (cerr.MIN_VALUE.code, cerr.MAX_VALUE.code):
        bound = "at least" if error.code == cerr.MIN_VALUE.code else "at most"
        code, message = "G204", f"'{shown}' must be {bound} {error.constraint}"
    elif error.code == cerr.REGEX_MISMATCH.code:
        message = f"'{shown}' has an invalid format: {_describe(error.value)}"
        if error.rule == "regex" and "a-z0-9-" in str(error.constraint):
            message += " (use lower-case letters, digits and hyphens)"
    elif error.code == cerr.EMPTY_NOT_ALLOWED.code:
        message = f"'{shown}' must not be empty"
    elif error.code == cerr.DEPENDENCIES_FIELD_VALUE.code:
        effects = error.constraint.get("effect", []) if isinstance(error.constraint, dict) else []
        message = f"'{name}' only applies to rules with effect {', '.join(effects)}"
        code, key = "G203", True
    return Problem(doc.at(path, key=key), code, message, shown)


def check(doc: Document, data: Any, schema: Schema, base: KeyPath = ()) -> list[Problem]:
    """Every problem of `data` (found at `base` inside `doc`) against `schema`."""
    validator = cerberus.Validator(schema)
    if not isinstance(data, dict):
        return [Problem(doc.at(base), "G202", f"'{render_path(base) or 'document'}' must be a mapping")]
    if validator.validate(data):
        return []
    return [
        _problem(doc, schema, base, error)
        for error in _leaves(validator._errors)
        if not _dependency_absent(data, error)
    ]


def _dependency_absent(data: Any, error: cerr.ValidationError) -> bool:
    """A key that depends on a missing one (refer_to without effect) repeats the real problem."""
    if error.code != cerr.DEPENDENCIES_FIELD_VALUE.code or not isinstance(error.constraint, dict):
        return False
    parent: Any = data
    for part in error.document_path[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(parent, dict) and any(key not in parent for key in error.constraint)
