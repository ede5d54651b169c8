"""Messages of the validator: findings, their hints and the summaries."""

SEVERITY_ERROR = "errore"
SEVERITY_WARNING = "avviso"

# --- structure (from the pydantic models) ---------------------------------------------
SCHEMA_VERSION_MISSING = "manca «schema_version»"
SCHEMA_VERSION_MISSING_HINT = "aggiungi in cima al file la riga: schema_version: 1"
UNSUPPORTED_SCHEMA_VERSION = "versione del formato non supportata: {value!r}"
UNSUPPORTED_SCHEMA_VERSION_HINT = (
    "questa versione di incas legge solo schema_version: 1; aggiorna incas o correggi il valore"
)
REPORT_NOT_PLAN = "questo file è una relazione di monitoraggio, non un piano"
REPORT_NOT_PLAN_HINT = (
    "controllala con «incas monitor validate FILE»; lo stato di attuazione con "
    "«incas monitor status PIANO FILE», la relazione con «incas monitor report PIANO FILE»"
)
MISSING_FIELD = "campo obbligatorio mancante: «{field}»"
MISSING_FIELD_HINT = "aggiungi «{field}:» con un valore; «{schema}» mostra il formato completo"
UNKNOWN_KEY = "chiave sconosciuta: «{key}»"
UNKNOWN_KEY_HINT_SUGGEST = "forse intendevi «{suggestion}»?"
UNKNOWN_KEY_HINT_LIST = "chiavi ammesse qui: {allowed}"
UNKNOWN_KEY_HINT_EMPTY = "qui non sono ammesse chiavi: togli «{key}»"
UNKNOWN_KEY_INVISIBLE = (
    "chiave sconosciuta: «{key}» contiene un carattere invisibile ({codes}), che la rende "
    "diversa da come appare"
)
UNKNOWN_KEY_INVISIBLE_HINT = "cancella la chiave e riscrivila a mano: «{key}»"
INVISIBLE_IN_VALUE = "{detail}; il testo contiene un carattere invisibile ({codes})"
INVISIBLE_IN_VALUE_HINT = (
    "cancella il valore e riscrivilo a mano (i caratteri invisibili arrivano copiando il "
    "testo da pagine web o documenti)"
)
INVALID_VALUE = "valore non valido: {detail}"
INVALID_VALUE_HINT_SCHEMA = "«{schema}» mostra il formato di ogni campo"
SCHEMA_COMMAND_PLAN = "incas schema"
SCHEMA_COMMAND_MONITOR = "incas schema --monitor"
NUMBER_KEY = "chiave non valida: «{key}» è un numero, e le chiavi sono nomi"
NUMBER_KEY_HINT = (
    "se «{key}» è la parte decimale di un numero: tra parentesi graffe {{…}} la virgola "
    "separa i campi, quindi scrivi gli importi con il punto per i decimali e senza "
    "separatori delle migliaia (95000.50, non 95.000,50)"
)

