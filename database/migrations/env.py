"""Alembic environment for SST Desktop: always runs over the connection the application hands it."""

from __future__ import annotations

from alembic import context

import sst_desktop.domain  # noqa: F401  (registers every table)
from sst_desktop.domain.base import Base
from sst_desktop.storage.search_text import models_only

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("SST Desktop migrations run from the application (sst_desktop.storage.migrations)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER much; batch mode rebuilds tables instead
    compare_type=True,
    include_name=models_only,  # the search word index is SQLite's FTS5 table, not a model
)
with context.begin_transaction():
    context.run_migrations()
