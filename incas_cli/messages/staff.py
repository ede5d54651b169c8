"""Messages of the facilitators' and staff commands: ``plan init``, ``plan status``, ``plan build``."""

from incas_cli.messages import vocab as _vocab

# --- plan init ----------------------------------------------------------------------------

INIT_HELP = "Prepara una bozza di piano precompilata per un Comune, da completare in un editor."
INIT_FILE_HELP = "Il file di piano da creare (.yaml)."
INIT_COMUNE_HELP = (
    'Il Comune: nome ("Saluzzo", o "Castro (LE)" se il nome è di più Comuni) o codice ISTAT.'
)
INIT_PERIOD_HELP = "Periodo del piano, AAAA-MM:AAAA-MM (es. 2025-01:2027-12)."
INIT_FROM_HELP = (
    "Copia la struttura di un altro piano (tipi e id degli attori, governance, tavoli), "
    "senza i dati legati al suo Comune."
)
INIT_FORCE_HELP = "Sovrascrive il file se esiste già."

DRAFT_TITLE = (
    "Piano Locale Multisettoriale contro lo sfruttamento lavorativo in agricoltura - {comune}"
)
DEFAULT_STEERING_NAME = "Tavolo permanente del Piano locale"
TO_IDENTIFY = "{label} (da individuare)"

COMUNE_EMPTY = "indica il Comune del piano"
COMUNE_EMPTY_HINT = "ad esempio --comune Saluzzo oppure --comune 004203"
UNKNOWN_COMUNE = "nell'elenco ISTAT non c'è un Comune «{text}» (elenco aggiornato al {date})"
UNKNOWN_COMUNE_CODE = (
    "nell'elenco ISTAT non c'è un Comune con codice {text} (elenco aggiornato al {date})"
)
UNKNOWN_COMUNE_HINT = "forse intendevi {suggestions}"
UNKNOWN_COMUNE_NO_SUGGESTION_HINT = (
    "controlla il nome (come nell'elenco ISTAT) o usa il codice ISTAT a sei cifre"
)
COMUNE_IN_OTHER_PROVINCE = "il Comune «{name}» non è in provincia di {province}"
AMBIGUOUS_COMUNE = "il nome «{text}» corrisponde a più Comuni: {choices}"
AMBIGUOUS_COMUNE_HINT = (
    'indica il codice ISTAT, ad esempio --comune {code} (oppure --comune "{example}")'
)
COMUNE_CHOICE = "{name} ({province}, {region}, codice {code})"
SUGGESTION = "{name} ({province}, codice {code})"
OR = " o "

BAD_PERIOD = 'il periodo "{text}" non è nel formato AAAA-MM:AAAA-MM'
BAD_PERIOD_HINT = "ad esempio --period 2025-01:2027-12"
PERIOD_REVERSED = "il periodo finisce ({end}) prima di iniziare ({start})"
PERIOD_REVERSED_HINT = "scrivi prima il mese di inizio, poi quello di fine: --period {end}:{start}"

NOT_A_PLAN_NAME = "il file di piano deve avere estensione .yaml o .yml"
NOT_A_PLAN_NAME_HINT = "ad esempio: incas plan init {suggestion} --comune ..."
SOURCE_INVALID = "il piano da cui copiare la struttura non è leggibile come piano: {first}"
SOURCE_INVALID_HINT = "correggilo prima (incas plan validate {path}) o crea la bozza senza --from"

INIT_WRITTEN = (
    "Bozza scritta in {path}: {comune}; attori: {stakeholders}; campi da completare: {open}."
)
INIT_SCHEMA_WRITTEN = "Schema per gli editor scritto in {path}."
INIT_SCHEMA_STALE = (
    "{path} esiste già ed è di un'altra versione: per aggiornarlo incas schema -o {arg} --force"
)
INIT_NEXT = "Prossimi passi: apri il file in un editor, poi incas plan status {path}"
COMUNE_NAME = "Comune di {comune}"
TABLE_NAME = "Tavolo tematico: {label}"
TABLE_TO_IDENTIFY = "Tavolo tematico (da individuare)"
INIT_SCHEMA_FAILED = "non è stato possibile scrivere {path}: gli editor non completeranno le chiavi"
TO_VERIFY = "{name} (da verificare)"

