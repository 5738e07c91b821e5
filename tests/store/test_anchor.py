"""The head file: one line per commit, fsync'd before the caller goes on, one fsync for many."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from govern.store import anchor
from govern.store.anchor import HeadFile, read_anchors

LINK = "ab" * 32


def test_waiting_threads_share_one_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def slow_fsync(fd: int) -> None:
        calls.append(fd)
        time.sleep(0.05)  # a slow disk: the others queue behind this one

    monkeypatch.setattr(anchor.os, "fsync", slow_fsync)
    head = HeadFile(tmp_path / "g.log-head")
    start = threading.Barrier(8)

    def commit(seq: int) -> None:
        start.wait()
        head.anchor(seq, LINK)

    threads = [threading.Thread(target=commit, args=(seq,)) for seq in range(1, 9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    head.close()
    read = read_anchors(tmp_path / "g.log-head")
    assert read is not None and sorted(read[0]) == list(range(1, 9)) and read[1] == []
    assert 1 <= len(calls) < 8


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("1 " + LINK + "\nnonsense\n", "2: not an anchor line", id="malformed"),
        pytest.param("1 " + LINK + "\n1 " + "cd" * 32 + "\n", "record 1 is anchored twice", id="two-links"),
    ],
)
def test_a_damaged_head_file_is_reported(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "g.log-head").write_text(text)
    read = read_anchors(tmp_path / "g.log-head")
    assert read is not None and [p.message for p in read[1] if problem in p.message]
