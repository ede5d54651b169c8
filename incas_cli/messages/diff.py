"""Messages of ``incas plan diff`` and of the "Registro delle versioni"."""

from incas_cli.messages import vocab as _vocab

# command line
DIFF_HELP = "Confronta due versioni di un piano: misure, budget, attori, bisogni, azioni."
OLD_HELP = "La versione precedente del piano (.yaml)."
NEW_HELP = "La versione nuova del piano (.yaml)."
JSON_HELP = "Stampa il confronto in JSON (per script e altri strumenti)."
DOCX_HELP = "Scrive il confronto anche come allegato Word (per il verbale della consultazione)."
FORCE_HELP = "Sovrascrive il file Word di destinazione se esiste già."

HEADER = "Confronto tra {old} (prima) e {new} (dopo)"
NO_CHANGES = "nessuna modifica: i due file descrivono lo stesso piano."
OTHER_COMUNE = (
    "avviso: {old} è il piano di {old_comune}, {new} quello di {new_comune}: plan diff "
    "confronta due versioni dello stesso piano; per mettere a confronto i piani di più "
    "Comuni usa `incas plan compare {old_arg} {new_arg} -o confronto.docx`."
)
PREVIOUS_OTHER_COMUNE = (
    "avviso: {previous} è il piano di {old_comune}, {file} quello di {new_comune}: il "
    "«Registro delle versioni» lo presenta come la versione precedente di questo piano; "
    "controlla il file indicato con --previous"
)
DOCX_NOT_STDOUT = (
    "--docx - scriverebbe l'allegato Word sullo standard output, dove va già il confronto"
)
DOCX_NOT_STDOUT_HINT = "indica un file, ad esempio --docx allegato-modifiche.docx"
HAS_ERRORS = (
    "{file}: il piano ha {problems}; il confronto resta possibile, ma "
    "controlla il file con `incas plan validate {arg}`."
)
BLOCKING_ONE = "problema bloccante"
BLOCKING_MANY = "problemi bloccanti"
DOCX_WRITTEN = "Allegato Word scritto in {path}"
DOCX_DEFAULT_NAME = "confronto-{old}-{new}.docx"
"""The annex's name when ``--docx`` names a folder."""

# values
DASH = "–"
NONE = "–"
TRUNCATED = "…"
LIST_SEPARATOR = ", "
ITEM_SEPARATOR = "; "
AND_OTHERS = "{names} e altri {count}"
ACTION_CODE = "AP{number}"
ACTION_REF = "AP{number} {label}"
UNKNOWN_ACTION = "azione {number} (non nel piano nazionale)"
AXIS_REF = "Asse {number} – {label}"
NO_AXIS = "Senza azione nazionale assegnata"
NO_SOURCE = "Fonte da indicare"
PRIVATE_CHANGED = "dati riservati modificati"
PRIVATE_SET = "dati riservati"
YES = "sì"
NO = "no"
MARK_GAINED = "nuova"
MARK_LOST = "persa"
STATUSES = {value: term.label for value, term in _vocab.PLAN_STATUSES.items()}
ORGANS = {value: term.label for value, term in _vocab.ADOPTION_ORGANS.items()}
BUDGET_LINE = "{amount} ({source})"
BUDGET_LINE_NOTE = "{amount} ({source}: {note})"
BUDGET_LINE_DETAILS = "{line} [{details}]"
BUDGET_LINE_CUP = "CUP {cup}"
INDICATOR_ID = "{id} – {indicator}"
INDICATOR = "{name}: {baseline} → {target}"
INDICATOR_UNIT = "{name}: {baseline} → {target} {unit}"
RISK = "{risk}"
RISK_MITIGATION = "{risk} (mitigazione: {mitigation})"

# field labels (the plan's own terms)
FIELDS = {
    "national_plan": "Piano nazionale di riferimento",
    "title": "Titolo",
    "period.start": "Inizio del periodo",
    "period.end": "Fine del periodo",
    "status": "Stato",
    "version": "Versione",
    "adoption.organ": "Organo che adotta",
    "adoption.number": "Numero della delibera",
    "adoption.date": "Data della delibera",
    "adoption.annex": "Allegato della delibera",
    "office": "Ufficio responsabile",
    "authors": "Autori",
    # measures
    "description": "Descrizione",
    "objective": "Obiettivo",
    "actions": "Azioni nazionali",
    "needs": "Bisogni",
    "lead": "Capofila",
    "partners": "Partner",
    "start": "Inizio",
    "end": "Fine",
    "months": "Mesi di attività",
    "budget": "Budget totale",
    "budget_lines": "Voci di budget",
    "indicators": "Indicatori",
    "risks": "Rischi",
    "specific_objectives": "Obiettivi specifici",
    "sustainability": "Sostenibilità",
    # stakeholders
    "name": "Nome",
    "type": "Tipo di attore",
    "level": "Livello",
    "role": "Ruolo",
    "power": "Potere",
    "interest": "Interesse",
    "engagement": "Coinvolgimento",
    "commitments": "Impegni",
    "contact": "Referente",
    # needs
    "area": "Area di bisogno",
    "evidence": "Evidenze",
    "source": "Fonte",
    "target_group": "Destinatari",
    "people": "Persone",
    "severity": "Gravità",
    "urgency": "Urgenza",
}

