"""Telling a monitoring report from a plan: a top-level ``report:`` and no ``plan:``.

One rule, asked of a file's text (a folder scan, before anything is parsed) or of its data
(a file given by name, already read)."""

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


def is_report_data(data: object) -> bool:
    """The same rule as :func:`is_report_file`, for a file already read."""
    return isinstance(data, dict) and "report" in data and "plan" not in data
