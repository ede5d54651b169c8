"""Messages of the Word document and of ``incas plan render``.

Everything a reader of the document sees that is not the plan's own text or the narrative
of the jinja2 templates (``templates/*.md.j2``): headings, table headers, labels, notes.

Casing: a value that fills a table cell on its own starts with a capital letter, like the
catalogue's labels ("Tavolo tematico", "Nessun partner indicato", "Sì"); a value after a
colon in running text (the cover, notes) stays lowercase unless it is a name ("Stato:
adottato", "Adozione: delibera della Giunta comunale …"). Dates and months are always
lowercase.
"""

from incas_cli.messages import vocab as _vocab

# --- shared pieces -----------------------------------------------------------------------

PLACEHOLDER = "[da completare: {label}]"
EDITION_FILE_SUFFIX = {"pubblica": "", "interna": "-interna"}
"""Added to a document's default file name: the internal edition (contacts, ratings) never
takes the name of the public one, so it cannot be published or counted as it by mistake."""
LIST_SEPARATOR = ", "
RANGE = "{start} – {end}"
DATE_SPAN = "{start} {end}"
NATIONAL_STILL_IN_FORCE = (
    "Il {plan} resta il riferimento nazionale in assenza di un piano successivo."
)
NATIONAL_STILL_IN_FORCE_AS_OF = (
    "Il {plan} resta il riferimento nazionale: {in_month} non risultava un piano successivo."
)
YEARS = "{start}-{end}"
COMUNE_OF = "Comune di {name}"
COMUNE_WITH_PROVINCE = "{comune} ({province})"
ACTION_CODE = "AP{number}"
ACTION_REF = "AP{number} {label}"
AXIS_REF = "Asse {number} – {label}"
MEASURE_REF = "{id} {title}"
NEED_REF = "{id} ({area})"
UNKNOWN_ACTION = "azione non presente nel piano nazionale"
NO_AXIS = "Senza azione nazionale assegnata"
NO_PARTNERS = "Nessun partner indicato"
TIMING_OPEN = "tempi della misura"
BUDGET_OPEN = "piano finanziario delle misure"
STRATEGY_ITEM_ACTIONS = " ({actions}) – "
GANTT_OPEN = "periodo del piano e tempi delle misure"
IN_YEAR = "nel {year}"
APPROVAL_STEP = "{act} ({body}) {on_date}"  # «approvazione del Piano (Tavolo …) il 20 …»

STATUSES = {value: term.label for value, term in _vocab.PLAN_STATUSES.items()}
ADOPTION_ACTS = _vocab.ADOPTION_ACTS
ADOPTION_ACT_UNKNOWN = "delibera (organo da indicare)"
ADOPTION = "{act}{number}{date}"
ADOPTION_NUMBER = " n. {number}"
NOT_ADOPTED = "non ancora adottato"
ANNEX_MARK = "Allegato {annex} alla deliberazione {organ} n. {number} del {date}"
"""The mark of a resolution's annex (DOMAIN.md section 9), on the cover and every page of a
plan sent for adoption (number and date blank) or adopted (filled in)."""
ANNEX_MARK_ORGANS = {"giunta": "della Giunta comunale", "consiglio": "del Consiglio comunale"}
ANNEX_MARK_BLANK = "___"
PROPOSED_TO = {
    "giunta": "proposta alla Giunta comunale per l'adozione",
    "consiglio": "proposta al Consiglio comunale per l'adozione",
}
EDITIONS = {
    "pubblica": "pubblica (senza dati personali)",
    "interna": "interna (con i contatti dei referenti: non pubblicare)",
}
MEETING_KINDS = {value: term.label for value, term in _vocab.MEETING_KINDS.items()}
MEETING_KINDS_PLURAL = {
    value: term.plural or term.label for value, term in _vocab.MEETING_KINDS.items()
}
RELATION_KINDS = {value: term.label for value, term in _vocab.RELATION_KINDS.items()}
INDICATOR_KINDS = {value: term.label for value, term in _vocab.INDICATOR_KINDS.items()}
WORKFORCE_LABELS = {value: term.label for value, term in _vocab.WORKFORCE.items()}
STEERING_DEFAULT_NAME = "Cabina di regia"
STEERING_TOPIC = "Coordinamento del piano"
PRIMARY_ACTION = "{action} – azione principale, asse {axis}"
SECONDARY_ACTION = "{action} – asse {axis}"

