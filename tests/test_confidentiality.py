"""Confidentiality: nothing exempt reaches a public document; confirmed minutes never change.

Unique markers are planted in every confidential part of an exempt item — its description, its report
(text, metadata, title, file name), and at the meeting that discussed it the minute's text, its
resolution, the action recorded under it (text, owner) and that action's progress update — and each
public output is searched for them: the text, the raw bytes, every decoded PDF stream, the metadata
and bookmarks, every XML part of a Word or Excel file. The same markers are found in the full
(confidential) versions, so the search can fail.

What is public by design, and so is not searched for:
- an exempt item's *title* and presenters: the agenda must list every item of business (seed 002 shows
  the exempt DHR10 item on the public agenda), so officers word those titles for publication;
- the public summary the officer writes for the public minutes in place of the discussion.

The action log workbook is the partners' working document, sent to board members and officers who
may see exempt information (like the full pack), not a publication: it lists actions recorded under
exempt minutes, and a test below states that so any change to it is deliberate. The calendar and the
attendance register carry no item content at all.

Confirmed minutes cannot be changed through the services, the spreadsheet import or the GUI.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import StreamObject
from sqlalchemy import func, select

from sst_desktop.domain import AuditEntry
from sst_desktop.domain.enums import DeclarationAction, InterestKind, MinuteOutcome, ProceduralRole
from sst_desktop.exports import (
    actions_xlsx,
    agenda_pack,
    agenda_pdf,
    attendance_xlsx,
    calendar_ics,
    minutes_docx,
    minutes_pdf,
)
from sst_desktop.exports.minutes_copy import copy_minutes
from sst_desktop.imports.actions_xlsx import import_actions_xlsx
from sst_desktop.services import actions, agenda, attachments, attendance, declarations, minutes
from sst_desktop.services.actions import ActionPatch
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.declarations import DeclarationPatch
from sst_desktop.services.errors import ConfirmedMinutesError, ServiceError
from sst_desktop.storage.engine import Database
from tests.meeting_factory import SST, make_sst, pdf_bytes
from tests.ui.waiting import settle

# Markers: ASCII, so every extraction path sees them whole.
DESCRIPTION = "QZXDESCRIPTIONMARK"
REPORT_TEXT = "QZXREPORTTEXTMARK"
REPORT_META = "QZXREPORTMETAMARK"
REPORT_TITLE = "QZXREPORTTITLEMARK"
REPORT_FILE = "qzxreportfilemark"
MINUTE_TEXT = "QZXMINUTETEXTMARK"
RESOLUTION = "QZXRESOLUTIONMARK"
ACTION_TEXT = "QZXACTIONTEXTMARK"
ACTION_OWNER = "QZXACTIONOWNERMARK"
UPDATE = "QZXUPDATEMARK"
SECOND_DESCRIPTION = "QZXSECONDDESCRIPTIONMARK"
SECOND_MINUTE = "QZXSECONDMINUTEMARK"

AGENDA_SECRETS = (DESCRIPTION, SECOND_DESCRIPTION)
REPORT_SECRETS = (REPORT_TEXT, REPORT_META, REPORT_TITLE, REPORT_FILE)
MINUTES_SECRETS = (MINUTE_TEXT, RESOLUTION, ACTION_TEXT, ACTION_OWNER, UPDATE, SECOND_MINUTE)
ALL_SECRETS = AGENDA_SECRETS + REPORT_SECRETS + MINUTES_SECRETS
PUBLIC_SUMMARY = "The Board considered a confidential report on a domestic homicide review."


@dataclass
class Board:
    sst: SST
    june_exempt_item: int
    june_exempt_minute: int
    june_open_minute: int
    exempt_action: int
    september_previous_minutes_item: int


def _exempt_item(db: Database, meeting_id: int, title: str, description: str, paragraphs: list[int]) -> int:
    item = agenda.add_item(
        db,
        meeting_id,
        title,
        AgendaItemPatch(description=description, exempt_paragraphs=paragraphs, presenters_text="Mary Mason"),
    ).after
    assert item is not None and item.is_exempt
    return item.id


@pytest.fixture
def board(db: Database) -> Board:
    sst = make_sst(db, venue="Bootle Town Hall")
    agenda.build_default_agenda(db, sst.june)
    agenda.build_default_agenda(db, sst.september)

    # June: an exempt item minuted in full, with a resolution, an action and progress.
    june_item = _exempt_item(db, sst.june, "DHR9 Review", "Joint chairs' overview", [1, 7])
    june_open = agenda.add_item(db, sst.june, "Prevent Update").after
    minutes.open_minutes(db, sst.june)
    exempt_minute = minutes.minute_for_item(db, june_item).id
    minutes.set_text(db, exempt_minute, f"The Board discussed victim details {MINUTE_TEXT} at length.")
    minutes.set_public_summary(db, exempt_minute, PUBLIC_SUMMARY)
    minutes.add_resolution(db, exempt_minute, f"the findings {RESOLUTION} be referred to the Home Office")
    action = actions.create_action(
        db, minute_id=exempt_minute, text=f"Contact the family {ACTION_TEXT}", owner_text=ACTION_OWNER
    ).after
    assert action is not None
    actions.add_update(db, action.id, f"Family contacted {UPDATE}", on=date(2022, 7, 1))
    open_minute = minutes.minute_for_item(db, june_open.id).id  # type: ignore[union-attr]
    minutes.set_text(db, open_minute, "Steve Martlew gave an update on PREVENT.")
    minutes.add_resolution(db, open_minute, "the update be noted")
    second = _exempt_item(db, sst.june, "Contract award", SECOND_DESCRIPTION, [3])
    minutes.set_text(
        db, minutes.minute_for_item(db, second).id, f"Tender prices {SECOND_MINUTE} were compared."
    )

    # September: an exempt item with a report, and the minutes of June to confirm.
    september_item = _exempt_item(db, sst.september, "DHR10 report", DESCRIPTION, [7])
    attachments.attach_pdf(
        db,
        september_item,
        pdf_bytes(f"DHR10 overview {REPORT_TEXT}", "Second page", title=REPORT_META),
        f"{REPORT_FILE}.pdf",
        title=REPORT_TITLE,
    )
    _exempt_item(db, sst.september, "Second exempt item", SECOND_DESCRIPTION, [3, 4])
    previous = next(
        i
        for i in agenda.list_agenda_items(db, sst.september)
        if i.procedural_role == ProceduralRole.PREVIOUS_MINUTES
    )
    return Board(sst, june_item, exempt_minute, open_minute, action.id, previous.id)


# Looking inside files ---------------------------------------------------------------------------------
def pdf_everything(data: bytes) -> str:
    """Extracted text, metadata, bookmarks, and every decoded stream of a PDF, as one string."""
    reader = PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    parts.append(str(reader.metadata))
    parts.extend(str(o.title) for o in _outline(reader.outline))
    numbers = {n for entries in reader.xref.values() for n in entries} | set(reader.xref_objStm)
    for number in sorted(numbers):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if isinstance(obj, StreamObject):
            try:
                parts.append(obj.get_data().decode("latin-1"))
            except Exception:
                parts.append(obj._data.decode("latin-1"))  # an undecodable stream: its raw bytes
        elif obj is not None:
            parts.append(str(obj))
    parts.append(data.decode("latin-1"))
    return "\n".join(parts)


def _outline(items) -> list:  # type: ignore[no-untyped-def]
    flat = []
    for item in items:
        if isinstance(item, list):
            flat.extend(_outline(item))
        else:
            flat.append(item)
    return flat


def zip_everything(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def absent(haystack: str, secrets: tuple[str, ...], where: str) -> None:
    leaked = [s for s in secrets if s in haystack or s.casefold() in haystack.casefold()]
    assert not leaked, f"{where} leaks {leaked}"


def present(haystack: str, secrets: tuple[str, ...], where: str) -> None:
    missing = [s for s in secrets if s not in haystack and s.upper() not in haystack]
    assert not missing, f"{where} is missing {missing}: the markers were not planted where expected"


# Public outputs -----------------------------------------------------------------------------------------
def test_public_agenda(db: Database, board: Board, tmp_path: Path) -> None:
    public = tmp_path / "agenda.pdf"
    agenda_pdf.export_agenda(db, board.sst.september, public)
    everything = pdf_everything(public.read_bytes())
    absent(everything, ALL_SECRETS, "the public agenda")
    assert "DHR10 report" in everything  # the title is public by design
    assert "Schedule 12A" in everything

    full = tmp_path / "agenda-full.pdf"
    agenda_pdf.export_agenda(db, board.sst.september, full, public=False)
    present(pdf_everything(full.read_bytes()), AGENDA_SECRETS, "the full agenda")


def test_public_agenda_pack(db: Database, board: Board, tmp_path: Path) -> None:
    minutes.open_minutes(db, board.sst.september)
    public = tmp_path / "pack.pdf"
    result = agenda_pack.export_agenda_pack(db, board.sst.september, public)
    everything = pdf_everything(public.read_bytes())
    absent(everything, ALL_SECRETS, "the public agenda pack")
    assert "Document is Restricted" in everything
    assert PUBLIC_SUMMARY in " ".join(everything.split())  # June's public minutes are in the pack
    assert any(s.restricted for s in result.sections)

    full = tmp_path / "pack-full.pdf"
    agenda_pack.export_agenda_pack(db, board.sst.september, full, full=True)
    present(pdf_everything(full.read_bytes()), (DESCRIPTION, REPORT_TEXT), "the full agenda pack")


def test_public_minutes_pdf_and_word(db: Database, board: Board, tmp_path: Path) -> None:
    pdf = tmp_path / "minutes.pdf"
    minutes_pdf.write_minutes_pdf(db, board.sst.june, pdf)
    everything = pdf_everything(pdf.read_bytes())
    absent(everything, ALL_SECRETS, "the public minutes (PDF)")
    assert PUBLIC_SUMMARY in " ".join(everything.split())
    assert "Steve Martlew gave an update on PREVENT." in " ".join(everything.split())

    word = tmp_path / "minutes.docx"
    minutes_docx.write_minutes_docx(db, board.sst.june, word)
    xml = zip_everything(word)
    absent(xml, ALL_SECRETS, "the public minutes (Word)")
    assert PUBLIC_SUMMARY in xml

    full_pdf = minutes_pdf.build_minutes_pdf(db, board.sst.june, public=False)
    present(
        pdf_everything(full_pdf), (MINUTE_TEXT, RESOLUTION, ACTION_TEXT, SECOND_MINUTE), "the full minutes"
    )
    full_word = tmp_path / "minutes-full.docx"
    minutes_docx.write_minutes_docx(db, board.sst.june, full_word, public=False)
    present(zip_everything(full_word), (MINUTE_TEXT, RESOLUTION, ACTION_TEXT), "the full minutes (Word)")


def test_published_website(db: Database, board: Board, tmp_path: Path) -> None:
    """Every page and every file of the published website, with open actions: nothing exempt."""
    from sst_desktop.exports.website.writer import publish_site
    from sst_desktop.services.action_records import get_action

    minutes.open_minutes(db, board.sst.september)
    public_action = actions.create_action(
        db, minute_id=board.june_open_minute, text="Set up the sub-group"
    ).after
    assert public_action is not None
    site = tmp_path / "site"
    result = publish_site(db, board.sst.committee_id, site, with_actions=True)
    files = sorted(p for p in site.rglob("*") if p.is_file())
    assert len(files) == result.files + 1  # and the manifest
    for path in files:
        data = path.read_bytes()
        everything = pdf_everything(data) if path.suffix == ".pdf" else data.decode("utf-8")
        absent(everything, (*ALL_SECRETS, REPORT_FILE), f"the website's {path.relative_to(site)}")
    june = (site / "meetings" / f"{db_date(db, board.sst.june)}.html").read_text(encoding="utf-8")
    assert PUBLIC_SUMMARY in " ".join(june.split())
    assert "DHR10 report" in (site / "meetings" / f"{db_date(db, board.sst.september)}.html").read_text()
    exempt_action = get_action(db, board.exempt_action)
    assert not exempt_action.is_done
    listed = (site / "actions.html").read_text(encoding="utf-8")
    assert exempt_action.reference not in listed
    assert public_action.reference in listed and "Set up the sub-group" in listed


def db_date(db: Database, meeting_id: int) -> str:
    from sst_desktop.services.meetings import get_meeting

    return get_meeting(db, meeting_id).date.isoformat()


def test_calendar_and_attendance_register_carry_no_item_content(
    db: Database, board: Board, tmp_path: Path
) -> None:
    ics = tmp_path / "meetings.ics"
    calendar_ics.export_calendar(db, board.sst.committee_id, ics)
    absent(ics.read_text(encoding="utf-8"), (*ALL_SECRETS, "DHR9", "DHR10"), "the calendar")

    register = tmp_path / "attendance.xlsx"
    attendance_xlsx.export_attendance_xlsx(db, board.sst.committee_id, register)
    absent(zip_everything(register), ALL_SECRETS, "the attendance register")


def test_action_log_is_the_partners_document_and_lists_exempt_actions(
    db: Database, board: Board, tmp_path: Path
) -> None:
    """Decided: not a public output (see the module docstring); this states what it holds."""
    log = tmp_path / "actions.xlsx"
    actions_xlsx.export_actions_xlsx(db, log)
    xml = zip_everything(log)
    present(xml, (ACTION_TEXT, UPDATE), "the action log")
    absent(xml, AGENDA_SECRETS + REPORT_SECRETS + (MINUTE_TEXT, RESOLUTION, SECOND_MINUTE), "the action log")


# Confirmed minutes never change --------------------------------------------------------------------------
def confirm_june(db: Database, board: Board) -> None:
    minutes.open_minutes(db, board.sst.september)
    previous_minute = minutes.minute_for_item(db, board.september_previous_minutes_item)
    minutes.confirm_previous_minutes(db, previous_minute.id, copy_minutes)


def snapshot(db: Database, board: Board) -> tuple:  # type: ignore[type-arg]
    records = minutes.list_minutes(db, board.sst.june)
    register = attendance.list_attendance(db, board.sst.june)
    with db.read() as session:
        audit_rows = session.scalar(select(func.count()).select_from(AuditEntry))
    return (
        records,
        register,
        declarations.list_declarations(db, board.sst.june),
        [(a.text, a.owner_text) for a in actions.list_actions_for_meeting(db, board.sst.june)],
        agenda.list_agenda_items(db, board.sst.june),
        audit_rows,
    )


def test_confirmed_minutes_refuse_every_edit_through_the_services(db: Database, board: Board) -> None:
    attendance.prefill_register(db, board.sst.june)
    register = attendance.list_attendance(db, board.sst.june)
    member = register[0]
    hardy = board.sst.people["Hardy"]
    minute = minutes.get_minute(db, board.june_exempt_minute)
    resolution_id = minute.resolutions[0].id
    open_minute = minutes.get_minute(db, board.june_open_minute)
    confirm_june(db, board)
    before = snapshot(db, board)

    edits: dict[str, Callable[[], object]] = {
        "minute text": lambda: minutes.set_text(db, minute.id, "rewritten"),
        "public summary": lambda: minutes.set_public_summary(db, minute.id, "rewritten"),
        "heading": lambda: minutes.set_heading(db, minute.id, "Rewritten"),
        "outcome": lambda: minutes.set_outcome(db, minute.id, MinuteOutcome.DEFERRED),
        "add resolution": lambda: minutes.add_resolution(db, minute.id, "the minutes be rewritten"),
        "change resolution": lambda: minutes.update_resolution(db, resolution_id, "rewritten"),
        "resolution text": lambda: minutes.set_resolution_text(db, resolution_id, "rewritten"),
        "remove resolution": lambda: minutes.remove_resolution(db, resolution_id),
        "move resolution": lambda: minutes.move_resolution(db, resolution_id, 0),
        "quick phrase": lambda: minutes.insert_quick_phrase(db, minute.id, minutes.QuickPhrase.REPORT_NOTED),
        "reference": lambda: minutes.add_reference(db, minute.id, open_minute.id),
        "delete minute": lambda: minutes.delete_minute(db, minute.id),
        "present": lambda: attendance.set_present(db, member.id),
        "apologies": lambda: attendance.set_apologies(db, member.id),
        "in the chair": lambda: attendance.set_in_chair(db, member.id),
        "remove from register": lambda: attendance.remove_attendance(db, member.id),
        "add attendee": lambda: attendance.add_attendee(db, board.sst.june, board.sst.officer_id),
        "declaration": lambda: declarations.add_declaration(
            db,
            board.sst.june,
            DeclarationPatch(
                person_id=hardy,
                kind=InterestKind.OTHER_REGISTRABLE,
                action=DeclarationAction.REMAINED,
                agenda_item_id=board.june_exempt_item,
            ),
        ),
        "action wording": lambda: actions.update_action(
            db, board.exempt_action, ActionPatch(text="rewritten")
        ),
        "action owner": lambda: actions.update_action(
            db, board.exempt_action, ActionPatch(owner_text="Someone else")
        ),
        "action text": lambda: actions.set_action_text(db, board.exempt_action, "rewritten"),
        "delete action": lambda: actions.delete_action(db, board.exempt_action),
        "new action in the minute": lambda: actions.create_action(db, minute_id=minute.id, text="A new one"),
        "agenda item": lambda: agenda.update_item(
            db, board.june_exempt_item, AgendaItemPatch(title="Rewritten")
        ),
        "remove agenda item": lambda: agenda.remove_item(db, board.june_exempt_item),
    }
    allowed = []
    for name, edit in edits.items():
        try:
            edit()
        except ConfirmedMinutesError as error:
            assert "confirmed" in str(error), name
        except ServiceError as error:
            pytest.fail(f"{name}: refused, but not as confirmed minutes: {error}")
        else:
            allowed.append(name)
    assert allowed == [], f"confirmed minutes were changed through: {allowed}"
    assert snapshot(db, board) == before

    # The action log stays live: progress and status may still be recorded.
    actions.add_update(db, board.exempt_action, "Still in hand", on=date(2022, 9, 9))
    actions.set_status(db, board.exempt_action, "in_progress")


def test_the_import_cannot_change_confirmed_minutes(db: Database, board: Board, tmp_path: Path) -> None:
    confirm_june(db, board)
    sheet = tmp_path / "actions.xlsx"
    actions_xlsx.export_actions_xlsx(db, sheet)
    from openpyxl import load_workbook

    wb = load_workbook(sheet)
    ws = wb.worksheets[0]
    header_row = next(
        r for r in ws.iter_rows(min_row=1, max_row=10) if any(c.value == "Reference" for c in r)
    )
    columns = {str(c.value): c.column for c in header_row if c.value}
    row = next(
        r[0].row
        for r in ws.iter_rows(min_row=header_row[0].row + 1)
        if r[columns["Action"] - 1].value and ACTION_TEXT in str(r[columns["Action"] - 1].value)
    )
    ws.cell(row, columns["Action"]).value = "Rewritten by a partner"
    ws.cell(row, columns["Owner"]).value = "Someone else"
    ws.cell(row, columns["Status"]).value = "In progress"
    ws.cell(row, columns["New update"]).value = "Partner's progress note"
    wb.save(sheet)
    before = snapshot(db, board)[0]

    _preview, result = import_actions_xlsx(db, sheet, apply=True)
    assert result is not None
    action = actions.get_action(db, board.exempt_action)
    assert action.text == f"Contact the family {ACTION_TEXT}"  # the minutes' wording is untouched
    assert action.owner_text == ACTION_OWNER
    assert action.status.value == "in_progress"  # the live log may change
    assert "Partner's progress note" in [u.text for u in actions.list_updates(db, board.exempt_action)]
    assert minutes.list_minutes(db, board.sst.june) == before


def test_confirmed_minutes_cannot_be_edited_in_the_gui(
    qtbot, monkeypatch, db: Database, board: Board, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QMessageBox

    from sst_desktop.ui.context import AppContext
    from tests.ui.minute_window import open_minute_taking

    confirm_june(db, board)
    before = snapshot(db, board)
    told: list[str] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a, **k: told.append(text))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = open_minute_taking(AppContext(db), board.sst.june, settings)
    qtbot.addWidget(window)
    window.show()
    window.go_to(board.june_exempt_item)
    editor = window.editor
    assert editor.narrative.isReadOnly()
    qtbot.keyClicks(editor.narrative, "rewritten")
    qtbot.keyClicks(editor.heading, "rewritten")
    qtbot.keyClick(editor.narrative, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    window.session.saver.flush()
    settle(qtbot)
    assert told and all("no longer" in t or "confirmed" in t for t in told)
    assert snapshot(db, board) == before
    assert re.search(MINUTE_TEXT, minutes.get_minute(db, board.june_exempt_minute).text)
