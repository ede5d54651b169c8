"""Messages of the interactive wizard (``incas plan new`` / ``incas plan edit``).

The names of the values the wizard offers (statuses, relation kinds, indicator kinds,
sections...) are the plan's vocabularies, in :mod:`incas_cli.messages.vocab`.
"""

from incas_cli.messages import vocab as _vocab

# --- commands ---------------------------------------------------------------------------
NEW_FILE_HELP = "File del piano da creare (se manca: piano-<comune>.yaml, chiesto all'inizio)."
EDIT_FILE_HELP = "File del piano da completare o modificare."
SECTION_HELP = (
    "Sezione da rivedere: "
    + ", ".join(_vocab.WIZARD_SECTIONS)
    + " (senza: riprende dalla prima incompleta)."
)
SECTION_METAVAR = "SEZIONE"
SECTION_UNKNOWN = "«{value}» non è una sezione{close}; le sezioni sono: {names}"
SECTION_CLOSE = " (forse «{name}»?)"
FORCE_HELP = "Sovrascrive il file se esiste già (il piano che contiene va perso)."
ASK_FILE = "Nome del file del piano"
FILE_NOT_YAML = "il nome del file deve finire con .yaml o .yml"
FILE_IS_DIRECTORY = "«{path}» è una cartella: scrivi il nome di un file"
FILE_FOLDER_MISSING = (
    "la cartella «{folder}» non esiste: scrivi il nome del file in una cartella che esiste "
    "(o creala prima)"
)
FILE_EXISTS_ANSWER = "«{path}» esiste già: scegli un altro nome (o usa «incas plan edit {arg}»)"
FILE_EXISTS = "il file esiste già"
FILE_EXISTS_HINT = (
    "per continuare quel piano usa «incas plan edit {path}»; per ricominciare da capo e "
    "sovrascriverlo aggiungi --force"
)
NOT_INTERACTIVE = "le domande guidate hanno bisogno di un terminale, e qui non c'è"
NOT_INTERACTIVE_HINT = (
    "senza terminale usa i comandi non interattivi: «incas plan init» per creare una bozza, "
    "«incas plan validate FILE» per controllarla, «incas plan render FILE» per il documento"
)
EDIT_BROKEN = "il file non è ancora un piano leggibile: {problems}"
EDIT_BROKEN_ONE = "errore di struttura"
EDIT_BROKEN_MANY = "errori di struttura"
EDIT_BROKEN_HINT = (
    "correggi prima gli errori indicati da «incas plan validate {path}», poi riprendi con "
    "«incas plan edit {path}»"
)
INTERRUPTED_NOTHING = "Interrotto: nessuna risposta completa, nessun file scritto."
INTERRUPTED_SAVED = "Interrotto. Le risposte date sono salvate in {path}."
INTERRUPTED_DONE = "Sezioni già complete: {sections}."
INTERRUPTED_IN_PROGRESS = "Sezione in corso: {section} (salvate anche le sue risposte date finora)."
INTERRUPTED_DRAFT = (
    "In bozza ({noun} {id} «{label}»): le risposte date sono nel file con «draft: true»; "
    "«incas plan edit» la riprende dalla domanda in cui ti eri fermato."
)
DRAFT_NOUNS = {"stakeholders": "attore", "needs": "bisogno", "measures": "misura"}
UNEXPECTED_ERROR = "Errore imprevisto: la procedura guidata si è fermata per un difetto di incas."
UNEXPECTED_NOTHING_SAVED = "Nessuna risposta completa da salvare: nessun file scritto."
UNEXPECTED_REPORT = (
    "Per segnalarlo, ripeti il comando con --debug e invia il messaggio che compare "
    "(senza il file del piano, che contiene dati personali)."
)
DEBUG_HELP = "In caso di errore imprevisto mostra i dettagli tecnici (per segnalarlo)."
INTERRUPTED_UNCHANGED = "Interrotto: il file {path} non è stato modificato."
RESUME_COMMAND = "Per riprendere: incas plan edit {path}"
RESUME_SECTION_COMMAND = "Per riprendere: incas plan edit {path} --section {section}"
SIDE_FILE_SUFFIX = ".procedura.yaml"
HAND_EDIT_TAKEN = (
    "Il file {path} è stato modificato fuori dalla procedura: tengo le modifiche ({fields}) "
    "e aggiungo le tue risposte."
)
HAND_EDIT_CONFLICT = (
    "il file {path} è stato modificato fuori dalla procedura negli stessi campi che hai "
    "appena cambiato ({fields}): non lo sovrascrivo"
)
HAND_EDIT_UNREADABLE = (
    "il file {path} è stato modificato fuori dalla procedura e ora non si legge come YAML: "
    "non lo sovrascrivo"
)
HAND_EDIT_SIDE_HINT = (
    "le risposte date nella procedura sono in {side}; confronta i due file, riporta in "
    "{path} quello che serve, poi riprendi con «incas plan edit {arg}»"
)
SAVED_TO = "Piano salvato in {path}."
RENDER_NEXT = "Per generare il documento Word: incas plan render {path}"
VALIDATE_NEXT = "Per controllarlo in dettaglio: incas plan validate {path}"

