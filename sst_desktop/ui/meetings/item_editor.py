"""One agenda item, edited in place: title, kind, description, presenters, report, exemption, reports.

Each field is saved when it is left (the description also when typing pauses); consecutive edits of
one field make one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import ItemKind, ItemNumbering, ReportStatus
from sst_desktop.domain.meeting_texts import schedule_12a_notice
from sst_desktop.domain.patch import given
from sst_desktop.services.actions import ActionRecord
from sst_desktop.services.agenda_records import (
    EXEMPT_PARAGRAPH_LABELS,
    EXEMPT_PARAGRAPHS,
    AgendaItemPatch,
    AgendaItemRecord,
)
from sst_desktop.services.records import Change
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.meetings.attachments_list import AttachmentsList
from sst_desktop.ui.meetings.formatting import plain_date
from sst_desktop.ui.meetings.presenters import PresentersEditor
from sst_desktop.ui.operations import agenda
from sst_desktop.ui.widgets.fields import CommitLineEdit, CommitTextEdit

DESCRIPTION_IDLE_MS = 1200

FIELD_LABELS = {
    "title": "title",
    "kind": "kind",
    "description": "description",
    "presenters_text": "presenters",
    "presenter_ids": "presenters",
    "report_status": "report status",
    "exempt_paragraphs": "exemption",
    "numbering": "numbering",
    "flag": "flag",
    "section_heading": "section heading",
}


class AgendaItemEditor(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item: AgendaItemRecord | None = None
        self.editable = True

        self.heading = QLabel()
        self.heading.setObjectName("section-title")

        self.title = CommitLineEdit()
        self.title.setObjectName("itemTitle")
        self.kind = QComboBox()
        self.kind.setObjectName("itemKind")
        for kind in ItemKind:
            self.kind.addItem(kind.label, kind)
        self.description = CommitTextEdit()
        self.description.setObjectName("itemDescription")
        self.description.setPlaceholderText(
            "e.g. Report of the Localities Service Manager, or To receive a presentation from…"
        )
        self.description.setFixedHeight(62)
        self.presenters = PresentersEditor(context)
        self.report_status = QComboBox()
        self.report_status.setObjectName("reportStatus")
        self.report_status.setMaximumWidth(240)
        for status in ReportStatus:
            self.report_status.addItem(status.label, status)

        # How the agenda and minutes print the item: numbered or not, a flag, a heading before it.
        self.numbering = QComboBox()
        self.numbering.setObjectName("itemNumbering")
        for numbering in ItemNumbering:
            self.numbering.addItem(numbering.label, numbering)
        self.flag = CommitLineEdit()
        self.flag.setObjectName("itemFlag")
        self.flag.setPlaceholderText("e.g. NEW, POSTPONED")
        self.flag.setMaximumWidth(190)
        self.section_heading = CommitLineEdit()
        self.section_heading.setObjectName("sectionHeading")
        self.section_heading.setPlaceholderText(
            "Heading before the item, e.g. Part 2 - not open to the public"
        )

        self.paragraphs: dict[int, QCheckBox] = {}
        boxes = QHBoxLayout()
        boxes.setSpacing(8)
        for number in EXEMPT_PARAGRAPHS:
            box = QCheckBox(f"{number}")
            box.setAccessibleName(f"Schedule 12A paragraph {number}")
            box.setObjectName(f"exempt{number}")
            box.setToolTip(f"Paragraph {number}: {EXEMPT_PARAGRAPH_LABELS[number]}")
            box.toggled.connect(self._exempt_toggled)
            self.paragraphs[number] = box
            boxes.addWidget(box)
        boxes.addStretch(1)
        self.exempt_notice = QLabel()
        self.exempt_notice.setObjectName("exemptNotice")
        self.exempt_notice.setWordWrap(True)

        self.attachments = AttachmentsList(context)
        self.actions_label = QLabel()
        self.actions_label.setObjectName("openActions")
        self.actions_label.setWordWrap(True)
        self.actions_label.setTextFormat(Qt.TextFormat.PlainText)

        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        kind_label = QLabel("&Kind:")
        kind_label.setBuddy(self.kind)
        title_row.addWidget(kind_label)
        title_row.addWidget(self.kind)
        exempt_row = QHBoxLayout()
        exempt_row.setSpacing(10)
        exempt_row.addLayout(boxes)
        exempt_row.addStretch(1)
        exempt = QVBoxLayout()
        exempt.setSpacing(2)
        exempt.addLayout(exempt_row)
        exempt.addWidget(self.exempt_notice)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_label("&Title:", self.title), title_row)
        form.addRow(_label("&Description:", self.description), self.description)
        form.addRow(_label("&Presenters:", self.presenters.picker), self.presenters)
        form.addRow(_label("&Report:", self.report_status), self.report_status)
        printed = QHBoxLayout()
        printed.addWidget(self.numbering)
        printed.addWidget(_label("Fla&g:", self.flag))
        printed.addWidget(self.flag)
        printed.addWidget(_label("Section &heading:", self.section_heading))
        printed.addWidget(self.section_heading, 1)
        form.addRow(_label("Nu&mbering:", self.numbering), printed)
        exempt_label = _label("E&xempt:", self.paragraphs[1])
        exempt_label.setToolTip(
            "Exempt information: the paragraphs of Part 1 of Schedule 12A to the Local Government Act 1972"
        )
        form.addRow(exempt_label, exempt)
        form.addRow("Reports (PDF):", self.attachments)
        self.actions_row_label = QLabel("Open actions:")
        form.addRow(self.actions_row_label, self.actions_label)
        self.form = form

        self.empty = QLabel("Choose an item of the agenda to edit it.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fields = QWidget()
        fields_layout = QVBoxLayout(self.fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self.heading)
        fields_layout.addLayout(form)
        fields_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.fields)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(DESCRIPTION_IDLE_MS)
        self._idle.timeout.connect(self._description_paused)
        self.title.commit_requested.connect(lambda text: self._save(AgendaItemPatch(title=text), self.title))
        self.kind.activated.connect(lambda _: self._save(AgendaItemPatch(kind=self.kind.currentData())))
        self.description.textChanged.connect(self._description_typed)
        self.description.commit_requested.connect(
            lambda text: self._save(AgendaItemPatch(description=text), self.description)
        )
        self.presenters.people_changed.connect(
            lambda ids: self._save(AgendaItemPatch(presenter_ids=tuple(ids)))
        )
        self.presenters.free_text.commit_requested.connect(
            lambda text: self._save(AgendaItemPatch(presenters_text=text), self.presenters.free_text)
        )
        self.report_status.activated.connect(
            lambda _: self._save(AgendaItemPatch(report_status=self.report_status.currentData()))
        )
        self.numbering.activated.connect(
            lambda _: self._save(AgendaItemPatch(numbering=self.numbering.currentData()))
        )
        self.flag.commit_requested.connect(lambda text: self._save(AgendaItemPatch(flag=text), self.flag))
        self.section_heading.commit_requested.connect(
            lambda text: self._save(AgendaItemPatch(section_heading=text), self.section_heading)
        )
        self._loading = False
        self._actions: Sequence[ActionRecord] | None = None
        self._reference = ""
        self.show_item(None)

    # showing --------------------------------------------------------------------------------
    def show_item(
        self,
        item: AgendaItemRecord | None,
        *,
        editable: bool = True,
        open_actions: Sequence[ActionRecord] | None = None,
        reference: str = "",
    ) -> None:
        """``reference``: the item's printed label without brackets ("3", "A"; "" unnumbered)."""
        same = item is not None and self.item is not None and item.id == self.item.id
        if not same:
            self._idle.stop()
        self.item = item
        self._reference = reference
        self.editable = editable
        self._actions = open_actions
        self.empty.setVisible(item is None)
        self.fields.setVisible(item is not None)
        if item is None:
            return
        self._loading = True
        try:
            self.heading.setText(f"Item {reference}" if reference else "Unnumbered item")
            self.title.set_saved_text(item.title, keep_edit=same)
            self.kind.setCurrentIndex(self.kind.findData(item.kind))
            self.description.set_saved_text(item.description, keep_edit=same)
            self.presenters.set_people(item.presenter_ids, item.presenter_names)
            self.presenters.free_text.set_saved_text(item.presenters_text, keep_edit=same)
            self.report_status.setCurrentIndex(self.report_status.findData(item.report_status))
            self.numbering.setCurrentIndex(self.numbering.findData(item.numbering))
            self.flag.set_saved_text(item.flag, keep_edit=same)
            self.section_heading.set_saved_text(item.section_heading, keep_edit=same)
            for number, box in self.paragraphs.items():
                box.setChecked(number in item.exempt_paragraphs)
            self.exempt_notice.setText(
                schedule_12a_notice(item.exempt_paragraphs)
                + " In the public agenda pack its reports are replaced by this notice."
                if item.is_exempt
                else ""
            )
            self.exempt_notice.setVisible(item.is_exempt)
            self.attachments.show_item(item, editable=editable)
            for widget in (
                self.title,
                self.kind,
                self.presenters,
                self.report_status,
                self.numbering,
                self.flag,
                self.section_heading,
                *self.paragraphs.values(),
            ):
                widget.setEnabled(editable)
            self.description.setReadOnly(not editable)
            show_actions = item.kind == ItemKind.ACTION_LOG and open_actions is not None
            self.actions_row_label.setVisible(show_actions)
            self.actions_label.setVisible(show_actions)
            if show_actions:
                self.actions_label.setText(actions_text(open_actions or ()))
        finally:
            self._loading = False

    # saving ---------------------------------------------------------------------------------
    def _description_typed(self) -> None:
        if not self._loading and self.item is not None and self.description.is_dirty():
            self._idle.start()

    def _description_paused(self) -> None:
        """Typing paused: save the description so far (the edits merge into one undo step)."""
        if self.description.is_dirty():
            self.description.commit_pending()

    def _exempt_toggled(self) -> None:
        if self._loading:
            return
        chosen = tuple(n for n, box in self.paragraphs.items() if box.isChecked())
        self._save(AgendaItemPatch(exempt_paragraphs=chosen))

    def _save(self, patch: AgendaItemPatch, widget: CommitLineEdit | CommitTextEdit | None = None) -> None:
        """Save the field ``patch`` sets; a refused text stays in its box, marked (a box or list goes
        back to what is stored)."""
        item = self.item
        if item is None or self._loading or not self.editable:
            return
        changes = given(patch)
        if all(getattr(item, name) == value for name, value in changes.items()):
            return
        what = ", ".join(FIELD_LABELS[name] for name in changes)
        op = agenda.update_item(self.context, self, item, patch, what)
        field = next(iter(changes))
        refusal = op.refused_in(widget) if widget is not None else op.failure(self._refused)
        typed = _text_of(widget)
        refusal.success(lambda change: self._saved(change, widget, field, typed)).run()

    def _saved(
        self,
        change: Change[AgendaItemRecord],
        widget: CommitLineEdit | CommitTextEdit | None,
        field: str,
        typed: str,
    ) -> None:
        """The box shows the text as stored, unless the officer has typed on since (a description
        saved while typing pauses); the list reloads the rest."""
        fresh = change.after
        if widget is not None and fresh is not None and self.item is not None and fresh.id == self.item.id:
            widget.set_saved_text(str(getattr(fresh, field)), keep_edit=_text_of(widget) != typed)

    def _refused(self, error: BaseException) -> None:
        report_error(self, error)
        if self.item is not None:  # a box or list: show what is stored again
            self.show_item(
                self.item, editable=self.editable, open_actions=self._actions, reference=self._reference
            )

    def commit_pending(self) -> None:
        """Save what is typed but not yet left (another item chosen, the window closing)."""
        self._idle.stop()
        if self.item is None or not self.editable:
            return
        for field in (
            self.title,
            self.description,
            self.presenters.free_text,
            self.flag,
            self.section_heading,
        ):
            if field.is_dirty():
                field.commit_pending()


def _text_of(widget: CommitLineEdit | CommitTextEdit | None) -> str:
    if isinstance(widget, CommitTextEdit):
        return widget.toPlainText()
    return widget.text() if widget is not None else ""


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def actions_text(actions: Sequence[ActionRecord]) -> str:
    """The open actions the item will review, one a line: "SST/2022/004 — Share process… (Steve Martlew, due 1 Sep 2022)"."""
    if not actions:
        return "No open actions from earlier meetings."
    lines = []
    for action in actions[:12]:
        bits = [
            b for b in (action.owner, f"due {plain_date(action.due_date)}" if action.due_date else "") if b
        ]
        extra = f" ({', '.join(bits)})" if bits else ""
        text = action.text if len(action.text) <= 90 else action.text[:89] + "…"
        lines.append(f"{action.reference} — {text}{extra}")
    if len(actions) > 12:
        lines.append(f"… and {len(actions) - 12} more (see the action log)")
    return "\n".join(lines)
