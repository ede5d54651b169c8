"""Telling a monitoring report from a plan without reading it as YAML."""

from __future__ import annotations

import re
from pathlib import Path

_REPORT_KEY = re.compile(r"^report\s*:", re.MULTILINE)
_PLAN_KEY = re.compile(r"^plan\s*:", re.MULTILINE)


def is_report_file(path: Path) -> bool:
    """A monitoring report (``incas monitor``), which lives beside its plan: a top-level
    ``report:`` and no ``plan:``. Commands that walk a folder for plans leave it out."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return bool(_REPORT_KEY.search(text)) and not _PLAN_KEY.search(text)