# --- prompter -----------------------------------------------------------------------------
MULTILINE_HINT = "ogni riga è un paragrafo; Esc e poi Invio per confermare"
MULTILINE_MARK = "›"
HINT_SEPARATOR = "; "
CLEAR_ANSWER = "-"
BACK_ANSWER = "<"
BACK_HINT = "< indietro"
AT_FIRST_QUESTION = "Questa è la prima domanda: non c'è una domanda precedente."
DEFAULT_KEEP = "Invio per «{value}»"
DEFAULT_BELOW = "senza testo resta quello qui sotto"
DEFAULT_EDIT = ", → per modificarlo"
DEFAULT_CLEAR = ", - per lasciare vuoto"
YES_CHOICE = "Sì"
NO_CHOICE = "No"
NONE_CHOSEN = "nessuna scelta"
SELECT_HINT = "(frecce e Invio; < indietro)"
SELECT_SEARCH_HINT = "(frecce e Invio; scrivi per filtrare; < indietro)"
CHECKBOX_HINT = (
    "(frecce, spazio per scegliere, Invio per confermare; scrivi per filtrare; < indietro)"
)
CHECKBOX_TYPED = (
    "Hai scritto «{text}»: per scegliere una voce usa la barra spaziatrice. "
    "Scelte ora: {picked}. Invio di nuovo per confermare."
)
NO_MATCH = "nessuna voce contiene «{text}» (Backspace per correggere)"
YES = "sì"
NO = "no"
OR = " o "
LIST_SEPARATOR = "; "
REQUIRED = "questo campo è obbligatorio"
UNDECIDED = "Da decidere (lascia il campo aperto)"
SKIP_HINT = "Invio per saltare"
SKIP_MULTILINE = "senza testo per saltare"
UNKNOWN_HINT = "Invio se non noto"
OPEN_HINT = "Invio lascia il campo aperto"
ENTER_TO_FINISH = "Invio senza testo per terminare"
MONTH_HINT = "AAAA-MM, es. 2025-03 o marzo 2025"
MONTHS_LIST_HINT = "più mesi AAAA-MM separati da punto e virgola"
PEAK_MONTHS_HINT = "es. agosto, settembre o giugno-agosto o tutto l'anno"
SEASON_HINT = "solo se stagionale: es. giugno-ottobre o luglio, agosto; Invio o tutto l'anno"
MONTH_UNKNOWN = (
    "«{word}» non è un mese: scrivi i nomi (agosto, settembre), i numeri (8, 9) "
    "o un intervallo (giugno-agosto)"
)
DATE_HINT = "es. 10/05/2024 o 10 maggio 2024"
DAY_DOES_NOT_EXIST = "il {day} {month} {year} non esiste: {month} ha {days} giorni"
MONTH_NUMBER_WRONG = "il mese {month} non esiste: i mesi vanno da 1 a 12"
LIST_HINT = "più voci separate da punto e virgola"
SCORE_HINT = "da 1 a 5"
NUMBER_EXPECTED = "«{text}» non è un numero: scrivi solo le cifre, es. 3000, 3.000 o 1.500,50"
WHOLE_NUMBER_EXPECTED = (
    "«{text}» non è un numero intero: scrivi solo le cifre, senza decimali, es. 3000 o 3.000"
)
AMOUNT_HINT = "euro, es. 150000 o 150.000,00"
AMOUNT_SKIP = "Invio se non ancora noto"

