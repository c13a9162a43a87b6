"""Backups of a server database: ``pg_dump`` archives (custom format), restored with ``pg_restore``.

They live in the user's backup folder like a file's backups, in a folder named after the server and
database (``<host>-<port>-<database>``, never a password), with the same names (``.dump`` instead
of ``.db``), reasons and rotation (``backup.rotate``). Every archive is checked (``pg_restore
--list`` reads its whole table of contents and finds the schema revision) before it takes its
final name, so a broken dump never pushes a good one out of the rotation.

The password, when there is one, reaches the tools through ``PGPASSWORD`` in their environment,
never on a command line another user could read; without one, libpq reads ``.pgpass``.

The tools come from ``$SST_PG_BIN``, else ``PATH``, else the newest PostgreSQL installed in its
usual place (Debian's ``/usr/lib/postgresql/N/bin``, Windows' ``Program Files\\PostgreSQL\\N\\bin``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from sst_desktop.storage.backup import (
    DEFAULT_KEEP,
    BackupInfo,
    _new_name,
    backup_root,
    backups_in,
    parse_name,
    prepare_folder,
    rotate,
)
from sst_desktop.storage.engine import Database
from sst_desktop.storage.errors import BackupError
from sst_desktop.storage.migrations import known_revisions
from sst_desktop.storage.server import scrub, without_password

PG_BIN_ENV = "SST_PG_BIN"
SUFFIX = ".dump"
TOOL_SECONDS = 3600  # a dump of a council's record takes seconds; this only stops a hung tool
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class ServerRestoreResult:
    restored_from: Path
    database: str  # the database's URL (no password)
    kept_copy: Path | None  # the database as it was before the restore


# The tools ------------------------------------------------------------------------------------------
def find_tool(name: str) -> Path | None:
    """``pg_dump`` or ``pg_restore``: from ``$SST_PG_BIN``, ``PATH``, or PostgreSQL's usual folders."""
    exe = f"{name}.exe" if os.name == "nt" else name
    folder = os.environ.get(PG_BIN_ENV, "").strip()
    if folder:
        candidate = Path(folder) / exe
        return candidate if candidate.is_file() else None
    found = shutil.which(name)
    if found:
        return Path(found)
    roots = [
        Path("/usr/lib/postgresql"),
        Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "PostgreSQL",
    ]
    candidates = [
        path for root in roots if root.is_dir() for path in root.glob(f"*/bin/{exe}") if path.is_file()
    ]
    return max(candidates, key=_version_key) if candidates else None


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path.parent.parent.name)) or (0,)


def require_tool(name: str, doing: str) -> Path:
    tool = find_tool(name)
    if tool is None:
        raise BackupError(
            f"SST Desktop {doing} with PostgreSQL's {name}, which is not installed on this computer.",
            advice=f"Install PostgreSQL's client programs ({name}, same version as the server or newer), "
            f"or put their folder in PATH or in {PG_BIN_ENV}; then try again. Nothing has been changed.",
        )
    return tool


