"""The look of minute-taking: quiet colours, generous type, one accent, nothing that blinks.

Colours are named by role (``@role@``) and come from ``ui.theme``, as the main style sheet's do.
"""

from __future__ import annotations

from sst_desktop.ui import theme

STYLE_TEMPLATE = """
QMainWindow#minuteTaking { background: @base@; }
QWidget#minuteHeader { background: @window@; border-bottom: 1px solid @minutes_line@; }
QLabel#committeeName { font-size: 15pt; font-weight: 600; color: @minutes_text@; }
QLabel#meetingLine { color: @minutes_muted@; }
QLabel#clock { font-size: 15pt; font-weight: 600; color: @minutes_text@; padding: 0 8px; }
QLabel#saveIndicator { color: @success_text@; padding: 2px 8px; border-radius: 4px; }
QLabel#saveIndicator[state="pending"] { color: @grey_text@; }
QLabel#saveIndicator[state="error"] { color: @accent_text@; background: @error_strong@; }
QLabel#draftBadge { color: @minutes_accent@; border: 1px solid @minutes_accent@; border-radius: 4px; padding: 1px 8px;
    font-weight: 600; }
QLabel#confirmedBanner { background: @minutes_banner_back@; color: @minutes_banner_text@; border-bottom: 1px solid @minutes_banner_border@;
    padding: 8px 16px; }
QTreeWidget#agendaList { background: @minutes_list@; border: none; border-right: 1px solid @minutes_line@;
    font-size: 10.5pt; }
QTreeWidget#agendaList::item { padding: 5px 2px; }
QTreeWidget#agendaList::item:selected { background: @minutes_selected@; color: @minutes_selected_text@; }
QLabel#sectionTitle { color: @minutes_accent@; font-weight: 700; letter-spacing: 1px; }
QLabel#minutePlace { color: @minutes_muted@; }
QLineEdit#minuteHeading { font-size: 13pt; font-weight: 600; border: none;
    border-bottom: 1px solid @minutes_line@; padding: 4px 0; background: transparent; }
QPlainTextEdit#narrative { font-size: 11.5pt; border: 1px solid @minutes_line@; border-radius: 4px;
    padding: 6px; background: @base@; }
QPlainTextEdit#narrative:focus, QPlainTextEdit#publicSummary:focus { border: 1px solid @minutes_accent@; }
QLabel#muted, QLabel#hint { color: @grey_text@; }
QLabel#exemptTag { color: @minutes_exempt@; border: 1px solid @minutes_exempt_border@; border-radius: 4px; padding: 0 6px; }
QLabel#resolutionNumber { color: @minutes_muted@; padding-top: 8px; }
QLabel#presence { background: @warning_back@; color: @warning_text@; border-radius: 4px; padding: 2px 8px; }
QLabel#referenceChip { background: @minutes_chip@; border-radius: 4px; padding: 2px 8px; color: @minutes_text@; }
QFrame#noteFrame { background: @window@; border-radius: 4px; }
QLabel#procedureNote { color: @minutes_note_text@; padding: 4px; }
QPushButton#phraseButton { padding: 3px 10px; }
QToolButton#removeButton { border: none; color: @minutes_remove@; }
QToolButton#removeButton:hover { color: @error_strong@; }
QWidget#lowerPane { background: @base@; }
QSplitter#minuteSplitter::handle { background: @minutes_splitter@; height: 4px; }
QTableView#registerTable { font-size: 10.5pt; }
QLabel#emptyAgenda { color: @minutes_muted@; font-size: 12pt; }
/* Wrapped cells: Qt sizes rows without the house padding, so a padded cell would cut its last line. */
QTableWidget#mattersTable::item { padding: 0px; }
/* Confirmed minutes read as a record, not a form: no white boxes to type into. */
QMainWindow#minuteTaking QLineEdit:read-only, QMainWindow#minuteTaking QPlainTextEdit:read-only,
QMainWindow#minuteTaking QTextEdit:read-only { background: transparent; border: 1px solid transparent; }
QMainWindow#minuteTaking QLineEdit:read-only:focus, QMainWindow#minuteTaking QPlainTextEdit:read-only:focus,
QMainWindow#minuteTaking QTextEdit:read-only:focus { border: 1px solid @minutes_accent@; }
QMainWindow#minuteTaking QComboBox:disabled, QMainWindow#minuteTaking QAbstractSpinBox:disabled {
    background: transparent; border: 1px solid transparent; color: @minutes_text@; }
"""


def minutes_style() -> str:
    """The minute-taking window's style sheet in the colours of the desktop it runs on."""
    return theme.fill(STYLE_TEMPLATE)
