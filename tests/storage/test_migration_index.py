"""The revision ids read from the migration files without Alembic agree with Alembic's own reading."""

from __future__ import annotations

import subprocess
import sys

from sst_desktop.storage.migrations import head_revision, known_revisions, revision_graph, script_directory


def test_light_reading_matches_alembic() -> None:
    scripts = script_directory()
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}
    for script in scripts.walk_revisions():
        expected = script.down_revision
        expected = () if expected is None else (expected,) if isinstance(expected, str) else tuple(expected)
        assert revision_graph()[script.revision] == expected


def test_opening_an_up_to_date_database_does_not_import_alembic(db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.storage.opening import open_path

    open_path(db_path, backup_dir=tmp_path / "b").dispose()  # created and migrated here
    code = (
        "import sys; from pathlib import Path; from sst_desktop.storage.opening import open_path; "
        f"open_path(Path({str(db_path)!r}), backup_dir=Path({str(tmp_path / 'b')!r})).dispose(); "
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
