"""Reads back what makes a PDF tagged: the structure tree (pikepdf) and what each page shows inside
which marked-content sequence (pypdf's content stream, decoded with each font's ToUnicode map).

``shown`` gives every text-showing operator with the innermost marked content around it: a role and
MCID for real content, "Artifact" for page furniture, None for text outside any sequence (what a
screen reader could neither read in order nor skip).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

from tests.exports.pdf_glyphs import _font

TEXT_OPERATORS = (b"Tj", b"TJ", b"'", b'"')


@dataclass(frozen=True)
class Shown:
    page: int  # 0-based
    tag: str | None  # "P", "H2", "Artifact"… or None outside marked content
    mcid: int | None
    text: str


@dataclass
class Node:
    role: str
    kids: list[Node] = field(default_factory=list)
    marks: list[tuple[int, int]] = field(default_factory=list)  # (page, MCID)
    lang: str = ""
    scope: str = ""

    def walk(self) -> list[Node]:
        return [self, *(n for kid in self.kids for n in kid.walk())]

    def roles(self) -> list[str]:
        return [n.role for n in self.walk()]


def shown(data: bytes) -> list[Shown]:
    reader = PdfReader(io.BytesIO(data))
    found: list[Shown] = []
    for number, page in enumerate(reader.pages):
        resources = page["/Resources"].get_object()
        fonts = {key: _font(ref.get_object()) for key, ref in resources.get("/Font", {}).get_object().items()}
        current = None
        stack: list[tuple[str, int | None]] = []
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"BDC":
                properties = operands[1]
                mcid = properties.get("/MCID") if isinstance(properties, DictionaryObject) else None
                stack.append((str(operands[0])[1:], None if mcid is None else int(mcid)))
            elif operator == b"BMC":
                stack.append((str(operands[0])[1:], None))
            elif operator == b"EMC":
                stack.pop()
            elif operator == b"Tf":
                current = fonts.get(operands[0])
            elif operator in TEXT_OPERATORS:
                parts = operands[-1] if operator == b"TJ" else [operands[-1]]
                codes = b"".join(
                    bytes(getattr(p, "original_bytes", p)) for p in parts if not isinstance(p, (int, float))
                )
                text = "".join(current.chars.get(c, "?") for c in codes) if current else "?"
                tag, mcid = stack[-1] if stack else (None, None)
                found.append(Shown(number, tag, mcid, text))
        assert not stack, f"page {number + 1}: a marked-content sequence is never closed"
    return found


def texts_by_mark(data: bytes) -> dict[tuple[int, int], str]:
    """(page, MCID) -> the text drawn inside it, without spaces (lines break differently from words)."""
    marked: dict[tuple[int, int], str] = {}
    for s in shown(data):
        if s.mcid is not None:
            marked[(s.page, s.mcid)] = marked.get((s.page, s.mcid), "") + "".join(s.text.split())
    return marked


def structure(data: bytes) -> Node:
    """The structure tree; also checks that the ParentTree leads every MCID back to its element."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
        tree = pdf.Root.StructTreeRoot
        nums = tree.ParentTree.Nums
        by_key = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        parents = {}  # page -> its ParentTree array (MCID -> element)
        for number, page in enumerate(pdf.pages):
            if "/StructParents" in page.obj:
                parents[number] = by_key[int(page.obj.StructParents)]
        kids = tree.K
        top = kids[0] if isinstance(kids, pikepdf.Array) else kids
        return _node(top, pages, parents, None)


def _node(obj: pikepdf.Object, pages: dict, parents: dict, page: int | None) -> Node:
    node = Node(str(obj.S)[1:], lang=str(obj.get("/Lang", "")))
    attributes = obj.get("/A")
    if isinstance(attributes, pikepdf.Dictionary) and "/Scope" in attributes:
        node.scope = str(attributes.Scope)[1:]
    if "/Pg" in obj:
        page = pages[obj.Pg.objgen]
    kids = obj.get("/K")
    for kid in list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            node.kids.append(_node(kid, pages, parents, page))
            continue
        if isinstance(kid, pikepdf.Dictionary):  # a marked-content reference on another page
            mark = (pages[kid.Pg.objgen], int(kid.MCID))
        else:
            assert page is not None
            mark = (page, int(kid))
        node.marks.append(mark)
        assert parents[mark[0]][mark[1]].objgen == obj.objgen, f"the ParentTree misses {mark}"
    return node


def text_of(node: Node, marked: dict[tuple[int, int], str]) -> str:
    return "".join(marked.get(m, "") for n in node.walk() for m in n.marks)


def catalog(data: bytes) -> dict[str, object]:
    """What the document says about itself: language, title bar, tagged flag, XMP, fonts."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        xmp = bytes(root.Metadata.read_bytes()).decode() if "/Metadata" in root else ""
        fonts = []
        for page in pdf.pages:
            for font in page.obj.Resources.get("/Font", {}).values():
                descriptor = font.get("/FontDescriptor")
                fonts.append(
                    (
                        str(font.BaseFont),
                        descriptor is not None and "/FontFile2" in descriptor,
                        "/ToUnicode" in font,
                    )
                )
        return {
            "lang": str(root.get("/Lang", "")),
            "marked": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
            "display_title": bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)),
            "title": str(pdf.docinfo.get("/Title", "")),
            "xmp": xmp,
            "fonts": fonts,
            "tabs": [str(p.obj.get("/Tabs", "")) for p in pdf.pages],
        }
