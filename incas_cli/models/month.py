"""``YearMonth``: a month of a year, the plan file's ``YYYY-MM`` (period, measures, reviews).

A ``str`` subclass, so that every place that still treats months as text keeps working
(comparison, formatting, JSON, ``"2025-03" == YearMonth("2025-03")``); what it adds is
that the text is known to be a valid month, read once: ``.year``, ``.month``, ``.index``
(months since year 0, for spans and grids), ``.first_day`` (a ``date``) and arithmetic by
months. Ordering is chronological, which for four-digit years is also the text's order.

In a pydantic model it validates from ``"YYYY-MM"`` text, serialises back to plain
``"YYYY-MM"`` text (also in ``model_dump(mode="python")``, so that YAML writers see a
``str``) and shows in the JSON Schema as a string with the month pattern. The field-level
messages (a full date, month 13) belong to the plan model's own validator, which runs
before this type.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from incas_cli.messages import vocab as msg

PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
"""The ``YYYY-MM`` form, as the JSON Schema states it."""

_FORM = re.compile(PATTERN)


class YearMonth(str):
    """A valid ``YYYY-MM`` month; ``YearMonth("2025-13")`` raises ``ValueError``."""

    __slots__ = ()

    def __new__(cls, value: str) -> YearMonth:
        if isinstance(value, YearMonth):
            return value if type(value) is cls else super().__new__(cls, value)
        if not isinstance(value, str) or not _FORM.match(value):
            raise ValueError(msg.NOT_A_MONTH.format(value=value))
        if value.startswith("0000"):
            # the calendar has no year 0 (``date`` starts at year 1): refused here, so a
            # month that validates always has a first day and a name
            raise ValueError(msg.MONTH_YEAR_ZERO.format(value=value))
        return super().__new__(cls, value)

    @classmethod
    def of(cls, year: int, month: int) -> YearMonth:
        """``YearMonth.of(2025, 3)`` is ``2025-03``."""
        return cls(f"{year:04d}-{month:02d}")

    @classmethod
    def from_date(cls, day: dt.date) -> YearMonth:
        """The month a date falls in."""
        return cls.of(day.year, day.month)

    @classmethod
    def from_index(cls, index: int) -> YearMonth:
        """The inverse of :attr:`index`."""
        year, month = divmod(index, 12)
        return cls.of(year, month + 1)

    @property
    def year(self) -> int:
        return int(self[:4])

    @property
    def month(self) -> int:
        """1 (January) to 12."""
        return int(self[5:7])

    @property
    def index(self) -> int:  # type: ignore[override]
        """Months since January of year 0: consecutive months have consecutive indexes.

        This shadows ``str.index`` (a month has no use for searching its own text).
        """
        return self.year * 12 + self.month - 1

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def plus(self, months: int) -> YearMonth:
        """The month ``months`` later (earlier when negative)."""
        return YearMonth.from_index(self.index + months)

    def months_until(self, other: YearMonth) -> int:
        """How many months from this one to ``other`` (negative when ``other`` is earlier)."""
        return YearMonth(other).index - self.index

    def __repr__(self) -> str:
        return f"YearMonth({str.__repr__(self)})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls,
            core_schema.str_schema(pattern=PATTERN),
            serialization=core_schema.plain_serializer_function_ser_schema(
                str, return_schema=core_schema.str_schema()
            ),
        )


def as_month(value: object) -> YearMonth | None:
    """A month from a plan tree's value (text as the user wrote it), or ``None``."""
    if isinstance(value, str):
        try:
            return YearMonth(value.strip())
        except ValueError:
            return None
    return None
