"""A store refuses to extend a log its key did not make (a second host with another key file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.store.logkey import LogKeyError, LogSettings
from govern.store.sql import SqlStore

POLICY = {"pack": "p", "version": "1", "digest": "sha256:x"}


def test_a_different_key_is_refused_before_it_writes(tmp_path: Path) -> None:
    db = str(tmp_path / "govern.db")
    first = SqlStore(db, log=LogSettings(secret="a" * 40))
    first.append("decision", "d1", "it", POLICY, {}, {})
    first.close()
    with pytest.raises(LogKeyError, match="does not match the newest record"):
        SqlStore(db, log=LogSettings(secret="b" * 40))
    verifier = SqlStore(db, log=LogSettings(secret="b" * 40), check_key=False)
    try:
        assert "record 1 does not match its MAC" in str(verifier.verify())
    finally:
        verifier.close()
