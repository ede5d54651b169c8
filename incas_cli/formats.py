"""Italian formats: the one home of the locale (``it_IT``) and of Babel.

Money ``1.693.747,15 €`` (a no-break space before the sign), integers ``4.000``,
quantities ``12,5``, shares ``34,6%``, dates ``10 maggio 2024`` (``1° marzo 2024``),
months ``marzo 2024``, lists ``A, B e C``, counted nouns ``1 misura``, ``3 misure``.
The document, ``plan status``, ``plan diff``, the wizard and the checks all format
through here, so one figure reads the same everywhere.

Explicit patterns everywhere: Babel's ``short`` Italian date has a two-digit year, which
a public document must not show. Babel is imported inside the functions that need it,
so importing this module costs nothing; month names and integers are plain Python (the
same as Babel's CLDR data, which tests check), so the wizard's parsing, the checks and
the counts in messages never load Babel.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

__all__ = [
    "AND",
    "DATE_PATTERN",
    "LIST_SEPARATOR",
    "LOCALE",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "MONTH_PATTERN",
    "act_number",
    "counted",
    "date_after",
    "in_month",
    "in_words",
    "integer",
    "join_and",
    "long_date",
    "money",
    "month",
    "month_abbr",
    "month_name",
    "number",
    "numeric_date",
    "parse_month",
    "percent",
    "shares",
    "shell_word",
    "signed_money",
]

LOCALE = "it_IT"
DATE_PATTERN = "d MMMM yyyy"
MONTH_PATTERN = "MMMM yyyy"
_CENT = Decimal("0.01")

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
"""The months, lower case as Italian writes them (Babel's ``LLLL`` for ``it_IT``)."""

MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)
"""``gen``, ``feb``, … ``dic`` (Babel's ``LLL`` for ``it_IT``, without a dot)."""

LIST_SEPARATOR = ", "
AND = " e "
OR = " oppure "
OR_SHORT = " o "
MINUS = "\u2212"


# --- numbers ----------------------------------------------------------------------------

_MIN_PRECISION = 28  # the decimal module's default


@contextlib.contextmanager
def _exact(*values: Decimal | int | float) -> Iterator[None]:
    """A decimal context precise enough to quantize ``values`` to the cent and scale them.

    The default context keeps 28 digits: quantizing ``1E+25`` to two decimals, or a
    figure with 26 significant digits, raises ``InvalidOperation`` (in Babel too, which
    works in the current context). The precision grows with the figures instead.
    """
    digits = _MIN_PRECISION
    for value in values:
        if isinstance(value, Decimal) and value.is_finite():
            exponent = value.as_tuple().exponent
            scale = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            digits = max(digits, max(value.adjusted(), 0) + scale + 12)
    with decimal.localcontext() as context:
        context.prec = digits
        yield


def cents(amount: Decimal) -> Decimal:
    """``amount`` with exactly two decimals, rounded half-even to the cent (``60000`` ->
    ``60000.00``): one way for the document, the JSON reports and the open data."""
    with _exact(amount):
        return amount.quantize(_CENT)


def money(amount: Decimal) -> str:
    """``1.693.747,15 €``: always two decimals, rounded half-even to the cent."""
    from babel.numbers import format_currency

    return str(format_currency(cents(amount), "EUR", locale=LOCALE))


def thousands_read_as_decimals(value: Decimal) -> Decimal | None:
    """``3.000`` in YAML is the number 3.000 (three), to an Italian three thousand: for a
    finite number written with exactly three decimals, the thousands it may have meant
    (``3000``); else None. The plan's money and counts refuse it, quantities warn."""
    if not value.is_finite():
        return None
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent != -3:
        return None
    return (value * 1000).to_integral_value()


def signed_money(amount: Decimal) -> str:
    """A change of money: ``+1.000,00 €``, ``−1.000,00 €`` (a true minus), ``0,00 €``."""
    if amount == 0:
        return money(Decimal(0))
    return ("+" if amount > 0 else MINUS) + money(abs(amount))


def integer(value: int) -> str:
    """``4.000``: dots between thousands, as Babel writes ``it_IT`` integers (a test checks
    they agree); plain Python, so that counting in messages never loads Babel."""
    return f"{value:,}".replace(",", ".")


_WORDS = ("zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci")


def in_words(value: int) -> str:
    """A small count in words as running prose writes it (``tre``), from 11 in digits
    (``4.000``)."""
    return _WORDS[value] if 0 <= value < len(_WORDS) else integer(value)


