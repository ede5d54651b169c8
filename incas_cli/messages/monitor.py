"""Messages of ``incas monitor``: the monitoring file, its checks, the status screen and
the *Relazione di monitoraggio*."""

from incas_cli.messages import vocab as _vocab
from incas_cli.messages.fields import FieldText as _F

NONE = "nessuno"

# --- the monitoring file's JSON Schema descriptions --------------------------------------
SCHEMA_TITLE = "Relazione di monitoraggio di un Piano Locale Multisettoriale (incas, formato v1)"
SCHEMA_DESCRIPTION = (
    "Stato di attuazione di un piano per un periodo: misure, spesa, indicatori e incontri. "
    "Un file per periodo, accanto al file del piano."
)
PLAN_FILE_DESCRIPTION = "Il file del piano, relativo alla cartella di questa relazione"
PLAN_VERSION_DESCRIPTION = "La versione del piano a cui si riferisce la relazione"
REPORT_DATE_DESCRIPTION = "Data di redazione della relazione (AAAA-MM-GG)"
NEXT_PERIOD_DESCRIPTION = "Che cosa cambia nel prossimo periodo (priorità, correzioni)"
MEASURE_ID_DESCRIPTION = "L'identificativo di una misura del piano (es. M1)"
PROGRESS_DESCRIPTION = "Avanzamento della misura, in percentuale (0-100)"
ISSUES_DESCRIPTION = "Problemi incontrati, ritardi e loro cause"
CORRECTIVE_DESCRIPTION = "Azioni correttive decise per i problemi incontrati"
INDICATOR_REF_DESCRIPTION = "L'identificativo dell'indicatore nel piano, o il suo nome"

