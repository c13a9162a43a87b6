"""Create agenda: the standard items, and what the builder offers besides, made as one change.

Beyond the standard items (``agenda.build_default_agenda``) Create agenda offers the Action Log /
Matters Arising item when the committee has open actions from earlier meetings, and the forward-plan
items due at the meeting. The officer ticks what to take; the agenda is then made in one transaction,
and one undo takes all of it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sst_desktop.domain.enums import ProceduralRole
from sst_desktop.services import agenda, forward_plan, matters_arising
from sst_desktop.services.actions import open_actions_for_committee
from sst_desktop.services.agenda_records import AgendaItemRecord
from sst_desktop.services.forward_plan import ForwardPlanRecord
from sst_desktop.services.meetings import get_meeting
from sst_desktop.services.outcome import Outcome, Undoable, combined
from sst_desktop.storage.engine import Database


@dataclass(frozen=True)
class AgendaOffer:
    """What Create agenda offers for a meeting beyond the standard items."""

    plans: tuple[ForwardPlanRecord, ...]  # forward-plan items due at the meeting
    open_actions: int  # open actions the action log item would review; 0 when the agenda has one

    def __bool__(self) -> bool:
        return bool(self.plans or self.open_actions)


def agenda_offer(db: Database, meeting_id: int) -> AgendaOffer:
    meeting = get_meeting(db, meeting_id)
    roles = {i.procedural_role for i in agenda.list_agenda_items(db, meeting_id)}
    count = 0
    if ProceduralRole.MATTERS_ARISING not in roles:
        count = len(open_actions_for_committee(db, meeting.committee_id, as_of=meeting.date))
    return AgendaOffer(tuple(forward_plan.items_due(db, meeting_id)), count)


def create_agenda(
    db: Database, meeting_id: int, *, matters_arising_item: bool = False, plan_ids: Sequence[int] = ()
) -> Outcome[list[AgendaItemRecord]]:
    """Add the standard items the agenda lacks, then the action log item and the forward-plan items
    the officer chose, in one transaction. Its value is every item added, in agenda order."""
    with db.write():
        built = agenda.build_default_agenda(db, meeting_id)
        parts: list[Undoable] = [built]
        made = {r.id for r in built.value}
        if matters_arising_item:
            added = matters_arising.add_matters_arising(db, meeting_id)
            parts.append(added)
            made |= {added.after.id} if added.after is not None else set()
        if plan_ids:
            accepted = forward_plan.accept_several(db, plan_ids, meeting_id)
            parts.append(accepted)
            made |= {r.id for r in accepted.value}
        records = [r for r in agenda.list_agenda_items(db, meeting_id) if r.id in made]
    return combined(parts, records)
