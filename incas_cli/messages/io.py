"""Messages of reading and writing files: plan YAML and atomic writes."""

# --- reading the file -------------------------------------------------------------------
NOT_FOUND = "file non trovato"
NOT_FOUND_HINT = "controlla il nome e la cartella del file; «incas plan new» crea un piano nuovo"
NOT_FOUND_BACKSLASH_HINT = (
    "il percorso ha le barre rovesciate (\\) di Windows: qui le cartelle si separano con /, "
    "e da WSL i dischi di Windows sono sotto /mnt: scrivi {wsl}"
)
NAME_TOO_LONG = "nome di file troppo lungo per il sistema (al massimo 255 byte per nome)"
NAME_TOO_LONG_HINT = "rinomina il file o la cartella con un nome più breve"
OUTPUT_NAME_TOO_LONG_HINT = "indica con -o un nome più breve per il file da scrivere"
STDIN_NAME = "<stdin>"
IS_DIRECTORY = "è una cartella, non un file"
IS_DIRECTORY_HINT = "indica il file .yaml del piano che si trova dentro la cartella"
PERMISSION_DENIED = "permesso negato: non è possibile leggere il file"
PERMISSION_DENIED_HINT = (
    "chiedi a chi gestisce il computer l'accesso in lettura, oppure copia il file "
    "in una cartella tua"
)
READ_FAILED = "impossibile leggere il file ({reason})"
READ_FAILED_HINT = "controlla che il file sia accessibile e riprova"
TOO_LARGE = "file troppo grande (più di {limit})"
TOO_LARGE_HINT = (
    "un piano occupa di solito poche decine di kB: controlla di aver indicato il file giusto"
)

# --- encoding and file type ---------------------------------------------------------------
NOT_UTF8 = "il file non è in codifica UTF-8 (byte 0x{byte:02X} non valido)"
NOT_UTF8_HINT = (
    "salva il file con codifica UTF-8: ad esempio in Blocco note «Salva con nome» → "
    "Codifica «UTF-8»; nei programmi per il codice «Salva con codifica» → «UTF-8»"
)
UTF16 = "il file è in codifica UTF-16, ma i file di piano devono essere in UTF-8"
UTF16_HINT = NOT_UTF8_HINT
BINARY = "questo è {kind}, non un file di piano YAML"
BINARY_HINT = (
    "indica il file .yaml del piano; il documento Word si ottiene dal piano con "
    "«incas plan render FILE.yaml»"
)
KIND_DOCX = "un documento Word (.docx)"
KIND_XLSX = "un foglio di calcolo Excel (.xlsx)"
KIND_OPENDOCUMENT = "un documento OpenDocument (.odt/.ods)"
KIND_ZIP = "un archivio compresso (.zip)"
KIND_PDF = "un documento PDF"
KIND_OLE = "un documento di Office nel formato vecchio (.doc/.xls)"
KIND_IMAGE = "un'immagine"
KIND_GZIP = "un archivio compresso (.gz)"
KIND_BINARY = "un file binario"
CONTROL_CHAR = "carattere non ammesso (U+{code:04X}) in un file di testo YAML"
CONTROL_CHAR_HINT = (
    "togli il carattere (spesso arriva copiando e incollando da un altro programma) "
    "e salva di nuovo il file"
)

# --- shape of the document --------------------------------------------------------------
EMPTY = "il file è vuoto (o contiene solo commenti)"
EMPTY_HINT = (
    "un piano inizia con la riga «schema_version: 1»; «incas plan init» crea una bozza "
    "da completare"
)
NOT_MAPPING = (
    "il file contiene {found}, ma un piano è fatto di righe «chiave: valore» "
    "e inizia con «schema_version: 1»"
)
NOT_MAPPING_HINT = (
    "scrivi in cima al file «schema_version: 1» e sotto le sezioni del piano (plan:, comune:, "
    "...); «incas plan init» crea una bozza da completare"
)
FOUND_LIST = "un elenco"
FOUND_SCALAR = "un solo valore"
MULTIPLE_DOCUMENTS = "il file contiene più di un documento YAML (separati da «---» o «...»)"
MULTIPLE_DOCUMENTS_HINT = "un file contiene un solo piano: togli la riga «---» o «...» e ciò che segue, o spostalo in un altro file"
YAML_VERSION = "versione YAML {version} non supportata: i file di piano usano YAML 1.2"
YAML_VERSION_HINT = "togli la riga «%YAML {version}» in cima al file"

