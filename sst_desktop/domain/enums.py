"""The fixed vocabularies of committee work. Values are what the database stores; labels what people read."""

from __future__ import annotations

import enum


class LabelledEnum(enum.StrEnum):
    @property
    def label(self) -> str:
        # Keyed by class too: members of different enums with the same value compare equal
        # (AttendanceStatus.APOLOGIES == ProceduralRole.APOLOGIES == "apologies").
        return _LABELS.get((type(self), self.value), self.value.replace("_", " ").capitalize())


class MembershipRole(LabelledEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    CO_OPTED = "co_opted"
    ADVISER = "adviser"


class CommitteeKind(LabelledEnum):
    BOARD = "board"
    PARTNERSHIP = "partnership"
    COMMITTEE = "committee"
    WORKING_GROUP = "working_group"


class MeetingStatus(LabelledEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"


class ItemKind(LabelledEnum):
    PROCEDURAL = "procedural"
    REPORT = "report"
    PRESENTATION = "presentation"
    VERBAL_UPDATE = "verbal_update"
    BRIEFING = "briefing"
    ACTION_LOG = "action_log"
    OTHER = "other"


class ItemNumbering(LabelledEnum):
    """How an agenda item is labelled: numbered (and minuted under a number), unnumbered, or lettered
    (A), (B) … under the numbered item before it."""

    NUMBER = "number"
    NONE = "none"
    LETTER = "letter"


class ProceduralRole(LabelledEnum):
    """Which standard item a procedural agenda item is, so documents can word it the house way."""

    APOLOGIES = "apologies"
    DECLARATIONS = "declarations"
    PREVIOUS_MINUTES = "previous_minutes"
    MATTERS_ARISING = "matters_arising"
    NEXT_MEETING = "next_meeting"


class ReportStatus(LabelledEnum):
    NONE = "none"
    ATTACHED = "attached"
    TO_FOLLOW = "to_follow"
    VERBAL = "verbal"


class ForwardPlanStatus(LabelledEnum):
    PENDING = "pending"
    SCHEDULED = "scheduled"
    DONE = "done"
    DROPPED = "dropped"


class AttendanceStatus(LabelledEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"


class InterestKind(LabelledEnum):
    DISCLOSABLE_PECUNIARY = "disclosable_pecuniary"
    OTHER_REGISTRABLE = "other_registrable"
    NON_REGISTRABLE = "non_registrable"


class DeclarationAction(LabelledEnum):
    WITHDREW = "withdrew"
    STAYED_NOT_VOTING = "stayed_not_voting"
    STAYED_DISPENSATION = "stayed_dispensation"
    REMAINED = "remained"


class MinuteOutcome(LabelledEnum):
    TAKEN = "taken"
    DEFERRED = "deferred"
    WITHDRAWN = "withdrawn"


class ActionKind(LabelledEnum):
    ACTION = "action"
    RECOMMENDATION = "recommendation"


class ActionStatus(LabelledEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    DEFERRED = "deferred"
    CLOSED = "closed"

    @property
    def is_done(self) -> bool:
        return self in (ActionStatus.COMPLETED, ActionStatus.CLOSED)


_LABELS: dict[tuple[type, str], str] = {
    (type(member), member.value): label
    for member, label in (
        (MembershipRole.VICE_CHAIR, "Vice-Chair"),
        (MembershipRole.CO_OPTED, "Co-opted"),
        (CommitteeKind.WORKING_GROUP, "Working group"),
        (ItemKind.VERBAL_UPDATE, "Verbal update"),
        (ItemKind.ACTION_LOG, "Action log"),
        (ProceduralRole.APOLOGIES, "Apologies for Absence"),
        (ProceduralRole.DECLARATIONS, "Declarations of Interest"),
        (ProceduralRole.PREVIOUS_MINUTES, "Minutes of Previous Meeting"),
        (ProceduralRole.MATTERS_ARISING, "Action Log / Matters Arising"),
        (ProceduralRole.NEXT_MEETING, "Date of Next Meeting"),
        (ItemNumbering.NUMBER, "Numbered"),
        (ItemNumbering.NONE, "Not numbered"),
        (ItemNumbering.LETTER, "Lettered (A), (B)"),
        (ReportStatus.NONE, "No report"),
        (ReportStatus.TO_FOLLOW, "Report to follow"),
        (ReportStatus.VERBAL, "Verbal"),
        (InterestKind.DISCLOSABLE_PECUNIARY, "Disclosable pecuniary"),
        (InterestKind.OTHER_REGISTRABLE, "Other registrable"),
        (InterestKind.NON_REGISTRABLE, "Non-registrable"),
        (DeclarationAction.WITHDREW, "Withdrew from the room"),
        (DeclarationAction.STAYED_NOT_VOTING, "Stayed without voting"),
        (DeclarationAction.STAYED_DISPENSATION, "Stayed under a dispensation"),
        (DeclarationAction.REMAINED, "Remained and took part"),
        (ActionStatus.CLOSED, "Closed without action"),
    )
}
