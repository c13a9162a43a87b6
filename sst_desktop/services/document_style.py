"""A committee's house style for its agendas, packs and minutes: what the documents say and in what order.

``DocumentStyle()`` is the style the documents have always had (seed 002's), so a committee nobody
styled prints exactly as before. The style travels as a small TOML file, one section per part of the
documents, that councils share; ``style_from_text`` reads one back and says, in one line, what is wrong
with a file it cannot use (an unknown setting, a wrong kind of value, a choice it does not offer).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from string import Formatter
from typing import Any, Literal

from sst_desktop.domain.meeting_texts import NOT_OPEN_TO_PUBLIC
from sst_desktop.services.errors import ValidationError

FORMAT = 1
NOT_SUBJECT_TO_CALL_IN = 'THIS SET OF MINUTES IS NOT SUBJECT TO "CALL-IN"'
CALL_IN_ENDS = 'THE "CALL-IN" PERIOD FOR THIS SET OF MINUTES ENDS AT 12 NOON ON {date}'
NO_DECLARATIONS = (
    "No declarations of any disclosable pecuniary interests or personal interests were received."
)
NO_APOLOGIES = "No apologies for absence were received."
APOLOGIES = "Apologies for absence were submitted from {names}."
MAX_TEXT = 4000  # a summons letter fits; nothing a style holds is longer


def _setting(section: str, label: str, default: Any, choices: tuple[str, ...] = (), **extra: Any) -> Any:
    """A field of the style: where it sits in the file, what the Documents tab calls it, its choices."""
    return field(default=default, metadata={"section": section, "label": label, "choices": choices, **extra})


@dataclass(frozen=True)
class DocumentStyle:
    # ---- the minutes' opening
    call_in_statement: bool = _setting("opening", "Print the call-in statement", True)
    call_in_ends_text: str = _setting("opening", "Call-in period wording ({date})", CALL_IN_ENDS)
    not_call_in_text: str = _setting("opening", "Not subject to call-in wording", NOT_SUBJECT_TO_CALL_IN)
    held_at: str = _setting("opening", "Meeting held at", "MEETING HELD AT")
    minutes_not_open_notice: str = _setting("opening", "Minutes: not-open notice", "")
    minutes_open_statement: str = _setting("opening", "Minutes: open meeting statement", "")
    # ---- PRESENT, ALSO PRESENT and apologies
    present_order: str = _setting(
        "attendance", "Order of names", "register", ("register", "councillors_first", "surname")
    )
    group_councillors: bool = _setting(
        "attendance", "Group councillors (“Councillors Hardy and Shaw”)", False
    )
    councillor_first_names: bool = _setting("attendance", "Councillors with first names", False)
    also_present_brackets: str = _setting(
        "attendance", "ALSO PRESENT in brackets", "capacity", ("capacity", "organisation", "none")
    )
    # ---- the apologies and declarations sentences
    apologies_text: str = _setting("sentences", "Apologies ({names})", APOLOGIES)
    apology_text: str = _setting("sentences", "One apology ({names})", APOLOGIES)
    apologies_roles: bool = _setting("sentences", "Roles in brackets after apologies", False)
    no_apologies_text: str = _setting("sentences", "No apologies", NO_APOLOGIES)
    no_declarations_text: str = _setting("sentences", "No declarations", NO_DECLARATIONS)
    # ---- RESOLVED
    resolved_own_line: str = _setting(
        "resolved", "RESOLVED on its own line", "procedural", ("procedural", "always", "never")
    )
    resolved_that: str = _setting("resolved", "Before the parts", "That", ("That", "That:"))
    resolved_punctuation: str = _setting(
        "resolved", "Parts end with", "semicolon_and", ("semicolon_and", "semicolon", "full_stop", "none")
    )
    # ---- the agenda
    agenda_title: str = _setting("agenda", "Agenda title", "AGENDA")
    not_open_notice: str = _setting("agenda", "Agenda: not-open notice", NOT_OPEN_TO_PUBLIC)
    membership_councillors: str = _setting("agenda", "Membership councillors", "label", ("label", "grouped"))
    membership_first_names: bool = _setting("agenda", "Membership with first names", True)
    membership_titles: bool = _setting("agenda", "Partners with their titles", True)
    membership_roles: bool = _setting("agenda", "(Chair) and (Vice-Chair) markers", False)
    officer_block: str = _setting("agenda", "Committee officer", "block", ("block", "contact"))
    officer_fax: str = _setting("agenda", "Fax", "")
    # ---- the pack
    public_document_pack: bool = _setting("pack", "“Public Document Pack” on the front sheet", False)
    summons_template: str = _setting("pack", "Summons letter", "", multiline=True)
    pack_minutes_draft: bool = _setting("pack", "DRAFT mark on minutes in the pack", True)
    # ---- page numbers
    page_numbers: str = _setting("pages", "Minutes page numbers", "none", ("none", "header", "footer"))
    first_page_number: int = _setting("pages", "First page number", 1, minimum=1, maximum=99999)

    def with_settings(self, values: Mapping[str, object]) -> DocumentStyle:
        """This style with the settings named in ``values`` changed (checked by ``validated`` when
        saved): the Documents tab's preview, and a style file read over the default."""
        settings: dict[str, Any] = dict(values)
        return replace(self, **settings)


