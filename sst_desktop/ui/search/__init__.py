"""Search the whole record: the search window (Ctrl+K), opening a result where it lives, and the minute
cross-reference picker that uses the same search."""
