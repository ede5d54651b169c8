"""Messages of the command line itself."""

APP_HELP = (
    "incas: redazione di Piani Locali Multisettoriali contro lo sfruttamento lavorativo "
    "in agricoltura e il caporalato (metodo InCaS, Piano triennale 2020-2022)."
)
PLAN_HELP = "Crea, controlla e genera i piani locali (file YAML)."
CATALOG_HELP = "Consulta il catalogo nazionale: assi, azioni, attori, bisogni, fonti, misure."
MONITOR_HELP = (
    "Monitoraggio del piano adottato: relazioni per periodo, stato di attuazione, "
    "Relazione di monitoraggio."
)
VERSION_HELP = "Mostra la versione ed esce."

# the help of each command (typer shows it for --help; commands are registered with help=)
TEMPLATE_HELP = (
    "Scrive il modello Word da personalizzare con la carta intestata del Comune.\n"
    "\n"
    "Il modello (A4) contiene gli stili del documento: titoli, tabelle, didascalie.\n"
    "Aggiungi nell'intestazione lo stemma e la carta intestata del Comune.\n"
    "Cambia caratteri e colori se serve, senza rinominare gli stili.\n"
    "Poi: incas plan render PIANO.yaml --template carta-intestata.docx"
)
COMPLETION_HELP = (
    "Stampa lo script di completamento dei comandi per la shell (Tab completa comandi, "
    "opzioni e nomi di file).\n"
    "\n"
    'bash: aggiungi a ~/.bashrc la riga  eval "$(incas completion bash)"\n'
    'zsh: aggiungi a ~/.zshrc la riga  eval "$(incas completion zsh)"\n'
    "fish: incas completion fish > ~/.config/fish/completions/incas.fish"
)
COMPLETION_SHELL_HELP = "La shell: bash, zsh o fish (se manca, quella in uso, da $SHELL)."
COMPLETION_NO_SHELL = "indica la shell: quella in uso ($SHELL) non è bash, zsh né fish"
COMPLETION_BAD_SHELL = "shell «{value}» non supportata"
COMPLETION_BAD_SHELL_HINT = "incas completa i comandi in: {shells}"
NEW_HELP = (
    "Crea un piano nuovo con domande guidate.\n"
    "\n"
    "Il file è salvato dopo ogni gruppo di risposte. Una proposta è indicata\n"
    "tra parentesi: Invio la accetta, → la porta nella risposta per modificarla.\n"
    "Ctrl-C interrompe: ciò che è completo resta salvato\n"
    "e «incas plan edit FILE» riprende.\n"
    "Senza terminale non fa domande ed esce con codice 2."
)
EDIT_HELP = (
    "Riprende un piano dove è incompleto, o ne rivede una sezione.\n"
    "\n"
    "Ogni domanda indica la risposta attuale: Invio la mantiene,\n"
    "→ la porta nella risposta per modificarla, - svuota un campo facoltativo.\n"
    "Commenti e ordine delle chiavi del file restano come sono.\n"
    "Ctrl-C interrompe salvando ciò che è completo."
)
INIT_HELP = (
    "Prepara una bozza di piano precompilata per un Comune, da completare in un editor.\n"
    "\n"
    "Dall'elenco ISTAT: nome, codice, provincia e regione del Comune.\n"
    "Dal catalogo: gli attori che un piano locale coinvolge di solito.\n"
    "Una governance da completare e, in ogni sezione, un commento che guida.\n"
    "Accanto al piano scrive plan.schema.json (se manca) per gli editor YAML.\n"
    "\n"
    "Codici di uscita: 0 bozza scritta, 1 file illeggibile o non scrivibile,\n"
    "2 uso errato (Comune sconosciuto o ambiguo, periodo non valido,\n"
    "file già esistente senza --force)."
)
STATUS_HELP = (
    "Mostra a che punto è ciascun piano: campi aperti, problemi, coerenza, budget.\n"
    "\n"
    "Per un file: completezza per sezione, campi aperti con file:riga,\n"
    "problemi bloccanti e non, se supererebbe il controllo --final,\n"
    "azioni e assi del piano nazionale coperti, budget per fonte.\n"
    "Per più file: una tabella con una riga per piano.\n"
    "\n"
    "Codici di uscita: 0 rapporto prodotto (anche se i piani hanno problemi:\n"
    "li elenca), 1 qualche file illeggibile."
)
VALIDATE_HELP = (
    "Controlla uno o più file di piano e segnala ogni problema con file:riga:colonna.\n"
    "\n"
    "Codici di uscita: 0 valido, 1 file illeggibile, 3 problemi che bloccano."
)
RENDER_HELP = (
    "Genera il documento Word del piano (A4, in italiano, allineato al Piano triennale).\n"
    "\n"
    "Un piano con errori bloccanti non viene impaginato (codice di uscita 3).\n"
    "Un file esistente non viene sovrascritto senza --force (codice 2).\n"
    "La carta intestata del Comune: incas template, poi --template."
)
BUILD_HELP = (
    "Controlla e impagina molti piani in parallelo (file e cartelle) in una cartella.\n"
    "\n"
    "Ogni documento prende il nome del suo file: saluzzo.yaml -> saluzzo.docx;\n"
    "due piano.yaml in cartelle diverse -> piano.docx e piano-2.docx.\n"
    "Un file con problemi non ferma gli altri.\n"
    "Un documento già presente non viene sovrascritto senza --force.\n"
    "Ogni documento è quello di incas plan render con le stesse opzioni\n"
    "(indice compilato da LibreOffice se installato, carta intestata con --template).\n"
    "\n"
    "Codici di uscita: 0 tutti impaginati, 3 qualche piano non valido,\n"
    "1 qualche file illeggibile o non scritto, 2 uso errato,\n"
    "130 interrotto, 143 fermato da SIGTERM (nessun documento lasciato a metà)."
)
DIFF_HELP = (
    "Confronta due versioni di un piano: misure, budget, attori, bisogni, azioni.\n"
    "\n"
    "Misure, attori e bisogni sono confrontati per codice (id), campo per campo.\n"
    "Il budget è confrontato per fonte e per asse del piano nazionale.\n"
    "Con --docx il confronto diventa anche un allegato Word per il verbale.\n"
    "\n"
    "Codici di uscita: 0 confronto riuscito (anche senza modifiche),\n"
    "1 file illeggibile, 3 un file non ha la struttura di un piano."
)
SCHEMA_HELP = (
    "Stampa lo JSON Schema del file di piano (v1), da usare negli editor YAML.\n"
    "\n"
    "Nel file di piano: # yaml-language-server: $schema=plan.schema.json\n"
    "Con --report NOME, lo schema del rapporto --json di un comando."
)

