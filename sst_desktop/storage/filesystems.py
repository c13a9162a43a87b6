"""What kind of disk a database lives on: SQLite's WAL journal does not work on network shares.

WAL keeps its index in shared memory beside the file, which clients on different computers cannot
share, so a database on NFS, SMB/CIFS, SSHFS and the like uses the rollback journal instead.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smbfs",
        "smb3",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gvfsd-fuse",
        "fuse.smbnetfs",
    }
)
PROC_MOUNTS = Path("/proc/mounts")


@dataclass(frozen=True)
class Location:
    """The file system holding a path: its type ("ext4", "cifs"…) and whether it is a network share."""

    fstype: str
    network: bool


def _unescape(field: str) -> str:
    """/proc/mounts writes spaces, tabs, newlines and backslashes as octal escapes (``\\040``)."""
    out: list[str] = []
    i = 0
    while i < len(field):
        if field[i] == "\\" and i + 3 < len(field) and field[i + 1 : i + 4].isdigit():
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, file-system type) for each line of a /proc/mounts text."""
    mounts: list[tuple[str, str]] = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((_unescape(fields[1]), fields[2]))
    return mounts


def fstype_from_mounts(path: Path, mounts: list[tuple[str, str]]) -> str | None:
    """The type of the mount holding ``path``: the longest mount point that contains it (last one wins)."""
    target = str(path)
    best: tuple[int, str] | None = None
    for point, fstype in mounts:
        inside = target == point or target.startswith(point.rstrip("/") + "/") or point == "/"
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), fstype)
    return best[1] if best else None


def _linux_fstype(path: Path) -> str | None:
    try:
        text = PROC_MOUNTS.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return fstype_from_mounts(path, parse_mounts(text))


def _windows_location(path: Path) -> Location | None:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return Location("unc", True)
    try:
        import ctypes

        drive = os.path.splitdrive(text)[0]
        if not drive:
            return None
        kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    except (OSError, AttributeError, ValueError):
        return None
    drive_remote = 4
    return Location("remote" if kind == drive_remote else "local", kind == drive_remote)


def _existing(path: Path) -> Path:
    """The path, or its nearest existing parent (a new database's folder), fully resolved."""
    path = Path(os.path.abspath(path))
    while not path.exists() and path.parent != path:
        path = path.parent
    try:
        return path.resolve()
    except OSError:
        return path


def locate(path: Path) -> Location | None:
    """Where ``path`` (or the folder a new file will go in) lives; None when this system cannot tell."""
    if sys.platform == "win32":
        return _windows_location(Path(os.path.abspath(path)))
    fstype = _linux_fstype(_existing(path)) if PROC_MOUNTS.exists() else None
    if fstype is None:
        return None
    return Location(fstype, fstype in NETWORK_FILESYSTEMS or fstype.startswith(("nfs", "smb")))


def is_network_location(path: Path) -> Location | None:
    """The location when it is a network share, else None."""
    location = locate(path)
    return location if location is not None and location.network else None
