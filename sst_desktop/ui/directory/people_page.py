"""The People page: the directory of members, officers, presenters and guests (``people_view``)."""

from sst_desktop.ui.pages import PageSpec, lazy_factory

PAGE = PageSpec("people", "People", 20, lazy_factory("sst_desktop.ui.directory.people_view", "PeoplePage"))
