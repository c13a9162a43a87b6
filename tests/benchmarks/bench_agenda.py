"""Agenda and agenda pack speed: the agenda PDF under 0.5 s; a public pack of 10 reports of 10 pages
each under 3 s (issue 3). The reports are full pages of text, as council reports are."""

from __future__ import annotations

import io
import sys
import tempfile
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.run import Benchmark, best_of  # noqa: E402

REPORTS = 10
PAGES_PER_REPORT = 10

PARAGRAPH = (
    "The purpose of this report is to update Safer Sefton Together (SST) on the Serious Violence Duty and "
    "the impact it will have on Council and Partners. Following public consultation in July 2019, the "
    "Government announced that it would introduce legislation relating to a serious violence duty. This "
    "will ensure that relevant services work together to share information to target interventions."
)


def report_pdf(number: int) -> bytes:
    """A report of exactly PAGES_PER_REPORT pages of running text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from sst_desktop.exports.pdf_style import styles

    body = styles()["body"]
    story: list = []
    for page in range(PAGES_PER_REPORT):
        story.append(Paragraph(f"Report {number}, page {page + 1}", styles()["heading"]))
        story.extend(Paragraph(f"{n + 1}. {PARAGRAPH}", body) for n in range(5))
        story.append(PageBreak())
    story.pop()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


@cache
def setup() -> tuple[object, int]:
    from sst_desktop.services import agenda, attachments, standing_items
    from sst_desktop.services.agenda_records import AgendaItemPatch
    from sst_desktop.storage.opening import open_path
    from tests.meeting_factory import make_sst

    folder = Path(tempfile.mkdtemp(prefix="sst-bench-agenda-"))
    db = open_path(folder / "bench.db", backup_dir=folder / "backups")
    sst = make_sst(db)
    standing_items.add_standing_item(db, sst.committee_id, "Prevent Update", presenters_text="Steve Martlew")
    agenda.build_default_agenda(db, sst.september)
    for number in range(1, REPORTS + 1):
        item = agenda.add_item(
            db,
            sst.september,
            f"Report {number}: Serious Violence Duty",
            AgendaItemPatch(
                description="Report of the Assistant Director Communities",
                presenters_text="Simon Burnett/Steve Martlew",
            ),
        ).after
        attachments.attach_pdf(db, item.id, report_pdf(number), f"report-{number}.pdf")
    return db, sst.september


def agenda_pdf() -> float:
    from sst_desktop.exports.agenda_pdf import build_agenda_pdf

    db, meeting_id = setup()
    build_agenda_pdf(db, meeting_id)  # fonts registered, modules imported
    return best_of(5, lambda: build_agenda_pdf(db, meeting_id))


def packs() -> dict[str, float]:
    from sst_desktop.exports.agenda_pack import build_agenda_pack

    db, meeting_id = setup()
    document = build_agenda_pack(db, meeting_id)
    assert sum(s.page_count for s in document.sections) == REPORTS * PAGES_PER_REPORT
    return {
        "public pack, 10 reports x 10 pages": best_of(3, lambda: build_agenda_pack(db, meeting_id)),
        "full pack, 10 reports x 10 pages": best_of(3, lambda: build_agenda_pack(db, meeting_id, full=True)),
    }


BENCHMARKS = [
    Benchmark("agenda PDF (13 items)", 0.5, agenda_pdf),
    Benchmark("agenda pack", 3.0, packs),
]
