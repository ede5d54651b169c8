"""Telling a monitoring report from a plan: a top-level ``report:`` and no ``plan:``.

One rule, asked of a file's text (a folder scan, before anything is parsed) or of its data
(a file given by name, already read)."""

from __future__ import annotations

import re
from pathlib import Path

_REPORT_KEY = re.compile(r"report\s*:")
_PLAN_KEY = re.compile(r"plan\s*:")


def is_report_file(path: Path) -> bool:
    """A monitoring report (``incas monitor``), which lives beside its plan: a top-level
    ``report:`` and no ``plan:``. Commands that walk a folder for plans leave it out.

    Read line by line, only as far as a top-level ``plan:``: a plan's first lines, so a
    folder scan does not read each plan whole before it is read to be checked."""
    report = False
    try:
        with path.open(encoding="utf-8", errors="replace") as stream:
            for line in stream:
                if _PLAN_KEY.match(line):
                    return False
                report = report or _REPORT_KEY.match(line) is not None
    except OSError:
        return False
    return report


def is_report_data(data: object) -> bool:
    """The same rule as :func:`is_report_file`, for a file already read."""
    return isinstance(data, dict) and "report" in data and "plan" not in data
