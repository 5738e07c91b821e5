"""Workers open the store at the same moment (uvicorn starts them together): none may fail
because another holds SQLite's lock while it checks the migrations."""

from __future__ import annotations

import threading
from pathlib import Path

from govern.store.logkey import LogSettings
from govern.store.sql import SqlStore


def test_stores_opened_at_once_all_open(tmp_path: Path) -> None:
    db, settings = str(tmp_path / "govern.db"), LogSettings(directory=tmp_path / "keys")
    SqlStore(db, log=settings).close()
    start, failures = threading.Barrier(4), []

    def open_store() -> None:
        start.wait()
        try:
            SqlStore(db, log=settings).close()
        except Exception as exc:  # what the worker would die of
            failures.append(exc)

    for _ in range(5):
        threads = [threading.Thread(target=open_store) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert failures == []