# detail fragments for INVALID_VALUE, keyed by pydantic error type
DETAIL_STRING = "serve un testo"
DETAIL_STRING_NOT_LIST = "serve un testo, non un elenco"
DETAIL_STRING_NOT_MAPPING = "serve un testo, non una sezione con chiavi"
DETAIL_STRING_NESTED_HINT = (
    "le righe sotto «{key}:» sono lette come il suo valore: se appartengono a un'altra "
    "sezione, scrivi prima la chiave di quella sezione, allineata a sinistra come le altre "
    "(ad esempio needs:); se «{key}» è un testo, scrivilo sulla stessa riga"
)
DETAIL_STRING_EMPTY = "il testo è vuoto"
DETAIL_STRING_LONG = "il testo è troppo lungo (al massimo {max_length} caratteri)"
DETAIL_INT = "serve un numero intero, senza punti né virgole (1200, non 1.200)"
DETAIL_ACTION_NUMBER = (
    "serve il numero dell'azione prioritaria, da 1 a 10, senza sigla (6, non AP6): "
    "«incas catalog actions» le elenca"
)
DETAIL_PERCENT = "scrivi il numero senza il segno di percentuale (40, non 40%)"
DETAIL_OTHER = "«{value}» non ha il formato atteso"
DETAIL_MONTH_NUMBER = "scrivi il mese come numero da 1 a 12 ({example})"
MONTH_NUMBER_EXAMPLE = "{name} è {number}"  # the example above; luglio when the text is no month
DETAIL_NUMBER = "serve un numero"
DETAIL_BOOL = "serve sì o no (true/false)"
DETAIL_LIST = "serve un elenco (righe che iniziano con «- »)"
DETAIL_LIST_OF_ONE = (
    "serve un elenco, anche di un solo valore: scrivi [{value}] (o righe che iniziano con «- »)"
)
DETAIL_MAPPING = "serve una sezione con chiavi e valori, non «{value}»"
DETAIL_MAPPING_PRIVATE = (
    "serve una sezione con chiavi e valori (person, email, phone), non un testo; il testo "
    "scritto non viene ripetuto qui perché contiene dati personali"
)
PRIVATE_VALUE = "(valore non ripetuto: dati personali)"
DETAIL_DATE = "serve una data nel formato AAAA-MM-GG, ad esempio 2024-05-10"
DETAIL_DATE_AS = "serve una data nel formato AAAA-MM-GG: «{value}» si scrive {date}"
DETAIL_NO_SUCH_DAY = "la data {value} non esiste nel calendario (controlla giorno e mese)"
DETAIL_CHOICE = "«{value}» non è tra i valori ammessi ({allowed})"
DETAIL_CHOICE_SUGGEST = "forse intendevi «{suggestion}»?"
DETAIL_GE = "il valore deve essere almeno {limit}"
DETAIL_LE = "il valore deve essere al massimo {limit}"
DETAIL_DECIMALS = "al massimo {limit} cifre decimali (centesimi di euro)"
DETAIL_DIGITS = "l'importo ha troppe cifre"
DETAIL_FINITE = "serve un numero finito"
DETAIL_SLUG = "«{value}» non è un identificativo valido: usa lettere minuscole, cifre e trattini (es. prefettura-cn)"
ACTOR_REFERENCE_HINT = (
    "qui va l'«id» di un attore definito in «stakeholders» (es. comune, prefettura-cn), "
    "non il suo nome"
)
DETAIL_ITEM_ID = (
    "«{value}» non è un identificativo valido: usa lettere, cifre, punto, trattino (es. M1)"
)
DETAIL_MONTH = "usa il formato AAAA-MM, ad esempio 2025-03"
DETAIL_ISTAT = 'il codice ISTAT ha sei cifre, tra virgolette: "004203"'
DETAIL_PROVINCE = "la provincia si scrive con la sigla di due lettere maiuscole, ad esempio CN"
DETAIL_ANNEX = "l'allegato si indica con la sola lettera o il numero, ad esempio A"
DETAIL_SCORE = "serve un punteggio da 1 a 5"

