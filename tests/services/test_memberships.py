from __future__ import annotations

from datetime import date

import pytest

from sst_desktop.domain.enums import MembershipRole
from sst_desktop.services import committees, memberships, people
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.memberships import MembershipPatch
from sst_desktop.services.outcome import Changed
from sst_desktop.services.people import PersonPatch
from sst_desktop.storage.engine import Database

JUNE = date(2022, 6, 22)


@pytest.fixture
def sst(db: Database) -> int:
    return committees.create_committee(
        db, CommitteePatch(name="Safer Sefton Together", short_name="SST")
    ).after.id


def _person(db: Database, last: str, first: str = "", title: str = "") -> int:
    return people.create_person(db, PersonPatch(title=title, first_name=first, last_name=last)).after.id


def test_chair_first_then_vice_chair_then_surname(db: Database, sst: int) -> None:
    for last, role in (
        ("Watts", "member"),
        ("Bellamy", "member"),
        ("Burnett", "vice_chair"),
        ("Hardy", "chair"),
    ):
        memberships.add_membership(db, sst, _person(db, last), role=MembershipRole(role), start_date=JUNE)
    names = [m.person_name for m in memberships.list_memberships(db, sst, on=JUNE)]
    assert names == ["Hardy", "Burnett", "Bellamy", "Watts"]


def test_one_chair_at_a_time(db: Database, sst: int) -> None:
    memberships.add_membership(db, sst, _person(db, "Hardy"), role=MembershipRole.CHAIR, start_date=JUNE)
    with pytest.raises(ValidationError, match="one Chair at a time") as caught:
        memberships.add_membership(db, sst, _person(db, "Kelly"), role=MembershipRole.CHAIR, start_date=JUNE)
    assert caught.value.field == "role"


def test_periods_of_one_person_do_not_overlap(db: Database, sst: int) -> None:
    hardy = _person(db, "Hardy", "Trish", "Councillor")
    memberships.add_membership(db, sst, hardy, start_date=date(2021, 5, 1), end_date=date(2022, 5, 1))
    with pytest.raises(ValidationError, match="Councillor Trish Hardy is already a member"):
        memberships.add_membership(db, sst, hardy, start_date=date(2022, 4, 1))
    memberships.add_membership(db, sst, hardy, start_date=date(2022, 5, 2))
    assert len(memberships.list_memberships(db, sst, include_past=True)) == 2


def test_end_before_start_refused(db: Database, sst: int) -> None:
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        memberships.add_membership(db, sst, _person(db, "Hardy"), start_date=JUNE, end_date=date(2022, 1, 1))


def test_set_chair_hands_over_and_returns_both_changes(db: Database, sst: int) -> None:
    old = memberships.add_membership(
        db, sst, _person(db, "Hardy"), role=MembershipRole.CHAIR, start_date=JUNE
    ).after
    new = memberships.add_membership(db, sst, _person(db, "Kelly"), start_date=JUNE).after
    handover = memberships.set_chair(db, new.id, on=JUNE)
    changes = handover.value
    assert [(c.after.person_name, c.after.role) for c in changes] == [
        ("Hardy", MembershipRole.MEMBER),
        ("Kelly", MembershipRole.CHAIR),
    ]
    assert handover.changed == Changed.MEMBERSHIPS
    assert [m.person_name for m in memberships.list_memberships(db, sst, on=JUNE)] == ["Kelly", "Hardy"]
    # Undo: one reversal hands the chair back (both memberships); its own undo redoes it.
    assert handover.undo is not None
    back = handover.undo(db)
    roles = {m.person_name: m.role for m in memberships.list_memberships(db, sst, on=JUNE)}
    assert roles == {"Hardy": MembershipRole.CHAIR, "Kelly": MembershipRole.MEMBER}
    assert back.undo is not None
    back.undo(db)
    roles = {m.person_name: m.role for m in memberships.list_memberships(db, sst, on=JUNE)}
    assert roles == {"Hardy": MembershipRole.MEMBER, "Kelly": MembershipRole.CHAIR}
    assert old.id != new.id


def test_each_change_is_undone_by_its_reversal(db: Database, sst: int) -> None:
    added = memberships.add_membership(db, sst, _person(db, "Rooney"), start_date=JUNE)
    member = added.after
    assert added.changed == Changed.MEMBERSHIPS and added.undo is not None
    ended = memberships.end_membership(db, member.id, on=date(2022, 12, 31))
    assert ended.undo is not None
    ended.undo(db)
    assert memberships.list_memberships(db, sst, on=JUNE)[0].end_date is None
    removed = added.undo(db)  # the addition taken back; redo brings the same row back
    assert memberships.list_memberships(db, sst, on=JUNE) == []
    assert removed.undo is not None
    assert removed.undo(db).changed == Changed.MEMBERSHIPS
    assert [m.id for m in memberships.list_memberships(db, sst, on=JUNE)] == [member.id]


def test_end_membership_hides_from_current_list_after_the_end(db: Database, sst: int) -> None:
    member = memberships.add_membership(db, sst, _person(db, "Sexton"), start_date=date(2021, 1, 1)).after
    memberships.end_membership(db, member.id, on=JUNE)
    assert memberships.list_memberships(db, sst, on=JUNE)[0].end_date == JUNE
    assert memberships.list_memberships(db, sst, on=date(2022, 6, 23)) == []
    assert len(memberships.list_memberships(db, sst, on=date(2022, 6, 23), include_past=True)) == 1


def test_change_role_and_delete_recreate(db: Database, sst: int) -> None:
    member = memberships.add_membership(
        db, sst, _person(db, "Rooney"), start_date=JUNE, representing="Sefton CVS"
    ).after
    changed = memberships.update_membership(
        db, member.id, MembershipPatch(role=MembershipRole.CO_OPTED)
    ).after
    assert changed.role is MembershipRole.CO_OPTED and changed.representing == "Sefton CVS"
    removed = memberships.delete_membership(db, member.id).before
    assert memberships.list_memberships(db, sst, on=JUNE) == []
    assert memberships.recreate_membership(db, removed).after == removed
    with pytest.raises(TypeError, match="colour"):  # an unknown field: mypy and the patch refuse it
        memberships.update_membership(db, member.id, MembershipPatch(colour="red"))  # type: ignore[call-arg]