# --- flow ---------------------------------------------------------------------------------
ASK_MODE = "Come vuoi procedere?"
MODE_QUICK = "Percorso essenziale"
MODE_QUICK_DESCRIPTION = (
    "solo le domande indispensabili; i dettagli (budget completo, indicatori, rischi, "
    "forza lavoro...) dopo, con «incas plan edit»"
)
MODE_FULL = "Percorso completo"
MODE_FULL_DESCRIPTION = "tutte le domande di ogni sezione"
SECTION_HEADER = "\n— {label} —"
RESUMING = "Riprendo da dove ti eri fermato: {section}."
NOTHING_MISSING = "Il piano non ha sezioni incomplete."
ASK_SECTION = "Quale sezione vuoi rivedere?"
SHOW_SUMMARY = "Mostra il riepilogo"
EXIT_MENU = "Nessuna: esci"
SECTION_LABELS = {value: term.label for value, term in _vocab.WIZARD_SECTIONS.items()}

# --- lists --------------------------------------------------------------------------------
MENU_EDIT = "Modifica: {label}"
MENU_DELETE = "Elimina…"
MENU_NEXT = "Avanti"
MENU_CANCEL = "Annulla"
ASK_DELETE_WHICH = "Quale vuoi eliminare?"
CONFIRM_DELETE = "Eliminare «{label}»?"
STILL_REFERENCED = "«{id}» è usato in: {places}."
REF_RELATIONS = "relazioni"
REF_STEERING = "cabina di regia"

# --- review, corrections, drafts ----------------------------------------------------------
REVIEW_TITLE = "Riepilogo: {noun} «{label}»"
COL_FIELD = "Campo"
COL_ANSWER = "Risposta"
REVIEW_ASK = "Confermi {noun} «{label}» o correggi un campo? Se confermi: {next}"
REVIEW_CONFIRM = "Confermo; {next}"
FIX_FIELD = "Correggo un campo"
ASK_FIX_WHICH = "Quale campo di «{label}» vuoi correggere?"
FIX_NONE = "Nessuno: va bene così"
ASK_EDIT_WHICH = "«{label}»: cosa vuoi modificare?"
EDIT_ALL_FIELDS = "Tutte le domande, in ordine"
RESUMING_DRAFT = (
    "Riprendo da dove si era interrotto: {noun} «{label}», in bozza; risposte tenute: "
    "{count} ({fields})."
)
NONE_KEPT = "nessuna"
NOUN_ACTOR = "l'attore"
NOUN_NEED = "il bisogno"
NOUN_MEASURE = "la misura"
NOUN_MEETING = "l'incontro"
FIELD_TYPE = "Tipo"
FIELD_NAME = "Nome"
FIELD_ROLE = "Ruolo"
FIELD_LEVEL = "Livello"
FIELD_POWER = "Potere (1-5)"
FIELD_INTEREST = "Interesse (1-5)"
FIELD_ENGAGEMENT = "Coinvolgimento"
FIELD_COMMITMENTS = "Impegni"
FIELD_CONTACT = "Referente"
FIELD_FROM = "Da"
FIELD_TO = "Verso"
FIELD_KIND = "Tipo"
FIELD_LABEL = "Descrizione"
FIELD_TOPIC = "Tema"
FIELD_MEMBERS = "Partecipanti"
FIELD_AREA = "Area"
FIELD_DESCRIPTION = "Descrizione"
FIELD_EVIDENCE = "Da cosa emerge"
FIELD_SOURCE = "Fonte"
FIELD_TARGET = "Chi ne è colpito"
FIELD_PEOPLE = "Persone"
FIELD_SEVERITY = "Gravità (1-5)"
FIELD_URGENCY = "Urgenza (1-5)"
FIELD_PRIMARY_ACTION = "Azione principale"
FIELD_ACTIONS = "Azioni nazionali"
FIELD_TITLE = "Titolo"
FIELD_OBJECTIVE = "Obiettivo"
FIELD_NEEDS = "Bisogni"
FIELD_LEAD = "Capofila"
FIELD_PARTNERS = "Partner"
FIELD_START = "Inizio"
FIELD_END = "Fine"
FIELD_BUDGET = "Voci di spesa"
FIELD_INDICATORS = "Indicatori"
FIELD_RISKS = "Rischi"
FIELD_AMOUNT = "Importo"
FIELD_SOURCE_FUNDING = "Fonte di finanziamento"
FIELD_NOTE = "Nota"
FIELD_UNIT = "Unità di misura"
FIELD_BASELINE = "Valore di partenza"
FIELD_TARGET_VALUE = "Valore obiettivo"
FIELD_VERIFICATION = "Verifica"
FIELD_RISK = "Rischio"
FIELD_MITIGATION = "Come lo si riduce"
FIELD_MONTHS = "Mesi di picco"
FIELD_SEASON = "Mesi di attività"
FIELD_WORKERS = "Lavoratori nel picco"
FIELD_DATE = "Data"
FIELD_PARTICIPANTS = "Partecipanti"
FIELD_SUMMARY = "Sintesi"
FIELD_TABLE = "Tavolo"
EMAIL_INVALID = (
    "«{value}» non è un indirizzo e-mail: una sola @, nessuno spazio, virgola o punto e "
    "virgola (un referente per volta)"
)

