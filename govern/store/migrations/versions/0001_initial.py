"""The decision log, referrals, grants, comments and API keys."""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("ref", sa.String(200), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("pack", sa.String(200), nullable=False),
        sa.Column("version", sa.String(50), nullable=False),
        sa.Column("digest", sa.String(80), nullable=False),
        sa.Column("input", sa.Text, nullable=False),
        sa.Column("input_digest", sa.String(64), nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("purged", sa.Boolean, nullable=False),
    )
    op.create_index("log_kind_ref", "log", ["kind", "ref"])
    op.create_table(
        "chain_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.execute("INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '" + "0" * 64 + "')")
    op.create_table(
        "referrals",
        sa.Column("decision_id", sa.String(64), primary_key=True),
        sa.Column("refer_to", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("request", sa.Text, nullable=False),
        sa.Column("decision", sa.Text, nullable=False),
        sa.Column("reviewer", sa.String(200)),
        sa.Column("reason", sa.Text),
        sa.Column("decided_at", sa.String(40)),
    )
    op.create_table(
        "grants",
        sa.Column("grant_id", sa.String(64), primary_key=True),
        sa.Column("decision_id", sa.String(64), nullable=False),
        sa.Column("requester", sa.String(200), nullable=False),
        sa.Column("domain", sa.String(255), nullable=False),
        sa.Column("category", sa.String(100)),
        sa.Column("access", sa.String(20), nullable=False),
        sa.Column("obligations", sa.Text, nullable=False),
        sa.Column("granted_at", sa.String(40), nullable=False),
        sa.Column("expires_on", sa.String(10)),
    )
    op.create_index("grants_requester", "grants", ["requester"])
    op.create_table(
        "comments",
        sa.Column("comment_id", sa.String(200), primary_key=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("channel", sa.String(100), nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("posted_at", sa.String(40), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("retain_until", sa.String(10)),
    )
    op.create_index("comments_author_posted", "comments", ["author", "posted_at"])
    op.create_table(
        "api_keys",
        sa.Column("key_id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    for table in ("api_keys", "comments", "grants", "referrals", "chain_head", "log"):
        op.drop_table(table)
