"""Write failures: a folder that cannot be written, a full disk, a file open in another program.

Every export (agenda, agenda pack, minutes PDF and Word, action log and attendance workbooks,
calendar) must fail with a clear ``ExportError`` and leave nothing half-written under the final name:
a file already there keeps its old content, and no temporary file is left behind.
"""

from __future__ import annotations

import ast
import errno
import gc
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from sst_desktop.exports import (
    actions_xlsx,
    agenda_pack,
    agenda_pdf,
    atomic,
    attendance_xlsx,
    calendar_ics,
    minutes_docx,
    minutes_pdf,
)
from sst_desktop.exports.atomic import ExportError
from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_path
from tests.minutes_data import SeedMeeting, build_seed_meeting
from tests.unprivileged import as_unprivileged, give_to_unprivileged, running_as_root, shared_folder

ROOT = Path(__file__).resolve().parent.parent
OLD = b"the version written last week"


@dataclass(frozen=True)
class Export:
    name: str
    suffix: str
    write: Callable[[Database, SeedMeeting, Path], object]


EXPORTS = [
    Export("agenda", ".pdf", lambda db, s, t: agenda_pdf.export_agenda(db, s.next_id, t)),
    Export("agenda pack", ".pdf", lambda db, s, t: agenda_pack.export_agenda_pack(db, s.next_id, t)),
    Export("minutes PDF", ".pdf", lambda db, s, t: minutes_pdf.write_minutes_pdf(db, s.meeting_id, t)),
    Export("minutes Word", ".docx", lambda db, s, t: minutes_docx.write_minutes_docx(db, s.meeting_id, t)),
    Export("action log", ".xlsx", lambda db, s, t: actions_xlsx.export_actions_xlsx(db, t)),
    Export(
        "attendance", ".xlsx", lambda db, s, t: attendance_xlsx.export_attendance_xlsx(db, s.committee_id, t)
    ),
    Export("calendar", ".ics", lambda db, s, t: calendar_ics.export_calendar(db, s.committee_id, t)),
]
IDS = [e.name for e in EXPORTS]


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, SeedMeeting]]:
    folder = tmp_path_factory.mktemp("seed")
    path = folder / "seed.db"
    db = open_path(path, backup_dir=folder / "backups")
    seed = build_seed_meeting(db)
    db.dispose()
    yield path, seed


@pytest.fixture
def board(seed_file: tuple[Path, SeedMeeting], tmp_path: Path) -> Iterator[tuple[Database, SeedMeeting]]:
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "board.db"  # exports go beside it, in tmp_path
    shutil.copyfile(seed_file[0], path)
    db = open_path(path, backup_dir=tmp_path / "data" / "backups")
    yield db, seed_file[1]
    db.dispose()


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_every_export_module_writes_through_atomic_path() -> None:
    """A module that writes a document must do so through atomic_path (read from its source)."""
    folder = ROOT / "sst_desktop" / "exports"
    writers = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        public = [
            n.name
            for n in tree.body
            if isinstance(n, ast.FunctionDef) and n.name.startswith(("export_", "write_"))
        ]
        if public and path.name != "atomic.py":
            writers.append(path.name)
            assert "atomic_path(" in path.read_text(encoding="utf-8"), (
                f"{path.name} writes without atomic_path"
            )
    assert {"agenda_pdf.py", "agenda_pack.py", "minutes_pdf.py", "minutes_docx.py"} <= set(writers)
    assert {"actions_xlsx.py", "attendance_xlsx.py", "calendar_ics.py"} <= set(writers)


@pytest.mark.parametrize("export", EXPORTS, ids=IDS)
def test_works_normally_and_the_file_is_readable_by_others(board, tmp_path: Path, export: Export) -> None:  # type: ignore[no-untyped-def]
    db, seed = board
    target = tmp_path / f"out{export.suffix}"
    target.write_bytes(OLD)
    target.chmod(0o644)
    export.write(db, seed, target)
    assert target.read_bytes() != OLD and target.stat().st_size > 0
    assert target.stat().st_mode & 0o777 == 0o644  # not made private by the temporary file
    fresh = tmp_path / f"fresh{export.suffix}"
    export.write(db, seed, fresh)
    assert fresh.stat().st_mode & 0o044 == 0o044 or os.name != "posix"
    assert leftovers(tmp_path, {"data", target.name, fresh.name}) == []


@pytest.mark.parametrize("export", EXPORTS, ids=IDS)
def test_disk_full_while_saving(
    board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export: Export
) -> None:  # type: ignore[no-untyped-def]
    db, seed = board
    target = tmp_path / f"out{export.suffix}"
    target.write_bytes(OLD)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(ExportError) as raised:
        export.write(db, seed, target)
    assert (
        str(raised.value)
        == f"The disk is full; {target.name} was not written. Free some space and try again."
    )
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, {"data", target.name}) == []


@pytest.mark.parametrize("export", EXPORTS, ids=IDS)
def test_file_open_in_another_program(
    board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export: Export
) -> None:  # type: ignore[no-untyped-def]
    """As on Windows when the old file is open in Excel or a PDF reader: the rename is refused."""
    db, seed = board
    target = tmp_path / f"out{export.suffix}"
    target.write_bytes(OLD)

    def refused(_source: object, _destination: object) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file because it is being used")

    monkeypatch.setattr(atomic.os, "replace", refused)
    with pytest.raises(ExportError) as raised:
        export.write(db, seed, target)
    assert "is open in another program" in str(raised.value) and "Close it there" in str(raised.value)
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, {"data", target.name}) == []