# --- comune -------------------------------------------------------------------------------
ASK_COMUNE = "Comune"
COMUNE_HINT = "inizia a scrivere il nome, Tab per scegliere"
COMUNE_FOUND = "{name}: codice ISTAT {code}, provincia di {province} ({sigla}), {region}."
COMUNE_CODE_UNKNOWN = "nessun Comune ha il codice ISTAT {code}"
COMUNE_AMBIGUOUS = "ci sono più Comuni con questo nome: scegli {names}"
COMUNE_UNKNOWN_SUGGEST = "«{name}» non è nell'elenco ISTAT dei Comuni: forse {names}?"
COMUNE_UNKNOWN = "«{name}» non è nell'elenco ISTAT dei Comuni"
MENU_PARTNERS = "Altri Comuni del piano (piano di distretto): cosa vuoi fare?"
MENU_ADD_PARTNER = "Aggiungi un Comune"
ASK_PARTNER = "Altro Comune che partecipa al piano"
PARTNER_SKIP = "Invio senza testo se nessuno"
ASK_PARTNER_EDIT = "Comune partner"
ASK_PARTNER_ROLE = "Ruolo di {name} nel piano"
ASK_ADHESION_ORGAN = "Organo che ha deliberato l'adesione di {name}"
ASK_ADHESION_NUMBER = "Numero della delibera di adesione"
ASK_ADHESION_DATE = "Data della delibera di adesione"
FIELD_ADHESION = "Adesione"
PARTNER_IS_OWN = "è il Comune del piano: indica un altro Comune"
ASK_NATIONAL_PLAN = "Piano nazionale di riferimento"
ASK_TITLE = "Titolo del piano"
DEFAULT_TITLE = (
    "Piano Locale Multisettoriale contro lo sfruttamento lavorativo in agricoltura - {comune}"
)

