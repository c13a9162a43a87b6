"""Start the GUI as ``python -m sst_desktop`` does, with the start-up probe on, and report what was
loaded when the main window first painted with its records.

    python -m tests.startup_modules --database FILE

prints the probe's ``first-paint`` line, then ``collector <thresholds>`` as they were at that moment,
then ``models configured <True|False>`` (whether SQLAlchemy had resolved the models' relationships
by then), then the modules loaded (one name a line), and last, after the program ends, ``collector
<thresholds>`` again.
"""

from __future__ import annotations

import gc
import os
import sys

from sst_desktop.loading import hold_collection

hold_collection()  # as sst_desktop/__main__.py does

from sst_desktop.cli.main import main  # noqa: E402
from sst_desktop.ui import app  # noqa: E402

_report = app._report_first_paint


def _report_with_modules() -> None:
    loaded = sorted(sys.modules)
    from sst_desktop.domain.base import Base

    configured = all(mapper.configured for mapper in Base.registry.mappers)
    _report()
    print(f"collector {gc.get_threshold()}", flush=True)
    print(f"models configured {configured}", flush=True)
    print("\n".join(loaded), flush=True)


if __name__ == "__main__":
    os.environ[app.PROBE_ENV] = "1"
    app._report_first_paint = _report_with_modules
    status = main(sys.argv[1:])
    print(f"collector {gc.get_threshold()}", flush=True)
    raise SystemExit(status)