# --- features refused for safety ----------------------------------------------------------
ANCHOR = "ancore e alias («&nome», «*nome») non sono ammessi nei file di piano"
ANCHOR_HINT = "scrivi i valori per intero dove servono, senza «&» e «*»"
MERGE_KEY = "la chiave di unione «<<» non è ammessa nei file di piano"
MERGE_KEY_HINT = "scrivi le chiavi per intero; se «<<» è un testo, mettilo tra virgolette"
TAG = "i tag espliciti come «{tag}» non sono ammessi nei file di piano"
TAG_HINT = (
    "togli «{tag}» e scrivi il valore semplice; se è un testo che inizia con «!», "
    "mettilo tra virgolette"
)
COMPLEX_KEY = "una chiave deve essere un testo semplice, non un elenco o una sezione"
COMPLEX_KEY_HINT = "usa come chiave una parola (ad esempio «title:»), senza «?», «[» o «{»"
TOO_DEEP = "struttura annidata troppo in profondità (più di {limit} livelli)"
TOO_DEEP_HINT = (
    "un piano non ha più di pochi livelli: controlla parentesi «[» e «{» non chiuse "
    "o rientri sbagliati"
)

# --- values -----------------------------------------------------------------------------
DUPLICATE_KEY = "chiave «{key}» ripetuta (compare già alla riga {line}, colonna {column})"
EMPTY_KEY = "~"
DUPLICATE_KEY_NO_POSITION = "chiave «{key}» ripetuta"
DUPLICATE_KEY_HINT = (
    "ogni chiave compare una sola volta per sezione: unisci i due valori o togline uno"
)
BAD_DATE = "data inesistente: «{value}»"
BAD_DATE_HINT = "controlla giorno, mese e ora; il formato è AAAA-MM-GG, ad esempio 2024-05-10"
NUMBER_TOO_LONG = "numero troppo lungo ({digits} cifre)"
NUMBER_TOO_LONG_HINT = "se è un codice o un testo, mettilo tra virgolette"
BAD_VALUE = "valore non leggibile: «{value}»"
BAD_VALUE_HINT = "se è un testo, mettilo tra virgolette"
SURROGATE = "il testo contiene una sequenza tra \\uD800 e \\uDFFF isolata, che non è un carattere"
SURROGATE_HINT = "scrivi il carattere com'è, oppure in un'unica sequenza (ad esempio \\U0001F600)"