# --- periodo ------------------------------------------------------------------------------
ASK_PERIOD_START = "Inizio del periodo del piano"
ASK_PERIOD_END = "Fine del periodo del piano"
ASK_STATUS = "Stato del piano"
ASK_ADOPTION_ORGAN = "Organo che ha adottato il piano"
ASK_PROPOSAL_ORGAN = "Organo che adotterà il piano"
FINAL_STATUS_OPEN = (
    "Un piano «{status}» è il testo della delibera e viene controllato come definitivo "
    "(come con --final): per ora i problemi da risolvere sono {errors}; il riepilogo finale e "
    "«incas plan status» li elencano."
)
FINAL_STATUS_READY = (
    "Un piano «{status}» è il testo della delibera e viene controllato come definitivo: "
    "il controllo non trova problemi."
)
ASK_ADOPTION_NUMBER = "Numero della delibera"
ASK_ADOPTION_DATE = "Data della delibera"
ASK_VERSION = "Versione del documento"
DEFAULT_VERSION = "0.1"
ASK_OFFICE = "Ufficio comunale responsabile"
OFFICE_EXAMPLE = "es. Settore Politiche sociali"
ASK_AUTHORS = "Chi redige il piano"
AUTHORS_HINT = "es. Ufficio di piano; più voci separate da punto e virgola"

# --- territorio ---------------------------------------------------------------------------
ASK_CONTEXT_DESCRIPTION = "Descrizione del territorio agricolo: distretto, colture, manodopera"
MENU_CROPS = "Colture: cosa vuoi fare?"
MENU_ADD_CROP = "Aggiungi una coltura"
ASK_CROP_NAME = "Coltura principale"
ASK_CROP_NAME_NEXT = "Altra coltura"
CROP_EXAMPLE = "es. mirtilli"
ASK_CROP_NAME_EDIT = "Nome della coltura"
ASK_CROP_MONTHS = "Mesi di picco della manodopera per «{crop}»"
ASK_CROP_WORKERS = "Lavoratori impiegati nel picco per «{crop}»"
ASK_WORKFORCE = {value: term.label for value, term in _vocab.WORKFORCE.items()}
ASK_SETTLEMENTS = "Insediamenti e condizioni abitative dei lavoratori"
ASK_SERVICES = "Servizi già presenti sul territorio"
ASK_SOURCES = "Fonti dei dati sul territorio"

ASK_PHENOMENON = "Lo sfruttamento lavorativo sul territorio: come si presenta"
ASK_GENDER = "Le lavoratrici: quante sono, rischi specifici, risposte"
MENU_DATA = "Dati sul fenomeno: cosa vuoi fare?"
MENU_ADD_DATA = "Aggiungi un dato"
ASK_DATA_LABEL = "Dato sul fenomeno"
DATA_EXAMPLE = "es. Aziende agricole ispezionate"
ASK_DATA_LABEL_EDIT = "Nome del dato"
ASK_DATA_VALUE = "Valore di «{label}»"
ASK_DATA_UNIT = "Unità di misura di «{label}»"
ASK_DATA_YEAR = "Anno di «{label}»"
ASK_DATA_SOURCE = "Fonte di «{label}»"
FIELD_VALUE = "Valore"

# --- attori -------------------------------------------------------------------------------
ASK_ADD_COMUNE_ACTOR = "Inserire «{name}» come primo attore della rete (promotore del piano)?"
ASK_ACTOR_TYPE = "Tipo del prossimo attore"
ASK_ACTOR_TYPE_EDIT = "Tipo di attore"
NO_MORE_ACTORS = "Nessun altro attore: avanti"
MENU_ACTORS = "Attori della rete: cosa vuoi fare?"
MENU_ADD_ACTOR = "Aggiungi un attore"
ASK_ACTOR_NAME = "Nome dell'attore"
ASK_ACTOR_ROLE = "Ruolo di «{name}» nel piano"
ASK_ACTOR_LEVEL = "Livello territoriale di «{name}»"
ASK_ACTOR_POWER = "Potere di «{name}» sulle scelte del piano"
ASK_ACTOR_INTEREST = "Interesse di «{name}» per il piano"
ASK_ACTOR_ENGAGEMENT = "Coinvolgimento di «{name}»"
ASK_ACTOR_COMMITMENTS = "Impegni di «{name}»"
ASK_ACTOR_CONTACT = (
    "Registrare un referente di «{name}»? (dati personali: solo nell'edizione interna)"
)
ASK_CONTACT_PERSON = "Referente"
CONTACT_PERSON_HINT = "nome e ruolo"
ASK_CONTACT_EMAIL = "E-mail del referente"
ASK_CONTACT_PHONE = "Telefono del referente"
DEFAULT_ACTOR_NAMES = {
    "regione": "Regione {regione}",
    "forze-ordine": "Carabinieri - Nucleo Ispettorato del Lavoro di {provincia}",
    "magistratura": "Procura della Repubblica competente per {comune}",
    "inail": "INAIL - Direzione territoriale di {provincia}",
    "ente-bilaterale": "Ente bilaterale agricolo di {provincia}",
    "cpia": "CPIA di {provincia}",
    "consigliera-parita": "Consigliera di parità della Provincia di {provincia}",
}

