"""The annexes: the members of the steering body and of the tables; the version history
when there is one; the contacts of the referents, in the internal edition only."""

from __future__ import annotations

from incas_cli import formats as fmt
from incas_cli.document.model import Block, Column, Heading, ItemList, Paragraph, Table
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import DASH, NBSP, Context, nowrap
from incas_cli.document.outline.rete import steering_body, tables
from incas_cli.messages import render as msg


def allegati(ctx: Context) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Heading(1, msg.H_ANNEXES, numbered=False),
        *narrative("allegati.md.j2", annexes=ctx.annexes),  # exactly this edition's annexes
    ]
    for annex in ctx.annexes:
        blocks.append(Heading(2, annex.heading))
        if annex.key == "bodies":
            blocks += _bodies(ctx)
        elif annex.key == "changelog":
            blocks.append(_changelog(ctx))
        else:
            blocks += _contacts(ctx)
    return tuple(blocks)


def _bodies(ctx: Context) -> list[Block]:
    """Who sits in the steering body and in each table (chapter 4 gives the counts)."""
    steering = steering_body(ctx)
    bodies = (*((steering,) if steering is not None else ()), *tables(ctx))
    if not bodies:
        return [Paragraph((msg.NOTE_NO_BODIES,), "note")]
    blocks: list[Block] = []
    for body in bodies:
        if body.steering:
            named = msg.STEERING_DEFAULT_NAME.casefold() in body.name.casefold()
            title = body.name if named else msg.H_ANNEX_STEERING.format(name=body.name)
            details = []
        else:
            title = msg.H_ANNEX_BODY.format(name=body.name)
            details = [msg.ANNEX_DETAIL.format(label=msg.T_AREA, value=body.topic)]
        blocks.append(Heading(3, title))
        if body.coordinator:
            details.append(
                msg.ANNEX_DETAIL.format(label=msg.STEERING_COORDINATOR, value=body.coordinator)
            )
        if body.cadence:
            details.append(msg.ANNEX_DETAIL.format(label=msg.STEERING_CADENCE, value=body.cadence))
        if details:
            blocks.append(Paragraph((" ".join(details),), "note"))
        if body.members:
            blocks.append(ItemList(tuple((m,) for m in body.members)))
    return blocks


def _changelog(ctx: Context) -> Table:
    return Table(
        msg.TC_CHANGELOG,
        (Column(msg.T_VERSION), Column(msg.T_DATE), Column(msg.T_CHANGES)),
        tuple(
            (
                entry.version or DASH,
                nowrap(fmt.long_date(entry.date)) if entry.date else DASH,
                tuple(entry.summary) or (DASH,),
            )
            for entry in ctx.changelog
        ),
    )


def _contacts(ctx: Context) -> list[Block]:
    """The only place that reads personal data, and only for the internal edition."""
    rows = tuple(
        (
            s.name,
            s.contact.person or DASH,
            s.contact.email or DASH,
            NBSP.join(s.contact.phone.split()) if s.contact.phone else DASH,
        )
        for s in ctx.plan.stakeholders
        if s.contact is not None and (s.contact.person or s.contact.email or s.contact.phone)
    )
    blocks: list[Block] = [Paragraph((msg.NOTE_CONTACTS_WARNING,), "note")]
    if rows:
        blocks.append(
            Table(
                msg.TC_CONTACTS,
                (
                    Column(msg.T_ORGANISATION),
                    Column(msg.T_PERSON),
                    Column(msg.T_EMAIL),
                    Column(msg.T_PHONE),
                ),
                rows,
            )
        )
    else:
        blocks.append(Paragraph((msg.NOTE_NO_CONTACTS,), "note"))
    return blocks
