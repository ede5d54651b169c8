"""Dates and months the way Italians write them, rewritten in the plan file's ISO form.

The plan file stores months as ``AAAA-MM`` and dates as ``AAAA-MM-GG``. A planner
writes ``28/11/2023``, ``28-11-2023``, ``03/2025`` or ``marzo 2025``: these functions
rewrite exactly those forms and leave every other answer as it was, so that the plan
model stays the only judge of what is valid (``31/02/2025`` becomes ``2025-02-31``,
which the model refuses with its own message).
"""

from __future__ import annotations

import re

MONTH_NAMES = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)
_ABBREVIATIONS = (
    "gen",
    "feb",
    "mar",
    "apr",
    "mag",
    "giu",
    "lug",
    "ago",
    "set",
    "ott",
    "nov",
    "dic",
)
_MONTH_NUMBER = {name: n for n, name in enumerate(MONTH_NAMES, start=1)} | {
    short: n for n, short in enumerate(_ABBREVIATIONS, start=1)
}

_DAY_FIRST = re.compile(r"^(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})$")
_ISO_LOOSE = re.compile(r"^(?P<y>\d{4})\s*[/.]\s*(?P<m>\d{1,2})\s*[/.]\s*(?P<d>\d{1,2})$")
_NAMES = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_MONTH_FORMS = re.compile(
    rf"""(?ix)
    (?<![\w/.-])
    (?:
        (?P<name>{_NAMES})\.?\s+(?P<name_y>\d{{4}})           # marzo 2025, mar. 2025
      | (?P<m>\d{{1,2}})\s*[/.-]\s*(?P<m_y>\d{{4}})           # 03/2025, 3-2025
      | (?P<y>\d{{4}})\s*[/.-]\s*(?P<y_m>\d{{1,2}})           # 2025/03, 2025-3
    )
    (?![\w/.-])
    """
)


def iso_date(text: str) -> str:
    """``28/11/2023``, ``28-11-2023``, ``28.11.2023`` or ``2023/11/28`` -> ``2023-11-28``.

    Day first, as Italians write it; any other answer is returned stripped but unchanged.
    """
    answer = text.strip()
    match = _DAY_FIRST.match(answer) or _ISO_LOOSE.match(answer)
    if match is None:
        return answer
    return f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"


def iso_months(text: str) -> str:
    """Every month written ``03/2025``, ``3-2025``, ``2025/3`` or ``marzo 2025`` -> ``2025-03``.

    Works on one month or on a list (``dicembre 2025; giugno 2026``); the rest of the text
    is left as it is. A month number out of range is kept as written (``13/2025`` becomes
    ``2025-13``), so the model's message about the format is the one the user reads.
    """

    def rewrite(match: re.Match[str]) -> str:
        if match["name"]:
            month, year = _MONTH_NUMBER[match["name"].lower()], match["name_y"]
        elif match["m"]:
            month, year = int(match["m"]), match["m_y"]
        else:
            month, year = int(match["y_m"]), match["y"]
        return f"{year}-{month:02d}"

    return _MONTH_FORMS.sub(rewrite, text.strip())
