"""Hostile and odd text through every export and the import (property-based, with hypothesis).

Arbitrary Unicode — control characters, markup (``<b>``, ``&``, ``<img src=…>``), spreadsheet formulas
(``=cmd|' /C calc'!A0``), right-to-left text and bidi overrides, emoji, combining marks — is typed into
an agenda item, a minute, a resolution, an action and its progress update and the venue, through the
services, then every document is written: agenda and agenda pack (PDF), minutes (PDF and Word), the
action log and attendance workbooks, the calendar. For each: no crash, the file opens again in its own
library, the printable text is there when read back, and no spreadsheet formula is made from user text.
The import reads partner workbooks holding the same text, and arbitrary bytes, without a traceback.

Example counts are kept small for CI; ``SST_HOSTILE_EXAMPLES=500`` runs every property that many times.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from sst_desktop.exports import (
    actions_xlsx,
    agenda_pack,
    agenda_pdf,
    attendance_xlsx,
    calendar_ics,
    minutes_docx,
    minutes_pdf,
)
from sst_desktop.exports.xlsx_cells import EXCEL_CELL_LIMIT, TRUNCATION_MARK, clean_for_excel, set_text
from sst_desktop.imports.actions_xlsx import import_actions_xlsx
from sst_desktop.services import actions, agenda, meetings, minutes
from sst_desktop.services.actions import ActionPatch
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.errors import ServiceError, ValidationError
from sst_desktop.services.meetings import MeetingPatch
from sst_desktop.services.people import PersonPatch
from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_path
from tests.minutes_data import SeedMeeting, build_seed_meeting

HOSTILE = [
    "<b>",
    "</para>",
    "a<b",
    "&",
    "&amp;",
    "&#x41;",
    "<img src='/etc/passwd'/>",
    '<img src="file:///C:/Windows/win.ini">',
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r\n",
    "\u202e",  # right-to-left override
    "\u200d",
    "\ufeff",
    "\ufffe",
    "\u00ad",
    "مرحبا بكم في الاجتماع",  # Arabic
    "שלום עולם",  # Hebrew
    "社区安全伙伴关系",  # Chinese
    "地域安全会議のカタカナ",  # Japanese
    "지역 안전 협의회",  # Korean
    "ＳＳＴ　会議（第２回）",  # full-width forms
    "सामुदायिक सुरक्षा",  # Devanagari
    "Кириллица",
    "Ελληνικά",
    "👩‍👩‍👧 🚓 🏳️‍🌈",
    "🎉👍😀 ☎ ✓ ⚠",
    "e\u0301\u0301",
    "Frackleton–Frackelton’s “quotes”",
    "- a bullet\n- another",
    "RESOLVED: That",
    "\\n\\; \\, BEGIN:VEVENT",
    "END:VCALENDAR\r\nBEGIN:VEVENT",
    "%s %d {0} ${x}",
]

MAX = int(os.environ.get("SST_HOSTILE_EXAMPLES", "0"))


def examples(ci: int) -> int:
    return MAX or ci


def hostile_text(max_parts: int = 6) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(HOSTILE),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
        st.text(st.characters(min_codepoint=0, max_codepoint=0x2FF), max_size=20),
    )
    return st.lists(piece, min_size=1, max_size=max_parts).map(" ".join)


def checked(ci_examples: int) -> settings:
    return settings(
        max_examples=examples(ci_examples),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# The database each example starts from -------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, SeedMeeting]]:
    folder = tmp_path_factory.mktemp("hostile-seed")
    path = folder / "seed.db"
    db = open_path(path, backup_dir=folder / "backups")
    seed = build_seed_meeting(db)
    db.dispose()
    yield path, seed


@dataclass
class Board:
    db: Database
    seed: SeedMeeting
    folder: Path
    item_id: int
    minute_id: int
    action_id: int


_counter = iter(range(10**9))


@pytest.fixture(scope="module")
def boards(seed_file: tuple[Path, SeedMeeting], tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Makes a fresh copy of the seed database for each example (copying a file takes milliseconds)."""
    root = tmp_path_factory.mktemp("hostile")
    opened: list[Database] = []

    def make() -> Board:
        folder = root / str(next(_counter))
        folder.mkdir()
        shutil.copyfile(seed_file[0], folder / "board.db")
        db = open_path(folder / "board.db", backup_dir=folder / "backups")
        opened.append(db)
        seed = seed_file[1]
        item_id = seed.item_ids[3]
        minute_id = seed.minute_ids[3]
        action_id = actions.list_actions_for_minute(db, minute_id)[0].id
        return Board(db, seed, folder, item_id, minute_id, action_id)

    yield make
    for db in opened:
        db.dispose()