# --- plan status --------------------------------------------------------------------------

STATUS_HELP = "Mostra a che punto è ciascun piano: campi aperti, problemi, coerenza, budget."
STATUS_FILES_HELP = "File di piano (.yaml) o cartelle che li contengono; - legge lo standard input."
STATUS_JSON_HELP = "Stampa il rapporto in JSON (per script e altri strumenti)."

SECTION_LABELS = {value: term.short_label for value, term in _vocab.PLAN_SECTIONS.items()}
SECTION_EMPTY = "ancora vuota"
PLAN_STATUS_LABELS = {value: term.label for value, term in _vocab.PLAN_STATUSES.items()}
STATUS_NO_SOURCE = "(fonte da indicare)"

STATUS_HEADING = "{file}: {comune}, {status}"
STATUS_HEADING_VERSION = "{file}: {comune}, {status}, versione {version}"
STATUS_COMPLETENESS = "Completezza"
COL_SECTION = "Sezione"
COL_FILLED = "Compilati"
COL_OPEN = "Aperti"
COL_DONE = "Completo"
TOTAL = "Totale"
STATUS_OPEN_FIELDS = "Campi aperti ({count})"
STATUS_NO_OPEN_FIELDS = "Campi aperti: nessuno."
COL_WHERE = "Dove"
COL_FIELD = "Campo"
STATUS_FINDINGS = "Problemi: bloccanti {errors}, non bloccanti {warnings}"
STATUS_READY_FINAL = "Pronto per --final: sì"
STATUS_NOT_READY_FINAL = "Pronto per --final: no (problemi bloccanti con --final: {count}; {codes})"
STATUS_COVERAGE = "Coerenza con il {plan}"
STATUS_ACTIONS = "Azioni prioritarie coperte: {covered} su {total}"
STATUS_AXES = "Assi coperti: {covered} su {total}"
STATUS_UNCOVERED_ACTION = "  scoperta: azione {number}, {label}"
STATUS_SECONDARY_ACTION = "  solo come azione secondaria: azione {number}, {label}"
STATUS_UNCOVERED_AXIS = "  scoperto: asse {label}"
STATUS_NO_COVERAGE = (
    "Coerenza con il piano nazionale: non calcolabile (piano nazionale sconosciuto)."
)
STATUS_BUDGET = "Budget per fonte"
COL_SOURCE = "Fonte"
COL_AMOUNT = "Importo"
STATUS_NO_BUDGET = "Budget: nessun importo indicato."
STATUS_LINES_WITHOUT_AMOUNT = "Voci di budget senza importo: {count}"
STATUS_STRUCTURE_BROKEN = (
    "La struttura del file non è valida: completezza, coerenza e budget non sono calcolabili. "
    "Correggi prima questi errori."
)
YES = "sì"
NO = "no"

STATUS_SUMMARY_TITLE = "Stato dei piani"
COL_FILE = "File"
COL_ERRORS = "Errori"
COL_WARNINGS = "Avvisi"
COL_ACTIONS = "Azioni"
COL_AXES = "Assi"
COL_BUDGET = "Budget"
COL_FINAL = "Finale"
UNREADABLE = "illeggibile"
STATUS_SUMMARY_LEGEND = (
    "Aperti: campi da completare; Azioni e Assi: coperti dalle misure; "
    "Finale: supererebbe incas plan validate --final. Dettaglio: incas plan status FILE"
)

# --- plan build ---------------------------------------------------------------------------

