"""Cross-field rules: references, periods, coverage, the ISTAT list, adoption.

Each rule is a function of a ``RuleContext`` yielding findings; rules never raise for
user data. Severities that depend on ``--final`` are decided here, in one place.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from incas_cli import formats
from incas_cli.catalog import Catalog, ComuniIndex, NationalPlan
from incas_cli.checks.findings import Finding, Loc, Severity, error, warning
from incas_cli.checks.places import comune_in_istat_list, fold
from incas_cli.checks.process import meetings_have_participants, process_recorded
from incas_cli.checks.structure import suggest
from incas_cli.messages import checks as msg
from incas_cli.models import Plan, YearMonth


@dataclass(frozen=True)
class RuleContext:
    plan: Plan
    catalog: Catalog
    comuni: ComuniIndex
    final: bool
    """Checked as ``--final`` asks (the option, or a final status)."""
    today: dt.date
    """The day no resolution can be dated after (injected: never the clock in tests)."""

    @property
    def national_plan(self) -> NationalPlan | None:
        return self.catalog.national_plan(self.plan.plan.national_plan)

    @property
    def stakeholder_ids(self) -> list[str]:
        return [s.id for s in self.plan.stakeholders]

    @property
    def need_ids(self) -> list[str]:
        return [n.id for n in self.plan.needs]


Rule = Callable[[RuleContext], Iterable[Finding]]


def national_plan_known(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.national_plan is None:
        yield error(
            "UNKNOWN_NATIONAL_PLAN",
            ("plan", "national_plan"),
            msg.UNKNOWN_NATIONAL_PLAN.format(value=ctx.plan.plan.national_plan),
            msg.UNKNOWN_NATIONAL_PLAN_HINT.format(known=", ".join(ctx.catalog.national_plans)),
        )


def unique_ids(ctx: RuleContext) -> Iterator[Finding]:
    sections: list[tuple[str, list[str]]] = [
        ("stakeholders", ctx.stakeholder_ids),
        ("needs", ctx.need_ids),
        ("measures", [m.id for m in ctx.plan.measures]),
    ]
    for section, ids in sections:
        first: dict[str, int] = {}
        for index, item_id in enumerate(ids):
            if item_id in first:
                yield error(
                    "DUPLICATE_ID",
                    (section, index, "id"),
                    msg.DUPLICATE_ID.format(id=item_id, first=f"{section}[{first[item_id]}]"),
                    msg.DUPLICATE_ID_HINT,
                )
            else:
                first[item_id] = index


def _stakeholder_ref(ctx: RuleContext, ref: str, loc: Loc) -> Iterator[Finding]:
    if ref in ctx.stakeholder_ids:
        return
    close = suggest(ref, ctx.stakeholder_ids)
    hint = (
        msg.UNKNOWN_STAKEHOLDER_HINT_SUGGEST.format(suggestion=close)
        if close
        else msg.UNKNOWN_STAKEHOLDER_HINT.format(id=ref)
    )
    yield error("UNKNOWN_STAKEHOLDER", loc, msg.UNKNOWN_STAKEHOLDER.format(id=ref), hint)


def stakeholder_references(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    for i, rel in enumerate(plan.relations):
        yield from _stakeholder_ref(ctx, rel.from_, ("relations", i, "from"))
        yield from _stakeholder_ref(ctx, rel.to, ("relations", i, "to"))
    gov = plan.governance
    if gov is not None:
        body = gov.steering_body
        if body is not None:
            if body.coordinator is not None:
                yield from _stakeholder_ref(
                    ctx, body.coordinator, ("governance", "steering_body", "coordinator")
                )
            for j, member in enumerate(body.members):
                yield from _stakeholder_ref(
                    ctx, member, ("governance", "steering_body", "members", j)
                )
        for i, table in enumerate(gov.tables):
            for j, member in enumerate(table.members):
                yield from _stakeholder_ref(ctx, member, ("governance", "tables", i, "members", j))
    for i, measure in enumerate(plan.measures):
        if measure.lead is not None:
            yield from _stakeholder_ref(ctx, measure.lead, ("measures", i, "lead"))
        for j, partner in enumerate(measure.partners):
            yield from _stakeholder_ref(ctx, partner, ("measures", i, "partners", j))
    if plan.process is not None:
        for i, meeting in enumerate(plan.process.meetings):
            for j, who in enumerate(meeting.participants):
                yield from _stakeholder_ref(ctx, who, ("process", "meetings", i, "participants", j))


def need_references(ctx: RuleContext) -> Iterator[Finding]:
    for i, measure in enumerate(ctx.plan.measures):
        for j, ref in enumerate(measure.needs):
            if ref in ctx.need_ids:
                continue
            close = suggest(ref, ctx.need_ids)
            hint = (
                msg.UNKNOWN_NEED_HINT_SUGGEST.format(suggestion=close)
                if close
                else msg.UNKNOWN_NEED_HINT.format(id=ref)
            )
            yield error(
                "UNKNOWN_NEED", ("measures", i, "needs", j), msg.UNKNOWN_NEED.format(id=ref), hint
            )


def action_references(ctx: RuleContext) -> Iterator[Finding]:
    national = ctx.national_plan
    if national is None:
        return
    numbers = {a.number for a in national.actions}
    for i, measure in enumerate(ctx.plan.measures):
        for j, number in enumerate(measure.actions):
            if number not in numbers:
                yield error(
                    "UNKNOWN_ACTION",
                    ("measures", i, "actions", j),
                    msg.UNKNOWN_ACTION.format(number=number, plan=national.id),
                    msg.UNKNOWN_ACTION_HINT.format(count=len(numbers)),
                )


def catalogue_ids(ctx: RuleContext) -> Iterator[Finding]:
    actor_types = list(ctx.catalog.actor_types)
    for i, s in enumerate(ctx.plan.stakeholders):
        if s.type is not None and s.type not in ctx.catalog.actor_types:
            close = suggest(s.type, actor_types)
            yield error(
                "UNKNOWN_ACTOR_TYPE",
                ("stakeholders", i, "type"),
                msg.UNKNOWN_ACTOR_TYPE.format(value=s.type),
                msg.UNKNOWN_ACTOR_TYPE_HINT_SUGGEST.format(suggestion=close)
                if close
                else msg.UNKNOWN_ACTOR_TYPE_HINT,
            )
    areas: list[tuple[str | None, Loc]] = [
        (n.area, ("needs", i, "area")) for i, n in enumerate(ctx.plan.needs)
    ]
    if ctx.plan.governance is not None:
        areas += [
            (t.topic, ("governance", "tables", i, "topic"))
            for i, t in enumerate(ctx.plan.governance.tables)
        ]
    area_ids = list(ctx.catalog.need_areas)
    for area, loc in areas:
        if area is not None and area not in ctx.catalog.need_areas:
            close = suggest(area, area_ids)
            yield error(
                "UNKNOWN_NEED_AREA",
                loc,
                msg.UNKNOWN_NEED_AREA.format(value=area),
                msg.UNKNOWN_NEED_AREA_HINT_SUGGEST.format(suggestion=close)
                if close
                else msg.UNKNOWN_NEED_AREA_HINT,
            )
    sources = list(ctx.catalog.funding_sources)
    for i, measure in enumerate(ctx.plan.measures):
        for j, line in enumerate(measure.budget):
            src = line.source
            # Free text is allowed; a single slug-like word that is not an id is a likely typo.
            if src is None or src in ctx.catalog.funding_sources or " " in src.strip():
                continue
            key = src.strip().lower()
            close = next((s for s in sources if s.startswith(key)), None) or suggest(key, sources)
            yield warning(
                "FUNDING_SOURCE_NOT_IN_CATALOG",
                ("measures", i, "budget", j, "source"),
                msg.FUNDING_SOURCE_NOT_IN_CATALOG.format(value=src),
                msg.FUNDING_SOURCE_NOT_IN_CATALOG_HINT_SUGGEST.format(suggestion=close)
                if close
                else msg.FUNDING_SOURCE_NOT_IN_CATALOG_HINT,
            )


def periods(ctx: RuleContext) -> Iterator[Finding]:
    period = ctx.plan.plan.period
    pstart = period.start if period else None
    pend = period.end if period else None
    if pstart and pend and pend < pstart:
        yield error(
            "END_BEFORE_START",
            ("plan", "period", "end"),
            msg.END_BEFORE_START.format(start=pstart, end=pend),
            msg.END_BEFORE_START_HINT,
        )
        return
    for i, m in enumerate(ctx.plan.measures):
        if m.start and m.end and m.end < m.start:
            yield error(
                "END_BEFORE_START",
                ("measures", i, "end"),
                msg.END_BEFORE_START.format(start=m.start, end=m.end),
                msg.END_BEFORE_START_HINT,
            )
            continue
        outside = (pstart and m.start and m.start < pstart) or (pend and m.end and m.end > pend)
        if outside:
            loc: Loc = (
                "measures",
                i,
                "start" if pstart and m.start and m.start < pstart else "end",
            )
            yield error(
                "MEASURE_OUTSIDE_PERIOD",
                loc,
                msg.MEASURE_OUTSIDE_PERIOD.format(
                    id=m.id,
                    start=m.start or "?",
                    end=m.end or "?",
                    pstart=pstart or "?",
                    pend=pend or "?",
                ),
                msg.MEASURE_OUTSIDE_PERIOD_HINT,
            )
    if ctx.plan.monitoring is not None and pstart and pend:
        for i, month in enumerate(ctx.plan.monitoring.reviews):
            if not pstart <= month <= pend:
                yield warning(
                    "REVIEW_OUTSIDE_PERIOD",
                    ("monitoring", "reviews", i),
                    msg.REVIEW_OUTSIDE_PERIOD.format(month=month, pstart=pstart, pend=pend),
                    msg.REVIEW_OUTSIDE_PERIOD_HINT,
                )


def funding_deadlines(ctx: RuleContext) -> Iterator[Finding]:
    """A measure funded by a source with an end date (PNRR: 30 June 2026) must end by then."""
    for i, m in enumerate(ctx.plan.measures):
        seen: set[str] = set()  # once per source: a grant split by budget year is one risk
        for j, line in enumerate(m.budget):
            source = ctx.catalog.funding_sources.get(line.source or "")
            if m.end is None or source is None or source.end_date is None or source.id in seen:
                continue
            seen.add(source.id)
            if m.end > YearMonth.from_date(source.end_date):
                yield warning(
                    "FUNDING_AFTER_DEADLINE",
                    ("measures", i, "budget", j, "source"),
                    msg.FUNDING_AFTER_DEADLINE.format(
                        id=m.id,
                        end=formats.month(m.end),
                        source=source.label,
                        deadline=formats.long_date(source.end_date),
                    ),
                    msg.FUNDING_AFTER_DEADLINE_HINT,
                )


def funding_assigned(ctx: RuleContext) -> Iterator[Finding]:
    """Resources «assicurate» from a source assigned after the plan's date (its adoption,
    else its start): a plan of 2021 cannot hold PNRR M5C2 2.2 money (DM 55, March 2022)."""
    info = ctx.plan.plan
    day = info.adoption.date if info.adoption is not None else None
    if day is None and info.period is not None and info.period.start is not None:
        day = info.period.start.first_day
    if day is None:
        return
    for i, m in enumerate(ctx.plan.measures):
        seen: set[str] = set()  # once per source, as the deadline
        for j, line in enumerate(m.budget):
            source = ctx.catalog.funding_sources.get(line.source or "")
            if source is None or source.assigned_on is None or line.status != "assicurato":
                continue
            if day < source.assigned_on and source.id not in seen:
                seen.add(source.id)
                yield warning(
                    "FUNDING_BEFORE_ASSIGNED",
                    ("measures", i, "budget", j, "status"),
                    msg.FUNDING_BEFORE_ASSIGNED.format(
                        id=m.id,
                        source=source.label,
                        assigned=formats.long_date(source.assigned_on),
                        date=formats.long_date(day),
                    ),
                    msg.FUNDING_BEFORE_ASSIGNED_HINT,
                )


def _plan_region(ctx: RuleContext) -> str | None:
    """The plan's Region: by the ISTAT code (REGION_MISMATCH tells the file), else as written."""
    c = ctx.plan.comune
    record = ctx.comuni.by_code(c.istat_code) if c.istat_code else None
    if record is not None:
        return record.region
    if c.region:
        return c.region
    matches = ctx.comuni.by_name(c.name)
    return matches[0].region if len(matches) == 1 else None


