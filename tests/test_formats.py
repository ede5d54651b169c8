"""Italian formats (`incas_cli.formats`): money, numbers, dates, months, lists, counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.lists import format_list

from incas_cli import formats as fmt
from incas_cli.messages import render as render_msg
from incas_cli.models.month import YearMonth
from incas_cli.wizard.answers import month_names, read_months
from tests.conftest import Cli
from tests.helpers import minimal_plan, write_plan

NBSP = "\u00a0"


def test_money_has_two_decimals_thousands_dots_and_a_no_break_space() -> None:
    assert fmt.money(Decimal("60000")) == f"60.000,00{NBSP}€"
    assert fmt.money(Decimal("1693747.15")) == f"1.693.747,15{NBSP}€"
    assert fmt.money(Decimal("0")) == f"0,00{NBSP}€"
    assert fmt.money(Decimal("0.005")) == f"0,00{NBSP}€"  # half-even to the cent


def test_signed_money_uses_a_true_minus() -> None:
    assert fmt.signed_money(Decimal("15000")) == f"+15.000,00{NBSP}€"
    assert fmt.signed_money(Decimal("-30000")) == f"\u221230.000,00{NBSP}€"
    assert fmt.signed_money(Decimal("0.00")) == f"0,00{NBSP}€"


def test_integers_and_quantities() -> None:
    assert fmt.integer(4000) == "4.000"
    assert fmt.integer(12) == "12"
    assert fmt.number(Decimal("12.5")) == "12,5"
    assert fmt.number(Decimal("12.50")) == "12,50"
    assert fmt.number(Decimal("10.0")) == "10"
    assert fmt.number(Decimal("1E+3")) == "1.000"
    assert fmt.number(1500) == "1.500"
    assert fmt.number(2.5) == "2,5"


@pytest.mark.parametrize("value", [0, 7, 999, 1000, 12345, 1234567, -4000])
def test_integers_are_babels(value: int) -> None:
    from babel.numbers import format_decimal

    assert fmt.integer(value) == format_decimal(value, locale=fmt.LOCALE)


def test_percent_and_shares_that_add_up_to_one_hundred() -> None:
    assert fmt.percent(Decimal(1), Decimal(3)) == "33,3%"
    assert fmt.percent(Decimal(1), Decimal(0)) == "0,0%"
    assert fmt.shares([Decimal(1)] * 3, Decimal(3)) == ["33,4%", "33,3%", "33,3%"]
    assert fmt.shares([Decimal(1), Decimal(1)], Decimal(5)) == ["20,0%", "20,0%"]


def test_dates() -> None:
    assert fmt.long_date(dt.date(2024, 5, 10)) == "10 maggio 2024"
    assert fmt.long_date(dt.date(2024, 3, 1)) == "1° marzo 2024"
    assert fmt.date_after("del", dt.date(2024, 5, 10)) == "del 10 maggio 2024"
    assert fmt.date_after("del", dt.date(2024, 5, 8)) == "dell'8 maggio 2024"
    assert fmt.date_after("al", dt.date(2024, 5, 11)) == "all'11 maggio 2024"
    assert fmt.numeric_date(dt.date(2026, 6, 30)) == "30/06/2026"


def test_months() -> None:
    assert fmt.month("2024-03") == "marzo 2024"
    assert fmt.month(dt.date(2024, 12, 25)) == "dicembre 2024"
    assert fmt.month_name(3) == "marzo"
    assert fmt.month_abbr(9) == "set"
    assert fmt.month(YearMonth("2024-03")) == "marzo 2024"


@pytest.mark.parametrize("number", range(1, 13))
def test_month_names_are_babels(number: int) -> None:
    day = dt.date(2000, number, 1)
    assert fmt.month_name(number) == format_date(day, "LLLL", locale=fmt.LOCALE)
    assert fmt.month_abbr(number) == format_date(day, "LLL", locale=fmt.LOCALE).rstrip(".")
    assert fmt.month(day) == format_date(day, fmt.MONTH_PATTERN, locale=fmt.LOCALE)


def test_the_wizard_reads_the_months_it_shows() -> None:
    shown = month_names(range(1, 13))
    assert shown.split("; ") == list(fmt.MONTH_NAMES)
    assert read_months(shown) == list(range(1, 13))
    assert read_months("; ".join(fmt.MONTH_ABBREVIATIONS)) == list(range(1, 13))


@pytest.mark.parametrize(
    "items",
    [[], ["Saluzzo"], ["Saluzzo", "Lagnasco"], ["A", "B", "C"], ["uno", "due", "tre", "quattro"]],
)
def test_lists_join_with_e_like_babel(items: list[str]) -> None:
    joined = fmt.join_and(items)
    if items:
        assert joined == format_list(items, locale=fmt.LOCALE)
    assert fmt.join_and(["A", "B", "C"]) == "A, B e C"


def test_counted_nouns() -> None:
    assert fmt.counted(1, "misura", "misure") == "1 misura"
    assert fmt.counted(3, "misura", "misure") == "3 misure"
    assert fmt.counted(0, "misura", "misure") == "0 misure"
    assert fmt.counted(1200, "lavoratore", "lavoratori") == "1.200 lavoratori"
    assert render_msg.counted(15, "voce di spesa") == "15 voci di spesa"


def test_importing_formats_and_counting_do_not_load_babel() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from incas_cli import formats as f; "
        "f.counted(3, 'misura', 'misure'); f.month('2024-03'); f.join_and(['a', 'b']); "
        "print('babel' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_validate_counts_one_warning_in_the_singular(tmp_path: Path, cli: Cli) -> None:
    data = minimal_plan()
    data["needs"].append({"id": "N2", "area": "salute", "severity": 3, "urgency": 3})
    path = write_plan(tmp_path / "piano.yaml", data)
    result = cli("plan", "validate", path.name, cwd=tmp_path)
    assert result.exit_code == 0
    assert "piano.yaml: valido (0 errori, 1 avviso)" in result.stdout
