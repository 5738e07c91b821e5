"""The pieces every area of the public contract (SPEC.md) shares, written once.

- `Contract`: the base of request bodies (unknown fields are an error, never dropped).
- `PolicyRef`: which pack answered (name, version, digest), on every answer.
- `Finding`: a span a rule found in a draft or a comment, and `ordered`, their one order.
- `parse` and `field_errors`: a request validated into its model, and what is wrong with one,
  worded the same for a single request, a batch item, the CLI and the API.

The models also stay importable from where they were first defined (`govern.access.models`,
`govern.drafts.models`, `govern.pack`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from govern.errors import FieldError, RequestError
from govern.inputs import shown

M = TypeVar("M", bound=BaseModel)


class Contract(BaseModel):
    """A request body: unknown fields are an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PolicyRef(BaseModel):
    """The pack that gave an answer: its name, version and content digest."""

    pack: str
    version: str
    digest: str


# How much a finding's severity weighs when two findings cover the same span: drafts grade
# info < revise < refer < block, house rules info < hold < remove.
SEVERITY_RANK = {"info": 0, "revise": 1, "hold": 2, "refer": 2, "remove": 3, "block": 3}


class Finding(BaseModel):
    """One thing a rule found: where in the text, what it means, and what to do instead."""

    rule: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    excerpt: str
    suggestion: str | None = None
    # The text to put in place of the excerpt, when a detector proposes one (tools apply it as a fix)
    replacement: str | None = None

    def sort_key(self) -> tuple[int, int, int, str]:
        """The one order of findings: by position in the text, then the most severe, then rule."""
        return (self.start, self.end, -SEVERITY_RANK.get(self.severity, 0), self.rule)


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in their one order (see Finding.sort_key)."""
    return sorted(findings, key=Finding.sort_key)


def _errors(found: ValidationError | Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    if isinstance(found, ValidationError):
        yield from found.errors(include_url=False)
    else:
        yield from found


def field_errors(found: ValidationError | Iterable[Mapping[str, Any]]) -> list[FieldError]:
    """Validation errors as 'where: what' in the contract's field names.

    `found` is pydantic's ValidationError, or its list of errors (as FastAPI reports a request
    body's, under a leading 'body' that is dropped), so every door words a problem the same way.
    """
    out = []
    for error in _errors(found):
        loc = list(error["loc"])
        if loc[:1] == ["body"]:
            loc = loc[1:]
        where = ".".join(str(part) for part in loc)
        if error["type"] == "extra_forbidden":
            message = "unknown field"
        elif error["type"] == "missing":
            message = "is required"
        else:
            message = f"{error['msg']} (got {shown(error.get('input'))})"
        out.append(FieldError(where, message))
    return out


def parse(model: type[M], data: Any, what: str) -> M:
    """Validate a request body, raising RequestError with every problem."""
    if isinstance(data, model):
        return data
    if not isinstance(data, dict):
        raise RequestError([FieldError("", f"expected a JSON object, got {type(data).__name__}")], what)
    try:
        # model_validate, without its wrapper's keyword handling (a tenth of a small request's time)
        parsed: M = model.__pydantic_validator__.validate_python(data)
        return parsed
    except ValidationError as exc:
        raise RequestError(field_errors(exc), what) from None
