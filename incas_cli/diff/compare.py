"""Comparing two checked plans field by field: :func:`diff_plans`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from incas_cli.diff.result import (
    ActionStatus,
    AmountRow,
    BudgetDiff,
    CollectionDiff,
    CoverageDiff,
    FieldChange,
    Item,
    ItemChange,
    PlanDiff,
    _short,
)
from incas_cli.formats import long_date as _date
from incas_cli.formats import money, month_name
from incas_cli.formats import month as _month
from incas_cli.formats import number as _number
from incas_cli.messages import diff as msg
from incas_cli.messages.vocab import BUDGET_STATUSES

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog, NationalPlan
    from incas_cli.diff.fields import Field
    from incas_cli.facts import PlanFacts
    from incas_cli.models import Measure, Need, Plan, Stakeholder


_LABEL_LIMIT = 90
_CENT = Decimal("0.01")


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
        text = msg.BUDGET_LINE_NOTE.format(amount=amount, source=source, note=line["note"])
    else:
        text = msg.BUDGET_LINE.format(amount=amount, source=source)
    details = [
        *([str(line["year"])] if line.get("year") is not None else []),
        *([BUDGET_STATUSES[line["status"]].label.lower()] if line.get("status") else []),
        *([msg.BUDGET_LINE_CUP.format(cup=line["cup"])] if line.get("cup") else []),
    ]
    if details:
        text = msg.BUDGET_LINE_DETAILS.format(line=text, details=msg.LIST_SEPARATOR.join(details))
    return text


def _indicator(_: _Lookup, ind: dict[str, Any]) -> str:
    def q(key: str) -> str:
        return _number(Decimal(ind[key])) if ind.get(key) is not None else msg.NONE

    template = msg.INDICATOR_UNIT if ind.get("unit") else msg.INDICATOR
    text = template.format(
        name=ind["name"], baseline=q("baseline"), target=q("target"), unit=ind.get("unit")
    )
    return msg.INDICATOR_ID.format(id=ind["id"], indicator=text) if ind.get("id") else text


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
    "months": lambda _, v: msg.LIST_SEPARATOR.join(month_name(n) for n in sorted(v)),
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


def _section_changes(section: str, old: Any, new: Any) -> list[str]:
    """How a changed section is named: by each changed field that has a name of its own in
    the report (the v1 additions: ``context.phenomenon``, ``strategy.specific_objectives``,
    ...), and by the section's name when anything else in it changed."""
    if old is None or new is None or not hasattr(type(new), "model_fields"):
        return [section]  # absent on one side, or a list section (relations): by its name
    named: list[str] = []
    other = False
    for name in type(new).model_fields:
        if getattr(old, name) == getattr(new, name):
            continue
        key = f"{section}.{name}"
        if key in msg.SECTIONS:
            named.append(key)
        else:
            other = True
    return [*([section] if other else []), *named]


def same_comune(old: Plan, new: Plan) -> bool:
    """Both plans of one Comune: the same ISTAT code, or the same name where a code is not
    written (``plan diff`` and ``plan render --previous`` compare versions of one plan)."""
    if old.comune.istat_code and new.comune.istat_code:
        return old.comune.istat_code == new.comune.istat_code
    return old.comune.name.strip().casefold() == new.comune.name.strip().casefold()


def diff_plans(old: Plan, new: Plan, *, catalog: Catalog) -> PlanDiff:
    """What changed from ``old`` to ``new`` (both structurally valid plans)."""
    from incas_cli.diff.fields import (
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
    sections = [
        key
        for s in OTHER_SECTIONS
        if getattr(old, s) != getattr(new, s)
        for key in _section_changes(s, getattr(old, s), getattr(new, s))
    ]
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
