"""Domain: the mapped models (SQLAlchemy typed ORM; importing this package registers every table), and
the pure rules and wording every layer shares (no database, no Qt): the action log's rows and
filters, dates and times as the council writes them, patches, plain text, a field as an officer reads it."""

from sst_desktop.domain.actions import Action, ActionUpdate
from sst_desktop.domain.audit import AuditEntry, ChangeFeedEntry, PresenceEntry
from sst_desktop.domain.base import Base
from sst_desktop.domain.directory import (
    Committee,
    CommitteeFormerName,
    Membership,
    Organisation,
    Person,
    StandingItem,
)
from sst_desktop.domain.meetings import (
    AgendaItem,
    Attachment,
    ForwardPlanItem,
    Meeting,
    agenda_item_presenters,
)
from sst_desktop.domain.minutes import (
    Attendance,
    ConfirmedMinutesCopy,
    Declaration,
    Minute,
    MinuteReference,
    Resolution,
)
from sst_desktop.domain.search import AttachmentPage, SearchDocument
from sst_desktop.domain.snippets import Snippet
from sst_desktop.domain.styles import DocumentStyleRow, MeetingSentence

__all__ = [
    "Action",
    "ActionUpdate",
    "AgendaItem",
    "Attachment",
    "AttachmentPage",
    "Attendance",
    "AuditEntry",
    "Base",
    "ChangeFeedEntry",
    "Committee",
    "CommitteeFormerName",
    "ConfirmedMinutesCopy",
    "Declaration",
    "DocumentStyleRow",
    "ForwardPlanItem",
    "Meeting",
    "MeetingSentence",
    "Membership",
    "Minute",
    "MinuteReference",
    "Organisation",
    "Person",
    "PresenceEntry",
    "Resolution",
    "SearchDocument",
    "Snippet",
    "StandingItem",
    "agenda_item_presenters",
]