ERROR_LABEL = "errore"
WARNING_LABEL = "avviso"
HINT_LABEL = "suggerimento"
INTERRUPTED = "Interrotto dall'utente."
TERMINATED = "Interrotto da un segnale di terminazione (SIGTERM): nessun file lasciato a metà."

NO_PLANS_IN_FOLDER = "nella cartella {folder} non ci sono file di piano (*.yaml, *.yml)"
NO_PLANS_IN_FOLDER_HINT = "controlla il percorso o indica direttamente i file"
MISNAMED_LEFT_OUT = (
    "nota: file con il nome di un piano seguito da .txt, lasciati da parte: {count} "
    "(il primo: {first})"
)
MISNAMED_RENAME = (
    "Blocco note aggiunge .txt al nome se non si sceglie «Tutti i file»: rinomina {first} in {name}"
)
MISNAMED_HINT = "ci sono file con .txt dopo il nome di un piano: {count}. " + MISNAMED_RENAME

# plan validate
VALIDATE_FILES_HELP = (
    "File di piano (.yaml) o cartelle che li contengono; - legge lo standard input."
)
FINAL_HELP = "Controllo definitivo: richiede tutto ciò che serve alla delibera di adozione."
JSON_HELP = "Stampa il risultato in JSON (per script e altri strumenti)."
OUTPUT_FORMAT_HELP = (
    "Come stampare il risultato: text (per le persone), json (per gli script), github "
    "(annotazioni per GitHub Actions: ogni problema segnato sulla riga del file)."
)
BAD_OUTPUT_FORMAT = "formato di uscita «{value}» sconosciuto"
BAD_OUTPUT_FORMAT_HINT = "usa --output-format con uno di: {values}"
GITHUB_HINT = "suggerimento: {hint}"
VALID = "valido"
VALID_FINAL = "valido anche per l'adozione (--final)"
INVALID = "non valido"
UNREADABLE = "illeggibile"
REPORTS_LEFT_OUT = (
    "nota: relazioni di monitoraggio trovate nelle cartelle e lasciate da parte: {count} "
    "(la prima: {first})"
)
REPORTS_LEFT_OUT_HINT = (
    "le controlla «incas monitor validate RELAZIONE.yaml»; «incas export» le esporta se le "
    "indichi come file"
)
MORE_WARNINGS = (
    "    … e altri avvisi non mostrati: {count}; «incas plan validate {name}» li elenca tutti"
)
COUNTS = "{errors}, {warnings}"
ERROR_FORMS = ("errore", "errori")
WARNING_FORMS = ("avviso", "avvisi")
SUMMARY_FILES = "{total} file: validi {ok}, non validi {invalid}, illeggibili {failed}"

