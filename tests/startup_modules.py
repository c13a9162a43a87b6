"""Start the GUI as ``python -m sst_desktop`` does, with the start-up probe on, and print the modules
loaded when the main window first painted with its records (one name a line, after the probe's line).

    python -m tests.startup_modules --database FILE
"""

from __future__ import annotations

import os
import sys

from sst_desktop.cli.main import main
from sst_desktop.ui import app


def _report_with_modules(self: app._FirstPaint) -> None:
    loaded = sorted(sys.modules)
    _report(self)
    print("\n".join(loaded), flush=True)


if __name__ == "__main__":
    os.environ[app.PROBE_ENV] = "1"
    _report = app._FirstPaint._report
    app._FirstPaint._report = _report_with_modules  # type: ignore[method-assign]
    raise SystemExit(main(sys.argv[1:]))
