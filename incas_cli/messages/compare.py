"""Messages of ``incas plan compare`` and the Italian text of the comparison document."""

COMPARE_HELP = (
    "Confronta molti piani (di una provincia, di una regione, del Paese): stato, budget, "
    "copertura delle azioni e degli assi, bisogni e misure frequenti, fondi a rischio, "
    "cosa manca per l'adozione. Scrive un documento Word (o PDF/ODT) o un foglio XLSX."
)
COMPARE_INPUTS_HELP = (
    "File di piano (.yaml) o cartelle che li contengono (cercati anche nelle sottocartelle)."
)
COMPARE_OUTPUT_HELP = (
    "Il file da scrivere: .docx, .pdf o .odt (questi due con LibreOffice) oppure .xlsx; "
    "in una cartella esistente, confronto.docx (o l'estensione di --format); - per "
    "stdout. Predefinito: confronto.docx nella cartella corrente."
)
COMPARE_FILE_STEM = "confronto"
"""The comparison's file name without ``-o`` or when ``-o`` is a folder."""
COMPARE_FORMAT_HELP = (
    "docx, pdf, odt o xlsx (predefinito: quello dell'estensione di -o, altrimenti docx)."
)
COMPARE_FORCE_HELP = "Sovrascrive il file se esiste già."
COMPARE_JOBS_HELP = "Quanti piani leggere in parallelo (predefinito: uno per processore)."
COMPARE_PROGRESS = "Lettura dei piani"
COMPARE_DONE = "Confronto scritto in {path}: piani confrontati {plans}."
COMPARE_DONE_LEFT = (
    "Confronto scritto in {path}: piani confrontati {plans}; lasciati fuori, elencati a "
    "parte: {left}."
)
COMPARE_DONE_STDOUT = "Confronto scritto su stdout: piani confrontati {plans}."
COMPARE_DONE_STDOUT_LEFT = (
    "Confronto scritto su stdout: piani confrontati {plans}; lasciati fuori, elencati a "
    "parte: {left}."
)
DUPLICATE_PLAN = (
    "stesso Comune e stesso inizio del periodo di {other} (chiave {key}): un'altra versione "
    "dello stesso piano, confrontato una volta sola"
)

# --- the document ------------------------------------------------------------------------

TITLE = "Confronto dei Piani locali multisettoriali"
SUBTITLE = "Piani a confronto: {plans}; budget complessivo {total}"
PROPERTY_SUBJECT = "Confronto di piani locali contro lo sfruttamento lavorativo in agricoltura"
KEYWORDS = ("caporalato", "piani locali", "confronto")
CATEGORY = "Confronto di piani"
INTRO = (
    "Le cifre di ogni piano sono quelle del suo documento: budget per misura, fonte e asse, "
    "copertura delle 10 azioni del Piano triennale come azione principale o solo secondaria. "
    "I piani che non superano il controllo sono elencati a parte con il primo problema, "
    "come le altre versioni di un piano già confrontato (stesso Comune e stesso inizio "
    "del periodo)."
)

CH_PLANS = "I piani"
CH_COVERAGE = "Copertura delle azioni e degli assi"
CH_BUDGET = "Budget"
CH_FREQUENT = "Bisogni e misure più frequenti"
CH_RISK = "Fondi a rischio"
CH_ADOPTION = "Cosa manca per l'adozione"
CH_REJECTED = "Piani non confrontati"

T_PLANS = "Piani confrontati"
T_ACTIONS = "Copertura delle 10 azioni per piano"
T_AXES = "Copertura dei 4 assi per piano"
T_AXIS_BUDGET = "Budget per asse"
T_SOURCE_BUDGET = "Budget per fonte"
T_REGION_BUDGET = "Budget per regione"
T_YEAR_BUDGET = "Budget per anno"
T_STATUS_BUDGET = "Budget per stato del finanziamento"
T_NEEDS = "Aree di bisogno più frequenti"
T_ACTIONS_FREQ = "Azioni principali più frequenti delle misure"
T_RISK = "Voci di spesa con fondi a rischio"
T_ADOPTION = "Campi ancora aperti per piano"
T_REJECTED = "Piani lasciati fuori dal confronto"

COVERAGE_LEGEND = (
    "Legenda: ● azione (o asse) coperta come principale da almeno una misura; ○ coperta solo "
    "come azione secondaria; cella vuota: non coperta."
)
COVERED_PRIMARY = "principale"
COVERED_SECONDARY = "secondaria"
NO_PLANS = "Nessun piano valido da confrontare."
NO_RISK = "Nessuna voce di spesa con fondi a rischio."
NO_OPEN = "Nessun piano ha campi aperti: tutti completi per l'adozione."
MORE_OPEN = "e altri {count}"

COL_COMUNE = "Comune"
COL_PROVINCE = "Provincia"
COL_REGION = "Regione"
COL_STATUS = "Stato"
COL_PERIOD = "Periodo"
COL_BUDGET = "Budget (€)"
COL_MEASURES = "Misure"
COL_PLANS = "Piani"
COL_AXIS = "Asse"
COL_SOURCE = "Fonte"
COL_AREA = "Area di bisogno"
COL_ACTION = "Azione"
COL_FILE = "File"
COL_MEASURE = "Misura"
COL_AMOUNT = "Importo (€)"
COL_REASON = "Perché"
COL_OPEN = "Campi aperti"
COL_WHICH = "Quali"
COL_PROBLEM = "Primo problema o motivo"
AXIS_SHORT = "Asse {number}"
ACTION_SHORT = "AP{number}"
UNASSIGNED = "Senza asse"
NO_SOURCE = "Fonte da indicare"
NO_REGION = "Regione non indicata"
NO_YEAR = "Non ripartito per anno"
NO_STATUS = "Stato non indicato"
OTHER_FREE_SOURCES = "Altre fonti indicate a testo libero"
OTHER_REGIONS = "Altre regioni"
COL_BUDGET_STATUS = "Stato del finanziamento"
COL_YEAR = "Anno"
TOTAL = "Totale"
