"""Limits of what a plan file may be, shared by both readers (no YAML library here)."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences accepted (a plan needs about six)."""
