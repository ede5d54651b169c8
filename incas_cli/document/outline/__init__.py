"""The plan document's outline: plan + catalogue -> :class:`~incas_cli.document.model.Document`.

One module per chapter, each a function of the :class:`~incas_cli.document.outline.common.Context`
returning its blocks; this is the only place that decides what the document says (writers
decide how it looks). Texts are Italian and final; numbers, money and dates are formatted
here; open fields of a draft become placeholders.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from incas_cli.document.model import Document, resolve_refs
from incas_cli.document.outline import (
    allegati,
    bisogni,
    coerenza,
    cover,
    cronoprogramma,
    fenomeno,
    finanziario,
    misure,
    monitoraggio,
    organizzazione,
    percorso,
    premessa,
    rete,
    strategia,
    territorio,
)
from incas_cli.document.outline.common import Context
from incas_cli.document.outline.cover import properties, running_header
from incas_cli.messages import render as msg

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.models import Plan
    from incas_cli.render import ChangeEntry, Edition

CHAPTERS = (
    cover.cover,
    premessa.premessa,
    territorio.territorio,
    percorso.percorso,
    rete.rete,
    organizzazione.organizzazione,
    strategia.strategia,
    fenomeno.fenomeno,
    bisogni.bisogni,
    misure.misure,
    coerenza.coerenza,
    cronoprogramma.cronoprogramma,
    finanziario.finanziario,
    monitoraggio.monitoraggio,
    allegati.allegati,
)
"""The chapters in order, the cover (with the table of contents) first. ``organizzazione``
adds sections to the network chapter (partner Comuni, the internal organisation), and
``fenomeno`` is a chapter only for a plan that analyses the phenomenon."""

__all__ = ["CHAPTERS", "plan_document", "properties"]


def plan_document(
    plan: Plan,
    catalog: Catalog,
    *,
    edition: Edition = "pubblica",
    changelog: Sequence[ChangeEntry] = (),
) -> Document:
    """The plan's document for this catalogue and edition (the internal edition adds the
    referents' contacts and says so on every page)."""
    from incas_cli.errors import InputError

    national = catalog.national_plan(plan.plan.national_plan)
    if national is None:
        raise InputError(
            msg.UNKNOWN_NATIONAL_PLAN.format(plan_id=plan.plan.national_plan),
            hint=msg.UNKNOWN_NATIONAL_PLAN_HINT.format(known=", ".join(catalog.national_plans)),
        )
    ctx = Context(plan, catalog, national, edition=edition, changelog=changelog)
    return Document(
        blocks=resolve_refs([block for chapter in CHAPTERS for block in chapter(ctx)]),
        properties=properties(plan),
        running_header=running_header(plan),
        draft=ctx.draft,
        restricted=msg.INTERNAL_MARK if edition == "interna" else "",
    )
