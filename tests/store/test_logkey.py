"""The log key lives outside the database: created 0600 at first start, refused when others can
read it or when it has gone missing, or taken from GOVERN_LOG_KEY."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from govern.cli import main
from govern.settings import Settings
from govern.store.logkey import LogKeyError, LogSettings
from govern.store.sql import SqlStore
from tests.store.conftest import attack

POLICY = {"pack": "p", "version": "1", "digest": "sha256:x"}
SECRET = "s" * 40


def test_the_key_file_is_created_beside_the_database_with_mode_0600(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "govern.db"), log=LogSettings())
    store.append("decision", "d1", "it", POLICY, {}, {})
    store.close()
    key, head = tmp_path / "govern.db.log-key", tmp_path / "govern.db.log-head"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(bytes.fromhex(key.read_text())) == 32
    assert head.read_text().split()[0] == "1"


@pytest.mark.parametrize("mode", [pytest.param(0o640, id="group"), pytest.param(0o604, id="world")])
def test_a_key_file_others_can_read_is_refused(tmp_path: Path, mode: int) -> None:
    SqlStore(str(tmp_path / "govern.db"), log=LogSettings()).close()
    (tmp_path / "govern.db.log-key").chmod(mode)
    with pytest.raises(LogKeyError, match="chmod 600"):
        SqlStore(str(tmp_path / "govern.db"), log=LogSettings())


def test_the_cli_refuses_to_start_on_a_key_file_others_can_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    SqlStore(str(tmp_path / "govern.db"), log=LogSettings()).close()
    (tmp_path / "govern.db.log-key").chmod(0o644)
    with pytest.raises(SystemExit, match="can be read by others"):
        main(["audit", "verify", "--db", str(tmp_path / "govern.db")])


def test_a_missing_key_is_refused_once_the_log_holds_records(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "govern.db"), log=LogSettings())
    store.append("decision", "d1", "it", POLICY, {}, {})
    store.close()
    (tmp_path / "govern.db.log-key").unlink()
    with pytest.raises(LogKeyError, match="missing"):
        SqlStore(str(tmp_path / "govern.db"), log=LogSettings())


def test_the_key_can_come_from_the_environment_and_must_match(tmp_path: Path) -> None:
    env = {"GOVERN_LOG_KEY": SECRET, "GOVERN_LOG_DIR": str(tmp_path / "heads"), "HOME": str(tmp_path)}
    db = str(tmp_path / "govern.db")
    store = SqlStore(db, log=Settings.from_env(env).log)
    store.append("decision", "d1", "it", POLICY, {}, {})
    store.close()
    assert not list(tmp_path.rglob("*.log-key")) and list((tmp_path / "heads").glob("*.log-head"))
    again = SqlStore(db, log=Settings.from_env(env).log)
    assert again.verify() is None
    again.close()
    other = SqlStore(db, log=Settings.from_env({**env, "GOVERN_LOG_KEY": "t" * 40}).log, check_key=False)
    assert "does not match its MAC" in str(other.verify())
    other.close()


def test_a_short_secret_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LogKeyError, match="at least 32"):
        SqlStore(str(tmp_path / "govern.db"), log=LogSettings(secret="short"))


def test_postgresql_files_go_to_the_state_folder_named_without_the_password() -> None:
    settings = Settings.from_env({"HOME": "/home/ops"}).log
    key, head = settings.files("postgresql+psycopg://govern:secret@db/govern")
    same_db, _ = settings.files("postgresql+psycopg://govern:other@db/govern")
    assert key.parent == Path("/home/ops/.local/state/govern") and key == same_db
    assert key.name.startswith("pg-") and "secret" not in str(key) and head.suffix == ".log-head"


def test_cli_verify_lists_the_problems_and_export_head_is_checked_later(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "govern.db")
    monkeypatch.setenv("GOVERN_LOG_DIR", str(tmp_path / "keys"))
    store = SqlStore(db, log=Settings.from_env().log)
    for ref in ("d1", "d2", "d3"):
        store.append("decision", ref, "it", POLICY, {}, {})
    store.close()
    assert main(["audit", "verify", "--db", db]) == 0
    assert "intact: 3 records, every MAC verified; anchored outside the database up to record 3" in (
        capsys.readouterr().out
    )
    assert main(["audit", "export-head", "--db", db]) == 0
    exported = tmp_path / "heads.jsonl"
    exported.write_text(capsys.readouterr().out)
    assert json.loads(exported.read_text())["seq"] == 3
    forged = tmp_path / "forged.jsonl"
    forged.write_text(json.dumps({**json.loads(exported.read_text()), "seq": 2}) + "\n")
    (tmp_path / "keys" / "govern.db.log-head").unlink()  # someone with file access too
    attack(
        db,
        "DELETE FROM log WHERE seq = 3",
        "UPDATE chain_head SET seq = 2, hash = (SELECT hash FROM log WHERE seq = 2)",
    )
    assert main(["audit", "verify", "--db", db, "--exported", str(exported), "--exported", str(forged)]) == 1
    err = capsys.readouterr().err
    assert "record 3 is anchored in the head file but missing from the log" in err
    assert "exported head 2 (record 2) has a wrong signature" in err
    assert "the head file is missing" in err


def test_cli_keys_role_is_logged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "govern.db")
    monkeypatch.setenv("GOVERN_LOG_DIR", str(tmp_path / "keys"))
    assert main(["keys", "create", "--role", "admin", "--name", "ops", "--db", db]) == 0
    key_id = json.loads(capsys.readouterr().out)["key_id"]
    assert main(["keys", "role", "--key-id", key_id, "--role", "requester", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["role"] == "requester"
    assert main(["keys", "role", "--key-id", "nope", "--role", "admin", "--db", db]) == 1
    store = SqlStore(db, log=Settings.from_env().log)
    try:
        assert [(r.kind, r.result) for r in store.log()] == [
            ("key", {"role": "admin"}),
            ("key", {"role": "requester"}),
        ]
        assert store.log()[0].actor.startswith("cli")
    finally:
        store.close()