# --- cross-field rules ---------------------------------------------------------------
UNKNOWN_NATIONAL_PLAN = "piano nazionale sconosciuto: «{value}»"
UNKNOWN_NATIONAL_PLAN_HINT = "piani nel catalogo: {known}"
DUPLICATE_ID = "identificativo «{id}» già usato in {first}"
DUPLICATE_ID_HINT = "ogni identificativo deve essere unico nel file: rinominane uno"
UNKNOWN_STAKEHOLDER = "attore sconosciuto: «{id}»"
UNKNOWN_STAKEHOLDER_HINT_SUGGEST = (
    "forse intendevi «{suggestion}»? Gli attori sono definiti in «stakeholders»"
)
UNKNOWN_STAKEHOLDER_HINT = (
    "aggiungilo in «stakeholders» con «id: {id}» o usa uno degli id esistenti"
)
UNKNOWN_NEED = "bisogno sconosciuto: «{id}»"
UNKNOWN_NEED_HINT_SUGGEST = "forse intendevi «{suggestion}»? I bisogni sono definiti in «needs»"
UNKNOWN_NEED_HINT = "aggiungilo in «needs» con «id: {id}» o usa uno degli id esistenti"
UNKNOWN_ACTION = "azione prioritaria {number} inesistente nel piano nazionale «{plan}»"
UNKNOWN_ACTION_HINT = "le azioni vanno da 1 a {count}: «incas catalog actions» le elenca"
UNKNOWN_ACTOR_TYPE = "tipo di attore sconosciuto: «{value}»"
UNKNOWN_ACTOR_TYPE_HINT_SUGGEST = "forse intendevi «{suggestion}»? «incas catalog actors» li elenca"
UNKNOWN_ACTOR_TYPE_HINT = "«incas catalog actors» elenca i tipi ammessi; per altri usa «altro»"
UNKNOWN_NEED_AREA = "area di bisogno sconosciuta: «{value}»"
UNKNOWN_NEED_AREA_HINT_SUGGEST = "forse intendevi «{suggestion}»? «incas catalog needs» le elenca"
UNKNOWN_NEED_AREA_HINT = "«incas catalog needs» elenca le aree ammesse; per altre usa «altro»"
FUNDING_SOURCE_NOT_IN_CATALOG = "fonte di finanziamento «{value}» non presente nel catalogo"
FUNDING_SOURCE_NOT_IN_CATALOG_HINT_SUGGEST = (
    "forse intendevi «{suggestion}»? Se è una fonte diversa, descrivila a parole"
)
FUNDING_SOURCE_NOT_IN_CATALOG_HINT = (
    "«incas catalog funding» elenca le fonti; una fonte diversa va descritta a parole"
)
FUNDING_AFTER_DEADLINE = (
    "la misura {id} finisce a {end}, ma i progetti finanziati da {source} devono "
    "concludersi entro il {deadline}"
)
FUNDING_AFTER_DEADLINE_HINT = (
    "anticipa la fine della misura o separa le attività dopo la scadenza su un'altra fonte"
)
FUNDING_BEFORE_ASSIGNED = (
    "la misura {id} ha risorse «assicurate» da {source}, assegnate solo il {assigned}: "
    "dopo la data del piano ({date})"
)
FUNDING_BEFORE_ASSIGNED_HINT = (
    "alla data del piano quelle risorse non c'erano ancora: indica lo stato «richiesto» o "
    "«da-reperire», o controlla le date del piano"
)
FUNDING_OUTSIDE_REGION = (
    "la misura {id} usa la fonte {source}, che finanzia solo progetti {regions}, "
    "ma il piano è {region}"
)
REGION_IN = "in {name}"
REGION_IN_WITH_ARTICLE = {"Lazio": "nel Lazio", "Marche": "nelle Marche"}
"""«in Piemonte», but «nel Lazio», «nelle Marche» (ISTAT names of the Regions)."""
FUNDING_OUTSIDE_REGION_HINT = (
    "scegli una fonte disponibile nella tua Regione («incas catalog funding» le elenca) o "
    "spiega nella nota della voce di spesa perché la fonte è disponibile"
)
END_BEFORE_START = "la fine ({end}) precede l'inizio ({start})"
END_BEFORE_START_HINT = "correggi le date: la fine deve essere uguale o successiva all'inizio"
MEASURE_OUTSIDE_PERIOD = (
    "la misura {id} ({start} – {end}) esce dal periodo del piano ({pstart} – {pend})"
)
MEASURE_OUTSIDE_PERIOD_HINT = "porta le date della misura dentro il periodo o estendi «plan.period»"
REVIEW_OUTSIDE_PERIOD = "la verifica {month} è fuori dal periodo del piano ({pstart} – {pend})"
REVIEW_OUTSIDE_PERIOD_HINT = (
    "le verifiche di monitoraggio cadono di solito dentro il periodo del piano"
)
NEED_NOT_ADDRESSED = "il bisogno {id} non è affrontato da nessuna misura"
NEED_NOT_ADDRESSED_HINT = "aggiungi «{id}» in «needs» di almeno una misura, o togli il bisogno"
AXIS_NOT_COVERED = "nessuna misura copre l'asse «{axis}» ({actions})"
AXIS_ACTIONS_ONE = "azione {numbers}"
AXIS_ACTIONS_MANY = "azioni {numbers}"
AXIS_NOT_COVERED_HINT = (
    "il Piano triennale ha quattro assi: valuta una misura per questo asse o spiega perché manca"
)
MEASURE_WITHOUT_INDICATORS = "la misura {id} non ha indicatori"
MEASURE_WITHOUT_INDICATORS_HINT = (
    "un piano da adottare indica per ogni misura almeno un indicatore con valore obiettivo"
)
MEASURE_WITHOUT_BUDGET = "la misura {id} non ha voci di budget"
MEASURE_WITHOUT_BUDGET_HINT = (
    "indica importo e fonte; se la misura non costa nulla scrivi un importo 0.00 e la fonte"
)
ADOPTION_MISSING = "il piano è «adottato» ma manca l'atto di adozione"
ADOPTION_MISSING_HINT = (
    'aggiungi «adoption: {organ: giunta, number: "45", date: 2024-05-10}» o cambia lo stato'
)
ADOPTION_INCOMPLETE = "atto di adozione incompleto: manca «{field}»"
ADOPTION_INCOMPLETE_HINT = "un piano adottato indica organo, numero e data della delibera"
ADOPTION_NUMBER_PREFIX = (
    "il numero della delibera «{value}» comincia con «n.», che il documento scrive già"
)
ADOPTION_NUMBER_PREFIX_HINT = 'scrivi solo il numero: number: "{number}"'
ADOPTION_DATE_FUTURE = "la data della delibera ({date}) è nel futuro (oggi è il {today})"
ADOPTION_DATE_FUTURE_HINT = (
    "indica la data in cui la delibera è stata approvata; se il piano non è ancora adottato "
    "usa lo stato «proposta» e lascia vuoti numero e data"
)
ADOPTION_AFTER_PERIOD = (
    "la data della delibera ({date}) viene dopo la fine del periodo del piano ({end})"
)
ADOPTION_AFTER_PERIOD_HINT = "controlla la data della delibera e «period.end»"
PLAN_BEFORE_NATIONAL_PLAN_ADOPTION = (
    "la delibera del {date} precede l'approvazione del {plan} ({approved}), che il piano "
    "prende a riferimento"
)
PLAN_BEFORE_NATIONAL_PLAN_START = (
    "il periodo del piano comincia a {month}, prima dell'approvazione del {plan} "
    "({approved}), che il piano prende a riferimento"
)
PLAN_BEFORE_NATIONAL_PLAN_HINT = (
    "controlla la data della delibera e «period.start»: un piano non può attuare un piano "
    "nazionale non ancora approvato"
)
ADOPTION_IN_PROPOSAL = (
    "il piano è una proposta ma indica già numero o data della delibera: il documento li "
    "lascia in bianco (n. ___ del ___) finché il piano non è adottato"
)
ADOPTION_IN_PROPOSAL_HINT = (
    "se la Giunta ha già deliberato, scrivi «status: adottato»; altrimenti togli numero e data"
)
UNKNOWN_COMUNE = "«{name}» non è nell'elenco ISTAT dei Comuni (aggiornato al {date})"
UNKNOWN_COMUNE_WITH_CODE = (
    "«{name}» non è nell'elenco ISTAT dei Comuni; il codice {code} è di {actual}"
)
UNKNOWN_COMUNE_HINT_SUGGEST = "forse intendevi {suggestions}?"
UNKNOWN_COMUNE_HINT = "scrivi il nome ufficiale del Comune come nell'elenco ISTAT"
UNKNOWN_ISTAT_CODE = (
    "il codice ISTAT {code} non è nell'elenco ISTAT dei Comuni (aggiornato al {date})"
)
ISTAT_CODE_MISMATCH = "il codice ISTAT {code} è di {actual}, non di {name}"
ISTAT_CODE_HINT = "forse intendevi {suggestions}?"
ISTAT_CODE_HINT_NONE = "controlla il codice nell'elenco ISTAT dei Comuni"
PROVINCE_MISMATCH = "la provincia di {name} è {expected}, non {value}"
REGION_MISMATCH = "la regione di {name} è {expected}, non {value}"
TERRITORY_HINT = (
    "scrivi «{key}: {expected}» (dall'elenco ISTAT): il documento lo cita nel quadro di riferimento"
)
COMUNE_NOT_IN_NETWORK = "il Comune non compare tra gli attori"
COMUNE_NOT_IN_NETWORK_HINT = (
    "il Comune è al centro della rete: aggiungi un attore con «type: comune»"
)
COORDINATOR_NOT_MEMBER = "il coordinatore «{id}» non è tra i membri della cabina di regia"
COORDINATOR_NOT_MEMBER_HINT = "aggiungi «{id}» in «members»"
UNKNOWN_TABLE = (
    "l'incontro fa riferimento al tavolo «{name}», che non è tra i tavoli della governance"
)
UNKNOWN_TABLE_HINT_SUGGEST = "forse intendevi «{suggestion}»?"
UNKNOWN_TABLE_HINT = "usa il nome di uno dei tavoli in «governance.tables»"
DRAFT_ITEM = "{kind} «{id}» è una bozza: la procedura guidata è stata interrotta a metà"
DRAFT_ITEM_HINT = (
    "riprendila con «incas plan edit», che chiede le domande rimaste; oppure completala a "
    "mano e togli la riga «draft: true»"
)
DRAFT_KINDS = {"stakeholders": "L'attore", "needs": "Il bisogno", "measures": "La misura"}
PROCESS_NOT_RECORDED = (
    "il percorso partecipativo non è documentato: nessun incontro in «process.meetings»"
)
PROCESS_NOT_RECORDED_HINT = (
    "un piano da adottare dice come è stato costruito (tavoli, incontri bilaterali, "
    "assemblea pubblica): aggiungili con «incas plan edit FILE --section percorso»"
)
MEETING_WITHOUT_PARTICIPANTS = "{kind} «{name}» non ha partecipanti"
MEETING_WITHOUT_PARTICIPANTS_HINT = (
    "indica in «participants» gli id degli attori presenti (quelli di «stakeholders»)"
)
OPEN_FIELD_FINAL = "campo ancora aperto: {label}"
OPEN_FIELD_FINAL_HINT = (
    "un piano definitivo (--final, o con stato «proposta» o «adottato») deve compilare tutti "
    "i campi che servono alla delibera"
)
OPEN_FIELD_ADOPTED = "campo ancora aperto, oggi richiesto per l'adozione: {label}"
OPEN_FIELD_ADOPTED_HINT = (
    "il piano è già adottato e resta valido: compila il campo nella prossima versione "
    "(--final lo richiede)"
)

