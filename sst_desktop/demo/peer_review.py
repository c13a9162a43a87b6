"""The Peer Review Working Group of the Overview and Scrutiny Committee (Regeneration and Skills).

Seed 000 (final report, March 2017) gives the working group, its meetings and its eight
recommendations (section 6); seed 001 (update report of 18 September 2018 by the Service Manager –
Locality South) gives the response and progress on the first seven. Recommendations are actions of
kind ``recommendation``: text = the recommendation, response = seed 001's response, and one dated
progress update (18 September 2018). Seed 001 asks the committee only to note progress; the
recommendations whose response reports them done are treated as signed off on that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from sst_desktop.demo.directory import SEFTON_COUNCIL, Directory
from sst_desktop.demo.safer_sefton import link_presenters
from sst_desktop.domain import Action, ActionUpdate, AgendaItem, Meeting, Person
from sst_desktop.domain.enums import ActionKind, ActionStatus, ItemKind, MeetingStatus, ReportStatus

UPDATE_DAY = date(2018, 9, 18)
UPDATE_AUTHOR = "Ian Willman, Service Manager – Locality South"
UPDATE_PREFIX = "Reported to the Overview and Scrutiny Committee (Regeneration and Skills): "


@dataclass(frozen=True)
class Recommendation:
    text: str
    response: str
    status: ActionStatus
    owner_text: str = ""
    organisation: str = ""
    update: str = ""  # the progress update, when it is not the response itself

    @property
    def update_text(self) -> str:
        return self.update or UPDATE_PREFIX + self.response


RECOMMENDATIONS: tuple[Recommendation, ...] = (
    Recommendation(
        "That tribute be extended to all those Partnership Members who play a vital role in ensuring that "
        "Sefton is a safe community to live, work and visit",
        "The final report was circulated to all partners and the outcomes and recommendations were discussed "
        "and an implementation plan was developed.",
        ActionStatus.COMPLETED,
    ),
    Recommendation(
        "That the MARSOC be requested to investigate the merits and feasibility of a secure and sophisticated "
        "Information Sharing System/Programme to be shared/used by key Officers in the Partnership",
        "Due to the complexities of Information and Communications Technology across the Partnership this "
        "proved difficult to achieve, however, through a reviewed and robust information sharing agreement "
        "requests for information are shared swiftly and securely in line with General Data Protection "
        "Regulations. Regular Partnership meetings continue with all contributing partners.",
        ActionStatus.COMPLETED,
        owner_text="MARSOC",
    ),
    Recommendation(
        "That the MARSOC be requested to approach Further Education establishments to investigate the "
        "feasibility of developing a course specifically aimed at targeting a cohort of young offenders",
        "Since the report was finalised several young people associated with Targeted Youth Support and "
        "Youth Offending Services have completed a Digital Advantage course. The young people involved "
        "reported improved confidence and improved skills. The partnership is continuing to source "
        "alternatives and is working with Merseyside Police regarding Operation Hagrid. This is an "
        "alternative course over 45 weeks (one day a week) in construction to improve confidence, skills and "
        "to be ready for work.",
        ActionStatus.IN_PROGRESS,
        owner_text="MARSOC",
    ),
    Recommendation(
        "That the MARSOC be requested to develop a pathway leading to the signposting of services for those "
        "individuals with a desire to change their behaviour and depart from being involved with SOC (Using "
        "Partnership funds were available to invest in programmes for young people who are vulnerable or at "
        "risk to becoming adopted into SOC. For example business training, Modern Technology Training or "
        "Mentoring)",
        "The Partnership has invested in some alternatives as mentioned above, however, it recognises there "
        "is a need to develop an approach in line with regional and national best practice. Discussions are "
        "on-going regarding how this can be delivered in Sefton.\n\n"
        "The Partnership has developed an innovative and proactive approach to Criminal Exploitation. This "
        "has resulted in a regional child exploitation pathway and referral mechanism being developed and "
        "implemented.\n\n"
        "The Partnership has continued to invest in early intervention and prevention programmes such as the "
        "Get Away and Get Safe (GANGS) project and Child Criminal Exploitation Advocates. Several awareness "
        "campaigns have been undertaken and various presentations to professionals across the borough and "
        "beyond.\n\n"
        "The Partnership have invested in several proactive projects with Merseyside Police.",
        ActionStatus.IN_PROGRESS,
        owner_text="MARSOC",
    ),
    Recommendation(
        "That the MARSOC be requested to speak with schools across Sefton about how the data they hold on "
        "every child can be shared between schools when the child is departing from one to another in order "
        "that schools can be alerted to SOC or vulnerability in the community",
        "There is a mechanism in place via the Education Welfare offer which ensures all relevant information "
        "is shared between schools and the necessary community contacts in line with General Data Protection "
        "Regulations.\n\n"
        "There are representatives from the Education sector who are members of the Partnership and are "
        "members of related sub-groups.",
        ActionStatus.COMPLETED,
        owner_text="MARSOC",
    ),
    Recommendation(
        "That the Youth Prevention Team and Youth Offenders Team receive, where possible support and/or "
        "funding to improve, introduce and promote the ‘Neglect Strategy’ which will further support the "
        "prevention of young adults accessing SOC while also helping young people prepare to become young "
        "adults",
        "As part of the Councils early intervention and prevention approach a pilot Adverse Child "
        "Experiences (ACE’s) project has been implemented. As part of a workforce development strategy 4 "
        "practitioners have been trained in the ACE’s recovery tool kit to move forward with the initial "
        "pilot for Sefton. The Toolkit provides an evidenced based assessment of the impact of childhood "
        "trauma. These can include emotional abuse, sexual abuse, criminal exploitation, physical abuse and "
        "emotional neglect.",
        ActionStatus.IN_PROGRESS,
        owner_text="Youth Prevention Team and Youth Offenders Team",
    ),
    Recommendation(
        "That the Council submit this report with feedback from success stories to the Government department "
        "and Minister to request increased funding from central Government for this borough so that there is "
        "not a decrease in some of the highest quality serious and organised crime prevention work in the UK",
        "We have contributed to several calls for evidence from Central Government via the Partnership. We "
        "have outlined the positive peer review undertaken in Sefton and the outcomes of the Overview and "
        "Scrutiny review. We have championed our proactive and effective partnership approach to tackling "
        "serious and organised crime in Sefton. This has resulted in the Partnership being approached by "
        "other areas and local authorities to examine our approaches and to learn from us.",
        ActionStatus.COMPLETED,
        organisation=SEFTON_COUNCIL,
    ),
    Recommendation(
        "That the Head of Communities, on behalf of the MARSOC, be requested to update the Overview and "
        "Scrutiny Committee (Regeneration and Skills) on the progress made in relation to the implementation "
        "of recommendations on an annual basis, until the recommendations are signed off as complete",
        "Update on Recommendations as outlined in the Peer Review Working Group Final Report March 2017: "
        "report of the Service Manager – Locality South to the Overview and Scrutiny Committee (Regeneration "
        "and Skills), 18 September 2018.",
        ActionStatus.IN_PROGRESS,
        owner_text="Head of Communities, on behalf of the MARSOC",
        organisation=SEFTON_COUNCIL,
        update="The Service Manager – Locality South reported progress on each recommendation to the Overview "
        "and Scrutiny Committee (Regeneration and Skills).",
    ),
)

# The working group's meetings (seed 000, paragraph 1.3): date and the activities, as agenda items.
WORKING_GROUP_MEETINGS: tuple[tuple[date, tuple[tuple[str, ItemKind], ...]], ...] = (
    (
        date(2016, 8, 12),
        (
            ("Appointment of the Lead Member – Councillor Dan T. Lewis", ItemKind.OTHER),
            ("Scope of the Review", ItemKind.OTHER),
            ("Background Information – Home Office Peer Review", ItemKind.BRIEFING),
        ),
    ),
    (date(2016, 9, 7), (("Activities undertaken at the various Partnership Meetings", ItemKind.REPORT),)),
    (date(2016, 10, 10), (("Next Steps", ItemKind.OTHER),)),
    (date(2016, 10, 20), (("Interview: Representatives from Sefton's Area Command Team", ItemKind.OTHER),)),
    (
        date(2016, 11, 1),
        (
            (
                "Interview: Senior Probation Officer and Representative from the Police and Crime "
                "Commissioner's Office",
                ItemKind.OTHER,
            ),
        ),
    ),
    (date(2016, 11, 15), (("The Role of the Safeguarding Nurse at Aintree Hospital", ItemKind.BRIEFING),)),
    (
        date(2016, 11, 24),
        (("Presentation from Mr. Riley regarding the “Get Away N Get Safe” Project", ItemKind.PRESENTATION),),
    ),
    (
        date(2016, 12, 8),
        (
            (
                "Interview: the Head of Communities and Service Manager, Integrated Youth Services",
                ItemKind.OTHER,
            ),
        ),
    ),
    (date(2016, 12, 15), (("Next Steps", ItemKind.OTHER),)),
)

FINAL_REPORT_DAY = date(2017, 7, 4)
UPDATE_ITEM_TITLE = (
    "Update on Recommendations as outlined in the Peer Review Working Group Final Report March 2017"
)


def build_peer_review(session: Session, directory: Directory) -> list[int]:
    """Meetings of the working group and its parent, and the recommendations; returns the action ids."""
    for day, items in WORKING_GROUP_MEETINGS:
        meeting = Meeting(committee_id=directory.prwg_id, date=day, status=MeetingStatus.HELD)
        meeting.agenda_items = [
            AgendaItem(position=i, title=title, kind=kind) for i, (title, kind) in enumerate(items)
        ]
        session.add(meeting)

    willman = session.get(Person, directory.people["willman"])
    final = Meeting(committee_id=directory.osc_id, date=FINAL_REPORT_DAY, status=MeetingStatus.HELD)
    final.agenda_items = [
        AgendaItem(
            position=0,
            title="Peer Review Working Group – Final Report",
            description="The final report of the Peer Review Working Group, March 2017.",
            kind=ItemKind.REPORT,
        )
    ]
    update = Meeting(committee_id=directory.osc_id, date=UPDATE_DAY, status=MeetingStatus.HELD)
    update_item = AgendaItem(
        position=0,
        title=UPDATE_ITEM_TITLE,
        description="Report of the Service Manager – Locality South",
        kind=ItemKind.REPORT,
        presenters_text="Ian Willman",
        report_status=ReportStatus.NONE,
    )
    update.agenda_items = [update_item]
    session.add_all([final, update])
    link_presenters(session, [(update_item, [willman.id] if willman else [])])

    ids: list[int] = []
    for number, rec in enumerate(RECOMMENDATIONS, 1):
        done = rec.status is ActionStatus.COMPLETED
        action = Action(
            reference=f"PRWG/2017/{number:03d}",
            kind=ActionKind.RECOMMENDATION,
            committee_id=directory.prwg_id,
            position=number - 1,
            text=rec.text,
            response=rec.response,
            owner_text=rec.owner_text,
            organisation_id=directory.organisations[rec.organisation] if rec.organisation else None,
            status=rec.status,
            completed_on=UPDATE_DAY if done else None,
        )
        action.updates = [ActionUpdate(on=UPDATE_DAY, text=rec.update_text, author=UPDATE_AUTHOR)]
        session.add(action)
        session.flush()
        ids.append(action.id)
    return ids
