"""What every platform adapter shares: the comment it read, the calls it answers with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from govern.errors import FieldError, RequestError
from govern.moderation.models import ModerationResult

MAX_ITEMS = 1000


class PlatformCall(BaseModel):
    """One call for the council's integration to make, in the platform's own terms."""

    does: str  # the govern action: hide, delete, warn, block-review, escalate
    rule: str
    method: str | None = None  # None: nothing to call (a person decides, or the platform cannot)
    path: str | None = None
    body: dict[str, Any] | None = None
    note: str | None = None


@dataclass(frozen=True)
class Incoming:
    """A comment read from a payload: govern's comment, and the platform's ids to answer with."""

    platform_id: str
    comment: dict[str, Any]
    about: dict[str, str]  # the platform's ids the calls need: page, post, author, video...
    permalink: str | None = None  # where the comment can be seen, for the evidence


@dataclass(frozen=True)
class Adapter:
    name: str
    channel: str
    incoming: Callable[[Any], list[Incoming]]
    calls: Callable[[Incoming, ModerationResult], list[PlatformCall]]


def bad(where: str, message: str, platform: str) -> RequestError:
    return RequestError([FieldError(where, message)], f"{platform} payload")


EXPECTED: dict[type, str] = {str: "a non-empty string", dict: "an object", list: "a list"}


def need(value: Any, kind: type, where: str, platform: str) -> Any:
    """`value` when it is of `kind` (a non-empty string for str), else a 422 naming `where`."""
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise bad(where, f"expected {EXPECTED.get(kind, kind.__name__)}", platform)
    return value


def ident(value: Any, where: str, platform: str) -> str:
    """An id: a non-empty string, or a whole number (some payloads send ids as numbers)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return str(need(value, str, where, platform))


def items(value: Any, where: str, platform: str) -> list[Any]:
    found = need(value, list, where, platform)
    if len(found) > MAX_ITEMS:
        raise bad(where, f"at most {MAX_ITEMS} items, not {len(found)}", platform)
    return list(found)


def moment(value: Any, where: str, platform: str) -> str:
    """A time as ISO 8601: from Unix seconds or an RFC 3339 text."""
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return dt.datetime.fromtimestamp(value, dt.UTC).isoformat()
        if isinstance(value, str):
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except (ValueError, OverflowError, OSError):
        pass
    raise bad(where, f"expected a time (Unix seconds or ISO 8601), got {str(value)[:40]!r}", platform)


def escalations(result: ModerationResult) -> list[PlatformCall]:
    """The actions no platform call carries out: a block review and an escalation go to people."""
    out = []
    for action in result.actions:
        if action.action == "block-review":
            note = "open a block review: a moderator decides, with a reason and a review date"
            out.append(PlatformCall(does="block-review", rule=action.rule, note=note))
        elif action.action == "escalate":
            out.append(PlatformCall(does="escalate", rule=action.rule, note=f"escalate to {action.to}"))
    return out