def put(save, value: str, fallback: str = "x"):  # type: ignore[no-untyped-def]
    """Save ``value`` through a service as an officer would: a value refused with the text made
    acceptable (a control character now a space) is saved as offered; another refusal (with a
    message) is replaced."""
    try:
        return save(value)
    except ValidationError as error:
        if error.suggestion is not None:
            return put(save, error.suggestion, fallback)
        return save(fallback)
    except ServiceError:
        return save(fallback)


@dataclass
class Typed:
    title: str
    description: str
    text: str
    resolution: str
    action: str
    update: str
    venue: str


def type_everything(board: Board, texts: list[str]) -> Typed:
    db = board.db
    title, description, text, resolution, action, update, venue = texts
    put(lambda v: agenda.update_item(db, board.item_id, AgendaItemPatch(title=v[:500])), title)
    put(lambda v: agenda.update_item(db, board.item_id, AgendaItemPatch(description=v)), description)
    put(lambda v: minutes.set_text(db, board.minute_id, v), text)
    put(lambda v: minutes.add_resolution(db, board.minute_id, v[:2000]), resolution)
    put(
        lambda v: actions.update_action(db, board.action_id, ActionPatch(text=v[:20000], owner_text=v[:300])),
        action,
    )
    put(lambda v: actions.add_update(db, board.action_id, v[:10000], on=date(2022, 7, 1)), update)
    put(lambda v: meetings.update_meeting(db, board.seed.meeting_id, MeetingPatch(venue=v[:300])), venue)
    item = agenda.get_item(db, board.item_id)
    minute = minutes.get_minute(db, board.minute_id)
    stored_action = actions.get_action(db, board.action_id)
    stored_update = actions.list_updates(db, board.action_id)[-1].text
    meeting = meetings.get_meeting(db, board.seed.meeting_id)
    return Typed(
        title=item.title,
        description=item.description,
        text=minute.text,
        resolution=minute.resolutions[-1].text,
        action=stored_action.text,
        update=stored_update,
        venue=meeting.venue,
    )


# Reading documents back ----------------------------------------------------------------------------
def no_space(text: str) -> str:
    """Text without white space or format characters (soft hyphens, joiners, bidi marks)."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


LATIN = re.compile(r"^[\u0021-\u007e\u00a1-\u024f]+$")


def pdf_text(path: Path) -> str:
    """The text as drawn, in drawing order. (pypdf's default mode re-applies its own bidi guesses,
    which can reorder a left-to-right line that follows a right-to-left one.)"""
    reader = PdfReader(path)
    assert len(reader.pages) >= 1
    return no_space("".join(page.extract_text(extraction_mode="layout") or "" for page in reader.pages))


RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def no_silent_box(path: Path, warnings: tuple[str, ...]) -> None:
    """A character drawn as an empty box is one the export's warnings name."""
    from tests.exports.pdf_glyphs import drawn

    if any(d.is_box for d in drawn(path)):
        assert any(w.startswith("No font can print") for w in warnings), f"{path.name}: a box, unreported"


def latin_tokens(text: str) -> list[str]:
    """Words of Latin script and ASCII punctuation on lines without right-to-left text: drawn left to
    right by the main font, so they must come back from the PDF exactly. (Lines with right-to-left
    text are drawn in visual order, which text extraction reorders again by its own guesses; they
    are checked by eye, see the report, and by the Word export, which keeps logical order.)"""
    tokens = []
    for line in text.splitlines():
        if RTL.search(line):
            continue
        for word in line.split():
            word = no_space(word).rstrip(".;,")
            if len(word) >= 2 and LATIN.match(word) and word.casefold() not in ("that", "resolved:"):
                tokens.append(word)
    return tokens


