"""The Safer Sefton Together meeting of 22 June 2022 (seed 002), built through the services."""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from sst_desktop.domain import AgendaItem, Committee, Meeting
from sst_desktop.domain.enums import ItemKind, MembershipRole, ProceduralRole
from sst_desktop.exports.minutes_copy import copy_minutes
from sst_desktop.services import actions, attendance, memberships, minutes, people
from sst_desktop.services.people import PersonPatch
from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_path

MEMBERS = [
    # (title, first, last, role)
    ("Councillor", "Trish", "Hardy", MembershipRole.CHAIR),
    ("", "Nigel", "Bellamy", MembershipRole.MEMBER),
    ("", "Simon", "Burnett", MembershipRole.MEMBER),
    ("", "Neil", "Frackleton", MembershipRole.MEMBER),
    ("", "Siobhan", "Grainger", MembershipRole.MEMBER),
    ("", "Risthardh", "Hare", MembershipRole.MEMBER),
    ("", "Kevin", "Hollis", MembershipRole.MEMBER),
    ("Superintendent", "Graeme", "Robson", MembershipRole.MEMBER),
    ("", "Kevin", "Sexton", MembershipRole.MEMBER),
    ("", "Rosanna", "Stanley", MembershipRole.MEMBER),
    ("Chief Inspector", "Tracy", "Trubshaw", MembershipRole.MEMBER),
    ("", "Andrea", "Watts", MembershipRole.MEMBER),
    ("", "Chris", "White", MembershipRole.MEMBER),
]
PRESENT = ["Burnett", "Hare", "Hollis", "Robson", "Stanley", "Trubshaw", "White"]
APOLOGIES = ["Bellamy", "Frackleton", "Grainger", "Sexton", "Watts"]

ITEMS = [
    ("Apologies for Absence", ItemKind.PROCEDURAL, ProceduralRole.APOLOGIES, ""),
    ("Declarations of Interest", ItemKind.PROCEDURAL, ProceduralRole.DECLARATIONS, ""),
    ("Minutes of Previous Meeting", ItemKind.PROCEDURAL, ProceduralRole.PREVIOUS_MINUTES, ""),
    ("Domestic Homicide Review (DHRs) Update", ItemKind.REPORT, None, ""),
    ("Prevent Local Partnerships Health Check", ItemKind.VERBAL_UPDATE, None, "Steve Martlew"),
    ("OFSTED Report on links with Domestic Abuse", ItemKind.REPORT, None, "Risthardh Hare"),
    ("Youth Justice Service Update", ItemKind.BRIEFING, None, "Rosanna Stanley"),
    ("Sefton Local Profile", ItemKind.PRESENTATION, None, "Superintendent Robson"),
    ("Community Safety Strategy - Strategic Needs Assessment", ItemKind.REPORT, None, ""),
    ("Unauthorised Encampments", ItemKind.VERBAL_UPDATE, None, ""),
    ("Project ADDER", ItemKind.VERBAL_UPDATE, None, ""),
    ("Public Consultation for the Serious Violence Duty", ItemKind.REPORT, None, "Chris White"),
    ("Date of Next Meeting", ItemKind.PROCEDURAL, ProceduralRole.NEXT_MEETING, ""),
]

