"""``sst-desktop export minutes``: PDF or Word, public or full, one-line errors."""

from __future__ import annotations

import io

import docx
import pytest
from pypdf import PdfReader

from sst_desktop.cli.main import main
from tests.minutes_data import SeedCache


@pytest.fixture(scope="module")
def seed_cache(tmp_path_factory: pytest.TempPathFactory) -> SeedCache:
    return SeedCache(tmp_path_factory.mktemp("seed"))


@pytest.fixture
def database(seed_cache: SeedCache, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "minutes.db"
    db, seed = seed_cache.copy(path)
    db.dispose()
    return path, seed


def _pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_export_minutes_pdf_by_short_name_and_date(database, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path, _seed = database
    out = tmp_path / "minutes.pdf"
    code = main(
        ["export", "minutes", "--meeting", "SST@2022-06-22", "--out", str(out), "--database", str(path)]
    )
    assert code == 0
    text = _pdf_text(out)
    assert "MEETING HELD AT BOOTLE TOWN HALL ON WEDNESDAY 22ND JUNE, 2022" in text
    assert "13. DATE OF NEXT MEETING" in text
    assert "CONFIDENTIAL" not in text
    assert "wrote the public minutes of Safer Sefton Together, 22 June 2022" in capsys.readouterr().out


def test_export_full_minutes_docx_by_id(database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, seed = database
    out = tmp_path / "minutes.docx"
    code = main(
        [
            "export",
            "minutes",
            "--meeting",
            str(seed.meeting_id),
            "--out",
            str(out),
            "--full",
            "--database",
            str(path),
        ]
    )
    assert code == 0
    document = docx.Document(str(out))
    body = " ".join(p.text for p in document.paragraphs)
    assert "SAFER SEFTON TOGETHER" in body and "RESOLVED:" in body
    assert "CONFIDENTIAL" in " ".join(p.text for p in document.sections[0].header.paragraphs)


@pytest.mark.parametrize(
    ("meeting", "out", "message"),
    [
        ("SST@2022-06-23", "minutes.pdf", "has no meeting on 23 June 2022"),
        ("NOPE@2022-06-22", "minutes.pdf", "no committee"),
        ("June", "minutes.pdf", "is not a meeting"),
        ("SST@2022-06-22", "minutes.txt", "must end in .pdf or .docx"),
        ("SST@2022-06-22", "missing/minutes.pdf", "does not exist"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(database, tmp_path, capsys, meeting, out, message) -> None:  # type: ignore[no-untyped-def]
    path, _seed = database
    code = main(
        ["export", "minutes", "--meeting", meeting, "--out", str(tmp_path / out), "--database", str(path)]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("sst-desktop: error:") and message in err
    assert err.count("\n") == 1
    assert not (tmp_path / out).exists()


def test_missing_arguments_exit_2_with_usage(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "minutes", "--out", "x.pdf"])
    assert exit_info.value.code == 2
    assert "--meeting" in capsys.readouterr().err


def test_export_warns_of_an_empty_register_and_no_minutes(database, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Minutes of a meeting with no agenda and no register are written, with a word about both."""
    from datetime import date

    from sst_desktop.services import meetings
    from sst_desktop.storage.opening import open_path

    path, seed = database
    db = open_path(path, backup_dir=tmp_path / "backups")
    meetings.schedule_meeting(db, seed.committee_id, date(2022, 7, 20))
    db.dispose()
    out = tmp_path / "bare.docx"
    code = main(
        ["export", "minutes", "--meeting", "SST@2022-07-20", "--out", str(out), "--database", str(path)]
    )
    assert code == 0 and out.exists()
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "warning: The register records no one as present: the minutes have no PRESENT list.",
        "warning: The meeting has no agenda and nothing was minuted: the minutes have no items.",
    ]
    assert "wrote the public minutes of Safer Sefton Together, 20 July 2022" in captured.out

    code = main(
        ["export", "minutes", "--meeting", "SST@2022-06-22", "--out", str(out), "--database", str(path)]
    )
    assert code == 0 and capsys.readouterr().err == ""  # fully minuted: nothing to say
