"""Identifiers: the ids govern makes, and the one grammar for the names people give it.

Requester, reviewer, comment and key names end up in a Squid ACL file, CSV and JSON exports,
URLs of the pages and the decision log, so they follow one strict grammar:

    a letter or digit, then letters, digits, '.', '-', '_' or '@'; 1 to 128 characters (ASCII)

and none of the reserved words below (in any case). Nothing in the grammar is special to Squid
(no space, newline, quote, '%', '#' or leading '-'), to a URL path ('/'), or to a spreadsheet (a
name cannot start with '=', '+', '-' or '@').
"""

from __future__ import annotations

import os
import re
from typing import Annotated

from pydantic import AfterValidator

MAX_NAME = 128

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]*", re.ASCII)

# Words that mean something else where names are written: Squid's proxy_auth REQUIRED (any
# signed-in user) and its built-in ACLs (all, none, localhost, manager, ...), the helper protocol's
# '-' (no user), and the names govern itself records for callers without a key.
RESERVED = frozenset(
    {
        "required",
        "all",
        "none",
        "any",
        "localhost",
        "to_localhost",
        "to_linklocal",
        "manager",
        "anonymous",
        "web",
        "null",
        "nobody",
        "unknown",
        "system",
        "govern",
    }
)


def name_problem(value: str) -> str | None:
    """What is wrong with `value` as a name, or None when it follows the grammar."""
    if not value:
        return "is empty"
    if len(value) > MAX_NAME:
        return f"is {len(value):,} characters long; a name has at most {MAX_NAME}"
    if not _NAME.fullmatch(value):
        return "may hold only letters, digits, '.', '-', '_' and '@' (ASCII), starting with a letter or digit"
    if value.lower() in RESERVED:
        return f"'{value}' is a reserved word"
    return None


def is_name(value: str) -> bool:
    return name_problem(value) is None


def _check_name(value: str) -> str:
    problem = name_problem(value)
    if problem:
        raise ValueError(f"the name {problem}")
    return value


# A name in a pydantic model: a request with a bad one is refused naming the field (HTTP 422).
Name = Annotated[str, AfterValidator(_check_name)]


# The variant digit (10xx in binary: 8, 9, a or b) for each random hex digit it replaces.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def new_id() -> str:
    """A random (version 4) UUID as text, from the OS's secure source.

    Over twice as fast as str(uuid.uuid4()), which matters at tens of thousands of decisions a second.
    """
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"
