"""The log's `purged` column gets the database default schema.py declares (false).

0001 created it NOT NULL with no default, while schema.py gave it a default; a row written by any
other route than the store (a restore, an operator's INSERT) then failed. Now the database and the
metadata say the same, and a test compares them with server defaults included.

Follows 0006 (training records and approvals).
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("log") as batch:
        batch.alter_column(
            "purged", existing_type=sa.Boolean(), existing_nullable=False, server_default=sa.false()
        )


def downgrade() -> None:
    with op.batch_alter_table("log") as batch:
        batch.alter_column("purged", existing_type=sa.Boolean(), existing_nullable=False, server_default=None)
