"""Widgets call operations, never services: the GUI thread must not wait on the database.

A module under ``sst_desktop/ui/`` (outside ``ui/operations/``) may take plain types and pure
helpers from the services and storage (records, patches, enums, errors, date wording) but nothing
that is given the database: reads and changes go through ``sst_desktop.ui.operations``, which runs
them on the database worker. There are no exceptions.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
from pathlib import Path

import sst_desktop

UI = Path(sst_desktop.__file__).parent / "ui"
BELOW = ("sst_desktop.services", "sst_desktop.storage")


def _given_the_database(function: object) -> bool:
    """A function that works on the database: it is handed the Database or a Session."""
    try:
        parameters = inspect.signature(function).parameters.values()  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return any(
        p.name in ("db", "database", "session")
        or any(t in str(p.annotation) for t in ("Database", "Session"))
        for p in parameters
    )


def _works_on_the_database(value: object) -> bool:
    if inspect.ismodule(value):
        return any(
            _given_the_database(f)
            for _n, f in inspect.getmembers(value, inspect.isfunction)
            if f.__module__ == value.__name__
        )
    return inspect.isfunction(value) and _given_the_database(value)


def _calls_below(path: Path) -> list[str]:
    """What ``path`` takes from the services or storage that works on the database."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith(BELOW)]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(BELOW):
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if value is None:
                    value = importlib.import_module(f"{node.module}.{alias.name}")
                if _works_on_the_database(value):
                    found.append(f"{node.module}.{alias.name}")
    return found


def _screens() -> dict[str, list[str]]:
    return {
        path.relative_to(UI).as_posix(): _calls_below(path)
        for path in sorted(UI.rglob("*.py"))
        if "operations" not in path.relative_to(UI).parts
    }


def test_widgets_call_operations_not_services() -> None:
    offenders = {name: calls for name, calls in _screens().items() if calls}
    assert offenders == {}, "call these through sst_desktop.ui.operations instead"


def _service_functions(path: Path) -> list[str]:
    """The functions (and whole modules) ``path`` takes from the services, pure or not."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("sst_desktop.services")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sst_desktop.services"):
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if value is None or inspect.ismodule(value) or inspect.isfunction(value):
                    found.append(f"{node.module}.{alias.name}")
    return found


def test_widgets_take_only_records_and_errors_from_the_services() -> None:
    """Pure rules the screens share with the services (labels, wording, dates, guesses) live in
    ``sst_desktop.domain``, below both; from the services a screen takes only what they hand out."""
    offenders = {
        path.relative_to(UI).as_posix(): found
        for path in sorted(UI.rglob("*.py"))
        if "operations" not in path.relative_to(UI).parts and (found := _service_functions(path))
    }
    assert offenders == {}, "move the pure helper to sst_desktop.domain, or call it through an operation"