# --- strategy, phenomenon data, partners, budget years and statuses -----------------------
UNKNOWN_OBJECTIVE = "obiettivo specifico sconosciuto: «{id}»"
UNKNOWN_OBJECTIVE_HINT_SUGGEST = (
    "forse intendevi «{suggestion}»? Gli obiettivi specifici sono definiti in "
    "«strategy.specific_objectives»"
)
UNKNOWN_OBJECTIVE_HINT = (
    "aggiungilo in «strategy.specific_objectives» con «id: {id}» o usa uno degli id esistenti"
)
OBJECTIVE_WITHOUT_MEASURES = "nessuna misura persegue l'obiettivo specifico «{id}»"
OBJECTIVE_WITHOUT_MEASURES_HINT = (
    "aggiungi «{id}» in «specific_objectives» di almeno una misura, o togli l'obiettivo"
)
MEASURE_WITHOUT_OBJECTIVE = "la misura «{id}» non persegue nessun obiettivo specifico"
MEASURE_WITHOUT_OBJECTIVE_HINT = (
    "indica in «specific_objectives» della misura gli id degli obiettivi che serve ({known})"
)
UNKNOWN_AXIS = "asse sconosciuto: «{value}»"
UNKNOWN_AXIS_HINT_SUGGEST = "forse intendevi «{suggestion}»? «incas catalog axes» li elenca"
UNKNOWN_AXIS_HINT = "assi del piano nazionale: {known}"
QUANTITY_THOUSANDS_DOT = (
    "«{value}» è letto come {shown}: nel file il punto separa i decimali, non le migliaia"
)
QUANTITY_THOUSANDS_DOT_HINT = "se intendi {plain}, scrivi {plain} senza punto"
COMMENT_IN_VALUE = (
    "«{comment}» è letto come un commento (un «#» dopo uno spazio) e non entra nel piano: "
    "il valore è solo «{value}»"
)
COMMENT_IN_EMPTY_VALUE = (
    "«{comment}» è letto come un commento (un «#» dopo uno spazio): «{key}» resta vuoto"
)
COMMENT_IN_VALUE_HINT = (
    "se fa parte del testo, metti tutto il valore tra virgolette: {line}; se è un commento, "
    "lascia uno spazio dopo «#»"
)
DATA_WITHOUT_YEAR = "il dato «{label}» non indica l'anno"
DATA_WITHOUT_YEAR_HINT = "aggiungi «year:» con l'anno a cui il dato si riferisce (es. 2024)"
DATA_WITHOUT_SOURCE = "il dato «{label}» non indica la fonte"
DATA_WITHOUT_SOURCE_HINT = (
    "aggiungi «source:» con chi ha prodotto il dato (es. ITL, INPS, Prefettura); per un dato "
    "inventato scrivi «dato di esempio»"
)
PARTNER_WITHOUT_ADHESION = "il Comune partner {name} non ha un atto di adesione"
PARTNER_WITHOUT_ADHESION_HINT = (
    "in un piano adottato ogni Comune partner indica la delibera con cui aderisce: "
    "«adhesion: {organ: giunta, number: ..., date: ...}»"
)
BUDGET_YEAR_OUTSIDE_PERIOD = (
    "la voce di budget è sull'anno {year}, fuori dal periodo del piano ({pstart}–{pend})"
)
BUDGET_YEAR_OUTSIDE_PERIOD_HINT = "correggi «year» della voce o estendi «plan.period»"
SEASON_OUTSIDE_MEASURE = (
    "la misura «{id}» è attiva solo in {months}, ma nessuno di questi mesi cade tra "
    "{start} e {end}: il cronoprogramma non la segna mai"
)
SEASON_OUTSIDE_MEASURE_HINT = "correggi «months» oppure «start» e «end» della misura"
BUDGET_MOSTLY_TO_FIND = (
    "{share} del budget ({amount} su {total}) è ancora da reperire in un piano definitivo"
)
BUDGET_MOSTLY_TO_FIND_HINT = (
    "indica le fonti assicurate o richieste, o riduci le misure a ciò che è finanziabile: "
    "chi legge la delibera deve sapere che cosa è davvero coperto"
)
ID_CASE_COLLISION = (
    "identificativo «{id}» diverso da «{other}» ({first}) solo per maiuscole e minuscole"
)
ID_CASE_COLLISION_HINT = (
    "chi legge il documento non li distingue, e un riferimento a uno dei due scritto con le "
    "maiuscole dell'altro porta all'elemento sbagliato senza errori: dai a «{id}» un "
    "identificativo che non si confonda con «{other}» e correggi i riferimenti a «{id}»"
)
DUPLICATE_INDICATOR_ID = "identificativo di indicatore «{id}» già usato in {first}"
DUPLICATE_INDICATOR_ID_HINT = (
    "gli identificativi degli indicatori sono unici nel piano (il monitoraggio li usa): "
    "rinominane uno"
)