# --- properties, header, cover -----------------------------------------------------------

HEADER = "{title} – {comune}"
HEADER_SHORT = "Piano Locale Multisettoriale – {comune}"
HEADER_DRAFT = "BOZZA – {header}"
HEADER_ANNEX = "{mark} – {header}"
INTERNAL_MARK = "USO INTERNO – contiene dati personali"
SUBJECT = "Piano Locale Multisettoriale contro lo sfruttamento lavorativo in agricoltura – {comune}"
KEYWORDS = (
    "piano locale multisettoriale; caporalato; sfruttamento lavorativo; agricoltura; "
    "InCaS; Piano triennale; {comune}"
)
CATEGORY = "Piano Locale Multisettoriale"
COMMENTS = "Documento generato con incas dal file del piano (stato: {status})."
AUTHOR_WITH_OFFICE = "{office} – {comune}"
COVER_SUBTITLE = (
    "Piano Locale Multisettoriale per il contrasto allo sfruttamento lavorativo "
    "in agricoltura e al caporalato"
)
COVER_PERIOD = "Periodo"
COVER_STATUS = "Stato"
COVER_VERSION = "Versione"
COVER_ADOPTION = "Adozione"
COVER_DRAFT_VERSION = "{version} – {status}"
COVER_OFFICE = "Ufficio responsabile"
COVER_AUTHORS = "Redazione"
COVER_PARTNERS = "Comuni partner"
COVER_NATIONAL_PLAN = "Piano nazionale di riferimento"
COVER_EDITION = "Edizione"
DRAFT_MARK = "BOZZA"
DRAFT_MARK_CONSULTATION = "BOZZA IN CONSULTAZIONE"
FACT_LABEL = "{label}: "

# What a mark in a table says to a screen reader and in a text preview (the symbol's words).
PRIMARY_MARK = "●"
SECONDARY_MARK = "○"
ACTIVE_MARK = "●"
REVIEW_MARK = "◆"
MARK_PEAK = "picco"
MARK_ACTIVE = "attiva"
MARK_REVIEW = "verifica"
MARK_PRIMARY = "principale"
MARK_SECONDARY = "secondaria"
# The alt text (description) of a table that holds marks, for Word's screen readers: Word
# has no alt text for a run, so a cell's symbol is read by its name («cerchio nero»).
TABLE_SYMBOLS = "Simboli nelle celle: {pairs}."
TABLE_SYMBOL = "{symbol} {text}"

TOC_TITLE = "Indice"
TOC_PLACEHOLDER = (
    "L'indice si compila all'apertura del documento: se non compare, in Word fai clic "
    "con il tasto destro qui e scegli «Aggiorna campo» (oppure premi F9); in LibreOffice "
    "usa Strumenti > Aggiorna > Aggiorna tutto."
)
FOOTER_PAGE = "Pagina "
FOOTER_OF = " di "

# --- headings ----------------------------------------------------------------------------

NUMBERED_CHAPTER = "{number}. {title}"
NUMBERED_SECTION = "{chapter}.{number} {title}"
# a cross-reference to a heading, in running text: «nel capitolo 8», «nel § 11.1»
REF_CHAPTER = "capitolo {number}"
REF_SECTION = "§\u00a0{chapter}.{number}"  # «§» never alone at a line end
REF_TITLE = "«{title}»"

H_PREMESSA = "Premessa e quadro di riferimento"
H_PREMESSA_PLAN = "Il piano locale"
H_PREMESSA_NATIONAL = "Il Piano triennale nazionale"
H_PREMESSA_LAW = "Il quadro normativo"

H_TERRITORY = "Profilo del territorio"
H_TERRITORY_CONTEXT = "Il contesto"
H_TERRITORY_CROPS = "Colture e calendario stagionale"
H_TERRITORY_WORKFORCE = "Forza lavoro"
H_TERRITORY_SETTLEMENTS = "Insediamenti e condizioni abitative"
H_TERRITORY_SERVICES = "Servizi presenti"
H_TERRITORY_SOURCES = "Fonti"

