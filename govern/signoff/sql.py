"""Review items and acknowledgements in the service's database (SQLite or PostgreSQL).

The tables come with the store's migrations (0003_signoff); this module only reads and writes them,
through the same SQLAlchemy engine as the decision log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from govern.signoff.model import Acknowledgement, Note, ReviewItem, Status, Version, without_text
from govern.signoff.store import Conflict
from govern.store import schema as t
from govern.store.base import StoreUnavailable

LOCK_WAIT_SECONDS = 30.0


def _ts(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _time(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


class SqlReviews:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sqlite = engine.dialect.name == "sqlite"
        self._writer = threading.Lock()

    @contextmanager
    def _tx(self, write: bool = True) -> Iterator[Connection]:
        """A transaction; on SQLite a write waits (up to 30 s) for another writer's lock."""
        try:
            with self._writer if write else contextlib.nullcontext():
                connection = self.engine.connect().execution_options(govern_write=write)
                try:
                    deadline = time.monotonic() + LOCK_WAIT_SECONDS
                    while True:
                        try:
                            transaction = connection.begin()
                            break
                        except sa.exc.OperationalError as exc:
                            if "locked" not in str(exc) or time.monotonic() > deadline:
                                raise
                            time.sleep(0.001)
                    try:
                        yield connection
                    except BaseException:
                        transaction.rollback()
                        raise
                    transaction.commit()
                finally:
                    connection.close()
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            raise StoreUnavailable(str(exc.orig) if exc.orig else str(exc)) from exc

    # --- items ------------------------------------------------------------------------------

    def add(self, item: ReviewItem) -> None:
        with self._tx() as c:
            try:
                c.execute(t.draft_reviews.insert().values(**_item_row(item), created_at=_ts(item.created_at)))
            except sa.exc.IntegrityError:
                raise Conflict(f"review {item.id} exists") from None
            _insert_children(c, item, 0, 0)

    def get(self, item_id: str) -> ReviewItem | None:
        with self._tx(write=False) as c:
            row = c.execute(sa.select(t.draft_reviews).where(t.draft_reviews.c.id == item_id)).first()
            return _load(c, [row])[0] if row else None

    def find(
        self, queue: str | None = None, status: Status | None = None, author: str | None = None
    ) -> list[ReviewItem]:
        query = sa.select(t.draft_reviews).order_by(t.draft_reviews.c.created_at)
        if queue is not None:
            query = query.where(t.draft_reviews.c.queue == queue)
        if status is not None:
            query = query.where(t.draft_reviews.c.status == status)
        if author is not None:
            query = query.where(t.draft_reviews.c.author == author)
        with self._tx(write=False) as c:
            return _load(c, list(c.execute(query)))

    def save(self, item: ReviewItem, expected: Status) -> None:
        r = t.draft_reviews
        with self._tx() as c:
            changed = c.execute(
                r.update().where(r.c.id == item.id, r.c.status == expected).values(**_item_row(item))
            ).rowcount
            if not changed:
                row = c.execute(sa.select(r.c.status).where(r.c.id == item.id)).first()
                if row is None:
                    raise KeyError(item.id)
                raise Conflict(f"review {item.id} is {row.status}")
            versions = c.execute(
                sa.select(sa.func.count()).where(t.draft_versions.c.review_id == item.id)
            ).scalar_one()
            notes = c.execute(
                sa.select(sa.func.count()).where(t.draft_review_notes.c.review_id == item.id)
            ).scalar_one()
            _insert_children(c, item, int(versions), int(notes))

    def with_text(self, digest: str) -> list[ReviewItem]:
        r = t.draft_reviews
        query = sa.select(r).where(r.c.digest == digest).order_by(r.c.created_at.desc())
        with self._tx(write=False) as c:
            return _load(c, list(c.execute(query)))

    def due(self, now: dt.datetime) -> list[ReviewItem]:
        r = t.draft_reviews
        query = (
            sa.select(r)
            .where(r.c.status.in_(["open", "changes-requested"]), r.c.scheduled_at <= _ts(now))
            .order_by(r.c.scheduled_at)
        )
        with self._tx(write=False) as c:
            return _load(c, list(c.execute(query)))

    def purge(self, before: dt.datetime) -> int:
        r, v = t.draft_reviews, t.draft_versions
        decided = sa.select(r.c.id).where(
            r.c.status.not_in(["open", "changes-requested"]), r.c.updated_at < _ts(before)
        )
        count = 0
        with self._tx() as c:
            for row in list(c.execute(sa.select(v).where(v.c.review_id.in_(decided)))):
                draft = json.loads(row.draft)
                if draft.get("purged"):
                    continue
                c.execute(
                    v.update()
                    .where(v.c.review_id == row.review_id, v.c.number == row.number)
                    .values(draft=json.dumps(without_text(draft)), diff="")
                )
                count += 1
        return count

    # --- acknowledgements ---------------------------------------------------------------------

    def acknowledge(self, ack: Acknowledgement) -> None:
        with self._tx() as c:
            c.execute(
                t.draft_acknowledgements.insert().values(
                    id=ack.id,
                    rule=ack.rule,
                    severity=ack.severity,
                    digest=ack.digest,
                    excerpt=ack.excerpt,
                    reason=ack.reason,
                    by_name=ack.by,
                    at=_ts(ack.at),
                )
            )

    def acknowledgements(
        self, digest: str | None = None, since: dt.datetime | None = None
    ) -> list[Acknowledgement]:
        a = t.draft_acknowledgements
        query = sa.select(a).order_by(a.c.at)
        if digest is not None:
            query = query.where(a.c.digest == digest)
        if since is not None:
            query = query.where(a.c.at >= _ts(since))
        with self._tx(write=False) as c:
            return [
                Acknowledgement(
                    id=row.id,
                    rule=row.rule,
                    severity=row.severity,
                    digest=row.digest,
                    excerpt=row.excerpt,
                    reason=row.reason,
                    by=row.by_name,
                    at=dt.datetime.fromisoformat(row.at),
                )
                for row in c.execute(query)
            ]


