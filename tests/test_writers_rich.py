"""The terminal writer: document-model tables as rich tables, readable in 80 columns."""

from __future__ import annotations

import io

from rich.console import Console

from incas_cli.document.model import Column, Mark, Placeholder, Run, Table
from incas_cli.writers.rich import PLACEHOLDER_STYLE, rich_table, rich_text


def _printed(table: Table, width: int = 80) -> str:
    console = Console(width=width, file=io.StringIO(), no_color=True, highlight=False)
    console.print(rich_table(table))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(text, str)
    return text


def _table(**kwargs: object) -> Table:
    return Table(
        "Coerenza delle misure",
        (Column("Misura"), Column("AP1", "center", fixed=True), Column("Budget", "right")),
        (
            ("M1 Dormitorio [stagionale]", Mark("●", "principale"), "60.000,00\xa0€"),
            ("M2", Mark("○", "secondaria", shaded=False), Placeholder("importo")),
        ),
        total=("Totale", None, "60.000,00\xa0€"),
        **kwargs,  # type: ignore[arg-type]
    )


def test_marks_show_their_symbol_and_placeholders_their_label() -> None:
    text = _printed(_table())
    assert "●" in text and "○" in text
    assert "principale" not in text  # the symbol, not the words, in a terminal
    assert "[da completare: importo]" in text
    assert "M1 Dormitorio [stagionale]" in text  # plan text is never read as markup
    assert text.splitlines()[0].strip() == "Coerenza delle misure"


def test_total_row_comes_last_after_a_rule() -> None:
    lines = [line.rstrip() for line in _printed(_table()).splitlines() if line.strip()]
    assert lines[-1].startswith("Totale") and lines[-1].endswith("60.000,00\xa0€")


def test_placeholders_and_runs_are_styled() -> None:
    assert PLACEHOLDER_STYLE in str(rich_text(Placeholder("fonte")).style)
    assert str(rich_text(Run("3", bold=True)).style) == "bold"
    assert rich_text(("prima riga", "seconda")).plain == "prima riga\nseconda"
    assert rich_text(None).plain == ""


def test_numbers_never_wrap_and_text_folds_in_80_columns() -> None:
    long = "parola " * 40
    table = Table(
        "Budget per fonte",
        (Column("Fonte"), Column("Importo", "right")),
        ((long, "1.693.747,15\xa0€"),),
    )
    text = _printed(table)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "1.693.747,15\xa0€" in text


def test_a_table_without_caption_has_no_title() -> None:
    text = _printed(_table(caption=False))
    assert "Coerenza delle misure" not in text
