"""Qt's model tester on every item model class in sst_desktop/ui, filled from the demo database.

As qutebrowser does: ``QAbstractItemModelTester`` checks what a model answers (counts, indexes,
parents, the types of its data per role) and the signals it sends while it is filled, refilled,
sorted and filtered. Its findings are Qt warnings, and a Qt warning fails the test
(``qt_log_level_fail``). A model class added later must be added here too
(``test_every_model_class_is_under_the_tester``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

import sst_desktop.ui
from sst_desktop.demo.build import build_demo_database
from sst_desktop.domain.action_filters import LogFilter
from sst_desktop.domain.action_rows import Column
from sst_desktop.services import action_log as al
from sst_desktop.services import (
    agenda,
    attendance,
    committees,
    forward_plan,
    meetings,
    memberships,
    organisations,
    people,
    standing_items,
)
from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_path
from sst_desktop.ui.actions.log_model import ActionLogModel
from sst_desktop.ui.directory.models import (
    committee_model,
    membership_model,
    organisation_model,
    people_model,
)
from sst_desktop.ui.meetings.models import (
    AgendaModel,
    forward_plan_model,
    meetings_model,
    standing_items_model,
)
from sst_desktop.ui.minutes.page import meetings_model as minutes_meetings_model
from sst_desktop.ui.minutes.register_model import RegisterModel
from sst_desktop.ui.search.results import ResultsModel
from sst_desktop.ui.widgets.record_model import RecordTableModel

TESTED = {ActionLogModel, AgendaModel, RegisterModel, RecordTableModel, ResultsModel}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_database(path)
    database = open_path(path, backup_dir=tmp_path_factory.mktemp("backups"))
    yield database
    database.dispose()


def _sst(db: Database) -> int:
    return committees.find_committee(db, "SST").id


def _meeting(db: Database, key: str) -> int:
    return meetings.find_meeting(db, key).id


def _model_classes() -> set[type]:
    found: set[type] = set()
    for module_info in pkgutil.walk_packages(sst_desktop.ui.__path__, "sst_desktop.ui."):
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QAbstractItemModel) and value.__module__.startswith("sst_desktop."):
                found.add(value)
    return found


def test_every_model_class_is_under_the_tester() -> None:
    assert _model_classes() == TESTED


def test_action_log_model(qtmodeltester, demo: Database) -> None:  # type: ignore[no-untyped-def]
    model = ActionLogModel()
    qtmodeltester.check(model)
    log = al.load_log(demo)
    assert log.rows
    model.set_log(log)
    model.sort(Column.DUE, Qt.SortOrder.DescendingOrder)
    model.set_filter(LogFilter(text="prevent"))
    model.set_filter(LogFilter(text="preventx"))  # narrowing to nothing
    model.set_filter(LogFilter())
    model.sort(Column.REFERENCE, Qt.SortOrder.AscendingOrder)
    model.set_log(al.load_log(demo))


def test_search_results_model(qtmodeltester, demo: Database) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.services.search import SearchRequest, search

    model = ResultsModel()
    qtmodeltester.check(model)
    hits = search(demo, SearchRequest("prevent", confidential=True))
    assert hits
    model.set_hits(hits)
    model.set_hits(search(demo, SearchRequest("serious violence")))
    model.set_hits([])


def test_agenda_model(qtmodeltester, demo: Database) -> None:  # type: ignore[no-untyped-def]
    model = AgendaModel()
    qtmodeltester.check(model)
    september = agenda.list_agenda_items(demo, _meeting(demo, "SST@2022-09-08"))
    assert september
    model.set_records(september)
    model.set_records(september)  # the same items: updated in place
    model.set_records(agenda.list_agenda_items(demo, _meeting(demo, "SST@2022-06-22")))
    model.editable = False
    model.set_records([])


def test_register_model(qtmodeltester, demo: Database) -> None:  # type: ignore[no-untyped-def]
    model = RegisterModel()
    qtmodeltester.check(model)
    register = attendance.list_attendance(demo, _meeting(demo, "SST@2022-06-22"))
    assert register
    model.set_records(register)
    model.set_records(register)  # the same people: updated in place
    model.set_records(register[: len(register) // 2])
    model.set_records([])


def _organisations(db: Database) -> tuple[RecordTableModel[Any], list[Any]]:
    counts: dict[int, int] = {}  # people per organisation, as the Organisations page counts them
    for person in people.list_people(db):
        if person.organisation_id is not None:
            counts[person.organisation_id] = counts.get(person.organisation_id, 0) + 1
    return organisation_model(counts), organisations.list_organisations(db, include_archived=True)


# Every screen's RecordTableModel, with the records that screen shows.
RECORD_MODELS: dict[str, Callable[[Database], tuple[RecordTableModel[Any], Sequence[Any]]]] = {
    "committees": lambda db: (committee_model(), committees.list_committees(db, include_archived=True)),
    "members": lambda db: (
        membership_model(),
        memberships.list_memberships(db, _sst(db), include_past=True),
    ),
    "people": lambda db: (people_model(), people.list_people(db, include_archived=True)),
    "organisations": _organisations,
    "meetings": lambda db: (meetings_model(), meetings.list_meetings(db, _sst(db))),
    "forward plan": lambda db: (
        forward_plan_model(),
        forward_plan.list_forward_plan(db, _sst(db), include_closed=True),
    ),
    "standing items": lambda db: (
        standing_items_model(),
        standing_items.list_standing_items(db, _sst(db), include_inactive=True),
    ),
    "minutes": lambda db: (minutes_meetings_model(), meetings.list_meetings(db)),
}


@pytest.mark.parametrize("screen", list(RECORD_MODELS))
def test_record_table_model(qtmodeltester, demo: Database, screen: str) -> None:  # type: ignore[no-untyped-def]
    model, records = RECORD_MODELS[screen](demo)
    qtmodeltester.check(model)
    assert records, f"the demo has no {screen} to show"
    model.set_records(records)
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.AscendingOrder)
        model.sort(column, Qt.SortOrder.DescendingOrder)
    kept = {id(r) for r in records[::2]}
    model.set_filter(lambda r: id(r) in kept)
    model.set_filter(None)
    model.set_records([])