def _in_regions(regions: Sequence[str]) -> str:
    """«in Basilicata, Calabria e Sicilia»; «nel Lazio, in Abruzzo, nelle Marche» when a
    Region takes its article."""
    if not any(r in msg.REGION_IN_WITH_ARTICLE for r in regions):
        return msg.REGION_IN.format(name=formats.join_and(regions))
    return formats.join_and(
        [msg.REGION_IN_WITH_ARTICLE.get(r, msg.REGION_IN.format(name=r)) for r in regions]
    )


def funding_regions(ctx: RuleContext) -> Iterator[Finding]:
    """A source that funds projects in some Regions only (Su.Pr.Eme.2: five of the South)
    budgeted by a plan of another Region."""
    region = _plan_region(ctx)
    if region is None:
        return
    for i, m in enumerate(ctx.plan.measures):
        for j, line in enumerate(m.budget):
            source = ctx.catalog.funding_sources.get(line.source or "")
            if source is None or not source.regions:
                continue
            if fold(region) not in {fold(r) for r in source.regions}:
                yield warning(
                    "FUNDING_OUTSIDE_REGION",
                    ("measures", i, "budget", j, "source"),
                    msg.FUNDING_OUTSIDE_REGION.format(
                        id=m.id,
                        source=source.label,
                        regions=_in_regions(source.regions),
                        region=_in_regions((region,)),
                    ),
                    msg.FUNDING_OUTSIDE_REGION_HINT,
                )


