"""Chapter 12: monitoring: how results are reported and reviewed, and how many indicators
each measure has (each indicator, with its baseline, target and source, is in its
measure's card only)."""

from __future__ import annotations

from collections import Counter

from incas_cli import formats as fmt
from incas_cli.document.model import Block, Cell, Column, Heading, Paragraph, Placeholder, Table
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import (
    INDICATORS,
    MEASURES,
    Context,
    Value,
    joined,
    measure_anchor,
    measure_ref,
    open_value,
    paragraphs,
    ref,
)
from incas_cli.messages import document as doc_msg
from incas_cli.messages import render as msg
from incas_cli.messages.checks import OPEN_LABELS


def indicator_summary(kinds: Counter[str | None]) -> str | None:
    """ "Il quadro comprende 22 indicatori: 15 di realizzazione e 7 di risultato." (the
    chapter's one count of them, in running prose: in words when every count is small)"""
    total = sum(kinds.values())
    if not total:
        return None
    counted = doc_msg.counted_words(total, "indicatore")
    number = fmt.in_words if total <= 10 else fmt.integer
    present = [k for k in ("output", "outcome", None) if kinds[k]]
    if len(present) == 1:
        kind = msg.INDICATOR_KIND_PHRASES[present[0]]
        if total == 1:
            return msg.NOTE_INDICATOR_COUNT_SINGLE.format(total=counted, kind=kind)
        return msg.NOTE_INDICATOR_COUNTS_ONE_KIND.format(total=counted, kind=kind)
    parts = [
        msg.INDICATOR_COUNT.format(count=number(kinds[k]), kind=msg.INDICATOR_KIND_PHRASES[k])
        for k in present
    ]
    both = msg.LIST_SEPARATOR.join(parts[:-1]) + msg.AND + parts[-1]
    return msg.NOTE_INDICATOR_COUNTS.format(total=counted, parts=both)


def monitoraggio(ctx: Context) -> tuple[Block, ...]:
    plan = ctx.plan
    mon = plan.monitoring
    reporting: tuple[Value, ...]
    if mon is None:
        reporting = (open_value(None, "monitoring"),)
    else:
        reporting = paragraphs(mon.reporting) or (open_value(None, "monitoring.reporting"),)
    blocks: list[Block] = [
        Heading(1, msg.H_MONITORING),
        *narrative("monitoraggio.md.j2", counts=ctx.counts, measures=ref(MEASURES)),
        Heading(2, msg.H_MONITORING_SYSTEM),
        *(Paragraph((text,)) for text in reporting),
    ]
    reviews = sorted(mon.reviews, key=lambda month: month.index) if mon is not None else []
    if reviews:
        text = msg.NOTE_REVIEWS.format(reviews=joined(fmt.month(r) for r in reviews))
        blocks.append(Paragraph((text,), "plain"))
    else:
        blocks.append(Paragraph((Placeholder(OPEN_LABELS["monitoring.reviews"]),), "plain"))
    gov = plan.governance
    cadence = gov.steering_body.cadence if gov is not None and gov.steering_body else None
    if cadence:
        blocks.append(Paragraph((msg.NOTE_CADENCE.format(cadence=cadence),), "plain"))
    blocks.append(Heading(2, msg.H_MONITORING_INDICATORS, anchor=INDICATORS))
    kinds: Counter[str | None] = Counter(i.kind for m in plan.measures for i in m.indicators)
    summary = indicator_summary(kinds)
    if summary is None:
        blocks.append(Paragraph((msg.NOTE_NO_INDICATORS,), "note"))
        return tuple(blocks)
    blocks += [Paragraph((summary,), "plain"), _by_measure(ctx, kinds)]
    return tuple(blocks)


def _by_measure(ctx: Context, kinds: Counter[str | None]) -> Table:
    """How many indicators of each kind every measure has, and where its card is: a measure
    with no result indicator shows at a glance."""
    present: list[str | None] = ["output", "outcome", *([None] if kinds[None] else [])]
    rows: list[tuple[Cell, ...]] = []
    for m in ctx.plan.measures:
        counted: Counter[str | None] = Counter(i.kind for i in m.indicators)
        rows.append(
            (
                measure_ref(m),
                *(fmt.integer(counted[k]) for k in present),
                ref(measure_anchor(m.id)),
            )
        )
    return Table(
        msg.TC_INDICATORS,
        (
            Column(msg.T_MEASURE),
            *(Column(doc_msg.INDICATOR_KIND_COLUMNS[k], "right") for k in present),
            Column(doc_msg.T_CARD),
        ),
        tuple(rows),
        total=(msg.T_TOTAL, *(fmt.integer(kinds[k]) for k in present), ""),
    )
