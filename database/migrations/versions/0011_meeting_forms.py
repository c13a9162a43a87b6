"""House style for any council: meeting titles and prefixes, agenda flags, section headings and
numbering, the forms of a minute (moved and seconded, the decision form, confirming two meetings
subject to a correction), references to resolutions and to minutes from before these records,
a person's "known as" name and declarations printed as a table.

Revision ID: 0011
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

NUMBERING_CHECK = "numbering IN ('number', 'none', 'letter')"
LINKS_OR_TYPED = "referenced_minute_id IS NOT NULL OR typed_date IS NOT NULL"


def _text(table: str, name: str, length: int | None = None) -> None:
    kind = sa.String(length) if length else sa.Text()
    op.add_column(table, sa.Column(name, kind, nullable=False, server_default=""))


def _flag(table: str, name: str) -> None:
    op.add_column(table, sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()))


def upgrade() -> None:
    _text("meetings", "title_prefix", 100)
    _text("meetings", "session_title", 300)
    _text("agenda_items", "flag", 40)
    _text("agenda_items", "section_heading", 200)
    if op.get_bind().dialect.name == "sqlite":
        # ADD COLUMN with an inline CHECK needs no table rebuild.
        op.execute(
            "ALTER TABLE agenda_items ADD COLUMN numbering VARCHAR(32) DEFAULT 'number' NOT NULL "
            f"CONSTRAINT ck_agenda_items_item_numbering CHECK ({NUMBERING_CHECK})"
        )
    else:
        op.add_column(
            "agenda_items", sa.Column("numbering", sa.String(32), nullable=False, server_default="number")
        )
        op.create_check_constraint(op.f("ck_agenda_items_item_numbering"), "agenda_items", NUMBERING_CHECK)
    _text("minutes", "moved_by", 200)
    _text("minutes", "seconded_by", 200)
    _text("minutes", "decision_reasons")
    _text("minutes", "alternative_options")
    _flag("minutes", "references_inline")
    _text("minutes", "confirmed_subject_to")
    _flag("minutes", "minute_book_later")
    _flag("minutes", "confirms_two_meetings")
    _text("people", "known_as", 100)
    _flag("committees", "declarations_as_table")
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_references()
        return
    op.alter_column("minute_references", "referenced_minute_id", existing_type=sa.Integer(), nullable=True)
    for column in _new_reference_columns():
        op.add_column("minute_references", column)
    op.create_check_constraint(
        op.f("ck_minute_references_links_or_typed"), "minute_references", LINKS_OR_TYPED
    )


def _new_reference_columns() -> list[sa.Column]:
    return [
        sa.Column("resolution_number", sa.Integer(), nullable=True),
        sa.Column("typed_committee", sa.String(200), nullable=False, server_default=""),
        sa.Column("typed_date", sa.Date(), nullable=True),
        sa.Column("typed_number", sa.Integer(), nullable=True),
    ]


def _rebuild_references() -> None:
    """SQLite cannot drop NOT NULL in place. The table is rebuilt by hand, constraints in a fixed order,
    so the same database always migrates to the same bytes (a batch rebuild orders them by chance)."""
    op.create_table(
        "_minute_references_new",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("minute_id", sa.Integer(), nullable=False),
        sa.Column("referenced_minute_id", sa.Integer(), nullable=True),
        *_new_reference_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minute_references")),
        sa.UniqueConstraint(
            "minute_id",
            "referenced_minute_id",
            name=op.f("uq_minute_references_minute_id_referenced_minute_id"),
        ),
        sa.CheckConstraint("minute_id <> referenced_minute_id", name=op.f("ck_minute_references_not_self")),
        sa.CheckConstraint(LINKS_OR_TYPED, name=op.f("ck_minute_references_links_or_typed")),
        sa.ForeignKeyConstraint(
            ["minute_id"],
            ["minutes.id"],
            name=op.f("fk_minute_references_minute_id_minutes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["referenced_minute_id"],
            ["minutes.id"],
            name=op.f("fk_minute_references_referenced_minute_id_minutes"),
            ondelete="CASCADE",
        ),
    )
    op.execute(
        "INSERT INTO _minute_references_new (id, minute_id, referenced_minute_id) "
        "SELECT id, minute_id, referenced_minute_id FROM minute_references ORDER BY id"
    )
    op.drop_table("minute_references")
    op.rename_table("_minute_references_new", "minute_references")
    op.create_index(op.f("ix_minute_references_minute_id"), "minute_references", ["minute_id"], unique=False)


def downgrade() -> None:
    op.execute("DELETE FROM minute_references WHERE referenced_minute_id IS NULL")
    with op.batch_alter_table("minute_references") as batch:
        batch.drop_constraint(op.f("ck_minute_references_links_or_typed"), type_="check")
        batch.drop_column("typed_number")
        batch.drop_column("typed_date")
        batch.drop_column("typed_committee")
        batch.drop_column("resolution_number")
        batch.alter_column("referenced_minute_id", existing_type=sa.Integer(), nullable=False)
    op.drop_column("committees", "declarations_as_table")
    op.drop_column("people", "known_as")
    for name in (
        "minute_book_later",
        "confirms_two_meetings",
        "confirmed_subject_to",
        "references_inline",
        "alternative_options",
        "decision_reasons",
        "seconded_by",
        "moved_by",
    ):
        op.drop_column("minutes", name)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE agenda_items DROP COLUMN numbering")
    else:
        op.drop_constraint(op.f("ck_agenda_items_item_numbering"), "agenda_items", type_="check")
        op.drop_column("agenda_items", "numbering")
    for table, name in (
        ("agenda_items", "section_heading"),
        ("agenda_items", "flag"),
        ("meetings", "session_title"),
        ("meetings", "title_prefix"),
    ):
        op.drop_column(table, name)
