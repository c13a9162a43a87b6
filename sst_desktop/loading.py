"""Loading the program without the cycle collector walking, again and again, what it has just made.

Start-up makes some hundreds of thousands of objects (modules, the mapped models, the window) that
all live as long as the program. Python's cycle collector runs after every 700 new objects and, each
time its older generations fill, walks all of them again, finding nothing to free: about a tenth of
the time to the first screen. ``python -m sst_desktop`` (and the packaged program) therefore holds
it off from its first line (``hold_collection``) until the first screen has painted with its records,
or a command begins (``resume_collection``); collection then goes on as usual.

Only the collector's thresholds change, never ``gc.isenabled()``: the threads that pause collection
while they work (the database worker, the backup) go on doing so exactly as before.
"""

from __future__ import annotations

import gc

_held: tuple[int, int, int] | None = None


def hold_collection() -> None:
    """No automatic cycle collection until ``resume_collection``."""
    global _held
    if _held is None:
        _held = gc.get_threshold()
        gc.set_threshold(0)  # (a threshold of 0 turns automatic collection off)


def resume_collection() -> None:
    """Automatic cycle collection as it was before ``hold_collection`` (nothing if it was not held)."""
    global _held
    if _held is not None:
        gc.set_threshold(*_held)
        _held = None