# --- checks --------------------------------------------------------------------------------
NOT_A_REPORT = "il file non è una relazione di monitoraggio: servono chiavi e valori"
PLAN_NOT_REPORT = "questo è un file di piano, non una relazione di monitoraggio"
PLAN_NOT_REPORT_HINT = (
    "controlla il piano con «incas plan validate»; una relazione si prepara con "
    "«incas monitor init PIANO --period 2025»"
)
PLAN_UNREADABLE = "il piano indicato in report.plan.file ({path}) non si legge: {detail}"
PLAN_UNREADABLE_HINT = (
    "controlla il nome del file del piano in report.plan.file: il percorso è relativo alla "
    "cartella della relazione"
)
PLAN_FILE_RELATIVE_HINT = (
    "report.plan.file è relativo alla cartella della relazione ({folder}): per il piano "
    "{plan} scrivi «file: {written}»"
)
PLAN_INVALID = "il piano {path} ha errori di struttura: la relazione non si può controllare"
PLAN_INVALID_HINT = "correggi prima il piano: incas plan validate {path}"
REPORT_NOT_FOUND_HINT = (
    "controlla il nome e la cartella del file; «incas monitor init PIANO --period 2025» "
    "prepara la relazione di un periodo"
)
REPORT_IS_DIRECTORY_HINT = (
    "indica i file .yaml delle relazioni che si trovano dentro la cartella (ad esempio "
    "{folder}/*-monitoraggio-*.yaml)"
)
REPORT_EMPTY_HINT = (
    "«incas monitor init PIANO --period 2025» prepara la relazione di un periodo, già "
    "compilata dal piano"
)
PLAN_IS_REPORT = "{path} è una relazione di monitoraggio, non il piano"
PLAN_IS_REPORT_HINT = (
    "il primo file indicato è il piano, poi vengono le relazioni: ad esempio piano.yaml {path}"
)
REPORT_FOR_OTHER_PLAN = (
    "la relazione si riferisce al piano {named}, non a {given}: è la relazione di un altro piano"
)
REPORT_FOR_OTHER_PLAN_HINT = (
    "indica il piano giusto, o correggi report.plan.file (relativo alla cartella della relazione)"
)
NO_MEASURE_IN_PLAN = (
    "nessuna misura della relazione è nel piano «{title}»: la relazione sembra di un altro piano"
)
UNKNOWN_MEASURE = "la misura «{id}» non è nel piano"
UNKNOWN_MEASURE_HINT_SUGGEST = "forse intendevi «{suggestion}»?"
UNKNOWN_MEASURE_HINT = "misure del piano: {ids}"
DUPLICATE_MEASURE = "la misura «{id}» compare più volte"
DUPLICATE_MEASURE_HINT = "riunisci in una sola voce lo stato e la spesa della misura"
UNKNOWN_INDICATOR = "l'indicatore «{indicator}» non è tra quelli della misura {id}"
UNKNOWN_INDICATOR_HINT_SUGGEST = "forse intendevi «{suggestion}»?"
UNKNOWN_INDICATOR_HINT = "indicatori della misura (id o nome): {keys}"
UNKNOWN_PARTICIPANT = "l'attore «{id}» non è tra gli attori del piano"
UNKNOWN_PARTICIPANT_HINT = "usa gli id della sezione stakeholders del piano"
MONTH_AFTER_PERIOD = "{month} è dopo la fine del periodo della relazione ({end})"
MONTH_OUTSIDE_PERIOD = "{month} è fuori dal periodo della relazione ({start} – {end})"
DATE_OUTSIDE_PERIOD = "il {date} è fuori dal periodo della relazione ({start} – {end})"
DATE_OUTSIDE_PERIOD_HINT = (
    "ogni relazione riporta solo il suo periodo: ciò che viene dopo va nella relazione successiva"
)
ENDED_BEFORE_STARTED = "la conclusione è prima dell'avvio"
ENDED_BEFORE_STARTED_HINT = "controlla i mesi di started e ended (AAAA-MM)"
COMPLETED_WITHOUT_END = "la misura {id} è completata ma non ha la data di conclusione"
COMPLETED_WITHOUT_END_HINT = "aggiungi «ended: AAAA-MM», il mese in cui si è conclusa"
NOT_STARTED_WITH_START = "la misura {id} risulta non avviata ma ha una data di avvio"
NOT_STARTED_WITH_START_HINT = "togli started o cambia lo stato in in-corso"
PAID_ABOVE_COMMITTED = "pagato {paid} oltre l'impegnato {committed}"
PAID_ABOVE_COMMITTED_HINT = "si paga solo ciò che è impegnato: controlla i due importi"
COMMITTED_ABOVE_BUDGET = (
    "impegnato {committed} oltre il budget del piano per la fonte {source} ({budget})"
)
COMMITTED_ABOVE_BUDGET_HINT = (
    "controlla l'importo; se il budget è cambiato, aggiorna il piano con una nuova versione"
)
SOURCE_NOT_IN_BUDGET = "la fonte «{source}» non è nel budget della misura {id} nel piano"
SOURCE_NOT_IN_BUDGET_HINT = "usa una fonte delle righe budget della misura nel piano"
PERIOD_REVERSED = "la fine del periodo è prima dell'inizio"
PERIOD_OUTSIDE_PLAN = "{month} è fuori dal periodo del piano ({start} – {end})"
PERIOD_HINT = "il periodo della relazione sta dentro quello del piano: report.period {start, end}"
PLAN_VERSION_DIFFERS = "la relazione indica la versione {named} del piano, il file è la {actual}"
PLAN_VERSION_DIFFERS_HINT = (
    "se il piano è stato aggiornato, correggi report.plan.version dopo aver rivisto la relazione"
)
MEASURE_NOT_REPORTED = "la misura {id} ({title}) è prevista nel periodo ma non è nella relazione"
MEASURE_NOT_REPORTED_HINT = "aggiungi la misura in measures, anche solo con il suo stato"

# --- the command line ------------------------------------------------------------------------
VALIDATE_HELP = (
    "Controlla relazioni di monitoraggio rispetto al piano che indicano: misure e indicatori, "
    "importi, date e periodo. Esce con 1 se un file non si legge, 3 se ci sono errori."
)
VALIDATE_FILES_HELP = "File di relazione (.yaml)."
VALIDATE_PLAN_HELP = (
    "Il piano a cui le relazioni devono riferirsi (altrimenti quello indicato in ciascuna)."
)
JSON_HELP = "Stampa il risultato in JSON (per script e altri strumenti)."

