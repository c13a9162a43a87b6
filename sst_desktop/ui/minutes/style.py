"""The look of minute-taking: quiet colours, generous type, one accent, nothing that blinks."""

from __future__ import annotations

ACCENT = "#1f4e79"

STYLE = f"""
QMainWindow#minuteTaking {{ background: #ffffff; }}
QWidget#minuteHeader {{ background: #f4f6f9; border-bottom: 1px solid #dde2ea; }}
QLabel#committeeName {{ font-size: 15pt; font-weight: 600; color: #1d2733; }}
QLabel#meetingLine {{ color: #4b5563; }}
QLabel#clock {{ font-size: 15pt; font-weight: 600; color: #1d2733; padding: 0 8px; }}
QLabel#saveIndicator {{ color: #1f6f43; padding: 2px 8px; border-radius: 4px; }}
QLabel#saveIndicator[state="pending"] {{ color: #6b7280; }}
QLabel#saveIndicator[state="error"] {{ color: #ffffff; background: #b42318; }}
QLabel#draftBadge {{ color: {ACCENT}; border: 1px solid {ACCENT}; border-radius: 4px; padding: 1px 8px;
    font-weight: 600; }}
QLabel#confirmedBanner {{ background: #fff7e0; color: #5c4400; border-bottom: 1px solid #f0d68a;
    padding: 8px 16px; }}
QTreeWidget#agendaList {{ background: #f8f9fb; border: none; border-right: 1px solid #dde2ea;
    font-size: 10.5pt; }}
QTreeWidget#agendaList::item {{ padding: 5px 2px; }}
QTreeWidget#agendaList::item:selected {{ background: #dbe7f3; color: #10243a; }}
QLabel#sectionTitle {{ color: {ACCENT}; font-weight: 700; letter-spacing: 1px; }}
QLabel#minutePlace {{ color: #4b5563; }}
QLineEdit#minuteHeading {{ font-size: 13pt; font-weight: 600; border: none;
    border-bottom: 1px solid #dde2ea; padding: 4px 0; background: transparent; }}
QPlainTextEdit#narrative {{ font-size: 11.5pt; border: 1px solid #dde2ea; border-radius: 4px;
    padding: 6px; background: #ffffff; }}
QPlainTextEdit#narrative:focus, QPlainTextEdit#publicSummary:focus {{ border: 1px solid {ACCENT}; }}
QLabel#muted, QLabel#hint {{ color: #6b7280; }}
QLabel#exemptTag {{ color: #8a1c1c; border: 1px solid #d9a3a3; border-radius: 4px; padding: 0 6px; }}
QLabel#resolutionNumber {{ color: #4b5563; padding-top: 8px; }}
QLabel#presence {{ background: #fff4d6; color: #6b4700; border-radius: 4px; padding: 2px 8px; }}
QLabel#referenceChip {{ background: #eef3f8; border-radius: 4px; padding: 2px 8px; color: #1d2733; }}
QFrame#noteFrame {{ background: #f4f6f9; border-radius: 4px; }}
QLabel#procedureNote {{ color: #374151; padding: 4px; }}
QPushButton#phraseButton {{ padding: 3px 10px; }}
QToolButton#removeButton {{ border: none; color: #9ca3af; }}
QToolButton#removeButton:hover {{ color: #b42318; }}
QWidget#lowerPane {{ background: #ffffff; }}
QSplitter#minuteSplitter::handle {{ background: #eef0f3; height: 4px; }}
QTableView#registerTable {{ font-size: 10.5pt; }}
QLabel#emptyAgenda {{ color: #4b5563; font-size: 12pt; }}
/* Wrapped cells: Qt sizes rows without the house padding, so a padded cell would cut its last line. */
QTableWidget#mattersTable::item {{ padding: 0px; }}
/* Confirmed minutes read as a record, not a form: no white boxes to type into. */
QMainWindow#minuteTaking QLineEdit:read-only, QMainWindow#minuteTaking QPlainTextEdit:read-only,
QMainWindow#minuteTaking QTextEdit:read-only {{ background: transparent; border: 1px solid transparent; }}
QMainWindow#minuteTaking QComboBox:disabled, QMainWindow#minuteTaking QAbstractSpinBox:disabled {{
    background: transparent; border: 1px solid transparent; color: #1d2733; }}
"""
