"""The action log rows: loading across committees, combinable filters, sorting on every column."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sst_desktop.domain import action_filters as af
from sst_desktop.domain import action_rows as ar
from sst_desktop.domain.action_filters import LogFilter
from sst_desktop.domain.action_rows import Column
from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.services import action_log as al
from sst_desktop.services import actions
from sst_desktop.services.actions import ActionPatch
from sst_desktop.storage.errors import DatabaseBusyError
from tests.action_world import TODAY, build_world, world_file
from tests.sqlite_tools import held_exclusively


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    return build_world(db)


@pytest.fixture
def log(db, world):  # type: ignore[no-untyped-def]
    return al.load_log(db)


def refs(db, rows) -> list[str]:  # type: ignore[no-untyped-def]
    return [r[ar.R_REFERENCE] for r in rows]


def names(world, db, *keys: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [world.ref(db, k) for k in keys]


def test_every_action_of_every_committee_with_its_names(db, world, log) -> None:
    assert len(log.rows) == 6
    by_ref = {r[ar.R_REFERENCE]: r for r in log.rows}
    prevent = by_ref[world.ref(db, "prevent")]
    assert log.committee_short(prevent[ar.R_COMMITTEE_ID]) == "SST"
    assert log.meeting_date(prevent) == "2022-06-22"
    assert log.minute_number(prevent) == 5
    assert log.owner(prevent) == "Dawn McNally"
    assert log.organisation(prevent) == "Merseyside Police"
    assert ar.status_of(prevent) is ActionStatus.OPEN
    assert log.update_of(prevent) == ("2022-08-01", "Figures circulated in draft")
    assert log.latest_update_text(prevent) == "01/08/2022: Figures circulated in draft"
    assert ar.uk_date(prevent[ar.R_DUE]) == f"{TODAY - timedelta(days=10):%d/%m/%Y}"
    typed = by_ref[world.ref(db, "formula")]
    assert log.owner(typed) == "+Community Safety Team" and log.organisation(typed) == "Sefton Council"
    svd = by_ref[world.ref(db, "svd")]
    assert ar.due_text(svd) == "Next meeting"
    rec = by_ref[world.ref(db, "recommendation")]
    assert (
        rec[ar.R_KIND] == ar.RECOMMENDATION
        and log.meeting_date(rec) is None
        and log.minute_number(rec) is None
    )


def test_the_row_and_the_record_agree(db, world, log) -> None:
    for row in log.rows:
        record = actions.get_action(db, row[ar.R_ID])
        assert record.reference == row[ar.R_REFERENCE]
        assert log.owner(row) == record.owner
        assert log.organisation(row) == record.organisation_name
        assert ar.status_of(row) is record.status
        assert (log.update_of(row) or ("", ""))[1] == record.latest_update_text
        assert ar.is_overdue(row, TODAY.isoformat()) == record.is_overdue


def test_filters_one_by_one(db, world, log) -> None:
    f = lambda **kw: refs(db, af.filter_rows(log, LogFilter(**kw)))  # noqa: E731
    assert f(committee_ids=frozenset({world.prwg})) == names(world, db, "recommendation")
    assert f(kind=ActionKind.RECOMMENDATION) == names(world, db, "recommendation")
    assert len(f(kind=ActionKind.ACTION)) == 5
    assert f(statuses=frozenset({ActionStatus.COMPLETED})) == names(world, db, "done")
    assert f(owner=world.dawn) == names(world, db, "prevent", "asb")
    assert f(owner="+Community Safety Team") == names(world, db, "formula")
    assert f(organisation_id=world.council) == names(world, db, "formula", "svd", "done", "recommendation")
    # overdue: due date passed and not done (the completed one is not overdue)
    assert f(overdue=True) == names(world, db, "prevent", "recommendation")
    # due within 7 days: overdue ones and the one due in 5 days
    assert f(due_within_days=7) == names(world, db, "prevent", "formula", "recommendation")
    assert f(due_within_days=60) == names(world, db, "prevent", "formula", "asb", "recommendation")


def test_free_text_search_across_columns_any_case_and_script(db, world, log) -> None:
    f = lambda text: refs(db, af.filter_rows(log, LogFilter(text=text)))  # noqa: E731
    assert f("prevent") == names(world, db, "prevent")  # action text
    assert f("MCNALLY") == names(world, db, "prevent", "asb")  # owner
    assert f("police") == names(world, db, "prevent", "asb")  # organisation
    assert f("circulated in draft") == names(world, db, "prevent")  # latest update
    assert f("sst/2022/00") == refs(db, [r for r in log.rows if r[ar.R_REFERENCE].startswith("SST/2022/00")])
    assert f("CAFÉ 中文") == names(world, db, "formula")
    assert f("bootle briefing") == names(world, db, "asb")  # every word, any order
    assert f("bootle prevent") == []


def test_filters_combine(db, world, log) -> None:
    spec = LogFilter(
        committee_ids=frozenset({world.sst}),
        owner=world.dawn,
        statuses=frozenset({ActionStatus.OPEN}),
        text="figures",
    )
    assert refs(db, af.filter_rows(log, spec)) == names(world, db, "prevent")
    assert (
        af.filter_rows(log, LogFilter(overdue=True, organisation_id=world.council, kind=ActionKind.ACTION))
        == []
    )


def test_overdue_follows_the_date_asked_for(db, world, log) -> None:
    later = TODAY + timedelta(days=6)
    overdue = refs(db, af.filter_rows(log, LogFilter(overdue=True), today=later))
    assert overdue == names(world, db, "prevent", "formula", "recommendation")


@pytest.mark.parametrize("descending", [False, True])
def test_sort_on_every_column_puts_empty_cells_last(db, world, log, descending: bool) -> None:
    for column in Column:
        ordered = af.sort_rows(log, log.rows, column, descending)
        assert sorted(r[0] for r in ordered) == sorted(r[0] for r in log.rows)
    by = lambda column: refs(db, af.sort_rows(log, log.rows, column, descending))  # noqa: E731
    owners = by(Column.OWNER)
    assert owners[-1] == world.ref(db, "recommendation")  # no owner: last either way
    meeting = by(Column.MEETING_DATE)
    assert meeting[-1] == world.ref(db, "recommendation")
    due = by(Column.DUE)
    assert due[-1] == world.ref(db, "svd")  # "next meeting": no date
    minutes = [log.minute_number(r) for r in af.sort_rows(log, log.rows, Column.MINUTE, descending)]
    assert minutes[-1] is None
    numbers = [m for m in minutes if m is not None]
    assert numbers == sorted(numbers, reverse=descending)


def test_sort_orders(db, world, log) -> None:
    by = lambda column, d=False: refs(db, af.sort_rows(log, log.rows, column, d))  # noqa: E731
    assert by(Column.OWNER)[:5] == names(world, db, "formula", "prevent", "asb", "svd", "done")
    assert by(Column.OWNER, True)[:5] == names(world, db, "svd", "done", "prevent", "asb", "formula")
    assert by(Column.COMMITTEE)[0] == world.ref(db, "recommendation")  # PRWG before SST
    statuses = [ar.status_of(r) for r in af.sort_rows(log, log.rows, Column.STATUS)]
    assert statuses == sorted(statuses, key=list(ActionStatus).index)
    dues = [r[ar.R_DUE] for r in af.sort_rows(log, log.rows, Column.DUE)]
    assert dues[:5] == sorted(d for d in dues if d)
    assert by(Column.ACTION)[0] == world.ref(db, "svd")  # "-Report…" sorts before letters
    assert by(Column.LATEST_UPDATE)[:2] == names(world, db, "prevent", "asb")
    assert by(Column.ORGANISATION)[:2] == names(world, db, "prevent", "asb")  # Merseyside Police


def test_sorting_is_stable(db, world, log) -> None:
    first = af.sort_rows(log, log.rows, Column.REFERENCE)
    then = af.sort_rows(log, first, Column.COMMITTEE)
    sst = [r for r in then if log.committee_short(r[ar.R_COMMITTEE_ID]) == "SST"]
    assert refs(db, sst) == sorted(refs(db, sst))


def test_fresh_rows_patch_the_log_and_the_search(db, world, log) -> None:
    assert af.filter_rows(log, LogFilter(text="zebra")) == []
    actions.add_update(db, world.refs["svd"], "Zebra crossing agreed")
    new = actions.create_action(db, minute_id=world.m14, text="A zebra count").after
    actions.delete_action(db, world.refs["done"])
    fresh, latest = al.load_rows(db, [world.refs["svd"], new.id])
    added = log.patch(fresh, removed=[world.refs["done"]], latest=latest)
    assert [r[0] for r in added] == [new.id]
    assert sorted(refs(db, af.filter_rows(log, LogFilter(text="zebra")))) == sorted(
        [world.ref(db, "svd"), new.reference]
    )
    assert len(log.rows) == 6
    assert log.latest_update_text(next(r for r in log.rows if r[0] == world.refs["svd"])).endswith(
        "Zebra crossing agreed"
    )
    assert al.load_rows(db, []) == ([], {})


def test_filter_choices(db, world, log) -> None:
    assert log.owner_choices() == [
        ("+Community Safety Team", "+Community Safety Team"),
        ("Dawn McNally", world.dawn),
        ("Ian Maher", world.ian),
    ]
    assert log.organisation_choices() == [
        ("Merseyside Police", world.police),
        ("Sefton Council", world.council),
    ]


def test_an_empty_database(db) -> None:
    log = al.load_log(db)
    assert log.rows == [] and af.filter_rows(log, LogFilter(text="x")) == []
    assert af.sort_rows(log, [], Column.OWNER) == []
    assert date.today()


def test_the_latest_updates_can_come_after_the_rows(db, world) -> None:
    log = al.load_log(db, latest=False)
    assert len(log.rows) == 6
    assert log.latest is None and log.latest_update_text(log.rows[0]) == ""
    log.take_latest(al.read_latest(db, log.rows))  # read apart from the rows (on the database worker)
    latest = log.latest
    assert latest is not None and latest[world.refs["asb"]] == ("2022-09-20", "Briefing booked for October")
    assert world.refs["svd"] not in latest  # no update yet
    assert al.load_latest(db, [world.refs["asb"], 424242]) == {world.refs["asb"]: latest[world.refs["asb"]]}
    assert refs(db, af.filter_rows(log, LogFilter(text="booked"))) == [world.ref(db, "asb")]


def test_the_rows_are_usable_before_the_latest_updates_come(db, world) -> None:
    log = al.load_log(db, latest=False)  # (they may never come: their read can fail)
    assert log.known_latest() == {}
    assert log.latest_update_text(log.rows[0]) == ""
    assert len(af.filter_rows(log, LogFilter(text="prevent"))) == 1
    assert refs(db, af.filter_rows(log, LogFilter(text="booked"))) == []
    assert len(af.sort_rows(log, log.rows, Column.LATEST_UPDATE)) == 6


def test_rows_patched_before_the_latest_updates_come_keep_their_own(db, world) -> None:
    log = al.load_log(db, latest=False)
    index = al.read_latest(db, log.rows)  # read before the edit below, delivered after it
    actions.add_update(db, world.refs["asb"], "Briefing moved to November", on=date(2022, 10, 1))
    actions.delete_action(db, world.refs["prevent"])
    log.take_changes(al.read_changes(db, log.stamp, log.positions()))
    log.take_latest(index)
    assert log.update_of(next(r for r in log.rows if r[0] == world.refs["asb"])) == (
        "2022-10-01",
        "Briefing moved to November",
    )
    assert log.latest is not None and world.refs["prevent"] not in log.latest and len(log.rows) == 5
    assert refs(db, af.filter_rows(log, LogFilter(text="november"))) == [world.ref(db, "asb")]


def test_changes_since_the_log_was_read(db, world) -> None:
    log = al.load_log(db)
    before = log.stamp
    unchanged = al.read_changes(db, log.stamp, log.positions())
    assert unchanged.removed == frozenset()
    assert len(unchanged.rows) < len(log.rows)  # (only the newest change is read again)
    actions.set_status(db, world.refs["asb"], ActionStatus.COMPLETED)
    added = actions.create_action(db, minute_id=world.m14, text="Count the zebra crossings").after
    assert added is not None
    actions.delete_action(db, world.refs["done"])
    changes = al.read_changes(db, log.stamp, log.positions())
    assert {world.refs["asb"], added.id} <= {r[0] for r in changes.rows}
    assert changes.removed == frozenset({world.refs["done"]})
    new = log.take_changes(changes)
    assert [r[0] for r in new] == [added.id] and log.stamp != before
    by_id = {r[0]: r for r in log.rows}
    assert ar.status_of(by_id[world.refs["asb"]]) is ActionStatus.COMPLETED
    assert world.refs["done"] not in by_id and len(log.rows) == 6
    assert al.read_changes(db, log.stamp, log.positions()).removed == frozenset()


def test_sorting_follows_edits_of_wording_and_updates(db, world) -> None:
    log = al.load_log(db)
    by = lambda column: refs(db, af.sort_rows(log, log.rows, column))  # noqa: E731
    assert by(Column.ACTION)[0] == world.ref(db, "svd")
    assert by(Column.LATEST_UPDATE)[:2] == [world.ref(db, "prevent"), world.ref(db, "asb")]
    actions.update_action(db, world.refs["done"], ActionPatch(text="!Aardvark count first"))
    actions.add_update(db, world.refs["formula"], "Earliest of all", on=date(2020, 1, 1))
    fresh, latest = al.load_rows(db, [world.refs["done"], world.refs["formula"]])
    log.patch(fresh, latest=latest)
    assert by(Column.ACTION)[0] == world.ref(db, "done")
    assert by(Column.LATEST_UPDATE)[0] == world.ref(db, "formula")


def test_a_locked_file_is_explained_not_an_unexpected_problem(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The log reads through a driver connection of its own; SQLite's "database is locked" there
    becomes the same explanation every other read gives."""
    path, db = world_file(tmp_path, busy_timeout=0.3)
    try:
        with held_exclusively(path):
            for read in (
                lambda: al.load_log(db, latest=False),
                lambda: al.load_latest(db),
                lambda: al.read_changes(db, None, []),
                lambda: al.load_rows(db, [1]),
            ):
                with pytest.raises(DatabaseBusyError, match="is busy"):
                    read()
            with pytest.raises(DatabaseBusyError), al.export_rows(db):
                pass
    finally:
        db.dispose()
