from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from sst_desktop.cli.main import main
from sst_desktop.services import agenda, attachments
from sst_desktop.services.agenda_records import AgendaItemPatch
from tests.meeting_factory import make_sst, pdf_bytes


@pytest.fixture
def database(db, db_path):
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    dhr = agenda.add_item(db, sst.september, "DHR10 report", AgendaItemPatch(exempt_paragraphs="7")).after
    attachments.attach_pdf(db, dhr.id, pdf_bytes("confidential findings"), "dhr.pdf")
    prevent = agenda.add_item(db, sst.september, "Prevent Update").after
    attachments.attach_pdf(db, prevent.id, pdf_bytes("Prevent report"), "prevent.pdf")
    db.dispose()
    return db_path


def text(path) -> str:
    return " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages).split()
    )


def test_export_agenda(database, tmp_path, capsys) -> None:
    out = tmp_path / "agenda.pdf"
    code = main(
        ["export", "agenda", "--meeting", "SST@2022-09-08", "--out", str(out), "--database", str(database)]
    )
    assert code == 0
    assert "Thursday 8th September, 2022" in text(out)
    assert "wrote the agenda of Safer Sefton Together, 8 September 2022" in capsys.readouterr().out


def test_export_public_and_full_pack(database, tmp_path, capsys) -> None:
    public = tmp_path / "pack.pdf"
    assert (
        main(
            [
                "export",
                "pack",
                "--meeting",
                "SST@2022-09-08",
                "--out",
                str(public),
                "--database",
                str(database),
            ]
        )
        == 0
    )
    assert "confidential findings" not in text(public)
    assert "Document is Restricted" in text(public)
    assert "public agenda pack" in capsys.readouterr().out
    full = tmp_path / "full.pdf"
    assert (
        main(
            [
                "export",
                "pack",
                "--meeting",
                "SST@2022-09-08",
                "--out",
                str(full),
                "--full",
                "--database",
                str(database),
            ]
        )
        == 0
    )
    assert "confidential findings" in text(full)
    pages = PdfReader(io.BytesIO(full.read_bytes())).pages
    assert all("CONFIDENTIAL" in p.extract_text() for p in pages)


def test_export_calendar(database, tmp_path, capsys) -> None:
    out = tmp_path / "sst.ics"
    assert (
        main(
            [
                "export",
                "calendar",
                "--committee",
                "Safer Sefton Together",
                "--out",
                str(out),
                "--database",
                str(database),
            ]
        )
        == 0
    )
    assert out.read_bytes().count(b"BEGIN:VEVENT") == 3
    assert "wrote 3 meetings of Safer Sefton Together" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["agenda", "--meeting", "SST@2022-09-09"],
            "Safer Sefton Together has no meeting on 9 September 2022.",
        ),
        (["pack", "--meeting", "XYZ@2022-09-08"], "There is no committee with the short name “XYZ”."),
        (["pack", "--meeting", "12345"], "There is no meeting with id 12345."),
        (["agenda", "--meeting", "next week"], "is not a meeting"),
        (["calendar", "--committee", "Nobody"], "There is no committee called “Nobody”."),
    ],
)
def test_unknown_meeting_or_committee_is_one_line_and_exit_1(
    database, tmp_path, capsys, args, message
) -> None:
    suffix = ".ics" if args[0] == "calendar" else ".pdf"
    out = tmp_path / f"out{suffix}"
    assert main(["export", *args, "--out", str(out), "--database", str(database)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("sst-desktop: error: ")
    assert message in err
    assert not out.exists()


def test_wrong_suffix_and_missing_folder(database, tmp_path, capsys) -> None:
    assert (
        main(
            [
                "export",
                "agenda",
                "--meeting",
                "1",
                "--out",
                str(tmp_path / "a.docx"),
                "--database",
                str(database),
            ]
        )
        == 1
    )
    assert "must end in .pdf" in capsys.readouterr().err
    missing = tmp_path / "no" / "a.pdf"
    assert (
        main(["export", "agenda", "--meeting", "1", "--out", str(missing), "--database", str(database)]) == 1
    )
    assert "does not exist" in capsys.readouterr().err


def test_missing_option_is_a_usage_error(database) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "pack", "--out", "x.pdf"])
    assert exited.value.code == 2
