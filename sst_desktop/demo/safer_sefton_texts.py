"""What Safer Sefton Together's demo meetings hold, as seed 002 prints it: the dates, the agenda items,
the register, the minutes, resolutions and actions of 22 June 2022, the agenda of 8 September 2022.
The builder (``safer_sefton``) writes it to the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sst_desktop.demo.directory import SEFTON_COUNCIL
from sst_desktop.domain.enums import (
    ActionStatus,
    ItemKind,
    ProceduralRole,
    ReportStatus,
)

MARCH = date(2022, 3, 17)
JUNE = date(2022, 6, 22)
SEPTEMBER = date(2022, 9, 8)
DECEMBER = date(2022, 12, 8)
TEN = time(10, 0)
REMOTE = "Remote Meeting - Microsoft Teams"
# When the June meeting resolved the March minutes a correct record (item 3 of a 10.00 am meeting).
MARCH_CONFIRMED_AT = datetime(2022, 6, 22, 10, 5)
# When the reports were added to the September agenda (the Prevent update is dated 31/8/22).
REPORTS_ADDED_AT = datetime(2022, 9, 1, 9, 0)

DECLARATIONS_TEXT = (
    "Members are requested at a meeting where a disclosable pecuniary interest or personal interest "
    "arises, which is not already included in their Register of Members' Interests, to declare any "
    "interests that relate to an item on the agenda.\n\n"
    "Where a Member discloses a Disclosable Pecuniary Interest, he/she must withdraw from the meeting "
    "room, including from the public gallery, during the whole consideration of any item of business in "
    "which he/she has an interest, except where he/she is permitted to remain as a result of a grant of a "
    "dispensation.\n\n"
    "Where a Member discloses a personal interest he/she must seek advice from the Monitoring Officer or "
    "staff member representing the Monitoring Officer to determine whether the Member should withdraw "
    "from the meeting room, including from the public gallery, during the whole consideration of any item "
    "of business in which he/she has an interest or whether the Member can remain in the meeting or "
    "remain in the meeting and vote on the relevant decision."
)


@dataclass(frozen=True)
class ItemData:
    title: str
    kind: ItemKind = ItemKind.REPORT
    role: ProceduralRole | None = None
    description: str = ""
    presenters_text: str = ""
    presenters: tuple[str, ...] = ()  # person keys
    report_status: ReportStatus = ReportStatus.NONE
    exempt: str = ""
    report: str = ""  # key of the report attached (report_texts)


@dataclass(frozen=True)
class ActionData:
    text: str
    owner: str = ""  # person key
    owner_text: str = ""
    organisation: str = ""
    due: date | None = None
    next_meeting: bool = False
    status: ActionStatus = ActionStatus.OPEN
    updates: tuple[tuple[date, str, str], ...] = ()  # (on, text, author)


@dataclass(frozen=True)
class PlanData:
    title: str
    description: str
    presenters_text: str = ""
    target: date | None = None  # a meeting date, or None for "the next meeting"
    scheduled_as: int | None = None  # the September agenda item (0-based) it became


@dataclass(frozen=True)
class MinuteData:
    text: str = ""
    resolutions: tuple[str, ...] = ()
    actions: tuple[ActionData, ...] = ()
    plans: tuple[PlanData, ...] = ()


@dataclass(frozen=True)
class JuneItem:
    item: ItemData
    minute: MinuteData = field(default_factory=MinuteData)


def _procedural(role: ProceduralRole, description: str = "") -> ItemData:
    return ItemData(role.label, ItemKind.PROCEDURAL, role, description)


# ------------------------------------------------------------------------------ 22 June 2022

NEXT = SEPTEMBER

JUNE_ITEMS: tuple[JuneItem, ...] = (
    JuneItem(_procedural(ProceduralRole.APOLOGIES)),
    JuneItem(_procedural(ProceduralRole.DECLARATIONS, DECLARATIONS_TEXT)),
    JuneItem(
        _procedural(ProceduralRole.PREVIOUS_MINUTES, "Minutes of the meeting held on 17 March 2022"),
        MinuteData(
            resolutions=("the Minutes of the meeting held on 17 March 2022 be confirmed as a correct record",)
        ),
    ),
    JuneItem(
        ItemData("Domestic Homicide Review (DHRs) Update"),
        MinuteData(
            text=(
                "Members considered a report giving an update on the carrying out of Domestic Homicide "
                "Reviews.\n\n"
                "It was reported that there were currently difficulties in attracting independent Chairs "
                "for the process and members discussed possibilities to attract and train chairs."
            ),
            resolutions=(
                "the report be noted",
                "that a further report be submitted to the next meeting regarding the recruitment of "
                "independent chairs for reviews",
            ),
            actions=(
                ActionData("Discuss at LCR SD VAG - risk to lack of chairs"),
                ActionData("Need to request further funds from partners for DHR's"),
                ActionData("Share process with MFRS in relation to Retirees from the service"),
                ActionData("Check what the cost is to take part in the training - could the SST fund this."),
                ActionData(
                    "Submit a further report to the next meeting regarding the recruitment of independent "
                    "chairs for reviews",
                    owner="martlew",
                    organisation=SEFTON_COUNCIL,
                    due=NEXT,
                    next_meeting=True,
                ),
            ),
            plans=(
                PlanData(
                    "Domestic Homicide Reviews – recruitment of independent chairs",
                    "A further report regarding the recruitment of independent chairs for reviews.",
                    "Simon Burnett/Steve Martlew",
                    target=SEPTEMBER,
                    scheduled_as=4,
                ),
            ),
        ),
    ),
    JuneItem(
        ItemData("Prevent Local Partnerships Health Check", presenters=("martlew",)),
        MinuteData(
            text=(
                "Steve Martlew gave an update on PREVENT. He indicated the need to develop a risk "
                "assessment process and action plan and reported on proposals for a situational risk "
                "assessment tool to be developed. It was hoped to develop this by way of a Prevent "
                "sub-group. It was anticipated that this would meet quarterly in advance of SST meetings in "
                "order that progress could be reported at the subsequent SST meeting."
            ),
            resolutions=(
                "the update be noted",
                "arrangements be put in place to establish the Prevent sub-group prior to the next meeting "
                "of this Partnership",
            ),
            actions=(
                ActionData(
                    "Put arrangements in place to establish the Prevent sub-group before the next meeting of "
                    "the Partnership",
                    owner="white",
                    organisation=SEFTON_COUNCIL,
                    due=NEXT,
                    next_meeting=True,
                    status=ActionStatus.IN_PROGRESS,
                    updates=(
                        (
                            date(2022, 8, 31),
                            "No volunteers have been forthcoming to form the sub-group. Chris White will be "
                            "contacting the safeguarding leads from each of the SST partnership "
                            "organisations to form it; the Home Office Regional Advisor, Claire Little, "
                            "will also attend to provide advice and guidance. First task: review the "
                            "Counter Terrorism Local Profile received on 17 August 2022.",
                            "Steve Martlew",
                        ),
                    ),
                ),
            ),
        ),
    ),
    JuneItem(
        ItemData("Ofsted Report on Links with Domestic Abuse", presenters=("hare",)),
        MinuteData(
            text=(
                "Risthardh Hare reported on work with perpetrators involving a 42 week programme by SWACCA. "
                "These courses were lengthy by nature and had an effect on the resources Social Work Team.\n\n"
                "Reference was made to funding being made available by the Home Office for Children affected "
                "by Domestic Violence and Violence against Women and Girls and it was suggested that a Sefton "
                "Bid could be developed to apply for some of this funding.\n\n"
                "It was also reported that following comments by OfSTED it was proposed to develop a new "
                "approach in relation to safeguarding children exploited. It was envisaged that a one-stop "
                "shop approach could be developed bearing in mind the number of agencies who could be "
                "involved."
            ),
            resolutions=(
                "the report be noted",
                "a Sefton Bid in respect of Children affected by Domestic Violence and Violence against Women "
                "and Girls be developed and a report on progress be submitted to the next meeting",
                "a report be submitted to the next meeting on the progress on the new approach in relation "
                "to safeguarding children exploited",
            ),
            actions=(
                ActionData(
                    "Develop a Sefton Bid in respect of Children affected by Domestic Violence and Violence "
                    "against Women and Girls, and report on progress to the next meeting",
                    due=NEXT,
                    next_meeting=True,
                ),
                ActionData(
                    "Report to the next meeting on the progress on the new approach in relation to "
                    "safeguarding children exploited",
                    due=NEXT,
                    next_meeting=True,
                ),
            ),
            plans=(
                PlanData(
                    "Sefton Bid – Children affected by Domestic Violence and Violence against Women and Girls",
                    "A report on progress with the Sefton Bid for Home Office funding.",
                ),
                PlanData(
                    "Safeguarding children exploited – the new approach",
                    "A report on the progress on the new approach in relation to safeguarding children "
                    "exploited.",
                ),
            ),
        ),
    ),
    JuneItem(
        ItemData("Youth Justice Service Update", ItemKind.BRIEFING, presenters=("stanley",)),
        MinuteData(
            text=(
                "Ros Stanley presented a briefing paper on progress and achievements of Integrated Youth "
                "Services. The report set out details of performance against the following Youth Justice "
                "National Performance Indicators:\n\n"
                "• Reoffending – children who commit an offence across the period of 1 year are then tracked "
                "for a full year. This causes a time lapse due to the nature of tracking. This data is "
                "captured from the Police National Computer;\n"
                "• First Time Entrants – those children who enter the statutory cohort for the first time; "
                "and\n"
                "• Custody – those sentenced to a custodial sentence within the secure estate.\n\n"
                "The report also set out details regarding:\n\n"
                "• Changes to Key Performance Indicators (KPI's);\n"
                "• Youth Justice Service Funding Increase; and\n"
                "• Legislative Changes – Policing, Crime, Sentencing and Court Act.\n\n"
                "Arising from the discussion reference was made to community events or “Walkabouts” which "
                "had previously taken place involving various agencies and local Ward Councillors and it was "
                "suggested these could be reinstated"
            ),
            resolutions=("the briefing paper be noted",),
        ),
    ),
    JuneItem(
        ItemData(
            "Sefton Local Profile",
            ItemKind.VERBAL_UPDATE,
            presenters=("robson",),
            report_status=ReportStatus.VERBAL,
        ),
        MinuteData(
            text=(
                "Superintendent Robson gave an update around the Sefton Local profile, and referred to the "
                "annual assessment of serious and organised crime. There had been a reduction in gun crime "
                "which was now low. He also referred to “Cuckooing” and the Police actions to prevent this in "
                "conjunction with Housing Associations, Exploitation and Care homes (where children and young "
                "people were moved into Sefton from neighbouring areas)"
            ),
            resolutions=("the report be noted",),
        ),
    ),
    JuneItem(
        ItemData("Community Safety Strategy - Strategic Needs Assessment"),
        MinuteData(
            text=(
                "It had been intended to have a Community Safety Strategy Planning workshop at the meeting "
                "however, this did not take place due to low attendance and there was a need for everyone to "
                "have a say in how the strategy was developed. A draft Strategy, Executive Summary and "
                "spreadsheet had been produced which was discussed and it was suggested that the Draft "
                "Strategy report and excel spreadsheet be circulated to the partnership members for comment "
                "on the report and to populate the spreadsheet with the services they offered within the "
                "proposed strategy themes."
            ),
            resolutions=(
                "the Strategy report and excel spreadsheet be circulated to the partnership members for "
                "comment on the report and to populate the spreadsheet with the services they offered within "
                "the proposed strategy themes",
                "Members be requested to submit any comments on the report and complete that spreadsheet by "
                "Friday 8 July 2022",
                "Following receipt of comments, a Draft Strategy be submitted to the next meeting on "
                "8 September 2022",
            ),
            actions=(
                ActionData(
                    "Circulate the Strategy report and excel spreadsheet to the partnership members for "
                    "comment and to populate with the services they offer within the proposed strategy themes"
                ),
                ActionData(
                    "Submit any comments on the Strategy report and complete the spreadsheet",
                    owner_text="All partnership members",
                    due=date(2022, 7, 8),
                ),
                ActionData(
                    "Submit a Draft Strategy to the next meeting on 8 September 2022",
                    due=NEXT,
                    next_meeting=True,
                ),
            ),
            plans=(
                PlanData(
                    "Draft Community Safety Strategy",
                    "Following receipt of partners' comments, a Draft Strategy.",
                    target=SEPTEMBER,
                    scheduled_as=7,
                ),
            ),
        ),
    ),
    JuneItem(
        ItemData(
            "Unauthorised Encampments",
            ItemKind.VERBAL_UPDATE,
            presenters=("robson",),
            report_status=ReportStatus.VERBAL,
        ),
        MinuteData(
            text=(
                "Superintendent Robson gave an update on the PCSC act and reported on the police response "
                "which would be proportionate."
            ),
            resolutions=("the report be noted",),
        ),
    ),
    JuneItem(
        ItemData(
            "Project ADDER", ItemKind.VERBAL_UPDATE, presenters=("robson",), report_status=ReportStatus.VERBAL
        ),
        MinuteData(
            text=(
                "Superintendent Robson reported on Funding which had been allocated to Areas within "
                "Merseyside under project Adder but this had not included Sefton. There was a second wave of "
                "funding which required the submission of bids to upscale services and it was suggested that "
                "a co-ordinated bid could be considered possibly involving the local drugs partnership."
            ),
            resolutions=("the possible submission of a bid be further explored",),
            actions=(
                ActionData(
                    "Explore further the possible submission of a co-ordinated bid for the second wave of "
                    "Project ADDER funding"
                ),
            ),
        ),
    ),
    JuneItem(
        ItemData(
            "Public Consultation for the Serious Violence Duty",
            ItemKind.VERBAL_UPDATE,
            presenters=("white",),
            report_status=ReportStatus.VERBAL,
        ),
        MinuteData(
            text=(
                "Chris White reported that the public consultation of the draft statutory guidance on the "
                "Serious Violence Duty had gone live and open from 6 June 2022. It would be running for 6 "
                "weeks until 21 July 2022.\n\n"
                "The Link to the consultation is:\n\n"
                "Serious Violence Duty - GOV.UK (www.gov.uk)\n"
                "https://www.gov.uk/government/consultations/serious-violence-duty\n\n"
                "Members were encouraged to submit their views."
            ),
            resolutions=("the report be noted",),
        ),
    ),
    JuneItem(
        _procedural(
            ProceduralRole.NEXT_MEETING,
            "The next meeting will be held on Thursday, 8 September 2022 at the Town Hall Bootle, "
            "commencing at 10.00 am.",
        ),
        MinuteData(
            resolutions=(
                "the next meeting be held on Thursday, 8 September 2022 at the Town Hall Bootle, commencing "
                "at 10.00 am",
            )
        ),
    ),
)

# The register of 22 June 2022, in the order the minutes print it.
JUNE_PRESENT: tuple[str, ...] = (
    "hardy",  # in the Chair
    "burnett",
    "hare",
    "hollis",
    "robson",
    "stanley",
    "trubshaw",
    "white",
    "martlew",
)
JUNE_APOLOGIES: tuple[str, ...] = ("bellamy", "frackleton", "grainger", "sexton", "maxwell", "watts")

# ------------------------------------------------------------------------------ 8 September 2022

SEPTEMBER_ITEMS: tuple[ItemData, ...] = (
    _procedural(ProceduralRole.APOLOGIES),
    _procedural(ProceduralRole.DECLARATIONS, DECLARATIONS_TEXT),
    _procedural(ProceduralRole.PREVIOUS_MINUTES, "Minutes of the meeting held on 22 June 2022"),
    ItemData(
        "DHR10 report",
        description=(
            "Mary Mason and Monica Touhey the joint chairs of the DHR to report to SST providing an overview "
            "of the case and the key findings."
        ),
        presenters_text="Mary Mason and Monica Touhey",
        report_status=ReportStatus.ATTACHED,
        exempt="7",
        report="dhr10-report-exempt",
    ),
    ItemData(
        "DHR Update",
        ItemKind.VERBAL_UPDATE,
        presenters=("burnett", "martlew"),
        report_status=ReportStatus.NONE,
    ),
    ItemData(
        "Prevent Update",
        presenters=("martlew",),
        report_status=ReportStatus.ATTACHED,
        report="prevent-update",
    ),
    ItemData(
        "Presentation of Sefton VAWG Statement / Strategy",
        ItemKind.PRESENTATION,
        presenters=("burnett", "martlew"),
        report_status=ReportStatus.ATTACHED,
        report="violence-against-women-and-girls",
    ),
    ItemData(
        "Presentation of Community Safety Strategy / Plan",
        ItemKind.PRESENTATION,
        description="Report to follow.",
        report_status=ReportStatus.TO_FOLLOW,
    ),
    ItemData(
        "Serious Violence Duty",
        presenters=("burnett", "martlew"),
        report_status=ReportStatus.ATTACHED,
        report="serious-violence-duty",
    ),
    ItemData(
        "Draft Victim Bill",
        description="Report on the Draft Bill published by the MOJ",
        report_status=ReportStatus.ATTACHED,
        report="draft-victims-bill",
    ),
    ItemData(
        "Interdependencies Report",
        description="Report on the different boards and how they connect with each other.",
        report_status=ReportStatus.ATTACHED,
        report="strategic-and-governance-interdependencies",
    ),
    ItemData(
        "Youth Justice Service Update", description="Report of Rosanna Stanley.", presenters=("stanley",)
    ),
    _procedural(
        ProceduralRole.NEXT_MEETING,
        "The next meeting will be held on Thursday, 8 December 2022, commencing at 10:00 am.",
    ),
)

PREVENT_STANDING_ITEM = ItemData(
    "Prevent Update",
    description="Update from the Prevent sub-group: SST holds the governance oversight of the Prevent duty.",
    presenters_text="Chris White",
)

MARCH_ITEM = ItemData("Violence Against Women and Girls – Partner Reports")
MARCH_MINUTE_TEXT = (
    "Members considered reports from all partners around their work in tackling Violence Against Women and "
    "Girls (VAWG). The reports provided assurance that all partners are fully cognisant of VAWG and are "
    "working hard to combat it."
)
