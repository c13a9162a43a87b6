"""What the minutes print: confirmed minutes the copy kept when they were confirmed, draft minutes the
record as it stands; and what a written minutes document tells the officer (``MinutesFile``).

``copy_minutes`` is the ``Copier`` handed to ``minutes.confirm_previous_minutes``: it words the public
and the full minutes as they stand and serialises their content (blocks of text, the committee's name,
headers) to JSON, which the confirmation stores. ``printed_minutes`` is what the PDF and Word writers
print: that copy once the minutes are confirmed, so a later rename of the committee, a corrected name
or title, a renamed organisation or a moved due date never reaches them.

Minutes confirmed before copies were kept (an older database) get their copy the first time they are
printed, when the file can be written: from then on they print as they did that time.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sst_desktop.exports.minutes_blocks import Block, MinutesContent, Run
from sst_desktop.exports.minutes_content import minutes_content
from sst_desktop.services import meetings
from sst_desktop.services.minutes_copies import MinutesCopy, confirmed_without_copy, store_copy, stored_copy
from sst_desktop.storage.engine import Database
from sst_desktop.storage.errors import StorageError

log = logging.getLogger(__name__)

FORMAT = 1  # the layout of the JSON below; a later layout must still read this one


def to_json(content: MinutesContent) -> str:
    data: dict[str, Any] = asdict(content)
    data["format"] = FORMAT
    data["meeting_date"] = content.meeting_date.isoformat()
    for block in data["blocks"]:
        if not block["cells"]:
            del block["cells"]  # only tables have cells: copies of minutes without one read as before
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> MinutesContent:
    data = json.loads(text)
    blocks = tuple(
        Block(
            kind=b["kind"],
            runs=tuple(Run(r["text"], bool(r.get("bold")), bool(r.get("italic"))) for r in b.get("runs", ())),
            label=b.get("label", ""),
            keep_with_next=bool(b.get("keep_with_next")),
            cells=tuple(tuple(str(c) for c in row) for row in b.get("cells", ())),
        )
        for b in data["blocks"]
    )
    return MinutesContent(
        meeting_id=int(data["meeting_id"]),
        committee_name=data["committee_name"],
        meeting_date=date.fromisoformat(data["meeting_date"]),
        running_header=data["running_header"],
        public=bool(data["public"]),
        draft=False,
        confidential=bool(data["confidential"]),
        blocks=blocks,
        title=data.get("title", ""),
        warnings=tuple(data.get("warnings", ())),
    )


def copy_minutes(db: Database, meeting_id: int) -> MinutesCopy:
    """The public and full minutes of a meeting as they stand, worded as confirmed (no DRAFT mark)."""
    public, full = (
        replace(minutes_content(db, meeting_id, public=kind), draft=False) for kind in (True, False)
    )
    return MinutesCopy(public=to_json(public), full=to_json(full))


def printed_minutes(db: Database, meeting_id: int, *, public: bool = True) -> MinutesContent:
    """What the minutes print: the copy kept at confirmation, or (draft) the record as it stands."""
    meeting = meetings.get_meeting(db, meeting_id)
    if meeting.minutes_confirmed_at is None:
        return minutes_content(db, meeting_id, public=public)
    stored = stored_copy(db, meeting_id, public=public)
    if stored is not None:
        return from_json(stored)
    copy = copy_minutes(db, meeting_id)  # confirmed before copies were kept
    if not db.read_only:
        try:
            store_copy(db, meeting_id, copy)
        except StorageError as error:  # busy or read-only: printed from the record this time
            log.warning("copy of the confirmed minutes of meeting %s not kept: %s", meeting_id, error)
    return from_json(copy.public if public else copy.full)


def copy_confirmed_minutes(db: Database) -> int:
    """Keep the copy of every confirmed minutes that has none (data entered directly, such as the
    demo's); returns how many were kept."""
    missing = confirmed_without_copy(db)
    for meeting_id in missing:
        store_copy(db, meeting_id, copy_minutes(db, meeting_id))
    return len(missing)


@dataclass(frozen=True)
class MinutesFile:
    """A minutes document written: where, and what is missing from it (no register, nothing minuted…)."""

    path: Path
    warnings: tuple[str, ...]
