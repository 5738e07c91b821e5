"""Group commit: callers that append while a write is in progress share the next transaction, each
gets its own records back, one bad caller fails alone, and the anchors still match the log."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from govern.store.anchor import HeadFile, read_anchors
from govern.store.base import Entry, LogRecord, StoreUnavailable
from govern.store.chain import NO_POLICY
from govern.store.logkey import LogSettings
from govern.store.sql import SqlStore
from govern.store.writer import GroupCommit, WouldWait
from tests.store.conftest import reopen

LINK = "ab" * 32


def entry(ref: str) -> Entry:
    return Entry("check", ref, "tester", NO_POLICY, {"text": ref}, {"verdict": "ok"})


class Recorder:
    """A commit function that numbers entries, holds the first transaction until released (so the
    others queue behind it), and refuses entries named 'bad'."""

    def __init__(self) -> None:
        self.transactions: list[list[str]] = []
        self.first_started = threading.Event()
        self.release = threading.Event()
        self.seq = 0

    def commit(self, entries: list[Entry]) -> list[LogRecord]:
        if not self.transactions:
            self.first_started.set()
            self.release.wait(10)
        self.transactions.append([e.ref for e in entries])
        if any(e.ref == "bad" for e in entries):
            raise ValueError("refused")
        if any(e.ref == "down" for e in entries):
            raise StoreUnavailable("database is locked")
        records = []
        for e in entries:
            self.seq += 1
            at = dt.datetime.now(dt.UTC)
            records.append(
                LogRecord(self.seq, e.kind, e.ref, at, e.actor, "", "", "", e.input, e.result, "", LINK)
            )
        return records


def run_while_first_is_held(recorder: Recorder, head: HeadFile, refs: list[str]) -> dict[str, object]:
    """Append 'first' and hold its transaction; meanwhile append each of `refs` from its own thread."""
    group = GroupCommit(recorder.commit, head)
    results: dict[str, object] = {}

    def append(ref: str) -> None:
        try:
            results[ref] = [r.ref for r in group.append([entry(ref)])]
        except (ValueError, StoreUnavailable) as exc:
            results[ref] = exc

    first = threading.Thread(target=append, args=("first",))
    first.start()
    assert recorder.first_started.wait(10)
    others = [threading.Thread(target=append, args=(ref,)) for ref in refs]
    for t in others:
        t.start()
    while len(group._pending) < len(refs):  # every other caller is queued behind the first write
        threading.Event().wait(0.001)
    recorder.release.set()
    for t in [first, *others]:
        t.join(10)
    return results


def test_callers_queued_behind_a_write_share_one_transaction(tmp_path: Path) -> None:
    recorder, head = Recorder(), HeadFile(tmp_path / "g.log-head")
    refs = [f"r{i}" for i in range(6)]
    results = run_while_first_is_held(recorder, head, refs)
    head.close()
    assert recorder.transactions[0] == ["first"]
    assert sorted(recorder.transactions[1]) == refs and len(recorder.transactions) == 2
    assert all(results[ref] == [ref] for ref in ["first", *refs])  # each gets its own records
    read = read_anchors(tmp_path / "g.log-head")
    assert read is not None and sorted(read[0]) == [1, 7]  # one anchor per transaction


def test_a_bad_caller_fails_alone(tmp_path: Path) -> None:
    recorder, head = Recorder(), HeadFile(tmp_path / "g.log-head")
    results = run_while_first_is_held(recorder, head, ["a", "bad", "b"])
    head.close()
    assert isinstance(results["bad"], ValueError)
    assert results["a"] == ["a"] and results["b"] == ["b"] and results["first"] == ["first"]
    # the shared transaction failed, so each of its callers was tried alone
    assert sorted(map(tuple, recorder.transactions[2:])) == [("a",), ("b",), ("bad",)]


@pytest.mark.parametrize("threads", [pytest.param(8, id="8-threads")])
def test_concurrent_appends_extend_one_chain_that_verifies(
    url: str, settings: LogSettings, threads: int
) -> None:
    store = SqlStore(url, log=settings)
    returned: list[int] = []
    lock = threading.Lock()

    def append(worker: int) -> None:
        for n in range(25):
            records = store.append_all([entry(f"w{worker}-{n}"), entry(f"w{worker}-{n}-b")])
            assert [r.ref for r in records] == [f"w{worker}-{n}", f"w{worker}-{n}-b"]
            assert records[1].seq == records[0].seq + 1  # one caller's entries stay together
            with lock:
                returned.extend(r.seq for r in records)

    workers = [threading.Thread(target=append, args=(w,)) for w in range(threads)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    store.close()
    opened = reopen(url, settings)
    try:
        assert opened.verify() is None
        logged = [r.seq for r in opened.log()]
        assert sorted(returned) == logged == list(range(1, threads * 50 + 1))
    finally:
        opened.close()


def test_an_unavailable_database_fails_the_group_at_once(tmp_path: Path) -> None:
    recorder, head = Recorder(), HeadFile(tmp_path / "g.log-head")
    results = run_while_first_is_held(recorder, head, ["a", "down", "b"])
    head.close()
    assert all(isinstance(results[ref], StoreUnavailable) for ref in ("a", "down", "b"))
    assert len(recorder.transactions) == 2  # not retried one by one: each would wait for it again


# --- writing without waiting (an event loop's caller: govern.api.access) -------------------------


def test_no_wait_writes_at_once_when_the_database_is_free(tmp_path: Path, settings: LogSettings) -> None:
    store = SqlStore(str(tmp_path / "g.db"), log=settings)
    try:
        assert store.writes_without_waiting
        with store.no_wait():
            records = store.append_all([entry("now")])
        assert [r.ref for r in records] == ["now"]
        assert store.verify() is None
    finally:
        store.close()


@pytest.fixture
def sqlite_and_other(tmp_path: Path, settings: LogSettings) -> Iterator[tuple[SqlStore, sqlite3.Connection]]:
    """A SQLite store and another connection to its file: another worker taking the write lock."""
    path = tmp_path / "g.db"
    store = SqlStore(str(path), log=settings)
    other = sqlite3.connect(path, isolation_level=None, timeout=0, check_same_thread=False)
    yield store, other
    other.close()
    store.close()


def test_no_wait_refuses_before_writing_when_another_process_holds_the_lock(
    sqlite_and_other: tuple[SqlStore, sqlite3.Connection],
) -> None:
    store, other = sqlite_and_other
    other.execute("BEGIN IMMEDIATE")  # another worker's transaction in progress
    with store.no_wait(), pytest.raises(WouldWait):
        store.append_all([entry("locked")])
    other.execute("ROLLBACK")
    assert store.append_all([entry("later")])[0].seq == 1  # nothing of the refused write remains
    with store.no_wait(), pytest.raises(WouldWait):
        store.transaction(write=True).__enter__()  # any write, not only the log's
    with store.no_wait(), store.transaction(write=False) as c:  # reads never wait
        assert c.execute(sa.text("SELECT count(*) FROM log")).scalar() == 1
    assert store.verify() is None


def test_no_wait_refuses_while_this_process_is_writing(tmp_path: Path) -> None:
    recorder, head = Recorder(), HeadFile(tmp_path / "g.log-head")
    group = GroupCommit(recorder.commit, head, commit_now=recorder.commit)
    first = threading.Thread(target=group.append, args=([entry("first")],))
    first.start()
    assert recorder.first_started.wait(10)
    with pytest.raises(WouldWait):
        group.try_append([entry("now")])  # the loop would wait behind "first": it goes to a thread
    recorder.release.set()
    first.join()
    assert [r.ref for r in group.try_append([entry("now")])] == ["now"]
    assert recorder.transactions == [["first"], ["now"]]
    head.close()


def test_a_store_that_cannot_write_without_waiting_says_so(tmp_path: Path) -> None:
    recorder, head = Recorder(), HeadFile(tmp_path / "g.log-head")
    recorder.release.set()
    with pytest.raises(WouldWait):
        GroupCommit(recorder.commit, head).try_append([entry("now")])
    assert recorder.transactions == []
    head.close()


def test_after_its_first_write_a_no_wait_block_waits_rather_than_be_redone(
    sqlite_and_other: tuple[SqlStore, sqlite3.Connection],
) -> None:
    """Raising WouldWait after a write would have the caller redo the block: recorded twice."""
    store, other = sqlite_and_other
    with store.no_wait():
        store.append_all([entry("first")])
        other.execute("BEGIN IMMEDIATE")
        threading.Timer(0.2, lambda: other.execute("ROLLBACK")).start()
        store.append_all([entry("second")])  # waits for the lock instead of raising
    assert [r.ref for r in store.log()] == ["first", "second"]


def test_no_wait_reads_do_not_wait_for_a_locked_database(tmp_path: Path, settings: LogSettings) -> None:
    """A read on the event loop (the directory's person) gives up after about a millisecond when
    SQLite says the database is locked (in WAL mode: another connection recovering or holding it
    exclusively), rather than retrying for 30 s with the loop held."""

    class Locked:
        tries = 0

        def execute(self, *_: object) -> None:
            Locked.tries += 1
            raise sqlite3.OperationalError("database is locked")

    store = SqlStore(str(tmp_path / "g.db"), log=settings)
    try:
        assert store.read("SELECT count(*) AS n FROM log") == [{"n": 0}]
        real = store._readers.connection
        store._readers.connection = Locked()  # this thread's reader, as a locked database answers
        started = time.monotonic()
        with store.no_wait(), pytest.raises(WouldWait):
            store.read("SELECT count(*) AS n FROM log")
        assert time.monotonic() - started < 0.5 and 1 < Locked.tries < 100
        store._readers.connection = real
        with store.no_wait():
            assert store.read("SELECT count(*) AS n FROM log") == [{"n": 0}]
    finally:
        store.close()
