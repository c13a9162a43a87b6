"""The ``sst-desktop`` command: the GUI by default, subcommands for documents and maintenance.

Each subcommand lives in its own module under ``sst_desktop.cli`` and registers itself through
``register(subparsers)``; add new ones to ``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from sst_desktop import __version__
from sst_desktop.cli.common import add_database_option, run_handler
from sst_desktop.loading import resume_collection

COMMAND_MODULES = (
    "sst_desktop.cli.maintenance",
    "sst_desktop.cli.export",
    "sst_desktop.cli.backup",
    "sst_desktop.cli.import_actions",
    "sst_desktop.cli.search",
    "sst_desktop.cli.publish",
    "sst_desktop.cli.style",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sst-desktop",
        description="SST Desktop: committee meetings, agendas, minutes and action logs.",
    )
    parser.add_argument("--version", action="version", version=f"SST Desktop {__version__}")
    add_database_option(parser, top_level=True)
    parser.add_argument("--demo", action="store_true", help="open the GUI on a fresh copy of the demo data")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


class _NotJustTheGui(Exception):
    pass


class _GuiParser(argparse.ArgumentParser):
    """The GUI's own options, read without importing every command's module (start-up is faster);
    anything else is left to the full parser, which knows the commands and gives the usage."""

    def __init__(self) -> None:
        super().__init__(prog="sst-desktop", add_help=False, exit_on_error=False)
        add_database_option(self, top_level=True)
        self.add_argument("--demo", action="store_true")

    def error(self, message: str) -> NoReturn:
        raise _NotJustTheGui(message)


def _gui_arguments(arguments: list[str]) -> argparse.Namespace | None:
    """The arguments when they only start the GUI (no command, no help, nothing unknown), else None."""
    try:
        args, rest = _GuiParser().parse_known_args(arguments)
    except (argparse.ArgumentError, _NotJustTheGui):
        return None
    return None if rest else args


def _all_arguments(arguments: list[str]) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.demo and getattr(args, "handler", None) is not None:
        parser.error("--demo opens the GUI; it does not go with a subcommand")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _gui_arguments(arguments) or _all_arguments(arguments)
    handler = getattr(args, "handler", None)
    if handler is None:
        from sst_desktop.ui.app import run_gui  # Qt is imported only when the GUI is wanted

        return run_gui(database=args.database, demo=args.demo)
    resume_collection()  # (held while the program loaded, see sst_desktop.loading)
    return run_handler(handler, args)
