"""The directory as SCIM provisioning keeps it (issue 16): people, groups and group members.

Follows 0004 (moderation team).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "directory_users",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(128), nullable=False, unique=True),
        sa.Column("user_name", sa.String(128), nullable=False),
        sa.Column("external_id", sa.String(400)),
        sa.Column("display_name", sa.String(400), nullable=False),
        sa.Column("department", sa.String(200), nullable=False),
        sa.Column("employee_type", sa.String(100), nullable=False),
        sa.Column("manager_id", sa.String(64)),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("resource", sa.Text, nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("last_modified", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("directory_users_external_id", "directory_users", ["external_id"])
    op.create_table(
        "directory_groups",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("display_name", sa.String(400), nullable=False),
        sa.Column("external_id", sa.String(400)),
        sa.Column("resource", sa.Text, nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("last_modified", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("directory_groups_display_name", "directory_groups", ["display_name"])
    op.create_index("directory_groups_external_id", "directory_groups", ["external_id"])
    op.create_table(
        "directory_members",
        sa.Column("group_id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.String(64), primary_key=True),
    )
    op.create_index("directory_members_user", "directory_members", ["user_id"])


def downgrade() -> None:
    for table in ("directory_members", "directory_groups", "directory_users"):
        op.drop_table(table)
