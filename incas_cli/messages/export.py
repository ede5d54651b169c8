"""Messages of ``incas export`` and ``incas plan compare``, and the Italian words of the
open-data tables (titles and descriptions in ``datapackage.json`` and the DCAT-AP_IT file)."""

# --- incas export: help ---------------------------------------------------------------------

EXPORT_HELP = (
    "Esporta i piani come dati aperti: una tabella per entità (CSV, XLSX o JSON), con "
    "datapackage.json (Frictionless) e la descrizione DCAT-AP_IT, licenza CC BY 4.0."
)
EXPORT_INPUTS_HELP = (
    "File di piano (.yaml) o cartelle che li contengono (cercati anche nelle sottocartelle)."
)
EXPORT_OUTPUT_HELP = "Cartella in cui scrivere i dati (creata se manca)."
EXPORT_FORMAT_HELP = "Formato delle tabelle: csv (un file per tabella), xlsx (un foglio per tabella) o json (un solo documento)."
EXPORT_EXCEL_HELP = "CSV per Excel in italiano: separatore «;», virgola decimale e BOM."
EXPORT_FORCE_HELP = "Sovrascrive i file già presenti nella cartella."
EXPORT_JOBS_HELP = "Quanti piani leggere in parallelo (predefinito: uno per processore)."
EXPORT_PUBLISHER_HELP = (
    'L\'ente che pubblica i dati (DCAT-AP_IT), es. "ANCI"; con un solo Comune è il Comune.'
)
EXPORT_PUBLISHER_ID_HELP = "Codice IPA dell'ente che pubblica (facoltativo)."

BAD_EXPORT_FORMAT = "formato non previsto: «{value}»"
BAD_EXPORT_FORMAT_HINT = "usa --format csv, --format xlsx oppure --format json"
EXCEL_NEEDS_CSV = "--excel vale solo per il formato csv"
EXCEL_NEEDS_CSV_HINT = "togli --excel, oppure usa --format csv"
PUBLISHER_NEEDED = "con più file di piano serve l'ente che pubblica i dati"
PUBLISHER_NEEDED_HINT = (
    'aggiungi --publisher "nome dell\'ente", ad esempio --publisher "ANCI Piemonte"'
)
EXPORT_PROGRESS = "Esportazione"
EXPORT_NOTHING = "Nessun piano esportato su {total} file: nessun file scritto."
EXPORT_DONE = (
    "Piani esportati: {plans}, rapporti di monitoraggio: {reports}, su {total} file; in "
    "{output_dir} ({tables} tabelle {fmt}), descritti da {package} e {dcat} (licenza CC BY 4.0)."
)
EXPORT_SKIPPED_TITLE = "File non esportati"
COL_FILE = "File"
COL_REASON = "Primo problema"
NO_PLAN_KEY = "manca l'inizio del periodo (plan.period.start): il piano non ha una chiave stabile"
NO_ISTAT_CODE = "manca il codice ISTAT del Comune e il nome non basta a trovarlo nell'elenco ISTAT"
REPORT_PLAN_NOT_EXPORTED = (
    "il piano del rapporto ({key}) non è tra quelli esportati: aggiungi il suo file"
)
DUPLICATE_REPORT = "stesso piano e stesso periodo di {other}: esportato solo il primo"
DUPLICATE_PLAN_KEY = (
    "stesso Comune e stesso inizio del periodo di {other} (chiave {key}): esportato solo il primo"
)

# --- tables --------------------------------------------------------------------------------

DATASET_TITLE = "Piani locali multisettoriali contro lo sfruttamento lavorativo in agricoltura"
DATASET_TITLE_ONE = "Piano locale multisettoriale contro lo sfruttamento lavorativo in agricoltura - Comune di {comune}"
DATASET_DESCRIPTION = (
    "Dati dei Piani locali multisettoriali (metodo InCaS, Piano triennale di contrasto allo "
    "sfruttamento lavorativo in agricoltura e al caporalato): piani, Comuni aderenti, "
    "organizzazioni della rete, relazioni, bisogni, misure con le azioni nazionali, voci di "
    "spesa e indicatori, e, dove ci sono i rapporti di monitoraggio, stato e spesa delle misure e valori degli indicatori. Chiavi stabili: codice ISTAT del Comune e mese di inizio del piano, "
    "id delle misure e dei bisogni, numeri delle azioni nazionali, CUP. Nessun dato personale."
)
DATASET_KEYWORDS = (
    "caporalato",
    "sfruttamento lavorativo",
    "agricoltura",
    "piano locale multisettoriale",
    "InCaS",
)
COMUNE_OF = "Comune di {name}"
DISTRIBUTION_TITLE = "Tabella «{title}» ({fmt})"
DISTRIBUTION_ALL = "Tutte le tabelle ({fmt})"