# --- relazioni ----------------------------------------------------------------------------
RELATIONS_NEED_ACTORS = "Servono almeno due attori per indicare relazioni: sezione saltata."
ASK_RELATION_FROM = "Relazione (protocollo, accordo...): da quale attore parte?"
ASK_RELATION_FROM_EDIT = "Attore da cui parte la relazione"
NO_MORE_RELATIONS = "Nessun'altra relazione: avanti"
ASK_RELATION_TO = "Verso quale attore (relazione di «{source}»)?"
ASK_RELATION_KIND = "Tipo di relazione"
ASK_RELATION_LABEL = "Descrizione breve della relazione"
RELATION_LABEL_EXAMPLE = "es. Protocollo accoglienza 2023"
RELATION_LABEL = "{source} → {target} ({kind})"
MENU_RELATIONS = "Relazioni tra attori: cosa vuoi fare?"
MENU_ADD_RELATION = "Aggiungi una relazione"

# --- governance ---------------------------------------------------------------------------
ASK_STEERING_NAME = "Nome della cabina di regia"
DEFAULT_STEERING_NAME = "Tavolo permanente"
ASK_STEERING_COORDINATOR = "Chi coordina la cabina di regia?"
ASK_STEERING_MEMBERS = "Membri della cabina di regia"
ASK_STEERING_CADENCE = "Ogni quanto si riunisce"
CADENCE_EXAMPLE = "es. mensile"
MENU_TABLES = "Tavoli tematici: cosa vuoi fare?"
MENU_ADD_TABLE = "Aggiungi un tavolo"
ASK_TABLE_NAME = "Nome del tavolo tematico"
TABLE_EXAMPLE = "es. Tavolo alloggio"
ASK_TABLE_NAME_EDIT = "Nome del tavolo"
ASK_TABLE_TOPIC = "Tema di «{name}»"
ASK_TABLE_MEMBERS = "Partecipanti di «{name}»"

ASK_ORG_MANAGER = "Chi dirige il piano nel Comune"
ORG_MANAGER_EXAMPLE = "es. Dirigente Area Servizi sociali"
MENU_OFFICES = "Uffici comunali coinvolti: cosa vuoi fare?"
MENU_ADD_OFFICE = "Aggiungi un ufficio"
ASK_OFFICE_NAME = "Ufficio comunale coinvolto"
OFFICE_NAME_EXAMPLE = "es. Polizia locale"
ASK_OFFICE_NAME_EDIT = "Nome dell'ufficio"
ASK_OFFICE_TASKS = "Compiti di «{name}» nel piano"
FIELD_TASKS = "Compiti"
ASK_ORG_REPORTING = "Come sono informati la Giunta e il Consiglio"

# --- bisogni ------------------------------------------------------------------------------
ASK_NEED_AREA = "Area del prossimo bisogno"
ASK_NEED_AREA_EDIT = "Area del bisogno"
NO_MORE_NEEDS = "Nessun altro bisogno: avanti"
MENU_NEEDS = "Bisogni: cosa vuoi fare?"
MENU_ADD_NEED = "Aggiungi un bisogno"
ASK_NEED_DESCRIPTION = "Descrizione del bisogno"
ASK_NEED_EVIDENCE = "Da cosa emerge"
EVIDENCE_EXAMPLE = "dati, segnalazioni"
ASK_NEED_SOURCE = "Fonte dell'evidenza"
ASK_NEED_TARGET = "Chi ne è colpito"
TARGET_EXAMPLE = "gruppo destinatario"
ASK_NEED_PEOPLE = "Quante persone, stima"
ASK_NEED_SEVERITY = "Gravità del bisogno"
ASK_NEED_URGENCY = "Urgenza del bisogno"

