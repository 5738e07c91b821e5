"""The service's commands: serve refusals, keys, audit verify, records export and purge."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from govern.cli import main
from govern.store import rows
from govern.store.sql import SqlStore
from tests.conftest import FIXTURES


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def seed(db: Path) -> SqlStore:
    store = SqlStore(str(db))
    policy = {"pack": "p", "version": "1", "digest": "sha256:x"}
    store.append("decision", "d1", "it", policy, {"site": "x.com"}, {"decision": "permit"})
    store.append("check", "c1", "it", policy, {"text": "Call 07700 900123"}, {"verdict": "block"})
    return store


def test_serve_refuses_a_public_address_without_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "g.db")], capsys)
    assert code == 2 and "refusing to listen on 0.0.0.0 without API keys" in err


def test_serve_refuses_a_pack_that_does_not_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        ["serve", "--policies", str(FIXTURES / "bad-yaml"), "--db", str(tmp_path / "g.db")], capsys
    )
    assert code == 1 and "G101" in err


def test_keys_are_shown_once_and_stored_hashed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "g.db"
    code, out, _ = run(["keys", "create", "--role", "reviewer", "--name", "lead", "--db", str(db)], capsys)
    key = json.loads(out)
    assert code == 0 and key["role"] == "reviewer" and key["key"].startswith("gvk_")
    rows = sqlite3.connect(db).execute("SELECT secret_hash FROM api_keys").fetchall()
    assert len(rows) == 1 and key["key"] not in rows[0][0]
    code, out, _ = run(["keys", "list", "--db", str(db)], capsys)
    assert json.loads(out)["name"] == "lead" and "key" not in json.loads(out)


def test_audit_verify_names_the_first_altered_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.db"
    seed(db).close()
    code, out, _ = run(["audit", "verify", "--db", str(db)], capsys)
    assert code == 0 and "intact: 2 records" in out
    with sqlite3.connect(db) as conn:
        conn.execute('UPDATE log SET result = \'{"decision": "deny"}\' WHERE seq = 1')
    code, _, err = run(["audit", "verify", "--db", str(db)], capsys)
    assert code == 1 and "record 1 does not match" in err


def test_audit_notices_deleted_newest_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "g.db"
    seed(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM log WHERE seq = 2")
    code, _, err = run(["audit", "verify", "--db", str(db)], capsys)
    assert code == 1 and "record 2" in err


def test_records_export_is_json_lines_by_period(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "g.db"
    seed(db).close()
    code, out, _ = run(["records", "export", "--db", str(db)], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["kind"] for r in lines] == ["decision", "check"]
    assert lines[0]["policy"] == {"pack": "p", "version": "1", "digest": "sha256:x"}
    code, out, _ = run(
        ["records", "export", "--since", "2000-01-01", "--until", "2000-12-31", "--db", str(db)], capsys
    )
    assert out == ""


def test_records_purge_applies_retention_and_keeps_the_chain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "g.db"
    store = seed(db)
    with monkeypatch.context() as m:  # a check made 100 days ago (the log's time cannot be edited)
        m.setattr(rows, "now", lambda: dt.datetime.now(dt.UTC) - dt.timedelta(days=100))
        store.append(
            "check", "c0", "it", {"pack": "p", "version": "1", "digest": "x"}, {"text": "07700 900123"}, {}
        )
    store.close()
    code, out, _ = run(["records", "purge", "--db", str(db)], capsys)
    assert code == 0 and "purged the text of 1 drafts and comments older than 90 days" in out
    store = SqlStore(str(db))
    try:
        assert [r.input for r in store.log()][:3] == [
            {"site": "x.com"},
            {"text": "Call 07700 900123"},
            {"purged": True},
        ]
        assert store.log()[-1].kind == "purge" and store.verify() is None
    finally:
        store.close()
