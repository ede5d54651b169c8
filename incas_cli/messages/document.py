"""Text of the plan document added for its readers: the «Criticità» (risks the checks know)
and the legal framework chosen by the plan's date."""

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

# --- the Region as an institution ---------------------------------------------------------
REGION_NAME = "Regione {name}"
REGION_OFFICIAL_NAMES = {
    "Sicilia": "Regione Siciliana",
    "Sardegna": "Regione Autonoma della Sardegna",
    "Valle d'Aosta/Vallée d'Aoste": "Regione Autonoma Valle d'Aosta",
    "Valle d'Aosta": "Regione Autonoma Valle d'Aosta",
}
"""Regions whose statute gives them another name than «Regione» + the ISTAT name."""
