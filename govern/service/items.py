"""Batch answers: each item's result or error in its place, and the size limits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from govern.drafts.models import MAX_TEXT
from govern.errors import GovernError, TooLarge

T = TypeVar("T")

MAX_BATCH = 1000


@dataclass(frozen=True, slots=True)
class Item(Generic[T]):
    """One answer of a batch: the result, or the error that item got (never both)."""

    index: int
    result: T | None = None
    error: GovernError | None = None


def too_many(count: int, what: str) -> None:
    """Refuse a batch over MAX_BATCH items."""
    if count > MAX_BATCH:
        raise TooLarge(f"a batch holds at most {MAX_BATCH:,} {what}, not {count:,}")


def oversize(body: Any, what: str) -> TooLarge | None:
    """A draft or comment whose text is over MAX_TEXT characters, as the error to answer."""
    text = body.get("text") if isinstance(body, dict) else None
    if isinstance(text, str) and len(text) > MAX_TEXT:
        return TooLarge(f"a {what} holds at most {MAX_TEXT:,} characters, not {len(text):,}")
    return None
