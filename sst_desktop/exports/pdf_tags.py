"""Tagged PDF from reportlab: marked content around each flowable, recorded for the structure tree.

reportlab writes no structure tree, so a screen reader would meet the agenda and the minutes as one
run of unlabelled text. Here every paragraph of a story is drawn inside ``/P <</MCID n>> BDC … EMC``
(or H1, H2, Lbl, LBody, TH, TD), each piece of a paragraph split over two pages under the same
structure element, and what the page callbacks draw (running headers, DRAFT and CONFIDENTIAL marks,
stamps) inside ``/Artifact BMC … EMC``. ``pdf_structure`` then writes the tree with pikepdf.

The roles follow the house styles' names, so the exporters keep their stories as they are and
pass them through ``build_tagged``; nothing is drawn differently.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import Spacer

from sst_desktop.exports.pdf_fonts import FONT

LANGUAGE = "en-GB"

# Paragraph style name -> structure role; any other paragraph is a P.
HEADING_STYLES = {"title": "H1", "m_committee": "H1", "agenda_item": "H2", "heading": "H2", "m_heading": "H2"}
LIST_STYLES = frozenset({"m_list", "list"})

PageCallback = Callable[[Canvas, Any], None]


@dataclass(eq=False)
class Element:
    """One structure element; ``kids`` holds child elements and (page index, MCID) pairs in reading order."""

    role: str
    kids: list[Element | tuple[int, int]] = field(default_factory=list)
    lang: str = ""
    scope: str = ""  # "Row" or "Column" for a TH
    title: str = ""  # a heading's text, for its bookmark
    top: float | None = None  # where a heading starts on its first page, for its bookmark

    def add(self, role: str, **details: Any) -> Element:
        child = Element(role, **details)
        self.kids.append(child)
        return child

    def first_page(self) -> int | None:
        for kid in self.kids:
            page = kid.first_page() if isinstance(kid, Element) else kid[0]
            if page is not None:
                return page
        return None

    def sort_by_page(self) -> None:
        """Put the top-level elements in page order (each unmarked one stays after its predecessor)."""
        keys, last = [], 0
        for kid in self.kids:
            page = kid.first_page() if isinstance(kid, Element) else kid[0]
            last = last if page is None else page
            keys.append(last)
        order = sorted(range(len(self.kids)), key=lambda i: keys[i])
        self.kids = [self.kids[i] for i in order]

    def walk(self) -> Iterator[Element]:
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()


class Tagger:
    """Hands out MCIDs page by page and remembers which element each belongs to."""

    def __init__(self, root: Element | None = None) -> None:
        self.root = root or Element("Document")
        self._next: dict[int, int] = {}

    def begin(self, canv: Canvas, element: Element, page: int | None = None) -> None:
        canv.addLiteral(self.opening(canv, element, page))

    def opening(self, canv: Canvas, element: Element, page: int | None = None) -> str:
        """The BDC operator that starts a new piece of ``element``'s content (its MCID recorded)."""
        index = canv.getPageNumber() - 1 if page is None else page
        mcid = self._next.get(index, 0)
        self._next[index] = mcid + 1
        element.kids.append((index, mcid))
        return f"/{element.role} <</MCID {mcid}>> BDC"

    @contextmanager
    def content(self, canv: Canvas, element: Element, page: int | None = None) -> Iterator[None]:
        """Draw real content of ``element`` (for pages drawn straight on a canvas)."""
        self.begin(canv, element, page)
        yield
        canv.addLiteral("EMC")


LANG_CALLBACK = "sst_lang"


def lang_markup(markup: str, tag: str) -> str:
    """Paragraph markup whose words are tagged as a Span in language ``tag`` (BCP 47) when drawn."""
    return f'<onDraw name="{LANG_CALLBACK}" label="{tag}"/>{markup}<onDraw name="{LANG_CALLBACK}" label=""/>'