H_PROCESS = "Percorso partecipativo"
H_PROCESS_COUNTS = "Gli incontri"
H_PROCESS_CHRONOLOGY = "Cronologia degli incontri"
H_PROCESS_ORGANISATIONS = "Organizzazioni che hanno partecipato"

H_NETWORK = "Rete territoriale e governance"
H_NETWORK_ACTORS = "Gli attori della rete"
H_NETWORK_MAP = "Mappa delle relazioni"
H_NETWORK_GRID = "Matrice potere/interesse"
H_NETWORK_STEERING = "Cabina di regia"
H_NETWORK_TABLES = "Tavoli tematici"

H_STRATEGY = "Strategia: obiettivi per asse"
H_STRATEGY_AXIS = "Asse {number} – {label}"
H_STRATEGY_UNASSIGNED = "Misure senza azione nazionale"

H_NEEDS = "Analisi dei bisogni"
H_NEEDS_RANKING = "Bisogni in ordine di priorità"
H_NEEDS_DETAIL = "Schede dei bisogni"
H_NEED = "{id} – {area}"

H_MEASURES = "Le misure"
H_MEASURE = "Misura {id}: {title}"
H_MEASURE_BUDGET = "Piano finanziario della misura {id}"
H_MEASURE_INDICATORS = "Indicatori della misura {id}"
H_MEASURE_RISKS = "Rischi e mitigazioni della misura {id}"

H_COHERENCE = "Coerenza con il Piano triennale"
H_COHERENCE_MATRIX = "Matrice misure e azioni prioritarie"
H_COHERENCE_ACTIONS = "Copertura delle azioni prioritarie"
H_COHERENCE_AXES = "Copertura degli assi"

H_GANTT = "Cronoprogramma"

H_BUDGET = "Piano finanziario"
H_BUDGET_MEASURE = "Risorse per misura"
H_BUDGET_SOURCE = "Risorse per fonte di finanziamento"
H_BUDGET_AXIS = "Risorse per asse del Piano triennale"

H_MONITORING = "Monitoraggio e valutazione"
H_MONITORING_SYSTEM = "Sistema di monitoraggio"
H_MONITORING_INDICATORS = "Quadro degli indicatori"

H_ANNEXES = "Allegati"
ANNEX_HEADING = "Allegato {letter} – {title}"
ANNEX_BODIES = "Composizione della cabina di regia e dei tavoli tematici"
ANNEX_BODIES_CONTENT = "la composizione della cabina di regia e dei tavoli tematici"
ANNEX_CHANGELOG = "Registro delle versioni"
ANNEX_CHANGELOG_CONTENT = "il registro delle versioni del piano"
ANNEX_CONTACTS = "Contatti dei referenti (edizione interna)"
ANNEX_CONTACTS_CONTENT = (
    "i contatti dei referenti delle organizzazioni, presenti solo in questa edizione interna"
)
ANNEX_REF = "Allegato {letter}"
ANNEX_WITHIN = "{annex}.{number}"
"""An annex of a plan that is itself a resolution's annex: A.1, A.2, ..."""
H_ANNEX_BODY = "{name}"
H_ANNEX_STEERING = "Cabina di regia – {name}"
NOTE_NO_BODIES = "La cabina di regia e i tavoli tematici sono ancora da definire."

# --- tables ------------------------------------------------------------------------------

