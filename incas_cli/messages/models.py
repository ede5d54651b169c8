"""Texts of the plan file's models: the validators' messages and the JSON Schema's
descriptions (editors show them while a plan is written)."""

# validators (pydantic wraps them: «Value error, ...», the checks show the text after it)
MONTH_WITH_DAY = "usa il formato AAAA-MM (es. {month}), senza il giorno"
MONTH_OUT_OF_RANGE = "il mese va da 01 a 12, ad esempio 2025-03"
MONTH_FORMAT = "usa il formato AAAA-MM, ad esempio 2025-03"
MONTH_FORMAT_AS = "usa il formato AAAA-MM: «{value}» si scrive {month}"
MONTH_YEAR_RANGE = "l'anno va dal {first} al {last}, ad esempio 2025-03"
QUANTITY_TOO_LARGE = "numero troppo grande: al massimo {digits} cifre prima della virgola"
QUANTITY_TOO_PRECISE = "troppi decimali: al massimo {places} dopo la virgola"
ISTAT_CODE_FORMAT = 'il codice ISTAT ha sei cifre, ad esempio "004203"'
MONEY_EXPECTED = "serve un importo in euro, ad esempio 150000.00"
MONEY_THOUSANDS_DOT = (
    "«{value}» sembra scritto con il punto delle migliaia: se intendi "
    "{thousands} euro scrivi {thousands}.00 (il punto separa solo i centesimi)"
)
MONEY_THOUSANDS_DOTS = (
    "«{text}» è scritto con i punti delle migliaia: scrivi {plain}.00 "
    "(il punto separa solo i centesimi)"
)
MONEY_COMMA = (
    "scrivi l'importo senza separatori delle migliaia e con il punto per i "
    "decimali, ad esempio 1693747.15"
)
INTEGER_THOUSANDS_DOT = (
    "«{value}» sembra scritto con il punto delle migliaia: se intendi {thousands} scrivi "
    "{thousands}, senza punto"
)
INTEGER_THOUSANDS_DOTS = "«{text}» è scritto con i punti delle migliaia: scrivi {plain}"
SCORE_EXPECTED = "serve un punteggio in cifre da 1 (basso) a 5 (alto)"
MONTH_REPEATED = "un mese compare più volte"

# descriptions in the JSON Schema of the plan file
PLAN_SCHEMA_TITLE = "Piano Locale Multisettoriale (incas, formato v1)"
PLAN_SCHEMA_DESCRIPTION = (
    "Piano Locale Multisettoriale contro lo sfruttamento lavorativo in agricoltura "
    "e il caporalato, formato v1 dello strumento incas."
)
EXTENSION_KEYS_DESCRIPTION = "Annotazioni libere, ignorate da incas"
DRAFT_DESCRIPTION = (
    "true: elemento lasciato a metà dalla procedura guidata (incas plan edit lo riprende); "
    "togli la chiave quando è completo"
)
MONTH_DESCRIPTION = "Mese nel formato AAAA-MM"
ADOPTION_NUMBER_DESCRIPTION = "Numero della delibera"
ADOPTION_DATE_DESCRIPTION = "Data della delibera (AAAA-MM-GG)"
ADOPTION_ANNEX_DESCRIPTION = (
    "Lettera o numero dell'allegato alla delibera (A se manca): «Allegato A alla deliberazione …»"
)
NATIONAL_PLAN_DESCRIPTION = "Id del piano nazionale nel catalogo"
COMUNE_NAME_DESCRIPTION = "Nome ufficiale del Comune (elenco ISTAT)"
ISTAT_CODE_DESCRIPTION = "Codice ISTAT a sei cifre, tra virgolette"
PROVINCE_DESCRIPTION = "Sigla della provincia"
ACTOR_TYPE_DESCRIPTION = "Tipo di attore (catalogo: incas catalog actors)"
NEED_AREA_DESCRIPTION = "Area di bisogno (catalogo: incas catalog needs)"
FUNDING_SOURCE_DESCRIPTION = "Fonte (catalogo: incas catalog funding) o testo"
MEASURE_ACTIONS_DESCRIPTION = "Azioni prioritarie nazionali; la prima è la principale"
CUP_FORMAT = (
    "il CUP (Codice Unico di Progetto) ha 15 caratteri, lettere e cifre, ad esempio J71B22000330006"
)
CUP_DESCRIPTION = "Codice Unico di Progetto (15 caratteri), se la linea ne ha uno"
YEAR_DESCRIPTION = "Anno (AAAA)"
BUDGET_YEAR_DESCRIPTION = "Anno di bilancio della linea (AAAA); senza anno è «non ripartito»"
PARTNER_ROLE_DESCRIPTION = "Ruolo del Comune partner nel piano"
PARTNER_ADHESION_DESCRIPTION = "Atto con cui il Comune partner aderisce al piano"
PHENOMENON_DESCRIPTION = "Il fenomeno dello sfruttamento nel territorio, in parole"
DATA_DESCRIPTION = "Dati sul fenomeno, ognuno con anno e fonte"
GENDER_DESCRIPTION = "Prospettiva di genere: lavoratrici, rischi specifici e risposte"
OBJECTIVE_AXIS_DESCRIPTION = "Asse del Piano nazionale a cui l'obiettivo contribuisce (facoltativo)"
GENERAL_OBJECTIVE_DESCRIPTION = "Obiettivo generale del piano, in un paragrafo"
ORGANIZATION_MANAGER_DESCRIPTION = "Chi nel Comune è responsabile dell'attuazione del piano"
ORGANIZATION_REPORTING_DESCRIPTION = "Come la Giunta e il Consiglio sono tenuti informati"
INDICATOR_ID_DESCRIPTION = "Identificativo dell'indicatore, unico nel piano (per il monitoraggio)"
MEASURE_OBJECTIVES_DESCRIPTION = "Obiettivi specifici serviti dalla misura (id della strategia)"
SUSTAINABILITY_DESCRIPTION = "Cosa fa proseguire la misura quando il finanziamento finisce"
MEASURE_MONTHS_DESCRIPTION = (
    "Per una misura stagionale, i mesi dell'anno in cui è attiva, numeri da 1 a 12 "
    "(es. [6, 7, 8, 9, 10]); senza, è attiva in tutti i mesi tra inizio e fine"
)
