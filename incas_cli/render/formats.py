"""Kept only so that ``render/`` can import ``incas_cli.render.formats`` while it moves to
:mod:`incas_cli.formats`, the one home of Italian formats: import from there."""

from incas_cli.formats import (
    DATE_PATTERN,
    LOCALE,
    MONTH_PATTERN,
    date_after,
    integer,
    long_date,
    money,
    month,
    month_abbr,
    month_from_index,
    month_index,
    month_name,
    number,
    parse_month,
    percent,
    shares,
)

__all__ = [
    "DATE_PATTERN",
    "LOCALE",
    "MONTH_PATTERN",
    "date_after",
    "integer",
    "long_date",
    "money",
    "month",
    "month_abbr",
    "month_from_index",
    "month_index",
    "month_name",
    "number",
    "parse_month",
    "percent",
    "shares",
]
