"""An action's fields as an officer or a spreadsheet gives them: checked and made ready to store.

Kept apart from ``actions`` (which records and edits) so the rules for each field read in one place.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sst_desktop.domain import Action, Organisation, Person
from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.validation import as_text, optional, required

TEXT_LIMIT = 20_000


def check_reference_free(session: Session, reference: str) -> None:
    if session.scalar(select(Action.id).where(func.upper(Action.reference) == reference.upper())):
        raise ValidationError(f"Another action already has the reference “{reference}”.", field="reference")


def check_people(session: Session, person_id: object, organisation_id: object) -> None:
    if person_id is not None and session.get(Person, person_id) is None:
        raise NotFoundError(f"There is no person with id {person_id}.")
    if organisation_id is not None and session.get(Organisation, organisation_id) is None:
        raise NotFoundError(f"There is no organisation with id {organisation_id}.")


def parse_status(value: object) -> ActionStatus:
    """A status from its value ("in_progress") or its label ("In progress"), any case."""
    if isinstance(value, ActionStatus):
        return value
    key = " ".join(str(value or "").replace("_", " ").split()).casefold()
    for status in ActionStatus:
        if key in (status.value.replace("_", " "), status.label.casefold()):
            return status
    labels = ", ".join(s.label for s in ActionStatus)
    raise ValidationError(f"“{value}” is not a status (one of: {labels}).", field="status")


def complete_status(values: dict[str, object]) -> None:
    """Completed/closed carry a date (today unless given, never in the future); the others none."""
    status = values["status"]
    assert isinstance(status, ActionStatus)
    if status.is_done:
        on = values.get("completed_on") or date.today()
        if on > date.today():  # type: ignore[operator]
            raise ValidationError("The date it was done cannot be in the future.", field="completed_on")
        values["completed_on"] = on
    else:
        values["completed_on"] = None


def validated_fields(fields: dict[str, object], *, partial: bool) -> dict[str, object]:
    values: dict[str, object] = {}
    if not partial or "text" in fields:
        values["text"] = required(
            as_text(fields.get("text")), "The action", field="text", max_length=TEXT_LIMIT, multiline=True
        )
    if not partial or "response" in fields:
        values["response"] = optional(
            as_text(fields.get("response")),
            "The response",
            field="response",
            max_length=TEXT_LIMIT,
            multiline=True,
        )
    if not partial or "owner_text" in fields:
        values["owner_text"] = optional(
            as_text(fields.get("owner_text")), "The owner", field="owner_text", max_length=300
        )
    if "kind" in fields:
        try:
            kind = fields["kind"]
            values["kind"] = kind if isinstance(kind, ActionKind) else ActionKind(str(kind))
        except ValueError as error:
            raise ValidationError(f"“{fields['kind']}” is not a kind of action.", field="kind") from error
    if "status" in fields:
        values["status"] = parse_status(fields["status"])
    for key, label in (("due_date", "The due date"), ("completed_on", "The date it was done")):
        if key in fields:
            value = fields[key]
            if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
                raise ValidationError(f"{label} must be a date.", field=key)
            values[key] = value
    if "due_next_meeting" in fields:
        values["due_next_meeting"] = bool(fields["due_next_meeting"])
    for key, label in (
        ("owner_person_id", "The owner"),
        ("organisation_id", "The organisation"),
        ("minute_id", "The minute"),
        ("position", "The position"),
    ):
        if key in fields:
            value = fields[key]
            if value in (None, "") and key != "position":
                values[key] = None
                continue
            try:
                values[key] = int(value)  # type: ignore[call-overload]
            except (TypeError, ValueError) as error:
                raise ValidationError(
                    f"{label} must be given by a whole number (an id).", field=key
                ) from error
    return values
