"""One checked plan -> the rows of every open-data table (see :mod:`.tables`).

Only what may be published: never a stakeholder's contact (person, e-mail, phone), never
the scores that rate named organisations (power, interest, engagement). Totals come from
:class:`~incas_cli.facts.PlanFacts`, so they are the figures of the plan's own document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from incas_cli.export.tables import Row, money
from incas_cli.messages import export as msg

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.catalog.comuni import ComuniIndex
    from incas_cli.catalog.model import ComuneRecord
    from incas_cli.facts import PlanFacts
    from incas_cli.models import Plan


@dataclass(frozen=True)
class PlanIdentity:
    """Where a plan is: its stable key and its Comune as the ISTAT list has it."""

    key: str
    istat_code: str
    comune: str
    province: str | None
    region: str | None


class NoKeyError(ValueError):
    """The plan has no stable key (its reason is an Italian message)."""


def comune_record(plan: Plan, comuni: ComuniIndex) -> ComuneRecord | None:
    """The plan's Comune in the ISTAT list: by code, else by a name only one Comune has."""
    if plan.comune.istat_code:
        return comuni.by_code(plan.comune.istat_code)
    found = comuni.by_name(plan.comune.name)
    return found[0] if len(found) == 1 else None


def plan_identity(plan: Plan, comuni: ComuniIndex) -> PlanIdentity:
    """The plan's key ``ISTAT-YYYY-MM``; ``NoKeyError`` when it cannot have one."""
    record = comune_record(plan, comuni)
    code = plan.comune.istat_code or (record.istat_code if record else None)
    if code is None:
        raise NoKeyError(msg.NO_ISTAT_CODE)
    period = plan.plan.period
    if period is None or period.start is None:
        raise NoKeyError(msg.NO_PLAN_KEY)
    return PlanIdentity(
        key=f"{code}-{period.start}",
        istat_code=code,
        comune=plan.comune.name,
        province=plan.comune.province or (record.province if record else None),
        region=plan.comune.region or (record.region if record else None),
    )


def plan_rows(
    plan: Plan, facts: PlanFacts, identity: PlanIdentity, catalog: Catalog
) -> dict[str, list[Row]]:
    """Every table's rows for one plan, in the order of the plan file."""
    key = identity.key
    info = plan.plan
    adoption = info.adoption
    rows: dict[str, list[Row]] = {
        "plans": [
            (
                key,
                identity.istat_code,
                identity.comune,
                identity.province,
                identity.region,
                info.title,
                info.national_plan,
                str(info.period.start) if info.period and info.period.start else None,
                str(info.period.end) if info.period and info.period.end else None,
                facts.status,
                info.version,
                adoption.organ if adoption else None,
                adoption.number if adoption else None,
                adoption.date if adoption else None,
                info.office,
                len(plan.comune.partners),
                len(plan.stakeholders),
                len(plan.needs),
                len(plan.measures),
                money(facts.total),
                len(facts.covered_actions),
                len(facts.primary_actions),
                len(facts.covered_axes),
                facts.open_count,
            )
        ],
        "partner_comuni": [
            (
                key,
                i,
                p.istat_code,
                p.name,
                p.role,
                p.adhesion.organ if p.adhesion else None,
                p.adhesion.number if p.adhesion else None,
                p.adhesion.date if p.adhesion else None,
            )
            for i, p in enumerate(plan.comune.partners, 1)
        ],
        "organisations": [
            (
                key,
                s.id,
                s.name,
                s.type,
                _label(catalog.actor_types, s.type),
                s.level,
                s.role,
                s.commitments,
            )
            for s in plan.stakeholders
        ],
        "relations": [
            (key, i, r.from_, r.to, r.kind, r.label) for i, r in enumerate(plan.relations, 1)
        ],
        "needs": [
            (
                key,
                n.id,
                n.area,
                _label(catalog.need_areas, n.area),
                n.description,
                n.evidence,
                n.source,
                n.target_group,
                n.people,
                n.severity,
                n.urgency,
                n.priority,
            )
            for n in plan.needs
        ],
    }
    rows.update(_measure_rows(plan, facts, key, catalog))
    return rows


def _measure_rows(plan: Plan, facts: PlanFacts, key: str, catalog: Catalog) -> dict[str, list[Row]]:
    measures: list[Row] = []
    actions: list[Row] = []
    needs: list[Row] = []
    partners: list[Row] = []
    lines: list[Row] = []
    indicators: list[Row] = []
    action_axis = {a.number: a.axis for a in facts.actions}
    for m, mf in zip(plan.measures, facts.by_measure, strict=True):
        measures.append(
            (
                key,
                m.id,
                m.title,
                m.objective,
                m.primary_action,
                mf.axis,
                m.lead,
                str(m.start) if m.start else None,
                str(m.end) if m.end else None,
                ",".join(str(month) for month in sorted(m.months)) or None,
                money(mf.amount),
                len(m.budget),
                len(m.indicators),
            )
        )
        for i, number in enumerate(dict.fromkeys(m.actions)):
            role = msg.ACTION_PRIMARY if i == 0 else msg.ACTION_SECONDARY
            actions.append((key, m.id, number, role, action_axis.get(number)))
        needs += [(key, m.id, n) for n in dict.fromkeys(m.needs)]
        partners += [(key, m.id, p) for p in dict.fromkeys(m.partners)]
        for j, b in enumerate(m.budget, 1):
            source = catalog.funding_sources.get(b.source or "")
            lines.append(
                (
                    key,
                    m.id,
                    j,
                    b.year,
                    b.status,
                    b.source,
                    source.label if source is not None else b.source,
                    None if b.source is None else source is not None,
                    money(b.amount),
                    b.cup,
                    b.note,
                )
            )
        for j, ind in enumerate(m.indicators, 1):
            indicators.append(
                (
                    key,
                    m.id,
                    j,
                    ind.id,
                    ind.name,
                    ind.kind,
                    ind.unit,
                    ind.baseline,
                    ind.target,
                    ind.verification,
                )
            )
    return {
        "measures": measures,
        "measure_actions": actions,
        "measure_needs": needs,
        "measure_partners": partners,
        "budget_lines": lines,
        "indicators": indicators,
    }


def _label(items: object, key: str | None) -> str | None:
    if key is None or not isinstance(items, dict):
        return None
    item = items.get(key)
    label = getattr(item, "label", None)
    return label if isinstance(label, str) else None
