"""The window's colours: the house colours on an ordinary light desktop, the user's own otherwise.

Every colour the window draws comes from here, by what it is for ("heading", "error_text"), so the
style sheets (``resources/styles/app.qss``, the minute-taking window's) and the models name roles, not
colours. On a light desktop the roles have the house colours. When the desktop asks for a dark or a
high-contrast palette, every role is taken from that palette: text and backgrounds are its own, and the
few colours a palette has no role for (warnings, errors, overdue rows) are tinted from its base and
darkened or lightened until they read at WCAG AA contrast against it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

Role = QPalette.ColorRole

# The house colours, as the program has always looked on a light desktop.
HOUSE: dict[str, str] = {
    "window": "#f4f6f9",
    "text": "#1f2933",
    "base": "#ffffff",
    "alternate": "#f7f9fb",
    "panel": "#eef1f5",
    "line": "#d5dbe3",
    "input_border": "#c3ccd7",
    "button_border": "#b8c2ce",
    "button_hover": "#eef3f9",
    "button_hover_border": "#8fa3b8",
    "button_pressed": "#dde6f0",
    "spin_hover": "#e3eaf2",
    "spin_pressed": "#d3deea",
    "disabled_back": "#f1f3f6",
    "disabled_text": "#8a94a1",
    "button_disabled_text": "#9aa4af",
    "button_disabled_back": "#f6f7f9",
    "accent": "#0b5cab",
    "accent_text": "#ffffff",
    "accent_hover": "#0a4f93",
    "accent_disabled": "#9dbbd8",
    "selection": "#dbe9f8",
    "selection_text": "#13293d",
    "heading": "#13293d",
    "header_text": "#3e4c5b",
    "muted": "#5f6b7a",
    "quiet": "#8a2a2a",
    "sidebar": "#1d2b3a",
    "sidebar_text": "#dce4ee",
    "sidebar_strong": "#ffffff",
    "sidebar_muted": "#9fb0c3",
    "sidebar_hover": "#26384b",
    "sidebar_selected": "#2d4560",
    "sidebar_marker": "#4da3ff",
    "warning_text": "#7a4b00",
    "warning_back": "#fff4d6",
    "warning_border": "#f0d48a",
    "error_border": "#c62828",
    "error_back": "#fff5f5",
    "error_text": "#9c1c13",
    "error_strong": "#b42318",
    "overdue_back": "#fde4e2",
    "conflict_back": "#fff1d6",
    "waiting_text": "#9c5b00",
    "caution_text": "#a33a00",
    "done_text": "#646e7b",  # (was #7a8494: under AA contrast on white)
    "details_text": "#4a5568",
    "recommendation_text": "#5b2a86",
    "success_text": "#1f6f43",
    "amber_text": "#8a5a00",
    "grey_text": "#646b77",  # (was #6b7280: under AA contrast on the window grey)
    "list_muted": "#6b6b6b",
    "group_row": "#e8edf3",
    # the minute-taking window
    "minutes_accent": "#1f4e79",
    "minutes_text": "#1d2733",
    "minutes_muted": "#4b5563",
    "minutes_line": "#dde2ea",
    "minutes_list": "#f8f9fb",
    "minutes_selected": "#dbe7f3",
    "minutes_selected_text": "#10243a",
    "minutes_chip": "#eef3f8",
    "minutes_note_text": "#374151",
    "minutes_remove": "#9ca3af",
    "minutes_splitter": "#eef0f3",
    "minutes_exempt": "#8a1c1c",
    "minutes_exempt_border": "#d9a3a3",
    "minutes_banner_back": "#fff7e0",
    "minutes_banner_text": "#5c4400",
    "minutes_banner_border": "#f0d68a",
}

# Hues of the roles a palette has no colour for, and whether each is a text or a background.
_TINTS: dict[str, tuple[str, str]] = {
    "warning_text": ("#f0b000", "text"),
    "warning_back": ("#f0b000", "back"),
    "warning_border": ("#f0b000", "border"),
    "error_border": ("#e03030", "border"),
    "error_back": ("#e03030", "back"),
    "error_text": ("#e03030", "text"),
    "error_strong": ("#e03030", "text"),
    "overdue_back": ("#e03030", "back"),
    "conflict_back": ("#f0b000", "back"),
    "waiting_text": ("#c07000", "text"),
    "caution_text": ("#d05000", "text"),
    "recommendation_text": ("#8040c0", "text"),
    "success_text": ("#20a050", "text"),
    "amber_text": ("#c08000", "text"),
    "quiet": ("#c03030", "text"),
    "minutes_exempt": ("#c03030", "text"),
    "minutes_exempt_border": ("#c03030", "border"),
    "minutes_banner_back": ("#f0b000", "back"),
    "minutes_banner_text": ("#f0b000", "text"),
    "minutes_banner_border": ("#f0b000", "border"),
    "sidebar_marker": ("#4da3ff", "text"),
}

_current: dict[str, str] = dict(HOUSE)
_brushes: dict[str, QBrush] = {}  # made once per theme: models ask for them for every cell drawn


def uses_own_colours(palette: QPalette) -> bool:
    """True when the desktop asks for dark or high-contrast colours (its palette is not light)."""
    hints = QGuiApplication.styleHints()
    if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark:
        return True
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10 and later
    if (
        accessibility is not None
        and accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    ):
        return True
    return palette.color(Role.Window).lightnessF() < 0.5 or palette.color(Role.Base).lightnessF() < 0.5


def colours_for(palette: QPalette) -> dict[str, str]:
    """Every role's colour for ``palette``: the house colours on a light desktop, else the palette's."""
    if not uses_own_colours(palette):
        return dict(HOUSE)
    c = palette.color
    disabled = palette.color(QPalette.ColorGroup.Disabled, Role.Text)
    own = {
        "window": c(Role.Window),
        "text": c(Role.WindowText),
        "base": c(Role.Base),
        "alternate": c(Role.AlternateBase),
        "panel": c(Role.Button),
        "line": c(Role.Mid),
        "input_border": c(Role.Mid),
        "button_border": c(Role.Mid),
        "button_hover": c(Role.Midlight),
        "button_hover_border": c(Role.Highlight),
        "button_pressed": c(Role.Dark),
        "spin_hover": c(Role.Midlight),
        "spin_pressed": c(Role.Dark),
        "disabled_back": c(Role.Window),
        "disabled_text": disabled,
        "button_disabled_text": disabled,
        "button_disabled_back": c(Role.Window),
        "accent": c(Role.Highlight),
        "accent_text": c(Role.HighlightedText),
        "accent_hover": c(Role.Highlight).lighter(115),
        "accent_disabled": c(Role.Mid),
        "selection": c(Role.Highlight),
        "selection_text": c(Role.HighlightedText),
        "heading": c(Role.WindowText),
        "header_text": c(Role.WindowText),
        "muted": c(Role.PlaceholderText),
        "sidebar": c(Role.Base),
        "sidebar_text": c(Role.Text),
        "sidebar_strong": c(Role.Text),
        "sidebar_muted": c(Role.PlaceholderText),
        "sidebar_hover": c(Role.AlternateBase),
        "sidebar_selected": c(Role.Highlight),
        "done_text": c(Role.PlaceholderText),
        "details_text": c(Role.PlaceholderText),
        "grey_text": c(Role.PlaceholderText),
        "list_muted": c(Role.PlaceholderText),
        "group_row": c(Role.AlternateBase),
        "minutes_accent": c(Role.Link),
        "minutes_text": c(Role.Text),
        "minutes_muted": c(Role.PlaceholderText),
        "minutes_line": c(Role.Mid),
        "minutes_list": c(Role.Window),
        "minutes_selected": c(Role.Highlight),
        "minutes_selected_text": c(Role.HighlightedText),
        "minutes_chip": c(Role.AlternateBase),
        "minutes_note_text": c(Role.Text),
        "minutes_remove": c(Role.PlaceholderText),
        "minutes_splitter": c(Role.Mid),
    }
    colours = {name: value.name() for name, value in own.items()}
    base = c(Role.Base)
    for name, (hue, kind) in _TINTS.items():
        colours[name] = _tinted(QColor(hue), base, kind).name()
    missing = set(HOUSE) - set(colours)
    assert not missing, f"no colour for {missing}"
    return colours


def apply(palette: QPalette) -> dict[str, str]:
    """Choose the colours for ``palette``; every later ``colour()`` answers from them."""
    _current.clear()
    _current.update(colours_for(palette))
    _brushes.clear()
    return dict(_current)


def colour(name: str) -> QColor:
    return QColor(_current[name])


def brush(name: str) -> QBrush:
    found = _brushes.get(name)
    if found is None:
        found = _brushes[name] = QBrush(colour(name))
    return found


def text_style(name: str, *, bold: bool = False) -> str:
    """A label's style sheet: text in the role's colour (and bold)."""
    return f"color: {_current[name]};" + (" font-weight: bold;" if bold else "")


def fill(template: str) -> str:
    """A style sheet with each ``@role@`` replaced by the role's colour."""
    text = template
    for name, value in sorted(_current.items(), key=lambda item: -len(item[0])):
        text = text.replace(f"@{name}@", value)
    return text


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def _tinted(hue: QColor, base: QColor, kind: str) -> QColor:
    """``hue`` made into a background, border or text for a desktop whose base colour is ``base``."""
    dark_base = base.lightnessF() < 0.5
    if kind == "back":
        return _mix(base, hue, 0.22)
    if kind == "border":
        return _mix(base, hue, 0.6)
    end = QColor("#ffffff") if dark_base else QColor("#000000")
    back = _mix(base, hue, 0.22)
    for step in range(21):  # toward white on a dark base, black on a light one, until it reads at AA
        text = _mix(hue, end, step / 20)
        if contrast(text, base) >= 4.5 and contrast(text, back) >= 4.5:
            break
    return text


def _mix(first: QColor, second: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * amount,
        first.greenF() + (second.greenF() - first.greenF()) * amount,
        first.blueF() + (second.blueF() - first.blueF()) * amount,
    )
