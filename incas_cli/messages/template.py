"""Messages about a Comune's ``--template`` read as untrusted input
(``writers/template_package.py``): what is refused and what is dropped."""

from incas_cli.messages.render import TEMPLATE_COMMAND

TEMPLATE_REFUSED_HINT = (
    "un modello di carta intestata pesa poche centinaia di kB: riparti dal modello di incas ("
    + TEMPLATE_COMMAND
    + ") e aggiungi solo intestazione, piè di pagina e stili"
)
TEMPLATE_TOO_LARGE = "il modello è troppo grande (più di {megabytes} MB)"
TEMPLATE_TOO_MANY_PARTS = "il modello contiene troppe parti (più di {limit})"
TEMPLATE_BOMB = (
    "la parte «{part}» del modello si espande molto oltre la sua dimensione compressa: non la apro"
)
TEMPLATE_PART_TOO_LARGE = "la parte «{part}» del modello è troppo grande (più di {megabytes} MB)"
TEMPLATE_TOO_LARGE_UNZIPPED = "il modello, decompresso, supera {megabytes} MB"
TEMPLATE_BAD_XML = "la parte «{part}» del modello non è XML ben formato"
TEMPLATE_DOCTYPE = (
    "la parte «{part}» del modello contiene una dichiarazione DOCTYPE (entità XML), "
    "che un documento Word non ha"
)
TEMPLATE_CLEANED = "dal modello {name} ho tolto ciò che non serve a una carta intestata: {items}"
TEMPLATE_CLEANED_HINT = (
    "il documento usa stili, intestazione e piè di pagina del modello; se ti serviva altro, "
    "aggiungilo al documento dopo averlo generato"
)
TEMPLATE_DROPPED_PART = "{kind} ({part})"
TEMPLATE_PART_KINDS = {
    "vbaProject": "macro VBA",
    "vbaData": "dati delle macro VBA",
    "attachedTemplate": "il collegamento a un modello esterno",
    "mailMergeSource": "l'origine dati della stampa unione",
    "oleObject": "un oggetto incorporato",
    "package": "un documento incorporato",
    "control": "un controllo ActiveX",
    "activeXControl": "un controllo ActiveX",
    "aFChunk": "un contenuto importato",
    "subDocument": "un documento collegato",
    "frame": "una cornice collegata",
    "image": "un'immagine",
    "hyperlink": "un collegamento",
}
"""Relationship types worth naming when dropped (the rest, such as a thumbnail or the
comments, goes without a word)."""
TEMPLATE_DROPPED_EXTERNAL = "il collegamento esterno «{target}»"
TEMPLATE_DROPPED_MISSING = "un riferimento a una parte che non c'è ({part})"
TEMPLATE_DROPPED_SVG = "l'immagine SVG {part}"
TEMPLATE_DROPPED_IMAGE = "l'immagine {part}, oltre {megabytes} MB"
TEMPLATE_DROPPED_PIXELS = (
    "l'immagine {part}, di {width}×{height} pixel (oltre {megapixels} milioni di pixel)"
)