@contextmanager
def artifact(canv: Canvas) -> Iterator[None]:
    """Draw what is not content: page furniture, marks and stamps."""
    canv.addLiteral("/Artifact BMC")
    yield
    canv.addLiteral("EMC")


def artifact_callback(callback: PageCallback | None) -> PageCallback | None:
    if callback is None:
        return None

    def wrapped(canv: Canvas, doc: Any) -> None:
        with artifact(canv):
            callback(canv, doc)

    return wrapped


class Marked(Flowable):
    """Draws ``inner`` inside marked content of ``element``; pieces of a split share the element."""

    def __init__(
        self, tagger: Tagger, inner: Flowable, element: Element | None, label: Element | None = None
    ):
        super().__init__()
        self.tagger, self.inner, self.element, self.label = tagger, inner, element, label
        self._fixedWidth = getattr(inner, "_fixedWidth", 0)
        self._fixedHeight = getattr(inner, "_fixedHeight", 0)

    def __getattr__(self, name: str) -> Any:  # hAlign, width, height… as the wrapped flowable has them
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(availWidth, availHeight)
        return self.width, self.height

    def wrapOn(self, canv: Canvas, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrapOn(canv, aW, aH)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [self._piece(p, i) for i, p in enumerate(self.inner.split(availWidth, availHeight))]

    def splitOn(self, canv: Canvas, aW: float, aH: float) -> list[Flowable]:
        return [self._piece(p, i) for i, p in enumerate(self.inner.splitOn(canv, aW, aH))]

    def _piece(self, piece: Flowable, index: int) -> Flowable:
        return Marked(self.tagger, piece, self.element, self.label if index == 0 else None)

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def getKeepWithNext(self) -> bool:
        return bool(self.inner.getKeepWithNext())

    def minWidth(self) -> float:
        return float(self.inner.minWidth())

    def isIndexing(self) -> int:
        return int(self.inner.isIndexing())

    def identity(self, maxLen: int | None = None) -> str:
        return str(self.inner.identity(maxLen))

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        element = self.element
        if element is None:
            with artifact(canvas):
                self.inner.drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]
            return
        if element.title and element.top is None:
            element.top = y + self.height
        canvas.setNamedCB(LANG_CALLBACK, self._language_switch(element))
        if self.label is not None and getattr(self.inner, "bulletText", None):
            self._draw_labelled(canvas, x, y, _sW, self.label, element)
            return
        self.tagger.begin(canvas, element)
        self.inner.drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]
        canvas.addLiteral("EMC")

    def _language_switch(self, element: Element) -> Callable[[Canvas, str | None, str], None]:
        """The callback ``lang_markup`` leaves in a paragraph: it ends the marked content drawn so far
        and starts a Span with /Lang (label = the tag) or, at the passage's end, more of ``element``."""

        def switch(canv: Canvas, kind: str | None, label: str) -> None:
            text_object = canv._curr_tx_info["tx"]  # type: ignore[attr-defined]
            target = element.add("Span", lang=label) if label else element
            text_object._code.append("EMC")
            text_object._code.append(self.tagger.opening(canv, target))

        return switch

    def _draw_labelled(
        self, canvas: Canvas, x: float, y: float, _sW: float, label: Element, body: Element
    ) -> None:
        """A list paragraph draws its bullet ("(1)") first, as a text object of its own: that one is
        the Lbl, the rest the LBody."""
        tagger, plain = self.tagger, canvas.drawText
        first = True

        def draw_text(text_object: Any) -> None:
            nonlocal first
            if first:
                first = False
                tagger.begin(canvas, label)
                plain(text_object)
                canvas.addLiteral("EMC")
                tagger.begin(canvas, body)
            else:
                plain(text_object)

        canvas.drawText = draw_text  # type: ignore[method-assign,assignment]
        try:
            self.inner.drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]
        finally:
            del canvas.drawText
        if first:  # no bullet was drawn after all
            tagger.begin(canvas, body)
        canvas.addLiteral("EMC")