# --- monitor init ------------------------------------------------------------------------------
INIT_HELP = (
    "Prepara la relazione di monitoraggio di un periodo, già compilata con le misure, le fonti "
    "e gli indicatori del piano e con commenti che guidano."
)
INIT_PLAN_HELP = "Il file del piano adottato (.yaml)."
INIT_PERIOD_HELP = "Il periodo: un anno (2025) o due mesi (2025-01..2025-06)."
INIT_OUTPUT_HELP = (
    "Il file da scrivere (di norma PIANO-monitoraggio-PERIODO.yaml accanto al piano)."
)
INIT_FORCE_HELP = "Sovrascrive il file se esiste già."
INIT_BAD_PERIOD = "periodo non valido: «{value}»"
INIT_BAD_PERIOD_HINT = "scrivi un anno (2025) o due mesi AAAA-MM separati da .. (2025-01..2025-06)"
INIT_PERIOD_REVERSED = "il periodo «{value}» finisce ({end}) prima di iniziare ({start})"
INIT_PERIOD_REVERSED_HINT = (
    "scrivi prima il mese di inizio, poi quello di fine: --period {end}..{start}"
)
INIT_PERIOD_OUTSIDE = "il periodo «{value}» non sta dentro quello del piano ({start} – {end})"
INIT_PERIOD_OUTSIDE_HINT = "scegli un periodo dentro la durata del piano (plan.period)"
INIT_DONE = "Scritta {path}: {measures}, {indicators}, periodo {period}."
INIT_NEXT = "Compila la relazione, poi: incas monitor validate {path}"
RANGE = "{start} – {end}"
PLANNED = "prevista da {start} a {end}"
OPEN = "non indicato"
LINE_BUDGET = "budget del piano: {amount}"
LINE_BUDGET_YEAR = "budget del piano per il {year}: {amount}"
LINE_IN_KIND = "nel piano è un contributo in natura, senza importo"
PLANNED_START = " (previsto {month})"
PLANNED_END = " (prevista {month})"
INDICATOR_UNIT = "{name} ({unit})"
VERIFICATION_NOTE = " (nel piano: {text})"
STARTED_COMMENT = "mese di avvio effettivo, AAAA-MM"
ENDED_COMMENT = "mese di conclusione, solo se conclusa"
SOURCE_COMMENT = "da dove viene il valore"

# --- words of the vocabularies -----------------------------------------------------------
STATES = {value: term.label for value, term in _vocab.MEASURE_STATES.items()}
STATE_NOT_REPORTED = "non riportata"
STATES_PLURAL = {value: term.plural or term.label for value, term in _vocab.MEASURE_STATES.items()}
"""«2 non avviate», «3 in corso»: the state of more than one measure."""
STATE_NOT_REPORTED_PLURAL = "non riportate"
TRENDS = {
    "on-track": "in linea",
    "behind": "in ritardo",
    "no-data": "senza dati",
    "no-target": "senza traguardo",
}
REPORT_STATUS_WORDS = {value: term.label for value, term in _vocab.REPORT_STATUSES.items()}
NO_SOURCE = "fonte non indicata"
NO_AXIS = "senza asse"
DASH = "–"

# --- tables (status screen and document) -----------------------------------------------------
COL_STATE = "Stato"
COL_MEASURES = "Misure"
COL_COUNT = "N."
COL_SOURCE = "Fonte"
COL_AXIS = "Asse"
COL_MEASURE = "Misura"
COL_BUDGET = "Budget"
COL_COMMITTED = "Impegnato"
COL_PAID = "Pagato"
COL_PAID_SHARE = "% pagato"
COL_TOTAL = "Totale"
COL_INDICATOR = "Indicatore"
COL_BASELINE = "Partenza"
COL_TARGET = "Traguardo"
COL_LATEST = "Ultimo valore"
COL_EXPECTED = "Atteso"
COL_TREND = "Esito"
COL_DEADLINE = "Scadenza"
COL_OPEN_MEASURES = "Misure non concluse"
COL_PROGRESS = "Avanz."
COL_PLANNED = "Previsto"
COL_ACTUAL = "Effettivo"
COL_TITLE = "Titolo"
COL_DATE = "Data"
COL_KIND = "Tipo"
COL_TABLE = "Tavolo"
COL_PARTICIPANTS = "Partecipanti"
COL_SUMMARY = "Sintesi"
COL_PERIOD = "Periodo"
COL_VALUE = "Valore"
COL_VALUE_SOURCE = "Fonte del dato"
COL_NOTE = "Nota"
TABLE_BY_STATE = "Misure per stato"
TABLE_BY_SOURCE = "Spesa per fonte di finanziamento"
TABLE_BY_MEASURE = "Spesa per misura"
TABLE_BY_AXIS = "Spesa per asse del piano nazionale"
TABLE_TRENDS = "Indicatori rispetto alla linea da partenza a traguardo"
TABLE_BEHIND = "Indicatori in ritardo"
TABLE_RISKS = "Fondi a rischio di scadenza"
TABLE_MEASURES = "Stato di attuazione delle misure"
TABLE_INDICATORS = "Indicatori: valori per periodo"
TABLE_MEETINGS = "Incontri nel periodo"
SPAN = "{start} – {end}"
MORE_ROWS = "… e altri {count}"