def _item_row(item: ReviewItem) -> dict[str, Any]:
    """The columns that change over an item's life (created_at is written once, on insert)."""
    return {
        "id": item.id,
        "author": item.author,
        "queue": item.queue,
        "status": item.status,
        "digest": item.latest.digest,
        "updated_at": _ts(item.updated_at),
        "scheduled_at": _ts(item.scheduled_at) if item.scheduled_at else None,
        "reviewer": item.reviewer,
        "reason": item.reason,
        "decided_at": _ts(item.decided_at) if item.decided_at else None,
    }


def _insert_children(c: Connection, item: ReviewItem, versions: int, notes: int) -> None:
    """Insert the item's versions and notes past the first `versions` and `notes` already stored."""
    new_versions = [
        {
            "review_id": item.id,
            "number": v.number,
            "draft": json.dumps(v.draft, default=str),
            "verdict": json.dumps(v.verdict, default=str),
            "submitted_by": v.submitted_by,
            "submitted_at": _ts(v.submitted_at),
            "diff": v.diff,
        }
        for v in item.versions[versions:]
    ]
    if new_versions:
        c.execute(t.draft_versions.insert(), new_versions)
    new_notes = [
        {
            "review_id": item.id,
            "seq": seq,
            "by_name": n.by,
            "at": _ts(n.at),
            "text": n.text,
            "version": n.version,
        }
        for seq, n in enumerate(item.notes[notes:], notes + 1)
    ]
    if new_notes:
        c.execute(t.draft_review_notes.insert(), new_notes)


def _load(c: Connection, rows: list[Any]) -> list[ReviewItem]:
    """Items for `rows` of draft_reviews, with their versions and notes (two queries in all)."""
    if not rows:
        return []
    ids = [row.id for row in rows]
    versions: dict[str, list[Version]] = {i: [] for i in ids}
    v = t.draft_versions
    for row in c.execute(sa.select(v).where(v.c.review_id.in_(ids)).order_by(v.c.review_id, v.c.number)):
        versions[row.review_id].append(
            Version(
                number=row.number,
                draft=json.loads(row.draft),
                verdict=json.loads(row.verdict),
                submitted_by=row.submitted_by,
                submitted_at=dt.datetime.fromisoformat(row.submitted_at),
                diff=row.diff,
            )
        )
    notes: dict[str, list[Note]] = {i: [] for i in ids}
    n = t.draft_review_notes
    for row in c.execute(sa.select(n).where(n.c.review_id.in_(ids)).order_by(n.c.review_id, n.c.seq)):
        notes[row.review_id].append(
            Note(by=row.by_name, at=dt.datetime.fromisoformat(row.at), text=row.text, version=row.version)
        )
    return [
        ReviewItem(
            id=row.id,
            author=row.author,
            queue=row.queue,
            status=row.status,
            created_at=dt.datetime.fromisoformat(row.created_at),
            updated_at=dt.datetime.fromisoformat(row.updated_at),
            scheduled_at=_time(row.scheduled_at),
            reviewer=row.reviewer,
            reason=row.reason,
            decided_at=_time(row.decided_at),
            versions=tuple(versions[row.id]),
            notes=tuple(notes[row.id]),
        )
        for row in rows
    ]