T_CROP = "Coltura"
T_WORKERS = "Lavoratori"
T_MONTH = "Mese"
T_CROPS_IN_PEAK = "Colture in picco"
T_DEMAND = "Lavoratori stimati"
WORKERS_AT_LEAST = "Almeno {count}"
WORKERS_UNKNOWN = "Non stimati"
T_VALUE = "Numero"
T_CATEGORY = "Categoria"
T_KIND = "Tipo"
T_COUNT = "Numero"
T_DATE = "Data"
T_TABLE = "Tavolo"
T_PARTICIPANTS = "Partecipanti"
T_SUMMARY = "Sintesi"
T_ORGANISATION = "Organizzazione"
T_ACTOR_TYPE = "Tipo di attore"
T_MEETINGS = "Incontri"
T_LEVEL = "Livello"
T_ROLE = "Ruolo"
T_ENGAGEMENT = "Coinvolgimento"
T_COMMITMENTS = "Impegni"
T_FROM = "Da"
T_TO = "A"
T_RELATION = "Relazione"
T_DESCRIPTION = "Descrizione"
T_POWER = "Potere (1-5)"
T_INTEREST = "Interesse (1-5)"
T_QUADRANT = "Strategia di relazione"
T_MEMBERS = "Componenti"
MEMBERS_IN_ANNEX = "{members} (elenco nell'{annex})"
T_RANK = "N."
T_NEED = "Bisogno"
T_AREA = "Area"
T_TARGET = "Destinatari"
T_PEOPLE = "Persone"
T_SEVERITY = "Gravità"
T_URGENCY = "Urgenza"
T_PRIORITY = "Priorità"
T_MEASURE = "Misura"
T_LEAD = "Capofila"
T_TIMING = "Tempi"
T_AMOUNT = "Importo"
T_SOURCE = "Fonte"
T_NOTE = "Nota"
T_SHARE = "Quota"
T_SOURCES = "Fonti"
T_MEASURES = "Misure"
T_AXIS = "Asse"
T_INDICATOR = "Indicatore"
T_UNIT = "Unità di misura"
T_BASELINE = "Valore iniziale"
T_TARGET_VALUE = "Valore obiettivo"
T_VERIFICATION = "Fonte di verifica"
T_RISK = "Rischio"
T_MITIGATION = "Mitigazione"
T_ACTION = "Azione prioritaria"
T_PRIMARY = "Come azione principale"
T_SECONDARY = "Come azione secondaria"
T_SECONDARY_ONLY = "Solo come secondaria"
T_COVERAGE = "Copertura"
T_RESOURCES = "Risorse"
T_ACTIONS_IN_AXIS = "Azioni dell'asse"
T_ACTIONS_UNCOVERED = "Non coperte"
T_REVIEWS_ROW = "Verifiche di monitoraggio"
T_TOTAL = "Totale"
T_VERSION = "Versione"
T_CHANGES = "Modifiche"
T_PERSON = "Referente"
T_EMAIL = "E-mail"
T_PHONE = "Telefono"
YES = "Sì"
NO = "No"

CARD_OBJECTIVE = "Obiettivo"
CARD_DESCRIPTION = "Descrizione"
CARD_ACTIONS = "Azioni del Piano triennale"
CARD_NEEDS = "Bisogni affrontati"
CARD_LEAD = "Capofila"
CARD_PARTNERS = "Partner"
CARD_TIMING = "Tempi"
NEED_EVIDENCE = "Evidenze"
NEED_SOURCE = "Fonte"
NEED_MEASURES = "Misure che lo affrontano"
NEED_NO_MEASURE = "Nessuna misura del piano (da affrontare)"
STEERING_NAME = "Denominazione"
STEERING_COORDINATOR = "Coordinamento"
STEERING_CADENCE = "Cadenza delle riunioni"
STEERING_MEMBERS = "Componenti"

# --- captions, notes, alt text -----------------------------------------------------------

