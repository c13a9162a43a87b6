"""The website's pages as semantic HTML: one h1 per page, landmarks, a skip link, ``lang``, titles.

Pages carry no date of publishing and no script, so the same record always gives the same bytes
(re-publishing rewrites only what changed) and every page works with JavaScript off. The look is one
shared style sheet (``site.css``) with visible focus and WCAG AA contrast.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from itertools import groupby

from sst_desktop.domain.agenda_labels import item_labels, printed_label
from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.exports.agenda_pdf import item_lines, membership_text, time_and_place
from sst_desktop.exports.minutes_blocks import Block, MinutesContent, Run, marked
from sst_desktop.exports.website.content import SiteContent, SiteMeeting
from sst_desktop.services.action_records import ActionRecord

AGENDA_PDF = "agenda.pdf"
MINUTES_PDF = "minutes.pdf"
NOT_HELD = (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED)


def page(title: str, body: str, *, site_name: str, root: str, links: Sequence[tuple[str, str]]) -> str:
    """A whole page: ``root`` is the relative way back to the site's top ("" or "../")."""
    nav = "".join(f'<li><a href="{escape(root + href)}">{escape(text)}</a></li>' for href, text in links)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} – {escape(site_name)}</title>\n"
        f'<link rel="stylesheet" href="{escape(root)}site.css">\n'
        "</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to main content</a>\n'
        f'<header><p class="site">{escape(site_name)}</p>\n'
        f'<nav aria-label="Site"><ul>{nav}</ul></nav></header>\n'
        f'<main id="main" tabindex="-1">\n{body}</main>\n'
        "<footer><p>Published from the committee's record with SST Desktop.</p></footer>\n"
        "</body>\n</html>\n"
    )


def site_links(content: SiteContent) -> list[tuple[str, str]]:
    links = [("index.html", "Meetings")]
    if content.open_actions is not None:
        links.append(("actions.html", "Open actions"))
    return links


# ------------------------------------------------------------------------------------------ the index


def index_page(content: SiteContent) -> str:
    name = content.committee.name
    parts = [f"<h1>{escape(name)}: meetings</h1>\n"]
    if not content.meetings:
        parts.append("<p>No meetings have been published yet.</p>\n")
    by_year = groupby(reversed(content.meetings), key=lambda m: m.year_label)
    for year, meetings in by_year:
        parts.append(f'<section aria-labelledby="y{_id(year)}">\n')
        parts.append(f'<h2 id="y{_id(year)}">Municipal year {escape(year)}</h2>\n<ul class="meetings">\n')
        for meeting in meetings:
            parts.append(f"<li>{_meeting_link(meeting, '')}{_meeting_note(meeting)}</li>\n")
        parts.append("</ul>\n</section>\n")
    return page(f"{name}: meetings", "".join(parts), site_name=name, root="", links=site_links(content))


def _meeting_link(meeting: SiteMeeting, root: str) -> str:
    label = plain_date(meeting.meeting.date)
    return f'<a href="{escape(root)}meetings/{meeting.slug}.html">{escape(label)}</a>'


def _meeting_note(meeting: SiteMeeting) -> str:
    notes = []
    if meeting.meeting.status in NOT_HELD:
        notes.append(meeting.meeting.status.label.lower())
    if meeting.minutes is not None:
        notes.append("draft minutes" if meeting.minutes.draft else "minutes")
    elif meeting.agenda.items:
        notes.append("agenda")
    return f' <span class="note">({escape(", ".join(notes))})</span>' if notes else ""


def _id(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text)


# ------------------------------------------------------------------------------------------ a meeting


def meeting_page(content: SiteContent, meeting: SiteMeeting) -> str:
    name = content.committee.name
    record = meeting.meeting
    title = f"{name}, {plain_date(record.date)}"
    parts = [f"<h1>{escape(title)}</h1>\n"]
    place = time_and_place(record)
    if place:
        parts.append(f"<p>{escape(place)}</p>\n")
    if record.status in NOT_HELD:
        notice = f"This meeting has been {record.status.label.lower()}."
        parts.append(
            f'<p class="notice"><strong>{escape(notice)}</strong> {escape(record.status_reason)}</p>\n'
        )
    if not record.open_to_public:
        parts.append('<p class="notice">This meeting is not open to the public.</p>\n')
    parts.append(_documents(meeting))
    parts.append(_agenda(meeting))
    if meeting.minutes is not None:
        parts.append(_minutes(meeting.minutes))
    return page(title, "".join(parts), site_name=name, root="../", links=site_links(content))


