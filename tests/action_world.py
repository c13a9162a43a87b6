"""A small action log shared by the action tests: two committees, meetings, minutes, actions in
every status, progress updates, a recommendation, and awkward text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sst_desktop.domain import Committee, Meeting, Minute, Organisation, Person
from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.services import actions
from sst_desktop.storage.engine import Database

TODAY = date.today()


@dataclass
class World:
    sst: int
    prwg: int
    june: int
    sept: int
    m5: int
    m6: int
    m14: int
    dawn: int
    ian: int
    police: int
    council: int
    refs: dict[str, int]  # name -> action id

    def ref(self, db: Database, name: str) -> str:
        return actions.get_action(db, self.refs[name]).reference


def build_world(db: Database) -> World:
    with db.write() as s:
        police = Organisation(name="Merseyside Police")
        council = Organisation(name="Sefton Council")
        s.add_all([police, council])
        s.flush()
        dawn = Person(
            title="Superintendent", first_name="Dawn", last_name="McNally", organisation_id=police.id
        )
        ian = Person(title="Councillor", first_name="Ian", last_name="Maher", organisation_id=council.id)
        s.add_all([dawn, ian])
        sst = Committee(name="Safer Sefton Together", short_name="SST")
        prwg = Committee(name="Peer Review Working Group", short_name="PRWG")
        s.add_all([sst, prwg])
        s.flush()
        june = Meeting(committee_id=sst.id, date=date(2022, 6, 22))
        sept = Meeting(committee_id=sst.id, date=date(2022, 9, 8))
        s.add_all([june, sept])
        s.flush()
        m5 = Minute(meeting_id=june.id, number=5, position=5, heading="PREVENT UPDATE")
        m6 = Minute(meeting_id=june.id, number=6, position=6, heading="SERIOUS VIOLENCE DUTY")
        m14 = Minute(meeting_id=sept.id, number=14, position=2, heading="ANTI-SOCIAL BEHAVIOUR")
        s.add_all([m5, m6, m14])
        s.flush()
        ids = dict(
            sst=sst.id, prwg=prwg.id, june=june.id, sept=sept.id, m5=m5.id, m6=m6.id, m14=m14.id,
            dawn=dawn.id, ian=ian.id, police=police.id, council=council.id,
        )  # fmt: skip

    def make(name: str, **kw: object) -> None:
        refs[name] = actions.create_action(db, **kw).after.id  # type: ignore[union-attr]

    refs: dict[str, int] = {}
    make(
        "prevent",
        minute_id=ids["m5"],
        text="Circulate the Prevent referral figures to members",
        owner_person_id=ids["dawn"],
        due_date=TODAY - timedelta(days=10),
    )
    make(
        "formula",
        minute_id=ids["m5"],
        text='=HYPERLINK("http://example.com") & café — 中文 العربية 😀 <b>',
        owner_text="+Community Safety Team",
        organisation_id=ids["council"],
        due_date=TODAY + timedelta(days=5),
    )
    make(
        "svd",
        minute_id=ids["m6"],
        text="-Report back on the Serious Violence Duty needs assessment",
        owner_person_id=ids["ian"],
        due_next_meeting=True,
    )
    make(
        "asb",
        minute_id=ids["m14"],
        text="@Arrange a briefing on anti-social behaviour in Bootle",
        owner_person_id=ids["dawn"],
        due_date=TODAY + timedelta(days=40),
        status=ActionStatus.IN_PROGRESS,
    )
    make(
        "done",
        minute_id=ids["m14"],
        text="Share the CCTV coverage map",
        owner_person_id=ids["ian"],
        due_date=TODAY - timedelta(days=30),
        status=ActionStatus.COMPLETED,
        completed_on=TODAY - timedelta(days=31),
    )
    make(
        "recommendation",
        committee_id=ids["prwg"],
        kind=ActionKind.RECOMMENDATION,
        text="That the Council adopts a programme of peer reviews for its scrutiny committees",
        response="Accepted. A programme will be agreed with the Local Government Association.",
        organisation_id=ids["council"],
        due_date=TODAY - timedelta(days=2),
    )
    actions.add_update(db, refs["prevent"], "Figures requested from the Home Office", on=date(2022, 7, 1))
    actions.add_update(db, refs["prevent"], "Figures circulated in draft", on=date(2022, 8, 1))
    actions.add_update(db, refs["asb"], "Briefing booked for October", on=date(2022, 9, 20))
    return World(refs=refs, **ids)  # type: ignore[arg-type]


def confirm_minutes(db: Database, meeting_id: int) -> None:
    with db.write() as s:
        s.get(Meeting, meeting_id).minutes_confirmed_at = datetime(2022, 9, 8, 11, 0)


def add_many_actions(db: Database, committee_id: int, count: int, *, first_id: int = 1_000_000) -> list[int]:
    """``count`` actions of one committee in one go, every third with a progress update; their ids.

    Written straight through the driver in one transaction, values as SQLite stores them: a hundred
    thousand take a second or two, where the ORM (or typed Core inserts) take several."""
    stamp = "2024-01-02 09:30:00.000000"
    statuses = [s.value for s in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DEFERRED)]
    ids = list(range(first_id, first_id + count))
    with db.write() as s:
        short = s.get(Committee, committee_id).short_name  # type: ignore[union-attr]
        connection = s.connection()
        connection.exec_driver_sql(
            "INSERT INTO actions (id, reference, kind, committee_id, position, text, response, owner_text,"
            " due_date, due_next_meeting, status, created_at, updated_at)"
            " VALUES (?, ?, 'action', ?, ?, ?, '', 'Community Safety Team', ?, 0, ?, ?, ?)",
            [
                (
                    i,
                    f"{short}/BULK/{i}",
                    committee_id,
                    i,
                    f"Report back on the anti-social behaviour hotspots, item {i}",
                    (date(2023, 1, 1) + timedelta(days=i % 700)).isoformat(),
                    statuses[i % 3],
                    stamp,
                    stamp,
                )
                for i in ids
            ],
        )
        connection.exec_driver_sql(
            "INSERT INTO action_updates (action_id, \"on\", text, author, created_at) VALUES (?, ?, ?, '', ?)",
            [(i, "2023-02-01", f"Update {i}", stamp) for i in ids if i % 3 == 0],
        )
    return ids


def world_file(folder: Path, *, busy_timeout: float) -> tuple[Path, Database]:
    """The small world in a file of its own, opened to wait ``busy_timeout`` seconds for a lock;
    its connections have let go of the file (so another program can take it whole)."""
    from sst_desktop.storage.opening import open_path

    path = folder / "world.db"
    db = open_path(path, backup_dir=folder / "backups", busy_timeout=busy_timeout)
    build_world(db)
    db.engine.dispose()
    return path, db
