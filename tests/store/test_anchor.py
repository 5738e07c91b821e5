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


def _fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = anchor.os.fsync

    def counting(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(anchor.os, "fsync", counting)
    return calls


def test_before_the_answer_the_caller_waits_for_the_fsync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _fsyncs(monkeypatch)
    head = HeadFile(tmp_path / "g.log-head", sync_before_answer=True)
    head.settle(head.write(1, LINK))
    assert calls, "settle returned before the line was fsync'd"
    head.close()


def test_in_the_background_the_line_is_written_now_and_synced_soon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _fsyncs(monkeypatch)
    head = HeadFile(tmp_path / "g.log-head")
    head.settle(head.write(1, LINK))
    # written before the answer: a process killed now loses nothing (the kernel holds the line)
    assert (tmp_path / "g.log-head").read_text() == f"1 {LINK}\n"
    deadline = time.monotonic() + 10
    while not calls and time.monotonic() < deadline:
        time.sleep(0.01)
    assert calls, "the syncer never fsync'd the line"
    head.settle(head.write(2, LINK.replace("ab", "cd")))
    head.close()  # closing syncs what is left and stops the syncer
    read = read_anchors(tmp_path / "g.log-head")
    assert read is not None and sorted(read[0]) == [1, 2]
    assert not [t for t in threading.enumerate() if t.name == "govern-head-sync"]


def test_a_failing_fsync_is_logged_not_retried_in_a_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[int] = []

    def failing(fd: int) -> None:
        calls.append(fd)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(anchor.os, "fsync", failing)
    head = HeadFile(tmp_path / "g.log-head")
    head.settle(head.write(1, LINK))
    deadline = time.monotonic() + 10
    while not calls and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)  # a busy loop would make hundreds of calls in this time
    assert len(calls) == 1
    assert "cannot write the log's head file" in caplog.text
    monkeypatch.undo()
    head.close()


def test_in_the_background_lines_written_together_share_one_fsync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _fsyncs(monkeypatch)
    monkeypatch.setattr(anchor, "SYNC_DELAY", 0.3)  # far longer than writing three lines takes
    head = HeadFile(tmp_path / "g.log-head")
    for seq in (1, 2, 3):
        head.settle(head.write(seq, LINK))
    deadline = time.monotonic() + 10
    while not calls and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)
    assert len(calls) == 1, "each line had its own fsync"
    head.close()
    read = read_anchors(tmp_path / "g.log-head")
    assert read is not None and sorted(read[0]) == [1, 2, 3]
