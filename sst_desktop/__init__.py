"""SST Desktop: committee meetings, agendas, minutes and action logs for council boards."""

__version__ = "0.1.0"
