"""The law a plan may cite, chosen by the plan's date.

A document must not cite an act that did not exist on its date: Saluzzo's plan, adopted in
November 2023, cannot speak of art. 18-ter (in force from 11 October 2024). The acts with
their dates are data here; the text that cites them is the narrative
(``templates/quadro_normativo.md.j2`` and ``quadro_nazionale.md.j2``), which asks
``law.cites(key)``. Facts and sources: DOMAIN.md sections 1 and 4.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from incas_cli.facts import plan_dates

if TYPE_CHECKING:
    from incas_cli.models import Plan


@dataclass(frozen=True)
class LegalAct:
    """An act (or a provision of one) the framework cites from the day it applies; also a
    programme the document names only once it has started (the InCaS project)."""

    key: str
    applies_from: dt.date
    source: str


LEGAL_ACTS: tuple[LegalAct, ...] = (
    LegalAct(
        "linee-guida-2021",
        dt.date(2021, 10, 7),
        "Linee guida nazionali, Conferenza Unificata, Rep. 146/CU del 7 ottobre 2021",
    ),
    LegalAct(
        "progetto-incas",
        dt.date(2021, 8, 1),
        "Progetto InCaS (ANCI, Fondazione Cittalia), fase 1 da agosto 2021 ad agosto 2023: "
        "cittalia.it, «I Piani Locali Multisettoriali»",
    ),
    LegalAct(
        "art-18-ter",
        dt.date(2024, 10, 11),
        "Art. 18-ter d.lgs. 286/1998, introdotto dal DL 145/2024, in vigore dall'11/10/2024",
    ),
    LegalAct(
        "dl-146-2025",
        dt.date(2025, 11, 26),
        "DL 146/2025 (permessi di un anno, Assegno di Inclusione, Tavolo caporalato "
        "permanente), convertito dal Parlamento il 26/11/2025",
    ),
)
"""Keep in date order; a new act is a new row here and a paragraph in the narrative."""


@dataclass(frozen=True)
class LawView:
    """The acts the document may cite on ``date`` (every act when the plan has no date:
    a draft written today speaks today's law)."""

    date: dt.date | None
    keys: frozenset[str]

    def cites(self, key: str) -> bool:
        if key not in {act.key for act in LEGAL_ACTS}:
            raise KeyError(key)  # a typo in a template must not silently drop a paragraph
        return key in self.keys


def law_on(date: dt.date | None) -> LawView:
    """The framework of a document dated ``date``."""
    return LawView(
        date, frozenset(a.key for a in LEGAL_ACTS if date is None or a.applies_from <= date)
    )


def plan_law(plan: Plan) -> LawView:
    """The framework of ``plan``: on its adoption date, else on the document's date."""
    dates = plan_dates(plan)
    return law_on(dates.adoption or dates.document)
