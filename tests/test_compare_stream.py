"""``incas plan compare`` streams: every plan once, in input order, in each per-plan table
of the document and of the workbook (invalid plans apart), sums still the plans' own, the
same bytes every time, and memory that does not grow with the number of plans."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import textwrap
import tracemalloc
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from incas_cli import formats
from incas_cli.catalog import load_catalog
from incas_cli.compare import KEYS_LIMIT, Comparison, PlanSummary, summarize_file
from incas_cli.compare.output import write_comparison
from incas_cli.document.model import Column, Mark, Table
from incas_cli.facts import plan_facts
from incas_cli.io import load_yaml
from incas_cli.messages import compare as msg
from incas_cli.models import Plan
from incas_cli.writers.docx import write_docx
from incas_cli.writers.docx_stream import write_long_tables
from tests.conftest import Cli
from tests.helpers import REPO, example_files, minimal_plan, write_plan

sys.path.insert(0, str(REPO / "benchmarks"))

from bench_export import generate  # the benchmark's generator of plans


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nine generated plans (each another Comune), two invalid ones among them."""
    folder = tmp_path_factory.mktemp("piani")
    generate(folder, 9)
    broken = minimal_plan()
    broken["measures"][0]["needs"] = ["N9"]
    write_plan(folder / "piano-0003b.yaml", broken)
    (folder / "piano-0006b.yaml").write_text("plan: [\n", encoding="utf-8")
    return folder


def _valid(folder: Path) -> list[Plan]:
    names = sorted(p.name for p in folder.glob("piano-*.yaml") if not p.stem.endswith("b"))
    return [Plan.model_validate(load_yaml(folder / n).plain()) for n in names]


def _docx_tables(path: Path) -> dict[str, list[list[str]]]:
    """The document's tables by title (their accessible caption), as text."""
    from docx import Document
    from docx.oxml.ns import qn

    tables = {}
    for table in Document(str(path)).tables:
        caption = table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        assert caption is not None
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        tables[caption.get(qn("w:val"))] = rows
    return tables


def test_every_plan_once_in_input_order_and_the_invalid_apart(
    cli: Cli, folder: Path, tmp_path: Path
) -> None:
    plans = _valid(folder)
    comuni = [p.comune.name for p in plans]
    assert len(set(comuni)) == len(comuni) == 9
    catalog = load_catalog()
    facts = [plan_facts(p, catalog) for p in plans]
    total = sum((f.total for f in facts), Decimal(0))

    out = tmp_path / "confronto.docx"
    result = cli("plan", "compare", str(folder), "-o", str(out))
    assert result.exit_code == 1, result.output  # one file is not even readable
    tables = _docx_tables(out)
    listed = tables[msg.T_PLANS]
    assert listed[0][0] == msg.COL_COMUNE and listed[-1][0] == msg.TOTAL
    assert [r[0] for r in listed[1:-1]] == comuni
    # each plan's budget is its own document's, and so is the sum
    assert [r[5] for r in listed[1:-1]] == [formats.money(f.total) for f in facts]
    assert listed[-1][5] == formats.money(total)
    for title in (msg.T_ACTIONS, msg.T_AXES):
        assert [r[0] for r in tables[title][1:]] == comuni
    adoption = [r[0] for r in tables.get(msg.T_ADOPTION, [[]])[1:]]
    assert adoption == [p.comune.name for p, f in zip(plans, facts, strict=True) if f.open_count]
    assert [r[0].rsplit("/", 1)[-1] for r in tables[msg.T_REJECTED][1:]] == [
        "piano-0003b.yaml",
        "piano-0006b.yaml",
    ]
    assert "Saluzzo" not in comuni  # the invalid plan is only listed apart

    from openpyxl import load_workbook

    book_path = tmp_path / "confronto.xlsx"
    assert cli("plan", "compare", str(folder), "-o", str(book_path)).exit_code == 1
    book = load_workbook(book_path, read_only=True)
    sheet = list(book["piani"].iter_rows(values_only=True))
    assert [r[0] for r in sheet[1:-1]] == comuni
    assert [Decimal(str(r[5])) for r in sheet[1:-1]] == [f.total for f in facts]
    assert Decimal(str(sheet[-1][5])) == total
    for name in ("azioni", "assi"):
        assert [r[0] for r in list(book[name].iter_rows(values_only=True))[1:]] == comuni
    rejected = list(book["non-validi"].iter_rows(values_only=True))[1:]
    assert [str(r[0]).rsplit("/", 1)[-1] for r in rejected] == [
        "piano-0003b.yaml",
        "piano-0006b.yaml",
    ]


