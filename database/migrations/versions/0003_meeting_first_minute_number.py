"""Meetings: where minute numbering starts when earlier meetings of the year are not recorded.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CHECK = "first_minute_number IS NULL OR first_minute_number > 0"
NAME = "ck_meetings_first_minute_positive"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # ADD COLUMN with an inline CHECK needs no table rebuild (a rebuild reorders constraints).
        op.execute(
            f"ALTER TABLE meetings ADD COLUMN first_minute_number INTEGER CONSTRAINT {NAME} CHECK ({CHECK})"
        )
        return
    op.add_column("meetings", sa.Column("first_minute_number", sa.Integer(), nullable=True))
    op.create_check_constraint(op.f(NAME), "meetings", CHECK)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE meetings DROP COLUMN first_minute_number")  # SQLite 3.35+
        return
    op.drop_constraint(op.f(NAME), "meetings", type_="check")
    op.drop_column("meetings", "first_minute_number")