CAPTION_TABLE = "Tabella {number} – {title}"
CAPTION_FIGURE = "Figura {number} – {title}"
TC_CROPS = "Calendario delle colture: mesi di picco della domanda di lavoro"
TC_DEMAND = "Domanda di lavoro mese per mese (somma dei lavoratori delle colture in picco)"
TC_WORKFORCE = "Forza lavoro in agricoltura"
TC_MEETINGS_BY_KIND = "Incontri per tipo"
TC_MEETINGS = "Cronologia degli incontri del percorso partecipativo"
TC_ORGANISATIONS = "Organizzazioni che hanno partecipato agli incontri"
TC_STAKEHOLDERS = "Attori della rete"
TC_RELATIONS = "Relazioni tra gli attori (stesse informazioni della figura)"
TC_GRID = "Posizione degli attori nella matrice potere/interesse e coinvolgimento previsto"
TC_STEERING = "Cabina di regia"
TC_TABLES = "Tavoli tematici"
TC_NEEDS = "Bisogni in ordine di priorità (gravità × urgenza)"
TC_NEED = "Scheda del bisogno {id}"
TC_MEASURES = "Quadro delle misure"
TC_MEASURE = "Scheda della misura {id}"
TC_MEASURE_BUDGET = "Voci di spesa della misura {id}"
TC_MEASURE_INDICATORS = "Indicatori della misura {id}"
TC_MEASURE_RISKS = "Rischi della misura {id}"
TC_MATRIX = "Misure e azioni prioritarie del Piano triennale"
TC_ACTIONS = "Copertura delle azioni prioritarie"
TC_AXES = "Copertura degli assi"
TC_GANTT = "Cronoprogramma delle misure"
TC_BUDGET_MEASURE = "Risorse per misura"
TC_BUDGET_SOURCE = "Risorse per fonte di finanziamento"
TC_BUDGET_AXIS = "Risorse per asse (secondo l'azione principale di ogni misura)"
TC_INDICATORS = "Indicatori per misura"
TC_CHANGELOG = "Registro delle versioni"
TC_CONTACTS = "Contatti dei referenti"

FIG_GRID_TITLE = "Matrice potere/interesse degli attori"
FIGURE_UNAVAILABLE = (
    "La figura non è disponibile in questa installazione: le stesse informazioni sono "
    "nella tabella che segue."
)

NOTE_CROPS_LEGEND = "Legenda: {mark} mese di picco della domanda di lavoro della coltura."
NOTE_MATRIX_LEGEND = (
    "Legenda: {primary} azione principale della misura; {secondary} azione secondaria. "
    "Azioni prioritarie: {actions}."
)
NOTE_BUDGET_AXIS = (
    "Il budget di ogni misura è attribuito per intero all'asse della sua azione "
    "principale (la prima indicata), anche quando la misura contribuisce ad altre azioni."
)
NOTE_BUDGET_OPEN = (
    "{count} voci di spesa non hanno ancora un importo e non sono comprese nei totali."
)
NOTE_BUDGET_OPEN_ONE = "1 voce di spesa non ha ancora un importo e non è compresa nei totali."
NOTE_UNCOVERED = "Azioni prioritarie non coperte da alcuna misura: {actions}."
NOTE_SECONDARY_ONLY = (
    "Azioni prioritarie coperte solo come azione secondaria, senza risorse proprie: {actions}."
)
NOTE_ACTIONS_BUDGET = (
    "Le risorse di ogni misura sono attribuite per intero alla sua azione principale: "
    "un'azione coperta solo come secondaria non ha risorse proprie."
)
NOTE_AXES_MEASURES = (
    "«Misure»: le misure la cui azione principale è nell'asse, elencate nel {strategy}; le "
    "misure che vi contribuiscono con un'azione secondaria sono nella tabella delle azioni "
    "({actions})."
)
NOTE_AXIS_SECONDARY_ONE = (
    "Contribuisce all'asse anche, con un'azione secondaria, la misura {ids} (collocata "
    "sull'asse della sua azione principale)."
)
NOTE_AXIS_SECONDARY = (
    "Contribuiscono all'asse anche, con un'azione secondaria, le misure {ids} (collocate "
    "sugli assi delle rispettive azioni principali)."
)