def test_the_same_plans_give_the_same_bytes(cli: Cli, folder: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert cli("plan", "compare", str(folder), "-o", str(first)).exit_code == 1
    assert cli("plan", "compare", str(folder), "-o", str(second), "--jobs", "2").exit_code == 1
    assert first.read_bytes() == second.read_bytes()


def test_streamed_rows_give_the_bytes_of_the_whole_table() -> None:
    """A table written row by row into the saved package is the table the writer makes in
    memory: same widths (from one pass over the rows), same rows, same bytes."""
    columns = (Column("Comune"), Column("Budget (€)", "right"), Column("A1", "center", fixed=True))
    rows = tuple(
        (
            f"Comune {'molto ' * (i % 7)}lungo n. {i} & <{i}>",
            formats.money(Decimal(i * 1234)),
            Mark("●", "principale") if i % 3 else None,
        )
        for i in range(60)
    )
    total = ("Totale", formats.money(Decimal(sum(i * 1234 for i in range(60)))), None)
    from incas_cli.document.model import Block, Document, Heading, Paragraph, Properties

    def document(*tables: Table) -> Document:
        blocks: tuple[Block, ...] = (Heading(1, "Tabelle"), *tables, Paragraph(("Fine",)))
        return Document(blocks, Properties(title="Prova"))

    whole = [
        Table("Piani", columns, rows, total=total),
        Table("Matrice", columns, rows[:25], row_headers=True, compact=True),
    ]
    empty = [dataclasses.replace(t, rows=()) for t in whole]
    expected = write_docx(document(*whole), template=None, update_fields=False)

    @dataclasses.dataclass(frozen=True)
    class Long:
        table: Table
        all_rows: tuple[tuple[Any, ...], ...]

        @property
        def count(self) -> int:
            return len(self.all_rows)

        def rows(self) -> Any:
            return iter(self.all_rows)

    base = write_docx(document(*empty), template=None, update_fields=False)
    out = io.BytesIO()
    write_long_tables(base, [Long(e, w.rows) for e, w in zip(empty, whole, strict=True)], out)
    assert out.getvalue() == expected


def test_free_text_sources_beyond_the_limit_share_one_row() -> None:
    summary = summarize_file(example_files()[1])
    assert isinstance(summary, PlanSummary)
    with Comparison() as comparison:
        for i in range(KEYS_LIMIT + 30):
            free = {f"Fondi propri del Comune n. {i}": Decimal(10)}
            comparison.add(dataclasses.replace(summary, free_source_budget=free))
        by_source = comparison.by_source()
        assert sum(by_source.values(), Decimal(0)) == comparison.total + 10 * (KEYS_LIMIT + 30)
        assert by_source[msg.OTHER_FREE_SOURCES] == Decimal(300)
        assert len([k for k in by_source if k.startswith("Fondi propri")]) == KEYS_LIMIT


# --- memory ------------------------------------------------------------------------------


def _summaries() -> list[PlanSummary]:
    found = [summarize_file(p) for p in example_files()]
    return [s for s in found if isinstance(s, PlanSummary)]


def _compare(summaries: list[PlanSummary], count: int, folder: Path) -> None:
    """``count`` plans (each another Comune) compared and written as docx and xlsx."""
    with Comparison(load_catalog().default_plan.id) as comparison:
        for i in range(count):
            s = summaries[i % len(summaries)]
            row = dataclasses.replace(s.row, name=f"piano-{i}.yaml", comune=f"{s.row.comune} {i}")
            comparison.add(dataclasses.replace(s, row=row))
        for fmt in ("docx", "xlsx"):
            write_comparison(comparison, folder / f"confronto-{count}.{fmt}", fmt, force=True)


@pytest.mark.slow
def test_the_comparison_s_python_memory_does_not_grow_with_the_plans(tmp_path: Path) -> None:
    """tracemalloc's peak while 200 and 800 plans are added up and written: the same within
    a bound far below what keeping a row per plan takes (several kB a plan in Python
    objects alone; the rest is in lxml, which the next test sees)."""
    summaries = _summaries()
    _compare(summaries, 800, tmp_path)  # warm: imports, the text-width caches
    peaks = []
    for count in (200, 800):
        tracemalloc.start()
        try:
            _compare(summaries, count, tmp_path)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[1] - peaks[0] < 1024 * 1024, peaks  # under 2 kB a plan


_RSS_SCRIPT = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    from tests.test_compare_stream import _compare, _summaries

    _compare(_summaries(), int(sys.argv[1]), Path(sys.argv[2]))
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """
)


@pytest.mark.slow
def test_the_comparison_s_peak_memory_does_not_grow_with_the_plans(tmp_path: Path) -> None:
    """Peak resident memory (lxml's too, which tracemalloc does not see) of a process that
    compares 250 or 1,000 plans: the document of 1,000 plans held whole took about 75 MB
    more than that of 250."""
    peaks = []
    for count in (250, 1000):
        done = subprocess.run(
            [sys.executable, "-c", _RSS_SCRIPT, str(count), str(tmp_path)],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
        peaks.append(int(done.stdout.split()[-1]))  # kB
    assert peaks[1] - peaks[0] < 12 * 1024, peaks
