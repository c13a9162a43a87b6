"""Run a check as an ordinary user: root ignores file modes, so permission tests mean nothing as root.

When the tests run as root, ``as_unprivileged(fn, ...)`` forks, drops to the ``nobody`` user and runs
``fn`` there. It forks rather than starting a new interpreter because that interpreter may live in a
folder ``nobody`` cannot read (a root-owned ``~/.pyenv``), so modules the check needs must already be
imported: ``warm_up`` runs the same check once as root beforehand. Files for ``nobody`` go in
``shared_folder()``, which it can reach. Not root: ``fn`` simply runs here.
"""

from __future__ import annotations

import os
import pickle
import pwd
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _nobody() -> tuple[int, int]:
    entry = pwd.getpwnam("nobody")
    return entry.pw_uid, entry.pw_gid


def unprivileged_ids() -> tuple[int, int] | None:
    """(uid, gid) the checks run as, or None when they run as the current (non-root) user."""
    if not running_as_root():
        return None
    try:
        return _nobody()
    except KeyError:
        pytest.skip("running as root and there is no 'nobody' user to drop to; permission checks need one")


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A fresh folder the unprivileged user owns and can reach (its parents are world-searchable)."""
    folder = Path(tempfile.mkdtemp(prefix="sst-perm-", dir="/tmp" if os.path.isdir("/tmp") else None))
    ids = unprivileged_ids()
    try:
        if ids is not None:
            os.chmod(folder, 0o755)
            os.chown(folder, *ids)
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            with suppress(OSError):
                os.chmod(path, 0o700 if path.is_dir() else 0o600)
        shutil.rmtree(folder, ignore_errors=True)


def give_to_unprivileged(*paths: Path) -> None:
    ids = unprivileged_ids()
    if ids is not None:
        for path in paths:
            os.chown(path, *ids)


def as_unprivileged(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``function(*args, **kwargs)`` as the unprivileged user; its result or exception comes back."""
    ids = unprivileged_ids()
    if ids is None:
        return function(*args, **kwargs)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_end)
        try:
            os.setgroups([])
            os.setgid(ids[1])
            os.setuid(ids[0])
            try:
                outcome: tuple[str, Any] = ("ok", function(*args, **kwargs))
            except BaseException as error:
                outcome = ("raised", (type(error).__name__, str(error), traceback.format_exc()))
            data = pickle.dumps(outcome)
        except BaseException as error:  # cannot drop privileges, or the result cannot be pickled
            data = pickle.dumps(("broken", f"{type(error).__name__}: {error}"))
        with os.fdopen(write_end, "wb") as stream:
            stream.write(data)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        data = stream.read()
    os.waitpid(pid, 0)
    kind, value = pickle.loads(data) if data else ("broken", "the unprivileged check died")
    if kind == "broken":
        pytest.skip(f"cannot run the check as an unprivileged user: {value}")
    if kind == "raised":
        raise UnprivilegedError(*value)
    return value


class UnprivilegedError(Exception):
    """An exception raised by the unprivileged check: its type name, message and traceback."""

    def __init__(self, type_name: str, message: str, trace: str) -> None:
        super().__init__(f"{type_name}: {message}\n{trace}")
        self.type_name = type_name
        self.message = message
