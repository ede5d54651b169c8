"""The tables of a plan's monitoring, as document-model tables: ``monitor status`` prints
them (through :mod:`incas_cli.writers.rich`), the *Relazione di monitoraggio* lays them out
in Word. Same figures, same words, on screen and on paper."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import Cell, Column, Run, Table
from incas_cli.messages import monitor as msg

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.models.month import YearMonth
    from incas_cli.monitor.facts import IndicatorFacts, Money, MonitorFacts, Trend
    from incas_cli.monitor.model import MeasureState

_TREND_TONES = {"on-track": "ok", "behind": "warning", "no-data": "quiet", "no-target": "quiet"}


@dataclass(frozen=True)
class Labels:
    """Italian names of sources, axes and states (from the catalogue and the messages)."""

    catalog: Catalog
    national_plan: str

    def source(self, source: str | None) -> str:
        if source is None:
            return msg.NO_SOURCE
        found = self.catalog.funding_sources.get(source)
        return found.label if found is not None else source

    def axis(self, axis: str | None) -> str:
        national = self.catalog.national_plan(self.national_plan)
        found = national.axis(axis) if national is not None and axis else None
        return found.label if found is not None else msg.NO_AXIS

    @staticmethod
    def state(state: MeasureState | None, count: int = 1) -> str:
        """The words of ``state``, agreeing with ``count`` measures («2 non avviate»)."""
        if count != 1:
            plural = msg.STATES_PLURAL.get(state) if state is not None else None
            return plural or msg.STATE_NOT_REPORTED_PLURAL
        return msg.STATES[state] if state is not None else msg.STATE_NOT_REPORTED


def trend_cell(trend: Trend) -> Run:
    return Run(msg.TRENDS[trend], tone=_TREND_TONES[trend])  # type: ignore[arg-type]


def quantity(value: Decimal | None, places: int = 1) -> str:
    """A value as the user wrote it; computed values (expected) to ``places`` decimals."""
    if value is None:
        return msg.DASH
    if value == value.to_integral_value():
        return fmt.integer(int(value))  # as fmt.number writes it, without Babel
    return fmt.number(value.quantize(Decimal(1).scaleb(-places)))


def month(value: YearMonth | None) -> str:
    return fmt.month(value) if value is not None else msg.DASH


def span(start: YearMonth, end: YearMonth) -> str:
    if start.month == 1 and end.month == 12 and start.year == end.year:
        return str(start.year)
    return msg.SPAN.format(start=fmt.month(start), end=fmt.month(end))


def _money_cells(row: Money) -> tuple[Cell, ...]:
    return (
        fmt.money(row.budget),
        fmt.money(row.committed),
        fmt.money(row.paid),
        fmt.percent(row.paid, row.budget) if row.budget else msg.DASH,
    )


_MONEY_COLUMNS = (
    Column(msg.COL_BUDGET, "right"),
    Column(msg.COL_COMMITTED, "right"),
    Column(msg.COL_PAID, "right"),
    Column(msg.COL_PAID_SHARE, "right"),
)


def by_state(facts: MonitorFacts) -> Table:
    rows = [
        (Labels.state(state), ", ".join(ids), fmt.integer(len(ids)))
        for state, ids in facts.by_status().items()
    ]
    return Table(
        msg.TABLE_BY_STATE,
        (Column(msg.COL_STATE), Column(msg.COL_MEASURES), Column(msg.COL_COUNT, "right")),
        tuple(rows),
    )


def by_source(facts: MonitorFacts, labels: Labels) -> Table:
    return Table(
        msg.TABLE_BY_SOURCE,
        (Column(msg.COL_SOURCE), *_MONEY_COLUMNS),
        tuple((labels.source(s.source), *_money_cells(s)) for s in facts.by_source),
        total=(msg.COL_TOTAL, *_money_cells(facts.total)),
    )


def by_axis(facts: MonitorFacts, labels: Labels) -> Table:
    return Table(
        msg.TABLE_BY_AXIS,
        (Column(msg.COL_AXIS), *_MONEY_COLUMNS),
        tuple((labels.axis(a.axis), *_money_cells(a)) for a in facts.by_axis),
        total=(msg.COL_TOTAL, *_money_cells(facts.total)),
    )


def by_measure(facts: MonitorFacts) -> Table:
    return Table(
        msg.TABLE_BY_MEASURE,
        (Column(msg.COL_MEASURE), *_MONEY_COLUMNS),
        tuple((f"{m.id} {m.title}", *_money_cells(m)) for m in facts.measures),
        total=(msg.COL_TOTAL, *_money_cells(facts.total)),
    )


def trends(facts: MonitorFacts) -> Table:
    counts = facts.trends()
    return Table(
        msg.TABLE_TRENDS,
        (Column(msg.COL_TREND), Column(msg.COL_COUNT, "right")),
        tuple((trend_cell(t), fmt.integer(n)) for t, n in counts.items() if n),
    )


def _indicator_label(i: IndicatorFacts) -> str:
    return msg.INDICATOR_UNIT.format(name=i.name, unit=i.unit) if i.unit else i.name


def behind(facts: MonitorFacts, limit: int | None = None) -> Table | None:
    rows: list[tuple[Cell, ...]] = [
        (
            i.measure,
            _indicator_label(i),
            quantity(i.latest.value) if i.latest else msg.DASH,
            quantity(i.expected),
            quantity(i.target),
        )
        for i in facts.indicators
        if i.trend == "behind"
    ]
    if not rows:
        return None
    return Table(
        msg.TABLE_BEHIND,
        (
            Column(msg.COL_MEASURE),
            Column(msg.COL_INDICATOR),
            Column(msg.COL_LATEST, "right"),
            Column(msg.COL_EXPECTED, "right"),
            Column(msg.COL_TARGET, "right"),
        ),
        tuple(_limited(rows, limit)),
    )


def _limited(rows: Sequence[tuple[Cell, ...]], limit: int | None) -> list[tuple[Cell, ...]]:
    if limit is None or len(rows) <= limit:
        return list(rows)
    width = len(rows[0])
    more: tuple[Cell, ...] = (msg.MORE_ROWS.format(count=len(rows) - limit),) + ("",) * (width - 1)
    return [*rows[:limit], more]


def risks(facts: MonitorFacts, labels: Labels) -> Table | None:
    if not facts.risks:
        return None
    return Table(
        msg.TABLE_RISKS,
        (
            Column(msg.COL_SOURCE),
            Column(msg.COL_DEADLINE),
            Column(msg.COL_BUDGET, "right"),
            Column(msg.COL_PAID, "right"),
            Column(msg.COL_OPEN_MEASURES),
        ),
        tuple(
            (
                labels.source(r.source),
                fmt.numeric_date(r.deadline),
                fmt.money(r.budget),
                fmt.money(r.paid),
                ", ".join(r.measures),
            )
            for r in facts.risks
        ),
    )


def indicator_series(facts: MonitorFacts) -> Table:
    """Every indicator: baseline, the value of each period, target, the verdict."""
    periods = [(r.report.period.start, r.report.period.end) for r in facts.reports]
    rows: list[tuple[Cell, ...]] = []
    for i in facts.indicators:
        values: list[Cell] = []
        for start, end in periods:
            found = [o for o in i.observations if (o.period_start, o.period_end) == (start, end)]
            values.append(quantity(found[-1].value) if found else msg.DASH)
        rows.append(
            (
                i.measure,
                _indicator_label(i),
                quantity(i.baseline),
                *values,
                quantity(i.target),
                trend_cell(i.trend),
            )
        )
    return Table(
        msg.TABLE_INDICATORS,
        (
            Column(msg.COL_MEASURE),
            Column(msg.COL_INDICATOR),
            Column(msg.COL_BASELINE, "right"),
            *(Column(span(s, e), "right") for s, e in periods),
            Column(msg.COL_TARGET, "right"),
            Column(msg.COL_TREND),
        ),
        tuple(rows),
    )
