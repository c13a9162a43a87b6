"""Errors the services raise for the user to read: bad input and forbidden edits."""

from __future__ import annotations


class ServiceError(Exception):
    """Something the user asked for cannot be done; the message says why."""


class ValidationError(ServiceError):
    """Input that breaks a rule. ``field`` names the input at fault when there is one;
    ``suggestion`` is the input made acceptable, to show in its place (e.g. a pasted control
    character replaced by a space), when there is one."""

    def __init__(self, message: str, *, field: str = "", suggestion: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.suggestion = suggestion


class NotFoundError(ServiceError):
    pass


class ConfirmedMinutesError(ServiceError):
    """Confirmed minutes are a legal record and no longer change."""


class EditConflictError(ServiceError):
    """Another officer saved this text after the officer's copy was read: the save was not applied.
    ``theirs`` is the text as it is now, saved by ``who`` at ``when`` (UTC)."""

    def __init__(self, message: str, *, theirs: str, who: str, when: object) -> None:
        super().__init__(message)
        self.theirs = theirs
        self.who = who
        self.when = when
