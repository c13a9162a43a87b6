"""What the officer's guesses are made from: the committee's own record, read on the database
worker.

``vocabulary`` reads the texts a committee's minutes are made of — earlier minutes, resolutions and
actions, its people and organisations, the meeting's agenda and report titles, then the council's
wider record — and the openings an item suggests ("Steve Martlew gave an update on …");
``predictor`` makes the guesser (``domain.prediction``) from them, off the GUI thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from sst_desktop.domain import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attachment,
    AttachmentPage,
    Meeting,
    Minute,
    Organisation,
    Person,
    Resolution,
)
from sst_desktop.domain.enums import ItemKind
from sst_desktop.domain.prediction import Predictor, Vocabulary
from sst_desktop.services.recommendations import report_drafts
from sst_desktop.services.snippets import snippets
from sst_desktop.services.word_list import english_words
from sst_desktop.services.word_pairs import english_pairs
from sst_desktop.storage.engine import Database

WIDER_RECORD = 400_000  # characters of the council's wider record read (each key searches them all)
WIDER_ROWS = 20_000  # rows of one kind read for it, at most
_SPLIT_PRESENTERS = re.compile(r"\s*(?:,|/|\band\b|&)\s*")


def openings(title: str, kind: ItemKind, presenters: Sequence[str]) -> list[str]:
    """How a minute usually opens, from the item: who presented what, by the kind of item."""
    topic = title.strip()
    found: list[str] = []
    for name in presenters:
        if kind in (ItemKind.VERBAL_UPDATE, ItemKind.PRESENTATION):
            found += [f"{name} gave an update on {topic}.", f"{name} gave a verbal update on {topic}."]
        elif kind == ItemKind.BRIEFING:
            found.append(f"{name} presented a briefing paper on {topic}.")
        else:
            found.append(f"{name} presented the report on {topic}.")
        found.append(f"{name} reported on {topic}.")
    found.append(f"Members considered a report on {topic}.")
    return found


def minute_name(title: str, first: str, last: str) -> str:
    """A person as minutes name them: title and surname where there is a title ("Superintendent
    Robson", "Councillor Hardy"), else first name and surname."""
    return " ".join(p for p in ((title, last) if title and last else (first, last)) if p)


def presenter_names(text: str, linked: Iterable[tuple[str, str, str]]) -> list[str]:
    """The item's presenters as minutes name them: those typed in its presenters box (a linked
    person's full name there named as minutes name them), then the linked people."""
    people = list(linked)
    as_minuted = {" ".join(p for p in person if p): minute_name(*person) for person in people}
    names = [part.strip() for part in _SPLIT_PRESENTERS.split(text) if part.strip()] if text.strip() else []
    return list(dict.fromkeys([*(as_minuted.get(name, name) for name in names), *as_minuted.values()]))


def vocabulary(db: Database, meeting_id: int) -> Vocabulary:
    """The committee's record as it stands: its minutes (every meeting, this one as saved so far),
    resolutions, actions, people, organisations, this meeting's agenda, report titles and openings;
    then the council's wider record (``_wider_record``)."""
    with db.read() as session:
        committee_id = session.scalar(select(Meeting.committee_id).where(Meeting.id == meeting_id))
        meetings = select(Meeting.id).where(Meeting.committee_id == committee_id)
        texts: list[str] = []
        texts += session.scalars(
            select(Minute.text).where(Minute.meeting_id.in_(meetings), Minute.text != "")
        )
        texts += session.scalars(select(Resolution.text).join(Minute).where(Minute.meeting_id.in_(meetings)))
        texts += session.scalars(select(Action.text).where(Action.committee_id == committee_id))
        texts += _wider_record(session, committee_id, meeting_id)
        for title, first, last, job in session.execute(
            select(Person.title, Person.first_name, Person.last_name, Person.job_title)
        ):
            texts += [" ".join(p for p in (title, first, last) if p), f"{first} {last}".strip()]
            if title:
                texts.append(minute_name(title, first, last))
            if job:
                texts.append(job)
        texts += session.scalars(select(Organisation.name))
        items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()
        opening: dict[int, tuple[str, ...]] = {}
        recommended: dict[int, tuple[str, ...]] = {}
        for item in items:
            texts += [item.title, item.description]
            names = presenter_names(
                item.presenters_text,
                ((person.title, person.first_name, person.last_name) for person in item.presenters),
            )
            opening[item.id] = tuple(openings(item.title, item.kind, names))
            texts += opening[item.id]
            reports = [_report_text(session, attachment.id) for attachment in item.attachments]
            texts += [attachment.title for attachment in item.attachments] + reports
            recommended[item.id] = report_drafts(reports)
    return Vocabulary(
        tuple(t for t in texts if t and t.strip()),
        opening,
        recommended,
        snippets(db, committee_id) if committee_id is not None else (),
        english_words(),
        english_pairs(),
    )


def predictor(db: Database, meeting_id: int) -> Predictor:
    """Guesses for a meeting's boxes, made ready on the database worker (the record read and indexed)."""
    return Predictor(vocabulary(db, meeting_id))


def _wider_record(session: Session, committee_id: int | None, meeting_id: int) -> list[str]:
    """What the council has written elsewhere, newest first, up to ``WIDER_RECORD`` characters: the
    committee's own action responses, progress updates and earlier meetings' reports, then the other
    committees' minutes, resolutions, actions and reports. Officers write in the council's words, and a committee with
    little record of its own (a new one, a first meeting) still has the council's to draw on."""
    own = Action.committee_id == committee_id
    other_meetings = select(Meeting.id).where(Meeting.committee_id != committee_id)
    newest_meeting_first = (Meeting.date.desc(), Meeting.id.desc())
    earlier_meetings = select(Meeting.id).where(Meeting.committee_id == committee_id, Meeting.id != meeting_id)

    def reports(meetings: Select[int]) -> Select[str]:
        return (
            select(AttachmentPage.text)
            .join(Attachment)
            .join(AgendaItem)
            .join(Meeting)
            .where(Meeting.id.in_(meetings))
            .order_by(*newest_meeting_first, AttachmentPage.attachment_id, AttachmentPage.page)
        )

    sources = (
        select(Action.response).where(own, Action.response != "").order_by(Action.id.desc()),
        select(ActionUpdate.text).join(Action).where(own).order_by(ActionUpdate.id.desc()),
        reports(earlier_meetings),
        select(Minute.text)
        .join(Meeting)
        .where(Meeting.id.in_(other_meetings), Minute.text != "")
        .order_by(*newest_meeting_first),
        select(Resolution.text)
        .join(Minute)
        .join(Meeting)
        .where(Meeting.id.in_(other_meetings))
        .order_by(*newest_meeting_first),
        select(Action.text).where(~own).order_by(Action.id.desc()),
        select(Action.response).where(~own, Action.response != "").order_by(Action.id.desc()),
        select(ActionUpdate.text).join(Action).where(~own).order_by(ActionUpdate.id.desc()),
        reports(other_meetings),
    )
    found: list[str] = []
    room = WIDER_RECORD
    for source in sources:
        for text in session.scalars(source.limit(WIDER_ROWS)):
            if room <= 0:
                return found
            found.append(text[:room])
            room -= len(text)
    return found


def _report_text(session: Session, attachment_id: int) -> str:
    """A report's text as stored when it was attached (its pages in order)."""
    pages = select(AttachmentPage.text).where(AttachmentPage.attachment_id == attachment_id)
    return "\n".join(session.scalars(pages.order_by(AttachmentPage.page)))
