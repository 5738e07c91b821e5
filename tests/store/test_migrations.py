"""The schema the migrations build is the one schema.py describes; a log written before the key
existed is checked, re-keyed and adopted by the upgrade."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.command import upgrade
from alembic.config import Config
from alembic.migration import MigrationContext

from govern.store.chain import UpgradeRefused
from govern.store.logkey import LogSettings
from govern.store.schema import metadata
from govern.store.sql import MIGRATIONS, SqlStore, normalise_url
from tests.store.conftest import attack, reopen


def _default_text(text: str | None) -> str | None:
    """A column default as text, without the quoting and brackets SQLite adds when it reports one,
    or the cast PostgreSQL adds (`''::character varying`, `'{}'::text`)."""
    if text is None:
        return None
    return re.sub(r"::[a-z ]+$", "", text.strip()).strip("()").strip("'\"")


def _defaults_differ(
    context: Any, inspected: Any, declared: Any, inspected_default: str | None, _: Any, rendered: str | None
) -> bool:
    return _default_text(inspected_default) != _default_text(rendered)


def test_the_migrations_build_exactly_the_schema_in_schema_py(store: SqlStore, url: str) -> None:
    """Tables, columns, types, indexes and the database's own defaults (e.g. `purged`)."""
    engine = sa.create_engine(normalise_url(url))
    try:
        with engine.connect() as c:
            context = MigrationContext.configure(c, opts={"compare_server_default": _defaults_differ})
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


def _old_hash(previous: str, row: dict[str, Any]) -> str:
    """The 0001 chain: plain SHA-256, which anyone can recompute."""
    fields = [previous, row["kind"], row["ref"], row["at"], row["actor"], "p", "1", "sha256:x"]
    body = json.dumps(
        [*fields, row["input_digest"], row["result"]], sort_keys=True, separators=(",", ":"), default=str
    )
    return hashlib.sha256(body.encode()).hexdigest()


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _log_0001(url: str, tamper: bool = False) -> None:
    """A database at revision 0001 with two records, a grant and a key, as the old code wrote them."""
    engine = sa.create_engine(normalise_url(url))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as c:
            config.attributes["connection"] = c
            upgrade(config, "0001")
        previous = "0" * 64
        at = dt.datetime(2026, 1, 5, 9, 30, 0, 123456, tzinfo=dt.UTC).isoformat()
        for seq, ref in ((1, "d1"), (2, "d2")):
            row = {"kind": "decision", "ref": ref, "at": at, "actor": "it", "input": {"site": "x.com"}}
            row |= {"input_digest": _digest(row["input"]), "result": {"decision": "permit"}}
            digest = _old_hash(previous, row)
            if tamper and seq == 2:
                row["result"] = {"decision": "deny"}
            attack(
                url,
                (
                    "INSERT INTO log (seq, kind, ref, at, actor, pack, version, digest, input, input_digest, "
                    "result, prev_hash, hash, purged) VALUES (:seq, 'decision', :ref, :at, 'it', 'p', '1', "
                    "'sha256:x', :input, :input_digest, :result, :prev, :hash, :purged)",
                    {
                        "seq": seq,
                        "ref": ref,
                        "at": at,
                        "input": json.dumps(row["input"]),
                        "input_digest": row["input_digest"],
                        "result": json.dumps(row["result"]),
                        "prev": previous,
                        "hash": digest,
                        "purged": False,
                    },
                ),
                ("UPDATE chain_head SET seq = :seq, hash = :hash", {"seq": seq, "hash": digest}),
            )
            previous = digest
        attack(
            url,
            "INSERT INTO grants (grant_id, decision_id, requester, domain, category, access, obligations, "
            "granted_at, expires_on) VALUES ('g1', 'd1', 'jsmith', 'x.com', NULL, 'post', '[]', "
            "'2026-01-05T09:30:00.123456+00:00', '2027-01-05')",
            "INSERT INTO api_keys (key_id, name, role, secret_hash, created_at) VALUES "
            "('k1', 'ops', 'admin', 'ab', '2026-01-05T09:30:00.123456+00:00')",
        )
    finally:
        engine.dispose()


def test_an_unkeyed_log_is_rekeyed_and_its_rights_adopted(url: str, settings: LogSettings) -> None:
    _log_0001(url)
    store = reopen(url, settings)
    try:
        records = store.log()
        assert [(r.seq, r.kind) for r in records] == [(1, "decision"), (2, "decision"), (3, "adopt")]
        assert records[2].result == {"records": 2, "grants": 1, "api_keys": 1, "referrals": 0}
        assert store.verify() is None and store.key_for("ab") is not None
        assert [g.grant_id for g in store.grants()] == ["g1"]
    finally:
        store.close()
    attack(url, "UPDATE api_keys SET role = 'requester'")
    again = reopen(url, settings)
    try:
        assert "api_keys row k1 does not match its MAC" in str(again.verify())
    finally:
        again.close()


def test_an_unkeyed_log_that_does_not_verify_is_not_rekeyed(url: str, settings: LogSettings) -> None:
    _log_0001(url, tamper=True)
    with pytest.raises(UpgradeRefused, match="does not verify at record 2"):
        reopen(url, settings)


def test_an_empty_database_needs_no_adoption(store: SqlStore) -> None:
    assert store.log() == [] and store.verify() is None
    assert not Path(store.head.path).exists()
