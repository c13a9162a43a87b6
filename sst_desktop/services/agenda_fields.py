"""An agenda item's fields as an officer, the builder or the CLI gives them: checked, ready to store."""

from __future__ import annotations

from sst_desktop.domain.enums import ItemKind, ItemNumbering, ProceduralRole, ReportStatus
from sst_desktop.services.agenda_records import parse_exempt_paragraphs
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.validation import as_text, optional, optional_id, required


def validated_fields(fields: dict[str, object], *, partial: bool) -> dict[str, object]:
    """The values of an item's fields (``given`` a patch), checked: the one place they are validated."""
    values: dict[str, object] = {}
    if not partial or "title" in fields:
        values["title"] = required(
            as_text(fields.get("title")), "The item's title", field="title", max_length=500
        )
    if "description" in fields:
        values["description"] = optional(
            as_text(fields["description"]), "The description", field="description", multiline=True
        )
    if "presenters_text" in fields:
        values["presenters_text"] = optional(
            as_text(fields["presenters_text"]), "The presenters", field="presenters_text", max_length=500
        )
    if "kind" in fields:
        values["kind"] = enum_value(ItemKind, fields["kind"], "kind of item", "kind") or ItemKind.REPORT
    if "procedural_role" in fields:
        values["procedural_role"] = enum_value(
            ProceduralRole, fields["procedural_role"], "procedural item", "procedural_role"
        )
    if "report_status" in fields:
        values["report_status"] = (
            enum_value(ReportStatus, fields["report_status"], "report status", "report_status")
            or ReportStatus.NONE
        )
    if "exempt_paragraphs" in fields:
        values["exempt_paragraphs"] = ",".join(
            str(p) for p in parse_exempt_paragraphs(fields["exempt_paragraphs"])
        )
    if "presenter_ids" in fields:
        values["presenter_ids"] = [int(i) for i in (fields["presenter_ids"] or ())]  # type: ignore[attr-defined]
    if "standing_item_id" in fields:
        raw = fields["standing_item_id"]
        values["standing_item_id"] = optional_id(raw, "The standing item", field="standing_item_id")
    if "flag" in fields:
        values["flag"] = optional(as_text(fields["flag"]), "The flag", field="flag", max_length=40).upper()
    if "section_heading" in fields:
        values["section_heading"] = optional(
            as_text(fields["section_heading"]), "The section heading", field="section_heading", max_length=200
        )
    if "numbering" in fields:
        values["numbering"] = (
            enum_value(ItemNumbering, fields["numbering"], "way of numbering an item", "numbering")
            or ItemNumbering.NUMBER
        )
    return values


def enum_value(cls, value: object, label: str, field_name: str):  # type: ignore[no-untyped-def]
    if value is None or value == "":
        return None
    try:
        return cls(value)
    except ValueError:
        raise ValidationError(f"“{value}” is not a {label}.", field=field_name) from None
