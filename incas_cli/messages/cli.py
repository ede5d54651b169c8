"""Messages of the command line itself."""

APP_HELP = (
    "incas: redazione di Piani Locali Multisettoriali contro lo sfruttamento lavorativo "
    "in agricoltura e il caporalato (metodo InCaS, Piano triennale 2020-2022)."
)
PLAN_HELP = "Crea, controlla e genera i piani locali (file YAML)."
CATALOG_HELP = "Consulta il catalogo nazionale: assi, azioni, attori, bisogni, fonti, misure."
SCHEMA_HELP = "Stampa lo JSON Schema del file di piano (per gli editor YAML)."
VERSION_HELP = "Mostra la versione ed esce."

ERROR_LABEL = "errore"
WARNING_LABEL = "avviso"
HINT_LABEL = "suggerimento"
INTERRUPTED = "Interrotto dall'utente."
