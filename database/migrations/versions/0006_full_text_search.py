"""Full-text search: a document per searchable piece of the record, the text of attached reports, and a
word index over the documents — an FTS5 table kept by triggers on SQLite, a GIN index on PostgreSQL.

Existing records are indexed here, and the text of reports attached before this revision is extracted.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sst_desktop.storage.search_text import BODY_VIEW, FTS_TABLE, PG_FOLD_FUNCTION, fold_table

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_documents",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False, nullable=False
        ),
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
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.execute(f"CREATE VIEW {BODY_VIEW} AS {body_view(postgresql)}")
    if postgresql:
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
        # The words are read from the record through the view, not kept twice (the index would
        # otherwise add most of the database's size again).
        op.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, content='{BODY_VIEW}', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
    from sst_desktop.storage.search_index import index_everything

    index_everything(op.get_bind(), extract_reports=True)


def body_view(postgresql: bool) -> str:
    """Each document's words, from the record: what the FTS5 table indexes and snippets are cut from."""
    # (on SQLite in the order of the index on action_id, "on", id: the same each time the words are read)
    aggregate = (
        "string_agg(u.text, ' ' ORDER BY u.\"on\", u.id)" if postgresql else "group_concat(u.text, ' ')"
    )
    updates_of_a = f"(SELECT {aggregate} FROM action_updates u WHERE u.action_id = a.id)"
    return f"""SELECT d.id AS id, CASE d.kind
 WHEN 'minute' THEN (SELECT m.heading || ' ' || CASE WHEN d."full" THEN m.text ELSE m.public_summary END
   FROM minutes m WHERE m.id = d.source_id)
 WHEN 'resolution' THEN (SELECT r.text FROM resolutions r WHERE r.id = d.source_id)
 WHEN 'action' THEN (SELECT a.reference || ' ' || a.text || ' ' || a.response || ' ' || a.owner_text || ' '
   || COALESCE({updates_of_a}, '') FROM actions a WHERE a.id = d.source_id)
 WHEN 'item' THEN (SELECT i.title || CASE WHEN d."full" THEN ' ' || i.description || ' ' || i.presenters_text
   ELSE '' END FROM agenda_items i WHERE i.id = d.source_id)
 WHEN 'report' THEN (SELECT p.text FROM attachment_pages p WHERE p.attachment_id = d.source_id AND p.page = d.page)
 WHEN 'declaration' THEN (SELECT p.title || ' ' || p.first_name || ' ' || p.last_name || ' ' || x.nature
   FROM declarations x JOIN people p ON p.id = x.person_id WHERE x.id = d.source_id)
 WHEN 'person' THEN (SELECT p.title || ' ' || p.first_name || ' ' || p.last_name || ' ' || p.job_title || ' '
   || p.email || ' ' || COALESCE((SELECT o.name FROM organisations o WHERE o.id = p.organisation_id), '')
   FROM people p WHERE p.id = d.source_id)
 WHEN 'organisation' THEN (SELECT o.name || ' ' || o.short_name FROM organisations o WHERE o.id = d.source_id)
 END AS body FROM search_documents d"""


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_search_documents_words")
        op.execute(f"DROP FUNCTION {PG_FOLD_FUNCTION}(text)")
    else:
        op.execute(f"DROP TABLE {FTS_TABLE}")
    op.execute(f"DROP VIEW {BODY_VIEW}")
    op.drop_table("attachment_pages")
    op.drop_index("ix_search_documents_meeting_id", table_name="search_documents")
    op.drop_index("ix_search_documents_source", table_name="search_documents")
    op.drop_table("search_documents")