NARRATIVE = {
    3: "Members considered a report giving an update on the carrying out of Domestic Homicide Reviews.\n\n"
    "It was reported that there were currently difficulties in attracting independent Chairs for the process "
    "and members discussed possibilities to attract and train chairs.",
    4: "Steve Martlew gave an update on PREVENT. He indicated the need to develop a risk assessment process and "
    "action plan and reported on proposals for a situational risk assessment tool to be developed. It was "
    "hoped to develop this by way of a Prevent sub-group. It was anticipated that this would meet quarterly in "
    "advance of SST meetings in order that progress could be reported at the subsequent SST meeting.",
    5: "Risthardh Hare reported on work with perpetrators involving a 42 week programme by SWACCA. These courses "
    "were lengthy by nature and had an effect on the resources Social Work Team.\n\n"
    "Reference was made to funding being made available by the Home Office for Children affected by Domestic "
    "Violence and Violence against Women and Girls and it was suggested that a Sefton Bid could be developed "
    "to apply for some of this funding.\n\n"
    "It was also reported that following comments by OfSTED it was proposed to develop a new approach in "
    "relation to safeguarding children exploited. It was envisaged that a one-stop shop approach could be "
    "developed bearing in mind the number of agencies who could be involved.",
    6: "Ros Stanley presented a briefing paper on progress and achievements of Integrated Youth Services. The "
    "report set out details of performance against the following Youth Justice National Performance "
    "Indicators:\n\n"
    "- Reoffending – children who commit an offence across the period of 1 year are then tracked for a full "
    "year. This causes a time lapse due to the nature of tracking. This data is captured from the Police "
    "National Computer;\n"
    "- First Time Entrants – those children who enter the statutory cohort for the first time; and\n"
    "- Custody – those sentenced to a custodial sentence within the secure estate.\n\n"
    "The report also set out details regarding:\n\n"
    "- Changes to Key Performance Indicators (KPI's);\n"
    "- Youth Justice Service Funding Increase; and\n"
    "- Legislative Changes – Policing, Crime, Sentencing and Court Act.\n\n"
    "Arising from the discussion reference was made to community events or “Walkabouts” which had previously "
    "taken place involving various agencies and local Ward Councillors and it was suggested these could be "
    "reinstated",
    7: "Superintendent Robson gave an update around the Sefton Local profile, and referred to the annual "
    "assessment of serious and organised crime. There had been a reduction in gun crime which was now low. He "
    "also referred to “Cuckooing” and the Police actions to prevent this in conjunction with Housing "
    "Associations, Exploitation and Care homes (where children and young people were moved into Sefton from "
    "neighbouring areas)",
    8: "It had been intended to have a Community Safety Strategy Planning workshop at the meeting however, this "
    "did not take place due to low attendance and there was a need for everyone to have a say in how the "
    "strategy was developed. A draft Strategy, Executive Summary and spreadsheet had been produced which was "
    "discussed and it was suggested that the Draft Strategy report and excel spreadsheet be circulated to the "
    "partnership members for comment on the report and to populate the spreadsheet with the services they "
    "offered within the proposed strategy themes.",
    9: "Superintendent Robson gave an update on the PCSC act and reported on the police response which would "
    "be proportionate.",
    10: "Superintendent Robson reported on Funding which had been allocated to Areas within Merseyside under "
    "project Adder but this had not included Sefton. There was a second wave of funding which required the "
    "submission of bids to upscale services and it was suggested that a co-ordinated bid could be considered "
    "possibly involving the local drugs partnership.",
    11: "Chris White reported that the public consultation of the draft statutory guidance on the Serious "
    "Violence Duty had gone live and open from 6 June 2022. It would be running for 6 weeks until 21 July "
    "2022.\n\n"
    "The Link to the consultation is:\n\n"
    "Serious Violence Duty - GOV.UK (www.gov.uk)\n\n"
    "Members were encouraged to submit their views.",
}
ACTIONS = [
    "Discuss at LCR SD VAG - risk to lack of chairs",
    "Need to request further funds from partners for DHR's",
    "Share process with MFRS in relation to Retirees from the service",
    "Check what the cost is to take part in the training - could the SST fund this.",
]
RESOLUTIONS = {
    3: [
        "the report be noted",
        "that a further report be submitted to the next meeting regarding the recruitment of independent "
        "chairs for reviews",
    ],
    4: [
        "the update be noted",
        "arrangements be put in place to establish the Prevent sub-group prior to the next meeting of this "
        "Partnership",
    ],
    5: [
        "the report be noted",
        "a Sefton Bid in respect of Children affected by Domestic Violence and Violence against Women and Girls "
        "be developed and a report on progress be submitted to the next meeting",
        "a report be submitted to the next meeting on the progress on the new approach in relation to "
        "safeguarding children exploited",
    ],
    6: ["the briefing paper be noted"],
    7: ["the report be noted"],
    8: [
        "the Strategy report and excel spreadsheet be circulated to the partnership members for comment on the "
        "report and to populate the spreadsheet with the services they offered within the proposed strategy themes",
        "Members be requested to submit any comments on the report and complete that spreadsheet by Friday 8 "
        "July 2022",
        "Following receipt of comments, a Draft Strategy be submitted to the next meeting on 8 September 2022",
    ],
    9: ["the report be noted"],
    10: ["the possible submission of a bid be further explored"],
    11: ["the report be noted"],
}


@dataclass
class SeedMeeting:
    committee_id: int
    previous_id: int
    meeting_id: int
    next_id: int
    item_ids: list[int]
    person_ids: dict[str, int] = field(default_factory=dict)  # by surname
    minute_ids: list[int] = field(default_factory=list)