DEFAULT_STYLE = DocumentStyle()
SECTIONS = ("opening", "attendance", "sentences", "resolved", "agenda", "pack", "pages")
SECTION_TITLES = {
    "opening": "Minutes: opening",
    "attendance": "PRESENT and ALSO PRESENT",
    "sentences": "Apologies and declarations",
    "resolved": "RESOLVED",
    "agenda": "Agenda",
    "pack": "Agenda pack",
    "pages": "Page numbers",
}
# Wording that must name what it stands for, or the sentence would lose it.
PLACEHOLDERS = {"call_in_ends_text": "{date}", "apologies_text": "{names}", "apology_text": "{names}"}
# What each wording may name in braces, filled in when the document is made.
SUMMONS_FIELDS = ("committee", "date", "time", "venue", "officer")
FILLED_IN = {
    "call_in_ends_text": ("date",),
    "apologies_text": ("names",),
    "apology_text": ("names",),
    "summons_template": SUMMONS_FIELDS,
}


def style_fields() -> tuple[Any, ...]:
    return fields(DocumentStyle)


def validated(style: DocumentStyle) -> DocumentStyle:
    """The style if every setting is usable; else ValidationError naming the setting."""
    for f in fields(style):
        _check(f, getattr(style, f.name))
    return style


def _check(f: Any, value: object) -> None:
    where = f"{f.metadata['section']}.{f.name}"
    if f.type == "bool" and not isinstance(value, bool):
        raise ValidationError(f"{where} must be true or false.", field=f.name)
    if f.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"{where} must be a whole number.", field=f.name)
        if not f.metadata["minimum"] <= value <= f.metadata["maximum"]:
            raise ValidationError(
                f"{where} must be between {f.metadata['minimum']} and {f.metadata['maximum']}.", field=f.name
            )
    if f.type == "str":
        if not isinstance(value, str):
            raise ValidationError(f"{where} must be text in quotes.", field=f.name)
        if len(value) > MAX_TEXT:
            raise ValidationError(f"{where} is longer than {MAX_TEXT} characters.", field=f.name)
        if any((ord(c) < 32 and c not in "\n\t") or c == "\x7f" or "\ud800" <= c <= "\udfff" for c in value):
            raise ValidationError(f"{where} holds a control character.", field=f.name)
        choices = f.metadata["choices"]
        if choices and value not in choices:
            raise ValidationError(f"{where} must be one of: {', '.join(choices)}.", field=f.name)
        needed = PLACEHOLDERS.get(f.name)
        if needed and needed not in value:
            raise ValidationError(f"{where} must contain {needed}.", field=f.name)
        allowed = FILLED_IN.get(f.name, ())
        try:
            named = {name for _, name, _, _ in Formatter().parse(value) if name is not None}
        except ValueError:
            named = {"?"}
        if named - set(allowed):
            shown = ", ".join("{" + a + "}" for a in allowed) or "nothing"
            raise ValidationError(
                f"{where} may hold only {shown} in braces (write {{{{ and }}}} for a brace).", field=f.name
            )


def style_to_text(style: DocumentStyle, committee_name: str = "") -> str:
    """The style as a TOML file, every setting written (so the file documents itself)."""
    lines = ["# SST Desktop document style"]
    if committee_name:
        lines.append(f"# exported from {' '.join(committee_name.split())}")
    lines.append(f"format = {FORMAT}")
    for section in SECTIONS:
        lines += ["", f"[{section}]"]
        for f in fields(style):
            if f.metadata["section"] == section:
                lines.append(f"{f.name} = {_toml_value(getattr(style, f.name))}")
    return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # A JSON string is a TOML basic string, escapes and all (checked free of lone surrogates, so it writes as UTF-8).
    return json.dumps(value, ensure_ascii=False)


def style_from_text(text: str) -> DocumentStyle:
    """A style read from TOML text; settings the file leaves out keep their default. ValidationError
    (one line) for a file that is not TOML, names an unknown section or setting, or holds a bad value."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValidationError(f"Not a style file: {error}.") from None
    found = data.pop("format", FORMAT)
    if found != FORMAT:
        raise ValidationError(f"This style file has format {found!r}; this version reads format {FORMAT}.")
    known = {f.name: f for f in fields(DocumentStyle)}
    values: dict[str, object] = {}
    for section, settings in data.items():
        if section not in SECTIONS or not isinstance(settings, dict):
            raise ValidationError(f"Unknown section [{section}] in the style file.")
        for name, value in settings.items():
            f = known.get(name)
            if f is None or f.metadata["section"] != section:
                raise ValidationError(f"Unknown setting {section}.{name} in the style file.")
            _check(f, value)
            values[name] = value
    return DEFAULT_STYLE.with_settings(values)


def changed_settings(style: DocumentStyle) -> tuple[str, ...]:
    """The names of the settings that differ from the default style."""
    return tuple(f.name for f in fields(style) if getattr(style, f.name) != getattr(DEFAULT_STYLE, f.name))


# The Documents tab's preview: which document's first page, and the page as drawn.
PageKind = Literal["minutes", "agenda", "front"]
PAGE_KINDS: dict[PageKind, str] = {"minutes": "Minutes", "agenda": "Agenda", "front": "Pack front sheet"}


@dataclass(frozen=True)
class SamplePage:
    """The first page of a document in a style, as ``style_pages`` draws it."""

    png: bytes
    text: str  # the page's words, for a screen reader
