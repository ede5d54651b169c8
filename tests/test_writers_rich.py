"""The terminal writer: document-model tables as rich tables, readable in 80 columns."""

from __future__ import annotations

import ast
import io
from pathlib import Path

from rich.console import Console

import incas_cli
from incas_cli.document.model import Column, Mark, Paragraph, Placeholder, Run, Table
from incas_cli.writers.rich import PLACEHOLDER_STYLE, TONE_STYLES, rich_block, rich_table, rich_text

PACKAGE = Path(incas_cli.__file__).parent


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


def test_tones_are_colours_and_runs_keep_their_emphasis() -> None:
    assert str(rich_text(Run("non riuscito", tone="error")).style) == TONE_STYLES["error"]
    assert str(rich_text(Run("ok", bold=True, tone="ok")).style) == "bold green"
    assert rich_text(Run("nessuna", tone="quiet")).plain == "nessuna"


def test_a_tone_is_dropped_without_colour_and_the_words_stay() -> None:
    table = Table(
        "Risultato", (Column("File"), Column("Esito")), (("a.yaml", Run("ok", tone="ok")),)
    )
    console = Console(width=80, file=io.StringIO(), force_terminal=True, no_color=True)
    console.print(rich_table(table))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "ok" in text and "\x1b[32m" not in text  # no green under NO_COLOR


def test_a_paragraph_is_one_block_of_text_styled_by_its_role() -> None:
    note = rich_block(Paragraph(("* Asse dedotto ", Run("dal titolo", bold=True)), style="note"))
    assert note.plain == "* Asse dedotto dal titolo"  # type: ignore[union-attr]
    assert str(note.style) == "italic"  # type: ignore[union-attr]
    assert rich_block(Paragraph(("Riepilogo",), style="plain")).style == ""  # type: ignore[union-attr]
    assert rich_block(_table()).title is not None  # type: ignore[union-attr]


def test_fixed_columns_never_wrap_in_80_columns() -> None:
    table = Table(
        "Tipi di attore",
        (Column("Tipo"), Column("Livello", fixed=True), Column("Ruolo")),
        (("Comune", "Provinciale", "parola " * 40),),
    )
    text = _printed(table)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "Provinciale" in text


def test_console_is_the_only_module_that_makes_a_rich_console() -> None:
    makers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name == "Console":
                    makers.append(path.relative_to(PACKAGE).as_posix())
    assert makers == ["console.py"]


def test_the_title_is_bold_on_a_terminal() -> None:
    console = Console(width=80, file=io.StringIO(), force_terminal=True, color_system="standard")
    console.print(rich_table(_table()))
    first = console.file.getvalue().splitlines()[0]  # type: ignore[attr-defined]
    assert first.startswith("\x1b[1mCoerenza delle misure")