def libpq_uri(url: str) -> str:
    """The URL as libpq reads it: no SQLAlchemy driver name, no password."""
    parsed = make_url(without_password(url)[0])
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def _run(tool: Path, args: list[str], database: Database, *, what: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env.pop("PGPASSWORD", None)
    if database.password is not None:
        env["PGPASSWORD"] = database.password
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    try:
        done = subprocess.run(
            [str(tool), *args], env=env, capture_output=True, timeout=TOOL_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BackupError(
            f"{what} could not be run ({error}).", advice="Try again; nothing has been changed."
        ) from error
    if done.returncode != 0:
        message = _first_error(done.stderr, database.password)
        raise BackupError(f"{what} failed: {message}.", advice=_advice(message))
    return done


def _first_error(stderr: bytes, password: str | None) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    wanted = next((line for line in lines if "error" in line.lower()), lines[0] if lines else "no message")
    wanted = re.sub(r"^(pg_dump|pg_restore): (error: )?", "", wanted)
    return scrub(wanted, password).rstrip(".")


def _advice(message: str) -> str:
    lowered = message.lower()
    if "server version" in lowered and "mismatch" in lowered:
        return "Install PostgreSQL client programs of the server's version or newer (ask IT)."
    if "permission denied" in lowered or "must be owner" in lowered:
        return "Your login may not do this on the server: ask IT (the database's owner) to do it."
    if "password" in lowered:
        return "Check your password (or your .pgpass file)."
    return "Check the server can be reached, then try again."


# Where a server's backups go --------------------------------------------------------------------------
def server_backups_folder(url: str, folder: Path | None = None) -> Path:
    """``<backup folder>/<host>-<port>-<database>``: one folder per server database, no password."""
    parsed = make_url(url)
    parts = [parsed.host or "local", str(parsed.port or 5432), parsed.database or "postgres"]
    name = "-".join(_UNSAFE.sub("_", part).strip("._") or "_" for part in parts)
    return backup_root(folder) / name


def _stem(url: str) -> str:
    return _UNSAFE.sub("_", make_url(url).database or "database")


def list_server_backups(url: str, folder: Path | None = None) -> list[BackupInfo]:
    return backups_in(server_backups_folder(url, folder))


# Backing up -------------------------------------------------------------------------------------------
def take_server_backup(
    database: Database, *, reason: str = "manual", folder: Path | None = None, keep: int = DEFAULT_KEEP
) -> Path:
    """A checked ``pg_dump`` archive of ``database`` in its backup folder, older ones rotated."""
    target_folder = prepare_folder(server_backups_folder(database.url, folder))
    target = _new_name(target_folder, _stem(database.url), reason, SUFFIX)
    dump_to(database, target)
    rotate(target_folder, keep)
    return target


def dump_to(database: Database, target: Path) -> None:
    """``pg_dump --format=custom`` into ``target``: written under a temporary name, checked, renamed."""
    tool = require_tool("pg_dump", f"backs up {database.display_name}")
    partial = target.with_name(f".{target.name}.partial")
    try:
        _run(
            tool,
            [
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={partial}",
                f"--dbname={libpq_uri(database.url)}",
            ],
            database,
            what=f"The backup of {database.display_name}",
        )
        archive_revision(partial, database)  # the same check a restore makes: the archive is whole
        with partial.open("rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except OSError as error:
        raise BackupError(
            f"The backup {target} could not be written ({error.strerror or error}).",
            advice="Choose a folder you can write to, or free some space.",
        ) from error
    finally:
        partial.unlink(missing_ok=True)


def archive_contents(path: Path, database: Database) -> list[str]:
    """The lines of the archive's table of contents (``pg_restore --list``); BackupError if unreadable."""
    tool = require_tool("pg_restore", "reads server backups")
    done = _run(tool, ["--list", str(path)], database, what=f"Reading the backup {path.name}")
    return done.stdout.decode("utf-8", "replace").splitlines()


def archive_tables(path: Path, database: Database) -> set[str]:
    """The tables an archive creates (its ``TABLE public <name>`` entries)."""
    tables = set()
    for line in archive_contents(path, database):
        parts = line.split()
        if len(parts) >= 6 and not line.startswith(";") and parts[3:5] == ["TABLE", "public"]:
            tables.add(parts[5])
    return tables


def archive_revision(path: Path, database: Database) -> str:
    """The schema revision an archive holds; BackupError unless it is a whole SST Desktop backup
    this version can restore."""
    if "alembic_version" not in archive_tables(path, database):
        raise BackupError(
            f"{path} cannot be restored: it is not a backup of an SST Desktop database.",
            advice="Choose another backup.",
        )
    tool = require_tool("pg_restore", "reads server backups")
    done = _run(
        tool,
        ["--data-only", "--table=alembic_version", "--file=-", str(path)],
        database,
        what=f"Reading the backup {path.name}",
    )
    rows = _copy_rows(done.stdout.decode("utf-8", "replace"))
    if not rows:
        raise BackupError(
            f"{path} cannot be restored: it holds no schema version.", advice="Choose another backup."
        )
    revision = rows[0]
    if revision not in known_revisions():
        raise BackupError(
            f"{path} was taken by a newer version of SST Desktop (schema {revision}).",
            advice="Install that version to restore it, or choose another backup.",
        )
    return revision


def _copy_rows(sql: str) -> list[str]:
    rows: list[str] = []
    copying = False
    for line in sql.splitlines():
        if line.startswith("COPY ") and "alembic_version" in line:
            copying = True
        elif copying and line == "\\.":
            break
        elif copying:
            rows.append(line.split("\t")[0])
    return rows


def verify_server_backup(path: Path, database: Database) -> BackupInfo:
    """Check ``path`` is a whole archive of an SST Desktop database this version can restore."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist.", advice="Choose a backup file.")
    archive_revision(path, database)
    info = parse_name(path)
    if info is not None:
        return info
    from datetime import datetime

    stat = path.stat()
    return BackupInfo(path, datetime.fromtimestamp(stat.st_mtime), "manual", stat.st_size)


# Restoring --------------------------------------------------------------------------------------------
def restore_server_backup(
    source: Path, database: Database, *, folder: Path | None = None, keep: int = DEFAULT_KEEP
) -> ServerRestoreResult:
    """Replace what ``database`` holds with the archive ``source``.

    The archive is checked first and the database as it is now is kept as a ``before-restore``
    backup; if either fails nothing is changed. ``pg_restore`` then replaces every table in one
    transaction (a failure leaves the database as it was); tables a newer schema added are dropped
    first, so the database holds exactly what the backup held."""
    source = Path(source)
    verify_server_backup(source, database)
    try:
        kept = take_server_backup(database, reason="before-restore", folder=folder, keep=keep)
    except BackupError as error:
        raise BackupError(
            f"A copy of {database.display_name} as it is now could not be kept, so nothing was restored: "
            f"{error.message}",
            advice=error.advice,
        ) from error
    wanted = archive_tables(source, database)
    with database.engine.begin() as connection:
        for table in inspect(connection).get_table_names():
            if table not in wanted:
                connection.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))
    database.engine.dispose()  # no pooled connection holds the tables pg_restore replaces
    tool = require_tool("pg_restore", f"restores {database.display_name}")
    _run(
        tool,
        [
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={libpq_uri(database.url)}",
            str(source),
        ],
        database,
        what=f"Restoring {database.display_name}",
    )
    return ServerRestoreResult(restored_from=source, database=database.display_name, kept_copy=kept)
