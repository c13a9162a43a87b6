"""Resolutions worded as actions (the wording offered in an empty new action)."""

from __future__ import annotations

import pytest

from sst_desktop.domain.action_wording import as_action, base_verb


@pytest.mark.parametrize(
    ("resolution", "action"),
    [
        (
            "that a further report be submitted to the next meeting regarding the recruitment of independent "
            "chairs for reviews",
            "Submit a further report to the next meeting regarding the recruitment of independent chairs for "
            "reviews",
        ),
        (
            "arrangements be put in place to establish the Prevent sub-group prior to the next meeting",
            "Put arrangements in place to establish the Prevent sub-group prior to the next meeting",
        ),
        (
            "the Strategy report and excel spreadsheet be circulated to the partnership members for comment",
            "Circulate the Strategy report and excel spreadsheet to the partnership members for comment",
        ),
        (
            "the possible submission of a bid be further explored.",
            "Explore further the possible submission of a bid",
        ),
        (
            "a Sefton Bid be developed and a report on progress be submitted to the next meeting",
            "Develop a Sefton Bid, and report on progress to the next meeting",
        ),
        ("the report be noted", ""),
        ("Members thanked the officers", ""),
    ],
)
def test_a_resolution_as_an_action(resolution: str, action: str) -> None:
    assert as_action(resolution) == action


def test_verbs_from_their_participles() -> None:
    assert [
        base_verb(w) for w in ("submitted", "circulated", "explored", "developed", "notified", "sent")
    ] == [
        "submit",
        "circulate",
        "explore",
        "develop",
        "notify",
        "send",
    ]