def _documents(meeting: SiteMeeting) -> str:
    folder = f"../documents/{meeting.slug}/"
    links = []
    if meeting.agenda.items:
        links.append((folder + AGENDA_PDF, "Agenda (PDF)"))
    if meeting.minutes is not None:
        links.append(
            (folder + MINUTES_PDF, "Draft minutes (PDF)" if meeting.minutes.draft else "Minutes (PDF)")
        )
    links += [(folder + r.file_name, f"Item {r.item_number}: {r.title} (report)") for r in meeting.reports]
    if not links:
        return ""
    rows = "".join(f'<li><a href="{escape(href)}">{escape(text)}</a></li>\n' for href, text in links)
    return f'<section aria-labelledby="documents">\n<h2 id="documents">Documents</h2>\n<ul>\n{rows}</ul>\n</section>\n'


def _agenda(meeting: SiteMeeting) -> str:
    agenda = meeting.agenda
    if not agenda.items:
        return '<section aria-labelledby="agenda">\n<h2 id="agenda">Agenda</h2>\n<p>The agenda has not been published yet.</p>\n</section>\n'
    parts = ['<section aria-labelledby="agenda">\n<h2 id="agenda">Agenda</h2>\n']
    if agenda.members:
        parts.append(f"<p><strong>Membership:</strong> {escape(membership_text(agenda.members))}</p>\n")
    reports = {r.item_number: r for r in meeting.reports}
    labels = item_labels(agenda.items)
    for item in agenda.items:
        label = printed_label(labels[item.id])  # as the agenda prints it: "1.", "(A)", or none
        number = f'<span class="number">{label}</span> ' if label else ""
        parts.append(f"<h3>{number}{escape(item.title)}</h3>\n")
        parts.extend(f"<p>{escape(line)}</p>\n" for line in item_lines(item, public=True))
        if item.number in reports:
            report = reports[item.number]
            href = f"../documents/{meeting.slug}/{report.file_name}"
            parts.append(f'<p><a href="{escape(href)}">{escape(report.title)} (report, PDF)</a></p>\n')
    parts.append("</section>\n")
    return "".join(parts)


def _minutes(minutes: MinutesContent) -> str:
    heading = "Minutes (draft, to be confirmed at the next meeting)" if minutes.draft else "Minutes"
    parts = [f'<section aria-labelledby="minutes">\n<h2 id="minutes">{escape(heading)}</h2>\n']
    blocks = [b for b in minutes.blocks if b.kind not in ("committee",)]
    for is_list, group in groupby(blocks, key=lambda b: b.kind == "list"):
        members = list(group)
        parts.append(_list(members) if is_list else "".join(_block(b) for b in members))
    parts.append("</section>\n")
    return "".join(parts)


def _block(block: Block) -> str:
    text = _runs(block.runs)
    if block.kind == "heading":
        return f'<h3><span class="number">{escape(block.label)}</span> {text}</h3>\n'
    if block.kind == "attendance":
        label = f"<strong>{escape(block.label)}</strong> " if block.label else ""
        return f'<p class="attendance">{label}{text}</p>\n'
    if block.kind in ("notice", "held"):
        return f'<p class="notice">{text}</p>\n'
    return f"<p>{text}</p>\n"


def _list(blocks: list[Block]) -> str:
    bulleted = all(b.label in ("•", "") for b in blocks)
    tag = "ul" if bulleted else "ol"
    items = []
    for block in blocks:
        label = "" if bulleted else f'<span class="label">{escape(block.label)}</span> '
        items.append(f"<li>{label}{_runs(block.runs)}</li>\n")
    return f'<{tag} class="labelled">\n{"".join(items)}</{tag}>\n'


def _runs(runs: Iterable[Run]) -> str:
    out = []
    for run in runs:
        text = escape(run.text)
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.lang:  # a passage the officer marked as another language
            text = f'<span lang="{escape(run.lang)}">{text}</span>'
        out.append(text)
    return "".join(out)


# ------------------------------------------------------------------------------------------ open actions


def actions_page(content: SiteContent, actions: Sequence[ActionRecord]) -> str:
    name = content.committee.name
    parts = [f"<h1>{escape(name)}: open actions</h1>\n"]
    if not actions:
        parts.append("<p>There are no open actions.</p>\n")
    else:
        parts.append(
            "<table>\n<caption>Actions not yet completed, by reference</caption>\n<thead><tr>"
            '<th scope="col">Reference</th><th scope="col">Action</th><th scope="col">With</th>'
            '<th scope="col">Due</th><th scope="col">Status</th><th scope="col">Latest update</th>'
            "</tr></thead>\n<tbody>\n"
        )
        for action in actions:
            due = (
                "Next meeting"
                if action.due_next_meeting
                else plain_date(action.due_date)
                if action.due_date
                else ""
            )
            cells = (
                _runs(marked(action.text)),
                escape(action.owner),
                escape(due),
                escape(action.status.label),
                _runs(marked(action.latest_update_text)),
            )
            row = "".join(f"<td>{c}</td>" for c in cells)
            parts.append(f'<tr><th scope="row">{escape(action.reference)}</th>{row}</tr>\n')
        parts.append("</tbody>\n</table>\n")
    return page(f"{name}: open actions", "".join(parts), site_name=name, root="", links=site_links(content))
