"""Text of the document's figures (stakeholder network, power/interest grid) and their alt texts."""

# --- shared -------------------------------------------------------------------------------
UNNAMED = "(senza nome)"
NO_GROUP = "Tipo non indicato"
ACTORS_ONE = "1 attore"
ACTORS_MANY = "{count} attori"
ELLIPSIS = "…"
NO_FREETYPE = "Pillow è installato senza FreeType: impossibile scrivere il testo delle figure"
NO_FREETYPE_HINT = "reinstalla Pillow dai pacchetti ufficiali: pip install --force-reinstall pillow"

# --- stakeholder network ------------------------------------------------------------------
NETWORK_EMPTY = "Nessun attore da rappresentare"
NETWORK_LEGEND_GROUPS = "Tipi di attore"
NETWORK_LEGEND_RELATIONS = "Relazioni"

RELATIONS_NONE = "nessuna relazione"
RELATIONS_ONE = "1 relazione"
RELATIONS_MANY = "{count} relazioni"

NETWORK_ALT_EMPTY = "Rete degli attori: nessun attore indicato."
NETWORK_ALT_INTRO = "Rete degli attori del piano: {actors} e {relations}."
NETWORK_ALT_INTRO_OF = (
    "Relazioni formali della rete: {actors} su {total} del piano, quelli che hanno almeno "
    "una relazione, e {relations}."
)
NETWORK_ALT_NUMBERS = "Nei simboli, il numero dell'attore nella tabella degli attori."
NETWORK_ALT_CENTRE = "Al centro: {centre}, in relazione diretta con {linked}."
NETWORK_ALT_CENTRE_ALONE = "Al centro: {centre}, senza relazioni dirette indicate."
NETWORK_ALT_NO_CENTRE = "Nessun attore è indicato al centro della rete."
NETWORK_ALT_GROUPS = "Per tipo: {groups}."
NETWORK_ALT_GROUP = "{group} {count}"
NETWORK_ALT_RELATIONS = "Relazioni principali: {relations}."
NETWORK_ALT_RELATION = "{source} – {target}"
NETWORK_ALT_RELATION_LABEL = "{source} – {target} ({label})"
NETWORK_ALT_MORE_RELATIONS = "altre {count}"
NETWORK_ALT_MORE_RELATION = "un'altra"

# --- power/interest grid ------------------------------------------------------------------
AXIS_POWER = "Potere (1 = basso, 5 = alto)"
AXIS_INTEREST = "Interesse (1 = basso, 5 = alto)"
QUADRANT_MANAGE = "Gestire da vicino"
QUADRANT_SATISFY = "Tenere soddisfatti"
QUADRANT_INFORM = "Tenere informati"
QUADRANT_MONITOR = "Monitorare"
GRID_EMPTY = "Nessun attore con potere e interesse indicati"
GRID_LEGEND_TITLE = "Attori nella griglia"
GRID_RANGE = "{first}–{last}"
GRID_NUMBERS_SEPARATOR = ", "
GRID_CELL_COUNT = "{count} attori"

GRID_ALT_EMPTY = "Griglia potere/interesse: nessun attore con potere e interesse indicati."
GRID_ALT_INTRO = (
    "Griglia potere/interesse con {actors}, valutati da 1 (basso) a 5 (alto); "
    "potere e interesse sono alti da {threshold} in su."
)
GRID_ALT_QUADRANT = "{quadrant}, {actors}: {names}."
GRID_ALT_QUADRANT_EMPTY = "{quadrant}: nessun attore."
GRID_ALT_MORE_ACTORS = "altri {count}"
GRID_ALT_MORE_ACTOR = "un altro"
GRID_ALT_QUADRANTS = {
    "manage": "Gestire da vicino (potere e interesse alti)",
    "satisfy": "Tenere soddisfatti (potere alto, interesse basso)",
    "inform": "Tenere informati (potere basso, interesse alto)",
    "monitor": "Monitorare (potere e interesse bassi)",
}

# --- captions -------------------------------------------------------------------------------
NETWORK_CAPTION_ALL = (
    "Relazioni formali tra gli attori della rete: tutti i {total} attori "
    "(numeri della tabella degli attori)"
)
NETWORK_CAPTION_SOME = (
    "Relazioni formali tra gli attori della rete: {shown} dei {total} attori, quelli che "
    "hanno almeno una relazione (numeri della tabella degli attori)"
)
NETWORK_ACTOR_REF = "{number}. {name}"

# --- indicator series (Relazione di monitoraggio) ---------------------------------------
SERIES_LEGEND_VALUES = "Valori rilevati"
SERIES_LEGEND_LINE = "Andamento atteso (da partenza a traguardo)"
SERIES_LEGEND_TARGET = "Traguardo"
SERIES_TARGET_LABEL = "traguardo {value}"
SERIES_ALT = (
    "Andamento dell'indicatore «{name}»: partenza {baseline}, traguardo {target} "
    "({start} – {end}). {values}"
)
SERIES_ALT_VALUE = "{month}: {value}"
SERIES_ALT_VALUES = "Valori rilevati: {values}."
SERIES_ALT_NO_VALUES = "Nessun valore rilevato."