# Coverage of the national plan's actions, in the same words wherever the document says it
# (the plan's introduction, the coherence chapter): from PlanFacts, primary and secondary
# apart. {total}: the national plan's actions; {count}: some of them.
COVERAGE_ALL_PRIMARY = (
    "Ognuna delle {total} azioni prioritarie del Piano triennale è l'azione principale di "
    "almeno una misura."
)
COVERAGE_PRIMARY_ONE = (
    "Delle {total} azioni prioritarie del Piano triennale, una sola è l'azione principale di "
    "almeno una misura."
)
COVERAGE_PRIMARY = (
    "Delle {total} azioni prioritarie del Piano triennale, {count} sono l'azione principale di "
    "almeno una misura."
)
COVERAGE_PRIMARY_NONE = (
    "Nessuna delle {total} azioni prioritarie del Piano triennale è l'azione principale di "
    "una misura."
)
COVERAGE_PRIMARY_BUDGET = "Le misure di queste azioni hanno risorse per {budget}."
COVERAGE_SECONDARY_ONE = "{actions} compare solo come azione secondaria {measures}"
COVERAGE_SECONDARY = "{actions} compaiono solo come azioni secondarie {measures}"
COVERAGE_SECONDARY_BUDGET = "{coverage}, le cui risorse ({budget}) sono attribuite {attribution}."
COVERAGE_SECONDARY_END = "{coverage}."
COVERAGE_OF_MEASURE = "della misura {ids}"
COVERAGE_OF_MEASURES = "delle misure {ids}"
COVERAGE_TO_ITS_PRIMARY = "alla sua azione principale"
COVERAGE_TO_THEIR_PRIMARY = "alle rispettive azioni principali"
COVERAGE_UNCOVERED_ONE = "{actions} non è coperta da alcuna misura."
COVERAGE_UNCOVERED = "{actions} non sono coperte da alcuna misura."
COVERAGE_NO_MEASURES = (
    "Finché le misure non sono definite nessuna delle {total} azioni prioritarie è coperta."
)
COVERAGE_KINDS = {"primary": "Principale", "secondary": "Solo secondaria", None: "Nessuna"}
NOTE_AXIS_INFERRED = (
    "L'asse dell'azione {actions} è dedotto dal suo titolo: le fonti pubbliche sul piano "
    "nazionale non lo indicano."
)
NOTE_AXES_INFERRED = (
    "L'asse delle azioni {actions} è dedotto dal loro titolo: le fonti pubbliche sul piano "
    "nazionale non lo indicano."
)
NOTE_UNKNOWN_ACTIONS = (
    "Le misure indicano anche azioni che il piano nazionale non prevede: {actions}."
)
NOTE_GRID_MISSING = "Senza valutazione di potere e interesse: {names}."
NOTE_NO_RELATIONS = "Il piano non descrive ancora relazioni formali tra gli attori."
NOTE_NO_TABLES = "Il piano non prevede tavoli tematici."
NOTE_NO_MEASURES_AXIS = (
    "Nessuna misura del piano ha come azione principale un'azione di questo asse."
)
NOTE_NEEDS_UNADDRESSED = "Bisogni non ancora affrontati da alcuna misura: {ids}."
NOTE_NO_INDICATORS = "Il piano non definisce ancora indicatori."
NOTE_NO_RISKS = "Nessun rischio indicato."
NOTE_NO_MEASURES = "Il piano non contiene ancora misure."
NOTE_NO_CONTACTS = "Nessun referente con contatti nel piano."
NOTE_CONTACTS_WARNING = (
    "Questo allegato contiene dati personali: è riservato all'edizione interna e non va pubblicato."
)
NOTE_AXIS_ACTIONS = "Azioni prioritarie dell'asse: {actions}."
NOTE_REVIEWS = "Verifiche programmate: {reviews}."
NOTE_CADENCE = "Cadenza delle riunioni della cabina di regia: {cadence}."
NOTE_INDICATOR_COUNTS = "Il quadro comprende {total}: {parts}."
NOTE_INDICATOR_COUNTS_ONE_KIND = "Il quadro comprende {total}, tutti {kind}."
NOTE_INDICATOR_COUNT_SINGLE = "Il quadro comprende {total} {kind}."
INDICATOR_COUNT = "{count} {kind}"
INDICATOR_KIND_PHRASES: dict[str | None, str] = {
    kind: phrase for kind, phrase in _vocab.INDICATOR_KIND_PHRASES.items()
}
INDICATOR_KIND_PHRASES[None] = "di tipo ancora da definire"
AND = " e "
ANNEX_DETAIL = "{label}: {value}."

# --- template, CLI and errors ------------------------------------------------------------

