"""The plan document's texts for what real plans contain beyond the first release: the
analysis of the phenomenon, the general and specific objectives, the Comune's internal
organisation, partner Comuni, commitments in the measure cards, sustainability, the
budget by year and by status, contributions in kind."""

from incas_cli.messages import vocab as _vocab

BUDGET_STATUSES = {value: term.label for value, term in _vocab.BUDGET_STATUSES.items()}

# --- the analysis of the phenomenon ---------------------------------------------------------
H_PHENOMENON = "Analisi del fenomeno"
H_PHENOMENON_TEXT = "Lo sfruttamento lavorativo nel territorio"
H_PHENOMENON_DATA = "I dati"
H_PHENOMENON_GENDER = "La prospettiva di genere"
TC_PHENOMENON_DATA = "Dati sul fenomeno"
T_DATUM = "Dato"
T_DATUM_VALUE = "Valore"
T_DATUM_UNIT = "Unità"
T_YEAR = "Anno"
T_DATUM_SOURCE = "Fonte"
T_DATUM_TOPIC = "Ambito"
NOTE_DATA_SOURCES = "Ogni dato riporta l'anno a cui si riferisce e la fonte che lo ha prodotto."
NOTE_DATA_OPEN = "Un dato senza anno o senza fonte va completato prima dell'adozione del piano."
DATA_YEAR_OPEN = "anno del dato"
DATA_SOURCE_OPEN = "fonte del dato"

# --- strategy: the general objective and the specific objectives ---------------------------
H_GENERAL_OBJECTIVE = "Obiettivo generale"
H_SPECIFIC_OBJECTIVES = "Obiettivi specifici"
TC_SPECIFIC_OBJECTIVES = "Obiettivi specifici e misure che li perseguono"
T_SPECIFIC_OBJECTIVE = "Obiettivo specifico"
T_OBJECTIVE_AXIS = "Asse"
T_OBJECTIVE_MEASURES = "Misure"
OBJECTIVE_REF = "{id} – {text}"
OBJECTIVE_NO_MEASURE = "nessuna misura"
NOTE_MEASURES_WITHOUT_OBJECTIVE = "Misure che non indicano un obiettivo specifico: {ids}."
CARD_SPECIFIC_OBJECTIVES = "Obiettivi specifici"
CARD_SUSTAINABILITY = "Sostenibilità dopo il finanziamento"

# --- the Comune's internal organisation and partner Comuni ----------------------------------
H_ORGANIZATION = "Organizzazione interna del Comune"
TC_ORGANIZATION = "Organizzazione interna del Comune"
ORG_MANAGER = "Responsabile dell'attuazione"
ORG_REPORTING = "Informazione della Giunta e del Consiglio"
TC_OFFICES = "Uffici comunali e compiti"
T_OFFICE = "Ufficio"
T_TASKS = "Compiti"
H_PARTNER_COMUNI = "I Comuni partner"
TC_PARTNER_COMUNI = "Comuni partner: ruolo e atto di adesione"
T_PARTNER_COMUNE = "Comune"
T_PARTNER_ROLE = "Ruolo nel piano"
T_PARTNER_ADHESION = "Atto di adesione"
ADHESION_ACT = "{act} n. {number} {of_date}"  # of_date: «del 2 aprile 2024», «dell'8 …»
ADHESION_BLANK_DATE = "del ___"
ADHESION_OPEN = "atto di adesione"
ADHESION_BLANK = "___"

# --- budget: by year, by status, in kind, CUP ----------------------------------------------
H_BUDGET_YEAR = "Risorse per anno"
TC_BUDGET_YEAR = "Risorse per anno di bilancio"
T_BUDGET_YEAR = "Anno"
T_BUDGET_LINES = "Voci"
NOT_ALLOCATED = "Non ripartito"
NOTE_NOT_ALLOCATED = (
    "«Non ripartito»: voci per cui il piano non indica l'anno di bilancio; i contributi in "
    "natura non sono compresi."
)
H_BUDGET_STATUS = "Risorse assicurate, richieste e da reperire"
TC_BUDGET_STATUS = "Risorse per fonte e stato del finanziamento"
T_SECURED = "Assicurato"
T_REQUESTED = "Richiesto"
T_TO_FIND = "Da reperire"
T_UNSTATED = "Non indicato"
NOTE_BUDGET_STATUS = (
    "Assicurato: risorse già disponibili (stanziate, assegnate o concesse); richiesto: "
    "domanda presentata, risposta attesa; da reperire: risorse ancora da trovare."
)
H_IN_KIND = "Contributi in natura"
TC_IN_KIND = "Contributi in natura (non compresi negli importi)"
T_IN_KIND_FROM = "Da chi"
T_IN_KIND_WHAT = "Contributo"
IN_KIND = "contributo in natura"
T_STATUS = "Stato"
T_CUP = "CUP"
