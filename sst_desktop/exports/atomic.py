"""Write a file completely or not at all: a temporary file beside the target, then a rename.

An export to a folder that cannot be written, a full disk, or a target open in another program
raises ``ExportError`` with a message for the user; nothing half-written is left under the final name,
and a file already there stays as it was.

The temporary file is created with the permissions an ordinary new file gets (not private, as
``tempfile.mkstemp`` would make it), and replacing a file keeps that file's permissions, so an agenda
written into a shared folder can be opened by colleagues as before.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sst_desktop.services.errors import ServiceError


class ExportError(ServiceError):
    pass


def _message(error: OSError, target: Path, *, replacing: bool = False) -> str:
    if error.errno == errno.ENOSPC or getattr(error, "winerror", None) == 112:
        return f"The disk is full; {target.name} was not written. Free some space and try again."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY) and replacing:
        return (
            f"{target.name} could not be replaced: it is open in another program, or it is read-only. "
            "Close it there (or choose another name) and try again."
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"SST Desktop cannot write to {target}: permission denied. Choose another folder."
    if error.errno == errno.ENOENT:
        return f"The folder {target.parent} does not exist. Choose another folder."
    if error.errno in (errno.EBUSY, errno.ETXTBSY):
        return f"{target.name} is open in another program. Close it there and try again."
    if error.errno == errno.EISDIR:
        return f"{target} is a folder. Choose a file name."
    return f"{target.name} could not be written: {error.strerror or error}."


def _create_temporary(target: Path) -> Path:
    """A new empty file beside ``target`` with the permissions a new file normally gets."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temporary = target.with_name(f".{target.stem}-{secrets.token_hex(4)}{target.suffix}.part")
        try:
            os.close(os.open(temporary, flags, 0o666))  # the umask applies, as for any new file
        except FileExistsError:
            continue
        return temporary
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; where a folder cannot be opened, nothing to do)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` in one step."""
    target = Path(target)
    if target.is_dir():
        raise ExportError(_message(OSError(errno.EISDIR, "Is a directory"), target))
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(_message(OSError(errno.EACCES, "read-only"), target, replacing=True))
    try:
        temporary = _create_temporary(target)
    except OSError as error:
        raise ExportError(_message(error, target)) from error
    replacing = False
    try:
        yield temporary
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            if target.exists():
                os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        replacing = target.exists()
        os.replace(temporary, target)
        _sync_folder(target.parent)
    except OSError as error:
        _discard(temporary)
        raise ExportError(_message(error, target, replacing=replacing)) from error
    except BaseException:
        _discard(temporary)
        raise


def _discard(temporary: Path) -> None:
    """Remove the half-written file. A library that failed part-way may still hold it open (Windows
    then refuses to delete it), so collect such orphans and try once more; never mask the error."""
    try:
        temporary.unlink(missing_ok=True)
    except OSError:
        gc.collect()
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