def needs_addressed(ctx: RuleContext) -> Iterator[Finding]:
    if not ctx.plan.measures:
        return  # a draft without measures yet: counted as an open section instead
    addressed = {ref for m in ctx.plan.measures for ref in m.needs}
    severity = Severity.ERROR if ctx.final else Severity.WARNING
    for i, need in enumerate(ctx.plan.needs):
        if need.id not in addressed:
            yield Finding(
                "NEED_NOT_ADDRESSED",
                severity,
                ("needs", i, "id"),
                msg.NEED_NOT_ADDRESSED.format(id=need.id),
                msg.NEED_NOT_ADDRESSED_HINT.format(id=need.id),
            )


def axes_covered(ctx: RuleContext) -> Iterator[Finding]:
    national = ctx.national_plan
    if national is None or not ctx.plan.measures:
        return
    covered = ctx.plan.covered_actions
    for axis_id, actions in national.actions_by_axis().items():
        numbers = [a.number for a in actions]
        axis = national.axis(axis_id)
        if axis is not None and not covered.intersection(numbers):
            yield warning(
                "AXIS_NOT_COVERED",
                ("measures",),
                msg.AXIS_NOT_COVERED.format(
                    axis=axis.label,
                    actions=(
                        msg.AXIS_ACTIONS_ONE if len(numbers) == 1 else msg.AXIS_ACTIONS_MANY
                    ).format(numbers=", ".join(str(n) for n in numbers)),
                ),
                msg.AXIS_NOT_COVERED_HINT,
            )


