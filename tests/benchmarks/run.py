"""Speed figures for SST Desktop, each printed beside its target.

    python tests/benchmarks/run.py            # every benchmark
    python tests/benchmarks/run.py startup    # only those whose name contains "startup"
    python tests/benchmarks/run.py --json out.json

Each ``bench_*.py`` module beside this file defines ``BENCHMARKS``: a list of ``Benchmark``.
A benchmark function returns the measured seconds (or a dict of name -> seconds for several figures).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Benchmark:
    name: str
    limit: float  # seconds (or MB when unit is "MB")
    run: Callable[[], float | dict[str, Any]]
    unit: str = "s"


@dataclass
class Figure:
    name: str
    value: float
    limit: float
    unit: str

    @property
    def ok(self) -> bool:
        return self.value <= self.limit


def best_of(repeats: int, function: Callable[[], object]) -> float:
    """The fastest of ``repeats`` runs: the least disturbed by other work on a shared machine."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def load_benchmarks() -> list[Benchmark]:
    found: list[Benchmark] = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        found.extend(module.BENCHMARKS)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="run benchmarks whose name contains any of these words")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    figures: list[Figure] = []
    for bench in load_benchmarks():
        if args.only and not any(word in bench.name for word in args.only):
            continue
        result = bench.run()
        if isinstance(result, dict):
            for name, value in result.items():
                # a figure alone, (figure, target), or (figure, target, unit) — "×" for a ratio
                parts = value if isinstance(value, tuple) else (value, bench.limit)
                unit = parts[2] if len(parts) > 2 else bench.unit
                figures.append(Figure(f"{bench.name}: {name}", parts[0], parts[1], unit))
        else:
            figures.append(Figure(bench.name, result, bench.limit, bench.unit))
        last = figures[-1]
        print(f"  measured {last.name}", file=sys.stderr, flush=True)
    width = max((len(f.name) for f in figures), default=10)
    print(f"{'figure':<{width}}  {'measured':>10}  {'target':>10}  ok")
    for f in figures:
        scale, unit = (1000, "ms") if f.unit == "s" else (1, f.unit)
        if unit == "×":
            print(f"{f.name:<{width}}  {f.value:>9.2f}×  {f.limit:>9.2f}×  {'yes' if f.ok else 'NO'}")
            continue
        print(
            f"{f.name:<{width}}  {f.value * scale:>8.1f}{unit:>2}  {f.limit * scale:>8.1f}{unit:>2}  "
            f"{'yes' if f.ok else 'NO'}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps([f.__dict__ | {"ok": f.ok} for f in figures], indent=2))
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
