"""The open-data tables: one per entity, their fields, types and keys.

Every table is keyed on stable codes, never on a file name or a row number of the export:

- a plan is ``plan``: the Comune's ISTAT code and the month its period starts,
  ``004203-2025-01`` (two versions of one plan share it; a new plan of the same Comune
  starts in another month). A plan without a period start has no key and is listed apart;
- the plan's own items are ``(plan, id)``: organisations (stakeholder ids), needs and
  measures (their ids in the plan file);
- what has no id of its own is ``(plan, ..., position)``, its place in the plan file,
  counted from 1 (partner Comuni, relations, budget lines, indicators);
- links are the pair they link: ``(plan, measure, action)``, ``(plan, measure, need)``,
  ``(plan, measure, organisation)``.

Foreign keys point from each table to the table of what it names (a measure's lead to the
organisations, a budget line to its measure, ...); ``datapackage.json`` declares them all.

Types are those of the Frictionless Table Schema: ``string``, ``integer``, ``number``,
``date`` (ISO ``2024-05-10``), ``yearmonth`` (``2025-03``) and ``boolean``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from incas_cli.messages import export as msg

FieldType = Literal["string", "integer", "number", "date", "yearmonth", "boolean"]
Value = str | int | Decimal | dt.date | bool | None
Row = tuple[Value, ...]


def money(amount: Decimal | None) -> Decimal | None:
    """An amount in euro with its two decimals (``60000`` as written in a plan is
    ``60000.00``), so that a money column reads the same in every row."""
    from incas_cli.formats import cents

    return None if amount is None else cents(amount)


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType = "string"
    description: str = ""
    required: bool = False


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    name: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def title(self) -> str:
        return msg.TABLES[self.name][0] if self.name in msg.TABLES else self.name

    @property
    def description(self) -> str:
        return msg.TABLES[self.name][1] if self.name in msg.TABLES else ""

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _f(name: str, type_: FieldType = "string", *, key: str | None = None) -> Field:
    """A field described by ``messages.export.FIELDS[key or name]``."""
    return Field(name, type_, msg.FIELDS[key or name])


def _key(name: str, type_: FieldType = "string", *, key: str | None = None) -> Field:
    return Field(name, type_, msg.FIELDS[key or name], required=True)


def _to_plan() -> ForeignKey:
    return ForeignKey(("plan",), "plans", ("plan",))


def _to_measure() -> ForeignKey:
    return ForeignKey(("plan", "measure"), "measures", ("plan", "id"))


def _to_organisation(field: str) -> ForeignKey:
    return ForeignKey(("plan", field), "organisations", ("plan", "id"))


PLAN = _key("plan")

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "plans",
        (
            PLAN,
            _key("istat_code"),
            _f("comune"),
            _f("province"),
            _f("region"),
            _f("title"),
            _f("national_plan"),
            _key("period_start", "yearmonth"),
            _f("period_end", "yearmonth"),
            _f("status"),
            _f("version"),
            _f("adoption_organ"),
            _f("adoption_number"),
            _f("adoption_date", "date"),
            _f("office"),
            _f("partner_comuni", "integer"),
            _f("organisations", "integer"),
            _f("needs", "integer"),
            _f("measures", "integer"),
            _f("total_budget", "number"),
            _f("covered_actions", "integer"),
            _f("primary_actions", "integer"),
            _f("covered_axes", "integer"),
            _f("open_fields", "integer"),
        ),
        ("plan",),
    ),
    TableSpec(
        "partner_comuni",
        (
            PLAN,
            _key("position", "integer"),
            _f("istat_code"),
            _f("name"),
            _f("role"),
            _f("adhesion_organ"),
            _f("adhesion_number"),
            _f("adhesion_date", "date"),
        ),
        ("plan", "position"),
        (_to_plan(),),
    ),
    TableSpec(
        "organisations",
        (
            PLAN,
            _key("id"),
            _f("name"),
            _f("type"),
            _f("type_label"),
            _f("level"),
            _f("role"),
            _f("commitments"),
        ),
        ("plan", "id"),
        (_to_plan(),),
    ),
    TableSpec(
        "relations",
        (
            PLAN,
            _key("position", "integer"),
            _f("from"),
            _f("to"),
            _f("kind"),
            _f("label"),
        ),
        ("plan", "position"),
        (_to_plan(), _to_organisation("from"), _to_organisation("to")),
    ),
    TableSpec(
        "needs",
        (
            PLAN,
            _key("id"),
            _f("area"),
            _f("area_label"),
            _f("description"),
            _f("evidence"),
            _f("source"),
            _f("target_group"),
            _f("people", "integer"),
            _f("severity", "integer"),
            _f("urgency", "integer"),
            _f("priority", "integer"),
        ),
        ("plan", "id"),
        (_to_plan(),),
    ),
    TableSpec(
        "measures",
        (
            PLAN,
            _key("id"),
            _f("title"),
            _f("objective"),
            _f("primary_action", "integer"),
            _f("axis"),
            _f("lead"),
            _f("start", "yearmonth"),
            _f("end", "yearmonth"),
            _f("months"),
            _f("budget", "number"),
            _f("budget_lines", "integer"),
            _f("indicators", "integer"),
        ),
        ("plan", "id"),
        (_to_plan(), _to_organisation("lead")),
    ),
    TableSpec(
        "measure_actions",
        (
            PLAN,
            _key("measure"),
            _key("action", "integer"),
            _f("role", key="action_role"),
            _f("axis"),
        ),
        ("plan", "measure", "action"),
        (_to_measure(),),
    ),
    TableSpec(
        "measure_needs",
        (PLAN, _key("measure"), _key("need")),
        ("plan", "measure", "need"),
        (_to_measure(), ForeignKey(("plan", "need"), "needs", ("plan", "id"))),
    ),
    TableSpec(
        "measure_partners",
        (PLAN, _key("measure"), _key("organisation")),
        ("plan", "measure", "organisation"),
        (_to_measure(), _to_organisation("organisation")),
    ),
    TableSpec(
        "budget_lines",
        (
            PLAN,
            _key("measure"),
            _key("line", "integer"),
            _f("year", "integer"),
            _f("status", key="budget_status"),
            _f("source", key="source_id"),
            _f("source_label"),
            _f("source_known", "boolean"),
            _f("amount", "number"),
            _f("cup"),
            _f("note"),
        ),
        ("plan", "measure", "line"),
        (_to_measure(),),
    ),
    TableSpec(
        "indicators",
        (
            PLAN,
            _key("measure"),
            _key("position", "integer"),
            _f("id"),
            _f("name"),
            _f("kind", key="indicator_kind"),
            _f("unit"),
            _f("baseline", "number"),
            _f("target", "number"),
            _f("verification"),
        ),
        ("plan", "measure", "position"),
        (_to_measure(),),
    ),
)

#: Tables from monitoring reports (``incas monitor``), keyed on the plan and the month the
#: reported period starts.
MONITORING_TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "monitoring_measures",
        (
            PLAN,
            _key("report_start", "yearmonth"),
            _f("report_end", "yearmonth"),
            _key("measure"),
            _f("status", key="measure_state"),
            _f("progress", "integer"),
            _f("started", "yearmonth"),
            _f("ended", "yearmonth"),
            _f("committed", "number"),
            _f("paid", "number"),
        ),
        ("plan", "report_start", "measure"),
        (_to_measure(),),
    ),
    TableSpec(
        "monitoring_values",
        (
            PLAN,
            _key("report_start", "yearmonth"),
            _key("position", "integer"),
            _f("measure"),
            _f("indicator", key="indicator_ref"),
            _f("value", "number"),
            _f("date", "yearmonth", key="value_date"),
            _f("source"),
        ),
        ("plan", "report_start", "position"),
        (_to_measure(),),
    ),
)
TABLES = (*TABLES, *MONITORING_TABLES)

TABLE_NAMES: tuple[str, ...] = tuple(t.name for t in TABLES)


def table(name: str) -> TableSpec:
    return next(t for t in TABLES if t.name == name)