def measures_complete(ctx: RuleContext) -> Iterator[Finding]:
    if not ctx.final:
        return  # in a draft these are open fields, counted by `plan status`
    for i, m in enumerate(ctx.plan.measures):
        if not m.indicators:
            yield error(
                "MEASURE_WITHOUT_INDICATORS",
                ("measures", i),
                msg.MEASURE_WITHOUT_INDICATORS.format(id=m.id),
                msg.MEASURE_WITHOUT_INDICATORS_HINT,
            )
        if not m.budget:
            yield error(
                "MEASURE_WITHOUT_BUDGET",
                ("measures", i),
                msg.MEASURE_WITHOUT_BUDGET.format(id=m.id),
                msg.MEASURE_WITHOUT_BUDGET_HINT,
            )


def drafts(ctx: RuleContext) -> Iterator[Finding]:
    """Items the wizard saved half done (``draft: true``): incomplete, blocking when final."""
    severity = Severity.ERROR if ctx.final else Severity.WARNING
    lists: tuple[tuple[str, list[Any]], ...] = (
        ("stakeholders", ctx.plan.stakeholders),
        ("needs", ctx.plan.needs),
        ("measures", ctx.plan.measures),
    )
    for key, items in lists:
        for i, item in enumerate(items):
            if item.draft:
                yield Finding(
                    "DRAFT_ITEM",
                    severity,
                    (key, i, "draft"),
                    msg.DRAFT_ITEM.format(kind=msg.DRAFT_KINDS[key], id=item.id),
                    msg.DRAFT_ITEM_HINT,
                )


