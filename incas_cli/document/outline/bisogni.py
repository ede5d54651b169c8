"""Chapter 7: the needs, ranked by priority in one table (what each need is, how many
people, its priority), then a card for each with what the table does not say: who is
affected, severity and urgency (the priority's factors), evidence, source and the measures
that address it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import (
    Block,
    Cell,
    Column,
    Heading,
    Paragraph,
    Placeholder,
    Table,
    plain,
)
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import (
    DASH,
    NEEDS_RANKING,
    Context,
    card,
    joined,
    open_value,
    paragraphs,
    ref,
    with_refs,
)
from incas_cli.messages import document as doc_msg
from incas_cli.messages import render as msg
from incas_cli.messages.checks import OPEN_LABELS

if TYPE_CHECKING:
    from incas_cli.models import Need


def ranked(needs: list[Need]) -> list[Need]:
    """Highest priority first; then severity, urgency, and the order of the file."""

    def key(item: tuple[int, Need]) -> tuple[int, int, int, int]:
        index, n = item
        return (-(n.priority or 0), -(n.severity or 0), -(n.urgency or 0), index)

    return [n for _, n in sorted(enumerate(needs), key=key)]


def bisogni(ctx: Context) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Heading(1, msg.H_NEEDS),
        *narrative("bisogni.md.j2", counts=ctx.counts),
    ]
    needs = ranked(list(ctx.plan.needs))
    if not needs:
        blocks.append(Paragraph((Placeholder(OPEN_LABELS["needs"]),), "plain"))
        return tuple(blocks)
    blocks += [
        Heading(2, msg.H_NEEDS_RANKING, anchor=NEEDS_RANKING),
        Table(
            msg.TC_NEEDS,
            (
                Column(msg.T_RANK, "right"),
                Column(msg.T_NEED),
                Column(msg.T_AREA),
                Column(msg.T_DESCRIPTION),
                Column(msg.T_PEOPLE, "right"),
                Column(msg.T_PRIORITY, "right"),
            ),
            tuple(
                (
                    str(rank),
                    n.id,
                    ctx.need_area(n.area),
                    _description(n),
                    _people(n),
                    str(n.priority) if n.priority is not None else DASH,
                )
                for rank, n in enumerate(needs, start=1)
            ),
        ),
    ]
    unaddressed = [n.id for n in needs if not ctx.measures_for_need(n.id)]
    if unaddressed:
        blocks.append(
            Paragraph((msg.NOTE_NEEDS_UNADDRESSED.format(ids=joined(unaddressed)),), "note")
        )
    blocks += [
        Heading(2, msg.H_NEEDS_DETAIL),
        Paragraph(with_refs(doc_msg.NOTE_NEED_CARDS, ranking=ref(NEEDS_RANKING)), "note"),
    ]
    for n in needs:
        area = ctx.need_area(n.area)
        facts: list[tuple[str, Cell]] = [
            (msg.T_TARGET, n.target_group or DASH),
            (msg.T_SEVERITY, open_value(n.severity, "need.severity")),
            (msg.T_URGENCY, open_value(n.urgency, "need.urgency")),
        ]
        evidence = " ".join(paragraphs(n.evidence))
        if evidence:
            facts.append((msg.NEED_EVIDENCE, evidence))
        if n.source:
            facts.append((msg.NEED_SOURCE, n.source))
        measures = ctx.measures_for_need(n.id)
        facts.append((msg.NEED_MEASURES, joined(measures) if measures else msg.NEED_NO_MEASURE))
        blocks += [
            Heading(3, msg.H_NEED.format(id=n.id, area=plain(area))),
            card(msg.TC_NEED.format(id=n.id), facts),
        ]
    return tuple(blocks)


def _description(n: Need) -> str | Placeholder:
    return open_value(" ".join(paragraphs(n.description)), "need.description")


def _people(n: Need) -> str:
    return fmt.integer(n.people) if n.people is not None else DASH
