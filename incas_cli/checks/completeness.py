"""Open fields: what a draft still lacks before it can be adopted.

One list serves ``plan status`` (counts and places) and ``--final`` (each open field is
then an error), so the two can never disagree.

Of the v1 additions, adoption requires what a resolution cannot do without and every
Comune can write: the analysis of the phenomenon (the first thing a Prefettura and the
Giunta read; a small Comune without local figures can still describe it), the general
objective and at least one specific objective (the national plan's own structure: the
measures are judged against them), and who in the Comune is responsible for carrying the
plan out. Not required: figures (``context.data``; none may exist locally, and an
unsourced number is worse than none), the gender perspective, the offices and the
reporting line (a small Comune may have one office), partner Comuni's roles, each
measure's sustainability and its budget lines' year, status and CUP: they are shown when
written and checked for consistency by the rules (``checks/content.py``), never demanded.
A plan already adopted without them stays valid (``checks.check_plan``).
"""

from __future__ import annotations

from dataclasses import dataclass

from incas_cli.checks.findings import Loc, format_path
from incas_cli.messages import checks as msg
from incas_cli.models import Plan
from incas_cli.models.vocab import PLAN_SECTIONS

SECTIONS: tuple[str, ...] = tuple(
    part for part in PLAN_SECTIONS if part not in ("relations", "process")
)
"""The parts of the plan that can have open fields (relations and process never do)."""


@dataclass(frozen=True)
class OpenField:
    loc: Loc  # where the value should go (the field itself, may not exist in the file)
    kind: str  # key into messages.checks.OPEN_LABELS

    @property
    def section(self) -> str:
        return str(self.loc[0])

    @property
    def label(self) -> str:
        return msg.OPEN_LABELS.get(self.kind, self.kind)

    @property
    def path(self) -> str:
        return format_path(self.loc)


def open_fields(plan: Plan) -> list[OpenField]:
    out: list[OpenField] = []

    def need(value: object, loc: Loc, kind: str) -> None:
        if value is None or value == [] or value == "":
            out.append(OpenField(loc, kind))

    info = plan.plan
    if info.period is None:
        out.append(OpenField(("plan", "period"), "plan.period"))
    else:
        need(info.period.start, ("plan", "period", "start"), "plan.period.start")
        need(info.period.end, ("plan", "period", "end"), "plan.period.end")
    need(info.status, ("plan", "status"), "plan.status")
    need(info.version, ("plan", "version"), "plan.version")
    need(info.office, ("plan", "office"), "plan.office")

    c = plan.comune
    need(c.istat_code, ("comune", "istat_code"), "comune.istat_code")
    need(c.province, ("comune", "province"), "comune.province")
    need(c.region, ("comune", "region"), "comune.region")

    ctx = plan.context
    if ctx is None:
        out.append(OpenField(("context",), "context"))
    else:
        need(ctx.description, ("context", "description"), "context.description")
        need(ctx.crops, ("context", "crops"), "context.crops")
        need(ctx.workforce, ("context", "workforce"), "context.workforce")
        need(ctx.phenomenon, ("context", "phenomenon"), "context.phenomenon")
        for i, point in enumerate(ctx.data):
            need(point.value, ("context", "data", i, "value"), "data.value")

    need(plan.stakeholders, ("stakeholders",), "stakeholders")
    for i, s in enumerate(plan.stakeholders):
        if s.draft:
            out.append(OpenField(("stakeholders", i, "draft"), "stakeholder.draft"))
        need(s.type, ("stakeholders", i, "type"), "stakeholder.type")
        need(s.role, ("stakeholders", i, "role"), "stakeholder.role")
        need(s.power, ("stakeholders", i, "power"), "stakeholder.power")
        need(s.interest, ("stakeholders", i, "interest"), "stakeholder.interest")
        need(s.engagement, ("stakeholders", i, "engagement"), "stakeholder.engagement")

    if plan.governance is None:
        out.append(OpenField(("governance",), "governance"))
    else:
        need(
            plan.governance.steering_body,
            ("governance", "steering_body"),
            "governance.steering_body",
        )

    org = plan.organization
    need(org.manager if org else None, ("organization", "manager"), "organization.manager")

    need(plan.needs, ("needs",), "needs")
    for i, n in enumerate(plan.needs):
        if n.draft:
            out.append(OpenField(("needs", i, "draft"), "need.draft"))
        need(n.area, ("needs", i, "area"), "need.area")
        need(n.description, ("needs", i, "description"), "need.description")
        need(n.severity, ("needs", i, "severity"), "need.severity")
        need(n.urgency, ("needs", i, "urgency"), "need.urgency")

    strategy = plan.strategy
    need(
        strategy.general_objective if strategy else None,
        ("strategy", "general_objective"),
        "strategy.general_objective",
    )
    need(
        strategy.specific_objectives if strategy else None,
        ("strategy", "specific_objectives"),
        "strategy.specific_objectives",
    )

    need(plan.measures, ("measures",), "measures")
    for i, m in enumerate(plan.measures):
        if m.draft:
            out.append(OpenField(("measures", i, "draft"), "measure.draft"))
        need(m.description, ("measures", i, "description"), "measure.description")
        need(m.objective, ("measures", i, "objective"), "measure.objective")
        need(m.actions, ("measures", i, "actions"), "measure.actions")
        need(m.needs, ("measures", i, "needs"), "measure.needs")
        need(m.lead, ("measures", i, "lead"), "measure.lead")
        need(m.start, ("measures", i, "start"), "measure.start")
        need(m.end, ("measures", i, "end"), "measure.end")
        need(m.budget, ("measures", i, "budget"), "measure.budget")
        need(m.indicators, ("measures", i, "indicators"), "measure.indicators")
        for j, line in enumerate(m.budget):
            need(line.amount, ("measures", i, "budget", j, "amount"), "budget.amount")
            need(line.source, ("measures", i, "budget", j, "source"), "budget.source")
        for j, ind in enumerate(m.indicators):
            need(ind.kind, ("measures", i, "indicators", j, "kind"), "indicator.kind")
            need(ind.target, ("measures", i, "indicators", j, "target"), "indicator.target")

    if plan.monitoring is None:
        out.append(OpenField(("monitoring",), "monitoring"))
    else:
        need(plan.monitoring.reviews, ("monitoring", "reviews"), "monitoring.reviews")
        need(plan.monitoring.reporting, ("monitoring", "reporting"), "monitoring.reporting")
    return out
