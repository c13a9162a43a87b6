"""Operations on the directory: committees, people, organisations and memberships.

Each function builds the operation for one thing an officer does; the widget says what to do with
the result and runs it (see ``op``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from sst_desktop.domain.enums import MembershipRole
from sst_desktop.domain.patch import reverting
from sst_desktop.services import committees, memberships, organisations, people
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.memberships import MembershipPatch
from sst_desktop.services.organisations import OrganisationPatch
from sst_desktop.services.outcome import Outcome
from sst_desktop.services.people import PersonPatch, PossibleDuplicate
from sst_desktop.services.records import (
    Change,
    CommitteeRecord,
    MembershipRecord,
    OrganisationRecord,
    PersonRecord,
)
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.directory.models import member_name
from sst_desktop.ui.operations.op import ChangeOp, ReadOp

# Committees ---------------------------------------------------------------------------------


def list_committees(
    context: AppContext, parent: QWidget, *, include_archived: bool
) -> ReadOp[list[CommitteeRecord]]:
    return ReadOp(
        context, parent, lambda db: committees.list_committees(db, include_archived=include_archived)
    )


def committees_and_first_members(
    context: AppContext, parent: QWidget, *, include_archived: bool
) -> ReadOp[tuple[list[CommitteeRecord], list[MembershipRecord]]]:
    """The committees, with the current members of the first of them: the screen the window opens
    on, read in one go so it paints complete (no second trip for the members it shows)."""

    def read(db: Database) -> tuple[list[CommitteeRecord], list[MembershipRecord]]:
        listed = committees.list_committees(db, include_archived=include_archived)
        return listed, memberships.list_memberships(db, listed[0].id) if listed else []

    return ReadOp(context, parent, read)


def create_committee(
    context: AppContext, parent: QWidget, details: CommitteePatch, label: str
) -> ChangeOp[Change[CommitteeRecord]]:
    return ChangeOp(
        context, parent, lambda db: committees.create_committee(db, details), f"Add committee {label}"
    )


def update_committee(
    context: AppContext, parent: QWidget, committee: CommitteeRecord, patch: CommitteePatch, what: str
) -> ChangeOp[Change[CommitteeRecord]]:
    """Change the fields ``patch`` sets; ``what`` names them for Undo ("venue"). Based on ``committee``
    as the officer sees it: a field another officer changed since is not overwritten."""
    return ChangeOp(
        context,
        parent,
        lambda db: committees.update_committee(db, committee.id, patch, reverting(patch, committee)),
        f"Change {what} of {committee.short_name}",
    )


def archive_committee(
    context: AppContext, parent: QWidget, committee: CommitteeRecord, archived: bool
) -> ChangeOp[Change[CommitteeRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: committees.archive_committee(db, committee.id, archived),
        f"{'Archive' if archived else 'Restore'} {committee.short_name}",
    )


# People -------------------------------------------------------------------------------------


def list_people(
    context: AppContext, parent: QWidget, *, include_archived: bool = False
) -> ReadOp[list[PersonRecord]]:
    """The directory, to show or to search in memory as the officer types."""
    return ReadOp(context, parent, lambda db: people.list_people(db, include_archived=include_archived))


def get_person(context: AppContext, parent: QWidget, person_id: int) -> ReadOp[PersonRecord]:
    return ReadOp(context, parent, lambda db: people.get_person(db, person_id))


def person_committees(
    context: AppContext, parent: QWidget, person_id: int
) -> ReadOp[tuple[list[MembershipRecord], list[CommitteeRecord]]]:
    """A person's memberships (past ones too), with every committee (for names and officers)."""
    return ReadOp(
        context,
        parent,
        lambda db: (
            memberships.list_person_memberships(db, person_id, include_past=True),
            committees.list_committees(db, include_archived=True),
        ),
    )


def possible_duplicates(
    context: AppContext, parent: QWidget, first_name: str, last_name: str
) -> ReadOp[list[PossibleDuplicate]]:
    return ReadOp(context, parent, lambda db: people.possible_duplicates(db, first_name, last_name))


def create_person(
    context: AppContext, parent: QWidget, details: PersonPatch, organisation: str, label: str
) -> ChangeOp[Change[PersonRecord]]:
    """Add a person in the organisation named ``organisation`` (added too when new): one undo step."""
    return ChangeOp(
        context,
        parent,
        lambda db: people.create_person_in(db, details, organisation),
        f"Add {label or 'person'}",
    )


def update_person(
    context: AppContext, parent: QWidget, person: PersonRecord, patch: PersonPatch, what: str
) -> ChangeOp[Change[PersonRecord]]:
    """Change the fields ``patch`` sets; ``what`` names them for Undo ("email"). Based on ``person``
    as the officer sees it: a field another officer changed since is not overwritten."""
    return ChangeOp(
        context,
        parent,
        lambda db: people.update_person(db, person.id, patch, reverting(patch, person)),
        f"Change {what} of {person.plain_name or person.last_name}",
    )


