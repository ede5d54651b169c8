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

_MONTH_NUMBER = (
    {name: n for n, name in enumerate(MONTH_NAMES, start=1)}
    | {short: n for n, short in enumerate(MONTH_ABBREVIATIONS, start=1)}
    | {"sett": 9}  # «Sett.», as often written
)
_WHOLE_YEAR = ("tutto l'anno", "tutto l’anno", "tutto l anno", "tutti i mesi", "sempre")

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


_DAY_NAMED = re.compile(rf"(?i)^(?P<d>\d{{1,2}})(?:º|°)?\s+(?P<name>{_NAMES})\.?\s+(?P<y>\d{{4}})$")
_ISO_DATE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")


def iso_date(text: str) -> str:
    """``28/11/2023``, ``28-11-2023``, ``28.11.2023``, ``2023/11/28`` or ``28 novembre
    2023`` -> ``2023-11-28``.

    Day first, as Italians write it; any other answer is returned stripped but unchanged.
    """
    answer = text.strip()
    named = _DAY_NAMED.match(answer)
    if named is not None:
        month = _MONTH_NUMBER[named["name"].lower()]
        return f"{named['y']}-{month:02d}-{int(named['d']):02d}"
    match = _DAY_FIRST.match(answer) or _ISO_LOOSE.match(answer)
    if match is None:
        return answer
    return f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"


def existing_day(text: str) -> str:
    """An ISO date whose day does not exist (``2025-06-31``) raises ValueError with the
    Italian message («il 31 giugno 2025 non esiste: giugno ha 30 giorni»); anything else
    is returned as it is, for the model to judge."""
    import calendar

    match = _ISO_DATE.match(text.strip())
    if match is None:
        return text
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not 1 <= month <= 12:
        raise ValueError(msg.MONTH_NUMBER_WRONG.format(month=month))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise ValueError(
            msg.DAY_DOES_NOT_EXIST.format(day=day, month=month_name(month), year=year, days=days)
        )
    return text


def iso_months(text: str) -> str:
    """Every month written ``03/2025``, ``3-2025``, ``2025/3`` or ``marzo 2025`` -> ``2025-03``.

    Works on one month or on a list (``dicembre 2025; giugno 2026``); the rest of the text
    is left as it is. A month number out of range is kept as written (``13/2025`` becomes
    ``2025-13``), so the model's message about the format is the one the user reads.
    A whole date (``15/06/2025``, ``15 giugno 2025``) gives its month, ``2025-06``; one
    whose day does not exist (``31/06/2025``) raises ValueError with the message that
    says so (see :func:`existing_day`).
    """

    answer = text.strip()
    day = iso_date(answer)
    if _ISO_DATE.match(day):  # a whole date where a month is asked: its month
        return existing_day(day)[:7]

    def rewrite(match: re.Match[str]) -> str:
        if match["name"]:
            month, year = _MONTH_NUMBER[match["name"].lower()], match["name_y"]
        elif match["m"]:
            month, year = int(match["m"]), match["m_y"]
        else:
            month, year = int(match["y_m"]), match["y"]
        return f"{year}-{month:02d}"

    return _MONTH_FORMS.sub(rewrite, answer)


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


def _whole_year(text: str) -> bool:
    return " ".join(text.replace("’", "'").split()).casefold() in _WHOLE_YEAR


def read_months(text: str) -> list[int]:
    """The months of a year as a planner writes them -> their numbers, in calendar order.

    ``agosto; settembre``, ``8, 9, 10``, ``giugno-agosto``, ``da giugno a agosto``,
    ``ago e set``, ``Sett.``, ``tutto l'anno``: names (whole or shortened), numbers and
    ranges, separated by ``;``,
    ``,`` or ``e``. A range may cross the new year (``novembre-febbraio`` is 11, 12, 1,
    2); a month named twice counts once. A word that is not a month raises ValueError
    with the Italian message to show (``«tredici» non è un mese``).
    """
    if _whole_year(text):
        return list(range(1, 13))
    months: set[int] = set()
    for part in _MONTH_SPLIT.split(text.strip()):
        part = part.strip()
        if not part:
            continue
        if _whole_year(part):  # «Sett.; tutto l'anno»: the whole year holds September
            return list(range(1, 13))
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


def read_season(text: str) -> list[int]:
    """The months a seasonal measure is active: :func:`read_months`, except that the whole
    year (``tutto l'anno``, or every month named) is no months at all, which the plan file
    reads as "active in every month between start and end"."""
    months = read_months(text)
    return [] if len(months) == 12 else months


def month_names(numbers: Iterable[object]) -> str:
    """``[8, 9, 10]`` -> ``agosto; settembre; ottobre`` (what :func:`read_months` reads)."""
    names = []
    for number in numbers:
        if isinstance(number, int) and 1 <= number <= 12:
            names.append(month_name(number))
        else:
            names.append(str(number))
    return msg.LIST_SEPARATOR.join(names)
