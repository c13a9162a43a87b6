"""The reports of the 8 September 2022 Safer Sefton Together agenda pack, as seed 002 prints them.

Each report is a header (the "Report to: / Date of Meeting: / Report of: / Subject: / Author:" block)
and a list of blocks. The text is the council's own, kept as published (including its slips, such as
"Sefton Safer Together" in the Serious Violence Duty report). Only the DHR10 report is not the
council's: the seed withholds it (exempt under paragraph 7), so a short, clearly fictional placeholder
stands in for it, carrying ``EXEMPT_MARKER`` so a test can prove a public pack never contains it.
"""

from __future__ import annotations

from dataclasses import dataclass

# A phrase found only in the exempt DHR10 placeholder (one word, so PDF line breaks cannot split it).
EXEMPT_MARKER = "JUNIPER-LANTERN-DEMO"


@dataclass(frozen=True)
class Heading:
    number: str
    text: str


@dataclass(frozen=True)
class Para:
    """A paragraph; ``number`` ("1.1") hangs in the margin when given."""

    text: str
    number: str = ""


@dataclass(frozen=True)
class SubHeading:
    number: str
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    text: str


@dataclass(frozen=True)
class Grid:
    """A ruled table; the first row is the header."""

    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Signature:
    lines: tuple[str, ...]


Block = Heading | Para | SubHeading | Bullets | Quote | Grid | Signature


@dataclass(frozen=True)
class ReportText:
    key: str  # file name stem
    title: str  # the attachment's title
    header: tuple[tuple[str, str], ...]
    blocks: tuple[Block, ...]
    banner: str = ""  # a line printed above the header (the confidential placeholder's warning)

    @property
    def filename(self) -> str:
        return f"{self.key}.pdf"


MEETING_DATE = "8 September 2022"
REPORT_OF = "Simon Burnett Assistant Director Communities"
AUTHOR = "Steve Martlew Localities Service Manager"


PREVENT = ReportText(
    key="prevent-update",
    title="Prevent Update",
    header=(
        ("Briefing to:", "Safer Sefton Together Partnership"),
        ("Briefing from:", "Head of Communities"),
        ("Date:", MEETING_DATE),
        ("Subject:", "Prevent Update"),
        ("Prepared By:", "Steve Martlew, Localities Service Manager"),
    ),
    blocks=(
        Heading("", "Purpose / Summary"),
        Para(
            "The purpose of this report is to provide Safer Sefton Together (SST) members with an update "
            "on Prevent."
        ),
        Heading("", "Recommendation"),
        Para("That: SST members note the contents of the report."),
        Heading("1.", "Introduction"),
        Para(
            "Prevent is a statutory duty placed on Local Authorities via section 26 of the Counter "
            "Terrorism and Security Act 2015. The duty to have “due regard to the need to prevent people "
            "from being drawn into terrorism” rests with SST.",
            "1.1",
        ),
        Heading("2.", "Prevent Sub-Group"),
        Para(
            "At its meeting in June 2022 SST received a report updating members on the recent health check "
            "of the 10 Prevent Benchmarks carried out via their Regional Advisor. The health check provided "
            "some areas of strength and some areas for development which SST agreed would be managed by a "
            "sub-group led by Chris White – Locality Team Manager for Sefton Council. No volunteers have "
            "been forthcoming to form this important sub-group that will deliver the statutory "
            "responsibility on behalf of SST. Chris will be contacting the safeguarding leads from each of "
            "the SST partnership organisations to form the subgroup. Our Home Office Regional Advisor "
            "Claire Little will also attend this subgroup to provide advice and guidance.",
            "2.1",
        ),
        Para(
            "One of the first tasks for the sub-group will be to review the Counter Terrorism Local Profile "
            "which was received on 17 August 2022. This information, combined with local knowledge and data "
            "will help the sub-group carry out an active risk assessment and create an action plan Sefton.",
            "2.2",
        ),
        Heading("3.", "Prevent Benchmarks"),
        Para(
            "The table below shows the 10 Prevent Benchmarks and the score Sefton received against each "
            "during the recent health check. A score of 3 represents a position where the duty is met, a "
            "score of 1-2 indicates that statutory responsibilities are not being met and a score of 4-5 "
            "signifies requirements are being exceeded. Sefton’s results were compared rigorously with "
            "other Local Authorities to provide consistency. Its important SST members are familiar with "
            "these benchmarks as SST is currently the only committee with governance oversight of the "
            "Prevent duty.",
            "3.1",
        ),
        Para(
            "The Prevent Duty Toolkit published by the Home Office can be found here prevent duty toolkit "
            "(publishing.service.gov.uk)",
            "3.2",
        ),
        Grid(
            (
                ("", "Benchmark", "Score"),
                ("1", "Risk Assessment", "1"),
                ("2", "Multi Agency Partnership Board", "2"),
                ("3", "Prevent Partnership Plan", "1"),
                ("4", "Referral Pathway", "5"),
                ("5", "Channel Panel", "5"),
                ("6", "Prevent problem-solving process", "2"),
                ("7", "Training", "2"),
                ("8", "Venue Hire and IT Policies", "3"),
                ("9", "Engagement activity", "3"),
                ("10", "Communications", "2"),
            )
        ),
        Heading("4.", "Summary"),
        Para(
            "SST holds the governance oversight of the Prevent duty on behalf of Sefton. The sub-group led "
            "by Chris White will deliver the majority of the work as directed by our recent health check. "
            "Our Home Office Regional Advisor will continue to provide support where required. The sub "
            "group will report back to each SST meeting and I suggest that Prevent becomes a standing item "
            "on the agenda.",
            "4.1",
        ),
        Signature(("Steve Martlew", "Locality Service Manager", "31/8/22")),
    ),
)


