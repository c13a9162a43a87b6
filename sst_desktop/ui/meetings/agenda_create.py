"""Create agenda: the standard items, and what the builder offers besides, as one undo step.

The builder first reads what there is to offer (the Action Log / Matters Arising item when the
committee has open actions from earlier meetings, the forward-plan items due at this meeting) and,
when there is something, asks which to take; then the agenda is made in one change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import ProceduralRole
from sst_desktop.services.agenda_offers import AgendaOffer
from sst_desktop.services.agenda_records import AgendaItemRecord
from sst_desktop.services.forward_plan import ForwardPlanRecord
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.outcome import Outcome
from sst_desktop.ui.operations import agenda
from sst_desktop.ui.window_geometry import keep_geometry

if TYPE_CHECKING:
    from sst_desktop.ui.meetings.agenda_builder import AgendaBuilder


def create_agenda(builder: AgendaBuilder) -> None:
    """Read what there is to offer, then ask (when there is something) and create the agenda."""
    meeting = builder.meeting
    if meeting is None or not builder.editable:
        return
    agenda.agenda_offer(builder.context, builder, meeting.id).success(
        lambda offer: _offered(builder, meeting, offer)
    ).run()


def _offered(builder: AgendaBuilder, meeting: MeetingRecord, offer: AgendaOffer) -> None:
    if builder.meeting is None or builder.meeting.id != meeting.id:
        return  # another meeting was chosen meanwhile
    matters_arising, plans = False, []
    if offer:
        dialog = AgendaOfferDialog(offer.plans, builder, open_actions=offer.open_actions)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            matters_arising, plans = dialog.matters_arising_chosen(), dialog.chosen()
    agenda.create_agenda(
        builder.context,
        builder,
        meeting.id,
        matters_arising_item=matters_arising,
        plan_ids=[p.id for p in plans],
    ).success(lambda made: _created(builder, made)).run()


def _created(builder: AgendaBuilder, made: Outcome[list[AgendaItemRecord]]) -> None:
    """A new agenda opens at its first item; items already chosen stay chosen."""
    if made.value and builder.current_item() is None:
        builder.select_when_shown(min(made.value, key=lambda r: r.position).id)


class AgendaOfferDialog(QDialog):
    """What Create agenda offers beyond the standard items, ticked: the Action Log / Matters Arising item
    when the committee has open actions, and the forward-plan items due at this meeting (those left stay
    on the plan)."""

    def __init__(
        self,
        plans: Sequence[ForwardPlanRecord],
        parent: QWidget | None = None,
        *,
        open_actions: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Also on this agenda")
        self._offers_matters = open_actions > 0
        self.matters = QCheckBox(
            f"{ProceduralRole.MATTERS_ARISING.label}: the {open_actions} open "
            f"action{'s' if open_actions != 1 else ''} from earlier meetings, to review"
        )
        self.matters.setObjectName("offerMattersArising")
        self.matters.setChecked(self._offers_matters)
        self.matters.setVisible(self._offers_matters)
        intro = QLabel(
            "The board asked to see these items at this meeting. Tick those to put on the agenda; "
            "the others stay on the forward plan and are offered again next time."
        )
        intro.setWordWrap(True)
        intro.setVisible(bool(plans))
        self.list = QListWidget()
        self.list.setObjectName("offeredItems")
        self.list.setAccessibleName("Items offered")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        for plan in plans:
            asked = plan.source_minute_label or plan.source_text
            row = QListWidgetItem(f"{plan.title}" + (f" (asked for at {asked})" if asked else ""))
            row.setData(Qt.ItemDataRole.UserRole, plan)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
            row.setToolTip("\n".join(p for p in (plan.title, plan.description, plan.source_label) if p))
            self.list.addItem(row)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton("Add ticked items", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Leave them all", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.setVisible(bool(plans))
        heading = QLabel("Tick what to put on the agenda as well:")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.matters)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        keep_geometry(self, "forward_plan_offer", QSize(660, 320))

    def matters_arising_chosen(self) -> bool:
        return self._offers_matters and self.matters.isChecked()

    def chosen(self) -> list[ForwardPlanRecord]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
