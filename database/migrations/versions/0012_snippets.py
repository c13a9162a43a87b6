"""Snippets: each committee's trigger words for text its officer types often in the minutes.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "snippets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("trigger", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"],
            ["committees.id"],
            name=op.f("fk_snippets_committee_id_committees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_snippets")),
        sa.UniqueConstraint("committee_id", "trigger", name=op.f("uq_snippets_committee_id_trigger")),
    )
    op.create_index(op.f("ix_snippets_committee_id"), "snippets", ["committee_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_snippets_committee_id"), table_name="snippets")
    op.drop_table("snippets")
