"""The demo's organisations, people, committees and memberships, entered through the directory services.

Sources: seed 002 (the 8 September 2022 agenda's MEMBERSHIP list and committee officer, the 22 June
2022 minutes, the reports' authors) and seeds 000/001 (the Peer Review Working Group and its officers).
Where a seed gives only a surname (Robinson, Armitage, Forshaw) the first name is left blank; a
person's organisation is filled in only where the seeds make it plain. The partner spelt both
"Frackleton" and "Frackelton" is one person, Neil Frackleton.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sst_desktop.domain.enums import CommitteeKind, MembershipRole
from sst_desktop.services import committees, memberships, organisations, people
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.people import PersonPatch
from sst_desktop.storage.engine import Database

SEFTON_COUNCIL = "Sefton Council"
MERSEYSIDE_POLICE = "Merseyside Police"
YOUTH_JUSTICE = "Sefton Youth Justice Service"
HOME_OFFICE = "Home Office"

# (name, short name). The statutory partners of a Community Safety Partnership as the Interdependencies
# report lists them, plus the voluntary sector, youth justice and the Home Office (Prevent).
ORGANISATIONS: tuple[tuple[str, str], ...] = (
    (SEFTON_COUNCIL, "SMBC"),
    (MERSEYSIDE_POLICE, ""),
    ("Merseyside Fire and Rescue Service", "MFRS"),
    ("National Probation Service", "NPS"),
    ("NHS Sefton Clinical Commissioning Groups", "CCG"),
    ("Sefton CVS", "CVS"),
    (YOUTH_JUSTICE, "YJS"),
    (HOME_OFFICE, ""),
)


@dataclass(frozen=True)
class PersonData:
    key: str
    title: str
    first_name: str
    last_name: str
    job_title: str = ""
    organisation: str = ""
    email: str = ""
    telephone: str = ""


PEOPLE: tuple[PersonData, ...] = (
    # Safer Sefton Together: the MEMBERSHIP list of the 8 September 2022 agenda.
    PersonData("hardy", "Councillor", "Trish", "Hardy", organisation=SEFTON_COUNCIL),
    PersonData("kelly", "", "Sonya", "Kelly"),
    PersonData("robinson", "", "", "Robinson"),
    PersonData("armitage", "", "", "Armitage"),
    PersonData("currie", "", "Jenny", "Currie"),
    PersonData("burnett", "", "Simon", "Burnett", "Assistant Director Communities", SEFTON_COUNCIL),
    PersonData("forshaw", "", "", "Forshaw"),
    PersonData("frackleton", "", "Neil", "Frackleton"),
    PersonData("grainger", "", "Siobhan", "Grainger"),
    PersonData("mcnally", "Superintendent", "Dawn", "McNally", organisation=MERSEYSIDE_POLICE),
    PersonData("rooney", "", "Karen", "Rooney"),
    PersonData("sexton", "", "Kevin", "Sexton"),
    PersonData("hollis", "", "Kevin", "Hollis"),
    PersonData("watts", "", "Andrea", "Watts"),
    PersonData("bellamy", "", "Nigel", "Bellamy"),
    # Present at, or sending apologies to, the 22 June 2022 meeting, and the reports' authors.
    PersonData("robson", "Superintendent", "Graeme", "Robson", organisation=MERSEYSIDE_POLICE),
    PersonData("trubshaw", "Chief Inspector", "Tracy", "Trubshaw", organisation=MERSEYSIDE_POLICE),
    PersonData("martlew", "", "Steve", "Martlew", "Localities Service Manager", SEFTON_COUNCIL),
    PersonData("white", "", "Chris", "White", "Locality Team Manager", SEFTON_COUNCIL),
    PersonData("stanley", "", "Rosanna", "Stanley", organisation=YOUTH_JUSTICE),
    PersonData("hare", "", "Risthardh", "Hare"),
    PersonData("maxwell", "", "Janette", "Maxwell"),
    PersonData(
        "barton",
        "",
        "Ian",
        "Barton",
        "Committee Officer",
        SEFTON_COUNCIL,
        email="ian.barton@sefton.gov.uk",
        telephone="0151 934 2788",
    ),
    PersonData("mason", "", "Mary", "Mason", "Joint Chair, DHR10"),
    PersonData("touhey", "", "Monica", "Touhey", "Joint Chair, DHR10"),
    PersonData("little", "", "Claire", "Little", "Regional Advisor (Prevent)", HOME_OFFICE),
    # The Peer Review Working Group (seed 000) and the officers of seeds 000/001.
    PersonData("lewis", "Councillor", "Dan T.", "Lewis", organisation=SEFTON_COUNCIL),
    PersonData("carragher", "Councillor", "Claire", "Carragher", organisation=SEFTON_COUNCIL),
    PersonData("obrien", "Councillor", "Michael", "O'Brien", organisation=SEFTON_COUNCIL),
    PersonData("thompson", "Councillor", "Anne", "Thompson", organisation=SEFTON_COUNCIL),
    PersonData(
        "harrison",
        "",
        "Ruth",
        "Harrison",
        "Senior Democratic Services Officer",
        SEFTON_COUNCIL,
        email="ruth.harrison@sefton.gov.uk",
        telephone="0151 934 2042",
    ),
    PersonData(
        "willman",
        "",
        "Ian",
        "Willman",
        "Service Manager – Locality South",
        SEFTON_COUNCIL,
        email="ian.willman@sefton.gov.uk",
        telephone="0151 934 3489",
    ),
)

SST_NAME = "Safer Sefton Together"
SST_SHORT = "SST"
SST_FORMER_NAME = "Sefton Safer Communities Partnership"
SST_VENUE = "Bootle Town Hall"
SST_DESCRIPTION = (
    "Sefton's Community Safety Partnership under the Crime and Disorder Act 1998, tasked with reducing "
    "crime, fear of crime, anti-social behaviour, drug misuse and reoffending. Previously known as the "
    "Sefton Safer Communities Partnership (SSCP)."
)
# The 8 September 2022 agenda's MEMBERSHIP list, in its order; Councillor Hardy is the Chair.
SST_MEMBERS: tuple[str, ...] = (
    "hardy",
    "kelly",
    "robinson",
    "armitage",
    "currie",
    "burnett",
    "forshaw",
    "frackleton",
    "grainger",
    "mcnally",
    "rooney",
    "sexton",
    "hollis",
    "watts",
    "bellamy",
)
# The membership list is the one of the 2022/23 municipal year; the seeds give no start dates.
SST_MEMBERS_FROM = date(2022, 5, 1)

OSC_NAME = "Overview and Scrutiny Committee (Regeneration and Skills)"
OSC_SHORT = "OSC-RS"
PRWG_NAME = "Peer Review Working Group"
PRWG_SHORT = "PRWG"
PRWG_DESCRIPTION = (
    "To review Sefton's approach to Serious and Organised Crime (SOC), in light of the Home Office Peer "
    "Review findings in November 2015. Overview & Scrutiny are asked to review the report and:\n"
    "1. To ensure that the recommendations of the Home Office Peer review are considered and where "
    "necessary implemented.\n"
    "2. Be satisfied that the findings of the report are accurate\n"
    "3. To be assured that those leading on the agenda in Sefton have a sound approach\n"
    "4. To challenge and make recommendations to improve service delivery"
)
# Appointed by the Overview and Scrutiny Committee (Regeneration and Skills) on 20 September 2016.
PRWG_MEMBERS: tuple[tuple[str, MembershipRole], ...] = (
    ("lewis", MembershipRole.CHAIR),  # Lead Member
    ("carragher", MembershipRole.MEMBER),
    ("obrien", MembershipRole.MEMBER),
    ("thompson", MembershipRole.MEMBER),
)
PRWG_MEMBERS_FROM = date(2016, 9, 20)


@dataclass(frozen=True)
class Directory:
    """Ids of what was created, by key."""

    organisations: dict[str, int]
    people: dict[str, int]
    sst_id: int
    osc_id: int
    prwg_id: int


def build_directory(db: Database) -> Directory:
    org_ids: dict[str, int] = {}
    for name, short in ORGANISATIONS:
        org_ids[name] = organisations.create_organisation(db, name, short).after.id  # type: ignore[union-attr]

    person_ids: dict[str, int] = {}
    for p in PEOPLE:
        record = people.create_person(
            db,
            PersonPatch(
                title=p.title,
                first_name=p.first_name,
                last_name=p.last_name,
                job_title=p.job_title,
                organisation_id=org_ids[p.organisation] if p.organisation else None,
                email=p.email,
                telephone=p.telephone,
            ),
        ).after
        person_ids[p.key] = record.id  # type: ignore[union-attr]

    sst = committees.create_committee(
        db,
        CommitteePatch(
            name=SST_NAME,
            short_name=SST_SHORT,
            kind=CommitteeKind.PARTNERSHIP,
            description=SST_DESCRIPTION,
            former_names=(SST_FORMER_NAME,),
            default_venue=SST_VENUE,
            default_start_time=time(10, 0),
            officer_id=person_ids["barton"],
            open_to_public=True,
            uses_call_in=False,
            municipal_year_start_month=5,
        ),
    ).after
    assert sst is not None
    for key in SST_MEMBERS:
        role = MembershipRole.CHAIR if key == "hardy" else MembershipRole.MEMBER
        memberships.add_membership(db, sst.id, person_ids[key], role=role, start_date=SST_MEMBERS_FROM)

    osc = committees.create_committee(
        db,
        CommitteePatch(
            name=OSC_NAME, short_name=OSC_SHORT, kind=CommitteeKind.COMMITTEE, municipal_year_start_month=5
        ),
    ).after
    assert osc is not None
    prwg = committees.create_committee(
        db,
        CommitteePatch(
            name=PRWG_NAME,
            short_name=PRWG_SHORT,
            kind=CommitteeKind.WORKING_GROUP,
            parent_id=osc.id,
            description=PRWG_DESCRIPTION,
            officer_id=person_ids["harrison"],
            municipal_year_start_month=5,
        ),
    ).after
    assert prwg is not None
    for key, role in PRWG_MEMBERS:
        memberships.add_membership(db, prwg.id, person_ids[key], role=role, start_date=PRWG_MEMBERS_FROM)

    return Directory(org_ids, person_ids, sst.id, osc.id, prwg.id)
