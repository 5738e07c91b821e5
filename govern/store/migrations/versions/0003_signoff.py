"""Draft sign-off: review items, their versions and notes, and acknowledgements of findings."""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draft_reviews",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("queue", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("scheduled_at", sa.String(40)),
        sa.Column("reviewer", sa.String(200)),
        sa.Column("reason", sa.Text),
        sa.Column("decided_at", sa.String(40)),
    )
    op.create_index("draft_reviews_queue_status", "draft_reviews", ["queue", "status"])
    op.create_index("draft_reviews_digest", "draft_reviews", ["digest"])
    op.create_table(
        "draft_versions",
        sa.Column("review_id", sa.String(64), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("draft", sa.Text, nullable=False),
        sa.Column("verdict", sa.Text, nullable=False),
        sa.Column("submitted_by", sa.String(200), nullable=False),
        sa.Column("submitted_at", sa.String(40), nullable=False),
        sa.Column("diff", sa.Text, nullable=False),
    )
    op.create_table(
        "draft_review_notes",
        sa.Column("review_id", sa.String(64), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("by_name", sa.String(200), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "draft_acknowledgements",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("rule", sa.String(200), nullable=False),
        sa.Column("severity", sa.String(20), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("excerpt", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("by_name", sa.String(200), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    op.create_index("draft_acknowledgements_digest", "draft_acknowledgements", ["digest"])
    op.create_index("draft_acknowledgements_at", "draft_acknowledgements", ["at"])


def downgrade() -> None:
    for table in ("draft_acknowledgements", "draft_review_notes", "draft_versions", "draft_reviews"):
        op.drop_table(table)