# --- misure -------------------------------------------------------------------------------
ACTION_CHOICE = "{number}. {label} ({axis})"
ASK_MEASURE_PRIMARY = "Azione nazionale principale della prossima misura"
ASK_MEASURE_PRIMARY_EDIT = "Azione nazionale principale della misura"
NO_MORE_MEASURES = "Nessun'altra misura: avanti"
MENU_MEASURES = "Misure: cosa vuoi fare?"
MENU_ADD_MEASURE = "Aggiungi una misura"
ASK_MEASURE_OTHER_ACTIONS = "Altre azioni nazionali a cui contribuisce"
ASK_MEASURE_START_POINT = "Punto di partenza: misure tipiche dell'azione {number} ({label})"
OWN_MEASURE = "Nessuna: scrivo io titolo e descrizione"
ASK_MEASURE_TITLE = "Titolo della misura"
ASK_MEASURE_DESCRIPTION = "Descrizione della misura"
ASK_MEASURE_OBJECTIVE = "Obiettivo della misura"
ASK_MEASURE_NEEDS = "Bisogni a cui risponde"
ASK_MEASURE_LEAD = "Capofila della misura"
ASK_MEASURE_PARTNERS = "Partner della misura"
ASK_MEASURE_START = "Inizio della misura"
ASK_MEASURE_END = "Fine della misura"
ASK_MEASURE_SEASON = "Mesi dell'anno in cui la misura è attiva"
ASK_BUDGET_AMOUNT = "Importo di una voce di spesa"
ASK_BUDGET_AMOUNT_EDIT = "Importo della voce di spesa"
ASK_BUDGET_SOURCE = "Fonte di finanziamento"
OWN_SOURCE = "Un'altra fonte: la scrivo io"
ASK_BUDGET_SOURCE_TEXT = "Altra fonte di finanziamento"
ASK_BUDGET_NOTE = "Nota sulla voce di spesa"
BUDGET_LABEL = "{amount} ({source})"
MENU_BUDGET = "Voci di spesa: cosa vuoi fare?"
MENU_ADD_BUDGET = "Aggiungi una voce di spesa"
ASK_INDICATOR_NAME = "Indicatore"
INDICATOR_EXAMPLE = "es. posti letto attivati"
ASK_INDICATOR_NAME_EDIT = "Nome dell'indicatore"
ASK_INDICATOR_KIND = "Tipo di «{name}»"
ASK_INDICATOR_UNIT = "Unità di misura di «{name}»"
ASK_INDICATOR_BASELINE = "Valore di partenza di «{name}»"
ASK_INDICATOR_TARGET = "Valore obiettivo di «{name}»"
ASK_INDICATOR_VERIFICATION = "Come si verifica"
MENU_INDICATORS = "Indicatori: cosa vuoi fare?"
MENU_ADD_INDICATOR = "Aggiungi un indicatore"
ASK_RISK = "Rischio della misura"
ASK_RISK_EDIT = "Rischio"
ASK_RISK_MITIGATION = "Come lo si riduce"
MENU_RISKS = "Rischi: cosa vuoi fare?"
MENU_ADD_RISK = "Aggiungi un rischio"

# --- strategia ---------------------------------------------------------------------------
ASK_GENERAL_OBJECTIVE = "Obiettivo generale del piano"
GENERAL_OBJECTIVE_HINT = "una frase, es. prevenire e contrastare lo sfruttamento lavorativo"
MENU_OBJECTIVES = "Obiettivi specifici: cosa vuoi fare?"
MENU_ADD_OBJECTIVE = "Aggiungi un obiettivo specifico"
ASK_OBJECTIVE = "Obiettivo specifico"
OBJECTIVE_EXAMPLE = "es. garantire un alloggio dignitoso nei mesi della raccolta"
ASK_OBJECTIVE_TEXT = "Testo dell'obiettivo specifico"
ASK_OBJECTIVE_AXIS = "Asse del Piano triennale a cui contribuisce"
FIELD_AXIS = "Asse"
ASK_MEASURE_OBJECTIVES = "Obiettivi specifici a cui contribuisce"
ASK_MEASURE_SUSTAINABILITY = "Cosa fa continuare la misura finiti i finanziamenti"
FIELD_SPECIFIC_OBJECTIVES = "Obiettivi specifici"
FIELD_SUSTAINABILITY = "Sostenibilità"
ASK_BUDGET_YEAR = "Anno di bilancio della voce di spesa"
ASK_BUDGET_STATUS = "Stato del finanziamento di questa voce"
ASK_BUDGET_CUP = "Codice Unico di Progetto"
CUP_HINT = "CUP, 15 caratteri, es. J71B22000330006"
FIELD_YEAR = "Anno"
FIELD_STATUS = "Stato"
FIELD_CUP = "CUP"

