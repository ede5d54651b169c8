"""Cross-field rules on what real plans contain (the v1 additions): the strategy's
specific objectives and the measures that serve them, the phenomenon's figures, partner
Comuni's acts of adhesion, budget years and statuses, indicator ids.

Severities follow the same rule as the other coverage findings: what a draft may still
leave loose is a warning, and becomes an error once the plan is checked as final (the
text the Giunta or the Consiglio adopts and the Comune publishes). Rules that only make
sense for a plan written with the new fields stay silent on a file that predates them.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from incas_cli import formats
from incas_cli.checks.dated import law_at_plan_date
from incas_cli.checks.findings import Finding, Loc, Severity, error, format_path, warning
from incas_cli.checks.rules import Rule, RuleContext
from incas_cli.checks.structure import suggest
from incas_cli.messages import checks as msg

MOSTLY = Decimal("0.5")
"""Share of the budget still to be found above which a final plan gets a warning."""


def _unknown(
    code: str, loc: Loc, value: str, known: list[str], message: str, hints: tuple[str, str]
) -> Finding:
    """An id that is not among ``known``: the closest one as a suggestion when there is one
    (``hints``: the suggestion's template, then the hint without one)."""
    close = suggest(value, known)
    hint = hints[0].format(suggestion=close) if close else hints[1]
    return error(code, loc, message, hint)


def _severity(ctx: RuleContext) -> Severity:
    return Severity.ERROR if ctx.final else Severity.WARNING


def _objective_ids(ctx: RuleContext) -> list[str]:
    strategy = ctx.plan.strategy
    return [o.id for o in strategy.specific_objectives] if strategy else []


def objective_references(ctx: RuleContext) -> Iterator[Finding]:
    """Each id a measure lists is one of the strategy's specific objectives."""
    known = _objective_ids(ctx)
    for i, measure in enumerate(ctx.plan.measures):
        for j, ref in enumerate(measure.specific_objectives):
            if ref not in known:
                yield _unknown(
                    "UNKNOWN_OBJECTIVE",
                    ("measures", i, "specific_objectives", j),
                    ref,
                    known,
                    msg.UNKNOWN_OBJECTIVE.format(id=ref),
                    (msg.UNKNOWN_OBJECTIVE_HINT_SUGGEST, msg.UNKNOWN_OBJECTIVE_HINT.format(id=ref)),
                )


def objectives_served(ctx: RuleContext) -> Iterator[Finding]:
    """Every specific objective has a measure, every measure serves an objective (once the
    plan has specific objectives and measures: before that, the open fields count)."""
    known = _objective_ids(ctx)
    if not known or not ctx.plan.measures:
        return
    served = {ref for m in ctx.plan.measures for ref in m.specific_objectives}
    severity = _severity(ctx)
    for i, objective_id in enumerate(known):
        if objective_id not in served:
            yield Finding(
                "OBJECTIVE_WITHOUT_MEASURES",
                severity,
                ("strategy", "specific_objectives", i, "id"),
                msg.OBJECTIVE_WITHOUT_MEASURES.format(id=objective_id),
                msg.OBJECTIVE_WITHOUT_MEASURES_HINT.format(id=objective_id),
            )
    for i, measure in enumerate(ctx.plan.measures):
        if not set(measure.specific_objectives) & set(known):
            yield Finding(
                "MEASURE_WITHOUT_OBJECTIVE",
                severity,
                ("measures", i, "specific_objectives")
                if measure.specific_objectives
                else ("measures", i, "id"),
                msg.MEASURE_WITHOUT_OBJECTIVE.format(id=measure.id),
                msg.MEASURE_WITHOUT_OBJECTIVE_HINT.format(known=", ".join(known)),
            )


def strategy_ids(ctx: RuleContext) -> Iterator[Finding]:
    """Specific objectives' ids are unique and their axes are the national plan's."""
    strategy = ctx.plan.strategy
    if strategy is None:
        return
    first: dict[str, int] = {}
    national = ctx.national_plan
    axes = [a.id for a in national.axes] if national is not None else []
    for i, objective in enumerate(strategy.specific_objectives):
        if objective.id in first:
            yield error(
                "DUPLICATE_ID",
                ("strategy", "specific_objectives", i, "id"),
                msg.DUPLICATE_ID.format(
                    id=objective.id, first=f"strategy.specific_objectives[{first[objective.id]}]"
                ),
                msg.DUPLICATE_ID_HINT,
            )
        first.setdefault(objective.id, i)
        if objective.axis is not None and national is not None and objective.axis not in axes:
            yield _unknown(
                "UNKNOWN_AXIS",
                ("strategy", "specific_objectives", i, "axis"),
                objective.axis,
                axes,
                msg.UNKNOWN_AXIS.format(value=objective.axis),
                (
                    msg.UNKNOWN_AXIS_HINT_SUGGEST,
                    msg.UNKNOWN_AXIS_HINT.format(known=", ".join(axes)),
                ),
            )


def indicator_ids(ctx: RuleContext) -> Iterator[Finding]:
    """Indicator ids are unique in the whole plan: a monitoring report names them alone."""
    first: dict[str, Loc] = {}
    for i, measure in enumerate(ctx.plan.measures):
        for j, indicator in enumerate(measure.indicators):
            if indicator.id is None:
                continue
            loc: Loc = ("measures", i, "indicators", j, "id")
            if indicator.id in first:
                yield error(
                    "DUPLICATE_INDICATOR_ID",
                    loc,
                    msg.DUPLICATE_INDICATOR_ID.format(
                        id=indicator.id, first=f"measures[{first[indicator.id][1]}]"
                    ),
                    msg.DUPLICATE_INDICATOR_ID_HINT,
                )
            else:
                first[indicator.id] = loc


def ids_apart_only_by_case(ctx: RuleContext) -> Iterator[Finding]:
    """Two ids of one kind that differ only in case (``M1``, ``m1``): a warning on the
    second. References resolve by the exact id, so each still finds its own item, and a
    file that has both validated and rendered until now; but a reader of the document
    cannot tell them apart, a reference typed in the other case lands on the other item
    without a word, and tools that compare without case (spreadsheets, many databases)
    take the exported keys as one. Stakeholder ids are lowercase by their pattern; an
    exact repeat is ``DUPLICATE_ID``'s."""
    plan = ctx.plan
    objectives = plan.strategy.specific_objectives if plan.strategy else []
    kinds: list[list[tuple[Loc, str]]] = [
        [(("needs", i, "id"), need.id) for i, need in enumerate(plan.needs)],
        [(("measures", i, "id"), measure.id) for i, measure in enumerate(plan.measures)],
        [(("strategy", "specific_objectives", i, "id"), o.id) for i, o in enumerate(objectives)],
        [
            (("measures", i, "indicators", j, "id"), indicator.id)
            for i, measure in enumerate(plan.measures)
            for j, indicator in enumerate(measure.indicators)
            if indicator.id is not None
        ],
    ]
    for ids in kinds:
        seen: set[str] = set()
        first: dict[str, tuple[str, Loc]] = {}
        for loc, item_id in ids:
            if item_id not in seen:
                other, other_loc = first.setdefault(item_id.casefold(), (item_id, loc))
                if other != item_id:
                    yield warning(
                        "ID_CASE_COLLISION",
                        loc,
                        msg.ID_CASE_COLLISION.format(
                            id=item_id, other=other, first=format_path(other_loc[:-1])
                        ),
                        msg.ID_CASE_COLLISION_HINT.format(id=item_id, other=other),
                    )
            seen.add(item_id)


def data_sourced(ctx: RuleContext) -> Iterator[Finding]:
    """A figure about the phenomenon says its year and its source: an undated, unsourced
    number is what a Prefettura or a journalist cannot use."""
    context = ctx.plan.context
    if context is None:
        return
    severity = _severity(ctx)
    areas = list(ctx.catalog.need_areas)
    for i, point in enumerate(context.data):
        if point.year is None:
            yield Finding(
                "DATA_WITHOUT_YEAR",
                severity,
                ("context", "data", i, "year"),
                msg.DATA_WITHOUT_YEAR.format(label=point.label),
                msg.DATA_WITHOUT_YEAR_HINT,
            )
        if point.source is None:
            yield Finding(
                "DATA_WITHOUT_SOURCE",
                severity,
                ("context", "data", i, "source"),
                msg.DATA_WITHOUT_SOURCE.format(label=point.label),
                msg.DATA_WITHOUT_SOURCE_HINT,
            )
        if point.topic is not None and point.topic not in ctx.catalog.need_areas:
            yield _unknown(
                "UNKNOWN_NEED_AREA",
                ("context", "data", i, "topic"),
                point.topic,
                areas,
                msg.UNKNOWN_NEED_AREA.format(value=point.topic),
                (msg.UNKNOWN_NEED_AREA_HINT_SUGGEST, msg.UNKNOWN_NEED_AREA_HINT),
            )


def thousands_dot(value: Decimal | None, loc: Loc) -> Iterator[Finding]:
    """``target: 1.500`` is one and a half to YAML, fifteen hundred to an Italian: a
    warning for a quantity at ``loc`` (also used for a monitoring report's values)."""
    thousands = None if value is None else formats.thousands_read_as_decimals(value)
    if value is None or thousands is None or not 1 <= abs(value) < 1000:
        return
    yield warning(
        "QUANTITY_THOUSANDS_DOT",
        loc,
        msg.QUANTITY_THOUSANDS_DOT.format(value=value, shown=formats.number(value.normalize())),
        msg.QUANTITY_THOUSANDS_DOT_HINT.format(plain=thousands),
    )


def thousands_dots(ctx: RuleContext) -> Iterator[Finding]:
    """Quantities (figures of the phenomenon, indicators' baseline and target) written with
    the Italian thousands dot: amounts and whole numbers refuse it, a quantity may have
    decimals, so here it is a warning."""
    if ctx.plan.context is not None:
        for i, point in enumerate(ctx.plan.context.data):
            yield from thousands_dot(point.value, ("context", "data", i, "value"))
    for i, m in enumerate(ctx.plan.measures):
        for j, indicator in enumerate(m.indicators):
            for key in ("baseline", "target"):
                value = getattr(indicator, key)
                yield from thousands_dot(value, ("measures", i, "indicators", j, key))


def partner_adhesion(ctx: RuleContext) -> Iterator[Finding]:
    """In an adopted district plan each partner Comune has its own act of adhesion. A
    warning: the act may follow the lead Comune's resolution, and files adopted before the
    field existed stay valid."""
    if ctx.plan.plan.status != "adottato":
        return
    for i, partner in enumerate(ctx.plan.comune.partners):
        act = partner.adhesion
        if act is None or act.number is None or act.date is None:
            yield warning(
                "PARTNER_WITHOUT_ADHESION",
                ("comune", "partners", i, "adhesion" if act is not None else "name"),
                msg.PARTNER_WITHOUT_ADHESION.format(name=partner.name),
                msg.PARTNER_WITHOUT_ADHESION_HINT,
            )


def budget_years(ctx: RuleContext) -> Iterator[Finding]:
    period = ctx.plan.plan.period
    if period is None or period.start is None or period.end is None:
        return
    if period.end < period.start:
        return  # the period's own error says it; every line would repeat it
    first, last = period.start.year, period.end.year
    severity = _severity(ctx)
    for i, measure in enumerate(ctx.plan.measures):
        for j, line in enumerate(measure.budget):
            if line.year is not None and not first <= line.year <= last:
                yield Finding(
                    "BUDGET_YEAR_OUTSIDE_PERIOD",
                    severity,
                    ("measures", i, "budget", j, "year"),
                    msg.BUDGET_YEAR_OUTSIDE_PERIOD.format(
                        year=line.year,
                        pstart=formats.month(period.start),
                        pend=formats.month(period.end),
                    ),
                    msg.BUDGET_YEAR_OUTSIDE_PERIOD_HINT,
                )


def seasons_in_time(ctx: RuleContext) -> Iterator[Finding]:
    """A seasonal measure whose months never fall between its start and its end is never
    at work: the Gantt chart would show an empty row."""
    for i, measure in enumerate(ctx.plan.measures):
        start, end = measure.start, measure.end
        if not measure.months or start is None or end is None or end < start:
            continue
        if not any(measure.active_in(index) for index in range(start.index, end.index + 1)):
            yield warning(
                "SEASON_OUTSIDE_MEASURE",
                ("measures", i, "months"),
                msg.SEASON_OUTSIDE_MEASURE.format(
                    id=measure.id,
                    months=formats.join_and(
                        [formats.month_name(m) for m in sorted(measure.months)]
                    ),
                    start=formats.month(start),
                    end=formats.month(end),
                ),
                msg.SEASON_OUTSIDE_MEASURE_HINT,
            )


def budget_secured(ctx: RuleContext) -> Iterator[Finding]:
    """A final plan whose money is mostly still to be found promises what it cannot pay:
    a warning (the Giunta may adopt it knowingly), never an error."""
    if not ctx.final:
        return
    to_find = Decimal(0)
    total = Decimal(0)
    for measure in ctx.plan.measures:
        for line in measure.budget:
            if line.amount is None:
                continue
            total += line.amount
            if line.status == "da-reperire":
                to_find += line.amount
    if total and to_find / total > MOSTLY:
        yield warning(
            "BUDGET_MOSTLY_TO_FIND",
            ("measures",),
            msg.BUDGET_MOSTLY_TO_FIND.format(
                share=formats.percent(to_find, total),
                amount=formats.money(to_find),
                total=formats.money(total),
            ),
            msg.BUDGET_MOSTLY_TO_FIND_HINT,
        )


CONTENT_RULES: tuple[Rule, ...] = (
    strategy_ids,
    objective_references,
    objectives_served,
    indicator_ids,
    ids_apart_only_by_case,
    data_sourced,
    thousands_dots,
    partner_adhesion,
    budget_years,
    seasons_in_time,
    budget_secured,
    law_at_plan_date,
)
