"""Findings: what a check says about a plan, with a stable code and a place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

Loc = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"  # blocks validation (exit 3) and rendering
    WARNING = "warning"  # shown, never blocks


def format_path(loc: Sequence[str | int]) -> str:
    """``("measures", 2, "budget", 0)`` -> ``measures[2].budget[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True)
class Finding:
    """One problem found in a plan file.

    ``code`` is stable across releases (scripts rely on it); ``message`` and ``hint`` are
    Italian and may be reworded. ``line`` and ``column`` are 1-based, filled in once the
    YAML positions are known.
    """

    code: str
    severity: Severity
    loc: Loc
    message: str
    hint: str | None = None
    key: bool = False  # the finding is about the key at ``loc`` (unknown key), not its value
    file: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def path(self) -> str:
        return format_path(self.loc)

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR

    def located(self, file: str, line: int, column: int) -> Finding:
        return replace(self, file=file, line=line, column=column)

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
        }


def error(
    code: str, loc: Loc, message: str, hint: str | None = None, *, key: bool = False
) -> Finding:
    return Finding(code, Severity.ERROR, loc, message, hint, key)


def warning(code: str, loc: Loc, message: str, hint: str | None = None) -> Finding:
    return Finding(code, Severity.WARNING, loc, message, hint)