def adoption(ctx: RuleContext) -> Iterator[Finding]:
    """The act that adopts the plan: complete once adopted, a number written without its
    own "n.", a date neither in the future nor after the plan's end."""
    info = ctx.plan.plan
    adopted = info.status == "adottato"
    if adopted and info.adoption is None:
        yield error(
            "ADOPTION_MISSING", ("plan", "status"), msg.ADOPTION_MISSING, msg.ADOPTION_MISSING_HINT
        )
        return
    act = info.adoption
    if act is None:
        return
    if adopted:
        for field in ("organ", "number", "date"):
            if getattr(act, field) is None:
                yield error(
                    "ADOPTION_INCOMPLETE",
                    ("plan", "adoption", field),
                    msg.ADOPTION_INCOMPLETE.format(field=field),
                    msg.ADOPTION_INCOMPLETE_HINT,
                )
    if info.status == "proposta" and (act.number is not None or act.date is not None):
        yield warning(
            "ADOPTION_IN_PROPOSAL",
            ("plan", "adoption", "number" if act.number is not None else "date"),
            msg.ADOPTION_IN_PROPOSAL,
            msg.ADOPTION_IN_PROPOSAL_HINT,
        )
    if act.number is not None and formats.act_number(act.number) != act.number:
        yield warning(
            "ADOPTION_NUMBER_PREFIX",
            ("plan", "adoption", "number"),
            msg.ADOPTION_NUMBER_PREFIX.format(value=act.number),
            msg.ADOPTION_NUMBER_PREFIX_HINT.format(number=formats.act_number(act.number)),
        )
    if act.date is None:
        return
    if act.date > ctx.today:
        yield Finding(
            "ADOPTION_DATE_FUTURE",
            Severity.ERROR if adopted else Severity.WARNING,
            ("plan", "adoption", "date"),
            msg.ADOPTION_DATE_FUTURE.format(
                date=formats.numeric_date(act.date), today=formats.numeric_date(ctx.today)
            ),
            msg.ADOPTION_DATE_FUTURE_HINT,
        )
    period = info.period
    end = period.end if period is not None else None
    if period is not None and period.start is not None and end is not None and end < period.start:
        return  # a period that ends before it starts is its own error (END_BEFORE_START)
    if end is not None and act.date >= end.plus(1).first_day:
        yield warning(
            "ADOPTION_AFTER_PERIOD",
            ("plan", "adoption", "date"),
            msg.ADOPTION_AFTER_PERIOD.format(
                date=formats.long_date(act.date), end=formats.month(end)
            ),
            msg.ADOPTION_AFTER_PERIOD_HINT,
        )


