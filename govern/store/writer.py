"""Group commit: the decisions of many requests written in one transaction, each request answered
only once its own records are committed and their anchor written.

Every access decision is one log record, and a record extends the chain, so two writes cannot
overlap: each must read the head the previous one wrote. Written one transaction per request,
requests queue on the write lock (SQLite's, or the chain head's row lock on PostgreSQL), and on
PostgreSQL each waits for its own commit to reach the disk. Here the callers of `append` queue
instead: whoever finds no write in progress becomes the *leader*, takes every pending caller's
entries (its own among them) and writes them all in one transaction; the others wait, and one of
them leads the next group. Nobody returns before the transaction holding its records commits and
the anchor of that commit is written to the head file (see anchor.py), so nothing acknowledged is
lost when the process is killed. The anchor's fsync runs after the leader moves on: in a
background thread by default, or in the callers' threads when the anchors must survive a power
cut before an answer (HeadFile shares one fsync among them either way).

If a group's transaction fails, each caller's entries are tried again alone, so one bad request
(a grant whose id is taken, say) fails only itself, as it did before group commit; if the
database is unavailable, every caller in the group gets that error at once.

Why one leader per process rather than one writer process for every worker. A request is
answered after its group's commit and the anchor's fsync, so with N requests in flight a group
holds at most N of them whoever writes it. A writer process shared by the workers (not built:
this part is reasoning, not a measurement) would make groups no larger than that, and would add
a pickle and two context switches per request on the same cores that decide and serialise.
With a leader in each worker, the two workers take SQLite's lock (WAL mode, retried every 0.5 ms
in `when_unlocked` rather than by SQLite's sleeping busy handler) once per group instead of once
per request. Measured with
`bench/http_load.py --workers 2` (bench/RESULTS.md, 2 shared cores): with the head file on
tmpfs, so that only the database is measured, 239 -> 529 decisions/s; on PostgreSQL, whose
every commit waits for its WAL to reach the disk, 83 -> 172/s. PostgreSQL needs no writer
process at all: several hosts already share its chain through the row lock on `chain_head`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from govern.store.anchor import HeadFile
from govern.store.base import Entry, LogRecord, StoreUnavailable

__all__ = ["GroupCommit", "WouldWait"]

MAX_GROUP = 2000  # entries in one transaction (a batch request brings up to 1,000)


class WouldWait(Exception):
    """A write asked not to wait would have to: another write of this process is in progress, or
    another process holds the database's write lock. Nothing was written."""


@dataclass(eq=False)
class _Job:
    entries: list[Entry]
    done: bool = False
    records: list[LogRecord] = field(default_factory=list)
    error: BaseException | None = None
    ticket: int = 0  # the head file's ticket to wait on before answering


class GroupCommit:
    """Append entries to the log in groups: `append` returns once they are committed and anchored.

    `commit` writes a list of entries in one transaction and returns their records, in order.
    """

    def __init__(
        self,
        commit: Callable[[list[Entry]], list[LogRecord]],
        head: HeadFile,
        max_group: int = MAX_GROUP,
        *,
        commit_now: Callable[[list[Entry]], list[LogRecord]] | None = None,
    ) -> None:
        self._commit = commit
        self._commit_now = commit_now  # the same, raising WouldWait rather than waiting for a lock
        self._head = head
        self._max = max_group
        self._cond = threading.Condition()
        self._pending: list[_Job] = []
        self._writing = False

    def append(self, entries: list[Entry]) -> list[LogRecord]:
        """Write `entries` in one transaction (possibly shared with other callers' entries), then
        wait until the commit's anchor is on disk. Raises what writing them alone would raise."""
        if not entries:
            return []
        job = _Job(entries)
        with self._cond:
            self._pending.append(job)
            while not job.done:
                if self._writing:
                    self._cond.wait()
                    continue
                group = self._take()
                self._writing = True
                self._cond.release()
                try:
                    self._write(group)
                finally:
                    self._cond.acquire()
                    self._writing = False
                    self._cond.notify_all()
        if job.error is not None:
            raise job.error
        self._head.settle(job.ticket)
        return job.records

    def try_append(self, entries: list[Entry]) -> list[LogRecord]:
        """`append`, for a caller that must not wait (an event loop): written at once when no other
        write of this process is in progress or queued and the database's lock is free, else
        WouldWait with nothing written. Answered, like `append`, once committed and anchored."""
        if self._commit_now is None:
            raise WouldWait("this store cannot write without waiting")
        if not entries:
            return []
        with self._cond:
            if self._writing or self._pending:
                raise WouldWait("another write of this process is in progress")
            self._writing = True
        try:
            records = self._commit_now(entries)
            ticket = self._anchor(records)
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()
        self._head.settle(ticket)
        return records

    def _take(self) -> list[_Job]:
        """The oldest pending jobs, up to the group's size (always at least one)."""
        taken, size = 0, 0
        for job in self._pending:
            if taken and size + len(job.entries) > self._max:
                break
            taken, size = taken + 1, size + len(job.entries)
        group, self._pending = self._pending[:taken], self._pending[taken:]
        return group

    def _write(self, group: list[_Job]) -> None:
        """Commit the group in one transaction, or each job alone if that fails; mark them done."""
        try:
            if len(group) == 1:
                self._run(group[0])
                return
            try:
                records = self._commit([e for job in group for e in job.entries])
            except StoreUnavailable as exc:  # the database, not a job: each would wait for it again
                for job in group:
                    job.error, job.done = exc, True
                return
            except Exception:
                for job in group:  # one bad job must not fail the others
                    self._run(job)
                return
            ticket = self._anchor(records)
            start = 0
            for job in group:
                job.records, job.ticket = records[start : start + len(job.entries)], ticket
                start += len(job.entries)
                job.done = True
        except BaseException as exc:  # interrupted: nobody waits for ever
            for job in group:
                if not job.done:
                    job.error, job.done = exc, True
            raise

    def _run(self, job: _Job) -> None:
        try:
            job.records = self._commit(job.entries)
            job.ticket = self._anchor(job.records)
        except Exception as exc:
            job.error = exc
        job.done = True

    def _anchor(self, records: list[LogRecord]) -> int:
        return self._head.write_safely(records[-1].seq, records[-1].hash) if records else 0