class _StoryTagger:
    """Walks a story once, before the build, wrapping each flowable with its structure element."""

    def __init__(self, tagger: Tagger) -> None:
        self.tagger = tagger
        self.parent = tagger.root
        self.current_list: Element | None = None

    def story(self, flowables: list[Flowable]) -> list[Flowable]:
        return [self.flowable(f) for f in flowables]

    def flowable(self, f: Flowable) -> Flowable:
        if isinstance(f, Paragraph):
            return self.paragraph(f)
        self.current_list = None if not isinstance(f, (Spacer, ActionFlowable)) else self.current_list
        if isinstance(f, KeepTogether):
            f._content = self.story(list(f._content))  # type: ignore[attr-defined]
            return f
        if isinstance(f, Table):
            return self.table(f)
        if isinstance(f, (Spacer, ActionFlowable)):
            return f
        return Marked(self.tagger, f, None)

    def paragraph(self, p: Paragraph) -> Flowable:
        text = p.getPlainText().strip()
        if not text and not p.bulletText:
            return Marked(self.tagger, p, None)
        name = p.style.name
        if name in LIST_STYLES:
            if self.current_list is None:
                self.current_list = self.parent.add("L")
            item = self.current_list.add("LI")
            label = item.add("Lbl") if p.bulletText else None
            return Marked(self.tagger, p, item.add("LBody"), label)
        self.current_list = None
        role = HEADING_STYLES.get(name, "P")
        title = ""
        if role.startswith("H"):
            bullet = (p.bulletText or "").strip() if isinstance(p.bulletText, str) else ""
            title = f"{bullet} {text}".strip()
        return Marked(self.tagger, p, self.parent.add(role, title=title))

    def table(self, table: Table) -> Table:
        element = self.parent.add("Table")
        cells: list[list[Any]] = table._cellvalues  # type: ignore[attr-defined]
        if all(isinstance(v, Flowable) for row in cells for v in row):
            # Cells of flowables draw no string of the table's own: naming the house font keeps an
            # unembedded Helvetica (the table's default) out of the file.
            table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))
        for row in cells:
            tr = element.add("TR")
            for column, value in enumerate(row):
                header = column == 0 and len(row) > 1 and _has_text(value)
                cell = tr.add("TH", scope="Row") if header else tr.add("TD")
                row[column] = self._cell(value, cell)
        return table

    def _cell(self, value: Any, cell: Element) -> Any:
        if isinstance(value, Flowable):
            return Marked(self.tagger, value, cell)
        if isinstance(value, (list, tuple)):
            return [Marked(self.tagger, v, cell) if isinstance(v, Flowable) else v for v in value]
        return value


def _has_text(value: Any) -> bool:
    if isinstance(value, Paragraph):
        return bool(value.getPlainText().strip())
    if isinstance(value, (list, tuple)):
        return any(_has_text(v) for v in value)
    return bool(str(value or "").strip())


def _nothing(canv: Canvas, doc: Any) -> None:
    """What SimpleDocTemplate draws on a page without a callback."""


def build_tagged(
    doc: SimpleDocTemplate,
    story: list[Flowable],
    *,
    on_first_page: PageCallback | None = None,
    on_later_pages: PageCallback | None = None,
) -> None:
    """``doc.build`` tagged: the same pages, then the structure tree written into ``doc``'s buffer."""
    from sst_desktop.exports.pdf_structure import tagged_pdf

    tagger = Tagger()
    flowables = _StoryTagger(tagger).story(story)
    first = artifact_callback(on_first_page) or _nothing
    later = artifact_callback(on_later_pages) or _nothing
    doc.build(flowables, onFirstPage=first, onLaterPages=later)
    buffer = doc.filename
    if not isinstance(buffer, io.BytesIO):
        raise TypeError("build_tagged writes into an in-memory buffer")
    tagged = tagged_pdf(buffer.getvalue(), tagger.root)
    buffer.seek(0)
    buffer.truncate()
    buffer.write(tagged)