BUILD_HELP = "Controlla e impagina molti piani in parallelo (file e cartelle) in una cartella."
BUILD_INPUTS_HELP = "File di piano (.yaml) o cartelle (cercati anche nelle sottocartelle)."
BUILD_OUTPUT_HELP = "Cartella dei documenti generati (creata se manca)."
BUILD_JOBS_HELP = "Processi in parallelo (predefinito: uno per processore disponibile)."
BUILD_FINAL_HELP = "Controllo definitivo: un piano incompleto per la delibera non viene impaginato."
BUILD_EDITION_HELP = "pubblica (senza dati personali) o interna (con i contatti)."
BUILD_FORMAT_HELP = "docx, odt o pdf (odt e pdf richiedono LibreOffice)."
BUILD_JSON_HELP = "Stampa il rapporto finale in JSON (per script e altri strumenti)."
BUILD_FORCE_HELP = "Sovrascrive i documenti già presenti nella cartella di destinazione."
BUILD_TEMPLATE_HELP = (
    "Documento .docx del Comune (carta intestata e stili) per tutti i documenti, come in "
    "incas plan render; per partire da questo: incas template -o carta-intestata.docx."
)
BUILD_NO_TOC_HELP = (
    "Non compila l'indice con LibreOffice (più veloce): Word lo aggiornerà all'apertura."
)

BAD_EDITION = 'edizione "{value}" sconosciuta'
BAD_EDITION_HINT = "usa --edition pubblica oppure --edition interna"
BAD_FORMAT = 'formato "{value}" sconosciuto'
BAD_FORMAT_HINT = "usa --format docx, --format odt oppure --format pdf"
OUTPUT_DIR_IS_FILE = "la destinazione non è una cartella"
OUTPUT_DIR_IS_FILE_HINT = "con -o indica una cartella (viene creata se manca)"
OUTPUT_DIR_FAILED = "non è possibile creare la cartella di destinazione ({reason})"
OUTPUT_DIR_FAILED_HINT = "controlla il percorso e i permessi, o indica un'altra cartella con -o"
RENDER_FAILED = "errore interno durante l'impaginazione ({error})"
RENDER_FAILED_HINT = (
    "è un difetto di incas, non del piano: segnalalo allegando il file (se non contiene "
    "dati personali) e il messaggio"
)
WORKER_DIED = "il processo che impaginava questo file si è interrotto ({error})"
READER_DIED = "un processo che leggeva i piani si è interrotto ({error}): nessun file scritto"
WORKER_DIED_HINT = "riprova con --jobs 1; se si ripete, segnala il problema"
INVALID_PLAN = "il piano ha {count} problemi bloccanti: {first}"
INVALID_PLAN_ONE = "il piano ha 1 problema bloccante: {first}"

BUILD_PROGRESS = "Impaginazione"
BUILD_LINE_OK = "[{done}/{total}] ok {file} -> {output}"
BUILD_LINE_INVALID = "[{done}/{total}] non valido {file}: {message}"
BUILD_LINE_FAILED = "[{done}/{total}] non riuscito {file}: {message}"
BUILD_LINE_SKIPPED = "[{done}/{total}] già presente {file} -> {output} (non rigenerato)"
BUILD_SUMMARY_TITLE = "Risultato"
COL_STATUS = "Esito"
COL_DETAIL = "Documento o primo problema"
STATUS_OK = "ok"
STATUS_INVALID = "non valido"
STATUS_FAILED = "non riuscito"
STATUS_SKIPPED = "già presente"
BUILD_TOTALS = (
    "{total} file: impaginati {ok}, già presenti {skipped}, non validi {invalid}, "
    "non riusciti {failed} (documenti in {output_dir})"
)
BUILD_WARNING = "{label}: {file}: {message}"
TEMPLATE_NOTICE = "{label}: {message}"
BUILD_WARNING_HINT = "  {label}: {hint}"
BUILD_TOC_PENDING = (
    "Indice non compilato in {count} documenti (LibreOffice non disponibile): "
    "Word lo aggiornerà all'apertura."
)
BUILD_TOC_PENDING_ONE = (
    "Indice non compilato in 1 documento (LibreOffice non disponibile): "
    "Word lo aggiornerà all'apertura."
)
BUILD_EXISTING_HINT = (
    "I documenti già presenti non sono stati rigenerati: "
    "usa --force per rigenerarli, o indica un'altra cartella con -o."
)
