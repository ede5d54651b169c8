"""Chapter 9: the Gantt chart of the measures, month by month: one table per calendar year
(a column per month, "gen" to "dic"), with the harvest's peak months and the monitoring
reviews in rows of their own. A seasonal measure (``months``) is marked only in its
months. A plan longer than :data:`MAX_YEAR_TABLES` years gets one table with a column per
year instead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import (
    Block,
    Cell,
    Column,
    Heading,
    Mark,
    Paragraph,
    Placeholder,
    Table,
)
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import Context, measure_ref
from incas_cli.messages import document as doc_msg
from incas_cli.messages import render as msg
from incas_cli.models.month import YearMonth

if TYPE_CHECKING:
    from incas_cli.models import Plan

MAX_YEAR_TABLES = 6
"""Calendar years the chart shows month by month, one table each; beyond, a column per year."""

ACTIVE = Mark(msg.ACTIVE_MARK, msg.MARK_ACTIVE)
"""A month (or a year) in which the measure is at work: ● in a shaded cell."""
PEAK = Mark(doc_msg.PEAK_MARK, msg.MARK_PEAK, shaded=False)
"""A month of peak demand for labour (the crops' calendar): ▲, not shaded."""
REVIEW = Mark(msg.REVIEW_MARK, msg.MARK_REVIEW, tone="review")
"""A month with a monitoring review: ◆ in a cell of another shade."""


def _peak_months(plan: Plan) -> frozenset[int]:
    """The months (1-12) in which some crop's demand for labour peaks."""
    crops = plan.context.crops if plan.context is not None else []
    return frozenset(m for crop in crops for m in crop.peak_months)


def _gantt_range(plan: Plan) -> tuple[int, int] | None:
    period = plan.plan.period
    starts = [m.start.index for m in plan.measures if m.start]
    ends = [m.end.index for m in plan.measures if m.end]
    start = period.start.index if period and period.start else None
    end = period.end.index if period and period.end else None
    if start is None:
        start = min(starts + ends, default=None)
    if end is None:
        end = max(starts + ends, default=None)
    if start is None or end is None:
        return None
    # Measures outside the period are a finding of the checks; the chart still shows them.
    start = min([start, *starts])
    end = max([end, *ends])
    return (start, end) if end >= start else (end, start)


def cronoprogramma(ctx: Context) -> tuple[Block, ...]:
    """The chapter: the legend first (it reads for every table), then the tables."""
    plan = ctx.plan
    span = _gantt_range(plan)
    if span is None:
        return (Heading(1, msg.H_GANTT), Paragraph((Placeholder(msg.GANTT_OPEN),), "plain"))
    range_text = msg.RANGE.format(
        start=fmt.month(YearMonth.from_index(span[0])),
        end=fmt.month(YearMonth.from_index(span[1])),
    )
    peaks = _peak_months(plan)
    reviews = frozenset(r.index for r in (plan.monitoring.reviews if plan.monitoring else []))
    years = range(span[0] // 12, span[1] // 12 + 1)
    by_month = len(years) <= MAX_YEAR_TABLES
    tables = (
        [_year_table(plan, year, peaks, reviews) for year in years]
        if by_month
        else [_years_table(plan, years, reviews)]
    )
    return (
        Heading(1, msg.H_GANTT),
        *narrative("cronoprogramma.md.j2", range=range_text, reviews=bool(reviews)),
        Paragraph(
            (_legend(by_month, peaks=by_month and bool(peaks), reviews=bool(reviews)),), "note"
        ),
        *tables,
    )


def _year_table(plan: Plan, year: int, peaks: frozenset[int], reviews: frozenset[int]) -> Table:
    """The twelve months of ``year``: a row per measure, then the peaks and the reviews."""
    first = year * 12
    return _table(
        doc_msg.TC_GANTT_YEAR.format(year=year),
        [(fmt.month_abbr(m), range(first + m - 1, first + m)) for m in range(1, 13)],
        plan,
        [m in peaks for m in range(1, 13)] if peaks else None,
        reviews,
    )


def _years_table(plan: Plan, years: range, reviews: frozenset[int]) -> Table:
    """A long plan: a column per year, a measure marked in the years it is at work (a
    column of a year has no room for the harvest's months)."""
    columns = [(str(y), range(y * 12, y * 12 + 12)) for y in years]
    return _table(msg.TC_GANTT, columns, plan, None, reviews)


def _table(
    title: str,
    columns: list[tuple[str, range]],
    plan: Plan,
    peaks: list[bool] | None,
    reviews: frozenset[int],
) -> Table:
    """A row per measure, marked in the columns (months, or years) in which it is at work;
    the peak months and the reviews in rows of their own."""
    rows: list[tuple[Cell, ...]] = [
        (
            measure_ref(m),
            *(ACTIVE if any(m.active_in(i) for i in months) else None for _, months in columns),
        )
        for m in plan.measures
    ]
    if peaks is not None:
        rows.append((doc_msg.T_PEAK_ROW, *(PEAK if p else None for p in peaks)))
    if reviews:
        rows.append(
            (
                msg.T_REVIEWS_ROW,
                *(REVIEW if reviews.intersection(months) else None for _, months in columns),
            )
        )
    return Table(
        title,
        (Column(msg.T_MEASURE), *(Column(header, "center", fixed=True) for header, _ in columns)),
        tuple(rows),
        compact=True,
        stretch=True,
    )


def _legend(by_month: bool, *, peaks: bool, reviews: bool) -> str:
    """What each symbol means (never the colour alone), and what a column is."""
    parts = [doc_msg.GANTT_LEGEND_ACTIVE.format(mark=msg.ACTIVE_MARK)]
    if peaks:
        parts.append(doc_msg.GANTT_LEGEND_PEAK.format(mark=doc_msg.PEAK_MARK))
    if reviews:
        parts.append(doc_msg.GANTT_LEGEND_REVIEW.format(mark=msg.REVIEW_MARK))
    layout = doc_msg.NOTE_GANTT_BY_MONTH if by_month else doc_msg.NOTE_GANTT_BY_YEAR
    return doc_msg.GANTT_LEGEND.format(items="; ".join(parts)) + " " + layout
