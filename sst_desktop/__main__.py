"""Allow ``python -m sst_desktop``."""

from sst_desktop.cli.main import main

raise SystemExit(main())
