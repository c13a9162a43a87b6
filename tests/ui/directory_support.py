"""Helpers for the directory GUI tests: message boxes captured, modal dialogs driven, sample data."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, time
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from sqlalchemy import event

from sst_desktop.domain.enums import CommitteeKind, MembershipRole
from sst_desktop.services import committees, memberships, organisations, people
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.people import PersonPatch
from sst_desktop.storage.engine import Database
from tests.ui.waiting import settle


@dataclass
class Boxes:
    """Message boxes the code under test showed: (kind, title, text)."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.shown]

    def texts(self) -> str:
        return "\n".join(f"{title}: {text}" for _kind, title, text in self.shown)


W = TypeVar("W", bound=QWidget)


def shown_page(qtbot, page: W, size: tuple[int, int] | None = None) -> W:  # type: ignore[no-untyped-def]
    """``page`` on the screen (at ``size``), with what it reads from the database worker shown."""
    qtbot.addWidget(page)
    if size is not None:
        page.resize(*size)
    page.show()
    settle(qtbot)
    return page


def capture_message_boxes(monkeypatch) -> Boxes:  # type: ignore[no-untyped-def]
    boxes = Boxes()

    def record(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            boxes.shown.append((kind, title, text))
            return boxes.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    return boxes


def drive_dialog(qtbot, open_it: Callable[[], object], fill: Callable[[QDialog], None]) -> object:  # type: ignore[no-untyped-def]
    """Call ``open_it`` (which runs a modal dialog) and let ``fill`` work the dialog meanwhile.

    ``fill`` receives the dialog, types into it and clicks its buttons like a user.
    """
    seen: list[QDialog] = []

    def work() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog in seen:
            QTimer.singleShot(20, work)
            return
        seen.append(dialog)
        fill(dialog)

    QTimer.singleShot(0, work)
    result = open_it()
    assert seen, "no dialog was shown"
    settle(qtbot)  # what the dialog asked of the database has come back and is shown
    return result


@contextmanager
def recorded_sql(db: Database) -> Iterator[list[tuple[str, str]]]:
    """The SQL statements run meanwhile, each with the name of the thread that ran it."""
    seen: list[tuple[str, str]] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append((threading.current_thread().name, statement))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def write_transactions(seen: list[tuple[str, str]]) -> int:
    """How many write transactions the recorded statements began (reads are not counted)."""
    return sum(1 for _thread, statement in seen if statement.upper().startswith("BEGIN IMMEDIATE"))


@dataclass
class Sample:
    sst: int
    hardy: int
    kelly: int
    frackleton: int
    barton: int
    council: int
    police: int


def sample_directory(db: Database) -> Sample:
    """A small Safer Sefton Together: a Chair, two members, an officer."""
    council = organisations.create_organisation(db, "Sefton Council").after.id
    police = organisations.create_organisation(db, "Merseyside Police").after.id
    barton = people.create_person(
        db,
        PersonPatch(
            first_name="Ian",
            last_name="Barton",
            job_title="Democratic Services Officer",
            organisation_id=council,
            telephone="0151 934 2788",
            email="ian.barton@sefton.gov.uk",
        ),
    ).after.id
    sst = committees.create_committee(
        db,
        CommitteePatch(
            name="Safer Sefton Together",
            short_name="SST",
            kind=CommitteeKind.PARTNERSHIP,
            former_names=["Sefton Safer Communities Partnership"],
            default_venue="Bootle Town Hall",
            default_start_time=time(10, 0),
            officer_id=barton,
            open_to_public=False,
        ),
    ).after.id
    hardy = people.create_person(
        db, PersonPatch(title="Councillor", first_name="Trish", last_name="Hardy", organisation_id=council)
    ).after.id
    kelly = people.create_person(
        db, PersonPatch(first_name="Sonya", last_name="Kelly", organisation_id=council)
    ).after.id
    frackleton = people.create_person(db, PersonPatch(first_name="Neil", last_name="Frackleton")).after.id
    start = date(2022, 5, 1)
    memberships.add_membership(db, sst, hardy, role=MembershipRole.CHAIR, start_date=start)
    memberships.add_membership(db, sst, kelly, start_date=start)
    return Sample(sst, hardy, kelly, frackleton, barton, council, police)
