"""Cell values that are safe in a spreadsheet a partner will open in Excel.

- user text is always a *string* cell, never a formula, and text that Excel would read as a formula
  when the cell is edited (leading ``= + - @``) is marked quote-prefixed;
- characters Excel cannot hold (control characters, lone surrogates) are removed, not fatal;
- a cell holds at most 32,767 characters: longer text is cut *visibly*, and the caller is told.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

EXCEL_CELL_LIMIT = 32_767
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
TRUNCATION_MARK = " … [cut: the full text is in SST Desktop]"


@dataclass(frozen=True)
class CellText:
    value: str
    quote_prefix: bool
    truncated: bool


def clean_for_excel(text: str) -> str:
    """Remove characters an .xlsx file cannot store."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF and ch not in "\ufffe\uffff")


def cell_text(text: str | None) -> CellText:
    value = clean_for_excel(text or "")
    truncated = len(value) > EXCEL_CELL_LIMIT
    if truncated:
        value = value[: EXCEL_CELL_LIMIT - len(TRUNCATION_MARK)] + TRUNCATION_MARK
    return CellText(value=value, quote_prefix=value.startswith(FORMULA_PREFIXES), truncated=truncated)


def set_text(cell, text: str | None) -> CellText:  # type: ignore[no-untyped-def]
    """Put user text into an openpyxl cell (normal or write-only) as a string, never a formula."""
    safe = cell_text(text)
    cell.value = safe.value
    cell.data_type = "s"
    if safe.quote_prefix:
        cell.quotePrefix = True
    return safe
