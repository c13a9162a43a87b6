"""Plain, frozen records handed to the UI and the exports instead of live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Generic, TypeVar

from sst_desktop.domain.enums import CommitteeKind, MembershipRole
from sst_desktop.services.outcome import Changed, Reversal

T = TypeVar("T")


@dataclass(frozen=True)
class Change(Generic[T]):
    """What a mutation did: the record before (None when created) and after (None when deleted),
    the kinds of thing it changed, and how to take it back (see ``outcome``)."""

    before: T | None
    after: T | None
    changed: Changed = Changed.NOTHING
    undo: Reversal | None = None


@dataclass(frozen=True)
class OrganisationRecord:
    id: int
    name: str
    short_name: str = ""
    archived: bool = False


@dataclass(frozen=True)
class PersonRecord:
    id: int
    title: str
    first_name: str
    last_name: str
    job_title: str = ""
    organisation_id: int | None = None
    organisation_name: str = ""
    email: str = ""
    telephone: str = ""
    archived: bool = False
    known_as: str = ""  # the first name documents print ("Bob" for Robert)

    @property
    def full_name(self) -> str:
        """ "Superintendent Dawn McNally"."""
        return " ".join(part for part in (self.title, self.first_name, self.last_name) if part)

    @property
    def plain_name(self) -> str:
        """ "Dawn McNally" (no title)."""
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.last_name.casefold(), self.first_name.casefold())


@dataclass(frozen=True)
class CommitteeRecord:
    id: int
    name: str
    short_name: str
    kind: CommitteeKind = CommitteeKind.COMMITTEE
    parent_id: int | None = None
    description: str = ""
    former_names: tuple[str, ...] = ()
    default_venue: str = ""
    default_start_time: time | None = None
    officer_id: int | None = None
    officer_name: str = ""
    officer_telephone: str = ""
    officer_email: str = ""
    open_to_public: bool = True
    uses_call_in: bool = False
    municipal_year_start_month: int = 5
    archived: bool = False
    # declarations of interest in the minutes as a table (Member / Minute No. / Nature of Interest)
    declarations_as_table: bool = False


@dataclass(frozen=True)
class MembershipRecord:
    id: int
    committee_id: int
    person_id: int
    person_name: str
    person_title: str
    person_sort_key: tuple[str, str]
    organisation_name: str
    role: MembershipRole
    start_date: date
    end_date: date | None = None
    representing: str = ""
    person_last_name: str = ""

    def is_current(self, on: date) -> bool:
        return self.start_date <= on and (self.end_date is None or self.end_date >= on)