TABLES = {
    "plans": ("Piani", "Un piano per riga: Comune, periodo, stato, adozione, totali."),
    "partner_comuni": ("Comuni aderenti", "Gli altri Comuni di un piano d'ambito."),
    "organisations": (
        "Organizzazioni",
        "Gli attori della rete di ciascun piano (mai persone, e-mail o telefoni).",
    ),
    "relations": ("Relazioni", "Protocolli, accordi, tavoli e convenzioni tra attori."),
    "needs": ("Bisogni", "I bisogni rilevati, con gravità, urgenza e priorità."),
    "measures": ("Misure", "Le misure del piano, con l'azione nazionale principale e il budget."),
    "measure_actions": (
        "Misure e azioni nazionali",
        "Le azioni del Piano triennale di ciascuna misura: principale o secondaria.",
    ),
    "measure_needs": ("Misure e bisogni", "I bisogni a cui risponde ciascuna misura."),
    "measure_partners": ("Partner delle misure", "Le organizzazioni partner di ciascuna misura."),
    "budget_lines": (
        "Voci di spesa",
        "Le voci di spesa delle misure: anno, stato, fonte, importo, CUP.",
    ),
    "indicators": (
        "Indicatori",
        "Gli indicatori delle misure, con valore di partenza e obiettivo.",
    ),
}

FIELDS = {
    "plan": "Chiave del piano: codice ISTAT del Comune e mese di inizio (AAAAAA-AAAA-MM)",
    "istat_code": "Codice ISTAT del Comune (sei cifre)",
    "comune": "Nome del Comune",
    "province": "Sigla della provincia",
    "region": "Regione",
    "title": "Titolo",
    "national_plan": "Piano nazionale di riferimento (id del catalogo)",
    "period_start": "Mese di inizio del periodo",
    "period_end": "Mese di fine del periodo",
    "status": "Stato",
    "version": "Versione",
    "adoption_organ": "Organo che ha adottato il piano",
    "adoption_number": "Numero della deliberazione",
    "adoption_date": "Data della deliberazione",
    "office": "Ufficio responsabile",
    "measures": "Numero di misure",
    "needs": "Numero di bisogni",
    "organisations": "Numero di organizzazioni della rete",
    "partner_comuni": "Numero di Comuni aderenti",
    "total_budget": "Budget totale in euro",
    "covered_actions": "Azioni nazionali coperte (come principale o secondaria)",
    "primary_actions": "Azioni nazionali coperte come principale",
    "covered_axes": "Assi del Piano triennale coperti",
    "open_fields": "Campi ancora aperti",
    "position": "Posizione nell'elenco del piano (da 1)",
    "name": "Nome",
    "role": "Ruolo",
    "adhesion_organ": "Organo che ha deliberato l'adesione",
    "adhesion_number": "Numero della deliberazione di adesione",
    "adhesion_date": "Data della deliberazione di adesione",
    "id": "Identificativo nel piano",
    "type": "Tipo di attore (id del catalogo)",
    "type_label": "Tipo di attore",
    "level": "Livello territoriale",
    "commitments": "Impegni",
    "from": "Organizzazione da cui parte la relazione",
    "to": "Organizzazione a cui arriva la relazione",
    "kind": "Tipo",
    "label": "Descrizione",
    "area": "Area di bisogno (id del catalogo)",
    "area_label": "Area di bisogno",
    "description": "Descrizione",
    "evidence": "Evidenze",
    "source": "Fonte",
    "target_group": "Destinatari",
    "people": "Persone interessate",
    "severity": "Gravità (1-5)",
    "urgency": "Urgenza (1-5)",
    "priority": "Priorità (gravità per urgenza, 1-25)",
    "objective": "Obiettivo",
    "primary_action": "Azione nazionale principale (numero)",
    "axis": "Asse del Piano triennale (id)",
    "lead": "Organizzazione capofila",
    "start": "Mese di inizio",
    "end": "Mese di fine",
    "months": (
        "Mesi dell'anno in cui una misura stagionale è attiva, come numeri separati da "
        "virgole (6,7,8); vuoto se la misura è attiva tutto l'anno"
    ),
    "budget": "Budget in euro",
    "budget_lines": "Numero di voci di spesa",
    "indicators": "Numero di indicatori",
    "measure": "Misura (id nel piano)",
    "action": "Azione nazionale (numero)",
    "action_role": "principale o secondaria",
    "need": "Bisogno (id nel piano)",
    "organisation": "Organizzazione (id nel piano)",
    "line": "Posizione della voce nella misura (da 1)",
    "year": "Anno di bilancio, come indicato nel piano",
    "budget_status": "Stato del finanziamento (assicurato, richiesto, da-reperire)",
    "source_id": "Fonte di finanziamento (id del catalogo o testo libero)",
    "source_label": "Fonte di finanziamento",
    "source_known": "La fonte è nel catalogo nazionale",
    "amount": "Importo in euro",
    "cup": "Codice Unico di Progetto",
    "note": "Nota",
    "indicator_kind": "Tipo di indicatore (output, outcome)",
    "unit": "Unità di misura",
    "baseline": "Valore di partenza",
    "target": "Valore obiettivo",
    "verification": "Fonte di verifica",
    "report_start": "Mese di inizio del periodo del rapporto di monitoraggio",
    "report_end": "Mese di fine del periodo del rapporto di monitoraggio",
    "measure_state": "Stato della misura (non-avviata, in-corso, completata, sospesa, annullata)",
    "progress": "Avanzamento in percentuale",
    "started": "Mese di avvio effettivo",
    "ended": "Mese di conclusione effettiva",
    "committed": "Spesa impegnata in euro",
    "paid": "Spesa pagata in euro",
    "indicator_ref": "Indicatore (id nel piano, o nome)",
    "value": "Valore rilevato",
    "value_date": "Mese della rilevazione",
}

ACTION_PRIMARY = "principale"
ACTION_SECONDARY = "secondaria"