# --- monitor status ------------------------------------------------------------------------
STATUS_HELP = (
    "Lo stato di attuazione in una schermata: misure per stato, spesa per fonte, indicatori "
    "rispetto al traguardo, fondi a rischio di scadenza, che cosa manca nella relazione."
)
STATUS_PLAN_HELP = "Il file del piano (.yaml)."
STATUS_REPORTS_HELP = "Le relazioni di monitoraggio (.yaml), una per periodo."
STATUS_PLAN_LINE = "Piano: {title} (versione {version}), {path}"
STATUS_REPORTS_LINE = "Relazioni: {periods}; l'ultima è {status}."
STATUS_ONE_REPORT_LINE = "Relazione: {periods}, {status}."
STATUS_MONEY_LINE = "Pagato {paid} su {budget} ({share}); impegnato {committed}."
STATUS_RISK_NONE = "Nessun fondo a rischio di scadenza."
STATUS_MISSING_TITLE = "Manca nell'ultima relazione:"
STATUS_MISSING_NONE = "Nell'ultima relazione non manca nulla."
MISSING_LINE = "- {text}"
MISSING = {
    "measure": "{measure}: prevista nel periodo, non è nella relazione",
    "status": "{measure}: stato non indicato",
    "spending": "{measure}: avviata ma senza spesa",
    "indicator": "{measure}: nessun valore per «{indicator}»",
    "meetings": "nessun incontro nel periodo",
    "date": "manca la data di redazione",
    "approval": "la relazione non è ancora approvata",
}
SERIES_OVERLAP = "i periodi di {first} e {second} si sovrappongono"
SERIES_OVERLAP_HINT = "ogni relazione copre un periodo suo: correggi report.period"
SERIES_TWICE = "la relazione {file} è indicata due volte"
SERIES_TWICE_HINT = "indica ogni relazione una sola volta"

