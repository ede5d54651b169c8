"""``incas plan compare``: the sums are the plans' own, every plan is accounted for, and the
document and the workbook show the same tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from incas_cli.catalog import load_catalog
from incas_cli.compare import Comparison, compare_plans
from incas_cli.compare.tables import comparison_tables
from incas_cli.facts import PlanFacts, plan_facts
from incas_cli.io import load_yaml
from incas_cli.models import Plan
from tests.conftest import Cli
from tests.helpers import example_files, minimal_plan, write_plan


def _facts() -> list[PlanFacts]:
    catalog = load_catalog()
    plans = [Plan.model_validate(load_yaml(p).plain()) for p in example_files()]
    return [plan_facts(p, catalog) for p in plans]


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare_plans(example_files())


def test_every_example_is_compared(comparison: Comparison) -> None:
    assert len(comparison.plans) == len(example_files()) and not comparison.rejected


def test_sums_equal_the_plans_own_facts(comparison: Comparison) -> None:
    facts = _facts()
    total = sum((f.total for f in facts), Decimal(0))
    assert comparison.total == total
    by_axis = comparison.by_axis()
    for axis in load_catalog().default_plan.axes:
        own = sum((a.budget for f in facts for a in f.axes if a.id == axis.id), Decimal(0))
        assert by_axis[axis.id] == own
    assert sum(by_axis.values(), Decimal(0)) + comparison.unassigned == total
    assert sum(comparison.by_source().values(), Decimal(0)) == total
    assert sum(amount for _, amount in comparison.by_region().values()) == total
    assert sum(comparison.by_year().values(), Decimal(0)) == total
    assert sum(comparison.by_status().values(), Decimal(0)) == total
    for year, amount in comparison.by_year().items():
        assert amount == sum(
            (y.amount for f in facts for y in f.by_year if y.year == year), Decimal(0)
        )


def test_the_tables_totals_are_the_same_sum(comparison: Comparison) -> None:
    tables = comparison_tables(comparison, load_catalog())
    total = comparison.total
    keys = ("axis_budget", "source_budget", "status_budget", "year_budget", "region_budget")
    for key in ("plans", *keys):
        table = tables[key]
        assert table.total is not None and total in table.total, key
        column = next(i for i, c in enumerate(table.columns) if c.type == "number")
        amounts = [r[column] for r in table.rows]
        assert sum((a for a in amounts if isinstance(a, Decimal)), Decimal(0)) == total


def test_coverage_says_primary_or_secondary_in_words(comparison: Comparison) -> None:
    tables = comparison_tables(comparison, load_catalog())
    facts = _facts()
    actions = tables["actions"]
    assert len(actions.rows) == len(facts)
    for row, f in zip(actions.rows, facts, strict=True):
        for a in f.actions:
            expected = {"primary": "principale", "secondary": "secondaria", None: None}
            assert row[a.number] == expected[a.coverage]


def test_open_fields_for_adoption_are_listed_per_plan(comparison: Comparison) -> None:
    tables = comparison_tables(comparison, load_catalog())
    drafts = [f for f in _facts() if f.open_count]
    assert [r[2] for r in tables["adoption"].rows] == [f.open_count for f in drafts]


def test_funds_after_their_deadline_are_at_risk(tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0]["end"] = "2027-06"
    data["measures"][0]["budget"] = [{"amount": 1000, "source": "pnrr-m5c2-i2.2"}]
    source = write_plan(tmp_path / "piano.yaml", data)
    comparison = compare_plans([source])
    risk = comparison_tables(comparison, load_catalog())["risk"]
    assert [r[:4] for r in risk.rows] == [
        ("Saluzzo", "M1", "PNRR M5C2 Investimento 2.2.a", Decimal(1000))
    ]
    assert "30 giugno 2026" in str(risk.rows[0][4])


def test_funds_of_another_region_are_at_risk(tmp_path: Path) -> None:
    data = minimal_plan()  # Saluzzo, Piemonte
    data["measures"][0]["budget"] = [
        {"amount": 500, "source": "supreme2"},
        {"amount": 700, "source": "fnpm"},
    ]
    comparison = compare_plans([write_plan(tmp_path / "piano.yaml", data)])
    risk = comparison_tables(comparison, load_catalog())["risk"]
    assert [r[:4] for r in risk.rows] == [("Saluzzo", "M1", "Su.Pr.Eme.2", Decimal(500))]
    assert "Piemonte" in str(risk.rows[0][4])
    assert risk.total is not None and risk.total[3] == Decimal(500)


def test_two_versions_of_one_plan_are_compared_once(cli: Cli, tmp_path: Path) -> None:
    """A folder with «piano-v1.yaml» and «piano-v2.yaml» of the same Comune and start:
    the second is listed apart, as ``incas export`` does, and its money is not added."""
    first = minimal_plan()
    first["measures"][0]["budget"] = [{"amount": 1000, "source": "fnpm"}]
    second = minimal_plan()
    second["plan"]["version"] = "0.2"
    second["measures"][0]["budget"] = [{"amount": 3000, "source": "fnpm"}]
    sources = [
        write_plan(tmp_path / "piano-v1.yaml", first),
        write_plan(tmp_path / "piano-v2.yaml", second),
    ]
    with compare_plans(sources) as comparison:
        assert comparison.total == Decimal(1000)
        tables = comparison_tables(comparison, load_catalog())
        assert [r[0] for r in tables["plans"].rows] == ["Saluzzo"]
        rejected = list(tables["rejected"].rows)
    assert [Path(str(r[0])).name for r in rejected] == ["piano-v2.yaml"]
    assert "piano-v1.yaml" in str(rejected[0][1]) and "stesso Comune" in str(rejected[0][1])

    result = cli("plan", "compare", str(tmp_path), "-o", str(tmp_path / "confronto.docx"))
    assert "piani confrontati 1; lasciati fuori, elencati a parte: 1" in result.output


def test_the_command_writes_a_document_and_lists_invalid_plans_apart(
    cli: Cli, tmp_path: Path
) -> None:
    broken = minimal_plan()
    broken["measures"][0]["needs"] = ["N9"]
    bad = write_plan(tmp_path / "rotto.yaml", broken)
    out = tmp_path / "confronto.docx"
    result = cli("plan", "compare", *map(str, example_files()), str(bad), "-o", str(out))
    assert result.exit_code == 3, result.output
    assert "rotto.yaml" in result.stdout and "UNKNOWN_NEED" in result.stdout
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Confronto dei Piani locali multisettoriali" in text
    assert "Piani non confrontati" in text
    # the legend says what the symbols mean, like the plan's, not how a PDF is tagged
    assert "Legenda: ● azione (o asse) coperta come principale" in text
    assert "nel PDF" not in text and "dal solo colore" not in text
    again = cli("plan", "compare", *map(str, example_files()), "-o", str(out))
    assert again.exit_code == 2


def test_the_workbook_has_the_same_tables_with_numbers(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "confronto.xlsx"
    result = cli("plan", "compare", *map(str, example_files()), "-o", str(out))
    assert result.exit_code == 0, result.output
    book = load_workbook(out, read_only=True)
    assert "piani" in book.sheetnames and "budget-assi" in book.sheetnames
    rows = list(book["piani"].iter_rows(values_only=True))
    assert rows[0][0] == "Comune" and len(rows) == len(example_files()) + 2
    total = sum((f.total for f in _facts()), Decimal(0))
    assert Decimal(str(rows[-1][5])) == total


@pytest.mark.office
def test_the_comparison_as_pdf(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "confronto.pdf"
    result = cli("plan", "compare", *map(str, example_files()), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
