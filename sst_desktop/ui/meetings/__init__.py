"""Meetings and agendas: scheduling a committee's meetings, building each agenda, and its documents."""
