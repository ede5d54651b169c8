"""The network chapter's last sections: partner Comuni of a district plan with their role
and act of adhesion, and the Comune's internal organisation (the plan's manager, which
offices do what, how the Giunta and the Consiglio are kept informed).

Sections of the network chapter (they follow the thematic tables), kept in their own
module: each appears only when the plan writes it (a partner's role or adhesion, the
``organization`` section), so a plan file that predates these fields renders as it did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.model import Block, Cell, Column, Heading, Placeholder, Table
from incas_cli.document.outline.common import DASH, Context, card, open_value, paragraphs
from incas_cli.messages import contents as msg
from incas_cli.messages import render as render_msg

if TYPE_CHECKING:
    from incas_cli.models.plan import Act


def organizzazione(ctx: Context) -> tuple[Block, ...]:
    return (*_partner_comuni(ctx), *_organization(ctx))


def adhesion(act: Act | None) -> Cell:
    """ "Delibera della Giunta comunale n. 12 del 2 aprile 2024" (dates in words, as the cover
    writes the plan's own resolution), blanks for what is open."""
    if act is None:
        return Placeholder(msg.ADHESION_OPEN)
    organ = (
        render_msg.ADOPTION_ACTS.get(act.organ, act.organ)
        if act.organ
        else render_msg.ADOPTION_ACT_UNKNOWN
    )
    return msg.ADHESION_ACT.format(
        act=organ[:1].upper() + organ[1:],
        number=fmt.act_number(act.number) if act.number else msg.ADHESION_BLANK,
        of_date=fmt.date_after("del", act.date) if act.date else msg.ADHESION_BLANK_DATE,
    )


def _partner_comuni(ctx: Context) -> list[Block]:
    partners = ctx.plan.comune.partners
    if not any(p.role or p.adhesion for p in partners):
        return []
    return [
        Heading(2, msg.H_PARTNER_COMUNI),
        Table(
            msg.TC_PARTNER_COMUNI,
            (
                Column(msg.T_PARTNER_COMUNE),
                Column(msg.T_PARTNER_ROLE),
                Column(msg.T_PARTNER_ADHESION),
            ),
            tuple((p.name, p.role or DASH, adhesion(p.adhesion)) for p in partners),
        ),
    ]


def _organization(ctx: Context) -> list[Block]:
    org = ctx.plan.organization
    if org is None:
        return []
    facts: list[tuple[str, Cell]] = [
        (msg.ORG_MANAGER, open_value(org.manager, "organization.manager")),
    ]
    reporting = paragraphs(org.reporting)
    if reporting:
        facts.append((msg.ORG_REPORTING, reporting))
    blocks: list[Block] = [
        Heading(2, msg.H_ORGANIZATION),
        card(msg.TC_ORGANIZATION, facts, caption=True),
    ]
    if org.offices:
        blocks.append(
            Table(
                msg.TC_OFFICES,
                (Column(msg.T_OFFICE), Column(msg.T_TASKS)),
                tuple((o.name, " ".join(paragraphs(o.tasks)) or DASH) for o in org.offices),
            )
        )
    return blocks