VAWG = ReportText(
    key="violence-against-women-and-girls",
    title="Violence Against Women & Girls",
    header=(
        ("Report to:", "Safer Sefton Together"),
        ("Date of Meeting:", MEETING_DATE),
        ("Report of:", REPORT_OF),
        ("Subject:", "Violence Against Women & Girls"),
        ("Author:", AUTHOR),
    ),
    blocks=(
        Heading("1", "Purpose of the Report"),
        Para(
            "The purpose of this report is to update Safer Sefton Together (SST) on the responses from "
            "partners in relation to their work in combatting Violence Against Women and Girls (VAWG) and "
            "to develop several strategic priorities for action over the coming year (s).",
            "1.1",
        ),
        Heading("2", "Violence Against Women Girls"),
        Para(
            "In July 2021 following the tragic death of Sarah Everard and others the government issued a "
            "strategy for tackling VAWG. This followed the Domestic Abuse Act 2021 which strengthened "
            "support for victims/survivors of DA and powers to bring perpetrators to justice.",
            "2.1",
        ),
        Para(
            "In addition Emily Spurrell Merseyside Police & Crime Commissioner also made VAWG one of her "
            "key priorities and subsequently Merseyside Police developed a commitment to keeping women and "
            "girls safe in Merseyside",
            "2.2",
        ),
        Para(
            "There is significant overlap with the work that is underway around Domestic Abuse (DA) and "
            "Sexual Violence (SV) and often the lines between the 2 subjects can become blurred. However "
            "its important that SST recognises that some VAWG doesn't fit within the Domestic Abuse "
            "definition but still needs addressing to keep women and girls safe.",
            "2.3",
        ),
        Heading("3", "Sefton Response"),
        Para(
            "At its meeting of the 17 March 2022 SST considered reports from all partners around their work "
            "in tackling VAWG. The reports provided assurance that all partners are fully cognisant of VAWG "
            "and are working hard to combat it. As outlined in 2.3 many of the responses leaned towards "
            "partner responses to both DA & SV but many of the barriers to reducing VAWG were often outside "
            "of this remit and are as follows:",
            "3.1",
        ),
        SubHeading("3.2", "Education"),
        Para(
            "A very early intervention and prevention focussed solution suggest by several partners was a "
            "programme of education in partnership with schools:"
        ),
        Bullets(
            (
                "Education for Girls that violence towards them is not acceptable in any circumstance also "
                "covering issues such as consent and healthy relationships",
                "Education for Boys that VAWG is not acceptable in any circumstance also covering issues "
                "such as consent and healthy relationships",
                "Training for Teaching and support staff in spotting violence issues (sexual harassment, "
                "sexual violence and online sexual abuse) and delivering anti-misogyny training as well as "
                "such as consent and healthy relationships",
            )
        ),
        SubHeading("3.3", "Trauma Informed practice"),
        Para(
            "All responses to VAWG should be victim-led and that further roll out of trauma informed "
            "training for front line practitioners and delivering intervention programmes such as ACES is "
            "critical."
        ),
        SubHeading("3.4", "Professional Curiosity"),
        Para(
            "Several partners spoke of the low numbers of victims/survivors disclosing abuse or "
            "demonstrating disguised compliance. It is therefore that a culture of safe disclosure is "
            "created and frontline staff exercise robust professional curiosity where abuse is suspected."
        ),
        SubHeading("3.5", "Safe Routes Home"),
        Para(
            "A key priority within the government strategy, the PCC's strategy and Merseyside Police action "
            "plan is to establish safe routes home from the night time economy. Suggestions around this "
            "subject are:"
        ),
        Bullets(
            (
                "Training for staff on public transport and taxi drivers to recognise signs of sexual "
                "harassment and violence",
                "Providing well-lit routes",
                "Providing an adequate and robust CCTV network",
            )
        ),
        Heading("4.", "SST VAWG Statement"),
        Para("A suggested statement for SST around VAWG would be", "4.1"),
        Quote(
            "“Safer Sefton Together is committed to ending Violence Against Women and Girls (VAWG) and is "
            "determined to ensure that Sefton is a place where women and girls are safe and feel safe to "
            "pursue their lives free from fear and harassment. We believe that with effective earlier "
            "intervention, joint working and a drive to challenge the culture and attitudes that give rise "
            "to all forms of abuse, we can make Sefton a safe place for women and girls to live, work and "
            "enjoy their leisure time.”"
        ),
        Para(
            "If SST members agree to the above statement and priorities we can develop an action plan that "
            "will feed into the Community Safety Strategy action plan.",
            "4.2",
        ),
        Heading("5.", "Summary"),
        Para(
            "VAWG is an important part of the Community Safety Partnership Strategy and is at the core of "
            "the SST purpose. VAWG is also a key priority for government, the Merseyside PCC and Merseyside "
            "Police. The priorities have been developed following feedback from partners, in particular "
            "identified barriers to success.",
            "5.1",
        ),
        Heading("6", "Recommendations"),
        Para("SST are asked to", "6.1"),
        Bullets(("Agree to the priorities for a VAWG action plan", "Agree the VAWG statement")),
    ),
)


