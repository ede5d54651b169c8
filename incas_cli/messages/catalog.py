"""Messages of the national catalogue, the list of Comuni and ``incas catalog``."""

# --- loading the packaged data -------------------------------------------------------------

DATA_UNREADABLE = "impossibile leggere il file del catalogo {file}: {reason}."
DATA_BAD_JSON = (
    "Il file del catalogo {file} non è JSON valido (riga {line}, colonna {column}): {reason}."
)
DATA_INVALID = "il file del catalogo {file} non è valido:\n{details}"
DATA_INVALID_HINT = (
    "Correggi il file indicato (i file del catalogo sono JSON in UTF-8) oppure reinstalla incas."
)
DATA_MISSING = "nella cartella del catalogo {directory} manca {name}."
DATA_NO_PLANS = "nella cartella {directory} non c'è nessun piano nazionale (plans/*.json)."
PLAN_FILE_NAME_MISMATCH = (
    "Il piano nazionale con id «{plan_id}» deve stare nel file plans/{plan_id}.json, non in {file}."
)
DUPLICATE_NATIONAL_PLAN = "il piano nazionale «{plan_id}» è definito due volte."
COMUNI_UNREADABLE = "impossibile leggere l'elenco dei Comuni {file}: {reason}."
COMUNI_INVALID = "l'elenco dei Comuni {file} non è valido alla riga {line}: {reason}."

# --- rules checked by the catalogue's own model --------------------------------------------

ERROR_AT = "{loc}: {message}"
ERROR_NO_LOC = "{message}"
MORE_ERRORS = "... e altri {count} errori."
PYDANTIC_MESSAGES = {
    "missing": "campo obbligatorio mancante",
    "extra_forbidden": "campo non previsto",
    "string_type": "deve essere un testo",
    "int_type": "deve essere un numero intero",
    "int_parsing": "deve essere un numero intero",
    "bool_type": "deve essere true o false",
    "list_type": "deve essere un elenco",
    "dict_type": "deve essere un oggetto",
    "model_type": "deve essere un oggetto",
    "date_from_datetime_parsing": "deve essere una data AAAA-MM-GG",
    "date_parsing": "deve essere una data AAAA-MM-GG",
    "string_too_short": "non può essere vuoto",
    "string_pattern_mismatch": "formato non valido",
    "greater_than_equal": "valore troppo piccolo",
    "less_than_equal": "valore troppo grande",
}
LITERAL_ERROR = "valore non ammesso; valori possibili: {expected}"
ITEM_WITHOUT_ID = "l'elemento {index} non ha un campo «id»"
DUPLICATE_ID = "id «{id}» ripetuto"
NOT_A_LIST = "deve essere un elenco di oggetti con un campo «id»"
ACTIONS_NOT_CONTIGUOUS = (
    "le azioni devono essere numerate da 1 a {count} senza salti, trovate: {found}"
)
ACTION_UNKNOWN_AXIS = "l'azione {number} rimanda all'asse «{axis}», che non esiste; assi: {axes}"
AXES_NOT_CONTIGUOUS = "gli assi devono essere numerati da 1 a {count} senza salti, trovati: {found}"
AXIS_WITHOUT_ACTIONS = "l'asse «{axis}» non ha nessuna azione"
AREA_UNKNOWN_ACTION = "l'area «{area}» rimanda all'azione {number}, che non esiste"
NEED_AREA_UNKNOWN_ACTION = "l'area di bisogno «{area}» rimanda all'azione {number}, che non esiste"
PERIOD_REVERSED = "l'anno di fine ({end}) precede quello di inizio ({start})"
UNKNOWN_LEVEL = "il tipo di attore «{actor}» ha un livello predefinito «{level}» sconosciuto"
UNKNOWN_DEFAULT_PLAN = "il piano nazionale predefinito «{plan_id}» non è nel catalogo"
UNKNOWN_NEED_AREA = "il piano «{plan_id}» usa l'area di bisogno «{area}», che non è nel catalogo"
UNKNOWN_ACTOR_TYPE = "lo stakeholder abituale «{id}» ha un tipo di attore sconosciuto «{type}»"
UNKNOWN_PLACEHOLDER = (
    "segnaposto «{{{name}}}» non previsto in «{pattern}»; segnaposto ammessi: {allowed}"
)

# --- looking things up ---------------------------------------------------------------------

UNKNOWN_NATIONAL_PLAN = "piano nazionale «{plan_id}» sconosciuto"
UNKNOWN_NATIONAL_PLAN_HINT = "piani nazionali disponibili: {known}"
UNKNOWN_ACTION = "il piano «{plan_id}» non ha un'azione prioritaria {number}"
UNKNOWN_ACTION_HINT = "le azioni valide vanno da 1 a {count}: vedi «incas catalog actions»"

