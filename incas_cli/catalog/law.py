"""The legal acts a plan may cite, each with the day it applies from (DOMAIN.md 1 and 4).

Data, like the rest of the catalogue: the document's legal framework cites an act only on
or after that day (:mod:`incas_cli.document.law`), and ``plan validate`` warns when the
plan's own text cites one its date cannot know (:mod:`incas_cli.checks.dated`): a plan
adopted in November 2023 cannot speak of art. 18-ter (in force from 11 October 2024).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LegalAct:
    """An act (or a provision of one) the framework cites from the day it applies; also a
    programme the document names only once it has started (the InCaS project)."""

    key: str
    applies_from: dt.date
    source: str
    cited_as: str = ""
    """How a plan's text names it (a regular expression; empty: not looked for)."""
    name: str = ""
    """Its name in a message («l'art. 18-ter del d.lgs. 286/1998»)."""

    def cited_in(self, text: str) -> str | None:
        """The words of ``text`` that cite this act, if any."""
        if not self.cited_as:
            return None
        found = re.search(self.cited_as, text, flags=re.IGNORECASE)
        return found[0] if found else None


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
        cited_as=r"\b18[- ]?ter\b|\bDL\s*(?:n\.\s*)?145/2024\b",
        name="l'art. 18-ter del d.lgs. 286/1998 (DL 145/2024)",
    ),
    LegalAct(
        "dl-146-2025",
        dt.date(2025, 11, 26),
        "DL 146/2025 (permessi di un anno, Assegno di Inclusione, Tavolo caporalato "
        "permanente), convertito dal Parlamento il 26/11/2025",
        cited_as=r"\b(?:DL|D\.L\.|decreto[- ]legge)\s*(?:n\.\s*)?146/2025\b",
        name="il DL 146/2025",
    ),
)
"""Keep in date order; a new act is a new row here and a paragraph in the narrative."""