SECTIONS = {
    **{value: term.label for value, term in _vocab.PLAN_SECTIONS.items()},
    "measures_order": "Ordine delle misure",
    "stakeholders_order": "Ordine degli attori",
    "needs_order": "Ordine dei bisogni",
    # the v1 additions, named on their own when they change (the rest of a section by the
    # section's name, as before)
    "comune.partners": "Comuni partner",
    "context.phenomenon": "Analisi del fenomeno",
    "context.data": "Dati sul fenomeno",
    "context.gender": "Prospettiva di genere",
    "organization.manager": "Responsabile dell'attuazione",
    "organization.offices": "Uffici comunali e compiti",
    "organization.reporting": "Informazione della Giunta e del Consiglio",
    "strategy.general_objective": "Obiettivo generale",
    "strategy.specific_objectives": "Obiettivi specifici",
}

# report (terminal and Word annex)
DOC_TITLE = "Confronto tra due versioni del piano"
DOC_PROPERTY_TITLE = "Confronto tra versioni: {title}"
DOC_CATEGORY = "Allegato al verbale della consultazione"
DOC_COMMENTS = (
    "Confronto generato da incas tra la versione {old_version} e la versione {new_version}"
)
COMUNE_OF = "Comune di {name}"
DOC_SUBTITLE = "{title}: versione {old_version} e versione {new_version}"
DOC_SUBJECT = "Modifiche al Piano Locale Multisettoriale di {comune}"
DOC_KEYWORDS = "piano locale multisettoriale, caporalato, confronto tra versioni"
DOC_FILES = "File confrontati: {old} (prima) e {new} (dopo)."
VERSION_UNKNOWN = "senza numero"
COL_FIELD = "Campo"
COL_BEFORE = "Prima"
COL_AFTER = "Dopo"
COL_DELTA = "Differenza"
COL_ID = "Codice"
COL_MEASURE = "Misura"
COL_TITLE = "Titolo"
COL_ACTIONS = "Azioni"
COL_BUDGET = "Budget"
COL_NAME = "Nome"
COL_DESCRIPTION = "Descrizione"
COL_SOURCE = "Fonte"
COL_AXIS = "Asse"
COL_ACTION = "Azione nazionale"
COL_CHANGE = "Variazione"
SECTION_PLAN = "Dati del piano"
SECTION_MEASURES = "Misure"
SECTION_BUDGET = "Bilancio"
SECTION_COVERAGE = "Copertura delle azioni nazionali"
SECTION_STAKEHOLDERS = "Attori"
SECTION_NEEDS = "Bisogni"
SECTION_OTHER = "Altre sezioni modificate"
TABLE_ADDED_MEASURES = "Misure aggiunte"
TABLE_REMOVED_MEASURES = "Misure eliminate"
TABLE_CHANGED_ITEM = "{id} {label}: modifiche"
TABLE_ADDED_STAKEHOLDERS = "Attori aggiunti"
TABLE_REMOVED_STAKEHOLDERS = "Attori eliminati"
TABLE_ADDED_NEEDS = "Bisogni aggiunti"
TABLE_REMOVED_NEEDS = "Bisogni eliminati"
TABLE_BY_SOURCE = "Budget per fonte di finanziamento"
TABLE_BY_AXIS = "Budget per asse del piano nazionale (azione principale di ciascuna misura)"
TABLE_COVERAGE = "Azioni nazionali coperte da almeno una misura"
TOTAL = "Totale"
BUDGET_SUMMARY = "Budget complessivo: {old} prima, {new} dopo ({delta})."
COVERAGE_SUMMARY = "Azioni nazionali coperte: {old} su {total} prima, {new} su {total} dopo."
COVERAGE_GAINED = "Ora coperte: {actions}."
COVERAGE_LOST = "Non più coperte: {actions}."
OTHER_INTRO = "Sono cambiate anche queste parti del piano (il dettaglio è nei due file):"

# "Registro delle versioni"
CHANGELOG_PREVIOUS = "Versione di riferimento del confronto (stato: {status})."
CHANGELOG_NO_CHANGES = "Nessuna modifica rispetto alla versione precedente."
CHANGELOG_PLAN = "Dati del piano modificati: {fields}."
CHANGELOG_MEASURE_ADDED = "Aggiunta la misura {id} «{title}»."
CHANGELOG_MEASURE_REMOVED = "Eliminata la misura {id} «{title}»."
CHANGELOG_MEASURE_CHANGED = "Modificata la misura {id} «{title}»: {fields}."
CHANGELOG_BUDGET = "Budget complessivo da {old} a {new} ({delta})."
CHANGELOG_COVERAGE = (
    "Azioni nazionali coperte, come azione principale o secondaria, da {old} a {new} su {total}."
)
CHANGELOG_STAKEHOLDERS_ADDED = "Nuovi attori: {names}."
CHANGELOG_STAKEHOLDERS_REMOVED = "Attori non più coinvolti: {names}."
CHANGELOG_STAKEHOLDERS_CHANGED = "Aggiornati i dati degli attori: {names}."
CHANGELOG_NEEDS_ADDED = "Nuovi bisogni: {ids}."
CHANGELOG_NEEDS_REMOVED = "Bisogni eliminati: {ids}."
CHANGELOG_NEEDS_CHANGED = "Bisogni aggiornati: {ids}."
CHANGELOG_SECTIONS = "Aggiornate anche: {sections}."
CHANGELOG_RATINGS = (
    "Aggiornata la valutazione di potere, interesse e coinvolgimento degli attori, strumento "
    "di lavoro interno dell'ufficio di piano che non si pubblica."
)
RATINGS_WITHHELD = (
    "Le modifiche alla valutazione di potere e interesse degli attori e al loro livello di "
    "coinvolgimento sono strumenti di lavoro dell'ufficio di piano: non sono riportate in "
    "questo documento."
)