# --- incas catalog -------------------------------------------------------------------------

JSON_HELP = "Stampa in JSON (per gli script) invece che in tabella."
PIANO_HELP = (
    "Id del piano nazionale (predefinito: il piano di riferimento del catalogo, "
    "piano-triennale-2020-2022); l'elenco con `incas catalog plans`."
)
AZIONE_HELP = "Solo le misure di questa azione prioritaria (numero)."
AXES_HELP = "Gli assi strategici del piano nazionale e le loro azioni."
ACTIONS_HELP = "Le azioni prioritarie del piano nazionale, con asse e risultato atteso."
ACTORS_HELP = "I tipi di attore (stakeholder) e il loro ruolo abituale."
NEEDS_HELP = "Le aree di bisogno e le azioni nazionali a cui di solito si collegano."
FUNDING_HELP = "Le fonti di finanziamento per le voci di spesa delle misure."
MEASURES_HELP = "Le misure locali tipiche, per azione prioritaria."

COL_NUMBER = "N."
COL_ID = "Id"
COL_AXIS = "Asse"
COL_ACTIONS = "Azioni"
COL_ACTION = "Azione"
COL_DESCRIPTION = "Descrizione"
COL_EXPECTED_RESULT = "Risultato atteso"
COL_ACTOR_TYPE = "Tipo di attore"
COL_LEVEL = "Livello"
COL_ROLE = "Ruolo abituale"
COL_NEED_AREA = "Area di bisogno"
COL_SOURCE = "Fonte"
COL_PERIOD = "Descrizione, periodo e note"
COL_MEASURE = "Misura"

TITLE_AXES = "Assi strategici - {plan}"
TITLE_ACTIONS = "Azioni prioritarie - {plan}"
TITLE_ACTORS = "Tipi di attore"
TITLE_NEEDS = "Aree di bisogno - azioni del {plan}"
TITLE_FUNDING = "Fonti di finanziamento"
TITLE_MEASURES = "Misure locali tipiche - {plan}"
TITLE_MEASURES_ONE = "Misure locali tipiche - azione {number}: {label}"
INFERRED_MARK = "*"
INFERRED_NOTE = "* Asse dedotto dal titolo dell'azione: il comunicato non lo indica."
END_DATE_NOTE = "Scadenza: {date}."
REGIONS_NOTE = "Solo per: {regions}."
CROSS_CUTTING = "Trasversali"
NONE = "-"

# --- scripts/update_comuni.py --------------------------------------------------------------

SCRIPT_DESCRIPTION = (
    "Rigenera l'elenco compatto dei Comuni (comuni.csv e comuni-source.json) dal CSV ISTAT "
    "«Elenco comuni italiani»."
)
SCRIPT_SOURCE_HELP = "Il CSV ISTAT (separato da «;», ISO-8859-1 o UTF-8)."
SCRIPT_OUTPUT_HELP = "Cartella di destinazione (predefinita: i dati del catalogo nel pacchetto)."
SCRIPT_DATE_HELP = "Data dei dati ISTAT, AAAA-MM-GG (predefinita: data di modifica del file)."
SCRIPT_OBTAINED_HELP = "Da dove viene la copia del CSV (per comuni-source.json)."
SCRIPT_CANNOT_READ = "Impossibile leggere {path}: {reason}."
SCRIPT_EMPTY_SOURCE = "il file non contiene nessun Comune."
SCRIPT_MISSING_COLUMN = "manca la colonna «{column}»: è davvero l'elenco ISTAT dei comuni?"
SCRIPT_SHORT_ROW = "la riga {line} ha meno colonne dell'intestazione."
SCRIPT_BAD_CODE = "riga {line}: codice ISTAT «{code}» non valido (servono 6 cifre)."
SCRIPT_DUPLICATE_CODE = "riga {line}: codice ISTAT «{code}» ripetuto."
SCRIPT_BAD_ROW = "riga {line}: manca la denominazione o la sigla della provincia."
SCRIPT_DONE = "Scritti {count} Comuni in {path}."

PLANS_HELP = "I piani nazionali nel catalogo (gli id da usare con --plan)."
TITLE_PLANS = "Piani nazionali"
COL_PLAN = "Piano"
DEFAULT_MARK = " *"
DEFAULT_NOTE = "* Il piano di riferimento, usato quando --plan non è indicato."
PLAN_SUMMARY = "{axes} assi, {actions} azioni prioritarie"