# --- syntax -----------------------------------------------------------------------------
TAB = "carattere di tabulazione: in YAML rientri e separazioni si fanno solo con spazi"
TAB_HINT = "sostituisci la tabulazione con spazi (2 per ogni livello di rientro)"
UNCLOSED_QUOTE = "virgolette aperte qui e mai chiuse"
UNCLOSED_QUOTE_HINT = (
    "chiudi le virgolette alla fine del testo; dentro un testo tra virgolette singole "
    "scrivi l'apostrofo due volte (''), tra virgolette doppie scrivi \\\""
)
QUOTE_CLOSED_LATER = (
    "virgolette aperte qui e chiuse solo alla riga {line}: tutte le righe tra le due sono "
    "lette come un unico testo"
)
QUOTE_CLOSED_LATER_HINT = "chiudi le virgolette alla fine del testo su questa riga, oppure toglile"
BAD_ESCAPE = "sequenza con «\\» non valida in un testo tra virgolette doppie"
BAD_ESCAPE_HINT = (
    "scrivi la barra due volte («\\\\») oppure usa le virgolette singole ('...'), "
    "dove «\\» non ha significati speciali"
)
COLON_IN_VALUE = "«: » (due punti seguiti da spazio) non è ammesso qui"
COLON_IN_VALUE_HINT = (
    "se il valore contiene «: », mettilo tutto tra virgolette (ad esempio "
    'title: "Piano: 2024"); altrimenti controlla il rientro della riga'
)
INDENT_DEEPER = (
    "rientro sbagliato: la riga ha più spazi delle chiavi sopra e si legge come "
    "continuazione del valore precedente"
)
INDENT_DEEPER_HINT = (
    "allinea la chiave alle altre dello stesso livello, con lo stesso numero di spazi"
)
NO_SPACE_AFTER_COLON = (
    "dopo «:» manca lo spazio: «{text}» si legge come un unico testo, non come chiave e valore"
)
NO_SPACE_AFTER_COLON_HINT = "scrivi «{key}: {value}», con uno spazio dopo i due punti"
LOOKALIKE_SPACE = (
    "spazio non separabile (U+{code:04X}): sembra uno spazio, ma per YAML non fa rientro né "
    "separa la chiave dal valore"
)
LOOKALIKE_SPACE_HINT = (
    "sostituiscilo con uno spazio normale (di solito arriva copiando il testo da Word, da un "
    "PDF o da una pagina web)"
)
LOOKALIKE_DASH = "«{dash}» non è il trattino di un elenco: YAML riconosce solo il segno meno «-»"
LOOKALIKE_DASH_HINT = (
    "scrivi «- » (il segno meno della tastiera, poi uno spazio); l'altro trattino arriva di "
    "solito dalla correzione automatica di Word"
)
LIST_ON_KEY_LINE = "un elenco con «- » non può iniziare sulla riga della sua chiave"
LIST_ON_KEY_LINE_HINT = (
    "vai a capo dopo «{key}:» e scrivi ogni elemento su una riga sotto, rientrato: "
    "«{indent}- {item}»; oppure scrivi l'elenco tra parentesi quadre: «{key}: [{item}]»"
)
ITEMS_UNDER_EMPTY = (
    "«{key}: {empty}» è un elenco vuoto, già chiuso su questa riga: gli elementi scritti sotto "
    "non ne fanno parte"
)
ITEMS_UNDER_EMPTY_MAPPING = (
    "«{key}: {empty}» è una sezione vuota, già chiusa su questa riga: le chiavi scritte sotto "
    "non ne fanno parte"
)
ITEMS_UNDER_EMPTY_HINT = (
    "togli «{empty}»: scrivi «{key}:» e lascia sotto gli elementi, ognuno con «- »"
)
ITEMS_UNDER_EMPTY_MAPPING_HINT = "togli «{empty}»: scrivi «{key}:» e lascia sotto le sue chiavi"
MAPPING_ON_KEY_LINE = (
    "«{rest}» sulla riga di «{key}:»: una sezione non può iniziare sulla riga della sua chiave"
)
MAPPING_ON_KEY_LINE_HINT = (
    "scrivi le chiavi tra parentesi graffe: «{key}: {{{rest}}}», oppure vai a capo dopo "
    "«{key}:» e scrivi ogni chiave su una riga sotto, rientrata; se invece è un testo che "
    "contiene «: », mettilo tutto tra virgolette"
)
MISSING_COLON = "manca «:» dopo la chiave"
MISSING_COLON_HINT = (
    "scrivi «chiave: valore»; se la riga continua il testo della riga prima, "
    "rientrala o metti il testo tra virgolette"
)
UNCLOSED_BRACKET = "parentesi «{bracket}» aperta qui e non chiusa correttamente"
UNCLOSED_BRACKET_HINT = (
    "chiudi la parentesi con «{closing}» e separa gli elementi con virgole; se è un testo, "
    "mettilo tra virgolette"
)
UNEXPECTED_CHAR = "«{char}» fuori posto: qui manca un valore o c'è un segno di troppo"
UNEXPECTED_CHAR_HINT = (
    "controlla parentesi, virgole e trattini su questa riga; se il valore è un testo, "
    "mettilo tra virgolette"
)
BAD_STRUCTURE = "contenuto inatteso: il rientro non torna o c'è testo in più dopo un valore"
BAD_STRUCTURE_HINT = (
    "allinea le chiavi dello stesso livello con lo stesso numero di spazi; un testo che "
    "contiene «: », «#» o virgolette va messo tutto tra virgolette"
)
RESERVED_CHAR = "un valore non può iniziare con il carattere «{char}»"
RESERVED_CHAR_HINT = "metti il valore tra virgolette"
BLOCK_SCALAR = "blocco di testo («|» o «>») non valido"
BLOCK_SCALAR_HINT = (
    "dopo «|» o «>» vai a capo e rientra tutte le righe del testo dello stesso numero di spazi"
)
DIRECTIVE = "direttiva «%» non valida"
DIRECTIVE_HINT = "togli la riga che inizia con «%»; se è un testo, mettilo tra virgolette"
SYNTAX = "sintassi YAML non valida"
SYNTAX_HINT = (
    "controlla rientri (solo spazi), due punti e virgolette in questa riga e in quella prima"
)
UNREADABLE = "il file non si può leggere come YAML"
UNREADABLE_HINT = SYNTAX_HINT

