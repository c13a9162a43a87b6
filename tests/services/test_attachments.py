from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from sst_desktop.domain.enums import ReportStatus
from sst_desktop.services import agenda, attachments
from sst_desktop.services.errors import ValidationError
from tests.meeting_factory import make_sst, pdf_bytes


@pytest.fixture
def item(db):
    sst = make_sst(db)
    return agenda.add_item(db, sst.september, "Prevent Update").after


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("secret"))))
    writer.encrypt("password")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_attach_list_rename_reorder_remove(db, item) -> None:
    first = attachments.attach_pdf(db, item.id, pdf_bytes("one", "two"), "/tmp/x/prevent.pdf").after
    assert first.filename == "prevent.pdf"
    assert first.page_count == 2
    assert first.display_title == "prevent"
    assert agenda.get_item(db, item.id).report_status == ReportStatus.ATTACHED
    second = attachments.attach_pdf(
        db, item.id, pdf_bytes("appendix"), "appendix.pdf", title="Appendix 1"
    ).after
    assert [a.id for a in attachments.list_attachments(db, item.id)] == [first.id, second.id]
    attachments.move_attachment(db, second.id, 0)
    assert [a.id for a in attachments.list_attachments(db, item.id)] == [second.id, first.id]
    renamed = attachments.rename_attachment(db, first.id, "Prevent report & <benchmarks>").after
    assert renamed.display_title == "Prevent report & <benchmarks>"
    assert agenda.get_item(db, item.id).attachment_pages == 3

    removed = attachments.remove_attachment(db, second.id)
    assert [a.id for a in attachments.list_attachments(db, item.id)] == [first.id]
    attachments.restore_attachment(db, removed)
    assert [a.display_title for a in attachments.list_attachments(db, item.id)] == [
        "Appendix 1",
        "Prevent report & <benchmarks>",
    ]
    assert attachments.attachment_bytes(db, second.id) == removed.content
    for record in attachments.list_attachments(db, item.id):
        attachments.remove_attachment(db, record.id)
    assert agenda.get_item(db, item.id).report_status == ReportStatus.NONE


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b"Hello, this is a Word document really", "is not a PDF"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "is not a PDF"),
        (pdf_bytes("page")[:200], "damaged"),
        (b"%PDF-1.4\n" + b"garbage " * 50, "damaged"),
    ],
)
def test_unreadable_files_are_refused_with_the_reason(db, item, data: bytes, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        attachments.attach_pdf(db, item.id, data, "report.pdf")
    assert attachments.list_attachments(db, item.id) == []
    assert agenda.get_item(db, item.id).report_status == ReportStatus.NONE


def test_encrypted_pdf_is_refused(db, item) -> None:
    with pytest.raises(ValidationError, match="password or encryption"):
        attachments.attach_pdf(db, item.id, encrypted_pdf(), "secret.pdf")


def test_corrupt_page_stream_is_refused(db, item) -> None:
    data = pdf_bytes("text on page")
    broken = data.replace(b"/Filter [ /ASCII85Decode /FlateDecode ]", b"/Filter /FlateDecode")
    assert broken != data
    with pytest.raises(ValidationError, match="damaged"):
        attachments.attach_pdf(db, item.id, broken, "broken.pdf")


def test_attach_file_reports_unreadable_paths(db, item, tmp_path) -> None:
    with pytest.raises(ValidationError, match="cannot be read"):
        attachments.attach_file(db, item.id, tmp_path / "missing.pdf")
    with pytest.raises(ValidationError, match="is a folder"):
        attachments.attach_file(db, item.id, tmp_path)
    path = tmp_path / "Prevent update ŵ.pdf"
    path.write_bytes(pdf_bytes("ok"))
    assert attachments.attach_file(db, item.id, path).after.filename == "Prevent update ŵ.pdf"
