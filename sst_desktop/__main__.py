"""Allow ``python -m sst_desktop`` (the packaged program starts here too)."""

from sst_desktop.loading import hold_collection

hold_collection()  # until the first screen shows (see sst_desktop.loading)

from sst_desktop.cli.main import main  # noqa: E402

raise SystemExit(main())
