"""Running a moderation team (issue 18): outcomes for strikes and targeting, evidence under a
legal hold, moderators' decisions with their reasons, block reviews and appeals.

Follows 0003 (draft sign-off).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "comment_outcomes",
        sa.Column("comment_id", sa.String(200), primary_key=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("channel", sa.String(100), nullable=False),
        sa.Column("posted_at", sa.String(40), nullable=False),
        sa.Column("categories", sa.Text, nullable=False),
        sa.Column("targets", sa.Text, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
    )
    op.create_index("comment_outcomes_author", "comment_outcomes", ["author", "posted_at"])
    op.create_table(
        "evidence",
        sa.Column("comment_id", sa.String(200), primary_key=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("channel", sa.String(100), nullable=False),
        sa.Column("permalink", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("posted_at", sa.String(40), nullable=False),
        sa.Column("removed_at", sa.String(40), nullable=False),
        sa.Column("categories", sa.Text, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("hold_until", sa.String(10), nullable=False),
    )
    op.create_index("evidence_author", "evidence", ["author"])
    op.create_table(
        "moderation_decisions",
        sa.Column("decision_id", sa.String(64), primary_key=True),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.String(40), nullable=False),
        sa.Column("review_on", sa.String(10)),
    )
    op.create_index("moderation_decisions_subject", "moderation_decisions", ["subject"])
    op.create_table(
        "block_reviews",
        sa.Column("review_id", sa.String(64), primary_key=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("opened_at", sa.String(40), nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("reviewer", sa.String(200)),
        sa.Column("reason", sa.Text),
        sa.Column("review_on", sa.String(10)),
        sa.Column("decided_at", sa.String(40)),
    )
    op.create_index("block_reviews_author", "block_reviews", ["author", "status"])
    op.create_table(
        "appeals",
        sa.Column("appeal_id", sa.String(64), primary_key=True),
        sa.Column("comment_id", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("statement", sa.Text, nullable=False),
        sa.Column("removed_by", sa.String(200), nullable=False),
        sa.Column("opened_at", sa.String(40), nullable=False),
        sa.Column("reviewer", sa.String(200)),
        sa.Column("reason", sa.Text),
        sa.Column("decided_at", sa.String(40)),
    )
    op.create_index("appeals_comment", "appeals", ["comment_id"])


def downgrade() -> None:
    for table in ("appeals", "block_reviews", "moderation_decisions", "evidence", "comment_outcomes"):
        op.drop_table(table)
