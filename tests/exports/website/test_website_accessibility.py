"""The published website in a real browser: axe-core finds no WCAG 2.2 A/AA violation on any page
type, in the light and the dark colour scheme."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sst_desktop.demo.build import build_demo_database
from sst_desktop.exports.website.writer import publish_site
from sst_desktop.services.committees import find_committee
from sst_desktop.storage.opening import open_path
from tests.exports.website.axe import axe_script, chromium, violations

pytestmark = pytest.mark.skipif(
    axe_script() is None or chromium() is None, reason="needs Chromium and SST_AXE_JS (axe-core)"
)

PAGE_TYPES = [
    "index.html",
    "actions.html",
    "meetings/2022-06-22.html",  # agenda, draft minutes, documents
    "meetings/2022-09-08.html",  # agenda with reports, no minutes
    "meetings/2022-12-08.html",  # nothing published yet
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    path = folder / "demo.db"
    build_demo_database(path)
    db = open_path(path, backup_dir=folder / "backups")
    try:
        publish_site(db, find_committee(db, "SST").id, folder / "site", with_actions=True)
    finally:
        db.dispose()
    return folder / "site"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("page", PAGE_TYPES)
def test_no_axe_violations(site: Path, page: str, dark: bool) -> None:
    assert violations(site / page, dark=dark) == []


def test_the_check_finds_a_violation(site: Path, tmp_path: Path) -> None:
    """The check can fail: a page with an image without alternative text and no language."""
    shutil.copy(site / "site.css", tmp_path / "site.css")
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body><main><img src='a.png'></main></body></html>"
    )
    found = {v["id"] for v in violations(bad)}
    assert {"image-alt", "html-has-lang"} <= found
