"""Dates and months the way Italians write them, rewritten in the plan file's ISO form.

The plan file stores months as ``AAAA-MM`` and dates as ``AAAA-MM-GG``. A planner
writes ``28/11/2023``, ``28-11-2023``, ``03/2025`` or ``marzo 2025``: these functions
rewrite exactly those forms and leave every other answer as it was, so that the plan
model stays the only judge of what is valid (``31/02/2025`` becomes ``2025-02-31``,
which the model refuses with its own message).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from incas_cli.formats import MONTH_ABBREVIATIONS, MONTH_NAMES, month_name
from incas_cli.messages import wizard as msg

_MONTH_NUMBER = {name: n for n, name in enumerate(MONTH_NAMES, start=1)} | {
    short: n for n, short in enumerate(MONTH_ABBREVIATIONS, start=1)
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


_MONTH_TOKEN = r"[^\W\d_]+\.?|\d{1,2}"
_MONTH_RANGE = re.compile(
    rf"(?i)^(?:da(?:l|ll')?\s*)?(?P<a>{_MONTH_TOKEN})\s*(?:-|–|—|\ba\b|\bad\b|\bal\b|\ball')\s*"
    rf"(?P<b>{_MONTH_TOKEN})$"
)
_MONTH_SPLIT = re.compile(r"\s*(?:[;,/]|\be\b)\s*")


def _month_number(token: str) -> int:
    """``agosto``, ``ago``, ``Ago.``, ``8`` or ``08`` -> 8; anything else: ValueError."""
    word = token.strip().rstrip(".").casefold()
    if word.isdigit() and 1 <= int(word) <= 12:
        return int(word)
    if word in _MONTH_NUMBER:
        return _MONTH_NUMBER[word]
    raise ValueError(msg.MONTH_UNKNOWN.format(word=token.strip()))


def read_months(text: str) -> list[int]:
    """The months of a year as a planner writes them -> their numbers, in calendar order.

    ``agosto; settembre``, ``8, 9, 10``, ``giugno-agosto``, ``da giugno a agosto``,
    ``ago e set``: names (whole or shortened), numbers and ranges, separated by ``;``,
    ``,`` or ``e``. A range may cross the new year (``novembre-febbraio`` is 11, 12, 1,
    2); a month named twice counts once. A word that is not a month raises ValueError
    with the Italian message to show (``«tredici» non è un mese``).
    """
    months: set[int] = set()
    for part in _MONTH_SPLIT.split(text.strip()):
        part = part.strip()
        if not part:
            continue
        ranged = _MONTH_RANGE.match(part)
        if ranged is not None:
            first, last = _month_number(ranged["a"]), _month_number(ranged["b"])
            span = (last - first) % 12
            months.update((first - 1 + step) % 12 + 1 for step in range(span + 1))
            continue
        words = part.split()
        if len(words) > 1:  # "agosto settembre": months separated by spaces only
            months.update(_month_number(word) for word in words)
        else:
            months.add(_month_number(part))
    return sorted(months)


def month_names(numbers: Iterable[object]) -> str:
    """``[8, 9, 10]`` -> ``agosto; settembre; ottobre`` (what :func:`read_months` reads)."""
    names = []
    for number in numbers:
        if isinstance(number, int) and 1 <= number <= 12:
            names.append(month_name(number))
        else:
            names.append(str(number))
    return msg.LIST_SEPARATOR.join(names)
