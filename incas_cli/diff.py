"""What changed between two versions of a plan, in the plan's own terms. Never prints.

``diff_plans(old, new, catalog=...)`` compares two checked plans: the plan's own data
(title, period, status, version, adoption, ...), measures matched by id and compared
field by field, stakeholders and needs added, removed or changed, the budget by funding
source and by axis of the national plan (a measure's budget goes to the axis of its
primary action, the first of ``actions``), and which national priority actions are
covered by at least one measure before and after: those figures are each version's
:class:`incas_cli.facts.PlanFacts`, the same as its document shows. Other sections
(context, governance, process, ...) are reported as changed or not, without detail.
Which fields are compared is derived from the models (:mod:`incas_cli.diff_fields`).

Changes are compared in the plan's terms, not as text: comments, key order, quoting and
the order of unordered lists (needs and partners of a measure) do not count; the order of
``actions`` does (the first is the primary one), and so does the order of measures,
stakeholders and needs (it is the order of the document).

``report(diff)`` turns a diff into titled sections of Italian tables, shared by the
terminal (``incas plan diff``) and the Word annex (``incas_cli.render.diff_docx``);
``changelog_entries`` gives the rows of the "Registro delle versioni" annex.
Personal data (the contact of a stakeholder) is never shown: only that it changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from incas_cli.formats import long_date as _date
from incas_cli.formats import money, signed_money
from incas_cli.formats import month as _month
from incas_cli.formats import number as _number
from incas_cli.messages import diff as msg

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog, NationalPlan
    from incas_cli.diff_fields import Field
    from incas_cli.document.model import Table
    from incas_cli.facts import PlanFacts
    from incas_cli.models import Measure, Need, Plan, Stakeholder
    from incas_cli.render import ChangeEntry

JSON_FORMAT_VERSION = 1
_TEXT_LIMIT = 160
_LABEL_LIMIT = 90
_CENT = Decimal("0.01")


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


# --- comparing -----------------------------------------------------------------------------


class _Lookup:
    """Names and labels from both versions and the catalogue, for the texts."""

    def __init__(self, old: Plan, new: Plan, catalog: Catalog) -> None:
        self.catalog = catalog
        self.stakeholders = {s.id: s.name for s in old.stakeholders}
        self.stakeholders.update({s.id: s.name for s in new.stakeholders})
        self.national_old = catalog.national_plan(old.plan.national_plan)
        self.national_new = catalog.national_plan(new.plan.national_plan)

    @property
    def national(self) -> NationalPlan | None:
        return self.national_new or self.national_old

    def action_label(self, number: int) -> str:
        for national in (self.national_new, self.national_old):
            action = national.action(number) if national is not None else None
            if action is not None:
                return action.label
        return msg.UNKNOWN_ACTION.format(number=number)

    def source_label(self, source: str | None) -> str:
        if source is None:
            return msg.NO_SOURCE
        found = self.catalog.funding_sources.get(source)
        return found.label if found is not None else source

    def text(self, value: Any, kind: str) -> str:
        if value is None or value == [] or value == "":
            return msg.NONE
        return _TEXTS[kind](self, value)


def _catalog_label(table: str) -> Callable[[_Lookup, Any], str]:
    def label(lookup: _Lookup, value: Any) -> str:
        found = getattr(lookup.catalog, table).get(value)
        return str(found.label) if found is not None else str(value)

    return label


def _national_label(lookup: _Lookup, value: Any) -> str:
    found = lookup.catalog.national_plan(value)
    return found.short_title if found is not None else str(value)


def _budget_line(lookup: _Lookup, line: dict[str, Any]) -> str:
    amount = money(Decimal(line["amount"])) if line.get("amount") is not None else msg.NONE
    source = lookup.source_label(line.get("source"))
    if line.get("note"):
        return msg.BUDGET_LINE_NOTE.format(amount=amount, source=source, note=line["note"])
    return msg.BUDGET_LINE.format(amount=amount, source=source)


def _indicator(_: _Lookup, ind: dict[str, Any]) -> str:
    def q(key: str) -> str:
        return _number(Decimal(ind[key])) if ind.get(key) is not None else msg.NONE

    template = msg.INDICATOR_UNIT if ind.get("unit") else msg.INDICATOR
    return template.format(
        name=ind["name"], baseline=q("baseline"), target=q("target"), unit=ind.get("unit")
    )


def _risk(_: _Lookup, risk: dict[str, Any]) -> str:
    if risk.get("mitigation"):
        return msg.RISK_MITIGATION.format(risk=risk["risk"], mitigation=risk["mitigation"])
    return msg.RISK.format(risk=risk["risk"])


def _each(one: Callable[[_Lookup, Any], str]) -> Callable[[_Lookup, Any], str]:
    def many(lookup: _Lookup, values: Any) -> str:
        return msg.ITEM_SEPARATOR.join(one(lookup, v) for v in values)

    return many


_TEXTS: dict[str, Callable[[_Lookup, Any], str]] = {
    "text": lambda _, v: _short(str(v)),
    "int": lambda _, v: _number(v),
    "month": lambda _, v: _month(v),
    "date": lambda _, v: _date(v),
    "money": lambda _, v: money(v),
    "list": lambda _, v: msg.LIST_SEPARATOR.join(map(str, v)),
    "actions": lambda _, v: msg.LIST_SEPARATOR.join(msg.ACTION_CODE.format(number=n) for n in v),
    "stakeholder": lambda lk, v: lk.stakeholders.get(v, v),
    "stakeholders": lambda lk, v: msg.LIST_SEPARATOR.join(lk.stakeholders.get(i, i) for i in v),
    "status": lambda _, v: msg.STATUSES.get(v, v),
    "organ": lambda _, v: msg.ORGANS.get(v, v),
    "national_plan": _national_label,
    "actor_type": _catalog_label("actor_types"),
    "level": _catalog_label("levels"),
    "engagement": _catalog_label("engagement_levels"),
    "need_area": _catalog_label("need_areas"),
    "private": lambda _, v: msg.PRIVATE_SET,
    "budget_lines": _each(_budget_line),
    "indicators": _each(_indicator),
    "risks": _each(_risk),
}

_LIST_KINDS = ("budget_lines", "indicators", "risks")


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(_CENT)


def _same(field: Field, old: Any, new: Any) -> bool:
    if field.unordered and isinstance(old, list) and isinstance(new, list):
        return sorted(old) == sorted(new)
    return bool(old == new)


def _field_change(field: Field, old: Any, new: Any, lookup: _Lookup) -> FieldChange:
    if field.kind == "private":
        # Never show personal data, not even in JSON: only that it changed.
        return FieldChange(
            field.name,
            None,
            None,
            msg.PRIVATE_SET if old else msg.NONE,
            msg.PRIVATE_CHANGED if new else msg.NONE,
        )
    if field.kind in _LIST_KINDS:
        # Show only the entries that differ: a changed target among five indicators
        # must be visible at a glance.
        only_old = [x for x in old if x not in new] or old
        only_new = [x for x in new if x not in old] or new
        return FieldChange(
            field.name,
            old,
            new,
            lookup.text(only_old, field.kind),
            lookup.text(only_new, field.kind),
        )
    return FieldChange(
        field.name, old, new, lookup.text(old, field.kind), lookup.text(new, field.kind)
    )


def _compare(fields: Sequence[Field], old: Any, new: Any, lookup: _Lookup) -> list[FieldChange]:
    changes = []
    for f in fields:
        a, b = f.get(old), f.get(new)
        if not _same(f, a, b):
            changes.append(_field_change(f, a, b, lookup))
    return changes


def _by_id(items: Sequence[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        out.setdefault(item.id, item)  # a duplicate id is a finding of the checks
    return out


def _collection(
    old_items: Sequence[Any],
    new_items: Sequence[Any],
    fields: Sequence[Field],
    lookup: _Lookup,
    item: Callable[[Any], Item],
) -> tuple[CollectionDiff, bool]:
    """The diff, and whether the common items changed order."""
    old_map, new_map = _by_id(old_items), _by_id(new_items)
    added = tuple(item(x) for i, x in new_map.items() if i not in old_map)
    removed = tuple(item(x) for i, x in old_map.items() if i not in new_map)
    changed = []
    for i, x in new_map.items():
        if i in old_map:
            changes = _compare(fields, old_map[i], x, lookup)
            if changes:
                changed.append(ItemChange(i, item(x).label, tuple(changes)))
    common_old = [i for i in old_map if i in new_map]
    common_new = [i for i in new_map if i in old_map]
    return CollectionDiff(added, removed, tuple(changed)), common_old != common_new


def _measure_item(m: Measure) -> Item:
    return Item(m.id, m.title, _cents(m.total_budget), tuple(m.actions))


def _stakeholder_item(s: Stakeholder) -> Item:
    return Item(s.id, s.name)


def _need_item_factory(lookup: _Lookup) -> Callable[[Need], Item]:
    def need_item(n: Need) -> Item:
        if n.description:
            return Item(n.id, _short(n.description, _LABEL_LIMIT))
        return Item(n.id, lookup.text(n.area, "need_area"))

    return need_item


# --- budget and coverage -------------------------------------------------------------------


def _budget(old: PlanFacts, new: PlanFacts, lookup: _Lookup) -> BudgetDiff:
    total = AmountRow("total", msg.TOTAL, _cents(old.total), _cents(new.total))
    src_old = {s.source: _cents(s.amount) for s in old.by_source}
    src_new = {s.source: _cents(s.amount) for s in new.by_source}
    keys = set(src_old) | set(src_new)
    zero = Decimal(0)
    sources = [
        AmountRow(k or "", lookup.source_label(k), src_old.get(k, zero), src_new.get(k, zero))
        for k in keys
    ]
    sources.sort(key=lambda r: (-max(r.old, r.new), r.label.casefold(), r.key))
    ax_old = _by_axis(old)
    ax_new = _by_axis(new)
    axes: list[AmountRow] = []
    national = lookup.national
    known = [a.id for a in national.axes] if national is not None else []
    if national is not None:
        for a in national.axes:
            label = msg.AXIS_REF.format(number=a.number, label=a.label)
            axes.append(AmountRow(a.id, label, ax_old.get(a.id, zero), ax_new.get(a.id, zero)))
    extra = sorted(k for k in set(ax_old) | set(ax_new) if k not in known and k)
    for k in extra:  # an axis only the other national plan has
        axes.append(AmountRow(k, k, ax_old.get(k, zero), ax_new.get(k, zero)))
    if ax_old.get("") or ax_new.get(""):
        axes.append(AmountRow("", msg.NO_AXIS, ax_old.get("", zero), ax_new.get("", zero)))
    return BudgetDiff(total, tuple(sources), tuple(axes))


def _by_axis(facts: PlanFacts) -> dict[str, Decimal]:
    """Axis id -> budget, measures without an axis under ``""``."""
    totals = {a.id: _cents(a.budget) for a in facts.axes}
    if facts.unassigned:
        totals[""] = _cents(facts.unassigned_budget)
    return totals


def _coverage(old: PlanFacts, new: PlanFacts, lookup: _Lookup) -> CoverageDiff:
    national = lookup.national
    if national is None:
        return CoverageDiff(())
    before, after = set(old.covered_actions), set(new.covered_actions)
    return CoverageDiff(
        tuple(
            ActionStatus(a.number, a.label, a.number in before, a.number in after)
            for a in national.actions
        )
    )


def diff_plans(old: Plan, new: Plan, *, catalog: Catalog) -> PlanDiff:
    """What changed from ``old`` to ``new`` (both structurally valid plans)."""
    from incas_cli.diff_fields import (
        MEASURE_FIELDS,
        NEED_FIELDS,
        OTHER_SECTIONS,
        PLAN_FIELDS,
        STAKEHOLDER_FIELDS,
    )
    from incas_cli.facts import plan_facts

    lookup = _Lookup(old, new, catalog)
    old_facts, new_facts = plan_facts(old, catalog), plan_facts(new, catalog)
    measures, measures_moved = _collection(
        old.measures, new.measures, MEASURE_FIELDS, lookup, _measure_item
    )
    stakeholders, stakeholders_moved = _collection(
        old.stakeholders, new.stakeholders, STAKEHOLDER_FIELDS, lookup, _stakeholder_item
    )
    needs, needs_moved = _collection(
        old.needs, new.needs, NEED_FIELDS, lookup, _need_item_factory(lookup)
    )
    sections = [s for s in OTHER_SECTIONS if getattr(old, s) != getattr(new, s)]
    for key, moved in (
        ("measures_order", measures_moved),
        ("stakeholders_order", stakeholders_moved),
        ("needs_order", needs_moved),
    ):
        if moved:
            sections.append(key)
    return PlanDiff(
        plan=tuple(_compare(PLAN_FIELDS, old, new, lookup)),
        measures=measures,
        stakeholders=stakeholders,
        needs=needs,
        budget=_budget(old_facts, new_facts, lookup),
        coverage=_coverage(old_facts, new_facts, lookup),
        sections=tuple(sections),
    )


# --- report: the same sections for the terminal and the Word annex ---------------------------


@dataclass(frozen=True)
class ReportTable:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None  # a last row, set apart
    numeric: tuple[int, ...] = ()  # columns to align right

    def block(self, *, caption: bool = True) -> Table:
        """This table as a document-model table, for the terminal's rich writer and the
        Word annex (which sets the caption apart as a heading: ``caption=False``)."""
        from incas_cli.document.model import Column, Table

        columns = tuple(
            Column(name, "right" if i in self.numeric else "left")
            for i, name in enumerate(self.columns)
        )
        shown = caption and bool(self.caption)
        return Table(self.caption, columns, self.rows, self.total, caption=shown)


@dataclass(frozen=True)
class ReportSection:
    title: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[ReportTable, ...] = ()
    bullets: tuple[str, ...] = ()  # a list after the paragraphs


_CHANGE_COLUMNS = (msg.COL_FIELD, msg.COL_BEFORE, msg.COL_AFTER)
_AMOUNT_COLUMNS = (msg.COL_BEFORE, msg.COL_AFTER, msg.COL_DELTA)


def _change_rows(changes: Sequence[FieldChange]) -> tuple[tuple[str, ...], ...]:
    return tuple((c.label, c.old_text, c.new_text) for c in changes)


def _measure_rows(items: Sequence[Item]) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (
            i.id,
            i.label,
            msg.LIST_SEPARATOR.join(msg.ACTION_CODE.format(number=n) for n in i.actions)
            or msg.NONE,
            money(i.budget) if i.budget is not None else msg.NONE,
        )
        for i in items
    )


def _item_rows(items: Sequence[Item]) -> tuple[tuple[str, ...], ...]:
    return tuple((i.id, i.label) for i in items)


def _amount_table(caption: str, first: str, rows: Sequence[AmountRow]) -> ReportTable:
    return ReportTable(
        caption,
        (first, *_AMOUNT_COLUMNS),
        tuple((r.label, money(r.old), money(r.new), signed_money(r.delta)) for r in rows),
        numeric=(1, 2, 3),
    )


def _collection_section(
    title: str,
    diff: CollectionDiff,
    added: str,
    removed: str,
    *,
    measure: bool = False,
    label_column: str = msg.COL_NAME,
) -> ReportSection | None:
    if diff.is_empty:
        return None
    tables = []
    if measure:
        columns: tuple[str, ...] = (msg.COL_ID, msg.COL_TITLE, msg.COL_ACTIONS, msg.COL_BUDGET)
        rows = _measure_rows
        numeric: tuple[int, ...] = (3,)
    else:
        columns, rows, numeric = (msg.COL_ID, label_column), _item_rows, ()
    if diff.added:
        tables.append(ReportTable(added, columns, rows(diff.added), numeric=numeric))
    if diff.removed:
        tables.append(ReportTable(removed, columns, rows(diff.removed), numeric=numeric))
    for change in diff.changed:
        label = _short(change.label, 70).rstrip(".;: ")
        caption = msg.TABLE_CHANGED_ITEM.format(id=change.id, label=label)
        tables.append(ReportTable(caption, _CHANGE_COLUMNS, _change_rows(change.changes)))
    return ReportSection(title, tables=tuple(tables))


def _budget_section(budget: BudgetDiff) -> ReportSection | None:
    if not budget.changed:
        return None
    total = budget.total
    summary = msg.BUDGET_SUMMARY.format(
        old=money(total.old), new=money(total.new), delta=signed_money(total.delta)
    )
    total_row = (msg.TOTAL, money(total.old), money(total.new), signed_money(total.delta))
    by_source = _amount_table(msg.TABLE_BY_SOURCE, msg.COL_SOURCE, budget.by_source)
    by_axis = _amount_table(msg.TABLE_BY_AXIS, msg.COL_AXIS, budget.by_axis)
    return ReportSection(
        msg.SECTION_BUDGET,
        (summary,),
        (
            ReportTable(by_source.caption, by_source.columns, by_source.rows, total_row, (1, 2, 3)),
            ReportTable(by_axis.caption, by_axis.columns, by_axis.rows, total_row, (1, 2, 3)),
        ),
    )


def _action_list(actions: Sequence[ActionStatus]) -> str:
    return msg.ITEM_SEPARATOR.join(
        msg.ACTION_REF.format(number=a.number, label=a.label) for a in actions
    )


def _coverage_section(coverage: CoverageDiff) -> ReportSection | None:
    if not coverage.total:
        return None
    paragraphs = [
        msg.COVERAGE_SUMMARY.format(
            old=coverage.old_count, new=coverage.new_count, total=coverage.total
        )
    ]
    if coverage.gained:
        paragraphs.append(msg.COVERAGE_GAINED.format(actions=_action_list(coverage.gained)))
    if coverage.lost:
        paragraphs.append(msg.COVERAGE_LOST.format(actions=_action_list(coverage.lost)))
    tables: tuple[ReportTable, ...] = ()
    if coverage.changed:
        rows = tuple(
            (
                msg.ACTION_REF.format(number=a.number, label=a.label),
                msg.YES if a.old else msg.NO,
                msg.YES if a.new else msg.NO,
                msg.MARK_GAINED
                if a.new and not a.old
                else msg.MARK_LOST
                if a.old and not a.new
                else "",
            )
            for a in coverage.actions
        )
        tables = (
            ReportTable(
                msg.TABLE_COVERAGE,
                (msg.COL_ACTION, msg.COL_BEFORE, msg.COL_AFTER, msg.COL_CHANGE),
                rows,
            ),
        )
    return ReportSection(msg.SECTION_COVERAGE, tuple(paragraphs), tables)


def report(diff: PlanDiff) -> tuple[ReportSection, ...]:
    """The diff as titled sections of Italian tables; empty when nothing changed."""
    if diff.is_empty:
        return ()
    sections: list[ReportSection | None] = []
    if diff.plan:
        table = ReportTable("", _CHANGE_COLUMNS, _change_rows(diff.plan))
        sections.append(ReportSection(msg.SECTION_PLAN, tables=(table,)))
    sections.append(
        _collection_section(
            msg.SECTION_MEASURES,
            diff.measures,
            msg.TABLE_ADDED_MEASURES,
            msg.TABLE_REMOVED_MEASURES,
            measure=True,
        )
    )
    sections.append(_budget_section(diff.budget))
    sections.append(_coverage_section(diff.coverage))
    sections.append(
        _collection_section(
            msg.SECTION_STAKEHOLDERS,
            diff.stakeholders,
            msg.TABLE_ADDED_STAKEHOLDERS,
            msg.TABLE_REMOVED_STAKEHOLDERS,
        )
    )
    sections.append(
        _collection_section(
            msg.SECTION_NEEDS,
            diff.needs,
            msg.TABLE_ADDED_NEEDS,
            msg.TABLE_REMOVED_NEEDS,
            label_column=msg.COL_DESCRIPTION,
        )
    )
    if diff.sections:
        names = tuple(msg.SECTIONS[s] for s in diff.sections)
        sections.append(ReportSection(msg.SECTION_OTHER, (msg.OTHER_INTRO,), bullets=names))
    return tuple(s for s in sections if s is not None)


# --- "Registro delle versioni" ---------------------------------------------------------------


def _few(names: Sequence[str], limit: int = 8) -> str:
    """``a, b, c`` or, for long lists, ``a, b, … e altri 12``."""
    if len(names) <= limit:
        return msg.LIST_SEPARATOR.join(names)
    shown = msg.LIST_SEPARATOR.join(names[:limit])
    return msg.AND_OTHERS.format(names=shown, count=len(names) - limit)


def change_summary(diff: PlanDiff) -> list[str]:
    """One Italian sentence per kind of change, for the "Registro delle versioni"."""
    if diff.is_empty:
        return [msg.CHANGELOG_NO_CHANGES]
    lines = []
    if diff.plan:
        fields = msg.LIST_SEPARATOR.join(c.label.lower() for c in diff.plan)
        lines.append(msg.CHANGELOG_PLAN.format(fields=fields))
    for item in diff.measures.added:
        lines.append(msg.CHANGELOG_MEASURE_ADDED.format(id=item.id, title=item.label))
    for item in diff.measures.removed:
        lines.append(msg.CHANGELOG_MEASURE_REMOVED.format(id=item.id, title=item.label))
    for change in diff.measures.changed:
        fields = msg.LIST_SEPARATOR.join(c.label.lower() for c in change.changes)
        lines.append(
            msg.CHANGELOG_MEASURE_CHANGED.format(id=change.id, title=change.label, fields=fields)
        )
    total = diff.budget.total
    if total.delta:
        lines.append(
            msg.CHANGELOG_BUDGET.format(
                old=money(total.old), new=money(total.new), delta=signed_money(total.delta)
            )
        )
    cov = diff.coverage
    if cov.changed:
        lines.append(
            msg.CHANGELOG_COVERAGE.format(old=cov.old_count, new=cov.new_count, total=cov.total)
        )
    people = diff.stakeholders
    for items, template in (
        (people.added, msg.CHANGELOG_STAKEHOLDERS_ADDED),
        (people.removed, msg.CHANGELOG_STAKEHOLDERS_REMOVED),
        (people.changed, msg.CHANGELOG_STAKEHOLDERS_CHANGED),
    ):
        if items:
            lines.append(template.format(names=_few([i.label for i in items])))
    needs = diff.needs
    for needs_items, template in (
        (needs.added, msg.CHANGELOG_NEEDS_ADDED),
        (needs.removed, msg.CHANGELOG_NEEDS_REMOVED),
        (needs.changed, msg.CHANGELOG_NEEDS_CHANGED),
    ):
        if needs_items:
            lines.append(template.format(ids=_few([i.id for i in needs_items])))
    if diff.sections:
        names = msg.LIST_SEPARATOR.join(msg.SECTIONS[s].lower() for s in diff.sections)
        lines.append(msg.CHANGELOG_SECTIONS.format(sections=names))
    return lines


def version_date(plan: Plan) -> dt.date | None:
    """The date of a version: the date its document carries (never the clock)."""
    from incas_cli.facts import plan_dates

    return plan_dates(plan).document


def changelog_entries(old: Plan, new: Plan, diff: PlanDiff) -> list[ChangeEntry]:
    """Rows of the "Registro delle versioni": the previous version, then this one."""
    from incas_cli.render import ChangeEntry

    previous = msg.CHANGELOG_PREVIOUS.format(status=msg.STATUSES[old.effective_status])
    return [
        ChangeEntry(old.plan.version, version_date(old), (previous,)),
        ChangeEntry(new.plan.version, version_date(new), tuple(change_summary(diff))),
    ]
