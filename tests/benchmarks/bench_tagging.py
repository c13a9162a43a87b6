"""Tagged PDF speed (issue 15): the minutes PDF of 20 items and the agenda, tagged, within 1.5× of the
same document untagged. Both are built alternately in one run (untagged, tagged, untagged…), so a
busy machine slows both alike; the figure is the best tagged time over the best untagged time."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.run import Benchmark  # noqa: E402

ROUNDS = 7
LIMIT = 1.5


@contextmanager
def untagged(module: Any) -> Iterator[None]:
    """``module`` builds its document as it did before tagging: a plain ``doc.build``."""
    tagged = module.build_tagged

    def plain(doc: Any, story: list, *, on_first_page: Any = None, on_later_pages: Any = None) -> None:
        pages = {"onFirstPage": on_first_page, "onLaterPages": on_later_pages}
        doc.build(story, **{k: v for k, v in pages.items() if v is not None})

    module.build_tagged = plain
    try:
        yield
    finally:
        module.build_tagged = tagged


def side_by_side(
    module: Any, build: Callable[[], object], target: float
) -> dict[str, tuple[float, float, str]]:
    """``target``: the document's own time limit (bench_minutes, bench_agenda), for both builds."""
    build()  # fonts registered, modules imported
    with untagged(module):
        build()
    best = {"untagged": float("inf"), "tagged": float("inf")}
    for _ in range(ROUNDS):
        for kind in ("untagged", "tagged"):
            start = time.perf_counter()
            if kind == "untagged":
                with untagged(module):
                    build()
            else:
                build()
            best[kind] = min(best[kind], time.perf_counter() - start)
    return {
        "untagged": (best["untagged"], target, "s"),
        "tagged": (best["tagged"], target, "s"),
        "tagged / untagged": (best["tagged"] / best["untagged"], LIMIT, "×"),
    }


def minutes() -> dict[str, tuple[float, float, str]]:
    from sst_desktop.exports import minutes_pdf
    from tests.benchmarks.bench_minutes import setup

    db, meeting_id, _ = setup()
    return side_by_side(minutes_pdf, lambda: minutes_pdf.build_minutes_pdf(db, meeting_id), 0.3)


def agenda() -> dict[str, tuple[float, float, str]]:
    from sst_desktop.exports import agenda_pdf
    from tests.benchmarks.bench_agenda import setup

    db, meeting_id = setup()
    return side_by_side(agenda_pdf, lambda: agenda_pdf.build_agenda_pdf(db, meeting_id), 0.5)


BENCHMARKS = [
    Benchmark("tagged minutes PDF (20 items)", LIMIT, minutes),
    Benchmark("tagged agenda PDF", LIMIT, agenda),
]
