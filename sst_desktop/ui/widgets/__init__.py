"""Reusable widgets: record table models, fields that save as they are edited, the person picker."""