# --- the Relazione di monitoraggio -----------------------------------------------------------
DOC_TITLE = "Relazione di monitoraggio"
DOC_SUBTITLE = "{title}"
DOC_COVER_COMUNE = "Comune di {name}"
DOC_COVER_PERIOD = "Periodo: {period}"
DOC_COVER_SERIES = "Relazioni considerate: {periods}"
DOC_COVER_STATUS = "Stato: {status}"
DOC_COVER_APPROVAL = "Approvata con delibera {organ} n. {number} {date}"
DOC_COVER_APPROVAL_ORGANS = {
    "giunta": "della Giunta comunale",
    "consiglio": "del Consiglio comunale",
}
DOC_COVER_DATE = "Redatta il {date}"
DOC_COVER_AUTHORS = "A cura di: {authors}"
DOC_COVER_PLAN = "Piano di riferimento: versione {version}, periodo {period}"
DOC_TOC = "Indice"
DOC_TOC_HINT = "Aggiorna il campo per vedere l'indice."
DOC_PROPERTY_TITLE = "Relazione di monitoraggio {period} – {title}"
DOC_SUBJECT = "Monitoraggio del Piano Locale Multisettoriale – Comune di {name}"
DOC_KEYWORDS = "monitoraggio; piano locale multisettoriale; sfruttamento lavorativo; {comune}"
DOC_CATEGORY = "Relazione di monitoraggio"
DOC_COMMENTS = "Relazione sul periodo {period} ({status})"
DOC_HEADER = "Relazione di monitoraggio {period} – {title} – Comune di {comune}"
DOC_HEADER_SHORT = "Relazione di monitoraggio {period} – Comune di {comune}"
DOC_HEADER_DRAFT = "BOZZA – {header}"
H_SUMMARY = "Sintesi per la Giunta"
H_MEASURES = "Stato di attuazione delle misure"
H_INDICATORS = "Indicatori"
H_SPENDING = "Spesa rispetto al budget"
H_PROBLEMS = "Problemi e azioni correttive"
H_PROCESS = "Percorso partecipativo nel periodo"
H_NEXT = "Il prossimo periodo"
SUMMARY_MEASURES = "Delle {total} del piano: {states}."
SUMMARY_ONE_MEASURE = "Il piano ha una sola misura: {state}."
SUMMARY_NO_MEASURES = "Il piano non ha misure."
SUMMARY_STATE = "{count} {state}"
SUMMARY_INDICATORS = (
    "Indicatori: {states}, rispetto all'andamento atteso dalla partenza al traguardo."
)
SUMMARY_RISKS = "Fondi a rischio di scadenza: {risks}."
SUMMARY_RISK = "{source} (scadenza {deadline}, pagato {paid} su {budget})"
SUMMARY_NO_RISKS = "Nessun fondo è a rischio di scadenza."
SUMMARY_PROBLEMS = "Misure con problemi segnalati nell'ultimo periodo: {ids}."
MEASURE_PERIOD_LINE = "{period}: {facts}"
MEASURE_STATE_FACT = "stato {state}"
MEASURE_PROGRESS_FACT = "avanzamento {progress}%"
MEASURE_STARTED_FACT = "avviata {in_month}"
MEASURE_ENDED_FACT = "conclusa {in_month}"
MEASURE_SPENDING_FACT = "{source}: impegnato {committed}, pagato {paid}"
MEASURE_NOT_IN_REPORT = "non riportata"
MEASURE_NO_REPORT = "La misura non compare ancora in nessuna relazione."
LABEL_NOTE = "Nota ({period}): "
LABEL_ISSUES = "Problemi ({period}): "
LABEL_CORRECTIVE = "Azioni correttive ({period}): "
PROBLEM_MEASURE = "{id} {title}"
NO_PROBLEMS = "Nessun problema segnalato nelle relazioni."
NO_MEETINGS = "Nessun incontro registrato nelle relazioni."
MEETINGS_COUNT = "Nel periodo la cabina di regia e i tavoli si sono riuniti {count}."
TIMES_ONE = "1 volta"
TIMES_MANY = "{count} volte"
INDICATORS_NONE = "Il piano non ha indicatori."
H_CHARTS = "Andamento degli indicatori"
INDICATOR_OF = "{measure} – {name}"
INDICATORS_NO_VALUES = "Senza valori rilevati: {names}."
FIGURE_SERIES = "Andamento degli indicatori rispetto al traguardo"
FIGURE_SERIES_PART = "Andamento degli indicatori rispetto al traguardo ({number} di {total})"
COL_MONTH = "Mese"
NEXT_TEXT = "Indicazioni della relazione: {text}"
NEXT_WINDOW = "Nel prossimo periodo ({period}):"
NEXT_STARTS = "{id} {title}: avvio previsto {in_month}"
NEXT_ENDS = "{id} {title}: conclusione prevista {in_month}"
NEXT_REVIEW = "verifica di monitoraggio prevista {in_month}"
NEXT_DEADLINE = "scadenza del fondo {source}: {date}"
NEXT_BEHIND = "{id}: recuperare il ritardo su «{name}» (atteso {expected}, rilevato {value})"
NEXT_NOTHING = "Nel prossimo periodo non sono previsti avvii, conclusioni o scadenze."

# --- monitor report ----------------------------------------------------------------------------
REPORT_HELP = (
    "Scrive la Relazione di monitoraggio (docx, pdf o odt) dal piano e dalle sue relazioni: "
    "sintesi per la Giunta, misure, indicatori con grafici, spesa, problemi, incontri, "
    "prossimo periodo."
)
REPORT_EDITION_HELP = (
    "pubblica (predefinita) o interna (aggiunge le note di lavoro delle misure e dei valori)."
)
REPORT_OUTPUT_HELP = "Il documento da scrivere (di norma accanto all'ultima relazione)."
REPORT_DONE = "Scritta {path}: {details}."
REPORT_DONE_STDOUT = "Relazione scritta sullo standard output: {details}."
REPORT_DONE_REPORTS = "relazioni: {periods}"
ACTUAL_FROM = "da {start}"
TABLE_REPORTS = "Relazioni considerate"
COL_REPORT_DATE = "Redatta il"
COL_APPROVAL = "Approvazione"
COL_AUTHORS = "A cura di"
APPROVAL_CELL = "delibera {organ} n. {number} {date}"

