"""How search sees words: runs of letters and digits, accents and case folded.

One definition for the index and the query on both databases: SQLite's FTS5 ``unicode61`` tokenizer
with ``remove_diacritics 2`` splits and folds the same way, and on PostgreSQL the index expression
``sst_search_fold`` (migration 0006) folds accents with the table ``fold_table`` builds from this
module, then turns every run of other characters into a space.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

WORD = re.compile(r"[^\W_]+")
FTS_TABLE = "search_fts"  # the SQLite FTS5 table, reading the words of each document through BODY_VIEW
BODY_VIEW = "search_bodies"  # each document's words, read from the record (migration 0006)
PG_FOLD_FUNCTION = "sst_search_fold"


def fold(word: str) -> str:
    """``Résumé`` → ``resume``: lower case, accents removed."""
    if word.isascii():
        return word.lower()  # most words: nothing to decompose
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return [w for w in (fold(m.group()) for m in WORD.finditer(text)) for w in WORD.findall(w)]


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) for each word of ``text``, for highlighting it where it stands."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), fold(match.group())


def fold_table() -> tuple[str, str]:
    """PostgreSQL ``translate`` strings folding accented Latin letters one to one, as ``fold`` does."""
    source, target = [], []
    for code in range(0xC0, 0x250):
        char = chr(code).lower()
        folded = fold(char)
        if len(char) == 1 and len(folded) == 1 and folded != char and char not in source:
            source.append(char)
            target.append(folded)
    return "".join(source), "".join(target)


def models_only(name: str | None, kind: str, _parent: object) -> bool:
    """Alembic's comparison filter: the FTS5 table and its shadow tables are SQLite's, not models."""
    return not (
        kind == "table" and name is not None and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_"))
    )
