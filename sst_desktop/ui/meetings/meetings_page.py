"""The Meetings page: a committee's meetings, each meeting's agenda, the forward plan and the documents.

Kept light (it is imported at start-up); the screen itself is in ``meetings_view``.
"""

from sst_desktop.ui.pages import PageSpec, lazy_factory

PAGE = PageSpec(
    "meetings", "Meetings", 15, lazy_factory("sst_desktop.ui.meetings.meetings_view", "MeetingsPage")
)