def number(value: Decimal | int | float) -> str:
    """A quantity as the user wrote it: ``12,5``, ``12,50``, ``4.000`` (no rounding to a
    fixed scale; an integral Decimal has no decimals). A float shows up to three."""
    from babel.numbers import format_decimal

    with _exact(value):
        if isinstance(value, Decimal):
            if value == value.to_integral_value():
                return str(format_decimal(int(value), locale=LOCALE))
            exponent = value.as_tuple().exponent
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            return str(format_decimal(value, format="#,##0." + "0" * places, locale=LOCALE))
        return str(format_decimal(value, locale=LOCALE))


def percent(part: Decimal, whole: Decimal) -> str:
    """``34,6%`` of ``whole``; ``0,0%`` when the whole is zero."""
    from babel.numbers import format_percent

    with _exact(part, whole):
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


# --- dates and months ----------------------------------------------------------------------


def long_date(value: dt.date) -> str:
    """``10 maggio 2024``; the first of the month is ``1° marzo 2024``, as Italian writes it."""
    from babel.dates import format_date

    if value.day == 1:
        return "1° " + str(format_date(value, MONTH_PATTERN, locale=LOCALE))
    return str(format_date(value, DATE_PATTERN, locale=LOCALE))


def numeric_date(value: dt.date) -> str:
    """``30/06/2026``: day first, four-digit year (for narrow lists and tables)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


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
    first = parse_month(value)
    return f"{MONTH_NAMES[first.month - 1]} {first.year}"


def in_month(text: str) -> str:
    """A month after the preposition «a»: ``a maggio 2024``, and ``ad aprile 2024``, ``ad
    agosto`` with the euphonic «d» Italian writes before the same vowel (``a ottobre``).
    ``text`` is a month as :func:`month` or :func:`month_name` write it."""
    return f"ad {text}" if text[:1] == "a" else f"a {text}"


def month_name(number: int) -> str:
    """``marzo`` for 3."""
    return MONTH_NAMES[number - 1]


def month_abbr(number: int) -> str:
    """``mar`` for 3, for narrow table columns."""
    return MONTH_ABBREVIATIONS[number - 1]


def parse_month(value: str | dt.date) -> dt.date:
    """The first day of a ``YYYY-MM`` month."""
    if isinstance(value, dt.date):
        return value.replace(day=1)
    year, mon = value.split("-")
    return dt.date(int(year), int(mon), 1)


# --- words ---------------------------------------------------------------------------------

_ACT_NUMBER_PREFIX = re.compile(r"^(?:numero|num\.?|nr\.?|n\.?\s*°?|n°)\s*(?=\d)", re.IGNORECASE)


def act_number(value: str) -> str:
    """The number of an act as the document prints it after its own ``n.``: ``n. 112/2025``,
    ``N° 112``, ``nr. 112``, ``numero 112`` -> ``112/2025``, ``112``; anything else as it is."""
    return _ACT_NUMBER_PREFIX.sub("", value.strip(), count=1)


def join_and(items: Sequence[str]) -> str:
    """``A``, ``A e B``, ``A, B e C`` (no comma before ``e``, as Italian writes lists)."""
    return _joined(items, AND)


def join_or(items: Sequence[str], *, short: bool = False) -> str:
    """``docx, odt oppure pdf`` (``short``: ``.docx, .odt o .pdf``): choices as a hint
    lists them."""
    return _joined(items, OR_SHORT if short else OR)


def _joined(items: Sequence[str], last: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return LIST_SEPARATOR.join(items[:-1]) + last + items[-1]


def counted(count: int, one: str, many: str) -> str:
    """``1 misura``, ``3 misure``, ``0 misure``, ``1.200 misure``: a number and its noun in
    the right form (``one`` for exactly one, ``many`` otherwise, zero included)."""
    return f"{integer(count)} {one if count == 1 else many}"


def shell_word(path: object) -> str:
    """A file name as it must be typed in a command the user may copy: ``piano.yaml`` as
    it is, ``'Piano Lavello è.yaml'`` between quotes (spaces and other characters that a
    shell would split or expand), so «incas plan edit …» works when pasted."""
    import shlex

    text = str(path)
    quoted = shlex.quote(text)
    if quoted != text and "'" in text and not any(c in text for c in '"$`\\!'):
        return f'"{text}"'  # «l'aquila.yaml» reads better as "l'aquila.yaml"
    return quoted