def test_a_folder_as_target_is_refused(board, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, seed = board
    with pytest.raises(ExportError, match="is a folder"):
        EXPORTS[0].write(db, seed, tmp_path)


def test_a_missing_folder_is_refused(board, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, seed = board
    with pytest.raises(ExportError, match="does not exist"):
        EXPORTS[0].write(db, seed, tmp_path / "no" / "agenda.pdf")


# A real full disk: a tiny RAM disk, when this machine lets the tests mount one (root on Linux). ------
@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "tiny"
    mount.mkdir()
    if not running_as_root() or shutil.which("mount") is None:
        pytest.skip("mounting a small RAM disk needs root; the simulated full disk is tested above")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(
            f"cannot mount a RAM disk here ({done.stderr.strip()}); the simulated full disk is tested"
        )
    try:
        yield mount
    finally:
        if subprocess.run(["umount", str(mount)], check=False, capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(mount)], check=False, capture_output=True)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # zip writers left open
@pytest.mark.parametrize("export", EXPORTS, ids=IDS)
def test_really_full_disk(board, tiny_disk: Path, export: Export) -> None:  # type: ignore[no-untyped-def]
    db, seed = board
    target = tiny_disk / f"out{export.suffix}"
    target.write_bytes(OLD)
    filler = tiny_disk / "filler"
    with filler.open("wb", buffering=0) as stream:  # fill the disk to the last byte
        written = 0
        try:
            while True:
                written += stream.write(b"\0" * 512)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    assert written > 0
    with pytest.raises(ExportError) as raised:
        export.write(db, seed, target)
    assert "The disk is full" in str(raised.value)
    assert target.read_bytes() == OLD
    assert leftovers(tiny_disk, {target.name, "filler"}) == []
    gc.collect()  # a failed library writer may still hold the deleted file; let it go here


# Permissions, as an ordinary user --------------------------------------------------------------------
def _export_as_user(name: str, database: str, target: str, seed: SeedMeeting) -> str:
    export = next(e for e in EXPORTS if e.name == name)
    db = open_path(Path(database), backup_dir=Path(database).parent / "backups")
    try:
        export.write(db, seed, Path(target))
    except ExportError as error:
        return str(error)
    finally:
        db.dispose()
    return "written"


@pytest.fixture
def user_board(
    seed_file: tuple[Path, SeedMeeting], board, tmp_path: Path
) -> Iterator[tuple[Path, Path, SeedMeeting]]:  # type: ignore[no-untyped-def]
    db, seed = board
    for export in EXPORTS:  # import everything the exports need while we may still read it all
        export.write(db, seed, tmp_path / f"warm{export.suffix}")
    with shared_folder() as folder:
        database = folder / "board.db"
        shutil.copyfile(seed_file[0], database)
        locked = folder / "locked"
        locked.mkdir()
        give_to_unprivileged(database, locked)
        yield database, locked, seed


@pytest.mark.parametrize("export", EXPORTS, ids=IDS)
def test_folder_that_cannot_be_written(user_board, export: Export) -> None:  # type: ignore[no-untyped-def]
    database, locked, seed = user_board
    locked.chmod(0o555)
    message = as_unprivileged(
        _export_as_user, export.name, str(database), str(locked / f"out{export.suffix}"), seed
    )
    assert (
        message
        == f"SST Desktop cannot write to {locked / ('out' + export.suffix)}: permission denied. Choose another folder."
    )
    assert list(locked.iterdir()) == []


def test_read_only_file_is_not_replaced(user_board) -> None:  # type: ignore[no-untyped-def]
    database, locked, seed = user_board
    target = locked / "agenda.pdf"
    target.write_bytes(OLD)
    give_to_unprivileged(target)
    target.chmod(0o444)
    message = as_unprivileged(_export_as_user, "agenda", str(database), str(target), seed)
    assert "could not be replaced" in message and "read-only" in message
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in locked.iterdir()) == ["agenda.pdf"]


def _cli_as_user(argv: list[str]) -> tuple[int, str]:
    import contextlib
    import io

    from sst_desktop.cli.main import main

    stream = io.StringIO()
    with contextlib.redirect_stderr(stream), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    return code, stream.getvalue()


def test_cli_export_to_a_folder_that_cannot_be_written(user_board, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database, locked, _seed = user_board
    _cli_as_user(
        [
            "export",
            "agenda",
            "--meeting",
            "SST@2022-09-08",
            "--out",
            str(tmp_path / "a.pdf"),
            "--database",
            str(database),
        ]
    )
    locked.chmod(0o555)
    code, err = as_unprivileged(
        _cli_as_user,
        [
            "export",
            "agenda",
            "--meeting",
            "SST@2022-09-08",
            "--out",
            str(locked / "a.pdf"),
            "--database",
            str(database),
        ],
    )
    assert code == 1
    assert (
        err
        == f"sst-desktop: error: SST Desktop cannot write to {locked / 'a.pdf'}: permission denied. Choose another folder.\n"
    )
    assert list(locked.iterdir()) == []


def test_gui_export_shows_the_message_and_keeps_the_old_file(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, board, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from sst_desktop.services import meetings
    from sst_desktop.ui.context import AppContext
    from sst_desktop.ui.minutes.export import export_minutes

    db, seed = board
    target = tmp_path / "minutes.pdf"
    target.write_bytes(OLD)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append((title, text)))
    )

    def refused(_source: object, _destination: object) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file because it is being used")

    monkeypatch.setattr(atomic.os, "replace", refused)
    task = export_minutes(None, AppContext(db), meetings.get_meeting(db, seed.meeting_id))
    assert task is not None
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    title, text = shown[0]
    assert title == "That cannot be done"
    assert text == (
        "minutes.pdf could not be replaced: it is open in another program, or it is read-only. "
        "Close it there (or choose another name) and try again."
    )
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, {"data", target.name}) == []
