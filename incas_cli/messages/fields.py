"""What each key of the plan file means: the titles and descriptions editors show.

One entry per field of every model of the plan file (``incas_cli.models.plan``), keyed by
the model's name and the key as written in the file; the JSON Schema (``incas schema``,
``plan.schema.json`` beside a draft) reads them, and a test checks that no field is
missing. A title is what the wizard asks for the same field (its question, from
:mod:`incas_cli.messages.wizard`, where it names the field without placeholders), so an
editor's hover and the wizard's question use the same words; the description adds what
the value is and how it is written. The values a field may take (catalogue ids,
vocabularies) are named by the catalogue and by :mod:`incas_cli.messages.vocab`, as in the
wizard's choices.
"""

from __future__ import annotations

from typing import NamedTuple

from incas_cli.messages import models as m
from incas_cli.messages import wizard as w


class FieldText(NamedTuple):
    """The title (a short name) and the description of one key of the plan file."""

    title: str
    description: str


F = FieldText

FIELDS: dict[str, dict[str, FieldText]] = {
    "Plan": {
        "schema_version": F("Versione del formato", "Versione del formato del file: 1."),
        "plan": F("Dati del piano", "Piano nazionale, titolo, periodo, stato, adozione."),
        "comune": F("Comune", "Il Comune del piano ed eventuali Comuni partner."),
        "context": F(
            "Profilo del territorio", "Territorio agricolo, colture, manodopera e fenomeno."
        ),
        "stakeholders": F(
            "Attori della rete", "Gli attori della rete locale, compreso il Comune stesso."
        ),
        "relations": F(
            "Relazioni tra gli attori", "Protocolli, accordi, convenzioni tra gli attori."
        ),
        "governance": F("Governance e tavoli", "Cabina di regia e tavoli tematici."),
        "organization": F(
            "Organizzazione del Comune", "Chi nel Comune attua il piano e con quali uffici."
        ),
        "needs": F("Bisogni", "I bisogni emersi dall'analisi, con gravità e urgenza."),
        "strategy": F("Strategia e obiettivi", "Obiettivo generale e obiettivi specifici."),
        "measures": F(
            "Misure", "Le misure del piano, ciascuna legata alle azioni del Piano triennale."
        ),
        "monitoring": F("Monitoraggio", "Verifiche periodiche e rendicontazione."),
        "process": F("Percorso partecipativo", "Gli incontri con cui il piano è stato costruito."),
    },
    "PlanInfo": {
        "national_plan": F(w.ASK_NATIONAL_PLAN, m.NATIONAL_PLAN_DESCRIPTION),
        "title": F(w.ASK_TITLE, "Titolo del documento, come compare in copertina."),
        "period": F("Periodo del piano", "Mese di inizio e di fine (AAAA-MM)."),
        "status": F(w.ASK_STATUS, "A che punto è il piano: decide il controllo e i segni."),
        "version": F(w.ASK_VERSION, 'Versione del documento, tra virgolette (es. "0.3").'),
        "adoption": F(
            "Adozione", "La delibera che adotta il piano: obbligatoria per un piano adottato."
        ),
        "office": F(w.ASK_OFFICE, "Ufficio comunale responsabile, es. Settore Politiche sociali."),
        "authors": F(w.ASK_AUTHORS, "Chi redige il piano, es. Ufficio di piano."),
    },
    "Period": {
        "start": F(w.ASK_PERIOD_START, "Primo mese del piano, AAAA-MM (es. 2025-01)."),
        "end": F(w.ASK_PERIOD_END, "Ultimo mese del piano, AAAA-MM, dopo l'inizio."),
    },
    "Adoption": {
        "organ": F("Organo", "L'organo del Comune che adotta il piano."),
        "number": F(w.ASK_ADOPTION_NUMBER, m.ADOPTION_NUMBER_DESCRIPTION),
        "date": F(w.ASK_ADOPTION_DATE, m.ADOPTION_DATE_DESCRIPTION),
        "annex": F("Allegato", m.ADOPTION_ANNEX_DESCRIPTION),
    },
    "Act": {
        "organ": F("Organo", "L'organo del Comune partner che delibera l'adesione."),
        "number": F(w.ASK_ADOPTION_NUMBER, m.ADOPTION_NUMBER_DESCRIPTION),
        "date": F(w.ASK_ADOPTION_DATE, m.ADOPTION_DATE_DESCRIPTION),
    },
    "Comune": {
        "name": F(w.ASK_COMUNE, m.COMUNE_NAME_DESCRIPTION),
        "istat_code": F("Codice ISTAT", m.ISTAT_CODE_DESCRIPTION),
        "province": F("Provincia", m.PROVINCE_DESCRIPTION + ", es. CN (tra virgolette se è NO)"),
        "region": F("Regione", "Regione del Comune."),
        "partners": F("Comuni partner", "Altri Comuni del piano (piano di distretto o di ambito)."),
    },
    "PartnerComune": {
        "name": F(w.ASK_PARTNER_EDIT, m.COMUNE_NAME_DESCRIPTION),
        "istat_code": F("Codice ISTAT", m.ISTAT_CODE_DESCRIPTION),
        "role": F("Ruolo", m.PARTNER_ROLE_DESCRIPTION),
        "adhesion": F("Adesione", m.PARTNER_ADHESION_DESCRIPTION),
    },
    "Context": {
        "description": F("Descrizione del territorio", w.ASK_CONTEXT_DESCRIPTION),
        "crops": F("Colture", "Le colture principali, con i mesi di picco della manodopera."),
        "workforce": F("Forza lavoro", "Lavoratori agricoli del territorio, per categoria."),
        "settlements": F("Insediamenti", w.ASK_SETTLEMENTS),
        "services": F("Servizi", w.ASK_SERVICES),
        "sources": F("Fonti", w.ASK_SOURCES),
        "phenomenon": F("Fenomeno", m.PHENOMENON_DESCRIPTION),
        "data": F("Dati", m.DATA_DESCRIPTION),
        "gender": F("Prospettiva di genere", m.GENDER_DESCRIPTION),
    },
    "Crop": {
        "name": F(w.ASK_CROP_NAME_EDIT, "Nome della coltura, " + w.CROP_EXAMPLE),
        "peak_months": F(
            "Mesi di picco", "Mesi di picco della manodopera, numeri da 1 a 12 (es. [6, 7, 8])."
        ),
        "workers": F("Lavoratori nel picco", "Lavoratori impiegati nel picco (numero intero)."),
    },
    "Workforce": {
        key: F(w.ASK_WORKFORCE[key], "Numero di persone (intero), se noto.")
        for key in ("resident", "seasonal", "foreign", "women")
    },
    "DataPoint": {
        "label": F("Dato", "Che cosa misura il dato, es. Aziende agricole ispezionate."),
        "value": F("Valore", "Il valore, un numero."),
        "unit": F("Unità", "Unità di misura, es. aziende."),
        "year": F("Anno", m.YEAR_DESCRIPTION),
        "source": F("Fonte", "Da dove viene il dato."),
        "topic": F("Tema", m.NEED_AREA_DESCRIPTION),
    },
    "Strategy": {
        "general_objective": F("Obiettivo generale", m.GENERAL_OBJECTIVE_DESCRIPTION),
        "specific_objectives": F(
            "Obiettivi specifici", "Gli obiettivi specifici, con un id che le misure citano."
        ),
    },
    "SpecificObjective": {
        "id": F("Id", "Identificativo dell'obiettivo, unico (es. OS1)."),
        "text": F("Obiettivo", "L'obiettivo specifico, in una frase."),
        "axis": F("Asse", m.OBJECTIVE_AXIS_DESCRIPTION),
    },
    "Organization": {
        "manager": F("Responsabile", m.ORGANIZATION_MANAGER_DESCRIPTION),
        "offices": F("Uffici", "Gli uffici del Comune coinvolti e i loro compiti."),
        "reporting": F("Informazione degli organi", m.ORGANIZATION_REPORTING_DESCRIPTION),
    },
    "Office": {
        "name": F("Ufficio", "Nome dell'ufficio, es. Servizi sociali."),
        "tasks": F("Compiti", "Che cosa fa l'ufficio per il piano."),
    },
    "Stakeholder": {
        "id": F("Id", "Identificativo dell'attore: minuscole, cifre e trattini (es. comune)."),
        "name": F(w.ASK_ACTOR_NAME, "Nome dell'organizzazione, es. Prefettura di Cuneo."),
        "type": F(w.ASK_ACTOR_TYPE_EDIT, m.ACTOR_TYPE_DESCRIPTION),
        "level": F("Livello territoriale", "Dove opera l'attore."),
        "role": F("Ruolo nel piano", "Che cosa fa l'attore nel piano."),
        "power": F("Potere", "Potere sulle scelte del piano, da 1 a 5 (griglia potere/interesse)."),
        "interest": F("Interesse", "Interesse per il piano, da 1 a 5 (griglia potere/interesse)."),
        "engagement": F("Coinvolgimento", "Come l'attore è coinvolto."),
        "commitments": F("Impegni", "Che cosa l'attore si impegna a fare."),
        "contact": F(
            "Referente", "Referente dell'attore: dati personali, solo nell'edizione interna."
        ),
        "draft": F("Bozza", m.DRAFT_DESCRIPTION),
    },
    "Contact": {
        "person": F(w.ASK_CONTACT_PERSON, "Nome e ruolo del referente."),
        "email": F(w.ASK_CONTACT_EMAIL, "Indirizzo e-mail."),
        "phone": F(w.ASK_CONTACT_PHONE, 'Numero di telefono, tra virgolette (es. "0175 123456").'),
    },
    "Relation": {
        "from": F("Da", "Id dell'attore da cui parte la relazione."),
        "to": F("Verso", "Id dell'attore a cui arriva la relazione."),
        "kind": F(w.ASK_RELATION_KIND, "Il tipo di relazione."),
        "label": F(w.ASK_RELATION_LABEL, w.RELATION_LABEL_EXAMPLE + "."),
    },
    "Governance": {
        "steering_body": F("Cabina di regia", "L'organo che guida il piano."),
        "tables": F("Tavoli tematici", "I tavoli tematici, con tema e partecipanti."),
    },
    "SteeringBody": {
        "name": F(w.ASK_STEERING_NAME, "Nome, es. " + w.DEFAULT_STEERING_NAME + "."),
        "coordinator": F("Coordinatore", "Id dell'attore che coordina la cabina di regia."),
        "members": F(w.ASK_STEERING_MEMBERS, "Id degli attori che ne fanno parte."),
        "cadence": F(w.ASK_STEERING_CADENCE, w.CADENCE_EXAMPLE + "."),
    },
    "Table": {
        "name": F(w.ASK_TABLE_NAME_EDIT, w.TABLE_EXAMPLE + "."),
        "topic": F("Tema", m.NEED_AREA_DESCRIPTION),
        "members": F("Partecipanti", "Id degli attori che partecipano al tavolo."),
    },
    "Need": {
        "id": F("Id", "Identificativo del bisogno, unico (es. N1)."),
        "area": F(w.ASK_NEED_AREA_EDIT, m.NEED_AREA_DESCRIPTION),
        "description": F(w.ASK_NEED_DESCRIPTION, "Il bisogno, in parole."),
        "evidence": F(w.ASK_NEED_EVIDENCE, w.EVIDENCE_EXAMPLE + "."),
        "source": F(w.ASK_NEED_SOURCE, "Da dove viene l'evidenza."),
        "target_group": F(w.ASK_NEED_TARGET, "Il gruppo destinatario."),
        "people": F(w.ASK_NEED_PEOPLE, "Numero di persone colpite (intero), stima."),
        "severity": F(w.ASK_NEED_SEVERITY, "Da 1 a 5; la priorità è gravità per urgenza."),
        "urgency": F(w.ASK_NEED_URGENCY, "Da 1 a 5; la priorità è gravità per urgenza."),
        "draft": F("Bozza", m.DRAFT_DESCRIPTION),
    },
    "Measure": {
        "id": F("Id", "Identificativo della misura, unico (es. M1)."),
        "title": F(w.ASK_MEASURE_TITLE, "Titolo breve della misura."),
        "description": F(w.ASK_MEASURE_DESCRIPTION, "Che cosa fa la misura."),
        "objective": F(w.ASK_MEASURE_OBJECTIVE, "Che cosa vuole ottenere la misura."),
        "actions": F("Azioni del Piano triennale", m.MEASURE_ACTIONS_DESCRIPTION),
        "needs": F(w.ASK_MEASURE_NEEDS, "Id dei bisogni a cui la misura risponde."),
        "lead": F(w.ASK_MEASURE_LEAD, "Id dell'attore capofila."),
        "partners": F(w.ASK_MEASURE_PARTNERS, "Id degli attori partner."),
        "start": F(w.ASK_MEASURE_START, "Mese di inizio, AAAA-MM, nel periodo del piano."),
        "end": F(w.ASK_MEASURE_END, "Mese di fine, AAAA-MM, nel periodo del piano."),
        "months": F("Mesi di attività", m.MEASURE_MONTHS_DESCRIPTION),
        "budget": F("Budget", "Le voci di spesa, ciascuna con importo e fonte."),
        "indicators": F("Indicatori", "Indicatori di realizzazione e di risultato."),
        "risks": F("Rischi", "I rischi della misura e come li si riduce."),
        "specific_objectives": F("Obiettivi specifici", m.MEASURE_OBJECTIVES_DESCRIPTION),
        "sustainability": F("Sostenibilità", m.SUSTAINABILITY_DESCRIPTION),
        "draft": F("Bozza", m.DRAFT_DESCRIPTION),
    },
    "BudgetLine": {
        "amount": F(
            w.ASK_BUDGET_AMOUNT_EDIT,
            "Importo in euro, con il punto per i centesimi e senza separatori delle "
            "migliaia (es. 150000.00); 0 per un contributo in natura.",
        ),
        "source": F(w.ASK_BUDGET_SOURCE, m.FUNDING_SOURCE_DESCRIPTION),
        "note": F(w.ASK_BUDGET_NOTE, "Nota libera sulla voce di spesa."),
        "year": F("Anno di bilancio", m.BUDGET_YEAR_DESCRIPTION),
        "status": F("Stato del finanziamento", "Quanto sono sicure le risorse."),
        "cup": F("CUP", m.CUP_DESCRIPTION),
    },
    "Indicator": {
        "id": F("Id", m.INDICATOR_ID_DESCRIPTION),
        "name": F(w.ASK_INDICATOR_NAME_EDIT, w.INDICATOR_EXAMPLE + "."),
        "kind": F("Tipo di indicatore", "Realizzazione (output) o risultato (outcome)."),
        "unit": F("Unità di misura", "es. posti."),
        "baseline": F("Valore di partenza", "Il valore all'inizio, un numero."),
        "target": F("Valore obiettivo", "Il valore da raggiungere, un numero."),
        "verification": F(w.ASK_INDICATOR_VERIFICATION, "Fonte o modo di verifica."),
    },
    "Risk": {
        "risk": F(w.ASK_RISK_EDIT, "Che cosa può andare storto."),
        "mitigation": F(w.ASK_RISK_MITIGATION, "Che cosa si fa per ridurre il rischio."),
    },
    "Monitoring": {
        "reviews": F(w.ASK_REVIEWS, "Mesi AAAA-MM, nel periodo del piano."),
        "reporting": F(w.ASK_REPORTING, "Come e a chi si rendiconta."),
    },
    "Process": {
        "meetings": F("Incontri", "Tavoli, incontri bilaterali, assemblee del percorso."),
    },
    "Meeting": {
        "date": F("Data", "Data dell'incontro, AAAA-MM-GG."),
        "kind": F("Tipo di incontro", "Il tipo di incontro."),
        "table": F("Tavolo", "Nome del tavolo tematico (governance.tables)."),
        "participants": F("Partecipanti", "Id degli attori presenti."),
        "summary": F("Sintesi", "Che cosa è emerso."),
    },
}
"""``FIELDS[model][key]``: the words for every key of the plan file."""