# --- percorso partecipativo ---------------------------------------------------------------
ASK_MEETING_KIND = "Tipo del prossimo incontro del percorso partecipativo"
ASK_MEETING_KIND_EDIT = "Tipo di incontro"
NO_MORE_MEETINGS = "Nessun altro incontro: avanti"
MENU_MEETINGS = "Incontri del percorso partecipativo: cosa vuoi fare?"
MENU_ADD_MEETING = "Aggiungi un incontro"
ASK_MEETING_DATE = "Data dell'incontro"
ASK_MEETING_TABLE = "Quale tavolo tematico"
ASK_MEETING_TABLE_TEXT = "Nome del tavolo"
ASK_MEETING_PARTICIPANTS = "Attori presenti"
ASK_MEETING_SUMMARY = "Sintesi: temi discussi e decisioni"

# --- monitoraggio -------------------------------------------------------------------------
ASK_REVIEWS = "Mesi delle verifiche di monitoraggio"
REVIEW_OUTSIDE = "Attenzione: la verifica {month} è fuori dal periodo del piano ({start} – {end})."
ASK_REPORTING = "Come si rendiconta l'avanzamento"

# --- summary ------------------------------------------------------------------------------
SUMMARY_TITLE = "Riepilogo del piano"
SUMMARY_UNREADABLE = "Il piano non è ancora leggibile: {errors}."
STRUCTURE_ERROR_FORMS = ("errore di struttura", "errori di struttura")
SUMMARY_SECTIONS_TITLE = "Sezioni"
COL_SECTION = "Sezione"
COL_STATE = "Stato"
STATE_COMPLETE = "completa"
STATE_EMPTY = {
    "attori": "nessun attore",
    "relazioni": "nessuna relazione",
    "bisogni": "nessun bisogno",
    "misure": "nessuna misura",
}
OPEN_FIELD_FORMS = ("campo aperto", "campi aperti")
SUMMARY_OPEN = "Campi ancora aperti: {count}."
MORE_OPEN = "… e altri {count} (incas plan status li elenca tutti)"
SUMMARY_NOT_FINAL = "Non ancora pronto per l'adozione: con --final, {problems}."
BLOCKING_FORMS = ("problema bloccante", "problemi bloccanti")
SUMMARY_FINAL_READY = "Pronto per l'adozione: --final non trova problemi bloccanti."
SUMMARY_FINDINGS = "Problemi: bloccanti {errors}, non bloccanti {warnings}."
FINDING_BLOCKING = "✗"
FINDING_WARNING = "!"
MORE_FINDINGS = "… e altri {count} (incas plan validate li mostra tutti)"
SUMMARY_COVERAGE_TITLE = "Coerenza con il Piano triennale"
COL_ACTION = "Az."
COL_ACTION_LABEL = "Azione prioritaria"
COL_AXIS = "Asse"
COL_MEASURES = "Misure"
NOT_COVERED = "nessuna"
SECONDARY_MEASURES = "come secondaria: {ids}"
SUMMARY_COVERAGE = (
    "Azioni coperte: {actions} su {total_actions}; assi coperti: {axes} su {total_axes}."
)
SUMMARY_AXES_MISSING = "Assi senza misure: {axes}."
SUMMARY_BUDGET = "Budget totale: {amount}."
