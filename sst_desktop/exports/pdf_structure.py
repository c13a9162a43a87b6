"""Writes what makes a PDF tagged (PDF/UA-1) into a file reportlab drew with marked content.

reportlab writes no structure tree; pikepdf adds it after the build: StructTreeRoot with the
elements in reading order, the ParentTree that leads from each MCID back to its element,
/StructParents and /Tabs /S on the pages, /MarkInfo, /Lang en-GB, the title shown in the title bar,
XMP metadata that names PDF/UA-1, and a bookmark for every heading. The pack, which pypdf assembles
from tagged and untagged pages, reads its agenda's tree back (``read_structure``) and writes it again.
"""

from __future__ import annotations

import io
import logging
from html import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, PageLocation, Pdf, String

from sst_desktop.exports.pdf_tags import LANGUAGE, Element

log = logging.getLogger(__name__)

PDF_VERSION = "1.7"  # PDF/UA-1 is built on PDF 1.7


def tagged_pdf(data: bytes, root: Element, *, bookmarks: bool = True) -> bytes:
    """``data`` with the structure ``root`` written in (in memory: the exporter writes the file)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        apply_structure(pdf, root, bookmarks=bookmarks)
        out = io.BytesIO()
        # (the file identifier from the content, not the clock: the same document gives the same bytes)
        pdf.save(out, min_version=PDF_VERSION, deterministic_id=True)
    return out.getvalue()


def apply_structure(pdf: Pdf, root: Element, *, bookmarks: bool = True) -> None:
    """Make ``pdf`` a tagged PDF whose structure is ``root`` (its MCIDs are already on the pages)."""
    pages: list[pikepdf.Object] = [page.obj for page in pdf.pages]
    tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    parents: dict[int, dict[int, pikepdf.Object]] = {}
    tree.K = _element(pdf, root, tree, pages, parents)
    nums = Array()
    for index in sorted(parents):
        by_mcid = parents[index]
        nums.append(index)
        nums.append(pdf.make_indirect(Array([by_mcid[m] for m in range(max(by_mcid) + 1)])))
    tree.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    tree.ParentTreeNextKey = len(pages)
    for index, page in enumerate(pages):
        page.Tabs = Name.S
        if index in parents:
            page.StructParents = index
        elif Name.StructParents in page:
            del page.StructParents  # a passed-through report's own tree is not in this file
    catalog = pdf.Root
    catalog.StructTreeRoot = tree
    catalog.MarkInfo = Dictionary(Marked=True)
    catalog.Lang = String(LANGUAGE)
    viewer = catalog.get(Name.ViewerPreferences, Dictionary())
    viewer.DisplayDocTitle = True
    catalog.ViewerPreferences = viewer
    _write_xmp(pdf)
    if bookmarks:
        _bookmarks(pdf, root)


def _element(
    pdf: Pdf,
    element: Element,
    parent: pikepdf.Object,
    pages: list[pikepdf.Object],
    parents: dict[int, dict[int, pikepdf.Object]],
) -> pikepdf.Object:
    node = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + element.role), P=parent))
    marked = [kid for kid in element.kids if isinstance(kid, tuple)]
    home = marked[0][0] if marked else None
    if home is not None:
        node.Pg = pages[home]
    kids = Array()
    for kid in element.kids:
        if isinstance(kid, Element):
            kids.append(_element(pdf, kid, node, pages, parents))
            continue
        index, mcid = kid
        parents.setdefault(index, {})[mcid] = node
        if index == home:
            kids.append(mcid)
        else:
            kids.append(Dictionary(Type=Name.MCR, Pg=pages[index], MCID=mcid))
    node.K = kids[0] if len(kids) == 1 else kids  # a lone MCID stands alone, as most writers do
    if element.lang:
        node.Lang = String(element.lang)
    if element.scope:
        node.A = Dictionary(O=Name.Table, Scope=Name("/" + element.scope))
    if element.title:
        node.T = String(element.title)
    return node


def read_structure(pdf: Pdf, *, page_offset: int = 0) -> Element:
    """The structure tree of a tagged PDF as elements, pages counted from ``page_offset``."""
    index = {page.obj.objgen: number + page_offset for number, page in enumerate(pdf.pages)}
    tree = pdf.Root.get(Name.StructTreeRoot)
    if tree is None:
        return Element("Document")
    kids = tree.get(Name.K)
    top = kids[0] if isinstance(kids, Array) else kids
    if not isinstance(top, Dictionary):
        return Element("Document")
    return _read(top, index, None)


def structure_of(data: bytes, *, page_offset: int = 0) -> Element:
    """The tree of a tagged PDF drawn here (the agenda at the front of the pack, the previous
    minutes inside it), to be written again into the pack that pypdf assembles from its pages."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return read_structure(pdf, page_offset=page_offset)
    except (pikepdf.PdfError, KeyError, TypeError, ValueError, AttributeError) as error:
        log.warning("structure tree not read: %r", error)  # the pages still go in, untagged
        return Element("Document")


def _read(node: pikepdf.Object, index: dict[tuple[int, int], int], page: int | None) -> Element:
    element = Element(str(node.S)[1:])
    if Name.Lang in node:
        element.lang = str(node.Lang)
    if Name.T in node:
        element.title = str(node.T)
    attributes = node.get(Name.A)
    if isinstance(attributes, Dictionary) and Name.Scope in attributes:
        element.scope = str(attributes.Scope)[1:]
    if Name.Pg in node:
        page = index.get(node.Pg.objgen, page)
    kids = node.get(Name.K)
    for kid in kids if isinstance(kids, Array) else [kids] if kids is not None else []:
        if isinstance(kid, int) and page is not None:
            element.kids.append((page, int(kid)))
        elif isinstance(kid, Dictionary) and kid.get(Name.Type) == Name.MCR:
            element.kids.append((index[kid.Pg.objgen] if Name.Pg in kid else page or 0, int(kid.MCID)))
        elif isinstance(kid, Dictionary) and Name.S in kid:
            element.kids.append(_read(kid, index, page))
    return element


def _bookmarks(pdf: Pdf, root: Element) -> None:
    """A bookmark for the title and for every item or minute heading, in reading order."""
    with pdf.open_outline() as outline:
        outline.root.clear()
        for element in root.walk():
            marked = [kid for kid in element.kids if isinstance(kid, tuple)]
            if not (element.role.startswith("H") and element.title and marked):
                continue
            item = OutlineItem(element.title, marked[0][0], PageLocation.XYZ, top=element.top)
            outline.root.append(item)


def _write_xmp(pdf: Pdf) -> None:
    """XMP by hand (a fixed text, so the same document always gives the same bytes)."""
    info = pdf.docinfo
    title = escape(str(info.get(Name.Title, "")))
    author = escape(str(info.get(Name.Author, "")))
    subject = escape(str(info.get(Name.Subject, "")))
    producer = escape(str(info.get(Name.Producer, "")))
    creator = escape(str(info.get(Name.Creator, "")))
    xmp = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <pdfuaid:part>1</pdfuaid:part>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{LANGUAGE}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{producer}</pdf:Producer>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    stream = pikepdf.Stream(pdf, xmp.encode("utf-8"))
    stream.Type = Name.Metadata
    stream.Subtype = Name.XML
    pdf.Root.Metadata = pdf.make_indirect(stream)
