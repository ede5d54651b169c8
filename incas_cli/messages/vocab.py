"""The Italian words of the plan file's vocabularies, one entry per value.

The values themselves (what a plan file may say) are defined in
:mod:`incas_cli.models.vocab`; here each value gets its words, once: the document, the
wizard's choices, ``plan status``, ``plan diff`` and the catalogue all read them from
here, so that one value never has two names. A test checks that every vocabulary below
has exactly the values of the models, in the same order.

``label`` is the name as it stands on its own (a table cell, a choice): capitalised,
except the plan statuses, which the document writes in running text ("Stato: bozza") and
:func:`capitalized` turns into choices. ``short`` is for narrow places (the columns of
``plan status``); ``description`` says what a value means (the wizard shows it beside the
choice); ``plural`` names several of a kind.
"""

from __future__ import annotations

from typing import NamedTuple


class Term(NamedTuple):
    """The words for one value of a vocabulary."""

    label: str
    description: str | None = None
    short: str | None = None
    plural: str | None = None

    @property
    def short_label(self) -> str:
        return self.short or self.label


def capitalized(text: str) -> str:
    """``in consultazione`` -> ``In consultazione`` (only the first letter changes)."""
    return text[:1].upper() + text[1:]


# --- the plan ------------------------------------------------------------------------------

PLAN_STATUSES = {
    "bozza": Term("bozza"),
    "in_consultazione": Term("in consultazione"),
    "proposta": Term(
        "proposta",
        "Il testo inviato alla Giunta o al Consiglio per l'adozione: senza BOZZA, con "
        "«Allegato A alla deliberazione … n. ___ del ___» e nessun campo da completare.",
    ),
    "adottato": Term("adottato"),
}
ADOPTION_ORGANS = {
    "giunta": Term("Giunta comunale"),
    "consiglio": Term("Consiglio comunale"),
}
ADOPTION_ACTS = {
    "giunta": "delibera della Giunta comunale",
    "consiglio": "delibera del Consiglio comunale",
}
"""The act by which each organ adopts the plan (the cover: "Adozione: delibera ...")."""

# --- the territory -----------------------------------------------------------------------

WORKFORCE = {
    "resident": Term("Lavoratori agricoli residenti"),
    "seasonal": Term("Lavoratori stagionali"),
    "foreign": Term("Lavoratori stranieri"),
    "women": Term("Lavoratrici"),
}
"""The categories of the agricultural workforce (``context.workforce``)."""

# --- the network ---------------------------------------------------------------------------

LEVELS = {
    "nazionale": Term(
        "Nazionale",
        "Opera a livello nazionale (ministeri, enti e organizzazioni nazionali o internazionali).",
    ),
    "regionale": Term("Regionale", "Opera a livello regionale."),
    "provinciale": Term(
        "Provinciale",
        "Opera a livello provinciale (per esempio Prefettura, Ispettorato territoriale, "
        "sedi INPS).",
    ),
    "locale": Term("Locale", "Opera nel Comune o nell'ambito dei Comuni del piano."),
}
ENGAGEMENT_LEVELS = {
    "informare": Term(
        "Informare",
        "Fornire informazioni chiare e tempestive sul piano e sulle sue decisioni.",
    ),
    "consultare": Term(
        "Consultare",
        "Raccogliere pareri e osservazioni e dire come se ne è tenuto conto.",
    ),
    "coinvolgere": Term(
        "Coinvolgere",
        "Lavorare insieme lungo il percorso perché bisogni e proposte entrino nelle scelte.",
    ),
    "collaborare": Term(
        "Collaborare",
        "Condividere le decisioni e l'attuazione delle misure come partner del piano.",
    ),
    "delegare": Term("Delegare", "Affidare la decisione o la guida di una misura."),
}
"""From the least to the most engagement (their rank is their place here, from 1)."""

RELATION_KINDS = {
    "protocollo": Term("Protocollo d'intesa"),
    "accordo": Term("Accordo"),
    "tavolo": Term("Tavolo comune"),
    "convenzione": Term("Convenzione"),
    "altro": Term("Altro"),
}

# --- measures ------------------------------------------------------------------------------

