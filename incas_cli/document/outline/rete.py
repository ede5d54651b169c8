"""Chapter 4: the network: actors, the map of relations, the steering body and the
thematic tables; in the internal edition also the power/interest grid.

Scores that rate named organisations (power, interest, the quadrant's strategy, the
planned engagement) are internal working material, never published (DOMAIN.md section 9):
the public edition shows the network, the roles and the commitments, and says that the
ratings are kept apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from incas_cli.document.figures import (
    FigureEdge,
    FigureNode,
    GridPoint,
    network_alt_text,
    network_png,
    power_interest_alt_text,
    power_interest_png,
    power_interest_quadrant,
)
from incas_cli.document.model import (
    Block,
    Cell,
    Column,
    Figure,
    Heading,
    Paragraph,
    Placeholder,
    Table,
    plain,
)
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import ACTORS, DASH, Context, card, joined, open_value
from incas_cli.messages import figures as fig_msg
from incas_cli.messages import render as msg
from incas_cli.messages.checks import OPEN_LABELS

# About 190 dpi at the 16 cm a figure takes on the page: sharp in print and on screen, and
# small enough that a batch worker stays well under 150 MB (the canvas is drawn at twice
# this size for smooth lines, and its memory grows with the square of the width).
FIGURE_WIDTH_PX = 1200

# The network is drawn at its final size (no larger canvas reduced: figures.network's
# SUPERSAMPLING), so at what print needs: 300 dpi at its 16 cm. Its canvas is smaller than
# the 2400 px of a supersampled 1200 px picture, its peak memory too.
NETWORK_WIDTH_PX = round(16 / 2.54 * 300)


@dataclass(frozen=True)
class Body:
    """The steering body or a thematic table: who coordinates, who sits in it."""

    name: str
    topic: str
    coordinator: str | None
    members: tuple[str, ...]
    cadence: str | None
    steering: bool = False


def steering_body(ctx: Context) -> Body | None:
    gov = ctx.plan.governance
    if gov is None or gov.steering_body is None:
        return None
    sb = gov.steering_body
    return Body(
        sb.name or msg.STEERING_DEFAULT_NAME,
        msg.STEERING_TOPIC,
        ctx.stakeholder(sb.coordinator) if sb.coordinator else None,
        ctx.stakeholders(sb.members),
        sb.cadence,
        steering=True,
    )


def tables(ctx: Context) -> tuple[Body, ...]:
    gov = ctx.plan.governance
    return tuple(
        Body(
            t.name,
            plain(ctx.need_area(t.topic)) if t.topic else DASH,
            None,
            ctx.stakeholders(t.members),
            None,
        )
        for t in (gov.tables if gov else [])
    )


@dataclass(frozen=True)
class NetworkSummary:
    """What the narrative says of the network."""

    central: str | None
    relations: bool
    grid: bool
    """The internal edition shows the power/interest grid."""
    withheld: bool
    """The public edition leaves out ratings the plan holds."""


def _central(ctx: Context) -> str | None:
    plan = ctx.plan
    comuni = [s for s in plan.stakeholders if s.type == "comune"]
    for s in comuni:
        if plan.comune.name.casefold() in s.name.casefold():
            return s.id
    if plan.stakeholder("comune") is not None:
        return "comune"
    return comuni[0].id if comuni else None


def rete(ctx: Context) -> tuple[Block, ...]:
    plan = ctx.plan
    central = _central(ctx)
    internal = ctx.edition == "interna"
    grid = [
        GridPoint(s.name, s.power, s.interest, number)
        for number, s in enumerate(plan.stakeholders, start=1)
        if s.power is not None and s.interest is not None
    ]
    rated = any(
        s.power is not None or s.interest is not None or s.engagement is not None
        for s in plan.stakeholders
    )
    summary = NetworkSummary(
        central=ctx.stakeholder(central) if central is not None else None,
        relations=bool(plan.relations),
        grid=internal and bool(grid),
        withheld=not internal and rated,
    )
    blocks: list[Block] = [
        Heading(1, msg.H_NETWORK),
        *narrative("rete.md.j2", counts=ctx.counts, network=summary, internal=internal),
        Heading(2, msg.H_NETWORK_ACTORS, anchor=ACTORS),
        _actors(ctx) or Paragraph((Placeholder(OPEN_LABELS["stakeholders"]),), "plain"),
        Heading(2, msg.H_NETWORK_MAP),
    ]
    if plan.relations:
        blocks += _relations(ctx, central)
    else:
        blocks.append(Paragraph((msg.NOTE_NO_RELATIONS,), "note"))
    if internal:
        blocks += _ratings(ctx, grid)
    blocks.append(Heading(2, msg.H_NETWORK_STEERING))
    steering = steering_body(ctx)
    if steering is not None:
        facts: list[tuple[str, Cell]] = [(msg.STEERING_NAME, steering.name)]
        if steering.coordinator:
            facts.append((msg.STEERING_COORDINATOR, steering.coordinator))
        if steering.cadence:
            facts.append((msg.STEERING_CADENCE, steering.cadence))
        facts.append((msg.STEERING_MEMBERS, _members_in_annex(ctx, steering.members)))
        blocks.append(card(msg.TC_STEERING, facts, caption=True))
    else:
        key = "governance.steering_body" if plan.governance is not None else "governance"
        blocks.append(Paragraph((Placeholder(OPEN_LABELS[key]),), "plain"))
    blocks.append(Heading(2, msg.H_NETWORK_TABLES))
    bodies = tables(ctx)
    if bodies:
        blocks.append(
            Table(
                msg.TC_TABLES,
                (Column(msg.T_TABLE), Column(msg.T_AREA), Column(msg.T_MEMBERS)),
                tuple((t.name, t.topic, _members_in_annex(ctx, t.members)) for t in bodies),
            )
        )
    else:
        blocks.append(Paragraph((msg.NOTE_NO_TABLES,), "note"))
    return tuple(blocks)


def _actors(ctx: Context) -> Table | None:
    """Who the actors are, their role and what they commit to (both editions)."""
    if not ctx.plan.stakeholders:
        return None
    return Table(
        msg.TC_STAKEHOLDERS,
        (
            Column(msg.T_RANK, "right"),
            Column(msg.T_ORGANISATION),
            Column(msg.T_ACTOR_TYPE),
            Column(msg.T_LEVEL),
            Column(msg.T_ROLE),
            Column(msg.T_COMMITMENTS),
        ),
        tuple(
            (
                str(number),
                s.name,
                ctx.actor_type(s.type),
                ctx.level(s.level),
                open_value(s.role, "stakeholder.role"),
                s.commitments or DASH,
            )
            for number, s in enumerate(ctx.plan.stakeholders, start=1)
        ),
    )


def _ratings(ctx: Context, grid: Sequence[GridPoint]) -> list[Block]:
    """The internal edition's power/interest grid: the figure and a table with the
    scores, the quadrant's strategy and the planned engagement of each actor."""
    blocks: list[Block] = [Heading(2, msg.H_NETWORK_GRID)]
    table = _grid_table(ctx)
    if grid:
        blocks += _figure(
            msg.FIG_GRID_TITLE,
            power_interest_alt_text(grid),
            _png(lambda: power_interest_png(grid, width_px=FIGURE_WIDTH_PX)),
            table,
        )
    elif table.rows:
        blocks.append(table)
    missing = [s.name for s in ctx.plan.stakeholders if s.power is None or s.interest is None]
    if missing:
        blocks.append(Paragraph((msg.NOTE_GRID_MISSING.format(names=joined(missing)),), "note"))
    return blocks


