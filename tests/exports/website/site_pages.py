"""Reading a published website back: the tags, headings, links and landmarks of its pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class PageFacts:
    lang: str = ""
    title: str = ""
    headings: list[tuple[str, str]] = field(default_factory=list)  # (h1/h2/h3, text)
    links: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    text: str = ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.facts = PageFacts()
        self._open: list[str] = []
        self._heading: list[str] | None = None
        self._title: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.facts.tags.append(tag)
        if tag == "html":
            self.facts.lang = values.get("lang", "")
        if "id" in values:
            self.facts.ids.add(values["id"])
        for attribute in ("href", "src"):
            if attribute in values:
                self.facts.links.append(values[attribute])
        if tag in ("h1", "h2", "h3"):
            self._heading = [tag]
        if tag == "title":
            self._title = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            self.facts.headings.append((tag, " ".join("".join(self._heading[1:]).split())))
            self._heading = None
        if tag == "title" and self._title is not None:
            self.facts.title = "".join(self._title)
            self._title = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
        if self._title is not None:
            self._title.append(data)
        self._text.append(data)


def read_page(path: Path) -> PageFacts:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.facts.text = " ".join("".join(reader._text).split())
    return reader.facts


def broken_links(folder: Path) -> list[str]:
    """Every link of every page that does not lead to a file of the site (``#id`` parts included)."""
    broken = []
    for page in sorted(folder.rglob("*.html")):
        facts = read_page(page)
        for link in facts.links:
            target, _, fragment = link.partition("#")
            if target.startswith(("http://", "https://", "mailto:")):
                broken.append(f"{page.name}: external {link}")
                continue
            resolved = (page.parent / target).resolve() if target else page
            if not resolved.is_file():
                broken.append(f"{page.relative_to(folder)}: {link}")
            elif fragment and fragment not in read_page(resolved).ids:
                broken.append(f"{page.relative_to(folder)}: {link} (no #{fragment})")
    return broken
