"""Every list comes in the same order every time, on every backend: ties are broken by id.

PostgreSQL returns rows without ORDER BY in whatever order its pages hold them, and an UPDATE moves a
row to the end; these tests update the first of two equal rows so that order differs from the ids'."""

from __future__ import annotations

from sst_desktop.services import people
from sst_desktop.services.people import PersonPatch
from sst_desktop.storage.engine import Database


def test_people_with_the_same_name_keep_their_order(db: Database) -> None:
    first = people.create_person(db, PersonPatch(first_name="Jane", last_name="Smith")).after
    second = people.create_person(db, PersonPatch(first_name="Jane", last_name="Smith")).after
    people.update_person(db, first.id, PersonPatch(job_title="Community Safety Manager"))
    assert [p.id for p in people.list_people(db)] == [first.id, second.id]
