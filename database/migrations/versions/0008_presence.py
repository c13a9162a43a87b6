"""Presence: which minute another officer is typing in, so that their windows say so.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "presence",
        sa.Column("instance", sa.String(length=32), nullable=False),
        sa.Column("minute_id", sa.Integer(), nullable=False),
        sa.Column("officer", sa.String(length=300), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("instance", name=op.f("pk_presence")),
    )


def downgrade() -> None:
    op.drop_table("presence")
