from __future__ import annotations

from sst_desktop.domain.enums import ActionStatus, AttendanceStatus, MembershipRole, ProceduralRole


def test_labels_do_not_leak_between_enums_sharing_a_value() -> None:
    assert AttendanceStatus.APOLOGIES == ProceduralRole.APOLOGIES  # both are the string "apologies"
    assert AttendanceStatus.APOLOGIES.label == "Apologies"
    assert ProceduralRole.APOLOGIES.label == "Apologies for Absence"


def test_house_labels() -> None:
    assert MembershipRole.VICE_CHAIR.label == "Vice-Chair"
    assert ActionStatus.CLOSED.label == "Closed without action"
    assert ActionStatus.IN_PROGRESS.label == "In progress"
