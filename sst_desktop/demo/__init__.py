"""Demo data: Safer Sefton Together (seed 002) and the Peer Review Working Group (seeds 000/001)."""
