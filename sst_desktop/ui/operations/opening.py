"""Opening a database file or a team's server database from the window: on the database worker, the
window repainting meanwhile (an integrity check, a migration or a distant server can take a while)."""

from __future__ import annotations

from pathlib import Path

from sst_desktop.domain.base import configure_models
from sst_desktop.storage import locate, opening
from sst_desktop.storage.engine import Database
from sst_desktop.ui.operations.worker import database_worker


def database_url(target: str | Path | None) -> str:
    """The URL of ``target`` (a path or URL; None for the default file, whose folder is made)."""
    return locate.resolve_url(target)


def open_file(url: str, *, backup_on_open: bool, read_only: bool, password: str | None = None) -> Database:
    """Open (and bring up to date) the database at ``url`` (a server's with ``password``, if one was
    asked for); raises ``StorageError`` when refused."""
    return database_worker().wait_for(
        lambda: opening.open_database(
            url, backup_on_open=backup_on_open, read_only=read_only, password=password
        )
    )


def prepare_models() -> None:
    """Once the first screen shows: the models' relationships resolved on the database worker, so
    the officer's first step to another screen does not wait for it (a failure there is a fault in
    the program that the first query meeting it reports)."""
    database_worker().submit(configure_models, lambda _: None, lambda _: None, quiet=True)
