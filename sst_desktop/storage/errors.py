"""Errors a person must see and act on, kept apart from bugs.

Each carries a message written for the officer, and says what to do next.
"""

from __future__ import annotations


class StorageError(Exception):
    """A database problem the user can do something about."""

    def __init__(self, message: str, *, advice: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.advice = advice

    def __str__(self) -> str:
        return f"{self.message} {self.advice}".strip()


class NotADatabaseError(StorageError):
    pass


class ForeignDatabaseError(StorageError):
    pass


class NewerDatabaseError(StorageError):
    pass


class ReadOnlyLocationError(StorageError):
    pass


class DatabaseBusyError(StorageError):
    pass


class DamagedDatabaseError(StorageError):
    pass


class ReadOnlyDatabaseError(StorageError):
    """A change was asked of a database opened read-only."""


class DiskFullError(StorageError):
    pass


class DiskIOError(StorageError):
    pass


class BackupError(StorageError):
    """A backup could not be taken or a backup file cannot be restored."""
