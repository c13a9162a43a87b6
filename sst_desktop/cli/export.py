"""``sst-desktop export KIND``: each kind of document registers itself from its own module.

Modules in ``EXPORT_MODULES`` define ``register_export(kinds)`` and add a parser to ``kinds``
with ``set_defaults(handler=...)``.
"""

from __future__ import annotations

import argparse
import importlib

EXPORT_MODULES: tuple[str, ...] = (
    "sst_desktop.cli.export_agenda",
    "sst_desktop.cli.export_minutes",
    "sst_desktop.cli.export_actions",
)


def register(subparsers: argparse._SubParsersAction) -> None:
    if not EXPORT_MODULES:
        return
    export = subparsers.add_parser("export", help="write a document (agenda, pack, minutes, spreadsheets…)")
    kinds = export.add_subparsers(dest="kind", metavar="KIND", required=True)
    for name in EXPORT_MODULES:
        importlib.import_module(name).register_export(kinds)