# schema
SCHEMA_OUTPUT_HELP = "Scrive lo schema in questo file invece che sullo standard output."
SCHEMA_MONITOR_HELP = (
    "Lo schema del file di relazione di monitoraggio (incas monitor) invece di quello del piano."
)
SCHEMA_REPORT_HELP = (
    "Lo schema del rapporto --json di un comando invece di quello del file di piano: "
    "validate, status, build, diff o catalog."
)
REPORT_METAVAR = "NOME"
UNKNOWN_REPORT = "rapporto JSON sconosciuto: «{name}»"
UNKNOWN_REPORT_HINT = "i rapporti sono: {names} (es. «incas schema --report validate»)"
# descriptions in the JSON Schemas of the reports
REPORT_VERSION_DESCRIPTION = "Formato del rapporto"
REPORT_KIND_DESCRIPTION = "Il comando che ha scritto il rapporto"
REPORT_MONEY_DESCRIPTION = "Importo in euro, come testo decimale"
REPORT_SECONDARY_ONLY_DESCRIPTION = "Azioni toccate solo come azione secondaria di una misura"
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
    (r"^Missing argument (?P<n>'[^']+'(?: / '[^']+')*)\.?$", "manca l'argomento {n}"),
    (r"^Missing option (?P<n>'[^']+'(?: / '[^']+')*)\.?$", "manca l'opzione {n}"),
    (r"^Missing (?P<a>.+)\.$", "manca {a}"),
    (
        r"^Got unexpected extra arguments? ?(?:\(s\))? \((?P<a>.+)\)$",
        "argomenti in più non previsti: {a}",
    ),
    (r"^Option '(?P<a>[^']+)' requires an argument\.$", "l'opzione {a} richiede un valore"),
    (r"^Option '(?P<a>[^']+)' requires \d+ arguments\.$", "l'opzione {a} richiede più valori"),
    (r"^Option '(?P<a>[^']+)' does not take a value\.$", "l'opzione {a} non accetta valori"),
    (
        r"^Invalid value for (?P<n>'[^']+'(?: / '[^']+')*): (?P<b>.+)$",
        "valore non valido per {n}: {b}",
    ),
    (r"^Invalid value: (?P<b>.+)$", "valore non valido: {b}"),
)
LIST_SEPARATOR = ", "
OPTION_NAMES = "{main} ({others})"
SUGGESTED_NAME = "«{name}»"
USAGE_DETAIL_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"Input should be a valid integer.*", "serve un numero intero"),
    (r"Input should be a valid number.*", "serve un numero"),
    (r"Input should be greater than or equal to (?P<a>\S+)$", "serve un valore da {a} in su"),
    (r"Input should be less than or equal to (?P<a>\S+)$", "serve un valore fino a {a}"),
    (r"Input should be greater than (?P<a>\S+)$", "serve un valore maggiore di {a}"),
    (r"Input should be less than (?P<a>\S+)$", "serve un valore minore di {a}"),
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
