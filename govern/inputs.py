"""Limits on hostile input, shared by every entry point (HTTP bodies, CLI lines, the library).

JSON is read with bounds Python's own parser does not have: nesting (a 100,000-deep array
exhausts the recursion limit), integer length (over 4,300 digits Python refuses to convert),
lone surrogates (valid JSON escapes that cannot be written back as UTF-8) and invalid UTF-8.
Dates are bounded to years a council's records can hold, so date arithmetic never overflows.
Every refusal is a RequestError naming the field, like any other bad request.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any

from pydantic import AfterValidator

from govern.errors import FieldError, RequestError

MAX_DEPTH = 32  # the contracts nest 3 levels deep; 32 leaves room and bounds every walk
MAX_INT_DIGITS = 100  # no number in a contract comes near; Python itself refuses 4,300
FIRST_YEAR, LAST_YEAR = 1900, 2199

_SURROGATE = re.compile("[\ud800-\udfff]")
# Strings and the punctuation that nests, for finding where a too-deep document goes too deep.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},:]')


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _LongNumber:
    """Stands in for an integer too long to convert, until its field can be named."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _where(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in path)


def _refuse(path: tuple[str | int, ...], message: str, what: str) -> RequestError:
    return RequestError([FieldError(_where(path), message)], what)


def loads(raw: bytes | str, what: str = "request", line: int | None = None) -> Any:
    """Parse a JSON document within the limits; RequestError names the field that breaks one."""
    where = f"line {line}, " if line else ""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _refuse((), f"{where}byte {exc.start + 1} is not UTF-8 text", what) from None
    long_numbers: list[int] = []

    def number(text: str) -> int | _LongNumber:
        if len(text) <= MAX_INT_DIGITS:
            return int(text)
        long_numbers.append(len(text))
        return _LongNumber(len(text))

    try:
        value = json.loads(raw, parse_int=number)
    except json.JSONDecodeError as exc:
        at = f"line {line}, column {exc.colno}" if line else f"line {exc.lineno}, column {exc.colno}"
        raise _refuse((), f"invalid JSON at {at}: {exc.msg}", what) from None
    except RecursionError:
        path = _too_deep(raw)
        raise _refuse(path, f"{where}nested more than {MAX_DEPTH} levels deep", what) from None
    # The walk is only needed when the text could break a limit: fewer brackets than the depth
    # limit cannot nest deeper, and a lone surrogate can only come from a \\ud800-\\udfff escape.
    if long_numbers or raw.count("[") + raw.count("{") > MAX_DEPTH or _SURROGATE_ESCAPE.search(raw):
        check(value, what)
    return value


def check(value: Any, what: str = "request") -> None:
    """Refuse a parsed document that nests too deeply, holds a too-long number or a lone surrogate."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, path = stack.pop()
        if isinstance(item, _LongNumber):
            raise _refuse(path, f"a number of {item.digits:,} digits is too long", what)
        if isinstance(item, str):
            if not item.isascii() and _SURROGATE.search(item):
                raise _refuse(path, "holds a lone surrogate (\\ud800-\\udfff), which is not text", what)
            continue
        children: Any
        if isinstance(item, dict):
            children = item.items()
        elif isinstance(item, list):
            children = enumerate(item)
        else:
            continue
        if len(path) >= MAX_DEPTH:
            raise _refuse(path, f"nested more than {MAX_DEPTH} levels deep", what)
        for key, child in children:
            if isinstance(key, str) and not key.isascii() and _SURROGATE.search(key):
                raise _refuse(path, "a key holds a lone surrogate, which is not text", what)
            if isinstance(child, str):  # checked here: most values are plain ASCII text
                if not child.isascii() and _SURROGATE.search(child):
                    raise _refuse(
                        (*path, key), "holds a lone surrogate (\\ud800-\\udfff), which is not text", what
                    )
            elif isinstance(child, (dict, list, _LongNumber)):
                stack.append((child, (*path, key)))


def _too_deep(text: str) -> tuple[str | int, ...]:
    """The path at which `text` first nests deeper than MAX_DEPTH (only read on that error)."""
    path: list[str | int] = []
    last = ""
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "{":
            path.append("")
        elif token == "[":
            path.append(0)
        elif token in "}]":
            if path:
                path.pop()
        elif token == ",":
            if path and isinstance(path[-1], int):
                path[-1] += 1
        elif token == ":":
            if path and isinstance(path[-1], str):
                path[-1] = last
        else:
            last = token[1:-1][:40]
        if len(path) > MAX_DEPTH:
            break
    return tuple(path[:MAX_DEPTH])


def _in_years(value: dt.date) -> dt.date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"the year must be between {FIRST_YEAR} and {LAST_YEAR}")
    return value


# A date or a moment in a contract: within years whose arithmetic (a year's expiry, a time
# zone) never overflows. Anything else is refused naming the field (HTTP 422, CLI exit 2).
Day = Annotated[dt.date, AfterValidator(_in_years)]
Moment = Annotated[dt.datetime, AfterValidator(_in_years)]


def shown(value: Any, limit: int = 80) -> str:
    """A bounded repr for an error message: never raises, never grows with the input."""
    import reprlib

    short = reprlib.Repr()
    short.maxstring = short.maxother = short.maxlong = limit
    short.maxlevel = 3
    try:
        return short.repr(value)
    except (ValueError, RecursionError):
        return f"<{type(value).__name__}>"
