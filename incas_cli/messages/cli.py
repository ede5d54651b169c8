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

NO_PLANS_IN_FOLDER = "nella cartella {folder} non ci sono file di piano (*.yaml, *.yml)"
NO_PLANS_IN_FOLDER_HINT = "controlla il percorso o indica direttamente i file"

# plan validate
VALIDATE_HELP = "Controlla uno o più file di piano e segnala ogni problema con file:riga:colonna."
VALIDATE_FILES_HELP = "File di piano (.yaml) o cartelle che li contengono."
FINAL_HELP = "Controllo definitivo: richiede tutto ciò che serve alla delibera di adozione."
JSON_HELP = "Stampa il risultato in JSON (per script e altri strumenti)."
VALID = "valido"
VALID_FINAL = "valido anche per l'adozione (--final)"
INVALID = "non valido"
UNREADABLE = "illeggibile"
COUNTS = "{errors}, {warnings}"
ERROR_FORMS = ("errore", "errori")
WARNING_FORMS = ("avviso", "avvisi")
SUMMARY_FILES = "{total} file: {ok} validi, {invalid} non validi, {failed} illeggibili"

# schema
SCHEMA_OUTPUT_HELP = "Scrive lo schema in questo file invece che sullo standard output."
FORCE_HELP = "Sovrascrive il file di destinazione se esiste già."
SCHEMA_WRITTEN = "Schema scritto in {path}"

# typer's help screen, in Italian
HELP_PANEL_OPTIONS = "Opzioni"
HELP_PANEL_COMMANDS = "Comandi"
HELP_PANEL_ARGUMENTS = "Argomenti"
HELP_PANEL_ERRORS = "Errore"
HELP_DEFAULT = "[predefinito: {}]"
HELP_REQUIRED = "[obbligatorio]"
HELP_ABORTED = "Interrotto."

# usage errors raised by typer's command-line parser, translated by pattern
USAGE_ERROR_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        r"^No such option: (?P<a>\S+) \(Possible options: (?P<s>.+)\)$",
        "opzione sconosciuta: {a} (forse intendevi {s}?)",
    ),
    (r"^No such option: (?P<a>\S+)$", "opzione sconosciuta: {a}"),
    (r"^No such option '(?P<a>[^']+)'\.?$", "opzione sconosciuta: {a}"),
    (
        r"^No such command '(?P<a>[^']+)'\. Did you mean (?P<s>.+)\?$",
        "comando sconosciuto: «{a}» (forse intendevi {s}?)",
    ),
    (r"^No such command '(?P<a>[^']+)'\.$", "comando sconosciuto: «{a}»"),
    (r"^Missing argument '(?P<a>[^']+)'\.$", "manca l'argomento {a}"),
    (r"^Missing option '(?P<a>[^']+)'\.$", "manca l'opzione {a}"),
    (r"^Missing (?P<a>.+)\.$", "manca {a}"),
    (
        r"^Got unexpected extra arguments? ?(?:\(s\))? \((?P<a>.+)\)$",
        "argomenti in più non previsti: {a}",
    ),
    (r"^Option '(?P<a>[^']+)' requires an argument\.$", "l'opzione {a} richiede un valore"),
    (r"^Option '(?P<a>[^']+)' requires \d+ arguments\.$", "l'opzione {a} richiede più valori"),
    (r"^Option '(?P<a>[^']+)' does not take a value\.$", "l'opzione {a} non accetta valori"),
    (r"^Invalid value for '(?P<a>[^']+)': (?P<b>.+)$", "valore non valido per {a}: {b}"),
    (r"^Invalid value: (?P<b>.+)$", "valore non valido: {b}"),
)
LIST_SEPARATOR = ", "
USAGE_DETAIL_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"Input should be a valid integer.*", "serve un numero intero"),
    (r"Input should be a valid number.*", "serve un numero"),
    (r"Input should be (?P<a>.+)$", "valori ammessi: {a}"),
    (r"'?(?P<a>[^']*)'? is not one of (?P<b>.+)\.$", "«{a}» non è tra i valori ammessi: {b}"),
    (r"(?P<a>.+) is not in the range (?P<b>.+)\.$", "{a} non è nell'intervallo {b}"),
    (r"Value (?P<a>.+) is not a valid (?P<b>\w+)\.$", "{a} non è un valore valido"),
    (r"(?P<a>.+) is not a valid (?P<b>\w+)\.$", "{a} non è un valore valido"),
    (r"File '(?P<a>[^']+)' does not exist\.$", "il file «{a}» non esiste"),
    (r"Path '(?P<a>[^']+)' does not exist\.$", "il percorso «{a}» non esiste"),
    (r"Did you mean (?P<a>.+)\?$", "forse intendevi {a}?"),
)
USAGE_ERROR_FALLBACK = "uso non valido del comando: {detail}"
USAGE_HINT = "«{command} --help» mostra l'uso del comando"
USAGE_LABEL = "Uso:"
HELP_OPTION_HELP = "Mostra questo aiuto ed esce."
OPTIONS_METAVAR = "[OPZIONI]"
SUBCOMMAND_METAVAR = "COMANDO [ARGOMENTI]..."
# argument names as the usage line and the help show them
ARGUMENT_NAMES = {
    "file": "FILE",
    "files": "FILE",
    "inputs": "FILE",
    "old": "VECCHIO",
    "new": "NUOVO",
}
