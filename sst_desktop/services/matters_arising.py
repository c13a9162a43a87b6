"""The Action Log / Matters Arising agenda item: the committee's open actions come back to the meeting.

Create agenda offers it whenever the committee has open actions from earlier meetings; it goes after the
opening procedural items (after Minutes of Previous Meeting), where the meeting reviews what it asked for
last time. Minute-taking lists the actions under it (``ui/minutes/matters.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from sst_desktop.domain import AgendaItem
from sst_desktop.domain.enums import ItemKind, ProceduralRole
from sst_desktop.services.actions import open_actions_for_committee
from sst_desktop.services.agenda import OPENING_ROLES, AgendaItemRecord, added, get_item, insert_item
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.meetings import ensure_agenda_editable, get_meeting
from sst_desktop.services.records import Change
from sst_desktop.storage.engine import Database

TITLE = ProceduralRole.MATTERS_ARISING.label


def description(open_count: int) -> str:
    """ "To review the 3 open actions from previous meetings." """
    if not open_count:
        return "To review the open actions from previous meetings."
    return f"To review the {open_count} open action{'s' if open_count != 1 else ''} from previous meetings."


def matters_arising_index(roles: Sequence[ProceduralRole | None]) -> int:
    """After the last opening procedural item (Apologies, Declarations, Minutes); first if none."""
    return max((i + 1 for i, role in enumerate(roles) if role in OPENING_ROLES), default=0)


def add_matters_arising(db: Database, meeting_id: int) -> Change[AgendaItemRecord]:
    """Put the item on the agenda, after the opening procedural items, saying how many open actions
    from earlier meetings it brings back; an agenda has one at most. Undo takes it off again."""
    meeting = get_meeting(db, meeting_id)
    count = len(open_actions_for_committee(db, meeting.committee_id, as_of=meeting.date))
    with db.write() as session:
        ensure_agenda_editable(session, meeting_id)
        roles = list(
            session.scalars(
                select(AgendaItem.procedural_role)
                .where(AgendaItem.meeting_id == meeting_id)
                .order_by(AgendaItem.position, AgendaItem.id)
            )
        )
        if ProceduralRole.MATTERS_ARISING in roles:
            raise ValidationError("This agenda already has an Action Log / Matters Arising item.")
        values: dict[str, object] = {
            "title": TITLE,
            "description": description(count),
            "kind": ItemKind.ACTION_LOG,
            "procedural_role": ProceduralRole.MATTERS_ARISING,
        }
        item, changed = insert_item(session, meeting_id, values, matters_arising_index(roles))
        session.flush()
        return added(get_item(db, item.id), changed)
