"""Tables, as SQLAlchemy Core metadata. Migrations in migrations/ create them; this is the map."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

log = sa.Table(
    "log",
    metadata,
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
    sa.Column("purged", sa.Boolean, nullable=False, server_default=sa.false()),
    # added by 0002: the chain is keyed (HMAC), see chain.py
    sa.Column("result_digest", sa.String(64), nullable=False, server_default=""),
    sa.Column("mac", sa.String(64), nullable=False, server_default=""),
    sa.Column("effects", sa.Text, nullable=False, server_default="{}"),
    sa.Index("log_kind_ref", "kind", "ref"),
)

chain_head = sa.Table(
    "chain_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

referrals = sa.Table(
    "referrals",
    metadata,
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

grants = sa.Table(
    "grants",
    metadata,
    sa.Column("grant_id", sa.String(64), primary_key=True),
    sa.Column("decision_id", sa.String(64), nullable=False),
    sa.Column("requester", sa.String(200), nullable=False),
    sa.Column("domain", sa.String(255), nullable=False),
    sa.Column("category", sa.String(100)),
    sa.Column("access", sa.String(20), nullable=False),
    sa.Column("obligations", sa.Text, nullable=False),
    sa.Column("granted_at", sa.String(40), nullable=False),
    sa.Column("expires_on", sa.String(10)),
    sa.Column("mac", sa.String(64), nullable=False, server_default=""),
    sa.Index("grants_requester", "requester"),
)

comments = sa.Table(
    "comments",
    metadata,
    sa.Column("comment_id", sa.String(200), primary_key=True),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("channel", sa.String(100), nullable=False),
    sa.Column("text", sa.Text),
    sa.Column("posted_at", sa.String(40), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("retain_until", sa.String(10)),
    sa.Index("comments_author_posted", "author", "posted_at"),
)

api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("key_id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("mac", sa.String(64), nullable=False, server_default=""),
)

# Draft sign-off (migration 0003): review items, their versions and notes, and acknowledgements.

draft_reviews = sa.Table(
    "draft_reviews",
    metadata,
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
    sa.Index("draft_reviews_queue_status", "queue", "status"),
    sa.Index("draft_reviews_digest", "digest"),
)

draft_versions = sa.Table(
    "draft_versions",
    metadata,
    sa.Column("review_id", sa.String(64), primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("draft", sa.Text, nullable=False),
    sa.Column("verdict", sa.Text, nullable=False),
    sa.Column("submitted_by", sa.String(200), nullable=False),
    sa.Column("submitted_at", sa.String(40), nullable=False),
    sa.Column("diff", sa.Text, nullable=False),
)

draft_review_notes = sa.Table(
    "draft_review_notes",
    metadata,
    sa.Column("review_id", sa.String(64), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("by_name", sa.String(200), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
)

draft_acknowledgements = sa.Table(
    "draft_acknowledgements",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("rule", sa.String(200), nullable=False),
    sa.Column("severity", sa.String(20), nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("excerpt", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("by_name", sa.String(200), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Index("draft_acknowledgements_digest", "digest"),
    sa.Index("draft_acknowledgements_at", "at"),
)

# --- running a moderation team (migration 0004) ---------------------------------------------

comment_outcomes = sa.Table(
    "comment_outcomes",
    metadata,
    sa.Column("comment_id", sa.String(200), primary_key=True),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("channel", sa.String(100), nullable=False),
    sa.Column("posted_at", sa.String(40), nullable=False),
    sa.Column("categories", sa.Text, nullable=False),
    sa.Column("targets", sa.Text, nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Index("comment_outcomes_author", "author", "posted_at"),
)

evidence = sa.Table(
    "evidence",
    metadata,
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
    sa.Index("evidence_author", "author"),
)

moderation_decisions = sa.Table(
    "moderation_decisions",
    metadata,
    sa.Column("decision_id", sa.String(64), primary_key=True),
    sa.Column("subject", sa.String(200), nullable=False),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("decided_at", sa.String(40), nullable=False),
    sa.Column("review_on", sa.String(10)),
    sa.Index("moderation_decisions_subject", "subject"),
)

block_reviews = sa.Table(
    "block_reviews",
    metadata,
    sa.Column("review_id", sa.String(64), primary_key=True),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("opened_at", sa.String(40), nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("reviewer", sa.String(200)),
    sa.Column("reason", sa.Text),
    sa.Column("review_on", sa.String(10)),
    sa.Column("decided_at", sa.String(40)),
    sa.Index("block_reviews_author", "author", "status"),
)

appeals = sa.Table(
    "appeals",
    metadata,
    sa.Column("appeal_id", sa.String(64), primary_key=True),
    sa.Column("comment_id", sa.String(200), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("statement", sa.Text, nullable=False),
    sa.Column("removed_by", sa.String(200), nullable=False),
    sa.Column("opened_at", sa.String(40), nullable=False),
    sa.Column("reviewer", sa.String(200)),
    sa.Column("reason", sa.Text),
    sa.Column("decided_at", sa.String(40)),
    sa.Index("appeals_comment", "comment_id"),
)

# --- the directory, as SCIM provisioning keeps it (migration 0005) ----------------------------
# Each row keeps the resource as provisioned (JSON, for SCIM's round trip) beside the columns
# govern reads and filters on. Ids are the service's own (uuid); person_id is the case-folded
# userName, govern's id for the person (requester ids, grants, Squid's user name).

directory_users = sa.Table(
    "directory_users",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("person_id", sa.String(128), nullable=False, unique=True),
    sa.Column("user_name", sa.String(128), nullable=False),
    sa.Column("external_id", sa.String(400)),
    sa.Column("display_name", sa.String(400), nullable=False),
    sa.Column("department", sa.String(200), nullable=False),
    sa.Column("employee_type", sa.String(100), nullable=False),
    sa.Column("manager_id", sa.String(64)),  # the manager's SCIM id (the enterprise extension's value)
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("resource", sa.Text, nullable=False),
    sa.Column("created", sa.String(40), nullable=False),
    sa.Column("last_modified", sa.String(40), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Index("directory_users_external_id", "external_id"),
)

directory_groups = sa.Table(
    "directory_groups",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("display_name", sa.String(400), nullable=False),
    sa.Column("external_id", sa.String(400)),
    sa.Column("resource", sa.Text, nullable=False),
    sa.Column("created", sa.String(40), nullable=False),
    sa.Column("last_modified", sa.String(40), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Index("directory_groups_display_name", "display_name"),
    sa.Index("directory_groups_external_id", "external_id"),
)

directory_members = sa.Table(
    "directory_members",
    metadata,
    sa.Column("group_id", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.String(64), primary_key=True),
    sa.Index("directory_members_user", "user_id"),
)

# added by 0006 (issue 16): training records and the manager's approval tasks
training_records = sa.Table(
    "training_records",
    metadata,
    sa.Column("person", sa.String(200), primary_key=True),
    sa.Column("course", sa.String(200), primary_key=True),
    sa.Column("completed_on", sa.String(10), primary_key=True),
    sa.Column("source", sa.String(500), nullable=False),
    sa.Column("imported_at", sa.String(40), nullable=False),
)

approvals = sa.Table(
    "approvals",
    metadata,
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
    sa.Index("approvals_approver", "approver", "status"),
    sa.Index("approvals_delegate", "delegate", "status"),
)
