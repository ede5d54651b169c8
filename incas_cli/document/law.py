"""The law a plan may cite, chosen by the plan's date.

A document must not cite an act that did not exist on its date: Saluzzo's plan, adopted in
November 2023, cannot speak of art. 18-ter (in force from 11 October 2024). The acts with
their dates are data (:mod:`incas_cli.catalog.law`); the text that cites them is the narrative
(``templates/quadro_normativo.md.j2`` and ``quadro_nazionale.md.j2``), which asks
``law.cites(key)``. Facts and sources: DOMAIN.md sections 1 and 4.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from incas_cli.catalog.law import LEGAL_ACTS
from incas_cli.facts import plan_dates

if TYPE_CHECKING:
    from incas_cli.models import Plan


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