# --- the schema's own messages -------------------------------------------------------------

ACTION_CHOICE = w.ACTION_CHOICE
ACTION_NOT_KNOWN = "le azioni prioritarie del Piano triennale vanno da 1 a {count}"
MONTH_PATTERN_ERROR = "usa il formato AAAA-MM, con il mese da 01 a 12 (es. 2025-03)"
DATE_PATTERN_ERROR = "usa il formato AAAA-MM-GG (es. 2024-05-10)"
ISTAT_PATTERN_ERROR = m.ISTAT_CODE_FORMAT
PROVINCE_PATTERN_ERROR = "la sigla della provincia ha due lettere, es. CN"
SLUG_PATTERN_ERROR = "solo lettere minuscole, cifre e trattini, es. prefettura-cn"
ITEM_ID_PATTERN_ERROR = "lettere, cifre, punti, trattini e trattini bassi, es. M1"
BOOLEAN_ERROR = "scrivi true (sì) o false (no)"
TEXT_PATTERN_ERROR = "il testo non può essere vuoto"
CUP_PATTERN_ERROR = m.CUP_FORMAT
MONEY_PATTERN_ERROR = m.MONEY_COMMA
NUMBER_PATTERN_ERROR = "serve un numero, con il punto per i decimali"
ANNEX_PATTERN_ERROR = "una lettera o un numero dell'allegato, es. A"
EXTENSION_KEYS = m.EXTENSION_KEYS_DESCRIPTION
# yaml-language-server speaks English; errorMessage replaces its type, key and value messages
LIST_SEPARATOR = ", "
OBJECT_ERROR = "qui vanno le chiavi {keys}; le chiavi aggiuntive cominciano con x-"
OBJECT_ERROR_REQUIRED = (
    "qui vanno le chiavi {keys} (obbligatorie: {required}); le chiavi aggiuntive cominciano con x-"
)
LIST_ERROR = "qui va un elenco: una voce per riga con «- », oppure [a, b]"
CHOICE_ERROR = "valore non ammesso: usa uno di {values}"
RANGE_ERROR = "serve un numero intero da {low} a {high}"
INTEGER_ERROR = "serve un numero intero, senza virgolette"