def national_plan_approved(ctx: RuleContext) -> Iterator[Finding]:
    """A plan dated (adopted, else starting) before its national plan was approved: the
    document would cite a plan that did not exist yet (the Piano triennale: 20/02/2020)."""
    national = ctx.national_plan
    approved = national.approved_on if national is not None else None
    if national is None or approved is None:
        return
    info = ctx.plan.plan
    if info.adoption is not None and info.adoption.date is not None:
        if info.adoption.date < approved:
            yield warning(
                "PLAN_BEFORE_NATIONAL_PLAN",
                ("plan", "adoption", "date"),
                msg.PLAN_BEFORE_NATIONAL_PLAN_ADOPTION.format(
                    date=formats.long_date(info.adoption.date),
                    plan=national.short_title,
                    approved=formats.long_date(approved),
                ),
                msg.PLAN_BEFORE_NATIONAL_PLAN_HINT,
            )
        return
    start = info.period.start if info.period is not None else None
    if start is not None and start.first_day < approved:
        yield warning(
            "PLAN_BEFORE_NATIONAL_PLAN",
            ("plan", "period", "start"),
            msg.PLAN_BEFORE_NATIONAL_PLAN_START.format(
                month=formats.month(start),
                plan=national.short_title,
                approved=formats.long_date(approved),
            ),
            msg.PLAN_BEFORE_NATIONAL_PLAN_HINT,
        )


def comune_in_network(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.plan.stakeholders and not any(s.type == "comune" for s in ctx.plan.stakeholders):
        yield warning(
            "COMUNE_NOT_IN_NETWORK",
            ("stakeholders",),
            msg.COMUNE_NOT_IN_NETWORK,
            msg.COMUNE_NOT_IN_NETWORK_HINT,
        )


def governance_consistency(ctx: RuleContext) -> Iterator[Finding]:
    gov = ctx.plan.governance
    body = gov.steering_body if gov else None
    if body and body.coordinator and body.members and body.coordinator not in body.members:
        yield warning(
            "COORDINATOR_NOT_MEMBER",
            ("governance", "steering_body", "coordinator"),
            msg.COORDINATOR_NOT_MEMBER.format(id=body.coordinator),
            msg.COORDINATOR_NOT_MEMBER_HINT.format(id=body.coordinator),
        )
    if ctx.plan.process is None or gov is None or not gov.tables:
        return
    names = [t.name for t in gov.tables]
    for i, meeting in enumerate(ctx.plan.process.meetings):
        if meeting.kind == "tavolo" and meeting.table and meeting.table not in names:
            close = difflib.get_close_matches(meeting.table, names, n=1, cutoff=0.6)
            yield warning(
                "UNKNOWN_TABLE",
                ("process", "meetings", i, "table"),
                msg.UNKNOWN_TABLE.format(name=meeting.table),
                msg.UNKNOWN_TABLE_HINT_SUGGEST.format(suggestion=close[0])
                if close
                else msg.UNKNOWN_TABLE_HINT,
            )


RULES: tuple[Rule, ...] = (
    national_plan_known,
    comune_in_istat_list,
    unique_ids,
    stakeholder_references,
    need_references,
    action_references,
    catalogue_ids,
    periods,
    adoption,
    national_plan_approved,
    funding_deadlines,
    funding_assigned,
    funding_regions,
    needs_addressed,
    axes_covered,
    measures_complete,
    drafts,
    process_recorded,
    meetings_have_participants,
    comune_in_network,
    governance_consistency,
)