INDICATOR_KINDS = {
    "output": Term("Realizzazione (output)", "cosa la misura produce"),
    "outcome": Term("Risultato (outcome)", "cosa cambia per le persone"),
}
BUDGET_STATUSES = {
    "assicurato": Term(
        "Assicurato", "le risorse sono già disponibili (stanziate, assegnate o concesse)"
    ),
    "richiesto": Term("Richiesto", "le risorse sono state chieste e la risposta è attesa"),
    "da-reperire": Term("Da reperire", "le risorse vanno ancora trovate"),
}
"""How sure a budget line is (``measures[].budget[].status``)."""

# --- monitoring reports (incas monitor) ------------------------------------------------------

MEASURE_STATES = {
    "non-avviata": Term("non avviata", "la misura non è ancora partita", plural="non avviate"),
    "in-corso": Term("in corso", "la misura è partita e non è conclusa"),
    "completata": Term(
        "completata", "la misura è conclusa (serve il mese di conclusione)", plural="completate"
    ),
    "sospesa": Term("sospesa", "la misura è ferma e riprenderà", plural="sospese"),
    "annullata": Term("annullata", "la misura non si farà", plural="annullate"),
}
"""A measure's state in a monitoring report (``measures[].status``)."""
REPORT_STATUSES = {
    "bozza": Term("in bozza", "la relazione è in preparazione"),
    "approvato": Term("approvata", "la relazione è approvata (approval: organo, numero, data)"),
}
"""A monitoring report's status (``report.status``)."""
INDICATOR_KIND_PHRASES = {
    "output": "di realizzazione",
    "outcome": "di risultato",
}
"""Indicators of a kind, in a sentence: "3 indicatori di realizzazione"."""

# --- the participatory process -------------------------------------------------------------

MEETING_KINDS = {
    "tavolo": Term("Tavolo tematico", plural="Tavoli tematici"),
    "bilaterale": Term("Incontro bilaterale", plural="Incontri bilaterali"),
    "assemblea": Term("Assemblea pubblica", plural="Assemblee pubbliche"),
    "task-force": Term("Task force comunale", plural="Riunioni della task force comunale"),
    "altro": Term("Altro incontro", plural="Altri incontri"),
}

# --- sections ------------------------------------------------------------------------------

PLAN_SECTIONS = {
    "plan": Term("Dati del piano", short="Piano"),
    "comune": Term("Comune e Comuni partner", short="Comune"),
    "context": Term("Profilo del territorio", short="Territorio"),
    "stakeholders": Term("Attori della rete", short="Attori"),
    "relations": Term("Relazioni tra gli attori", short="Relazioni"),
    "governance": Term("Governance e tavoli", short="Governance"),
    "organization": Term("Organizzazione del Comune", short="Organizzazione"),
    "needs": Term("Bisogni", short="Bisogni"),
    "strategy": Term("Strategia e obiettivi", short="Strategia"),
    "measures": Term("Misure", short="Misure"),
    "monitoring": Term("Monitoraggio", short="Monitoraggio"),
    "process": Term("Percorso partecipativo", short="Percorso"),
}
"""The parts of a plan file (its top-level keys): ``plan diff`` names them with
``label``, the ``plan status`` table with ``short``."""

WIZARD_SECTIONS = {
    "comune": Term("Comune"),
    "periodo": Term("Periodo e stato"),
    "territorio": Term("Territorio e colture"),
    "attori": Term("Attori della rete"),
    "relazioni": Term("Relazioni tra attori"),
    "governance": Term("Governance e tavoli"),
    "bisogni": Term("Bisogni"),
    "strategia": Term("Strategia e obiettivi"),
    "misure": Term("Misure"),
    "monitoraggio": Term("Monitoraggio"),
    "percorso": Term("Percorso partecipativo"),
}
"""The wizard's sections (``incas plan edit --section``), in the order it asks them."""

# --- months --------------------------------------------------------------------------------

NOT_A_MONTH = "«{value}» non è un mese nel formato AAAA-MM (es. 2025-03)"
MONTH_YEAR_ZERO = "«{value}»: l'anno 0000 non esiste nel calendario"
