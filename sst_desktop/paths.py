"""Where the application finds its shipped files and keeps its user data.

``database/`` and ``resources/`` sit at the top of the source tree; an installed wheel carries them
inside the package (``sst_desktop/_data``) and a PyInstaller bundle under ``sys._MEIPASS``.
This module is the one place that knows all three layouts.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "SST Desktop"
APP_AUTHOR = "SST Desktop"
DEFAULT_DATABASE_NAME = "sst-desktop.db"


@cache
def _shipped_root(name: str) -> Path:
    package_dir = Path(__file__).resolve().parent
    candidates = [
        package_dir / "_data" / name,  # installed wheel
        package_dir.parent / name,  # source checkout (editable install, tests)
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"SST Desktop is incomplete: its {name}/ folder is missing")


def database_dir() -> Path:
    """Folder holding the Alembic migrations and demo material."""
    return _shipped_root("database")


def migrations_dir() -> Path:
    return database_dir() / "migrations"


def resources_dir() -> Path:
    """Folder holding icons, styles and fonts."""
    return _shipped_root("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_database_path() -> Path:
    return user_data_dir() / DEFAULT_DATABASE_NAME


def default_backup_dir() -> Path:
    return user_data_dir() / "backups"
