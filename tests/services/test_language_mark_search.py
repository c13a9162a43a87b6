"""Search finds the words of a passage marked as another language and shows them without the marker."""

from __future__ import annotations

from pathlib import Path

from sst_desktop.services import minutes
from sst_desktop.services.search import SearchRequest, search
from tests.minutes_data import SeedCache


def test_search_snippet_shows_marked_words_without_markers(tmp_path: Path) -> None:
    db, seed = SeedCache(tmp_path).copy(tmp_path / "search.db")
    minutes.set_text(db, seed.minute_ids[3], "The Chair said ⟦cy|Croeso i bawb⟧ to the Gwynedd partners.")
    minutes.add_resolution(db, seed.minute_ids[3], "the ⟦pl|Zażółć⟧ leaflet be published")
    hits = search(db, SearchRequest(text="croeso"))
    assert [
        h.snippet.plain.endswith("The Chair said Croeso i bawb to the Gwynedd partners.") for h in hits
    ] == [True]
    resolution = search(db, SearchRequest(text="Zażółć"))
    assert resolution and all("Zażółć leaflet" in h.snippet.plain for h in resolution)
    assert not any("⟦" in h.snippet.plain or "|" in h.snippet.plain for h in hits + resolution)
    db.dispose()
