"""Which fields ``plan diff`` compares, derived from the plan models.

Every field of the models that ``plan diff`` looks into is compared, unless it is in the
explicit skip list of its model with a reason; a nested model (``plan.period``) is
compared field by field under a dotted name (``period.start``). How a field is compared
and shown (its *kind*: text, month, a stakeholder reference, a vocabulary...) follows
from its type, or is stated below where the type alone does not say it (``lead`` is a
stakeholder id, ``actions`` national action numbers). A field of a type with no known
kind raises ``TypeError`` when the fields are derived, so a new field cannot slip into
the diff unnoticed, nor out of it: a test checks that every field is compared or skipped
and has an Italian label.

The top-level parts of a plan are likewise each assigned a role: the plan's own data,
a collection matched by id (measures, stakeholders, needs), or a section reported as
changed or not (context, governance, ...).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel

from incas_cli.models import Measure, Need, Plan, PlanInfo, Stakeholder, YearMonth, vocab

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Field:
    """One compared field: its name in the diff, how to read it, how to show it."""

    name: str
    get: Callable[[Any], Any]
    kind: str
    unordered: bool = False


def _dump_list(items: Sequence[BaseModel]) -> list[dict[str, Any]]:
    return [i.model_dump(mode="json", by_alias=True, exclude_none=True) for i in items]


def _dump_budget(lines: Sequence[BaseModel]) -> list[dict[str, Any]]:
    dumped = _dump_list(lines)
    for line in dumped:
        if line.get("amount") is not None:
            line["amount"] = str(Decimal(line["amount"]).quantize(_CENT))
    return dumped


def _private(value: BaseModel | None) -> dict[str, Any] | None:
    return value.model_dump(exclude_none=True) if value is not None else None


_VALUES: dict[str, Callable[[Any], Any]] = {
    "list": list,
    "actions": list,
    "months": list,
    "stakeholders": list,
    "indicators": _dump_list,
    "risks": _dump_list,
    "private": _private,
}
"""How a kind reads a field's value for comparing (the value itself by default)."""

_VOCABULARY_KINDS: dict[Any, str] = {
    vocab.PlanStatus: "status",
    vocab.AdoptionOrgan: "organ",
    vocab.Level: "level",
    vocab.Engagement: "engagement",
}
"""Fields whose type is a vocabulary: shown with the vocabulary's (or catalogue's) label."""


@dataclass(frozen=True)
class Spec:
    """What ``plan diff`` does with the fields of one model."""

    model: type[BaseModel]
    skip: Mapping[str, str]
    """Fields not compared, each with the reason."""
    kinds: Mapping[str, str]
    """Kinds that the type alone does not tell."""
    unordered: frozenset[str] = frozenset()
    """List fields whose order does not count."""
    expand: Mapping[str, tuple[Field, ...]] = field(default_factory=dict)
    """Fields compared as several derived values (a measure's budget: total and lines)."""


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(_CENT)


PLAN_INFO = Spec(
    PlanInfo,
    skip={},
    kinds={"national_plan": "national_plan"},
)
MEASURE = Spec(
    Measure,
    skip={
        "id": "the key that matches a measure across versions",
        "draft": "the wizard's bookkeeping of a half-done item, not the plan's content",
    },
    kinds={
        "actions": "actions",
        "needs": "list",
        "lead": "stakeholder",
        "partners": "stakeholders",
        "indicators": "indicators",
        "risks": "risks",
        "specific_objectives": "list",
        "months": "months",
    },
    unordered=frozenset({"needs", "partners", "specific_objectives", "months"}),
    expand={
        "budget": (
            Field("budget", lambda m: _cents(m.total_budget), "money"),
            Field("budget_lines", lambda m: _dump_budget(m.budget), "budget_lines"),
        )
    },
)
STAKEHOLDER = Spec(
    Stakeholder,
    skip={
        "id": "the key that matches a stakeholder across versions",
        "draft": "the wizard's bookkeeping of a half-done item, not the plan's content",
    },
    kinds={"type": "actor_type", "contact": "private"},
)
NEED = Spec(
    Need,
    skip={
        "id": "the key that matches a need across versions",
        "draft": "the wizard's bookkeeping of a half-done item, not the plan's content",
    },
    kinds={"area": "need_area"},
)

PlanRole = Literal["skip", "plan", "collection", "section"]

PLAN_PARTS: dict[str, PlanRole] = {
    "schema_version": "skip",
    "plan": "plan",
    "comune": "section",
    "context": "section",
    "stakeholders": "collection",
    "relations": "section",
    "governance": "section",
    "organization": "section",
    "needs": "collection",
    "strategy": "section",
    "measures": "collection",
    "monitoring": "section",
    "process": "section",
}
"""The role of each top-level field of :class:`Plan` in the diff."""


def _unwrap(annotation: Any) -> Any:
    """``X | None`` -> ``X``; ``Annotated[X, ...]`` -> ``X``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _inferred_kind(annotation: Any) -> str:
    """The kind that a field's type tells; ``TypeError`` when it tells none."""
    if annotation in _VOCABULARY_KINDS:
        return _VOCABULARY_KINDS[annotation]
    if isinstance(annotation, type):
        if issubclass(annotation, YearMonth):
            return "month"
        if issubclass(annotation, dt.date):
            return "date"
        if issubclass(annotation, bool):
            raise TypeError("a yes/no field has no kind in plan diff")
        if issubclass(annotation, int):
            return "int"
        if issubclass(annotation, str):
            return "text"
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        if _unwrap(item) is str or _unwrap(item) is YearMonth:
            return "list"
    raise TypeError(f"plan diff does not know how to compare a field of type {annotation!r}")


def _path_getter(path: tuple[str, ...], read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def get(item: Any) -> Any:
        value = item
        for name in path:
            if value is None:  # a nested model left open: all its fields are open
                return None
            value = getattr(value, name)
        return read(value)

    return get


def fields_of(spec: Spec, base: tuple[str, ...] = (), prefix: str = "") -> tuple[Field, ...]:
    """The compared fields of ``spec.model``, in the model's order (reached via ``base``)."""
    out: list[Field] = []
    for name, info in spec.model.model_fields.items():
        if name in spec.skip:
            continue
        if name in spec.expand:
            out.extend(spec.expand[name])
            continue
        key = info.alias or name
        annotation = _unwrap(info.annotation)
        if name not in spec.kinds and _is_model(annotation):
            nested = Spec(annotation, skip={}, kinds={})
            out.extend(fields_of(nested, (*base, name), f"{prefix}{key}."))
            continue
        kind = spec.kinds.get(name) or _inferred_kind(annotation)
        out.append(
            Field(
                f"{prefix}{key}",
                _path_getter((*base, name), _VALUES.get(kind, _identity)),
                kind,
                unordered=name in spec.unordered,
            )
        )
    return tuple(out)


def _identity(value: Any) -> Any:
    return value


PLAN_FIELDS = fields_of(PLAN_INFO, ("plan",))
MEASURE_FIELDS = fields_of(MEASURE)
STAKEHOLDER_FIELDS = fields_of(STAKEHOLDER)
NEED_FIELDS = fields_of(NEED)
OTHER_SECTIONS = tuple(
    part for part in Plan.model_fields if PLAN_PARTS.get(part, "section") == "section"
)
"""Parts of the plan reported as changed or not, without detail (a part not yet given a
role is one of them, so that its changes are never silently left out)."""
