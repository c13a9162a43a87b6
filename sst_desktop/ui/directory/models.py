"""Table columns of the directory screens."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from sst_desktop.domain.enums import MembershipRole
from sst_desktop.services.records import CommitteeRecord, MembershipRecord, OrganisationRecord, PersonRecord
from sst_desktop.ui.widgets.record_model import Column, RecordTableModel

_CENTRE = Qt.AlignmentFlag.AlignCenter


def uk_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _date_key(value: date | None) -> date:
    return value or date.max


def member_name(m: MembershipRecord) -> str:
    return " ".join(p for p in (m.person_title, m.person_name) if p)


def committee_model() -> RecordTableModel[CommitteeRecord]:
    return RecordTableModel(
        [
            Column(
                "Committee",
                lambda c: (
                    f"{c.name}\n{c.short_name} · {c.kind.label}" + (" · archived" if c.archived else "")
                ),
                tooltip=lambda c: "Formerly: " + "; ".join(c.former_names) if c.former_names else "",
            ),
        ],
        muted=lambda c: c.archived,
    )


def membership_model(today: date | None = None) -> RecordTableModel[MembershipRecord]:
    def past(m: MembershipRecord) -> bool:
        return not m.is_current(today or date.today())

    return RecordTableModel(
        [
            Column("Name", member_name, sort_key=lambda m: m.person_sort_key),
            Column("Role", lambda m: m.role.label, sort_key=lambda m: list(MembershipRole).index(m.role)),
            Column("Organisation", lambda m: m.organisation_name),
            Column("Representing", lambda m: m.representing),
            Column("From", lambda m: uk_date(m.start_date), sort_key=lambda m: m.start_date, align=_CENTRE),
            Column(
                "To", lambda m: uk_date(m.end_date), sort_key=lambda m: _date_key(m.end_date), align=_CENTRE
            ),
        ],
        muted=past,
        bold=lambda m: m.role is MembershipRole.CHAIR and not past(m),
    )


def people_model() -> RecordTableModel[PersonRecord]:
    return RecordTableModel(
        [
            Column("Name", lambda p: p.full_name, sort_key=lambda p: p.sort_key),
            Column("Organisation", lambda p: p.organisation_name),
            Column("Job title", lambda p: p.job_title),
            Column("Email", lambda p: p.email),
            Column("Telephone", lambda p: p.telephone),
        ],
        muted=lambda p: p.archived,
    )


def organisation_model(counts: dict[int, int] | None = None) -> RecordTableModel[OrganisationRecord]:
    people_count = counts if counts is not None else {}
    return RecordTableModel(
        [
            Column("Organisation", lambda o: o.name),
            Column("Short name", lambda o: o.short_name),
            Column(
                "People",
                lambda o: str(people_count.get(o.id, 0)),
                sort_key=lambda o: people_count.get(o.id, 0),
                align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            ),
        ],
        muted=lambda o: o.archived,
    )