# --- writing ----------------------------------------------------------------------------
OUTPUT_EXISTS = "il file esiste già"
OUTPUT_EXISTS_HINT = "usa --force per sovrascriverlo, oppure indica un altro nome"
OUTPUT_IS_DIRECTORY = "è una cartella: non posso scriverci sopra un file"
OUTPUT_IS_DIRECTORY_HINT = "indica un nome di file dentro la cartella"
OUTPUT_WRONG_SUFFIX = "un file «.{suffix}» non è del formato che scrivo ({expected})"
OUTPUT_WRONG_SUFFIX_HINT = (
    "indica un nome che finisce con {expected}, ad esempio {example}; senza estensione "
    "incas aggiunge quella giusta"
)
OUTPUT_IS_INPUT = "è il file «{input}», che il comando legge: non lo sovrascrivo"
OUTPUT_IS_INPUT_HINT = "indica un altro nome o un'altra cartella per il file da scrivere"
OUTPUT_NO_PARENT = "la cartella «{parent}» non esiste"
OUTPUT_NO_PARENT_HINT = "crea prima la cartella oppure indica un percorso esistente"
OUTPUT_NOT_STDOUT = (
    "«-» (lo standard output) non vale per questo comando: il file va scritto su disco"
)
OUTPUT_NOT_STDOUT_HINT = "indica un nome di file, ad esempio -o {example}"
OUTPUT_FOLDER_NOT_STDOUT = (
    "«-» (lo standard output) vale per un solo documento, e questo comando scrive più file: "
    "indica una cartella, ad esempio -o documenti/"
)
OUTPUT_PERMISSION = "permesso negato: non è possibile scrivere il file"
OUTPUT_PERMISSION_HINT = "scegli una cartella in cui hai il permesso di scrivere"
WRITE_FAILED = "impossibile scrivere il file ({reason})"
WRITE_FAILED_HINT = "controlla lo spazio libero sul disco e i permessi della cartella, poi riprova"
DISK_FULL = "disco pieno: il file non è stato scritto (quello che c'era prima è rimasto intatto)"
DISK_FULL_HINT = "libera spazio sul disco, oppure scrivi il file in un'altra cartella, e riprova"
READ_ONLY = "la cartella è in sola lettura: il file non è stato scritto"
TEMP_UNUSABLE = "non riesco a creare una cartella di lavoro in {folder} ({reason})"
TEMP_FULL = "la cartella temporanea {folder} ha meno di {megabytes} MB liberi"
TEMP_HINT = (
    "libera spazio, oppure indica con la variabile TMPDIR una cartella scrivibile con "
    "spazio libero (ad esempio TMPDIR=$HOME/tmp)"
)
READ_ONLY_HINT = "scegli una cartella in cui si può scrivere"

# --- sizes ------------------------------------------------------------------------------
SIZE_MB = "{value} MB"
