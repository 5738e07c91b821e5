"""A keyed log: HMAC links and seals, the effects of each record on the rights tables, row MACs.

A log written under 0001 (chained with plain SHA-256, which anyone can recompute) is checked
first and refused if it does not verify; then it is re-chained with the log key, and the grants,
referrals, API keys and comment outcomes already in the database are adopted into the log by one
`adopt` record whose effects list them, so that `govern audit verify` vouches for them from now on.
The re-chained records get new `hash` values: exports made before the upgrade show the old ones.
"""

import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import context, op

from govern.store.chain import UpgradeRefused

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

RIGHTS = {"grants": "grant_id", "api_keys": "key_id", "referrals": "decision_id"}


def upgrade() -> None:
    op.add_column("log", sa.Column("result_digest", sa.String(64), nullable=False, server_default=""))
    op.add_column("log", sa.Column("mac", sa.String(64), nullable=False, server_default=""))
    op.add_column("log", sa.Column("effects", sa.Text, nullable=False, server_default="{}"))
    op.add_column("grants", sa.Column("mac", sa.String(64), nullable=False, server_default=""))
    op.add_column("api_keys", sa.Column("mac", sa.String(64), nullable=False, server_default=""))
    _adopt(op.get_bind())


def downgrade() -> None:
    for table, column in (("api_keys", "mac"), ("grants", "mac"), ("log", "effects"), ("log", "mac")):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
    with op.batch_alter_table("log") as batch:
        batch.drop_column("result_digest")


def _adopt(bind: sa.Connection) -> None:
    from govern.store.base import Entry
    from govern.store.chain import GENESIS, NO_POLICY, digest_of, link, seal
    from govern.store.rows import chained

    rows = [dict(r) for r in bind.execute(sa.text("SELECT * FROM log ORDER BY seq")).mappings()]
    tables = {
        name: [
            {k: v for k, v in r.items() if k != "mac"}
            for r in bind.execute(sa.text(f"SELECT * FROM {name} ORDER BY {pk}")).mappings()
        ]
        for name, pk in RIGHTS.items()
    }
    comments = [
        dict(r)
        for r in bind.execute(
            sa.text("SELECT comment_id, action FROM comments ORDER BY comment_id")
        ).mappings()
    ]
    if not rows and not comments and not any(tables.values()):
        return  # a new database: nothing to adopt
    key = context.config.attributes.get("log_key")
    if key is None:
        raise UpgradeRefused(
            "re-keying the log needs the log key: upgrade it by opening the store with govern"
        )
    _check_unkeyed(bind, rows)
    previous = GENESIS
    for row in rows:
        row["result_digest"] = digest_of(key, json.loads(row["result"]))
        if not row["purged"]:  # a purged input's plain digest stays: its text is gone
            row["input_digest"] = digest_of(key, json.loads(row["input"]))
        row["effects"] = "{}"
        row["prev_hash"] = previous
        row["hash"] = link(key, row)
        stored_input = digest_of(key, json.loads(row["input"]))
        row["mac"] = seal(key, row["seq"], row["hash"], row["purged"], stored_input, row["result_digest"])
        bind.execute(
            sa.text(
                "UPDATE log SET input_digest = :input_digest, result_digest = :result_digest, "
                "effects = :effects, prev_hash = :prev_hash, "
                "hash = :hash, mac = :mac WHERE seq = :seq"
            ),
            row,
        )
        previous = row["hash"]
    effects: dict[str, Any] = {"put": {**tables, "comment_actions": comments}}
    summary = {"records": len(rows), **{name: len(found) for name, found in tables.items()}}
    adopt = Entry("adopt", "0002", "migration", NO_POLICY, {}, summary, effects=effects)
    records, new_rows, statements = chained(key, [adopt], len(rows), previous)
    for new in new_rows:
        columns = ", ".join(new)
        bind.execute(sa.text(f"INSERT INTO log ({columns}) VALUES ({', '.join(':' + c for c in new)})"), new)
    for sql, params in statements:
        bind.execute(sa.text(sql), params)
    bind.execute(
        sa.text("UPDATE chain_head SET seq = :seq, hash = :hash WHERE id = 1"),
        {"seq": records[-1].seq, "hash": records[-1].hash},
    )
    context.config.attributes["adopted"] = (records[-1].seq, records[-1].hash)


def _check_unkeyed(bind: sa.Connection, rows: list[dict[str, Any]]) -> None:
    """Refuse to re-key a log whose 0001 chain (plain SHA-256) does not verify."""
    previous = "0" * 64
    for expected, row in enumerate(rows, 1):
        body = json.dumps(
            [
                previous,
                row["kind"],
                row["ref"],
                _iso(row["at"]),
                row["actor"],
                row["pack"],
                row["version"],
                row["digest"],
                row["input_digest"],
                json.loads(row["result"]),
            ],
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
            default=str,
        )
        intact = (
            row["seq"] == expected
            and row["prev_hash"] == previous
            and hashlib.sha256(body.encode("utf-8")).hexdigest() == row["hash"]
            and (row["purged"] or _digest(json.loads(row["input"])) == row["input_digest"])
        )
        if not intact:
            raise UpgradeRefused(
                f"the log does not verify at record {row['seq']}: it cannot be re-keyed; "
                "restore it from a backup (or export it for the record) before upgrading"
            )
        previous = row["hash"]
    head = bind.execute(sa.text("SELECT seq, hash FROM chain_head WHERE id = 1")).one()
    if (head.seq, head.hash) != (len(rows), previous):
        raise UpgradeRefused("the log's newest records were deleted: it cannot be re-keyed")


def _iso(text: str) -> str:
    from datetime import datetime

    return datetime.fromisoformat(text).isoformat()


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
