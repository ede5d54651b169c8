"""Italian alt texts of the figures: what a reader who cannot see them needs to know."""

from __future__ import annotations

from collections.abc import Sequence

from incas_cli.document.figures.grid import _prepare_points
from incas_cli.document.figures.network_layout import _prepare_network
from incas_cli.document.figures.text import _count_phrase, _join, _natural
from incas_cli.document.figures.values import (
    HIGH_FROM,
    QUADRANT_KEYS,
    FigureEdge,
    FigureNode,
    GridPoint,
)
from incas_cli.messages import figures as msg


def network_alt_text(
    nodes: Sequence[FigureNode], edges: Sequence[FigureEdge], *, total: int | None = None
) -> str:
    """Italian alt text: counts (of ``total`` actors of the plan, when the figure shows only
    those with a relation), the actor at the centre, groups and the main relations."""
    net = _prepare_network(nodes, edges)
    if not net.nodes:
        return msg.NETWORK_ALT_EMPTY
    relations = (
        _count_phrase(len(net.edges), msg.RELATIONS_ONE, msg.RELATIONS_MANY)
        if net.edges
        else msg.RELATIONS_NONE
    )
    actors = _count_phrase(len(net.nodes), msg.ACTORS_ONE, msg.ACTORS_MANY)
    if total is not None and total > len(net.nodes):
        intro = msg.NETWORK_ALT_INTRO_OF.format(actors=actors, total=total, relations=relations)
    else:
        intro = msg.NETWORK_ALT_INTRO.format(actors=actors, relations=relations)
    sentences = [intro]
    if all(n.number is not None for n in net.ring):
        sentences.append(msg.NETWORK_ALT_NUMBERS)
    if net.centre is not None:
        centre_id = net.centre.id
        linked = {
            e.target if e.source == centre_id else e.source
            for e in net.edges
            if centre_id in (e.source, e.target)
        }
        if linked:
            sentences.append(
                msg.NETWORK_ALT_CENTRE.format(
                    centre=_shorten(net.centre.label),
                    linked=_count_phrase(len(linked), msg.ACTORS_ONE, msg.ACTORS_MANY),
                )
            )
        else:
            sentences.append(msg.NETWORK_ALT_CENTRE_ALONE.format(centre=_shorten(net.centre.label)))
    else:
        sentences.append(msg.NETWORK_ALT_NO_CENTRE)
    counts: dict[str, int] = {}
    for node in net.nodes:
        counts[node.group] = counts.get(node.group, 0) + 1
    by_size = sorted(counts.items(), key=lambda kv: (-kv[1], _natural(kv[0])))
    sentences.append(
        msg.NETWORK_ALT_GROUPS.format(
            groups=_join([msg.NETWORK_ALT_GROUP.format(group=g, count=c) for g, c in by_size])
        )
    )
    if net.edges:
        labels: dict[str, str] = {n.id: n.label for n in net.nodes}
        hub = net.centre.id if net.centre else None
        main = sorted(net.edges, key=lambda e: hub not in (e.source, e.target))[:5]
        described = []
        for edge in main:
            values = {
                "source": _shorten(labels[edge.source]),
                "target": _shorten(labels[edge.target]),
            }
            if edge.label:
                described.append(
                    msg.NETWORK_ALT_RELATION_LABEL.format(label=_shorten(edge.label), **values)
                )
            else:
                described.append(msg.NETWORK_ALT_RELATION.format(**values))
        more = len(net.edges) - len(main)
        if more:
            described.append(
                msg.NETWORK_ALT_MORE_RELATION
                if more == 1
                else msg.NETWORK_ALT_MORE_RELATIONS.format(count=more)
            )
        sentences.append(msg.NETWORK_ALT_RELATIONS.format(relations=_join(described)))
    return " ".join(sentences)


def _shorten(text: str, limit: int = 60) -> str:
    """A name cut for the alt text, which should stay short (the table has it whole)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + msg.ELLIPSIS


def power_interest_alt_text(points: Sequence[GridPoint]) -> str:
    """Italian alt text: how many actors, and who is in each quadrant."""
    pts = _prepare_points(points)
    if not pts:
        return msg.GRID_ALT_EMPTY
    sentences = [
        msg.GRID_ALT_INTRO.format(
            actors=_count_phrase(len(pts), msg.ACTORS_ONE, msg.ACTORS_MANY), threshold=HIGH_FROM
        )
    ]
    for key in QUADRANT_KEYS:
        members = [_shorten(p.label) for p in pts if p.quadrant == key]
        name = msg.GRID_ALT_QUADRANTS[key]
        if not members:
            sentences.append(msg.GRID_ALT_QUADRANT_EMPTY.format(quadrant=name))
            continue
        shown = members[:6]
        names = list(shown)
        more = len(members) - len(shown)
        if more:
            names.append(
                msg.GRID_ALT_MORE_ACTOR
                if more == 1
                else msg.GRID_ALT_MORE_ACTORS.format(count=more)
            )
        sentences.append(
            msg.GRID_ALT_QUADRANT.format(
                quadrant=name,
                actors=_count_phrase(len(members), msg.ACTORS_ONE, msg.ACTORS_MANY),
                names=_join(names),
            )
        )
    return " ".join(sentences)
