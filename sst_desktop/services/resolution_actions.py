"""An action taken from one of its minute's resolutions is, as the officer would record it, "an
action due at the next meeting, owner the presenter" (issue 14): its owner is the item's presenter
(the first one linked to the directory, else the presenters as the agenda names them) and it is due
at the committee's next meeting. Both stay ordinary fields the officer changes in the row.
"""

from __future__ import annotations

from sst_desktop.domain import AgendaItem
from sst_desktop.domain.action_wording import as_action
from sst_desktop.services import actions
from sst_desktop.services.actions import ActionRecord
from sst_desktop.services.minute_records import get_minute
from sst_desktop.services.records import Change
from sst_desktop.storage.engine import Database


def add_action_from_resolution(db: Database, minute_id: int, text: str) -> Change[ActionRecord]:
    """Record the action ``text`` in the minute; when it is one of the minute's resolutions worded as
    an action, with the presenter as owner and due at the next meeting."""
    minute = get_minute(db, minute_id)
    if minute.agenda_item_id is None or text not in {as_action(r.text) for r in minute.resolutions}:
        return actions.create_action(db, text=text, minute_id=minute_id)
    with db.read() as session:
        item = session.get(AgendaItem, minute.agenda_item_id)
        owner_id = item.presenters[0].id if item is not None and item.presenters else None
        owner_text = "" if owner_id is not None or item is None else item.presenters_text.strip()
    return actions.create_action(
        db,
        text=text,
        minute_id=minute_id,
        owner_person_id=owner_id,
        owner_text=owner_text,
        due_next_meeting=True,
    )
