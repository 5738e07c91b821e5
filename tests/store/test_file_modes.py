"""The SQLite database holds requests, comments and business cases: it and its -wal and -shm
files are created readable by their owner only, whatever the process's umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from govern.store.logkey import LogSettings
from govern.store.sql import SqlStore


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the usual default, which makes new files 0644
    yield
    os.umask(old)


@pytest.mark.usefixtures("loose_umask")
@pytest.mark.parametrize("url", [pytest.param("{}", id="bare-path"), pytest.param("sqlite:///{}", id="url")])
def test_a_new_sqlite_store_and_its_wal_and_shm_are_0600(tmp_path: Path, url: str) -> None:
    path = tmp_path / "govern.db"
    store = SqlStore(url.format(path), log=LogSettings(directory=tmp_path / "keys"))
    try:
        store.add_key("k1", "ops", "requester", "ab" * 32)  # a write: the WAL and SHM exist now
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert all(f.exists() for f in files)
        assert {f.name: oct(stat.S_IMODE(f.stat().st_mode)) for f in files} == {
            f.name: "0o600" for f in files
        }
    finally:
        store.close()
