"""Errors as dialogs: what the user can act on is explained; a bug still gets a calm message."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from sst_desktop.domain.plain_text import cleaned_form_of
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


def refusal(error: BaseException) -> tuple[str, str | None]:
    """What a refused field shows: the reason, and the text to put in place of what was typed (the
    typed text made acceptable, e.g. a pasted control character replaced by a space), if any."""
    return user_message(error)[1], getattr(error, "suggestion", None)


def report_error(parent: QWidget | None, error: BaseException) -> None:
    if not isinstance(error, ServiceError | StorageError | OSError):
        log.error("unexpected error\n%s", "".join(traceback.format_exception(error)))
    offer_suggestion(parent, error)
    title, text = user_message(error)
    QMessageBox.warning(parent, title, text)


def offer_suggestion(parent: QWidget | None, error: BaseException) -> None:
    """Put a refused input's acceptable form (``ValidationError.suggestion``) into the box under
    ``parent`` that holds the text as typed, so the officer sees it and saves again (a dialog's box,
    or the minutes typed live). Saving fields do this themselves, when refused (``refusal``)."""
    suggestion = getattr(error, "suggestion", None)
    if parent is None or suggestion is None:
        return
    for line in parent.findChildren(QLineEdit):
        if not hasattr(line, "set_saved_text") and cleaned_form_of(line.text(), suggestion):
            line.setText(suggestion)
    for box in parent.findChildren(QPlainTextEdit):
        if not hasattr(box, "set_saved_text") and cleaned_form_of(box.toPlainText(), suggestion):
            box.setPlainText(suggestion)
