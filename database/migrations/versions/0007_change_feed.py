"""The change feed: each committed change names the tables it touched and the running copy of SST
Desktop that made it, so that the screens of other copies on the same database show it.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("instance", sa.String(length=32), nullable=False),
        sa.Column("tables", sa.String(length=2000), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_feed")),
    )


def downgrade() -> None:
    op.drop_table("change_feed")