SERIOUS_VIOLENCE_DUTY = ReportText(
    key="serious-violence-duty",
    title="Serious Violence Duty",
    header=(
        ("Report to:", "Sefton Safer Together"),
        ("Date of Meeting:", MEETING_DATE),
        ("Report of:", REPORT_OF),
        ("Subject:", "Serious Violence Duty"),
        ("Author:", AUTHOR),
    ),
    blocks=(
        Heading("1", "Purpose of the Report"),
        Para(
            "The purpose of this report is to update Sefton Safer Together (SST) on the Serious Violence "
            "Duty and the impact it will have on Council and Partners.",
            "1.1",
        ),
        Heading("2", "Recommendations"),
        Para("SST notes the contents of the report.", "2.1"),
        Heading("3", "Background"),
        Para(
            "Following public consultation in July 2019, the Government announced that it would introduce "
            "legislation relating to a serious violence duty. This will ensure that relevant services work "
            "together to share information to target interventions, where possible through existing "
            "partnership structures, to prevent and reduce serious violence within their local "
            "communities. The Government also announced that it would amend the Crime and Disorder Act 1998 "
            "to ensure that serious violence is an explicit priority for Community Safety Partnerships and "
            "by making sure they have a strategy in place to explicitly tackle serious violence.",
            "3.1",
        ),
        Para(
            "Whilst the guidance does not specify a particular partnership to lead, given the categories "
            "classed as “Serious Violence” will be contained with the Community Safety Strategy, it makes "
            "sense that SST is the partnership lead for Sefton. This would be an ideal subject for a small "
            "sub-group with the relevant statutory organisations to take responsibility for.",
            "3.2",
        ),
        Heading("4", "The Duty"),
        Para(
            "The Duty requires partners to understand the causes and consequences of serious violence, "
            "focusing on prevention and early intervention. There is a requirement to focus on root causes "
            "relevant to the local area and produce a Strategic Needs Assessment with contributions from "
            "Partners. This assessment will support local areas to prepare and implement a Serious Violence "
            "Strategy, with the ambition to prevent and reduce violent crime through tangible action. The "
            "guidance offers case studies from partnerships that have already developed this area of work. "
            "Partners expected to form part of the strategic network include Police, Local Authorities, "
            "Fire Service, Health agencies, Youth Justice Services, Voluntary and Community Sector, "
            "Schools, and local Prisons.",
            "4.1",
        ),
        Para(
            "Serious violence relates to homicide, domestic abuse, all violence against the person "
            "including gun and knife crime. Partners have the flexibility to include alcohol related crime, "
            "modern slavery and violence towards women and girls if this relevant to their area. In "
            "addition, partnerships need to focus on areas of criminality where threats are inherent, such "
            "as county lines and drug dealing territories.",
            "4.2",
        ),
        Heading("5", "Data Sharing"),
        Para(
            "There is an expectation for partners to share data from a number of sources to develop a local "
            "picture. The Police, Crime, Sentencing and Courts Act 2022 enables permissive information "
            "sharing.",
            "5.1",
        ),
        Heading("6", "Timescale"),
        Para(
            "Partnerships are required to consult with relevant agencies, including the local Violence "
            "Reduction Partnership, Voluntary and Community Sector and children and young people prior to "
            "publishing the strategy. Publication is required within one year from the date of the serious "
            "violence duty implementation which is expected early 2023. A further report will be brought "
            "once detailed guidance has been published.",
            "6.1",
        ),
    ),
)


