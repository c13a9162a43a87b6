"""The minutes' sentence for a declaration reads correctly whatever the officer typed as its nature."""

from __future__ import annotations

import pytest

from sst_desktop.domain.enums import DeclarationAction, InterestKind
from sst_desktop.exports.minutes_content import declaration_sentence
from sst_desktop.services.declarations import DeclarationRecord

OPENING = (
    "Councillor Hardy declared a personal interest (non-registrable interest) in Minute No. 7 (Licensing "
    "Review) and remained in the room but took no part in the vote."
)


def record(nature: str, item_id: int | None = 5) -> DeclarationRecord:
    return DeclarationRecord(
        id=1,
        meeting_id=1,
        agenda_item_id=item_id,
        item_number=5,
        item_title="Licensing Review",
        person_id=1,
        person_name="Councillor Hardy",
        kind=InterestKind.NON_REGISTRABLE,
        nature=nature,
        action=DeclarationAction.STAYED_NOT_VOTING,
    )


@pytest.mark.parametrize(
    ("nature", "ending"),
    [
        ("Knows the premises licence holder personally", "Knows the premises licence holder personally."),
        ("being a trustee of Sefton CVS.", "being a trustee of Sefton CVS."),
        ("Trustee (of Sefton CVS)", "Trustee (of Sefton CVS)."),
        (
            "Her son works for the applicant. She left early!",
            "Her son works for the applicant. She left early!",
        ),
        ("  Owns\nland   next to the site ", "Owns land next to the site."),
    ],
)
def test_the_nature_stands_as_typed_after_the_declaration(nature: str, ending: str) -> None:
    assert (
        declaration_sentence(record(nature), {5: 7}) == f"{OPENING} The nature of the interest was: {ending}"
    )


def test_no_nature_and_no_item() -> None:
    assert declaration_sentence(record(""), {5: 7}) == OPENING
    assert declaration_sentence(record("", item_id=None), {}) == (
        "Councillor Hardy declared a personal interest (non-registrable interest) and remained in the room "
        "but took no part in the vote."
    )
