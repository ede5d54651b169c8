"""How names of places are compared: without case, accents, apostrophes or hyphens."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[^0-9a-z]+")


def normalize_name(text: str) -> str:
    """A comparison key: ``"Sant’Antioco"``, ``"SANT ANTIOCO"``, ``"sant'antioco"`` -> same.

    Lower case, accents removed (``Cantù`` -> ``cantu``, so the typed ``Cantu'`` matches
    too), every run of other characters (apostrophes, hyphens, slashes, dots) made one
    space, and the ends trimmed.
    """
    folded = text.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", folded).strip()
