"""What ``plan diff`` found: frozen dataclasses, and their JSON form."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from incas_cli.messages import diff as msg

JSON_FORMAT_VERSION = 1
_TEXT_LIMIT = 160


# --- the result ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """One field that differs: machine values (for JSON) and Italian texts (for people)."""

    field: str
    old: Any
    new: Any
    old_text: str
    new_text: str

    @property
    def label(self) -> str:
        return msg.FIELDS.get(self.field, self.field)

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "old": _jsonable(self.old), "new": _jsonable(self.new)}


@dataclass(frozen=True)
class Item:
    """An added or removed measure, stakeholder or need."""

    id: str
    label: str
    budget: Decimal | None = None  # measures only
    actions: tuple[int, ...] = ()  # measures only

    def to_json(self, *, measure: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "label": self.label}
        if measure:
            out["budget"] = _jsonable(self.budget)
            out["actions"] = list(self.actions)
        return out


@dataclass(frozen=True)
class ItemChange:
    """A measure, stakeholder or need present in both versions, with what changed."""

    id: str
    label: str
    changes: tuple[FieldChange, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "changes": [c.to_json() for c in self.changes],
        }


@dataclass(frozen=True)
class CollectionDiff:
    added: tuple[Item, ...] = ()
    removed: tuple[Item, ...] = ()
    changed: tuple[ItemChange, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def to_json(self, *, measure: bool = False) -> dict[str, Any]:
        return {
            "added": [i.to_json(measure=measure) for i in self.added],
            "removed": [i.to_json(measure=measure) for i in self.removed],
            "changed": [c.to_json() for c in self.changed],
        }


@dataclass(frozen=True)
class AmountRow:
    """An amount before and after (a funding source, an axis, the total)."""

    key: str
    label: str
    old: Decimal
    new: Decimal

    @property
    def delta(self) -> Decimal:
        return self.new - self.old

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "old": _jsonable(self.old),
            "new": _jsonable(self.new),
            "delta": _jsonable(self.delta),
        }


@dataclass(frozen=True)
class BudgetDiff:
    total: AmountRow
    by_source: tuple[AmountRow, ...]
    by_axis: tuple[AmountRow, ...]

    @property
    def changed(self) -> bool:
        rows = (self.total, *self.by_source, *self.by_axis)
        return any(r.delta != 0 for r in rows)

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total.to_json(),
            "by_source": [r.to_json() for r in self.by_source],
            "by_axis": [r.to_json() for r in self.by_axis],
        }


@dataclass(frozen=True)
class ActionStatus:
    """A national priority action: covered by some measure before, after."""

    number: int
    label: str
    old: bool
    new: bool


@dataclass(frozen=True)
class CoverageDiff:
    actions: tuple[ActionStatus, ...]

    @property
    def total(self) -> int:
        return len(self.actions)

    @property
    def old_count(self) -> int:
        return sum(a.old for a in self.actions)

    @property
    def new_count(self) -> int:
        return sum(a.new for a in self.actions)

    @property
    def gained(self) -> tuple[ActionStatus, ...]:
        return tuple(a for a in self.actions if a.new and not a.old)

    @property
    def lost(self) -> tuple[ActionStatus, ...]:
        return tuple(a for a in self.actions if a.old and not a.new)

    @property
    def changed(self) -> bool:
        return bool(self.gained or self.lost)

    def to_json(self) -> dict[str, Any]:
        def ref(a: ActionStatus) -> dict[str, Any]:
            return {"number": a.number, "label": a.label}

        return {
            "total": self.total,
            "old": [a.number for a in self.actions if a.old],
            "new": [a.number for a in self.actions if a.new],
            "gained": [ref(a) for a in self.gained],
            "lost": [ref(a) for a in self.lost],
        }


@dataclass(frozen=True)
class PlanDiff:
    """Everything that changed from ``old`` to ``new``."""

    plan: tuple[FieldChange, ...]
    measures: CollectionDiff
    stakeholders: CollectionDiff
    needs: CollectionDiff
    budget: BudgetDiff
    coverage: CoverageDiff
    sections: tuple[str, ...]  # keys of msg.SECTIONS: other parts that changed

    @property
    def is_empty(self) -> bool:
        # Budget and coverage follow from the measures: no separate test needed.
        return (
            not self.plan
            and not self.sections
            and all(c.is_empty for c in (self.measures, self.stakeholders, self.needs))
        )

    def to_json(self) -> dict[str, Any]:
        """Machine-readable form (amounts as strings, dates ISO); schema pinned by tests."""
        return {
            "format": JSON_FORMAT_VERSION,
            "empty": self.is_empty,
            "plan": [c.to_json() for c in self.plan],
            "measures": self.measures.to_json(measure=True),
            "stakeholders": self.stakeholders.to_json(),
            "needs": self.needs.to_json(),
            "budget": self.budget.to_json(),
            "coverage": self.coverage.to_json(),
            "sections": list(self.sections),
        }


# --- short texts and JSON values -----------------------------------------------------------


def _short(text: str, limit: int = _TEXT_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + msg.TRUNCATED


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value