UNKNOWN_NATIONAL_PLAN = "il piano nazionale «{plan_id}» non è nel catalogo"
UNKNOWN_NATIONAL_PLAN_HINT = "usa uno di questi id in plan.national_plan: {known}"
TEMPLATE_COMMAND = "incas template -o carta-intestata.docx"
TEMPLATE_NOT_FOUND = "il modello indicato con --template non esiste"
TEMPLATE_NOT_FOUND_HINT = (
    "indica con --template un file .docx esistente; per crearne uno da personalizzare con "
    "la carta intestata del Comune: " + TEMPLATE_COMMAND
)
TEMPLATE_UNREADABLE = "il modello non è un documento Word (.docx) leggibile"
TEMPLATE_UNREADABLE_HINT = (
    "salva il modello in formato .docx (non .doc o .dotx), oppure parti dal modello di incas: "
    + TEMPLATE_COMMAND
)
TEMPLATE_MISSING_STYLES = "nel modello mancano gli stili: {styles}"
TEMPLATE_MISSING_STYLES_HINT = (
    "parti dal modello di incas, che li contiene tutti (" + TEMPLATE_COMMAND + "), e "
    "aggiungi la carta intestata del Comune; oppure usa ciascuno stile mancante almeno una "
    "volta nel modello, così che Word lo salvi"
)

TEMPLATE_OUTPUT_HELP = "File da scrivere (.docx)."
TEMPLATE_FORCE_HELP = "Sovrascrive il file se esiste già."
TEMPLATE_DONE = (
    "Modello scritto in {path}. Aprilo con Word o LibreOffice, aggiungi nell'intestazione "
    "la carta intestata del Comune, adatta caratteri e colori degli stili (senza "
    "rinominarli) e salvalo in formato .docx; poi: incas plan render PIANO.yaml "
    "--template {path}"
)

