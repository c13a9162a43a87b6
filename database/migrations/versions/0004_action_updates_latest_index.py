"""Action updates: an index for finding each action's latest update (the action log's main query).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_action_updates_latest", "action_updates", ["action_id", "on", "id"])


def downgrade() -> None:
    op.drop_index("ix_action_updates_latest", table_name="action_updates")
