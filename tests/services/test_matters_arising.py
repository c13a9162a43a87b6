"""The Action Log / Matters Arising item: where it goes and what it says, without a window."""

from __future__ import annotations

import pytest

from sst_desktop.domain.enums import ActionStatus, ItemKind, ProceduralRole
from sst_desktop.services import actions, agenda, matters_arising
from sst_desktop.services.actions import ActionPatch
from sst_desktop.services.errors import ValidationError
from tests.meeting_factory import make_sst


def test_description_counts_the_open_actions() -> None:
    assert matters_arising.description(0) == "To review the open actions from previous meetings."
    assert matters_arising.description(1) == "To review the 1 open action from previous meetings."
    assert matters_arising.description(12) == "To review the 12 open actions from previous meetings."


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        ([ProceduralRole.APOLOGIES, ProceduralRole.DECLARATIONS, ProceduralRole.PREVIOUS_MINUTES, None], 3),
        ([ProceduralRole.APOLOGIES, None, ProceduralRole.NEXT_MEETING], 1),
        ([None, ProceduralRole.NEXT_MEETING], 0),
        ([], 0),
    ],
)
def test_it_goes_after_the_opening_items(roles: list[ProceduralRole | None], expected: int) -> None:
    assert matters_arising.matters_arising_index(roles) == expected


def test_added_after_minutes_counting_open_actions_of_earlier_meetings_only(db) -> None:  # type: ignore[no-untyped-def]
    sst = make_sst(db)
    for text in ("Share process with MFRS", "Circulate figures"):
        actions.create_action(db, text=text, committee_id=sst.committee_id, meeting_id=sst.june)
    done = actions.create_action(db, text="Done already", committee_id=sst.committee_id, meeting_id=sst.june)
    assert done.after is not None
    actions.update_action(db, done.after.id, ActionPatch(status=ActionStatus.COMPLETED))
    actions.create_action(
        db, text="From a later meeting", committee_id=sst.committee_id, meeting_id=sst.december
    )
    agenda.build_default_agenda(db, sst.september)
    agenda.add_item(db, sst.september, "DHR10 report")

    added = matters_arising.add_matters_arising(db, sst.september).after

    assert added is not None
    assert (added.number, added.kind, added.procedural_role) == (
        4,
        ItemKind.ACTION_LOG,
        ProceduralRole.MATTERS_ARISING,
    )
    assert added.description == "To review the 2 open actions from previous meetings."
    assert [i.title for i in agenda.list_agenda_items(db, sst.september)] == [
        "Apologies for Absence",
        "Declarations of Interest",
        "Minutes of Previous Meeting",
        "Action Log / Matters Arising",
        "DHR10 report",
        "Date of Next Meeting",
    ]
    with pytest.raises(ValidationError, match="already has an Action Log / Matters Arising item"):
        matters_arising.add_matters_arising(db, sst.september)
