"""Full-text search over the record, on SQLite and PostgreSQL: every matching rule, confidentiality,
order, filters, and the index kept in step as the record changes."""

from __future__ import annotations

from datetime import date

from sst_desktop.services import agenda, attachments, minutes
from sst_desktop.services.actions import add_update, set_action_text
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.people import PersonPatch, update_person
from sst_desktop.services.search import Kind, SearchRequest, search
from sst_desktop.storage.engine import Database
from tests.search_world import build


def found(db: Database, text: str, **options: object) -> list[tuple[Kind, int]]:
    return [(h.kind, h.source_id) for h in search(db, SearchRequest(text, **options))]  # type: ignore[arg-type]


def test_every_word_must_match_in_any_order_as_prefixes(db: Database) -> None:
    record = build(db)
    forwards = found(db, "taxi marshalling", kinds=frozenset({Kind.MINUTE}))
    assert (Kind.MINUTE, record.taxi_minute) in forwards
    assert found(db, "marshalling taxi", kinds=frozenset({Kind.MINUTE})) == forwards
    # the heading of an exempt item's minute is published; its discussion is not
    assert (Kind.MINUTE, record.exempt_minute) in found(db, "homic")
    assert found(db, "homicide resident") == []
    assert found(db, "homicide resident", confidential=True) == [(Kind.MINUTE, record.exempt_minute)]
    assert found(db, "taxi zebra") == []


def test_a_quoted_phrase_matches_those_words_together(db: Database) -> None:
    record = build(db)
    phrase = found(db, '"taxi marshalling"', kinds=frozenset({Kind.MINUTE}))
    words = found(db, "taxi marshalling", kinds=frozenset({Kind.MINUTE}))
    assert (Kind.MINUTE, record.taxi_minute) in phrase
    assert len(words) == len(phrase) + 1  # "Marshalling of every taxi rank" has both words, not the phrase
    assert found(db, '"taxi marsh"') == []  # a closed phrase is exact, not a prefix


def test_accents_and_case_are_ignored(db: Database) -> None:
    build(db)
    assert found(db, "CAFE RESUME") == found(db, "café résumé") != []
    assert found(db, "zoe nunez") == found(db, "Zoë Núñez") != []


def test_newest_meeting_first_with_a_highlighted_snippet(db: Database) -> None:
    record = build(db)
    hits = search(db, SearchRequest("taxi"))
    dates = [h.dated for h in hits if h.dated is not None]
    assert dates == sorted(dates, reverse=True)
    assert (hits[0].kind, hits[0].source_id) == (Kind.MINUTE, record.december_minute)
    assert hits[0].committee == "SST"
    assert ("taxi", True) in hits[0].snippet.pieces or ("Taxi", True) in hits[0].snippet.pieces
    assert "[taxi]" in hits[0].snippet.bracketed().lower()
    june = [h for h in hits if h.dated == date(2022, 6, 22)]
    assert [h.kind for h in june][:1] == [Kind.MINUTE]  # two matches in the minute beat one elsewhere
    best = search(db, SearchRequest("taxi marshalling", order="best"))
    assert {(h.kind, h.source_id) for h in best} == {
        (h.kind, h.source_id) for h in search(db, SearchRequest("taxi marshalling"))
    }


def test_confidential_results_only_when_asked_and_marked(db: Database) -> None:
    record = build(db)
    public = search(db, SearchRequest("review", kinds=frozenset({Kind.MINUTE})))
    assert [(h.kind, h.confidential) for h in public if h.source_id == record.exempt_minute] == [
        (Kind.MINUTE, False)
    ]
    assert found(db, "safeguarding") == []
    assert found(db, "bootle resident") == []
    full = search(db, SearchRequest("bootle resident", confidential=True))
    assert [(h.kind, h.source_id, h.confidential) for h in full] == [
        (Kind.MINUTE, record.exempt_minute, True)
    ]
    assert [h.confidential for h in search(db, SearchRequest("safeguarding", confidential=True))] == [True]


def test_filters_by_committee_dates_and_kind(db: Database) -> None:
    record = build(db)
    assert {h.committee_id for h in search(db, SearchRequest("prevent", committee_id=record.prevent))} == {
        record.prevent
    }
    in_2022 = search(db, SearchRequest("taxi", date_from=date(2022, 9, 1), date_to=date(2022, 12, 8)))
    assert {h.dated for h in in_2022} == {date(2022, 9, 8), date(2022, 12, 8)}
    assert {h.kind for h in search(db, SearchRequest("taxi", kinds=frozenset({Kind.RESOLUTION})))} == {
        Kind.RESOLUTION
    }
    assert {h.kind for h in search(db, SearchRequest("licensing", kinds=frozenset({Kind.ACTION})))} == {
        Kind.ACTION
    }
    assert found(db, "   ") == []