RENDER_HELP = "Genera il documento Word (A4, in italiano) del piano."
RENDER_FILE_HELP = "File del piano (.yaml); - lo legge dallo standard input (serve -o)."
RENDER_OUTPUT_HELP = (
    "File da scrivere; senza questa opzione, accanto al piano con lo stesso nome "
    "(es. piano.yaml -> piano.docx); - lo scrive sullo standard output."
)
RENDER_EDITION_HELP = (
    "pubblica (predefinita: senza dati personali) o interna (con i contatti dei referenti)."
)
RENDER_TEMPLATE_HELP = (
    "Documento .docx del Comune (carta intestata e stili) da usare al posto del modello "
    "di incas; per partire da questo: incas template -o carta-intestata.docx."
)
RENDER_FINAL_HELP = "Controllo definitivo prima di generare: nessun campo può restare aperto."
RENDER_FORMAT_HELP = (
    "Formato del file: docx (predefinito), odt o pdf (questi due richiedono LibreOffice)."
)
RENDER_FORCE_HELP = "Sovrascrive il file di destinazione se esiste già."
RENDER_NO_TOC_HELP = (
    "Non aggiorna l'indice con LibreOffice: Word lo aggiornerà all'apertura del documento."
)
RENDER_BAD_EDITION = "edizione «{value}» sconosciuta"
RENDER_BAD_EDITION_HINT = "usa --edition pubblica oppure --edition interna"
RENDER_BAD_FORMAT = "formato «{value}» sconosciuto"
RENDER_BAD_FORMAT_HINT = "usa --format {formats}"
RENDER_SUFFIX_MISMATCH = "il file {path} non ha l'estensione .{format}"
RENDER_SUFFIX_MISMATCH_HINT = "usa un nome che finisce con .{format} oppure togli --format {format}"
RENDER_UNKNOWN_SUFFIX = "non so scrivere un file «.{suffix}»: {path}"
RENDER_UNKNOWN_SUFFIX_HINT = (
    "indica con -o un file {suffixes} (ad esempio -o {example}); senza estensione "
    "incas aggiunge quella del formato scelto"
)
RENDER_BLOCKED = "il piano ha problemi che bloccano la generazione del documento"
RENDER_BLOCKED_HINT = "correggi gli errori indicati sopra e ripeti il comando"
RENDER_FINAL_OPEN = "il piano è «{status}» ma ha {count} ancora aperti: {fields}"
RENDER_FINAL_OPEN_HINT = (
    "un piano proposto o adottato è il testo della delibera: completa questi campi "
    "(«incas plan status {file}» li elenca con la riga) o riporta lo stato a «bozza»"
)
RENDER_FINAL_OPEN_FIELD = "{label} ({path})"
RENDER_FINAL_OPEN_MORE = "e altri {count}"
RENDER_NEEDS_LIBREOFFICE = "per il formato {format} serve LibreOffice, che non è installato"
RENDER_STDIN_NEEDS_OUTPUT = "con il piano letto da stdin (-) serve -o per dire dove scrivere"
RENDER_STDIN_NEEDS_OUTPUT_HINT = "ad esempio -o piano.docx, oppure -o - per scriverlo su stdout"
RENDER_STDOUT_TERMINAL = "il documento è un file binario: non lo scrivo sul terminale"
RENDER_STDOUT_TERMINAL_HINT = (
    "con -o - reindirizza l'uscita verso un file o un altro programma "
    "(… -o - > {example}), oppure indica un file con -o {example}"
)
STDOUT_EXAMPLE_PLAN = "piano"
"""The file name, without extension, that the hint above suggests for a plan's document."""
STDOUT_EXAMPLE_REPORT = "relazione"
"""The same for a monitoring report (``monitor report``)."""
RENDER_NEEDS_UNO = (
    "per il formato {format} serve il modulo Python di LibreOffice (python3-uno), che manca: "
    "LibreOffice c'è ({soffice})"
)
RENDER_NEEDS_UNO_HINT = (
    "installalo con `sudo apt-get install python3-uno`, oppure indica con la variabile "
    "INCAS_UNO_PYTHON un interprete Python che lo contiene; il formato docx non ne ha bisogno"
)
RENDER_NEEDS_LIBREOFFICE_HINT = (
    "installa LibreOffice (ad esempio libreoffice-writer-nogui) oppure genera il formato docx"
)
RENDER_DONE = "Documento scritto in {path} ({details})."
RENDER_DONE_STDOUT = "Documento scritto su stdout ({details})."
RENDER_DONE_EDITION = "edizione {edition}"
RENDER_DONE_DRAFT = "bozza"
RENDER_DONE_TOC_PENDING = "indice da aggiornare all'apertura"
RENDER_TOC_FALLBACK = (
    "{detail} Il documento è scritto comunque: Word compilerà l'indice all'apertura."
)
RENDER_TOC_FALLBACK_HINT = (
    "per avere l'indice già compilato controlla LibreOffice con `soffice --headless "
    "--version`; con --no-toc-update incas non prova a usarlo"
)
WARNING_LINE = "{label}: {message}"
HINT_LINE = "  {label}: {hint}"

# --- counts: "1 misura", "15 misure" ------------------------------------------------------

NOUN_FORMS: dict[str, tuple[str, str]] = {
    "attore": ("attore", "attori"),
    "azione prioritaria": ("azione prioritaria", "azioni prioritarie"),
    "bisogno": ("bisogno", "bisogni"),
    "incontro": ("incontro", "incontri"),
    "indicatore": ("indicatore", "indicatori"),
    "misura": ("misura", "misure"),
    "organizzazione": ("organizzazione", "organizzazioni"),
    "pagina": ("pagina", "pagine"),
    "tavolo tematico": ("tavolo tematico", "tavoli tematici"),
    "voce di spesa": ("voce di spesa", "voci di spesa"),
    "campo": ("campo", "campi"),
}


def counted(count: int, noun: str) -> str:
    """``1 misura``, ``15 misure``, ``0 misure``: a number with its noun in the right form.

    ``noun`` is the singular, a key of :data:`NOUN_FORMS`; the formatting is
    :func:`incas_cli.formats.counted`.
    """
    from incas_cli.formats import counted as count_of

    return count_of(count, *NOUN_FORMS[noun])


RENDER_PREVIOUS_HELP = (
    "Versione precedente del piano (.yaml): aggiunge l'allegato «Registro delle versioni» "
    "con le modifiche rispetto a quella."
)
RENDER_PREVIOUS_INVALID = "la versione precedente {path} non ha la struttura di un piano"
RENDER_PREVIOUS_INVALID_HINT = "controllala con: incas plan validate {path}"
