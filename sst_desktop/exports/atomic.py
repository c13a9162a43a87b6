"""Write a file completely or not at all: a temporary file beside the target, then a rename.

An export to a folder that cannot be written, a full disk, or a target open in another program
raises ``ExportError`` with a message for the user; nothing half-written is left under the final name.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sst_desktop.services.errors import ServiceError


class ExportError(ServiceError):
    pass


def _message(error: OSError, target: Path) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"SST Desktop cannot write to {target}: permission denied. Choose another folder."
    if error.errno == errno.ENOSPC:
        return f"The disk is full; {target.name} was not written. Free some space and try again."
    if error.errno == errno.ENOENT:
        return f"The folder {target.parent} does not exist."
    if error.errno in (errno.EBUSY, errno.ETXTBSY):
        return f"{target.name} is open in another program. Close it there and try again."
    return f"{target.name} could not be written: {error.strerror or error}."


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` in one step."""
    target = Path(target)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=target.suffix + ".part", dir=target.parent
        )
    except OSError as error:
        raise ExportError(_message(error, target)) from error
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ExportError(_message(error, target)) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
