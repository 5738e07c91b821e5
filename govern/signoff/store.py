"""Where review items and acknowledgements are kept: a small protocol and its in-memory double."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from typing import Protocol

from govern.signoff.model import PENDING, Acknowledgement, ReviewItem, Status, Version, without_text


class Conflict(Exception):
    """The item was not in the expected state when it was saved (someone else acted first)."""


class ReviewStore(Protocol):
    def add(self, item: ReviewItem) -> None:
        """A new item with its first version."""
        ...

    def get(self, item_id: str) -> ReviewItem | None: ...

    def find(
        self, queue: str | None = None, status: Status | None = None, author: str | None = None
    ) -> list[ReviewItem]:
        """Items, oldest first, filtered by whichever of queue, status and author are given."""
        ...

    def save(self, item: ReviewItem, expected: Status) -> None:
        """Write the item's state and any versions and notes not yet stored, only if its stored
        status is still `expected`; otherwise raise Conflict (KeyError when there is no such item)."""
        ...

    def with_text(self, digest: str) -> list[ReviewItem]:
        """Items whose latest version has exactly this text (by digest), newest first."""
        ...

    def due(self, now: dt.datetime) -> list[ReviewItem]:
        """Pending items whose scheduled time has come."""
        ...

    def purge(self, before: dt.datetime) -> int:
        """Blank the texts (drafts and diffs) of decided items last changed before `before`; their
        digests stay, so the gate still knows an approved text. Returns how many versions."""
        ...

    def acknowledge(self, ack: Acknowledgement) -> None: ...

    def acknowledgements(
        self, digest: str | None = None, since: dt.datetime | None = None
    ) -> list[Acknowledgement]: ...


class MemoryReviews:
    """The in-process double: the same behaviour as the SQL store, in dictionaries."""

    def __init__(self) -> None:
        self._items: dict[str, ReviewItem] = {}
        self._acks: list[Acknowledgement] = []
        self._lock = threading.Lock()

    def add(self, item: ReviewItem) -> None:
        with self._lock:
            if item.id in self._items:
                raise Conflict(f"review {item.id} exists")
            self._items[item.id] = item

    def get(self, item_id: str) -> ReviewItem | None:
        return self._items.get(item_id)

    def find(
        self, queue: str | None = None, status: Status | None = None, author: str | None = None
    ) -> list[ReviewItem]:
        return [
            i
            for i in sorted(self._items.values(), key=lambda i: i.created_at)
            if (queue is None or i.queue == queue)
            and (status is None or i.status == status)
            and (author is None or i.author == author)
        ]

    def save(self, item: ReviewItem, expected: Status) -> None:
        with self._lock:
            stored = self._items.get(item.id)
            if stored is None:
                raise KeyError(item.id)
            if stored.status != expected:
                raise Conflict(f"review {item.id} is {stored.status}")
            self._items[item.id] = replace(item)

    def with_text(self, digest: str) -> list[ReviewItem]:
        found = [i for i in self._items.values() if i.latest.digest == digest]
        return sorted(found, key=lambda i: i.created_at, reverse=True)

    def due(self, now: dt.datetime) -> list[ReviewItem]:
        return [i for i in self.find() if i.due(now)]

    def purge(self, before: dt.datetime) -> int:
        count = 0
        with self._lock:
            for item in list(self._items.values()):
                if item.status in PENDING or item.updated_at >= before:
                    continue
                versions = tuple(_purged(v) for v in item.versions)
                count += sum(1 for old, new in zip(item.versions, versions, strict=True) if old != new)
                self._items[item.id] = replace(item, versions=versions)
        return count

    def acknowledge(self, ack: Acknowledgement) -> None:
        with self._lock:
            self._acks.append(ack)

    def acknowledgements(
        self, digest: str | None = None, since: dt.datetime | None = None
    ) -> list[Acknowledgement]:
        return [
            a
            for a in self._acks
            if (digest is None or a.digest == digest) and (since is None or a.at >= since)
        ]


def _purged(version: Version) -> Version:
    return (
        version
        if version.draft.get("purged")
        else replace(version, draft=without_text(version.draft), diff="")
    )
