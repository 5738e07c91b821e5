"""The head file: the chain's newest link, written outside the database after every commit.

One line `SEQ LINK` per commit, appended (O_APPEND) and fsync'd before the caller is answered, so
that deleting or rewriting records in the database, even all of them, leaves anchors it cannot
match. Several threads share one fsync (group commit); several processes on one host append to
the same file, so lines need not be in order.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path

from govern.store.chain import Problem

LINE = re.compile(r"(\d{1,18}) ([0-9a-f]{64})")
log = logging.getLogger("govern.store")


class HeadFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._pid = 0
        self._cond = threading.Condition()
        self._written = 0
        self._synced = 0
        self._syncing = False

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
