"""What a write puts in the database: log rows with their MACs, and the statements of their effects.

Both the SQLite driver path and SQLAlchemy run the same statements (`:name` parameters), so a
grant, a referral or a key change lands in its table exactly as its log record says.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from govern.store import schema as t
from govern.store.audit import KEYS, MACED
from govern.store.base import Entry, Grant, LogRecord
from govern.store.chain import link, row_mac, seal, text_digest

Statement = tuple[str, dict[str, Any]]
_TEXT = json.JSONEncoder(default=str)  # json.dumps(value, default=str), its encoder built once


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def ts(moment: dt.datetime) -> str:
    """Times are stored as UTC ISO text, the same on SQLite and PostgreSQL, sortable as text."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def grant_row(grant: Grant) -> dict[str, Any]:
    return {
        "grant_id": grant.grant_id,
        "decision_id": grant.decision_id,
        "requester": grant.requester,
        "domain": grant.domain,
        "category": grant.category,
        "access": grant.access,
        "obligations": json.dumps(grant.obligations),
        "granted_at": ts(grant.granted_at or now()),
        "expires_on": grant.expires_on.isoformat() if grant.expires_on else None,
    }


def referral_row(
    decision_id: str, refer_to: str, request_text: str, decision_text: str, created_at: str
) -> dict[str, Any]:
    """The referral a refer opens, holding the request and decision as its log record's texts."""
    return {
        "decision_id": decision_id,
        "refer_to": refer_to,
        "status": "open",
        "created_at": created_at,
        "request": request_text,
        "decision": decision_text,
        "reviewer": None,
        "reason": None,
        "decided_at": None,
    }


def record_of(
    row: dict[str, Any],
    given: dict[str, Any] | None = None,
    result: dict[str, Any] | None = None,
    effects: dict[str, Any] | None = None,
) -> LogRecord:
    """A log record from its row (with its input, result and effects when they are parsed already)."""
    return LogRecord(
        seq=row["seq"],
        kind=row["kind"],
        ref=row["ref"],
        at=dt.datetime.fromisoformat(row["at"]),
        actor=row["actor"],
        pack=row["pack"],
        version=row["version"],
        digest=row["digest"],
        input=json.loads(row["input"]) if given is None else given,
        result=json.loads(row["result"]) if result is None else result,
        prev_hash=row["prev_hash"],
        hash=row["hash"],
        input_digest=row["input_digest"],
        purged=bool(row["purged"]),
        result_digest=row["result_digest"],
        mac=row["mac"],
        effects=json.loads(row["effects"]) if effects is None else effects,
    )


def chained(
    key: bytes, entries: list[Entry], seq: int, previous: str
) -> tuple[list[LogRecord], list[dict[str, Any]], list[Statement]]:
    """Log rows for `entries` extending the chain after (seq, previous), their records, and the
    statements that apply their effects (the grants, referrals and key changes they carry)."""
    records: list[LogRecord] = []
    rows: list[dict[str, Any]] = []
    statements: list[Statement] = []
    for e in entries:
        seq += 1
        at = ts(now())
        input_text, result_text = _TEXT.encode(e.input), _TEXT.encode(e.result)
        effects = e.effects if e.effects is not None else _effects_of(e, input_text, result_text, at)
        row: dict[str, Any] = {
            "seq": seq,
            "kind": e.kind,
            "ref": e.ref,
            "at": at,
            "actor": e.actor,
            "pack": e.policy["pack"],
            "version": e.policy["version"],
            "digest": e.policy["digest"],
            "input": input_text,
            "input_digest": text_digest(key, input_text),
            "result": result_text,
            "result_digest": text_digest(key, result_text),
            "effects": json.dumps(effects, separators=(",", ":")),
            "prev_hash": previous,
            "purged": False,
        }
        row["hash"] = link(key, row)
        row["mac"] = seal(key, seq, row["hash"], False, row["input_digest"], row["result_digest"])
        rows.append(row)
        # The record holds the entry's own input and result: parsing the texts back cost a decision
        # 10 us, for records the callers of the hot path never read (the store's reads parse them).
        records.append(record_of(row, e.input, e.result, effects))
        statements += effect_statements(key, effects)
        previous = row["hash"]
    return records, rows, statements


def _effects_of(e: Entry, input_text: str, result_text: str, at: str) -> dict[str, Any]:
    """A decision's effects: the grant of a permit, or the referral a refer opens."""
    if e.grant is not None:
        return {"put": {"grants": [grant_row(e.grant)]}}
    if e.refer_to is not None:
        return {"put": {"referrals": [referral_row(e.ref, e.refer_to, input_text, result_text, at)]}}
    return {}


def effect_statements(key: bytes, effects: dict[str, Any]) -> list[Statement]:
    """The SQL that makes the tables say what `effects` says: rows inserted or replaced, or deleted."""
    out: list[Statement] = []
    for table, rows in effects.get("put", {}).items():
        for row in rows:
            if table == "comment_actions":
                out.append(("UPDATE comments SET action = :action WHERE comment_id = :comment_id", dict(row)))
                continue
            pk = KEYS[table]
            values = {**row, "mac": row_mac(key, table, row)} if table in MACED else dict(row)
            unknown = set(values) - set(getattr(t, table).c.keys())
            if unknown:
                raise ValueError(f"no column {sorted(unknown)} in {table}")
            out.append((upsert_sql(table, values, pk), values))
    for table, keys in effects.get("delete", {}).items():
        pk = KEYS[table]
        out += [(f"DELETE FROM {table} WHERE {pk} = :{pk}", {pk: value}) for value in keys]
    return out


def insert_sql(table: str, row: dict[str, Any]) -> str:
    return f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"


def upsert_sql(table: str, row: dict[str, Any], pk: str) -> str:
    """Insert the row, or replace the one with its key (the same syntax on SQLite and PostgreSQL)."""
    changes = ", ".join(f"{c} = excluded.{c}" for c in row if c != pk)
    return f"{insert_sql(table, row)} ON CONFLICT ({pk}) DO UPDATE SET {changes}"


def grouped(statements: list[Statement]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Runs of the same SQL, to execute each run at once (a batch's grants are one executemany)."""
    runs: list[tuple[str, list[dict[str, Any]]]] = []
    for sql, params in statements:
        if runs and runs[-1][0] == sql:
            runs[-1][1].append(params)
        else:
            runs.append((sql, [params]))
    return runs
