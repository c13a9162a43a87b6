"""Confirmed minutes: a copy of what they print, kept from the moment they are confirmed, so that
renaming the committee or correcting a person's name never changes the legal record.

Minutes confirmed before this revision get their copy the first time they are printed
(``sst_desktop.exports.minutes_copy.printed_minutes``).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "confirmed_minutes_copies",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("public_content", sa.Text(), nullable=False),
        sa.Column("full_content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_confirmed_minutes_copies_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_confirmed_minutes_copies")),
    )


def downgrade() -> None:
    op.drop_table("confirmed_minutes_copies")