def set_person_organisation(
    context: AppContext, parent: QWidget, person: PersonRecord, organisation: str
) -> ChangeOp[Change[PersonRecord]]:
    """Put a person in the organisation typed or chosen (added to the directory when new)."""
    return ChangeOp(
        context,
        parent,
        lambda db: people.set_organisation(db, person.id, organisation),
        f"Set organisation of {person.plain_name or person.last_name} to {organisation or 'none'}",
    )


def archive_person(
    context: AppContext, parent: QWidget, person: PersonRecord, archived: bool
) -> ChangeOp[Change[PersonRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: people.archive_person(db, person.id, archived),
        f"{'Archive' if archived else 'Restore'} {person.plain_name}",
    )


# Organisations ------------------------------------------------------------------------------


def list_organisations(
    context: AppContext, parent: QWidget, *, include_archived: bool = False
) -> ReadOp[list[OrganisationRecord]]:
    return ReadOp(
        context, parent, lambda db: organisations.list_organisations(db, include_archived=include_archived)
    )


def organisations_and_people(
    context: AppContext, parent: QWidget, *, include_archived: bool
) -> ReadOp[tuple[list[OrganisationRecord], list[PersonRecord]]]:
    """The organisations, with everyone in the directory (who works where, and how many)."""
    return ReadOp(
        context,
        parent,
        lambda db: (
            organisations.list_organisations(db, include_archived=include_archived),
            people.list_people(db, include_archived=True),
        ),
    )


def create_organisation(
    context: AppContext, parent: QWidget, name: str, short_name: str
) -> ChangeOp[Change[OrganisationRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: organisations.create_organisation(db, name, short_name),
        f"Add organisation {name.strip()}",
    )


def update_organisation(
    context: AppContext,
    parent: QWidget,
    organisation: OrganisationRecord,
    patch: OrganisationPatch,
    what: str,
) -> ChangeOp[Change[OrganisationRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: organisations.update_organisation(
            db, organisation.id, patch, reverting(patch, organisation)
        ),
        f"Change {what} of {organisation.name}",
    )


def archive_organisation(
    context: AppContext, parent: QWidget, organisation: OrganisationRecord, archived: bool
) -> ChangeOp[Change[OrganisationRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: organisations.archive_organisation(db, organisation.id, archived),
        f"{'Archive' if archived else 'Restore'} {organisation.name}",
    )


# Memberships --------------------------------------------------------------------------------


def list_memberships(
    context: AppContext, parent: QWidget, committee_id: int, *, include_past: bool
) -> ReadOp[list[MembershipRecord]]:
    return ReadOp(
        context,
        parent,
        lambda db: memberships.list_memberships(db, committee_id, include_past=include_past),
    )


def add_member(
    context: AppContext,
    parent: QWidget,
    committee: CommitteeRecord,
    person_id: int,
    name: str,
    *,
    role: MembershipRole,
    start: date,
    representing: str,
) -> ChangeOp[Change[MembershipRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: memberships.add_membership(
            db, committee.id, person_id, role=role, start_date=start, representing=representing
        ),
        f"Add {name} to {committee.short_name}",
    )


def make_chair(
    context: AppContext, parent: QWidget, member: MembershipRecord, on: date
) -> ChangeOp[Outcome[list[Change[MembershipRecord]]]]:
    """Hand the chair to ``member`` (the Chair until now becomes a Member): one undo step."""
    return ChangeOp(
        context,
        parent,
        lambda db: memberships.set_chair(db, member.id, on=on),
        f"Make {member_name(member)} Chair",
    )


def change_role(
    context: AppContext, parent: QWidget, member: MembershipRecord, role: MembershipRole
) -> ChangeOp[Change[MembershipRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: memberships.update_membership(db, member.id, MembershipPatch(role=role)),
        f"Make {member_name(member)} {role.label}",
    )


def end_membership(
    context: AppContext, parent: QWidget, member: MembershipRecord, last_day: date
) -> ChangeOp[Change[MembershipRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: memberships.end_membership(db, member.id, on=last_day),
        f"End {member_name(member)}'s membership",
    )


def remove_membership(
    context: AppContext, parent: QWidget, member: MembershipRecord
) -> ChangeOp[Change[MembershipRecord]]:
    """Take out a membership entered by mistake (undo puts it back)."""
    return ChangeOp(
        context,
        parent,
        lambda db: memberships.delete_membership(db, member.id),
        f"Remove {member_name(member)}",
    )
