"""The SQL store: SQLite (a file, WAL mode) by default, PostgreSQL for several instances.

Longer than ~400 lines because every write shares one transaction discipline (the keyed chain,
the anchor, group commit, the SQLite lock): split, each part would re-enter `_tx` by hand."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection

from govern.store import schema as t
from govern.store.anchor import HeadFile, read_anchors
from govern.store.audit import KEYS, Report, check_chain, check_tables, merge_exported
from govern.store.base import (
    ApiKey,
    Entry,
    Grant,
    LogRecord,
    Problem,
    Referral,
    ReferralNotOpen,
    ReferralTampered,
    StoreUnavailable,
    grant_terms,
)
from govern.store.chain import (
    NO_POLICY,
    PURGED_INPUT,
    digest_of,
    head_signature,
    link,
    redact,
    row_mac,
    same,
    seal,
)
from govern.store.engine import (
    MIGRATIONS,
    create_private_sqlite,
    holds_keyed_records,
    migrate,
    normalise_url,
    sqlite_begin,
    sqlite_pragmas,
    when_unlocked,
)
from govern.store.logkey import KeyUnreadable, LogKeyError, LogSettings, load_key
from govern.store.rows import chained, grant_row, grouped, insert_sql, now, record_of, ts
from govern.store.writer import GroupCommit, WouldWait

__all__ = ["MIGRATIONS", "SqlStore", "migrate", "normalise_url"]

logger = logging.getLogger("govern.store")
T = TypeVar("T")


@dataclass
class _NoWait:
    """A `no_wait` block in progress; once it has written, its later writes wait like any other
    (raising WouldWait then would have the caller redo, and record twice, what is written)."""

    wrote: bool = False


_NO_WAIT: contextvars.ContextVar[_NoWait | None] = contextvars.ContextVar(
    "govern_store_no_wait", default=None
)
# How long a write asked not to wait still waits for another process's SQLite lock, retrying
# every 0.1 ms: an uncontended commit holds it for 0.1-0.2 ms; a batch holds it far longer.
NO_WAIT_SECONDS = 0.001


def _may_refuse() -> _NoWait | None:
    """The `no_wait` block in progress that has not written yet: its next wait raises WouldWait."""
    block = _NO_WAIT.get()
    return block if block is not None and not block.wrote else None


def _unlocked_soon(run: Callable[[], T]) -> T:
    """`when_unlocked` for a caller that must not wait: NO_WAIT_SECONDS at most, then WouldWait."""
    try:
        return when_unlocked(run, NO_WAIT_SECONDS, 0.0001)
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise
        raise WouldWait("another connection holds the database's lock") from None


_now, _ts = now, ts


def _parse(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


class _NotInState(LookupError):
    """A comment is not in the state an action needs (rolls the write back)."""


class SqlStore:
    def __init__(
        self, url: str, *, create: bool = True, log: LogSettings | None = None, check_key: bool = True
    ) -> None:
        """Open (and migrate) the store. With `check_key`, refuse a key that does not match the
        newest record: a wrong key file or secret must not extend the log (verify opens without)."""
        self.url = normalise_url(url)
        self.sqlite = self.url.startswith("sqlite")
        options: dict[str, Any] = {"pool_pre_ping": True}
        if self.sqlite:
            options["connect_args"] = {"timeout": 0, "check_same_thread": False}
            if create:
                create_private_sqlite(self.url)  # 0600, and so its -wal and -shm
        self.engine = sa.create_engine(self.url, **options)
        self._writer = threading.Lock()  # one writer per process; processes queue on SQLite's lock
        self._raw: sqlite3.Connection | None = None  # the writer's own driver connection (SQLite)
        self._readers = threading.local()  # each thread's own driver connection for `read` (SQLite)
        self._opened: list[sqlite3.Connection] = []  # every reader, to close them all
        self._opening = threading.Lock()  # guards _opened; not _writer, so a read never waits for a write
        if self.sqlite:
            event.listen(self.engine, "connect", sqlite_pragmas)
            event.listen(self.engine, "begin", sqlite_begin)
        settings = log or LogSettings()  # the caller passes Settings.log; none: the key beside the file
        key_path, head_path = settings.files(self.url)
        self.head = HeadFile(head_path, sync_before_answer=settings.sync_before_answer)
        commit = self._append_sqlite if self.sqlite else lambda entries: self._commit(lambda _: entries)
        now = (lambda entries: self._append_sqlite(entries, wait=False)) if self.sqlite else None
        self._group = GroupCommit(commit, self.head, commit_now=now)
        try:
            with self._errors():
                keyed = holds_keyed_records(self.engine)
            try:
                self.key: bytes | None = load_key(settings, key_path, may_create=not keyed)
            except KeyUnreadable as exc:  # a reader run as another user (Squid's helper): no MAC checks
                logger.warning("%s: the store opens for reading only, without checking rows' MACs", exc)
                self.key = None
            if create:
                with self._errors():
                    adopted = migrate(self.engine, self.key)
                if adopted is not None:
                    self.head.anchor(*adopted)
            if check_key and self.key is not None:
                self._check_key(self.key)
        except BaseException:
            self.engine.dispose()
            raise

    def _check_key(self, key: bytes) -> None:
        with self._tx(write=False) as c:
            newest = c.execute(sa.select(t.log).order_by(t.log.c.seq.desc()).limit(1)).first()
        if newest is not None and not same(link(key, dict(newest._mapping)), newest.hash):
            raise LogKeyError(
                f"the log key does not match the newest record ({newest.seq}): a different key file or "
                "GOVERN_LOG_KEY, or the record was altered; run 'govern audit verify'"
            )

    def _key(self) -> bytes:
        if self.key is None:
            raise LogKeyError(
                "this process may not read the log key: it can read the store, not write or verify it"
            )
        return self.key

    def close(self) -> None:
        """Close every pooled connection (and the SQLite writer's and readers' own)."""
        if self._raw is not None:
            self._raw.close()
            self._raw = None
        with self._opening:
            opened, self._opened = self._opened, []
        for reader in opened:
            reader.close()
        self._readers = threading.local()
        self.head.close()
        self.engine.dispose()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            raise StoreUnavailable(str(exc.orig) if exc.orig else str(exc)) from exc

    @contextmanager
    def _tx(self, write: bool = True) -> Iterator[Connection]:
        """A transaction. On SQLite a write begins IMMEDIATE, taking the write lock up front
        (see _when_unlocked)."""
        if write and _may_refuse():
            raise WouldWait("a transaction that writes waits for the write lock")
        with self._errors():
            if not self.sqlite:
                with self.engine.begin() as connection:
                    yield connection
                return
            with self._writer if write else contextlib.nullcontext():
                connection = self.engine.connect().execution_options(govern_write=write)
                try:
                    transaction = when_unlocked(connection.begin)
                    try:
                        yield connection
                    except BaseException:
                        transaction.rollback()
                        raise
                    transaction.commit()
                finally:
                    connection.close()

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """SQLite only: the rows of one read-only statement, on this thread's own driver connection.

        For the lookups every decision makes (the directory's person): SQLAlchemy's pooled
        connection, transaction and result processing cost several times the query itself."""
        reader: sqlite3.Connection | None = getattr(self._readers, "connection", None)
        bounded = _may_refuse() is not None  # on an event loop: never 30 s
        with self._errors():
            try:
                if reader is None:
                    path = self.url.removeprefix("sqlite:///")
                    reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=0)
                    sqlite_pragmas(reader, None)
                    with self._opening:
                        self._opened.append(reader)
                    self._readers.connection = reader
                query = lambda: reader.execute(sql, tuple(params))  # noqa: E731
                cursor = _unlocked_soon(query) if bounded else when_unlocked(query)
                names = [d[0] for d in cursor.description]
                return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            except sqlite3.OperationalError as exc:
                raise sa.exc.OperationalError(sql, params, exc) from exc

    # --- the log ---------------------------------------------------------------------------

    def append(
        self,
        kind: str,
        ref: str,
        actor: str,
        policy: dict[str, str],
        input: dict[str, Any],
        result: dict[str, Any],
    ) -> LogRecord:
        return self.append_all([Entry(kind, ref, actor, policy, input, result)])[0]

    def append_all(self, entries: list[Entry]) -> list[LogRecord]:
        """Append entries (and the grants and referrals they carry) in one transaction, shared
        with other threads' entries when they append at the same time (group commit, writer.py);
        returns once they are committed and anchored.

        The chain head is read under a row lock (BEGIN IMMEDIATE on SQLite), so concurrent writers,
        in other processes or on other hosts, extend one chain and never fork it.
        """
        block = _may_refuse()
        if block is None:
            return self._group.append(entries)
        records = self._group.try_append(entries)
        block.wrote = True
        return records

    @property
    def writes_without_waiting(self) -> bool:
        """Whether `no_wait` can write at all: SQLite, whose uncontended commit takes a fraction of a
        millisecond; PostgreSQL's round trips are always worth a thread."""
        return self.sqlite

    @contextmanager
    def no_wait(self) -> Iterator[None]:
        """Within this block, on this thread, a write that would wait for a lock (another write
        of this process, or another process's SQLite lock for over NO_WAIT_SECONDS) raises
        WouldWait before writing anything. Only the block's first write may raise it: the caller
        redoes the whole block elsewhere, which must not record anything twice.

        For an event loop: it decides and writes itself when the database is free, and hands the
        request to a thread only when a write would block the loop (govern.api.access)."""
        token = _NO_WAIT.set(_NoWait())
        try:
            yield
        finally:
            _NO_WAIT.reset(token)

    def _write(self, build: Callable[[Connection], list[Entry]]) -> list[LogRecord]:
        """One transaction (`_commit`), then the new head anchored outside the database."""
        records = self._commit(build)
        self._anchor(records)
        return records

    def _commit(self, build: Callable[[Connection], list[Entry]]) -> list[LogRecord]:
        """One transaction: lock the chain head, build the entries (reads may raise to roll back),
        append them and apply their effects."""
        with self._tx() as c:
            head = c.execute(sa.select(t.chain_head).where(t.chain_head.c.id == 1).with_for_update()).one()
            records, rows, statements = chained(self._key(), build(c), head.seq, head.hash)
            if rows:
                c.execute(t.log.insert(), rows)
                c.execute(
                    t.chain_head.update()
                    .where(t.chain_head.c.id == 1)
                    .values(seq=records[-1].seq, hash=records[-1].hash)
                )
            for sql, runs in grouped(statements):
                c.execute(sa.text(sql), runs)
        return records

    def write(self, build: Callable[[Connection], list[Entry]]) -> list[LogRecord]:
        """For records kept beside the log (govern.store.moderation_team): in one transaction under
        the chain's lock, `build` reads what it needs (raising rolls back) and gives the entries;
        they are appended and their effects applied."""
        return self._write(build)

    def transaction(self, write: bool = True) -> AbstractContextManager[Connection]:
        """A transaction (read-only unless `write`) for records kept beside the log and outside
        its chain (govern.store.moderation_team's reads and its outcome memory)."""
        return self._tx(write)

    def _anchor(self, records: list[LogRecord]) -> None:
        if records:
            self.head.anchor(records[-1].seq, records[-1].hash)

    def _append_sqlite(self, entries: list[Entry], wait: bool = True) -> list[LogRecord]:
        """The same on SQLite through the driver directly: the hot path of every decision, eight
        times faster than through SQLAlchemy's execution layer (0.04 ms against 0.33 ms). Unless
        `wait`, a lock held elsewhere raises WouldWait at once."""
        if not self._writer.acquire(blocking=wait):
            raise WouldWait("another write of this process is in progress")
        try:
            return self._append_raw(entries, wait)
        except sqlite3.Error as exc:
            if self._raw is not None:  # start afresh next time: the file may have changed
                self._raw.close()
                self._raw = None
            raise StoreUnavailable(str(exc)) from exc
        finally:
            self._writer.release()

    def _append_raw(self, entries: list[Entry], wait: bool = True) -> list[LogRecord]:
        if self._raw is None:
            path = self.url.removeprefix("sqlite:///")
            self._raw = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=0)
            sqlite_pragmas(self._raw, None)
        c = self._raw
        # Unless `wait`: another worker's commit takes a fraction of a millisecond, worth a short wait.
        (when_unlocked if wait else _unlocked_soon)(lambda: c.execute("BEGIN IMMEDIATE"))
        try:
            seq, previous = c.execute("SELECT seq, hash FROM chain_head WHERE id = 1").fetchone()
            records, rows, statements = chained(self._key(), entries, seq, previous)
            if rows:
                c.executemany(insert_sql("log", rows[0]), rows)
                c.execute(
                    "UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1",
                    (records[-1].seq, records[-1].hash),
                )
            for sql, runs in grouped(statements):
                c.executemany(sql, runs)
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise
        return records

    def log(self, since: dt.datetime | None = None, until: dt.datetime | None = None) -> list[LogRecord]:
        query = sa.select(t.log).order_by(t.log.c.seq)
        if since:
            query = query.where(t.log.c.at >= _ts(since))
        if until:
            query = query.where(t.log.c.at < _ts(until))
        with self._tx(write=False) as c:
            return [record_of(dict(row._mapping)) for row in c.execute(query)]

    def audit(self, exported: list[Any] | None = None) -> Report:
        """Check the chain, its anchors in the head file (and in heads exported earlier), and the
        tables it vouches for."""
        read = read_anchors(self.head.path)  # before the database: anchors never run ahead of it
        anchors, malformed = read if read is not None else (None, [])
        if exported:
            anchors, wrong = merge_exported(self._key(), exported, anchors)
            malformed += wrong
        with self._snapshot() as c:
            head = c.execute(sa.select(t.chain_head).where(t.chain_head.c.id == 1)).one()
            rows = (dict(row._mapping) for row in c.execute(sa.select(t.log).order_by(t.log.c.seq)))
            report, replay = check_chain(self._key(), rows, (head.seq, head.hash), anchors, read is not None)
            tables = {
                name: [dict(r._mapping) for r in c.execute(sa.select(t.metadata.tables[name]))]
                for name in KEYS
            }
            columns = (t.comments.c.comment_id, t.comments.c.action, t.comments.c.text, t.comments.c.author)
            comments = {r.comment_id: dict(r._mapping) for r in c.execute(sa.select(*columns))}
        report.problems = malformed + report.problems + check_tables(self._key(), replay, tables, comments)
        return report

    def export_head(self) -> dict[str, Any]:
        """The newest link, signed with the key, for keeping off site; refused if the log does not verify."""
        report = self.audit()
        if report.problems:
            raise ValueError(f"the log does not verify ({report.problems[0]}); no head exported")
        with self._tx(write=False) as c:
            head = c.execute(sa.select(t.chain_head).where(t.chain_head.c.id == 1)).one()
        at = _ts(_now())
        return {
            "seq": head.seq,
            "hash": head.hash,
            "at": at,
            "signature": head_signature(self._key(), head.seq, head.hash, at),
        }

    def verify(self) -> Problem | None:
        problems = self.audit().problems
        return problems[0] if problems else None

    @contextmanager
    def _snapshot(self) -> Iterator[Connection]:
        """A read transaction that sees one moment (REPEATABLE READ on PostgreSQL; SQLite's WAL
        read transactions already do)."""
        if self.sqlite:
            with self._tx(write=False) as c:
                yield c
            return
        with self._errors(), self.engine.connect() as c:
            c = c.execution_options(isolation_level="REPEATABLE READ")
            with c.begin():
                yield c

    def find(self, kind: str, ref: str) -> LogRecord | None:
        with self._tx(write=False) as c:
            row = c.execute(sa.select(t.log).where(t.log.c.kind == kind, t.log.c.ref == ref)).first()
        return record_of(dict(row._mapping)) if row else None

    def purge(self, before: dt.datetime, actor: str = "cli") -> int:
        """Blank the inputs and redact the findings' excerpts of old checks and moderations, re-seal
        each row with the key, and log the purge itself; the chain links are untouched."""
        counts: dict[str, int] = {}

        def build(c: Connection) -> list[Entry]:
            old = c.execute(
                sa.select(t.log.c.seq, t.log.c.hash, t.log.c.result)
                .where(
                    t.log.c.kind.in_(["check", "moderation"]),
                    t.log.c.at < _ts(before),
                    t.log.c.purged.is_(False),
                )
                .order_by(t.log.c.seq)
            ).all()
            blank = json.dumps(PURGED_INPUT)
            for row in old:
                result = redact(json.loads(row.result))
                key = self._key()
                mac = seal(key, row.seq, row.hash, True, digest_of(key, PURGED_INPUT), digest_of(key, result))
                c.execute(
                    t.log.update()
                    .where(t.log.c.seq == row.seq)
                    .values(input=blank, result=json.dumps(result), purged=True, mac=mac)
                )
            counts["records"] = len(old)
            counts["comments"] = c.execute(
                t.comments.update()
                .where(t.comments.c.posted_at < _ts(before), t.comments.c.text.is_not(None))
                .values(text=None)
            ).rowcount
            if not (old or counts["comments"]):
                return []
            seqs = {"first": old[0].seq, "last": old[-1].seq} if old else {}
            return [
                Entry("purge", _ts(before), actor, NO_POLICY, {"before": _ts(before)}, {**counts, **seqs})
            ]

        self._write(build)
        return counts["records"] + counts["comments"]

    # --- referrals and grants ------------------------------------------------------------------

    @staticmethod
    def _referral(row: Any) -> Referral:
        return Referral(
            decision_id=row["decision_id"],
            refer_to=row["refer_to"],
            status=row["status"],
            created_at=dt.datetime.fromisoformat(row["created_at"]),
            request=json.loads(row["request"]),
            decision=json.loads(row["decision"]),
            reviewer=row["reviewer"],
            reason=row["reason"],
            decided_at=_parse(row["decided_at"]),
        )

    def referrals(self, status: str | None = None) -> list[Referral]:
        query = sa.select(t.referrals).order_by(t.referrals.c.created_at)
        if status:
            query = query.where(t.referrals.c.status == status)
        with self._tx(write=False) as c:
            return [self._referral(row._mapping) for row in c.execute(query)]

    def referral(self, decision_id: str) -> Referral | None:
        with self._tx(write=False) as c:
            row = c.execute(sa.select(t.referrals).where(t.referrals.c.decision_id == decision_id)).first()
        return self._referral(row._mapping) if row else None

    def close_referral(
        self,
        decision_id: str,
        status: str,
        reviewer: str,
        reason: str | None,
        grant: Grant | None = None,
        decided_at: dt.datetime | None = None,
    ) -> Referral:
        """Close a referral that is still open, with the grant an approval gives if any: one log
        record and one transaction. KeyError if there is no such referral; ReferralNotOpen if it is
        decided already and ValueError if the grant's id is taken, writing nothing either way.

        The row is checked against the `decision` record that opened it (whose MAC the key
        vouches for), and the grant against what that record's request and decision grant:
        ReferralTampered, logged and writing nothing, if someone changed either in the database.

        The referral is read after the chain head is locked, so of two reviewers deciding at once
        the second finds it closed."""
        closed: list[dict[str, Any]] = []

        def build(c: Connection) -> list[Entry]:
            row = c.execute(
                sa.select(t.referrals).where(t.referrals.c.decision_id == decision_id).with_for_update()
            ).first()
            if row is None:
                raise KeyError(decision_id)
            if row.status != "open":
                raise ReferralNotOpen(f"referral {decision_id} is already {row.status}")
            self._check_referral(c, decision_id, dict(row._mapping), grant)
            if (
                grant is not None
                and c.execute(
                    sa.select(t.grants.c.grant_id).where(t.grants.c.grant_id == grant.grant_id)
                ).first()
            ):
                raise ValueError(f"grant {grant.grant_id} exists already; an approval's grant is new")
            changes = {
                "status": status,
                "reviewer": reviewer,
                "reason": reason,
                "decided_at": _ts(decided_at or _now()),
            }
            closed.append({**row._mapping, **changes})
            return [
                Entry(
                    "referral",
                    decision_id,
                    reviewer,
                    NO_POLICY,
                    {"status": status, "reason": reason},
                    {"status": status, "grant_id": grant.grant_id if grant else None},
                    effects={
                        "put": {"referrals": closed, **({"grants": [grant_row(grant)]} if grant else {})}
                    },
                )
            ]

        self._write(build)
        return self._referral(closed[0])

    def _check_referral(
        self, c: Connection, decision_id: str, row: dict[str, Any], grant: Grant | None
    ) -> None:
        """Refuse (ReferralTampered, logged) a referral row that differs from the one its logged
        `decision` record opened, or a grant that is not the one that record's terms give."""
        logged = self._logged_referral(c, decision_id)
        problem = None
        if logged is None:
            problem = "has no decision record in the log whose MAC is valid"
        else:
            fields = ("refer_to", "created_at", "request", "decision")
            parse = ("request", "decision")
            changed = [
                f
                for f in fields
                if (json.loads(row[f]) if f in parse else row[f])
                != (json.loads(logged[f]) if f in parse else logged[f])
            ]
            if changed:
                problem = f"differs from its logged decision record in {', '.join(changed)}"
            elif grant is not None:
                try:
                    terms = grant_terms(json.loads(logged["request"]), json.loads(logged["decision"]))
                except (KeyError, TypeError, ValueError, AttributeError):
                    terms = None
                given = {k: getattr(grant, k) for k in (terms or {})}
                if terms is None or given != terms or grant.decision_id != decision_id:
                    problem = "would get a grant other than the one its logged decision record gives"
        if problem:
            logger.error("referral %s %s: refused; run `govern audit verify`", decision_id, problem)
            raise ReferralTampered(f"referral {decision_id} {problem}; the database was changed")

    def _logged_referral(self, c: Connection, decision_id: str) -> dict[str, Any] | None:
        """The referral row as the `decision` record that opened it says, if its link verifies."""
        key = self._key()
        for found in c.execute(
            sa.select(t.log).where(t.log.c.kind == "decision", t.log.c.ref == decision_id)
        ).mappings():
            record = dict(found)
            try:
                if not same(link(key, record), record["hash"]):
                    continue
                opened = json.loads(record["effects"])["put"]["referrals"]
            except (KeyError, TypeError, ValueError):
                continue
            for referral in opened:
                if isinstance(referral, dict) and referral.get("decision_id") == decision_id:
                    return referral
        return None

    def add_grant(self, grant: Grant, actor: str = "govern") -> None:
        row = grant_row(grant)
        entry = Entry("grant", grant.grant_id, actor, NO_POLICY, row, {}, effects={"put": {"grants": [row]}})
        self._write(lambda _: [entry])

    def revoke_grant(self, grant_id: str, actor: str, reason: str) -> None:
        """Delete a grant (KeyError if there is none), logged with who and why."""

        def build(c: Connection) -> list[Entry]:
            if (
                c.execute(sa.select(t.grants.c.grant_id).where(t.grants.c.grant_id == grant_id)).first()
                is None
            ):
                raise KeyError(grant_id)
            effects = {"delete": {"grants": [grant_id]}}
            return [
                Entry(
                    "grant",
                    grant_id,
                    actor,
                    NO_POLICY,
                    {"revoke": grant_id, "reason": reason},
                    {},
                    effects=effects,
                )
            ]

        self._write(build)

    def grants(
        self, requester: str | None = None, domain: str | None = None, today: dt.date | None = None
    ) -> list[Grant]:
        """Grants, current only when `today` is given; a row that does not match its MAC (changed
        in the database) is left out and logged as an error."""
        query = sa.select(t.grants).order_by(t.grants.c.granted_at)
        if requester:
            query = query.where(t.grants.c.requester == requester)
        if domain:
            query = query.where(t.grants.c.domain == domain)
        if today:
            query = query.where(t.grants.c.expires_on >= today.isoformat())
        with self._tx(write=False) as c:
            rows = [dict(row._mapping) for row in c.execute(query)]
        return [
            Grant(
                grant_id=row["grant_id"],
                decision_id=row["decision_id"],
                requester=row["requester"],
                domain=row["domain"],
                category=row["category"],
                access=row["access"],
                obligations=json.loads(row["obligations"]),
                granted_at=_parse(row["granted_at"]),
                expires_on=dt.date.fromisoformat(row["expires_on"]) if row["expires_on"] else None,
            )
            for row in rows
            if self._genuine("grants", row)
        ]

    def _genuine(self, table: str, row: dict[str, Any]) -> bool:
        if self.key is None or same(row_mac(self.key, table, row), row.get("mac") or ""):
            return True
        logger.error(
            "%s row %s does not match its MAC: ignored; run 'govern audit verify'", table, row[KEYS[table]]
        )
        return False

    # --- comments ----------------------------------------------------------------------------

    def save_comment(
        self,
        comment_id: str,
        author: str,
        channel: str,
        text: str,
        posted_at: dt.datetime,
        action: str,
        retain_until: dt.date | None,
    ) -> None:
        with self._tx() as c:
            c.execute(t.comments.delete().where(t.comments.c.comment_id == comment_id))
            c.execute(
                t.comments.insert().values(
                    comment_id=comment_id,
                    author=author,
                    channel=channel,
                    text=text,
                    posted_at=_ts(posted_at),
                    action=action,
                    retain_until=retain_until.isoformat() if retain_until else None,
                )
            )

    def recent_comments(self, author: str, since: dt.datetime) -> list[dict[str, Any]]:
        query = sa.select(t.comments).where(  # ids compare case-insensitively: Mallory is mallory
            sa.func.lower(t.comments.c.author) == author.lower(),
            t.comments.c.posted_at >= _ts(since),
            t.comments.c.text.is_not(None),
        )
        with self._tx(write=False) as c:
            return [
                {
                    "text": row.text,
                    "channel": row.channel,
                    "author": {"id": row.author},
                    "posted_at": row.posted_at,
                }
                for row in c.execute(query)
            ]

    def comments(self, action: str) -> list[dict[str, Any]]:
        """Stored comments with this action (e.g. the held ones, for the moderation queue)."""
        query = sa.select(t.comments).where(t.comments.c.action == action).order_by(t.comments.c.posted_at)
        with self._tx(write=False) as c:
            return [
                {
                    "comment_id": r.comment_id,
                    "author": r.author,
                    "channel": r.channel,
                    "text": r.text,
                    "posted_at": r.posted_at,
                }
                for r in c.execute(query)
            ]

    def set_comment_action(
        self,
        comment_id: str,
        action: str,
        actor: str = "web",
        *,
        only_from: str | None = None,
        also: Sequence[Entry] = (),
    ) -> bool:
        """A moderator's outcome for a comment, logged in the same transaction, with the records
        in `also` (the page's review record). With `only_from`, only a comment whose action is
        that one (read under the chain's lock: two reviewers cannot both act on one held
        comment); True when it was set, False when nothing was written."""
        change = {"comment_id": comment_id, "action": action}
        effects = {"put": {"comment_actions": [change]}}

        def build(c: Connection) -> list[Entry]:
            if only_from is not None:
                query = sa.select(t.comments.c.action).where(t.comments.c.comment_id == comment_id)
                if c.execute(query).scalar_one_or_none() != only_from:
                    raise _NotInState(comment_id)
            return [
                Entry("comment", comment_id, actor, NO_POLICY, change, {"action": action}, effects=effects),
                *also,
            ]

        try:
            self._write(build)
        except _NotInState:
            return False
        return True

    # --- API keys: every change is logged, and each row carries a MAC checked when it is used ---

    def add_key(self, key_id: str, name: str, role: str, secret_hash: str, actor: str = "cli") -> ApiKey:
        now = _now()
        row = {
            "key_id": key_id,
            "name": name,
            "role": role,
            "secret_hash": secret_hash,
            "created_at": _ts(now),
        }
        self._write(lambda _: [self._key_entry(row, actor)])
        return ApiKey(key_id, name, role, now)

    def set_key_role(self, key_id: str, role: str, actor: str = "cli") -> ApiKey:
        changed: list[dict[str, Any]] = []

        def build(c: Connection) -> list[Entry]:
            row = c.execute(sa.select(t.api_keys).where(t.api_keys.c.key_id == key_id)).first()
            if row is None:
                raise KeyError(key_id)
            changed.append({k: v for k, v in row._mapping.items() if k != "mac"} | {"role": role})
            return [self._key_entry(changed[0], actor)]

        self._write(build)
        return _api_key(changed[0])

    def revoke_key(self, name_or_id: str, actor: str = "cli") -> int:
        """Delete the keys with this name or id, each with its log record; returns how many.
        Requests with them get 401 from then on."""
        revoked: list[str] = []

        def build(c: Connection) -> list[Entry]:
            matching = (t.api_keys.c.name == name_or_id) | (t.api_keys.c.key_id == name_or_id)
            revoked.extend(c.execute(sa.select(t.api_keys.c.key_id).where(matching)).scalars())
            return [
                Entry(
                    "key",
                    key_id,
                    actor,
                    NO_POLICY,
                    {"revoke": key_id},
                    {"revoked": True},
                    effects={"delete": {"api_keys": [key_id]}},
                )
                for key_id in revoked
            ]

        self._write(build)
        return len(revoked)

    @staticmethod
    def _key_entry(row: dict[str, Any], actor: str) -> Entry:
        shown = {"key_id": row["key_id"], "name": row["name"], "role": row["role"]}
        return Entry(
            "key",
            row["key_id"],
            actor,
            NO_POLICY,
            shown,
            {"role": row["role"]},
            effects={"put": {"api_keys": [row]}},
        )

    def key_for(self, secret_hash: str) -> ApiKey | None:
        """The key with this secret's hash; None if unknown or if its row was changed in the database."""
        with self._tx(write=False) as c:
            row = c.execute(sa.select(t.api_keys).where(t.api_keys.c.secret_hash == secret_hash)).first()
        return _api_key(row._mapping) if row and self._genuine("api_keys", dict(row._mapping)) else None

    def keys(self) -> list[ApiKey]:
        with self._tx(write=False) as c:
            return [
                _api_key(r._mapping)
                for r in c.execute(sa.select(t.api_keys).order_by(t.api_keys.c.created_at))
            ]


def _api_key(row: Any) -> ApiKey:
    return ApiKey(row["key_id"], row["name"], row["role"], dt.datetime.fromisoformat(row["created_at"]))
