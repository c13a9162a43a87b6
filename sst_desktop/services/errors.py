"""Errors the services raise for the user to read: bad input and forbidden edits."""

from __future__ import annotations

from datetime import UTC, datetime


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
    """Another officer saved this after the officer's copy was read: the change was not applied.
    ``theirs`` is what is stored now, as text to show (the text itself for a text); ``stored`` the
    stored values of the fields in conflict, by name (what a save that keeps this officer's values
    is then based on); saved by ``who`` at ``when`` (UTC)."""

    def __init__(
        self, message: str, *, theirs: str, who: str, when: object, stored: dict[str, object] | None = None
    ) -> None:
        super().__init__(message)
        self.theirs = theirs
        self.who = who
        self.when = when
        self.stored = dict(stored or {})

    @property
    def at(self) -> str:
        return changed_at_text(self.when)


def changed_at_text(when: object) -> str:
    """When a row was changed, as this computer's clock shows it ("at 10:42"; "just now" unknown)."""
    if not isinstance(when, datetime):
        return "just now"
    moment = when if when.tzinfo else when.replace(tzinfo=UTC)
    return f"at {moment.astimezone():%H:%M}"