def _relations(ctx: Context, central: str | None) -> list[Block]:
    plan = ctx.plan
    linked = {central} | {r.from_ for r in plan.relations} | {r.to for r in plan.relations}
    nodes = tuple(
        FigureNode(s.id, s.name, ctx.actor_type(s.type), s.id == central, number)
        for number, s in enumerate(plan.stakeholders, start=1)
        if s.id in linked
    )
    known = {s.id for s in plan.stakeholders}
    edges = tuple(
        FigureEdge(r.from_, r.to, r.label or msg.RELATION_KINDS.get(r.kind or "", "") or None)
        for r in plan.relations
        if r.from_ in known and r.to in known
    )
    numbers = {s.id: number for number, s in enumerate(plan.stakeholders, start=1)}

    def actor(stakeholder_id: str) -> str:
        name = ctx.stakeholder(stakeholder_id)
        number = numbers.get(stakeholder_id)
        return (
            name if number is None else fig_msg.NETWORK_ACTOR_REF.format(number=number, name=name)
        )

    table = Table(
        msg.TC_RELATIONS,
        (Column(msg.T_FROM), Column(msg.T_TO), Column(msg.T_RELATION), Column(msg.T_DESCRIPTION)),
        tuple(
            (
                actor(r.from_),
                actor(r.to),
                msg.RELATION_KINDS.get(r.kind or "", DASH),
                r.label or DASH,
            )
            for r in plan.relations
        ),
    )
    total = len(plan.stakeholders)
    caption = (
        fig_msg.NETWORK_CAPTION_ALL.format(total=total)
        if len(nodes) >= total
        else fig_msg.NETWORK_CAPTION_SOME.format(shown=len(nodes), total=total)
    )
    return _figure(
        caption,
        network_alt_text(nodes, edges, total=total),
        _png(lambda: network_png(nodes, edges, width_px=NETWORK_WIDTH_PX)),
        table,
    )


def _grid_table(ctx: Context) -> Table:
    """Every actor with some rating, in the order of the plan (the N. of every table)."""
    rows: list[tuple[Cell, ...]] = []
    for number, s in enumerate(ctx.plan.stakeholders, start=1):
        if s.power is None and s.interest is None and s.engagement is None:
            continue
        rows.append(
            (
                str(number),
                s.name,
                open_value(s.power, "stakeholder.power"),
                open_value(s.interest, "stakeholder.interest"),
                power_interest_quadrant(s.power, s.interest)
                if s.power is not None and s.interest is not None
                else DASH,
                ctx.engagement(s.engagement),
            )
        )
    return Table(
        msg.TC_GRID,
        (
            Column(msg.T_RANK, "right"),
            Column(msg.T_ORGANISATION),
            Column(msg.T_POWER, "right"),
            Column(msg.T_INTEREST, "right"),
            Column(msg.T_QUADRANT),
            Column(msg.T_ENGAGEMENT),
        ),
        tuple(rows),
    )


def _png(draw: Callable[[], bytes]) -> bytes | None:
    """The figure's picture; None when Pillow is not installed (the table still follows)."""
    try:
        return draw()
    except ImportError:
        return None


def _figure(title: str, alt: str, png: bytes | None, data: Table) -> list[Block]:
    if png is None:
        return [Paragraph((msg.FIGURE_UNAVAILABLE,), "note"), data]
    return [Figure(title, alt, png, data)]


def _members_in_annex(ctx: Context, members: Sequence[str]) -> str:
    """ "18 organizzazioni (elenco nell'Allegato A)": the names are in the annex."""
    if not members:
        return DASH
    return msg.MEMBERS_IN_ANNEX.format(
        members=msg.counted(len(members), "organizzazione"), annex=ctx.annex_ref("bodies")
    )
