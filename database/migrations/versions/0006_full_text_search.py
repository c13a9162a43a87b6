"""Full-text search: a document per searchable piece of the record, the text of attached reports, and a
word index over the documents — an FTS5 table kept by triggers on SQLite, a GIN index on PostgreSQL.

Existing records are indexed here, and the text of reports attached before this revision is extracted.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sst_desktop.storage.search_text import FTS_TABLE, PG_FOLD_FUNCTION, fold_table

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_documents",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("committee_id", sa.Integer(), nullable=True),
        sa.Column("dated", sa.Date(), nullable=True),
        sa.Column("anchor_id", sa.Integer(), nullable=True),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("label", sa.String(length=600), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_documents")),
    )
    op.create_index("ix_search_documents_source", "search_documents", ["kind", "source_id"])
    op.create_index("ix_search_documents_meeting_id", "search_documents", ["meeting_id"])
    op.create_table(
        "attachment_pages",
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachments.id"],
            name=op.f("fk_attachment_pages_attachment_id_attachments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("attachment_id", "page", name=op.f("pk_attachment_pages")),
    )
    if op.get_bind().dialect.name == "postgresql":
        source, target = fold_table()
        op.execute(
            sa.text(
                f"CREATE FUNCTION {PG_FOLD_FUNCTION}(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
                f"AS $$ SELECT regexp_replace(translate(lower($1), '{source}', '{target}'), "
                "'[^[:alnum:]]+', ' ', 'g') $$"
            )
        )
        op.execute(
            f"CREATE INDEX ix_search_documents_words ON search_documents "
            f"USING gin (to_tsvector('simple'::regconfig, {PG_FOLD_FUNCTION}(body)))"
        )
    else:
        op.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, content='search_documents', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            f"CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN "
            f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (new.id, new.body); END"
        )
        op.execute(
            f"CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN "
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, body) VALUES ('delete', old.id, old.body); END"
        )
        op.execute(
            f"CREATE TRIGGER search_documents_au AFTER UPDATE OF id, body ON search_documents BEGIN "
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, body) VALUES ('delete', old.id, old.body); "
            f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (new.id, new.body); END"
        )
    from sst_desktop.storage.search_index import index_everything

    index_everything(op.get_bind(), extract_reports=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_search_documents_words")
        op.execute(f"DROP FUNCTION {PG_FOLD_FUNCTION}(text)")
    else:
        for trigger in ("search_documents_ai", "search_documents_ad", "search_documents_au"):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute(f"DROP TABLE {FTS_TABLE}")
    op.drop_table("attachment_pages")
    op.drop_index("ix_search_documents_meeting_id", table_name="search_documents")
    op.drop_index("ix_search_documents_source", table_name="search_documents")
    op.drop_table("search_documents")
