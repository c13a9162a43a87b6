"""The same minutes give the same file, whenever they are made: a council can tell a re-published
document from a changed one by its bytes, and a published website rewrites only what changed."""

from __future__ import annotations

import time

from sst_desktop.exports.agenda_pdf import build_agenda_pdf
from sst_desktop.exports.minutes_pdf import build_minutes_pdf


def test_a_document_made_again_a_second_later_is_byte_for_byte_the_same(db, seed) -> None:  # type: ignore[no-untyped-def]
    first = (build_minutes_pdf(db, seed.meeting_id), build_agenda_pdf(db, seed.meeting_id))
    time.sleep(1.1)  # past the clock's second, which the file identifier once came from
    again = (build_minutes_pdf(db, seed.meeting_id), build_agenda_pdf(db, seed.meeting_id))
    assert first[0] == again[0], "the minutes PDF changed"
    assert first[1] == again[1], "the agenda PDF changed"