# --- open fields (labels used by plan status and --final) -------------------------------
OPEN_LABELS: dict[str, str] = {
    "plan.period": "periodo del piano",
    "plan.period.start": "inizio del periodo",
    "plan.period.end": "fine del periodo",
    "plan.status": "stato del piano",
    "plan.version": "versione",
    "plan.office": "ufficio responsabile",
    "comune.istat_code": "codice ISTAT del Comune",
    "comune.province": "provincia",
    "comune.region": "regione",
    "context": "sezione del profilo del territorio",
    "context.description": "descrizione del territorio",
    "context.crops": "colture e calendario",
    "context.workforce": "forza lavoro",
    "context.phenomenon": "analisi del fenomeno",
    "data.value": "valore del dato",
    "strategy.general_objective": "obiettivo generale",
    "strategy.specific_objectives": "obiettivi specifici",
    "organization.manager": "responsabile dell'attuazione nel Comune",
    "stakeholders": "attori della rete",
    "stakeholder.draft": "attore lasciato a metà (bozza)",
    "stakeholder.type": "tipo di attore",
    "stakeholder.role": "ruolo dell'attore",
    "stakeholder.engagement": "livello di coinvolgimento",
    "stakeholder.power": "potere (1-5)",
    "stakeholder.interest": "interesse (1-5)",
    "governance": "sezione della governance (cabina di regia e tavoli)",
    "governance.steering_body": "cabina di regia",
    "needs": "bisogni",
    "need.draft": "bisogno lasciato a metà (bozza)",
    "need.area": "area del bisogno",
    "need.description": "descrizione del bisogno",
    "need.severity": "gravità (1-5)",
    "need.urgency": "urgenza (1-5)",
    "measures": "misure",
    "measure.draft": "misura lasciata a metà (bozza)",
    "measure.description": "descrizione della misura",
    "measure.objective": "obiettivo della misura",
    "measure.actions": "azioni nazionali della misura",
    "measure.needs": "bisogni affrontati dalla misura",
    "measure.lead": "capofila della misura",
    "measure.start": "inizio della misura",
    "measure.end": "fine della misura",
    "measure.budget": "budget della misura",
    "measure.indicators": "indicatori della misura",
    "budget.amount": "importo",
    "budget.source": "fonte di finanziamento",
    "indicator.kind": "tipo di indicatore (output/outcome)",
    "indicator.target": "valore obiettivo dell'indicatore",
    "monitoring": "sezione del monitoraggio",
    "monitoring.reviews": "date delle verifiche",
    "monitoring.reporting": "modalità di rendicontazione",
}
LAW_AFTER_PLAN_DATE = (
    "il testo cita «{words}», cioè {act}, che si applica {applies}; il piano è {date} "
    "({what}), quando quella norma non c'era ancora"
)
PLAN_DATE_ADOPTION = "data della delibera di adozione"
PLAN_DATE_START = "inizio del periodo del piano"
LAW_AFTER_PLAN_DATE_HINT = (
    "un piano dice ciò che era vero alla sua data: togli il riferimento o riscrivi la frase "
    "con le norme di allora (per le vittime, l'art. 18 del d.lgs. 286/1998)"
)
