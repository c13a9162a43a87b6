"""The Organisations page: where partners come from (``organisations_view``)."""

from sst_desktop.ui.pages import PageSpec, lazy_factory

PAGE = PageSpec(
    "organisations",
    "Organisations",
    30,
    lazy_factory("sst_desktop.ui.directory.organisations_view", "OrganisationsPage"),
)
