"""The small saves minute-taking makes while the officer types a resolution or an action."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from sst_desktop.domain import AuditEntry
from sst_desktop.exports.minutes_copy import copy_minutes
from sst_desktop.services import actions, minutes
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.errors import ConfirmedMinutesError, NotFoundError, ValidationError
from sst_desktop.storage.engine import Database
from tests.minutes_data import build_committee_and_meetings


@pytest.fixture
def minute(db: Database):  # type: ignore[no-untyped-def]
    seed = build_committee_and_meetings(db)
    return seed, minutes.open_minutes(db, seed.meeting_id)[3]


def _confirm(db: Database, seed) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.domain.enums import ItemKind, ProceduralRole
    from sst_desktop.services import agenda

    item = agenda.add_item(
        db,
        seed.next_id,
        "Minutes of Previous Meeting",
        AgendaItemPatch(kind=ItemKind.PROCEDURAL, procedural_role=ProceduralRole.PREVIOUS_MINUTES),
    ).after
    minutes.confirm_previous_minutes(db, minutes.minute_for_item(db, item.id).id, copy_minutes)


def test_resolution_wording_is_saved_and_audited(db: Database, minute) -> None:  # type: ignore[no-untyped-def]
    _seed, record = minute
    resolution = minutes.add_resolution(db, record.id, "the report be notd").after.resolutions[0]
    saved = minutes.set_resolution_text(db, resolution.id, "  the report be noted <b> & 😀 ")
    assert (saved.minute_id, saved.field, saved.length) == (
        record.id,
        "resolution",
        len("the report be noted <b> & 😀"),
    )
    assert [r.text for r in minutes.get_minute(db, record.id).resolutions] == ["the report be noted <b> & 😀"]
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "resolutions")).all()
    assert any(
        "the report be noted <b>" in json.dumps(json.loads(e.changes), ensure_ascii=False) for e in entries
    )


def test_resolution_wording_rules(db: Database, minute) -> None:  # type: ignore[no-untyped-def]
    seed, record = minute
    resolution = minutes.add_resolution(db, record.id, "the report be noted").after.resolutions[0]
    with pytest.raises(ValidationError):
        minutes.set_resolution_text(db, resolution.id, "   ")
    with pytest.raises(NotFoundError):
        minutes.set_resolution_text(db, 9999, "x")
    _confirm(db, seed)
    with pytest.raises(ConfirmedMinutesError):
        minutes.set_resolution_text(db, resolution.id, "changed after confirmation")
    assert minutes.get_minute(db, record.id).resolutions[0].text == "the report be noted"


def test_action_wording_is_saved_and_refused_once_confirmed(db: Database, minute) -> None:  # type: ignore[no-untyped-def]
    seed, record = minute
    action = actions.create_action(db, text="Discus at LCR", minute_id=record.id).after
    assert (
        actions.set_action_text(db, action.id, " Discuss at LCR SD VAG – ÉÀ ").value
        == "Discuss at LCR SD VAG – ÉÀ"
    )
    assert actions.get_action(db, action.id).text == "Discuss at LCR SD VAG – ÉÀ"
    with pytest.raises(ValidationError):
        actions.set_action_text(db, action.id, "")
    with pytest.raises(NotFoundError):
        actions.set_action_text(db, 9999, "x")
    _confirm(db, seed)
    with pytest.raises(ConfirmedMinutesError):
        actions.set_action_text(db, action.id, "too late")
    assert actions.get_action(db, action.id).text == "Discuss at LCR SD VAG – ÉÀ"
