"""Reading the minutes documents back, for the PDF and Word tests."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_pages(data: bytes) -> list[str]:
    """Each page's text with white space folded (wrapped lines join with a space)."""
    reader = PdfReader(io.BytesIO(data))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def in_order(text: str, parts: list[str]) -> None:
    """Assert every part occurs in ``text``, each after the one before."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"not found after position {at}: {part!r}\n--- text there: {text[at : at + 300]!r}"
        at = found + len(part)


# The 22 June 2022 minutes as seed 002 words them, in order (white space folded).
SEED_ORDER = [
    'THIS SET OF MINUTES IS NOT SUBJECT TO "CALL-IN"',
    "SAFER SEFTON TOGETHER",
    "MEETING HELD AT BOOTLE TOWN HALL ON WEDNESDAY 22ND JUNE, 2022",
    "PRESENT:",
    "Councillor Hardy (in the Chair)",
    "Simon Burnett, Risthardh Hare, Kevin Hollis, Superintendent Graeme Robson, Rosanna Stanley, "
    "Chief Inspector Tracy Trubshaw, Chris White and Steven Martlew.",
    "1. APOLOGIES FOR ABSENCE",
    "Apologies for absence were submitted from Nigel Bellamy, Neil Frackleton, Siobhan Grainger, Kevin Sexton, "
    "Andrea Watts and Janette Maxwell.",
    "2. DECLARATIONS OF INTEREST",
    "No declarations of any disclosable pecuniary interests or personal interests were received.",
    "3. MINUTES OF PREVIOUS MEETING",
    "RESOLVED:",
    "That the Minutes of the meeting held on 17 March 2022 be confirmed as a correct record.",
    "4. DOMESTIC HOMICIDE REVIEW (DHRS) UPDATE",
    "Members considered a report giving an update on the carrying out of Domestic Homicide Reviews.",
    "RESOLVED: That",
    "(1) the report be noted; and",
    "(2) a further report be submitted to the next meeting regarding the recruitment of independent chairs for "
    "reviews.",
    "Actions:",
    "(1) Discuss at LCR SD VAG - risk to lack of chairs",
    "(2) Need to request further funds from partners for DHR's",
    "(3) Share process with MFRS in relation to Retirees from the service",
    "(4) Check what the cost is to take part in the training - could the SST fund this.",
    "5. PREVENT LOCAL PARTNERSHIPS HEALTH CHECK",
    "Steve Martlew gave an update on PREVENT.",
    "RESOLVED: That",
    "(1) the update be noted; and",
    "(2) arrangements be put in place to establish the Prevent sub-group prior to the next meeting of this "
    "Partnership.",
    "6. OFSTED REPORT ON LINKS WITH DOMESTIC ABUSE",
    "RESOLVED: That",
    "(1) the report be noted;",
    "(2) a Sefton Bid in respect of Children affected by Domestic Violence and Violence against Women and Girls "
    "be developed and a report on progress be submitted to the next meeting; and",
    "(3) a report be submitted to the next meeting on the progress on the new approach in relation to "
    "safeguarding children exploited.",
    "7. YOUTH JUSTICE SERVICE UPDATE",
    "Reoffending – children who commit an offence",
    "First Time Entrants – those children",
    "RESOLVED: That the briefing paper be noted.",
    "8. SEFTON LOCAL PROFILE",
    "RESOLVED: That the report be noted.",
    "9. COMMUNITY SAFETY STRATEGY - STRATEGIC NEEDS ASSESSMENT",
    "RESOLVED: That",
    "(1) the Strategy report and excel spreadsheet be circulated",
    "(2) Members be requested to submit any comments on the report and complete that spreadsheet by Friday 8 "
    "July 2022; and",
    "(3) Following receipt of comments, a Draft Strategy be submitted to the next meeting on 8 September 2022.",
    "10. UNAUTHORISED ENCAMPMENTS",
    "RESOLVED: That the report be noted.",
    "11. PROJECT ADDER",
    "RESOLVED: That the possible submission of a bid be further explored.",
    "12. PUBLIC CONSULTATION FOR THE SERIOUS VIOLENCE DUTY",
    "Members were encouraged to submit their views.",
    "RESOLVED: That the report be noted.",
    "13. DATE OF NEXT MEETING",
    "RESOLVED:",
    "That the next meeting be held on Thursday, 8 September 2022 at the Town Hall Bootle, commencing at 10.00 am.",
]


def starts_with(text: str, part: str) -> None:
    """``part`` is the first thing on the page after the page marks (DRAFT, CONFIDENTIAL)."""
    before, found, _ = text.partition(part)
    assert found, f"not found: {part!r}"
    assert before.replace("DRAFT", "").replace("CONFIDENTIAL - NOT FOR PUBLICATION", "").strip() == "", before
