"""``search``: find anything in the record from the command line.

    sst-desktop search "taxi marshalling" --committee SST --from 2020-01-01 --kind minute

One result per line (committee, meeting date, minute or reference, a short snippet with the matching
words in [brackets]); ``--json`` for programs. Exit 0 with results, 1 with none, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sst_desktop.cli.common import CommandError, add_database_option, date_option, open_for
from sst_desktop.services.errors import NotFoundError, ValidationError

KINDS = ("minute", "resolution", "action", "item", "report", "declaration", "person", "organisation")
BAD_INPUT = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help="find minutes, decisions, actions, agendas and reports")
    parser.add_argument("text", metavar="TEXT", help='the words to find (any order; "quotes" for a phrase)')
    parser.add_argument("--committee", metavar="NAME", help="only this committee (name, short name or id)")
    parser.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="on or after this date")
    parser.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="on or before this date")
    parser.add_argument("--kind", action="append", choices=KINDS, help="only this kind (may be repeated)")
    parser.add_argument("--full", action="store_true", help="include confidential (exempt) text")
    parser.add_argument("--best", action="store_true", help="best match first, not newest first")
    parser.add_argument("--limit", type=int, default=100, metavar="N", help="at most N results (100)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    add_database_option(parser)
    parser.set_defaults(handler=run_search)


def run_search(args: argparse.Namespace) -> int:
    from sst_desktop.services.committees import find_committee
    from sst_desktop.services.search import Kind, SearchRequest, search
    from sst_desktop.services.search_query import parse

    try:
        if not parse(args.text):
            raise CommandError("give at least one word to search for")
        if args.limit < 1:
            raise CommandError("--limit must be at least 1")
        since, until = date_option(args.since, "--from"), date_option(args.until, "--to")
        if since and until and since > until:
            raise CommandError("--from must not be after --to")
        db = open_for(args)
        try:
            committee_id = find_committee(db, args.committee).id if args.committee else None
            request = SearchRequest(
                args.text,
                committee_id=committee_id,
                date_from=since,
                date_to=until,
                kinds=frozenset(Kind(k) for k in args.kind or ()),
                confidential=args.full,
                order="best" if args.best else "newest",
                limit=args.limit,
            )
            hits = search(db, request)
        finally:
            db.dispose()
    except (CommandError, NotFoundError, ValidationError) as error:
        print(f"sst-desktop: error: {' '.join(str(error).split())}", file=sys.stderr)
        return BAD_INPUT
    if args.json:
        print(json.dumps([_as_json(h) for h in hits], ensure_ascii=False, indent=1))
    else:
        for hit in hits:
            print(_as_line(hit))
    return 0 if hits else 1


def _as_line(hit: Any) -> str:
    when = hit.dated.isoformat() if hit.dated else "—"
    mark = "CONFIDENTIAL  " if hit.confidential else ""
    committee = hit.committee or "—"
    return f"{mark}{committee}  {when}  {hit.label}  {hit.snippet.bracketed()}"


def _as_json(hit: Any) -> dict[str, Any]:
    return {
        "kind": hit.kind.value,
        "id": hit.source_id,
        "page": hit.page or None,
        "committee": hit.committee_name or None,
        "committee_short_name": hit.committee_short_name or None,
        "meeting_id": hit.meeting_id,
        "date": hit.dated.isoformat() if hit.dated else None,
        "label": hit.label,
        "snippet": hit.snippet.plain,
        "confidential": hit.confidential,
    }
