"""A committee's document style written to a small TOML file, whole or not at all, to share."""

from __future__ import annotations

from pathlib import Path

from sst_desktop.exports.atomic import atomic_path
from sst_desktop.services.document_styles import committee_style_text
from sst_desktop.storage.engine import Database


def write_style_file(db: Database, committee_id: int, target: Path | str) -> Path:
    text = committee_style_text(db, committee_id)
    target = Path(target)
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return target
