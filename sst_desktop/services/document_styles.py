"""Reading and changing a committee's document style, and the sentences rewritten for one meeting.

Every change returns an ``Outcome`` whose undo puts the style (or sentence) back as it was, so the
Documents tab's edits, a copy from another committee and an imported file are each one undo step.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from sst_desktop.domain import Committee, Meeting
from sst_desktop.domain.styles import DocumentStyleRow, MeetingSentence
from sst_desktop.services.document_style import (
    DEFAULT_STYLE,
    DocumentStyle,
    style_from_text,
    style_to_text,
    validated,
)
from sst_desktop.services.errors import ConfirmedMinutesError, NotFoundError, ValidationError
from sst_desktop.services.outcome import Changed, Outcome
from sst_desktop.storage.engine import Database

SENTENCE_KINDS = ("apologies", "declarations")


def committee_style(db: Database, committee_id: int) -> DocumentStyle:
    """The committee's style; the default style when it has none (or its stored text is unusable)."""
    with db.read() as session:
        if session.get(Committee, committee_id) is None:
            raise NotFoundError(f"No committee with id {committee_id}.")
        return _stored(session.get(DocumentStyleRow, committee_id))


def _stored(row: DocumentStyleRow | None) -> DocumentStyle:
    if row is None or not row.settings:
        return DEFAULT_STYLE
    try:
        return style_from_text(row.settings)
    except ValidationError:  # written by a later version with settings this one does not know
        return DEFAULT_STYLE


def meeting_style(db: Database, meeting_id: int) -> DocumentStyle:
    """The style of the committee a meeting belongs to."""
    with db.read() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(f"No meeting with id {meeting_id}.")
        committee_id = meeting.committee_id
    return committee_style(db, committee_id)


def set_committee_style(db: Database, committee_id: int, style: DocumentStyle) -> Outcome[DocumentStyle]:
    """Store the committee's style (the default style is stored as no style at all)."""
    validated(style)
    with db.write() as session:
        committee = session.get(Committee, committee_id)
        if committee is None:
            raise NotFoundError(f"No committee with id {committee_id}.")
        row = session.get(DocumentStyleRow, committee_id)
        before = _stored(row)
        if style == DEFAULT_STYLE:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(DocumentStyleRow(committee_id=committee_id, settings=style_to_text(style)))
        else:
            row.settings = style_to_text(style)
    if before == style:
        return Outcome(style, Changed.NOTHING)
    return Outcome(style, Changed.STYLE, lambda db: set_committee_style(db, committee_id, before))


def copy_committee_style(db: Database, committee_id: int, from_committee_id: int) -> Outcome[DocumentStyle]:
    """Give a committee the style of another."""
    return set_committee_style(db, committee_id, committee_style(db, from_committee_id))


def committee_style_text(db: Database, committee_id: int) -> str:
    """The committee's style as the TOML text of a style file (``exports.style_file`` writes it)."""
    with db.read() as session:
        committee = session.get(Committee, committee_id)
        if committee is None:
            raise NotFoundError(f"No committee with id {committee_id}.")
        return style_to_text(_stored(session.get(DocumentStyleRow, committee_id)), committee.name)


def import_committee_style(db: Database, committee_id: int, source: Path) -> Outcome[DocumentStyle]:
    """Read a style file into a committee's style; ValidationError (one line) for a file it cannot use."""
    try:
        text = source.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValidationError(f"{source.name} is not a style file (not UTF-8 text).") from None
    except OSError as error:
        raise ValidationError(f"{source} cannot be read: {error.strerror or error}.") from None
    return set_committee_style(db, committee_id, style_from_text(text))


# ---------------------------------------------------------------------------------------------- one meeting


def meeting_sentences(db: Database, meeting_id: int) -> dict[str, str]:
    """The sentences the officer rewrote for this meeting, by kind ("apologies", "declarations")."""
    with db.read() as session:
        rows = session.scalars(select(MeetingSentence).where(MeetingSentence.meeting_id == meeting_id))
        return {row.kind: row.text for row in rows}


def set_meeting_sentence(db: Database, meeting_id: int, kind: str, text: str) -> Outcome[str]:
    """Print ``text`` instead of the generated sentence of this kind in this meeting's minutes; empty
    text goes back to the generated sentence."""
    if kind not in SENTENCE_KINDS:
        raise ValidationError(f"No sentence called “{kind}”; one of: {', '.join(SENTENCE_KINDS)}.")
    text = text.strip()
    with db.write() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(f"No meeting with id {meeting_id}.")
        if meeting.minutes_confirmed_at is not None:
            raise ConfirmedMinutesError("These minutes are confirmed: their wording no longer changes.")
        row = session.get(MeetingSentence, (meeting_id, kind))
        before = row.text if row is not None else ""
        if not text:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(MeetingSentence(meeting_id=meeting_id, kind=kind, text=text))
        else:
            row.text = text
    if before == text:
        return Outcome(text, Changed.NOTHING)
    return Outcome(text, Changed.MINUTES, lambda db: set_meeting_sentence(db, meeting_id, kind, before))