def assert_tokens_in(tokens: list[str], haystack: str, where: str) -> None:
    missing = [t for t in tokens if t not in haystack]
    assert not missing, f"{where}: lost {missing[:5]}"


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return no_space("".join(parts))


def xml_printable(text: str) -> str:
    return re.sub("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", "", text)


def no_formulas(path: Path) -> None:
    """No worksheet of the workbook holds a formula cell."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                assert not re.search(r"<(?:\w+:)?f[ >]", xml), f"a formula in {name}"


def workbook_strings(path: Path) -> list[str]:
    wb = load_workbook(path)  # not data_only: a formula would show as one
    values = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", f"{cell.coordinate} is a {cell.data_type} cell"
                    values.append(cell.value)
    return values


def ics_events(text: str) -> list[dict[str, str]]:
    raw = text.encode("utf-8")
    assert b"\r\n" in raw and not re.search(rb"(?<!\r)\n", raw), "lines must end CRLF"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, f"an unfolded line of {len(line)} octets"
        line.decode("utf-8")  # folding never splits a character
    lines: list[str] = []
    for line in text.split("\r\n"):
        if line.startswith(" ") and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events: list[dict[str, str]] = []
    for line in lines:
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and ":" in line and line != "END:VEVENT":
            key, value = line.split(":", 1)
            events[-1][key.split(";")[0]] = value
    return events


def ics_unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


# The properties --------------------------------------------------------------------------------------
@checked(6)
@given(texts=st.lists(hostile_text(), min_size=7, max_size=7))
@example(texts=["<b> مرحبا بكم في الاجتماع", "&#x41;", "<b>", "<b>", "<b>", "<b>", "<b>"])
def test_agenda_and_minutes_pdfs(boards, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    board = boards()
    typed = type_everything(board, texts)
    meeting_id = board.seed.meeting_id
    full_agenda = board.folder / "agenda-full.pdf"
    no_silent_box(
        full_agenda, agenda_pdf.export_agenda(board.db, meeting_id, full_agenda, public=False).warnings
    )
    text = pdf_text(full_agenda)
    assert_tokens_in(
        latin_tokens(typed.title.upper()) + latin_tokens(typed.title), text.upper() + text, "agenda title"
    )
    assert_tokens_in(latin_tokens(typed.description), text, "agenda description")
    assert_tokens_in(latin_tokens(typed.venue), text, "agenda venue")
    public = board.folder / "agenda.pdf"
    no_silent_box(public, agenda_pdf.export_agenda(board.db, meeting_id, public).warnings)
    pdf_text(public)

    target = board.folder / "minutes.pdf"
    no_silent_box(target, minutes_pdf.write_minutes_pdf(board.db, meeting_id, target).warnings)
    text = pdf_text(target)
    for name in ("text", "resolution", "action", "update"):
        value = getattr(typed, name)
        if name == "update":
            continue  # progress updates are not printed in the minutes
        assert_tokens_in(latin_tokens(value), text, f"minutes {name}")
    assert_tokens_in([t.upper() for t in latin_tokens(typed.venue)], text, "minutes venue")


@checked(3)
@given(texts=st.lists(hostile_text(), min_size=7, max_size=7))
def test_agenda_pack(boards, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    board = boards()
    typed = type_everything(board, texts)
    target = board.folder / "pack.pdf"
    no_silent_box(
        target, agenda_pack.export_agenda_pack(board.db, board.seed.meeting_id, target, full=True).warnings
    )
    text = pdf_text(target)
    assert_tokens_in(latin_tokens(typed.description), text, "pack description")


def visible(text: str) -> set[str]:
    """The characters of ``text`` that print something, compatibility-folded (an Arabic letter and its
    joined presentation form are one; joiners, bidi marks and control characters print nothing)."""
    folded = unicodedata.normalize("NFKD", text)
    return {ch for ch in folded if unicodedata.category(ch)[0] in "LNSPM"}


def test_every_hostile_string_prints_with_real_glyphs_in_every_pdf(boards) -> None:  # type: ignore[no-untyped-def]
    """Every string above, typed everywhere at once (an item, a minute, a resolution, an action and
    whoever owns it (printed in italic), the venue, the committee's name in the running header, and a
    person who arrived late and left early, in italic lines), reads back from every PDF: agenda and
    pack, public and full, minutes public and full, and the next meeting's pack holding these minutes.
    Each character is drawn with a real glyph of an embedded font: no empty box (.notdef, read back
    as NUL), no blank glyph for a visible character, and no font warning, since every script here
    has a shipped font."""
    from sst_desktop.services import attendance, attendance_times, committees, people
    from sst_desktop.services.committees import CommitteePatch
    from tests.exports.pdf_glyphs import boxes, drawn

    board = boards()
    db, seed = board.db, board.seed
    every = "\n".join(HOSTILE)
    type_everything(board, [every] * 7)
    put(
        lambda v: committees.update_committee(db, seed.committee_id, CommitteePatch(name=v)),
        "SST 社区 مرحبا 🚓",
    )
    present = [r for r in attendance.list_attendance(db, seed.meeting_id) if r.is_present]
    for record, names in zip(
        present[:2], (("مرحبا", "社区 👩‍👩‍👧"), ("सामुदायिक", "지역 ＳＳＴ")), strict=True
    ):
        people.update_person(db, record.person_id, PersonPatch(first_name=names[0], last_name=names[1]))
    attendance_times.set_arrival(db, present[0].id, time(10, 25), board.item_id)
    attendance_times.set_departure(db, present[1].id, time(11, 40), board.item_id)
    agenda.build_default_agenda(db, seed.next_id)

    folder = board.folder
    written = {
        "agenda": agenda_pdf.export_agenda(db, seed.meeting_id, folder / "a.pdf").warnings,
        "full agenda": agenda_pdf.export_agenda(
            db, seed.meeting_id, folder / "af.pdf", public=False
        ).warnings,
        "pack": agenda_pack.export_agenda_pack(db, seed.meeting_id, folder / "p.pdf").warnings,
        "full pack": agenda_pack.export_agenda_pack(
            db, seed.meeting_id, folder / "pf.pdf", full=True
        ).warnings,
        "minutes": minutes_pdf.write_minutes_pdf(db, seed.meeting_id, folder / "m.pdf").warnings,
        "full minutes": minutes_pdf.write_minutes_pdf(
            db, seed.meeting_id, folder / "mf.pdf", public=False
        ).warnings,
        "next pack": agenda_pack.export_agenda_pack(db, seed.next_id, folder / "n.pdf").warnings,
    }
    files = dict(zip(written, ("a", "af", "p", "pf", "m", "mf", "n"), strict=True))
    for name, stem in files.items():
        path = folder / f"{stem}.pdf"
        assert "\x00" not in "".join(page.extract_text() or "" for page in PdfReader(path).pages), name
        assert boxes(path) == [], f"{name}: {boxes(path)[:5]}"
        printed = {ch for d in drawn(path) for ch in visible(d.char)}
        for text in HOSTILE:
            assert visible(text) <= printed, f"{name} lost {sorted(visible(text) - printed)} of {text!r}"
        assert not [w for w in written[name] if "No font" in w], name
    italic = {d.font for d in drawn(folder / "m.pdf") if "\u0600" <= d.char <= "\u06ff" or d.char >= "\ufe70"}
    assert "DejaVuSans" in italic  # the italic lines' Arabic, upright, as in a regular line


@checked(10)
@given(texts=st.lists(hostile_text(), min_size=7, max_size=7))
def test_minutes_word(boards, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    board = boards()
    typed = type_everything(board, texts)
    target = board.folder / "minutes.docx"
    minutes_docx.write_minutes_docx(board.db, board.seed.meeting_id, target)
    text = docx_text(target)
    assert no_space(xml_printable(typed.text).replace("•", "")).replace("-", "").replace("*", "") in (
        text.replace("•", "").replace("-", "").replace("*", "")
    ), "the minute's text is not all there"
    for name in ("resolution", "action"):
        words = [no_space(xml_printable(w)).rstrip(".;,") for w in getattr(typed, name).split()]
        assert_tokens_in(
            [w for w in words if len(w) > 1 and w.casefold() not in ("that", "resolved:")], text, name
        )


@checked(8)
@given(texts=st.lists(hostile_text(), min_size=7, max_size=7))
def test_spreadsheets_hold_text_never_formulas(boards, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    board = boards()
    typed = type_everything(board, texts)
    log = board.folder / "actions.xlsx"
    result = actions_xlsx.export_actions_xlsx(board.db, log)
    assert result.truncated == ()
    no_formulas(log)
    strings = workbook_strings(log)
    action = clean_for_excel(typed.action)
    assert action in strings or not action  # (wording a workbook cannot hold at all leaves the cell empty)
    assert any(clean_for_excel(typed.update) in s for s in strings)

    register = board.folder / "attendance.xlsx"
    attendance_xlsx.export_attendance_xlsx(board.db, board.seed.committee_id, register)
    no_formulas(register)
    workbook_strings(register)


@checked(15)
@given(venue=hostile_text(), link=hostile_text(2))
@example(venue="0\t0", link="<b>")  # found by a long run: a tab was dropped, joining "0" and "0"
def test_calendar(boards, venue: str, link: str) -> None:  # type: ignore[no-untyped-def]
    board = boards()
    put(
        lambda v: meetings.update_meeting(board.db, board.seed.meeting_id, MeetingPatch(venue=v[:300])), venue
    )
    put(
        lambda v: meetings.update_meeting(board.db, board.seed.next_id, MeetingPatch(remote_link=v[:500])),
        link,
    )
    stored = meetings.get_meeting(board.db, board.seed.meeting_id).venue
    target = board.folder / "meetings.ics"
    calendar_ics.export_calendar(board.db, board.seed.committee_id, target)
    events = ics_events(target.read_bytes().decode("utf-8"))
    june = next(e for e in events if e["DTSTART"].startswith("20220622"))
    if stored.strip():
        assert " ".join(ics_unescape(june["LOCATION"]).split()) == " ".join(stored.split())
    assert all(set(e) >= {"UID", "DTSTART", "SUMMARY"} for e in events)


@checked(10)
@given(update=hostile_text(), status=hostile_text(2), due=hostile_text(2))
def test_import_of_a_partner_workbook(boards, update: str, status: str, due: str) -> None:  # type: ignore[no-untyped-def]
    board = boards()
    sheet = board.folder / "actions.xlsx"
    actions_xlsx.export_actions_xlsx(board.db, sheet)
    wb = load_workbook(sheet)
    ws = wb.worksheets[0]
    headers = {str(c.value): c.column for c in next(ws.iter_rows(min_row=1, max_row=6)) if c.value}
    header_row = 1
    for row in ws.iter_rows(min_row=1, max_row=10):
        if any(c.value == "Reference" for c in row):
            header_row = row[0].row
            headers = {str(c.value): c.column for c in row if c.value}
            break
    row = header_row + 1
    set_text(ws.cell(row, headers["New update"]), update)
    set_text(ws.cell(row, headers["Status"]), status)
    set_text(ws.cell(row, headers["Due date"]), due)
    wb.save(sheet)
    before = len(actions.list_updates(board.db, board.action_id))
    try:
        preview, result = import_actions_xlsx(board.db, sheet, apply=True)
    except ServiceError as error:
        assert str(error)  # refused with a message
        return
    assert preview is not None
    if result is not None and clean_for_excel(update).strip():
        reference = ws.cell(row, headers["Reference"]).value
        action = actions.find_action(board.db, str(reference))
        texts = [u.text for u in actions.list_updates(board.db, action.id)]
        assert len(texts) >= (before if action.id == board.action_id else 0)


@checked(10)
@given(data=st.one_of(st.binary(max_size=3000), st.just(b""), st.just(b"PK\x03\x04" + b"\x00" * 100)))
def test_import_of_arbitrary_bytes_is_refused_cleanly(boards, data: bytes) -> None:  # type: ignore[no-untyped-def]
    board = boards()
    sheet = board.folder / "not-really.xlsx"
    sheet.write_bytes(data)
    with pytest.raises(ServiceError) as raised:
        import_actions_xlsx(board.db, sheet, apply=True)
    assert "not-really.xlsx" in str(raised.value)


# One hundred thousand characters ---------------------------------------------------------------------
PARAGRAPH = (
    "Superintendent Robson <b>reported</b> on 'County Lines' & =SUM(A1) and the partners' plans. " * 9
    + "Superintendent Robson <b>reported</b> on 'County Lines' & =SUM(A1) – مرحبا 社区 👮.\n\n"
)
LONG_TEXT = (PARAGRAPH * (100_000 // len(PARAGRAPH) + 1))[:100_000]
REPEATS = (100_000 // len(PARAGRAPH)) * 10


def test_a_hundred_thousand_character_minute(boards) -> None:  # type: ignore[no-untyped-def]
    board = boards()
    minutes.set_text(board.db, board.minute_id, LONG_TEXT)
    assert len(minutes.get_minute(board.db, board.minute_id).text) == 100_000

    target = board.folder / "minutes.pdf"
    minutes_pdf.write_minutes_pdf(board.db, board.seed.meeting_id, target)
    text = pdf_text(target)
    # (Whole sentences are not compared: their lines hold Arabic, which extraction reorders.)
    for token in ("Superintendent", "<b>reported</b>", "'County", "=SUM(A1)"):
        assert text.count(token) >= REPEATS, token

    word = board.folder / "minutes.docx"
    minutes_docx.write_minutes_docx(board.db, board.seed.meeting_id, word)
    assert no_space(LONG_TEXT) in docx_text(word)

    # An action cannot hold that much: a clear message, nothing saved.
    with pytest.raises(ServiceError, match="too long"):
        actions.update_action(board.db, board.action_id, ActionPatch(text=LONG_TEXT))


def test_a_hundred_thousand_character_agenda_description(boards) -> None:  # type: ignore[no-untyped-def]
    board = boards()
    agenda.update_item(board.db, board.item_id, AgendaItemPatch(description=LONG_TEXT))
    target = board.folder / "agenda.pdf"
    agenda_pdf.export_agenda(board.db, board.seed.meeting_id, target, public=False)
    assert pdf_text(target).count("<b>reported</b>") >= REPEATS
    pack = board.folder / "pack.pdf"
    agenda_pack.export_agenda_pack(board.db, board.seed.meeting_id, pack, full=True)
    assert pdf_text(pack).count("<b>reported</b>") >= REPEATS


def test_a_spreadsheet_cell_never_loses_text_silently(tmp_path: Path) -> None:
    from openpyxl import Workbook

    long_text = "=cmd|' /C calc'!A0 " + "x" * 100_000
    wb = Workbook()
    ws = wb.active
    cut = set_text(ws["A1"], long_text)
    wb.save(tmp_path / "long.xlsx")
    value = load_workbook(tmp_path / "long.xlsx").active["A1"].value
    assert cut.truncated and len(value) == EXCEL_CELL_LIMIT
    assert value.endswith(TRUNCATION_MARK) and value.startswith("=cmd|' /C calc'!A0 xxx")
    no_formulas(tmp_path / "long.xlsx")


def test_hostile_names_survive_the_database(db: Database) -> None:
    """Markup and formulas typed as names come back exactly as typed."""
    from sst_desktop.services import people

    for text in ("<b>Hardy</b>", "=cmd|' /C calc'!A0", "O'Brien & Sons", "محمد", "👮 Robson"):
        person = people.create_person(db, PersonPatch(title="", first_name=text, last_name="Test")).after
        assert person is not None and person.first_name == text


def test_pdf_text_with_markup_reads_back_literally(boards) -> None:  # type: ignore[no-untyped-def]
    board = boards()
    text = "a<b & <img src='/etc/passwd'/> </para> &amp; <font name=x>"
    minutes.set_text(board.db, board.minute_id, text)
    data = minutes_pdf.build_minutes_pdf(board.db, board.seed.meeting_id)
    extracted = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    assert " ".join(text.split()) in " ".join(extracted.split())
