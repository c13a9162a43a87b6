"""``publish``: a committee's public record as a static website, read back page by page."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desktop.cli.main import main
from sst_desktop.demo.build import build_demo_database
from sst_desktop.domain.enums import ItemNumbering
from sst_desktop.exports.atomic import ExportError
from sst_desktop.exports.website.writer import MANIFEST, publish_site
from sst_desktop.services import agenda, minutes
from sst_desktop.services.action_records import list_actions
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.attachments import attachment_bytes, list_attachments
from sst_desktop.services.committees import find_committee
from sst_desktop.services.meetings import find_meeting
from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_path
from tests.exports.website.site_pages import broken_links, read_page


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_database(path)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Database:
    copy = tmp_path / "demo.db"
    shutil.copy(demo_file, copy)
    database = open_path(copy, backup_dir=tmp_path / "backups")
    yield database
    database.dispose()


def sst(db: Database) -> int:
    return find_committee(db, "SST").id


def test_every_page_has_one_h1_a_language_a_title_landmarks_and_a_skip_link(
    demo: Database, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    publish_site(demo, sst(demo), site, with_actions=True)
    pages = sorted(site.rglob("*.html"))
    assert [p.relative_to(site).as_posix() for p in pages] == [
        "actions.html",
        "index.html",
        "meetings/2022-03-17.html",
        "meetings/2022-06-22.html",
        "meetings/2022-09-08.html",
        "meetings/2022-12-08.html",
    ]
    for page in pages:
        facts = read_page(page)
        assert facts.lang == "en-GB", page
        assert [h for h in facts.headings if h[0] == "h1"] and len(
            [h for h in facts.headings if h[0] == "h1"]
        ) == 1
        assert facts.title.endswith("– Safer Sefton Together"), facts.title
        for landmark in ("header", "nav", "main", "footer"):
            assert landmark in facts.tags, (page, landmark)
        assert facts.links[1] == "#main" and "main" in facts.ids  # the skip link, first after the style sheet
        assert "script" not in facts.tags
    assert broken_links(site) == []


def test_the_index_lists_meetings_by_municipal_year_newest_first(demo: Database, tmp_path: Path) -> None:
    publish_site(demo, sst(demo), tmp_path / "site")
    facts = read_page(tmp_path / "site" / "index.html")
    assert facts.headings == [
        ("h1", "Safer Sefton Together: meetings"),
        ("h2", "Municipal year 2022/23"),
        ("h2", "Municipal year 2021/22"),
    ]
    order = [link for link in facts.links if link.startswith("meetings/")]
    assert order == [
        "meetings/2022-12-08.html",
        "meetings/2022-09-08.html",
        "meetings/2022-06-22.html",
        "meetings/2022-03-17.html",
    ]
    assert "22 June 2022 (draft minutes)" in facts.text and "17 March 2022 (minutes)" in facts.text


def test_a_meeting_page_has_its_agenda_minutes_and_documents(demo: Database, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish_site(demo, sst(demo), site)
    facts = read_page(site / "meetings" / "2022-06-22.html")
    assert facts.headings[0] == ("h1", "Safer Sefton Together, 22 June 2022")
    assert ("h2", "Minutes (draft, to be confirmed at the next meeting)") in facts.headings
    assert ("h3", "4. DOMESTIC HOMICIDE REVIEW (DHRS) UPDATE") in facts.headings
    assert "Apologies for absence were submitted from Nigel Bellamy" in facts.text
    assert "(2) a further report be submitted to the next meeting regarding the recruitment" in facts.text
    minutes_pdf = PdfReader(site / "documents" / "2022-06-22" / "minutes.pdf")
    assert "DOMESTIC HOMICIDE REVIEW" in "".join(p.extract_text() for p in minutes_pdf.pages)
    assert "../documents/2022-06-22/agenda.pdf" in facts.links


def test_agenda_headings_carry_the_printed_labels(demo: Database, tmp_path: Path) -> None:
    june = find_meeting(demo, "SST@2022-06-22").id
    patch = AgendaItemPatch(numbering=ItemNumbering.NONE)
    agenda.add_item(demo, june, "Welcome and introductions", patch, position=0)
    dhr = agenda.list_agenda_items(demo, june)[4]  # DHRs, printed "4." until now
    agenda.update_item(demo, dhr.id, AgendaItemPatch(numbering=ItemNumbering.LETTER))
    after = agenda.list_agenda_items(demo, june)[5]
    site = tmp_path / "site"
    publish_site(demo, sst(demo), site)
    headings = read_page(site / "meetings" / "2022-06-22.html").headings
    assert ("h3", "Welcome and introductions") in headings
    assert ("h3", "1. Apologies for Absence") in headings
    assert ("h3", "(A) DOMESTIC HOMICIDE REVIEW (DHRS) UPDATE") in headings
    assert ("h3", f"4. {after.title}") in headings


def test_reports_are_published_as_their_authors_made_them(demo: Database, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish_site(demo, sst(demo), site)
    september = find_meeting(demo, "SST@2022-09-08")
    facts = read_page(site / "meetings" / "2022-09-08.html")
    reports = [link for link in facts.links if link.startswith("../documents/") and "agenda" not in link]
    assert reports and all(reports.count(r) == 2 for r in reports)  # under Documents and under its item
    published = sorted((site / "documents" / "2022-09-08").glob("[0-9]*.pdf"))
    assert published
    originals = {
        hashlib.sha256(attachment_bytes(demo, a.id)).hexdigest()
        for item in minutes_items(demo, september.id)
        for a in list_attachments(demo, item)
    }
    assert {hashlib.sha256(p.read_bytes()).hexdigest() for p in published} <= originals
    assert published[0].name.startswith("06-prevent-update")


def minutes_items(db: Database, meeting_id: int) -> list[int]:
    from sst_desktop.services.agenda import list_agenda_items

    return [i.id for i in list_agenda_items(db, meeting_id) if not i.is_exempt]


def test_open_actions_page_only_when_chosen(demo: Database, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish_site(demo, sst(demo), site)
    assert not (site / "actions.html").exists()
    publish_site(demo, sst(demo), site, with_actions=True)
    facts = read_page(site / "actions.html")
    open_ones = [a for a in list_actions(demo, committee_id=sst(demo)) if not a.is_done]
    assert open_ones and all(a.reference in facts.text for a in open_ones)
    done = [a for a in list_actions(demo, committee_id=sst(demo)) if a.is_done]
    assert all(a.reference not in facts.text for a in done)
    assert "actions.html" in read_page(site / "index.html").links


def test_publishing_again_rewrites_only_what_changed(demo: Database, tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = publish_site(demo, sst(demo), site)
    assert set(first.written) == {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} - {
        MANIFEST
    }
    again = publish_site(demo, sst(demo), site)
    assert again.written == () and again.removed == ()
    june = find_meeting(demo, "SST@2022-06-22")
    minute = next(m for m in minutes.minutes_outline(demo, june.id) if m.heading.startswith("Sefton Local"))
    minutes.set_text(demo, minute.id, minute.text + " Ärger über Straßen – 交通.")
    changed = publish_site(demo, sst(demo), site)
    assert set(changed.written) == {"meetings/2022-06-22.html", "documents/2022-06-22/minutes.pdf"}
    assert "Ärger über Straßen – 交通." in read_page(site / "meetings" / "2022-06-22.html").text


def test_a_later_first_date_removes_only_what_it_published(demo: Database, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish_site(demo, sst(demo), site)
    (site / "notes.txt").write_text("the council's own file")
    result = publish_site(demo, sst(demo), site, since=find_meeting(demo, "SST@2022-09-08").date)
    assert "meetings/2022-03-17.html" in result.removed
    assert not (site / "meetings" / "2022-03-17.html").exists()
    assert (site / "notes.txt").read_text() == "the council's own file"
    assert broken_links(site) == []


def test_a_folder_of_other_files_is_refused(demo: Database, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("the council's own home page")
    with pytest.raises(ExportError, match="already holds other files"):
        publish_site(demo, sst(demo), tmp_path)
    assert (tmp_path / "index.html").read_text() == "the council's own home page"


def test_cli_publish(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "demo.db"
    shutil.copy(demo_file, database)
    site = tmp_path / "site"
    args = ["publish", "--committee", "sst", "--out", str(site), "--actions", "--database", str(database)]
    assert main(args) == 0
    assert "published Safer Sefton Together to" in capsys.readouterr().out
    assert (site / "actions.html").is_file()
    assert main(args) == 0
    assert ": 0 files written, 17 unchanged" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--committee", "nobody"], "There is no committee called “nobody”"),
        (["--committee", "SST", "--from", "2022-02-30"], "--from must be a date like"),
    ],
)
def test_cli_bad_input_is_one_line(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    database = tmp_path / "demo.db"
    shutil.copy(demo_file, database)
    assert main(["publish", "--out", str(tmp_path / "site"), "--database", str(database), *extra]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
