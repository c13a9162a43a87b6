"""The seam between the window and the record: one short function per user operation.

Widgets call these, never the services. Each operation runs its service call on the one database
worker (``worker``) and calls back on the GUI thread (``op``); a change is announced by the kinds of
thing it changed and goes on the undo stack of the window it was made in (``undo``).
"""
