"""Text of the plan document added for its readers: the «Criticità» (risks the checks know),
the Region's name, counts in words, the pointers that say where a thing is said once."""

from __future__ import annotations

import re

from incas_cli.messages.render import NOUN_FORMS

# --- Criticità: the warnings of the checks a reader must know -----------------------------
H_RISKS = "Criticità da seguire"
RISKS_INTRO_ONE = "I controlli del piano segnalano una criticità da seguire nell'attuazione."
RISKS_INTRO_MANY = "I controlli del piano segnalano {count} criticità da seguire nell'attuazione."
RISKS_IN_CARD_ONE = "È riportata anche nella scheda della misura che riguarda."
RISKS_IN_CARD = "Ciascuna è riportata anche nella scheda della misura che riguarda."
RISKS_IN_CARDS_SOME = "Quelle che riguardano una misura sono riportate anche nella sua scheda."
RISKS_INTRO_PUBLIC = (
    "Questa edizione riporta le criticità che riguardano le fonti di finanziamento e le date."
)
TC_RISKS = "Criticità segnalate dai controlli del piano"
T_RISK_WHERE = "Riferimento"
T_RISK_TOPIC = "Tema"
T_RISK_TEXT = "Criticità"
CARD_RISKS = "Criticità"
RISK_PLAN = "Il piano"
RISK_MEASURE = "Misura {id}"
RISK_TOPICS = {"fondi": "Fonti di finanziamento", "date": "Date", "contenuto": "Contenuti"}

# --- the Gantt tables: a table per year, a column per month --------------------------------
PEAK_MARK = "▲"
T_PEAK_ROW = "Mesi di picco della raccolta (calendario delle colture)"
TC_GANTT_YEAR = "Cronoprogramma delle misure, {year}"
GANTT_LEGEND = "Legenda: {items}."
GANTT_LEGEND_ACTIVE = "{mark} misura attiva"
GANTT_LEGEND_PEAK = "{mark} mese di picco della domanda di lavoro agricolo"
GANTT_LEGEND_REVIEW = "{mark} verifica di monitoraggio"
NOTE_GANTT_BY_MONTH = (
    "Una tabella per anno, una colonna per mese: una misura stagionale è segnata solo nei "
    "suoi mesi di attività."
)
SEASON = "ogni anno {months}"
SEASON_RUN = "da {first} {to_last}"  # to_last: «a ottobre», «ad agosto» (formats.in_month)
SEASON_MONTH = "{in_month}"  # «a ottobre», «ad aprile»
NOTE_GANTT_BY_YEAR = "Una colonna per anno; i mesi di attività sono nelle schede delle misure."

# --- the Region as an institution ---------------------------------------------------------
REGION_NAME = "Regione {name}"
REGION_OFFICIAL_NAMES = {
    "Sicilia": "Regione Siciliana",
    "Sardegna": "Regione Autonoma della Sardegna",
    "Valle d'Aosta/Vallée d'Aoste": "Regione Autonoma Valle d'Aosta",
    "Valle d'Aosta": "Regione Autonoma Valle d'Aosta",
}
"""Regions whose statute gives them another name than «Regione» + the ISTAT name."""
AUTONOMOUS_PROVINCES = {"BZ": "Provincia autonoma di Bolzano", "TN": "Provincia autonoma di Trento"}
"""In Trentino-Alto Adige/Südtirol labour and employment services, health and social policy
belong to the two autonomous Provinces, not to the Region (Statuto speciale, DPR 670/1972,
artt. 8 and 9): the framework names the Province of the plan's Comune."""
BY_PREFECTURE = "dalla Prefettura"
BY_PREFECTURE_WHERE_NONE = {
    "BZ": "dal Commissariato del Governo per la provincia di Bolzano",
    "TN": "dal Commissariato del Governo per la provincia di Trento",
    "AO": "dalla Presidenza della Regione, che in Valle d'Aosta esercita le funzioni prefettizie",
}
"""Provinces without a Prefettura: in Trentino-Alto Adige the Commissariato del Governo
(DPR 670/1972, art. 87), in Valle d'Aosta the President of the Region acts as prefect."""


# --- counts in running prose ----------------------------------------------------------------
FEMININE_NOUNS = frozenset(
    {"azione prioritaria", "misura", "organizzazione", "pagina", "voce di spesa"}
)


def counted_words(count: int, noun: str) -> str:
    """Running prose: ``una misura``, ``un'azione prioritaria``, ``tre misure``, ``15 misure``
    (counts up to ten in words, :func:`incas_cli.formats.in_words`); ``noun`` is a key of
    :data:`~incas_cli.messages.render.NOUN_FORMS`."""
    from incas_cli.formats import in_words

    one, many = NOUN_FORMS[noun]
    if count != 1:
        return f"{in_words(count)} {many}"
    if noun in FEMININE_NOUNS:
        return f"un'{one}" if one[0] in "aeiou" else f"una {one}"
    return f"uno {one}" if re.match(r"(s[^aeiou]|z|gn|ps|x|y)", one) else f"un {one}"


# --- each thing once: where the reader finds what a place does not repeat ----------------
NOTE_NEED_CARDS = (
    "Ogni scheda completa la riga del bisogno nella tabella dei bisogni ({ranking}) con "
    "destinatari, gravità e urgenza, evidenze, fonte e misure che lo affrontano."
)
INDICATOR_KIND_COLUMNS: dict[str | None, str] = {
    "output": "Di realizzazione",
    "outcome": "Di risultato",
    None: "Di tipo da definire",
}
T_CARD = "Scheda"
