"""Put a committee's website on disk, rewriting only what changed.

A file is replaced only when its bytes differ, so an upload tool (or ``rsync``) sends only the pages
and documents that changed. PDFs are rebuilt only when what they print changed: the folder keeps a
small manifest (``.sst-publish.json``) of what each published file was made from. Files a previous
publish wrote that are no longer part of the site (a report taken off an agenda) are removed; files
SST Desktop did not write are never touched, and a folder holding other files is refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from sst_desktop import __version__
from sst_desktop.exports import agenda_pdf, minutes_pdf
from sst_desktop.exports.atomic import ExportError, atomic_path
from sst_desktop.exports.pdf_fonts import missing_glyphs
from sst_desktop.exports.website import pages
from sst_desktop.exports.website.content import SiteContent, SiteMeeting, read_site
from sst_desktop.paths import resource
from sst_desktop.services.attachments import attachment_bytes
from sst_desktop.services.jobs import JobHooks
from sst_desktop.storage.engine import Database

MANIFEST = ".sst-publish.json"


@dataclass(frozen=True)
class PublishResult:
    folder: Path
    files: int  # every file the site is made of
    written: tuple[str, ...]  # relative paths written this time (new or changed)
    removed: tuple[str, ...]  # relative paths of files the site no longer has
    warnings: tuple[str, ...] = ()

    @property
    def unchanged(self) -> int:
        return self.files - len(self.written)


@dataclass
class _Publisher:
    db: Database
    folder: Path
    before: dict[str, str]  # path -> what it was made from, as the last publish left it
    after: dict[str, str] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def text(self, path: str, html: str) -> None:
        data = html.encode("utf-8")
        self._write(path, data, hashlib.sha256(data).hexdigest())

    def document(self, path: str, made_from: str, build: Callable[[], bytes]) -> None:
        """Write the PDF ``build()`` makes, unless the file is there and made from the same."""
        stamp = hashlib.sha256(f"{__version__}\n{made_from}".encode()).hexdigest()
        target = self.folder / path
        if self.before.get(path) == stamp and target.is_file():
            self.after[path] = stamp
            return
        self._write(path, build(), stamp)

    def _write(self, path: str, data: bytes, stamp: str) -> None:
        self.after[path] = stamp
        target = self.folder / path
        if target.is_file() and target.read_bytes() == data:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as temporary:
            temporary.write_bytes(data)
        self.written.append(path)


def publish_site(
    db: Database,
    committee_id: int,
    folder: Path | str,
    *,
    since: date | None = None,
    with_actions: bool = False,
    hooks: JobHooks | None = None,
) -> PublishResult:
    """Publish ``committee_id``'s public record as a static website in ``folder``."""
    hooks = hooks or JobHooks()
    folder = Path(folder)
    before = _previous_manifest(folder)
    content = read_site(db, committee_id, since=since, with_actions=with_actions, hooks=hooks)
    publisher = _Publisher(db, folder, before)
    with missing_glyphs() as missing:
        for done, meeting in enumerate(content.meetings):
            hooks.step(done, len(content.meetings) + 1)
            _publish_meeting(publisher, content, meeting)
    publisher.text("index.html", pages.index_page(content))
    if content.open_actions is not None:
        publisher.text("actions.html", pages.actions_page(content, content.open_actions))
    publisher.text("site.css", resource("website", "site.css").read_text(encoding="utf-8"))
    removed = _remove_dropped(folder, before, publisher.after)
    _write_manifest(folder, publisher.after)
    return PublishResult(
        folder,
        len(publisher.after),
        tuple(publisher.written),
        tuple(removed),
        (*publisher.warnings, *missing.warnings()),
    )


def _publish_meeting(publisher: _Publisher, content: SiteContent, meeting: SiteMeeting) -> None:
    folder = f"documents/{meeting.slug}"
    if meeting.agenda.items:
        agenda = meeting.agenda
        publisher.document(
            f"{folder}/{pages.AGENDA_PDF}", repr(agenda), lambda: agenda_pdf.render(agenda, public=True)
        )
    if meeting.minutes is not None:
        minutes = meeting.minutes
        publisher.document(
            f"{folder}/{pages.MINUTES_PDF}", repr(minutes), lambda: minutes_pdf.render(minutes)
        )
    for report in meeting.reports:
        publisher.document(
            f"{folder}/{report.file_name}",
            report.sha256,
            partial(attachment_bytes, publisher.db, report.attachment_id),
        )
    publisher.text(f"meetings/{meeting.slug}.html", pages.meeting_page(content, meeting))


def _previous_manifest(folder: Path) -> dict[str, str]:
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file, not a folder. Choose a folder to publish the website to.")
    manifest = folder / MANIFEST
    if not manifest.is_file():
        if folder.is_dir() and any(folder.iterdir()):
            raise ExportError(
                f"{folder} already holds other files. Publish to an empty folder, or to the folder "
                "this committee's website was published to before."
            )
        return {}
    try:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        return {str(k): str(v) for k, v in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # unreadable: publish everything afresh (nothing is removed)


def _remove_dropped(folder: Path, before: dict[str, str], after: dict[str, str]) -> list[str]:
    removed = []
    for path in sorted(set(before) - set(after)):
        target = (folder / path).resolve()
        if folder.resolve() in target.parents and target.is_file():
            target.unlink()
            removed.append(path)
    return removed


def _write_manifest(folder: Path, files: dict[str, str]) -> None:
    text = json.dumps({"files": dict(sorted(files.items()))}, indent=1) + "\n"
    with atomic_path(folder / MANIFEST) as temporary:
        temporary.write_text(text, encoding="utf-8")
