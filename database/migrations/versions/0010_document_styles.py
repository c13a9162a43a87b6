"""Document styles: each committee's house style for its agendas, packs and minutes, and the
sentences an officer rewrote for one meeting's minutes.

Revision ID: 0010
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_styles",
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"],
            ["committees.id"],
            name=op.f("fk_document_styles_committee_id_committees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("committee_id", name=op.f("pk_document_styles")),
    )
    op.create_table(
        "meeting_sentences",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_sentences_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "kind", name=op.f("pk_meeting_sentences")),
    )


def downgrade() -> None:
    op.drop_table("meeting_sentences")
    op.drop_table("document_styles")
