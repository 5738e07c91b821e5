"""The head file: the chain's newest link, written outside the database after every commit.

One line `SEQ LINK` per commit, appended (O_APPEND) before the caller is answered, so that
deleting or rewriting records in the database, even all of them, leaves anchors it cannot match.
Several processes on one host append to the same file, so lines need not be in order.

When the line reaches the disk is a choice (`LogSettings.sync_before_answer`):

- *background* (the default): the line is written before the answer and fsync'd by a thread of
  this process right after, one fsync for every line written meanwhile. A process killed at any
  moment (kill -9, a crash) loses no anchor of an answered request: the kernel holds the write. A
  power cut may lose the last few milliseconds of anchors, as it may lose SQLite's last commits
  under `synchronous=NORMAL`; an anchor lost that way is a lower bound, never a false alarm. The
  syncer waits `SYNC_DELAY` after the first unsynced line before its fsync, so that a busy worker
  pays one flush (about 50 µs of CPU here) for every line of that interval rather than one a
  commit, and callers wake it only when it sleeps (a wake-up is a system call too).
- *before the answer*: each caller waits for the fsync of its line (shared with every thread
  waiting at the same time). Anchors then survive a power cut too, at the cost of one disk flush
  in every request's latency (bench/RESULTS.md, issue 15).
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from pathlib import Path

from govern.store.chain import Problem

LINE = re.compile(r"(\d{1,18}) ([0-9a-f]{64})")
SYNC_DELAY = 0.005  # seconds the background syncer gathers lines before one fsync
log = logging.getLogger("govern.store")


class HeadFile:
    def __init__(self, path: Path, *, sync_before_answer: bool = False) -> None:
        self.path = path
        self.sync_before_answer = sync_before_answer
        self._fd: int | None = None
        self._pid = 0
        self._cond = threading.Condition()
        self._written = 0
        self._synced = 0
        self._syncing = False
        self._syncer: threading.Thread | None = None
        self._idle = False  # the syncer waits for a line to be written
        self._closing = False

    def write(self, seq: int, link: str) -> int:
        """Append one anchor (call it right after the commit); returns the ticket to wait on."""
        line = f"{seq} {link}\n".encode("ascii")
        with self._cond:
            if self._fd is None or self._pid != os.getpid():
                self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                self._pid = os.getpid()
            os.write(self._fd, line)  # one write of a short line: never interleaved with another's
            self._written += 1
            return self._written

    def sync(self, ticket: int) -> None:
        """Return once the anchor with this ticket is on disk; one fsync serves every waiting thread."""
        with self._cond:
            while self._synced < ticket:
                if self._syncing:
                    self._cond.wait()
                    continue
                self._syncing, target, fd = True, self._written, self._fd
                self._cond.release()
                try:
                    if fd is not None:
                        os.fsync(fd)
                finally:
                    self._cond.acquire()
                    self._syncing = False
                    self._cond.notify_all()
                self._synced = max(self._synced, target)

    def settle(self, ticket: int) -> None:
        """What a caller does with its ticket before answering: wait for the fsync (before the
        answer) or hand it to the background syncer."""
        if self.sync_before_answer:
            self.sync_safely(ticket)
        else:
            self.sync_soon(ticket)

    def sync_soon(self, ticket: int) -> None:
        """Have this process's syncer thread fsync the file soon after the line with `ticket`."""
        if not ticket:
            return
        with self._cond:
            if self._synced >= ticket:
                return
            if self._syncer is None or not self._syncer.is_alive() or self._pid != os.getpid():
                self._closing = False
                self._syncer = threading.Thread(target=self._sync_loop, name="govern-head-sync", daemon=True)
                self._syncer.start()
            elif self._idle:
                self._cond.notify_all()

    def _sync_loop(self) -> None:
        """fsync whatever was written since the last fsync, until the file is closed."""
        tried = 0  # a failed fsync (logged) is tried again with the next line, never in a busy loop
        while True:
            with self._cond:
                while self._written <= max(self._synced, tried) and not self._closing:
                    self._idle = True
                    self._cond.wait()
                    self._idle = False
                if self._closing:
                    return
            time.sleep(SYNC_DELAY)  # more lines arrive meanwhile: one fsync covers them all
            with self._cond:
                tried = self._written
            self.sync_safely(tried)

    def anchor(self, seq: int, link: str) -> None:
        """Write and sync; a failure is logged, not raised: the records are already committed."""
        self.sync_safely(self.write_safely(seq, link))

    def write_safely(self, seq: int, link: str) -> int:
        """`write`, logging a failure instead of raising it (ticket 0: nothing to wait for)."""
        try:
            return self.write(seq, link)
        except OSError as exc:
            log.error("cannot write the log's head file %s: %s", self.path, exc)
            return 0

    def sync_safely(self, ticket: int) -> None:
        """`sync`, logging a failure instead of raising it."""
        if not ticket:
            return
        try:
            self.sync(ticket)
        except OSError as exc:
            log.error("cannot write the log's head file %s: %s", self.path, exc)

    def close(self) -> None:
        """Sync what was written, stop the syncer and close the file."""
        self.sync_safely(self._written)
        with self._cond:
            self._closing = True
            self._cond.notify_all()
            syncer, self._syncer = self._syncer, None
        if syncer is not None and syncer is not threading.current_thread():
            syncer.join(timeout=5)
        with self._cond:
            if self._fd is not None and self._pid == os.getpid():
                os.close(self._fd)
            self._fd = None


def read_anchors(path: Path) -> tuple[dict[int, str], list[Problem]] | None:
    """Every anchor in the head file (seq -> link), with its malformed lines; None if there is no file."""
    try:
        text = path.read_text(encoding="ascii", errors="replace")
    except FileNotFoundError:
        return None
    anchors: dict[int, str] = {}
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), 1):
        found = LINE.fullmatch(line)
        if found is None:
            problems.append(Problem(None, f"{path}:{number}: not an anchor line ('SEQ LINK')"))
            continue
        seq, link = int(found[1]), found[2]
        if anchors.get(seq, link) != link:
            problems.append(
                Problem(None, f"{path}:{number}: record {seq} is anchored twice with different links")
            )
        anchors[seq] = link
    return anchors, problems