VICTIMS_BILL = ReportText(
    key="draft-victims-bill",
    title="Draft Victims Bill",
    header=(
        ("Report to:", "Safer Sefton Together"),
        ("Date of Meeting:", MEETING_DATE),
        ("Report of:", REPORT_OF),
        ("Subject:", "Draft Victims Bill"),
        ("Author:", AUTHOR),
    ),
    blocks=(
        Heading("1", "Purpose of the Report"),
        Para(
            "The purpose of this report is to update Safer Sefton Together (SST) on the Draft Victims Bill "
            "and the impact it will have on Council and Partners.",
            "1.1",
        ),
        Heading("2", "Recommendations"),
        Para("SST notes the contents of the report.", "2.1"),
        Heading("3", "Background"),
        Para(
            "The purpose of this Bill is to improve the end-to-end support for victims of crime so that "
            "they get the support needed to cope and recover from the impact of crime and feel able to "
            "engage and remain engaged in the criminal justice system. Together the measures will amplify "
            "victims' voices in the criminal justice process, strengthen transparency and accountability "
            "of criminal justice agencies and improve support for victims.",
            "3.1",
        ),
        Para(
            "In 2019/20, it was estimated that 6.6% of 10-15-year olds and around one in five adults "
            "(19.3%) in England and Wales were victims of crime. In 2019, the Conservative Party's "
            "manifesto committed to pass a Victims Law which would guarantee victims' rights and the level "
            "of support they can expect. In December 2021, the Government launched a public consultation "
            "\"Delivering justice for victims: A consultation on improving victims' experiences of the "
            'justice system" to inform development of this law. This consulted broadly on how to improve '
            "what victims can expect from the criminal justice system and how to improve aspects of victim "
            "support services. The consultation ran for eight weeks and received over 600 responses. Its "
            "aim was to better understand the experiences of victims and harness expertise from frontline "
            "practitioners and experts to ensure that the Bill and accompanying measures improve support "
            "for victims throughout the criminal justice system.",
            "3.2",
        ),
        Para(
            "The Government's response to the consultation set out the legislative and non-legislative "
            "measures planned to improve victims' experiences of the justice system. The Victims Bill will "
            "facilitate a more consolidated framework to better support victims through the following "
            "legislative measures:",
            "3.3",
        ),
        Bullets(
            (
                "placing the overarching principles of the Victims' Code in primary legislation",
                "enhancing local oversight of delivery of the Victims' Code through better data collection "
                "and an enhanced role of Police and Crime Commissioners (PCCs)",
                "introducing a duty on PCCs, local authorities and Integrated Care Boards to collaborate "
                "locally, to facilitate more holistic and better coordinated victim support services",
                "placing Independent Sexual Violence Advisors (ISVAs) and Independent Domestic Violence "
                "Advisors (IDVAs) on a statutory footing by requiring persons who work with victims of "
                "criminal conduct, or any aspect of the criminal justice system to have regard to guidance "
                "about how to work with them.",
                "updating the role of the Victims' Commissioner, including a requirement for departments "
                "and agencies with a responsibility to meet the requirements under the Victims' Code to "
                "respond to relevant annual report recommendations",
                "bolstering national oversight through a requirement for regular joint thematic "
                "inspections on victims' experiences",
                "removing the need for a victim of crime to raise a complaint via an MP before it can be "
                "escalated to the PHSO",
            )
        ),
        Heading("4", "Next Steps"),
        Para(
            "The Bill has completed its pre-legislative stages via the Justice Committee, and we are "
            "waiting for the Committee's final report and recommendations. We will bring further reports "
            "to SST once the Bill starts to progress through Parliament and any updates on the proposed "
            "duty.",
            "4.1",
        ),
    ),
)


