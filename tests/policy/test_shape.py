"""Each document shape is written once, as a typed record; the Cerberus schemas come from it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import pytest
from pydantic import BaseModel

from govern.policy import model
from govern.policy.schemas import ENVELOPE, KINDS
from govern.policy.shape import rule_of, rules, schema_of


@pytest.mark.parametrize(
    ("annotation", "expected"),
    [
        pytest.param(str, {"type": "string"}, id="text"),
        pytest.param(int, {"type": "integer"}, id="whole-number"),
        pytest.param(dt.date, {"type": "date"}, id="date"),
        pytest.param(int | str, {"type": ["integer", "string"]}, id="either"),
        pytest.param(str | None, {"type": "string"}, id="optional-is-not-nullable"),
        pytest.param(Literal["a", "b"], {"type": "string", "allowed": ["a", "b"]}, id="choice"),
        pytest.param(list[str], {"type": "list", "schema": {"type": "string"}}, id="list"),
        pytest.param(
            dict[str, int],
            {"type": "dict", "keysrules": {"type": "string"}, "valuesrules": {"type": "integer"}},
            id="mapping",
        ),
        pytest.param(dict[str, Any], {"type": "dict"}, id="open-mapping"),
        pytest.param(Annotated[int, rules(min=1)], {"type": "integer", "min": 1}, id="with-rules"),
        pytest.param(
            model.Name, {"type": "string", "regex": r"^[a-z0-9][a-z0-9-]*$", "empty": False}, id="name"
        ),
    ],
)
def test_rule_of_a_type(annotation: Any, expected: dict[str, Any]) -> None:
    assert rule_of(annotation) == expected


def test_a_record_gives_its_keys_by_alias_and_which_are_required() -> None:
    assert schema_of(model.Window) == {
        "name": {"type": "string", "regex": r"^[a-z0-9][a-z0-9-]*$", "empty": False, "required": True},
        "group": {"type": "string", "regex": r"^[a-z0-9][a-z0-9-]*$", "empty": False},
        "description": {"type": "string", "empty": False},
        "from": {"type": "date", "required": True},
        "to": {"type": "date", "required": True},
    }


def test_a_type_without_a_rule_is_refused() -> None:
    class Odd(BaseModel):
        when: complex

    with pytest.raises(TypeError, match="no Cerberus rule"):
        schema_of(Odd)


def _keys(record: type[BaseModel]) -> set[str]:
    return {field.alias or name for name, field in record.model_fields.items()}


@pytest.mark.parametrize(
    ("schema", "record", "left_out"),
    [
        pytest.param(
            KINDS["AccessPolicy"]["rules"]["schema"]["schema"], model.AccessRule, set(), id="access-rule"
        ),
        pytest.param(
            KINDS["DiscretionGuidelines"]["rules"]["schema"]["schema"],
            model.TextRule,
            {"action", "escalate_to", "reply"},
            id="draft-rule",
        ),
        pytest.param(
            KINDS["ModerationPolicy"]["rules"]["schema"]["schema"],
            model.TextRule,
            {"severity"},
            id="house-rule",
        ),
        pytest.param(KINDS["ModerationPolicy"]["hours"]["schema"], model.Hours, set(), id="hours"),
        pytest.param(ENVELOPE["metadata"]["schema"], model.Metadata, set(), id="metadata"),
    ],
)
def test_the_schemas_have_exactly_the_records_keys(
    schema: dict[str, Any], record: type[BaseModel], left_out: set[str]
) -> None:
    assert set(schema) == _keys(record) - left_out


def test_every_document_kind_has_its_schema_from_its_record() -> None:
    assert set(KINDS) == set(model.SPEC_MODELS)
    for kind, record in model.SPEC_MODELS.items():
        assert set(KINDS[kind]) == _keys(record)


@pytest.mark.parametrize(
    ("kind", "required"),
    [
        pytest.param("DiscretionGuidelines", "severity", id="draft-rules-need-a-severity"),
        pytest.param("ModerationPolicy", "action", id="house-rules-need-an-action"),
    ],
)
def test_each_kind_requires_its_own_outcome(kind: str, required: str) -> None:
    assert KINDS[kind]["rules"]["schema"]["schema"][required]["required"] is True
