"""Where a new agenda item goes: after the chosen business item, else after the last business item and
before the closing procedural items — never ahead of Apologies, Declarations and Minutes."""

from __future__ import annotations

import pytest

from sst_desktop.domain.enums import ProceduralRole
from sst_desktop.services import agenda, forward_plan, standing_items
from tests.meeting_factory import make_sst

APOLOGIES = ProceduralRole.APOLOGIES
DECLARATIONS = ProceduralRole.DECLARATIONS
MINUTES = ProceduralRole.PREVIOUS_MINUTES
MATTERS = ProceduralRole.MATTERS_ARISING
NEXT = ProceduralRole.NEXT_MEETING
BUSINESS = None
STANDARD = [APOLOGIES, DECLARATIONS, MINUTES, NEXT]


@pytest.mark.parametrize(
    ("roles", "after", "expected"),
    [
        (STANDARD, None, 3),  # nothing chosen: after Minutes, before Date of Next Meeting
        (STANDARD, 0, 3),  # Apologies chosen: still after Minutes
        (STANDARD, 1, 3),
        (STANDARD, 2, 3),
        (STANDARD, 3, 3),  # Date of Next Meeting chosen: before it
        ([APOLOGIES, DECLARATIONS, MINUTES, BUSINESS, BUSINESS, NEXT], None, 5),
        ([APOLOGIES, DECLARATIONS, MINUTES, BUSINESS, BUSINESS, NEXT], 0, 5),
        ([APOLOGIES, DECLARATIONS, MINUTES, BUSINESS, BUSINESS, NEXT], 3, 4),  # after the chosen business
        ([APOLOGIES, DECLARATIONS, MINUTES, BUSINESS, BUSINESS, NEXT], 4, 5),
        ([APOLOGIES, DECLARATIONS, MINUTES, MATTERS, NEXT], None, 4),  # matters arising opens too
        ([APOLOGIES, DECLARATIONS, MINUTES, MATTERS, BUSINESS, NEXT], 3, 5),
        ([APOLOGIES, DECLARATIONS, MINUTES, BUSINESS, MATTERS, NEXT], None, 4),  # …or closes, at the end
        ([BUSINESS, APOLOGIES, DECLARATIONS, MINUTES, NEXT], None, 4),  # never ahead of the opening items
        ([APOLOGIES, DECLARATIONS, MINUTES, BUSINESS], None, 4),  # no Date of Next Meeting: at the end
        ([NEXT], None, 0),
        ([BUSINESS, BUSINESS], None, 2),
        ([], None, 0),
        (STANDARD, 99, 3),  # a stale choice is ignored
    ],
)
def test_new_item_index(roles: list[ProceduralRole | None], after: int | None, expected: int) -> None:
    assert agenda.new_item_index(roles, after) == expected


def titles(db, meeting_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.title for i in agenda.list_agenda_items(db, meeting_id)]


def test_add_item_follows_the_chosen_business_item_only(db) -> None:  # type: ignore[no-untyped-def]
    sst = make_sst(db)
    standing_items.add_standing_item(db, sst.committee_id, "Prevent Update")
    agenda.build_default_agenda(db, sst.september)
    items = {i.title: i.id for i in agenda.list_agenda_items(db, sst.september)}

    agenda.add_item(db, sst.september, "DHR10 report", after_item_id=items["Apologies for Absence"])
    agenda.add_item(
        db, sst.september, "Serious Violence Duty", after_item_id=items["Declarations of Interest"]
    )
    agenda.add_item(db, sst.september, "Prevent Health Check", after_item_id=items["Prevent Update"])
    plan = forward_plan.add_forward_plan_item(db, sst.committee_id, "Recruitment of DHR chairs").after
    assert plan is not None
    forward_plan.accept_into_agenda(db, plan.id, sst.september)  # the forward plan follows the same rule

    assert titles(db, sst.september) == [
        "Apologies for Absence",
        "Declarations of Interest",
        "Minutes of Previous Meeting",
        "Prevent Update",
        "Prevent Health Check",
        "DHR10 report",
        "Serious Violence Duty",
        "Recruitment of DHR chairs",
        "Date of Next Meeting",
    ]
    assert [i.number for i in agenda.list_agenda_items(db, sst.september)] == list(range(1, 10))