def test_attached_report_text_is_found_at_its_page(db: Database) -> None:
    record = build(db)
    hits = search(db, SearchRequest("benchmarks"))
    assert [(h.kind, h.source_id, h.page) for h in hits] == [(Kind.REPORT, record.report, 2)]
    attachments.remove_attachment(db, record.report)
    assert found(db, "benchmarks") == []


def test_declarations_people_and_organisations_are_found(db: Database) -> None:
    record = build(db)
    assert {k for k, _ in found(db, "governor kelly")} == {Kind.DECLARATION}
    assert (Kind.PERSON, record.person) in found(db, "burnett")
    update_person(db, record.person, PersonPatch(last_name="Burnett-Jones"))
    assert (Kind.PERSON, record.person) in found(db, "jones")


def test_the_index_follows_every_edit(db: Database) -> None:
    record = build(db)
    minutes.set_text(db, record.taxi_minute, "Hackney carriage ranks were discussed.")
    assert (Kind.MINUTE, record.taxi_minute) in found(db, "hackney")
    assert (Kind.MINUTE, record.taxi_minute) not in found(db, "southport")
    set_action_text(db, record.action, "Circulate the hackney carriage figures")  # saved as typed
    assert (Kind.ACTION, record.action) in found(db, "hackney carriage")
    resolution = minutes.get_minute(db, record.taxi_minute).resolutions[0].id
    minutes.set_resolution_text(db, resolution, "That the rank pilot be extended.")
    assert (Kind.RESOLUTION, resolution) in found(db, "rank pilot")
    add_update(db, record.action, "Zebra crossing survey done", on=date(2022, 8, 1))
    assert found(db, "zebra") == [(Kind.ACTION, record.action)]
    agenda.update_item(db, record.exempt_item, AgendaItemPatch(exempt_paragraphs=""))
    assert (Kind.MINUTE, record.exempt_minute) in found(db, "bootle resident")
    minutes.delete_minute(db, record.december_minute)
    assert (Kind.MINUTE, record.december_minute) not in found(db, "evaluation")
    assert_index_matches_the_record(db)


def assert_index_matches_the_record(db: Database) -> None:
    """SQLite's FTS5 table left exactly the words of each document as it was indexed: its integrity
    check compares the index with the words the record now gives (it raises if they differ)."""
    with db.write() as session:
        if session.connection().dialect.name == "sqlite":
            session.connection().exec_driver_sql(
                "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)"
            )


def test_a_minute_can_refer_to_another_committees_earlier_minute(db: Database) -> None:
    record = build(db)
    prevent_minute = found(db, "cafe resume", kinds=frozenset({Kind.MINUTE}))[0][1]
    after = minutes.add_reference(db, record.december_minute, prevent_minute).after
    assert after is not None
    assert after.references[0].text == (
        "Further to Minute No. 1 of the meeting of the Prevent Steering Group held on 14 March 2019"
    )


def test_undoing_changes_keeps_the_index_exact(db: Database) -> None:
    """Deleting and restoring minutes, items and reports (undo), and renaming people and organisations
    whose names other documents carry, leave every document's words indexed exactly."""
    record = build(db)
    removed = minutes.delete_minute(db, record.taxi_minute)
    assert found(db, "southport") == []
    restored = minutes.restore_minute(db, removed)
    assert (Kind.MINUTE, restored.id) in found(db, "southport")
    gone = attachments.remove_attachment(db, record.report)
    assert gone.undo is not None
    gone.undo(db)
    assert [k for k, _ in found(db, "benchmarks")] == [Kind.REPORT]
    agenda.update_item(db, record.exempt_item, AgendaItemPatch(title="Domestic Homicide Review 2022"))
    update_person(db, record.person, PersonPatch(first_name="Simón"))
    assert (Kind.PERSON, record.person) in found(db, "simon burnett")
    assert_index_matches_the_record(db)


def test_a_last_word_of_one_letter_narrows_the_other_words_results(db: Database) -> None:
    build(db)
    assert found(db, "t") == []  # one letter alone waits for the next
    with_m = found(db, "taxi m")
    assert with_m and set(with_m) <= set(found(db, "taxi"))
    assert set(with_m) == set(found(db, "taxi ma")) | set(found(db, "taxi me")) | set(found(db, "taxi mo"))
    assert found(db, "taxi q") == []