INTERDEPENDENCIES = ReportText(
    key="strategic-and-governance-interdependencies",
    title="Strategic & Governance Interdependencies",
    header=(
        ("Report to:", "Safer Sefton Together"),
        ("Date of Meeting:", MEETING_DATE),
        ("Report of:", REPORT_OF),
        ("Subject:", "Strategic & Governance Interdependencies"),
        ("Author:", AUTHOR),
    ),
    blocks=(
        Heading("1", "Purpose of the Report"),
        Para(
            "The purpose of this report is to update Safer Sefton Together (SST) on the strategic and "
            "governance interdependencies of the SST with other boards and strategies.",
            "1.1",
        ),
        Heading("2", "Recommendations"),
        Para(
            "SST notes the contents of the report and are asked to suggest any boards strategies that may "
            "exist which are not represented. Furthermore SST are asked to suggest ways we can strengthen "
            "the links within the structure to ensure strategic and governance oversight.",
            "2.1",
        ),
        Heading("3", "Background"),
        Para(
            "The Crime and Disorder Act 1998 placed a statutory requirement for each local authority area "
            "to form a Community Safety Partnership (CSP) tasked with reducing crime, fear of crime, "
            "anti-social behaviour, drug misuse and reoffending. The partnerships contain the statutory "
            "partners of:",
            "3.1",
        ),
        Bullets(
            (
                "The Council",
                "Police",
                "Fire & Rescue Service",
                "National Probation Service",
                "Community Rehabilitation Companies (now part of NPS)",
                "CCGs (now Integrated Care Partnership)",
            )
        ),
        Para(
            "CSPs are traditionally administered by Local Authority funded Community Safety Teams and over "
            "the years have taken on additional responsibilities as the environment has evolved. Other "
            "papers on this agenda demonstrate how the responsibilities for Seftons CSP have grown."
        ),
        Para(
            "In Sefton the CSP is now known as Safer Sefton Together (SST) having previously been known as "
            "Sefton Safer Communities Partnership (SSCP). As the role of SST has grown over the years so "
            "has the interdependencies with other governance boards and other strategies. This paper aims "
            "to pictorially demonstrate where these interdependencies occur and how SST maintains "
            "governance and strategic oversight and influence. The diagram is at Appendix 1.",
            "3.2",
        ),
        Heading("4", "Strategic & Governance Oversight"),
        Para(
            "The links and interdependencies with other governance boards and strategies is fairly complex "
            "and difficult to represent pictorially. There are overlaps across areas and often the links "
            "between the different governance structures are a person that attends both boards. This "
            "presents a certain amount of risk. The diagram doesn't take into account the wider LCR "
            "governance structure which would add another level of complexity.",
            "4.1",
        ),
        Heading("5", "Summary"),
        Para(
            "SST has a significant level of complex interdependencies with other strategies and governance "
            "structures. Partners are asked to ensure all governance structures are accounted for and how "
            "best to strengthen the governance and strategic oversight.",
            "5.1",
        ),
    ),
)


DHR10_PLACEHOLDER = ReportText(
    key="dhr10-report-exempt",
    title="DHR10 report (exempt, paragraph 7)",
    banner="CONFIDENTIAL – NOT FOR PUBLICATION – DEMONSTRATION CONTENT",
    header=(
        ("Report to:", "Safer Sefton Together"),
        ("Date of Meeting:", MEETING_DATE),
        ("Report of:", "Mary Mason and Monica Touhey, joint chairs of the DHR"),
        ("Subject:", "DHR10 report"),
        ("Exempt:", "Paragraph 7 of Part 1 of Schedule 12A of the Local Government Act 1972"),
    ),
    blocks=(
        Heading("1", "About this document"),
        Para(
            "This page is demonstration content made up for SST Desktop's sample data. The real DHR10 "
            "report is exempt information and was never published, so nothing here describes a real "
            "person, case or finding.",
            "1.1",
        ),
        Para(
            f"Placeholder reference: {EXEMPT_MARKER}. This reference appears only in this exempt report, "
            "so a public agenda pack that contains it has leaked exempt information.",
            "1.2",
        ),
        Heading("2", "Overview of the case"),
        Para(
            f"[Fictional placeholder {EXEMPT_MARKER}] The joint chairs would give here an overview of the "
            "case reviewed as Domestic Homicide Review 10.",
            "2.1",
        ),
        Heading("3", "Key findings"),
        Para(
            f"[Fictional placeholder {EXEMPT_MARKER}] The key findings and the lessons for partner "
            "agencies would be set out here.",
            "3.1",
        ),
    ),
)


PUBLIC_REPORTS: tuple[ReportText, ...] = (
    PREVENT,
    VAWG,
    SERIOUS_VIOLENCE_DUTY,
    VICTIMS_BILL,
    INTERDEPENDENCIES,
)
ALL_REPORTS: tuple[ReportText, ...] = (DHR10_PLACEHOLDER, *PUBLIC_REPORTS)
