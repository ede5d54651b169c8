"""Messages of LibreOffice publishing (PDF/A, ODT, table of contents)."""

FORMAT_LABELS = {
    "pdf": "PDF",
    "odt": "ODT",
    "docx": "Word (docx)",
    "txt": "testo",
}

NO_SOFFICE = (
    "LibreOffice non è installato (programma soffice non trovato): serve per produrre "
    "il formato {fmt}."
)
NO_SOFFICE_HINT = (
    "installalo con `sudo apt-get install libreoffice-writer-nogui python3-uno` (su altri "
    "sistemi: LibreOffice 7 o successivo da libreoffice.org), oppure indica il programma "
    "con la variabile INCAS_SOFFICE; il formato docx non ha bisogno di LibreOffice"
)
NO_UNO = (
    "manca il modulo Python di LibreOffice (python3-uno), che serve per produrre il formato {fmt}."
)
NO_UNO_HINT = (
    "installalo con `sudo apt-get install python3-uno`, oppure indica con la variabile "
    "INCAS_UNO_PYTHON l'interprete Python che lo contiene; il formato docx non ne ha bisogno"
)
TIMEOUT = (
    "LibreOffice non ha completato il formato {fmt} entro {seconds} secondi ed è stato fermato."
)
TIMEOUT_HINT = (
    "riprova; se si ripete, controlla che `soffice --headless --version` risponda subito "
    "e che la macchina non sia sovraccarica"
)
START_FAILED = "LibreOffice non si è avviato per produrre il formato {fmt} ({detail})."
START_FAILED_HINT = (
    "controlla l'installazione con `soffice --headless --version`; se non risponde, "
    "reinstalla libreoffice-writer-nogui"
)
LOAD_FAILED = "LibreOffice non è riuscito ad aprire il documento ({detail})."
LOAD_FAILED_HINT = "il documento potrebbe essere danneggiato: rigeneralo in formato docx e riprova"
STORE_FAILED = "LibreOffice non è riuscito a scrivere il formato {fmt} ({detail})."
NO_OUTPUT = "LibreOffice ha terminato senza scrivere il file {fmt}."
FAILED = "LibreOffice si è interrotto (codice {code}) producendo il formato {fmt}: {detail}"
RETRY_HINT = "riprova; se si ripete, prova con il formato docx, che non usa LibreOffice"
CANNOT_RUN = "non riesco ad avviare l'interprete {python} per LibreOffice ({detail})."
NO_DETAIL = "nessun dettaglio"
