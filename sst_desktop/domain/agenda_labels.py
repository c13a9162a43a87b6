"""How agenda items are labelled: "1.", "(A)" or nothing, as the agenda prints them and other pages
refer to them. Pure, so the screens, the documents and the services label items the same way."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sst_desktop.domain.enums import ItemNumbering


class Numbered(Protocol):
    """An agenda item as far as its label goes."""

    @property
    def id(self) -> int: ...

    @property
    def numbering(self) -> ItemNumbering: ...


def item_labels(items: Sequence[Numbered]) -> dict[int, str]:
    """What each item is printed as, in order: "1", "2" for numbered items (unnumbered ones do not
    count), "(A)", "(B)" for lettered items under the numbered item before them, "" for the rest."""
    labels: dict[int, str] = {}
    number = letter = 0
    for item in items:
        if item.numbering == ItemNumbering.NUMBER:
            number, letter = number + 1, 0
            labels[item.id] = str(number)
        elif item.numbering == ItemNumbering.LETTER:
            letter += 1
            labels[item.id] = f"({letter_label(letter)})"
        else:
            labels[item.id] = ""
    return labels


def item_references(items: Sequence[Numbered]) -> dict[int, str]:
    """How other pages refer to each item: "3", "A" (the printed label without its brackets, as in
    "Agenda Item A"), "" for an unnumbered item, which is known by its title alone."""
    return {item_id: label.strip("()") for item_id, label in item_labels(items).items()}


def printed_label(label: str) -> str:
    """The label as it hangs before the title: "1." for a number, "(A)" as it is, "" for none."""
    return f"{label}." if label.isdigit() else label


def item_name(reference: str, title: str) -> str:
    """ "Item 3" or "Item A"; an unnumbered item is named by its title."""
    return f"Item {reference}" if reference else title


def letter_label(index: int) -> str:
    """1 → "A", 26 → "Z", 27 → "AA"."""
    text = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text
