"""Chapter 9: the Gantt chart of the measures (a table, on landscape pages), with the
monitoring reviews; months, quarters or years as the plan's length allows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from incas_cli import formats as fmt
from incas_cli.document.model import (
    Block,
    Cell,
    Column,
    Heading,
    Mark,
    Paragraph,
    Placeholder,
    Section,
    Table,
)
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import Context, measure_ref, timing
from incas_cli.messages import document as doc_msg
from incas_cli.messages import render as msg
from incas_cli.models.month import YearMonth

if TYPE_CHECKING:
    from incas_cli.models import Plan

Granularity = Literal["month", "quarter", "year"]
MAX_MONTH_COLUMNS = 18
MAX_QUARTER_COLUMNS = 24
_ACTIVE = Mark(msg.ACTIVE_MARK, msg.MARK_ACTIVE)
_REVIEW = Mark(msg.REVIEW_MARK, msg.MARK_REVIEW, tone="review")
_PEAK = Mark(doc_msg.PEAK_MARK, msg.MARK_PEAK, shaded=False)


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


def buckets(start: int, end: int) -> tuple[Granularity, list[tuple[int, int, str]]]:
    """Columns of the Gantt table: (first month index, last month index, label)."""
    count = end - start + 1
    if count <= MAX_MONTH_COLUMNS:
        return "month", [
            (i, i, msg.GANTT_MONTH.format(month=fmt.month_abbr(i % 12 + 1), year=i // 12))
            for i in range(start, end + 1)
        ]
    first_q, last_q = start // 3, end // 3
    if last_q - first_q + 1 <= MAX_QUARTER_COLUMNS:
        return "quarter", [
            (q * 3, q * 3 + 2, msg.GANTT_QUARTER.format(quarter=q % 4 + 1, year=q // 4))
            for q in range(first_q, last_q + 1)
        ]
    return "year", [(y * 12, y * 12 + 11, str(y)) for y in range(start // 12, end // 12 + 1)]


def cronoprogramma(ctx: Context) -> tuple[Block, ...]:
    """The chapter as a landscape section."""
    return (Section(_blocks(ctx.plan), orientation="landscape"),)


def _blocks(plan: Plan) -> tuple[Block, ...]:
    span = _gantt_range(plan)
    if span is None:
        return (Heading(1, msg.H_GANTT), Paragraph((Placeholder(msg.GANTT_OPEN),), "plain"))
    granularity, columns = buckets(*span)
    rows: list[tuple[Cell, ...]] = []
    for m in plan.measures:
        if m.start is None or m.end is None:
            cells: list[Cell] = [None for _ in columns]
        else:
            a, b = m.start.index, m.end.index
            cells = [_ACTIVE if first <= b and a <= last else None for first, last, _ in columns]
        rows.append(((measure_ref(m), timing(m)), *cells))
    peaks = _peak_months(plan)
    if peaks:
        # a quarter or a year column hides the season: the harvest's peak months say it
        rows.append(
            (
                doc_msg.T_PEAK_ROW,
                *(
                    _PEAK if any(i % 12 + 1 in peaks for i in range(first, last + 1)) else None
                    for first, last, _ in columns
                ),
            )
        )
    reviews = plan.monitoring.reviews if plan.monitoring is not None else []
    if reviews:
        indexes = [r.index for r in reviews]
        rows.append(
            (
                msg.T_REVIEWS_ROW,
                *(
                    _REVIEW if any(first <= i <= last for i in indexes) else None
                    for first, last, _ in columns
                ),
            )
        )
        legend = msg.NOTE_GANTT_LEGEND_REVIEWS.format(
            active=msg.ACTIVE_MARK, review=msg.REVIEW_MARK
        )
    else:
        legend = msg.NOTE_GANTT_LEGEND.format(active=msg.ACTIVE_MARK)
    range_text = msg.RANGE.format(
        start=fmt.month(YearMonth.from_index(span[0])),
        end=fmt.month(YearMonth.from_index(span[1])),
    )
    granularity_note = msg.NOTE_GANTT_GRANULARITY[granularity].format(range=range_text)
    if peaks:
        granularity_note += " " + doc_msg.NOTE_GANTT_PEAKS.format(mark=doc_msg.PEAK_MARK)
    return (
        Heading(1, msg.H_GANTT),
        *narrative("cronoprogramma.md.j2", range=range_text, reviews=bool(reviews)),
        Table(
            msg.TC_GANTT,
            (
                Column(msg.T_MEASURE),
                *(Column(label, "center", fixed=True) for _, _, label in columns),
            ),
            tuple(rows),
            compact=True,
            stretch=True,
        ),
        Paragraph((f"{legend} {granularity_note}",), "note"),
    )
