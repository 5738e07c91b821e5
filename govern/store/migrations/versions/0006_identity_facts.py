"""Who vouches for each fact (issue 16): training records as the learning system exports them,
and the manager's approval tasks.

Follows 0005 (the directory, branch scim).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_records",
        sa.Column("person", sa.String(200), primary_key=True),
        sa.Column("course", sa.String(200), primary_key=True),
        sa.Column("completed_on", sa.String(10), primary_key=True),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "approvals",
        sa.Column("approval_id", sa.String(64), primary_key=True),
        sa.Column("decision_id", sa.String(64), nullable=False),
        sa.Column("requester", sa.String(200), nullable=False),
        sa.Column("approver", sa.String(200), nullable=False),
        sa.Column("delegate", sa.String(200)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("opened_at", sa.String(40), nullable=False),
        sa.Column("request", sa.Text, nullable=False),
        sa.Column("submitted_by", sa.String(200), nullable=False),
        sa.Column("submitted_roles", sa.Text, nullable=False),
        sa.Column("decided_by", sa.String(200)),
        sa.Column("reason", sa.Text),
        sa.Column("decided_at", sa.String(40)),
        sa.Column("outcome", sa.Text, nullable=False),
    )
    op.create_index("approvals_approver", "approvals", ["approver", "status"])
    op.create_index("approvals_delegate", "approvals", ["delegate", "status"])


def downgrade() -> None:
    op.drop_index("approvals_delegate", table_name="approvals")
    op.drop_index("approvals_approver", table_name="approvals")
    op.drop_table("approvals")
    op.drop_table("training_records")