def build_committee_and_meetings(db: Database, *, uses_call_in: bool = False) -> SeedMeeting:
    """The committee, its members, and the meetings of 17 March, 22 June (with agenda) and 8 September 2022."""
    person_ids: dict[str, int] = {}
    with db.write() as session:
        committee = Committee(
            name="Safer Sefton Together",
            short_name="SST",
            default_venue="Bootle Town Hall",
            default_start_time=time(10, 0),
            uses_call_in=uses_call_in,
        )
        session.add(committee)
        session.flush()
        committee_id = committee.id
        previous = Meeting(committee_id=committee_id, date=date(2022, 3, 17), venue="Bootle Town Hall")
        meeting = Meeting(
            committee_id=committee_id,
            date=date(2022, 6, 22),
            venue="Bootle Town Hall",
            start_time=time(10, 0),
        )
        following = Meeting(
            committee_id=committee_id,
            date=date(2022, 9, 8),
            venue="the Town Hall Bootle",
            start_time=time(10, 0),
        )
        session.add_all([previous, meeting, following])
        session.flush()
        items = []
        for position, (title, kind, role, presenters) in enumerate(ITEMS):
            item = AgendaItem(
                meeting_id=meeting.id,
                position=position,
                title=title,
                kind=kind,
                procedural_role=role,
                presenters_text=presenters,
            )
            session.add(item)
            items.append(item)
        session.add(AgendaItem(meeting_id=previous.id, position=0, title="Apologies for Absence"))
        session.flush()
        ids = (previous.id, meeting.id, following.id, [i.id for i in items])
    for title, first, last, role in MEMBERS:
        person = people.create_person(db, PersonPatch(title=title, first_name=first, last_name=last)).after
        assert person is not None
        person_ids[last] = person.id
        memberships.add_membership(db, committee_id, person.id, role=role, start_date=date(2021, 5, 1))
    for title, first, last in (("", "Janette", "Maxwell"), ("", "Steven", "Martlew")):
        person = people.create_person(db, PersonPatch(title=title, first_name=first, last_name=last)).after
        assert person is not None
        person_ids[last] = person.id
    return SeedMeeting(committee_id, ids[0], ids[1], ids[2], ids[3], person_ids)


def take_register(db: Database, seed: SeedMeeting) -> None:
    register = {r.person_id: r for r in attendance.prefill_register(db, seed.meeting_id)}
    by_name = {r.last_name: r for r in register.values()}
    chair = by_name["Hardy"]
    attendance.set_in_chair(db, chair.id)
    for name in PRESENT:
        attendance.set_present(db, by_name[name].id)
    for name in APOLOGIES:
        attendance.set_apologies(db, by_name[name].id)
    attendance.add_attendee(
        db, seed.meeting_id, seed.person_ids["Maxwell"], also_present=False, status="apologies"
    )
    attendance.add_attendee(db, seed.meeting_id, seed.person_ids["Martlew"], also_present=False)


def write_minutes(db: Database, seed: SeedMeeting) -> None:
    records = minutes.open_minutes(db, seed.meeting_id)
    seed.minute_ids = [m.id for m in records]
    minutes.confirm_previous_minutes(db, seed.minute_ids[2], copy_minutes)
    for index, text in NARRATIVE.items():
        minutes.set_text(db, seed.minute_ids[index], text)
    for index, texts in RESOLUTIONS.items():
        for text in texts:
            minutes.add_resolution(db, seed.minute_ids[index], text)
    minutes.insert_quick_phrase(db, seed.minute_ids[12], minutes.QuickPhrase.NEXT_MEETING)
    for text in ACTIONS:
        actions.create_action(db, minute_id=seed.minute_ids[3], text=text)


def confirm_at_next_meeting(db: Database, seed: SeedMeeting) -> minutes.MinuteRecord:
    """The meeting of 8 September 2022 confirms the minutes of 22 June: its Minutes of Previous Meeting
    item (added here) is resolved a correct record. Returns that item's minute."""
    with db.write() as session:
        session.add(
            AgendaItem(
                meeting_id=seed.next_id,
                position=0,
                title="Minutes of Previous Meeting",
                procedural_role=ProceduralRole.PREVIOUS_MINUTES,
            )
        )
    minute = minutes.open_minutes(db, seed.next_id)[0]
    minutes.confirm_previous_minutes(db, minute.id, copy_minutes)
    return minute


def build_seed_meeting(db: Database, *, uses_call_in: bool = False) -> SeedMeeting:
    seed = build_committee_and_meetings(db, uses_call_in=uses_call_in)
    take_register(db, seed)
    write_minutes(db, seed)
    return seed


class SeedCache:
    """Builds the seed meeting once per test session and hands each test a copy of the file
    (building it through the services takes about a second; copying a file, milliseconds)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.built: dict[bool, tuple[Path, SeedMeeting]] = {}

    def copy(self, target: Path, *, uses_call_in: bool = False) -> tuple[Database, SeedMeeting]:
        if uses_call_in not in self.built:
            path = self.folder / f"seed-{uses_call_in}.db"
            database = open_path(path, backup_dir=self.folder / "backups")
            seed = build_seed_meeting(database, uses_call_in=uses_call_in)
            database.dispose()  # the last connection closing folds the WAL into the file
            self.built[uses_call_in] = (path, seed)
        path, seed = self.built[uses_call_in]
        shutil.copyfile(path, target)
        database = open_path(target, backup_dir=target.parent / "backups")
        return database, copy.deepcopy(seed)