# --- plan status --report ------------------------------------------------------------------
PLAN_STATUS_REPORT_HELP = (
    "Una relazione di monitoraggio del piano (ripetibile): aggiunge lo stato di attuazione."
)
PLAN_STATUS_REPORT_ONE = "--report vale per un solo piano e senza --json"
PLAN_STATUS_REPORT_HINT = (
    "indica un solo file di piano, oppure usa incas monitor status PIANO RELAZIONI"
)

# --- monitor edit --------------------------------------------------------------------------
EDIT_HELP = (
    "Compila una relazione di monitoraggio con domande guidate: stato e spesa delle misure, "
    "valori degli indicatori, incontri. Salva dopo ogni gruppo di risposte; si riprende "
    "rilanciando il comando."
)
EDIT_FILE_HELP = "La relazione da compilare (.yaml), preparata con incas monitor init."
EDIT_BROKEN = "la relazione ha errori di struttura e non si può compilare con le domande"
EDIT_BROKEN_HINT = "correggili prima: incas monitor validate {path}"
EDIT_NOT_INTERACTIVE_HINT = (
    "senza terminale compila la relazione a mano ({path}, un file YAML) e controllala con "
    "«incas monitor validate {arg}»"
)
EDIT_TITLE = "Relazione di monitoraggio {period}: {title}"
EDIT_WHAT = "Che cosa vuoi compilare?"
EDIT_MENU_MEASURES = "Misure ({todo} da compilare su {total})"
EDIT_MENU_INDICATORS = "Indicatori ({todo} senza valore su {total})"
EDIT_MENU_MEETINGS = "Aggiungi un incontro (incontri registrati: {count})"
EDIT_MENU_INFO = "Dati della relazione (data, stato, autori, prossimo periodo)"
EDIT_MENU_DONE = "Fine: salva ed esci"
EDIT_BACK = "← Indietro"
EDIT_WHICH_MEASURE = "Quale misura?"
EDIT_WHICH_INDICATOR = "Quale indicatore?"
EDIT_MEASURE_CHOICE = "{id} {title} – {state}"
EDIT_INDICATOR_CHOICE = "{measure} – {name}: {value}"
EDIT_NO_VALUE = "nessun valore"
EDIT_STATUS = "Stato della misura {id}"
EDIT_STATUS_OPEN = "non indicato"
EDIT_PROGRESS = "Avanzamento della misura, in percentuale"
EDIT_PROGRESS_HINT = "da 0 a 100"
EDIT_STARTED = "Mese di avvio effettivo"
EDIT_ENDED = "Mese di conclusione"
EDIT_MONTH_HINT = "AAAA-MM, es. {example}, o mese e anno (marzo 2025)"
EDIT_COMMITTED = "Impegnato nel periodo, fonte {source}"
EDIT_PAID = "Pagato nel periodo, fonte {source}"
EDIT_MONEY_HINT = "in euro, es. 12000.50 o 12.000,50; budget del piano {budget}"
EDIT_ISSUES = "Problemi incontrati, ritardi e perché"
EDIT_CORRECTIVE = "Azioni correttive"
EDIT_NOTE = "Nota di lavoro (solo nell'edizione interna)"
EDIT_VALUE = "Valore di «{name}»{unit}"
EDIT_VALUE_HINT = "partenza {baseline}, traguardo {target}"
EDIT_VALUE_DATE = "Mese del valore"
EDIT_VALUE_SOURCE = "Fonte del dato"
EDIT_MEETING_DATE = "Data dell'incontro"
EDIT_DATE_HINT = "AAAA-MM-GG, es. {example}"
EDIT_MEETING_KIND = "Tipo di incontro"
EDIT_MEETING_TABLE = "Tavolo o organo che si è riunito"
EDIT_MEETING_PARTICIPANTS = "Chi ha partecipato?"
EDIT_MEETING_SUMMARY = "Sintesi dell'incontro"
EDIT_REPORT_DATE = "Data di redazione della relazione"
EDIT_REPORT_STATUS = "Stato della relazione"
EDIT_AUTHORS = "A cura di (separati da virgole)"
EDIT_NEXT_PERIOD = "Che cosa cambia nel prossimo periodo"
EDIT_SAVED = "Salvato in {path}."
EDIT_INTERRUPTED = "Interrotto: le risposte fino all'ultimo gruppo completato sono in {path}."
EDIT_INTERRUPTED_NOTHING = "Interrotto: {path} non è stato modificato."
EDIT_RESUME = "Per riprendere: incas monitor edit {path}"
ERR_PERCENT = "serve un numero intero da 0 a 100"
ERR_MONTH = "serve un mese AAAA-MM, es. {example}"
ERR_MONTH_AFTER = "il mese è dopo la fine del periodo ({end})"
ERR_MONTH_OUTSIDE = "il mese è fuori dal periodo ({start} – {end})"
ERR_ENDED_BEFORE = "la conclusione è prima dell'avvio ({start})"
ERR_MONEY = "serve un importo in euro, es. 12000.50 o 12.000,50"
ERR_PAID_ABOVE = "il pagato supera l'impegnato ({committed})"
ERR_NUMBER = "serve un numero, es. 24 o 12.5"
ERR_DATE = "serve una data AAAA-MM-GG, es. {example}"
ERR_DATE_OUTSIDE = "la data è fuori dal periodo ({start} – {end})"

