"""What a draft holds: its text, its stakeholders and tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from incas_cli.catalog import ComuneRecord


# --- the draft ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftStakeholder:
    id: str
    name: str
    type: str
    type_label: str
    level: str | None
    role: str | None


@dataclass(frozen=True)
class DraftTable:
    name: str
    topic: str | None
    members: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    """A draft plan ready to write: its text and what it holds."""

    comune: ComuneRecord
    text: str
    stakeholders: tuple[DraftStakeholder, ...]
    tables: tuple[DraftTable, ...]
    open_fields: int
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Steering:
    name: str
    coordinator: str
    members: tuple[str, ...]
    cadence: str | None = None
