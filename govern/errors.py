"""Errors: the user's mistakes (with stable codes) apart from our own bugs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

# Stable codes and what each means, in one table, so the CLI, the API and the web pages say the
# same thing. The message of a problem adds the specifics (which key, which expression).
CODES: dict[str, str] = {
    "G100": "the pack cannot be read",
    "G101": "YAML syntax error",
    "G102": "YAML feature not allowed in packs",
    "G103": "document is not a mapping",
    "G104": "the pack is over a size or file-count limit",
    "G105": "symbolic link leads outside the pack folder",
    "G110": "pack.yaml is missing or invalid",
    "G111": "the pack extends itself, directly or through others",
    "G112": "`extends:` names a pack outside the packs root",
    "G120": "the pack could not be checked safely",
    "G200": "unknown key",
    "G201": "required key missing",
    "G202": "wrong type",
    "G203": "value not allowed",
    "G204": "value out of range",
    "G205": "invalid value",
    "G210": "unknown document kind",
    "G211": "unsupported apiVersion",
    "G300": "duplicate name",
    "G301": "unknown reference",
    "G400": "expression does not compile",
    "G401": "expression names an unknown variable",
    "G402": "pattern does not compile",
    "G403": "expression over a size, nesting or cost limit",
}


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: a file, and a 1-based line and column when known."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a pack, reported as ``file:line:col: CODE message``."""

    location: Location
    code: str
    message: str
    path: str = ""  # the key path inside the document, e.g. spec.rules[3].effect

    def __str__(self) -> str:
        return f"{self.location}: {self.code} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "code": self.code,
            "path": self.path,
            "message": self.message,
        }


class GovernError(Exception):
    """Base class of the errors a user can cause and fix."""


class PolicyError(GovernError):
    """A pack that does not load; lists every problem, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.location.file, p.location.line, p.location.column))
        count = len(self.problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in the policy pack"
        super().__init__("\n".join([summary, *map(str, self.problems)]))


@dataclass(frozen=True, slots=True)
class FieldError:
    """One thing wrong with a request: where in the request, and what."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class RequestError(GovernError):
    """A request (access request, draft, comment) that does not match the contract."""

    def __init__(self, errors: Iterable[FieldError], what: str = "request") -> None:
        self.errors = list(errors)
        self.what = what
        super().__init__(f"invalid {what}: " + "; ".join(str(e) for e in self.errors))


class Refusal(GovernError):
    """A request the service refuses as asked (unknown, already done, not yours): a stable `code`,
    a message and optional field details. The API maps each subclass to one HTTP status."""

    code = "refused"
    status = 400  # as HTTP would say it (the pages use it too)

    def __init__(
        self, message: str, *, code: str | None = None, details: list[dict[str, Any]] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []
        if code is not None:
            self.code = code


class Invalid(Refusal):
    """The request is well formed but incomplete for what it asks (a rejection without a reason)."""

    code = "invalid_request"
    status = 422  # as HTTP would say it (the pages use it too)


class NotFound(Refusal):
    """No such thing (or none the caller may see)."""

    code = "not_found"
    status = 404  # as HTTP would say it (the pages use it too)


class Conflict(Refusal):
    """The thing is no longer in the state the request needs (already decided, already moderated)."""

    code = "conflict"
    status = 409  # as HTTP would say it (the pages use it too)


class Forbidden(Refusal):
    """The caller may not do this (their role, or their own part in the case)."""

    code = "forbidden"
    status = 403  # as HTTP would say it (the pages use it too)


class TooLarge(Refusal):
    """Over a size limit (a text, a batch)."""

    code = "too_large"
    status = 413  # as HTTP would say it (the pages use it too)


def error_body(exc: GovernError) -> dict[str, Any]:
    """An error as the CLI, the API and the pages show it: code, message, details."""
    details: list[dict[str, Any]] = []
    code = "invalid_request"
    if isinstance(exc, Refusal):
        return {"code": exc.code, "message": exc.message, "details": list(exc.details)}
    if isinstance(exc, RequestError):
        details = [{"field": e.field, "message": e.message} for e in exc.errors]
    elif isinstance(exc, PolicyError):
        code = "invalid_policy"
        details = [p.as_dict() for p in exc.problems]
    return {"code": code, "message": str(exc).splitlines()[0], "details": details}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when nothing is close."""
    import difflib

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""