# --- the monitoring file's keys, for editors (incas schema --monitor) ---------------------------
FIELDS = {
    "MonitoringReport": {
        "schema_version": _F("Versione del formato", "Versione del formato del file: 1."),
        "report": _F("Dati della relazione", "Piano, periodo, data, stato e approvazione."),
        "measures": _F("Misure", "Stato, avanzamento, date effettive e spesa di ogni misura."),
        "indicators": _F("Valori degli indicatori", "Il valore di ogni indicatore nel periodo."),
        "meetings": _F("Incontri", "Cabina di regia e tavoli riuniti nel periodo."),
    },
    "ReportInfo": {
        "plan": _F("Piano", "Il file del piano e la sua versione."),
        "period": _F("Periodo", "Il periodo della relazione, dentro quello del piano."),
        "date": _F("Data di redazione", REPORT_DATE_DESCRIPTION),
        "status": _F("Stato della relazione", "bozza o approvato."),
        "approval": _F("Approvazione", "Organo, numero e data della delibera di approvazione."),
        "authors": _F("A cura di", "Uffici o persone che hanno redatto la relazione."),
        "next_period": _F("Prossimo periodo", NEXT_PERIOD_DESCRIPTION),
    },
    "PlanRef": {
        "file": _F("File del piano", PLAN_FILE_DESCRIPTION),
        "version": _F("Versione del piano", PLAN_VERSION_DESCRIPTION),
    },
    "ReportPeriod": {
        "start": _F("Inizio", "Primo mese del periodo, AAAA-MM."),
        "end": _F("Fine", "Ultimo mese del periodo, AAAA-MM."),
    },
    "MeasureProgress": {
        "id": _F("Misura", MEASURE_ID_DESCRIPTION),
        "status": _F("Stato", "Lo stato della misura alla fine del periodo."),
        "progress": _F("Avanzamento", PROGRESS_DESCRIPTION),
        "started": _F("Avvio effettivo", "Mese di avvio, AAAA-MM."),
        "ended": _F("Conclusione", "Mese di conclusione, AAAA-MM (per una misura completata)."),
        "spending": _F("Spesa", "Impegnato e pagato nel periodo, per fonte."),
        "note": _F("Nota di lavoro", "Solo nell'edizione interna della relazione."),
        "issues": _F("Problemi", ISSUES_DESCRIPTION),
        "corrective": _F("Azioni correttive", CORRECTIVE_DESCRIPTION),
    },
    "Spending": {
        "source": _F("Fonte", "La fonte di finanziamento, come nel budget del piano."),
        "committed": _F("Impegnato", "Euro impegnati nel periodo, es. 120000.00."),
        "paid": _F("Pagato", "Euro pagati nel periodo, non oltre l'impegnato."),
    },
    "IndicatorValue": {
        "measure": _F("Misura", MEASURE_ID_DESCRIPTION),
        "indicator": _F("Indicatore", INDICATOR_REF_DESCRIPTION),
        "value": _F("Valore", "Il valore rilevato."),
        "date": _F("Mese", "Il mese del valore, AAAA-MM, dentro il periodo."),
        "source": _F("Fonte del dato", "Da dove viene il valore."),
        "note": _F("Nota", "Solo nell'edizione interna della relazione."),
    },
}
"""``FIELDS[model][key]``: the words for every key of the monitoring file (the plan's
``Act`` and ``Meeting`` keep theirs, from :mod:`incas_cli.messages.fields`)."""
