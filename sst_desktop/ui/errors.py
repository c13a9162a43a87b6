"""Errors as dialogs: what the user can act on is explained; a bug still gets a calm message."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from sst_desktop.services.errors import ConfirmedMinutesError, ServiceError, ValidationError
from sst_desktop.storage.errors import StorageError

log = logging.getLogger(__name__)


def user_message(error: BaseException) -> tuple[str, str]:
    """(title, text) for an error a person should read."""
    if isinstance(error, ValidationError):
        return "Please check the details", str(error)
    if isinstance(error, ConfirmedMinutesError):
        return "These minutes are confirmed", str(error)
    if isinstance(error, ServiceError):
        return "That cannot be done", str(error)
    if isinstance(error, StorageError):
        return "Database problem", f"{error.message}\n\n{error.advice}".strip()
    if isinstance(error, OSError):
        where = f"\n\n{error.filename}" if error.filename else ""
        return "File problem", f"{error.strerror or error}{where}"
    return (
        "Something went wrong",
        f"SST Desktop met an unexpected problem and did not finish that step.\n\n{type(error).__name__}: {error}"
        "\n\nYour earlier work is saved.",
    )


def report_error(parent: QWidget | None, error: BaseException) -> None:
    if not isinstance(error, ServiceError | StorageError | OSError):
        log.error("unexpected error\n%s", "".join(traceback.format_exception(error)))
    title, text = user_message(error)
    QMessageBox.warning(parent, title, text)
