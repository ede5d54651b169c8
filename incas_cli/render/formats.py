"""Italian formats for the document, through Babel (locale ``it_IT``).

Money ``1.693.747,15 €`` (with a no-break space before the sign), dates ``10 maggio 2024``,
months ``marzo 2024``, integers ``4.000``. Explicit patterns everywhere: Babel's ``short``
Italian date has a two-digit year, which a public document must not show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

LOCALE = "it_IT"
DATE_PATTERN = "d MMMM yyyy"
MONTH_PATTERN = "MMMM yyyy"
_CENT = Decimal("0.01")


def money(amount: Decimal) -> str:
    """``1.693.747,15 €``: always two decimals, rounded half-even to the cent."""
    return str(format_currency(amount.quantize(_CENT), "EUR", locale=LOCALE))


def integer(value: int) -> str:
    """``4.000``."""
    return str(format_decimal(value, locale=LOCALE))


def number(value: Decimal | int) -> str:
    """A quantity as the user wrote it: ``12,5``, ``4.000`` (no rounding to a fixed scale)."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(format_decimal(int(value), locale=LOCALE))
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return str(format_decimal(value, format="#,##0." + "0" * places, locale=LOCALE))
    return str(format_decimal(value, locale=LOCALE))


def percent(part: Decimal, whole: Decimal) -> str:
    """``34,6%`` of ``whole``; ``0,0%`` when the whole is zero."""
    ratio = part / whole if whole else Decimal(0)
    return str(format_percent(ratio, format="#,##0.0%", locale=LOCALE))


def shares(parts: Sequence[Decimal], whole: Decimal) -> list[str]:
    """Each part as a share of ``whole`` to one decimal, the shares adding up to exactly
    ``100,0%`` (largest-remainder rounding: the tenths left over go to the parts that
    rounding cut most, the first of equals first).

    Falls back to independent rounding when a part is negative or the parts do not add up
    to ``whole``; all ``0,0%`` when the whole is zero.
    """
    if not whole or any(p < 0 for p in parts) or sum(parts, Decimal(0)) != whole:
        return [percent(p, whole) for p in parts]
    quotas = [p * 1000 / whole for p in parts]  # in tenths of a percent
    tenths = [int(q) for q in quotas]  # floor: quotas are not negative
    left = 1000 - sum(tenths)
    order = sorted(range(len(parts)), key=lambda i: (-(quotas[i] - tenths[i]), i))
    for i in order[:left]:
        tenths[i] += 1
    return [percent(Decimal(t), Decimal(1000)) for t in tenths]


def long_date(value: dt.date) -> str:
    """``10 maggio 2024``; the first of the month is ``1° marzo 2024``, as Italian writes it."""
    if value.day == 1:
        return "1° " + str(format_date(value, MONTH_PATTERN, locale=LOCALE))
    return str(format_date(value, DATE_PATTERN, locale=LOCALE))


_ELIDED = {"il": "l'", "dal": "dall'", "al": "all'", "del": "dell'", "nel": "nell'"}


def date_after(preposition: str, value: dt.date) -> str:
    """A date after an articled preposition: ``del 10 maggio 2024``, ``dell'8 maggio 2024``.

    ``preposition`` is one of ``il``, ``dal``, ``al``, ``del``, ``nel``.
    """
    if value.day in (8, 11):
        return f"{_ELIDED[preposition]}{long_date(value)}"
    return f"{preposition} {long_date(value)}"


def month(value: str | dt.date) -> str:
    """``marzo 2024`` from ``2024-03`` or a date."""
    return str(format_date(parse_month(value), MONTH_PATTERN, locale=LOCALE))


def month_name(number: int) -> str:
    """``marzo`` for 3 (stand-alone form)."""
    return str(format_date(dt.date(2000, number, 1), "LLLL", locale=LOCALE))


def month_abbr(number: int) -> str:
    """``mar`` for 3, for narrow table columns."""
    return str(format_date(dt.date(2000, number, 1), "LLL", locale=LOCALE)).rstrip(".")


def parse_month(value: str | dt.date) -> dt.date:
    """The first day of a ``YYYY-MM`` month."""
    if isinstance(value, dt.date):
        return value.replace(day=1)
    year, mon = value.split("-")
    return dt.date(int(year), int(mon), 1)


def month_index(value: str | dt.date) -> int:
    """Months since year 0, so that month arithmetic is integer arithmetic."""
    day = parse_month(value)
    return day.year * 12 + day.month - 1


def month_from_index(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)
