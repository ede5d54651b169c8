"""``incas export``: open-data tables that a Frictionless validator accepts, whose foreign
keys resolve, with no contact data, written whole, and plans left out listed apart."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from incas_cli.export.tables import TABLES
from tests.conftest import Cli
from tests.helpers import example_files, minimal_plan, write_plan
from tests.strategies import examples, valid_plans

CANARY = {
    "person": "Mariella Canarina",
    "email": "canarino@example.invalid",
    "phone": "+39 0175 999 111",
}


def _frictionless() -> Any:
    return pytest.importorskip(
        "frictionless", reason="needs frictionless (pip install -e '.[dev]'; CI installs it)"
    )


def _validate(folder: Path) -> None:
    frictionless = _frictionless()
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def _read_csv(path: Path, *, excel: bool = False) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig" if excel else "utf-8")
    return list(csv.reader(io.StringIO(text), delimiter=";" if excel else ","))


def _foreign_keys_resolve(folder: Path) -> int:
    """Every foreign key of the package points at a row that exists; returns how many."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for resource in package["resources"]:
        rows = _read_csv(folder / resource["path"])
        tables[resource["name"]] = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    checked = 0
    for resource in package["resources"]:
        for fk in resource["schema"].get("foreignKeys", []):
            ref = fk["reference"]
            targets = {tuple(r[f] for f in ref["fields"]) for r in tables[ref["resource"]]}
            for row in tables[resource["name"]]:
                values = tuple(row[f] for f in fk["fields"])
                if all(values):
                    assert values in targets, (resource["name"], fk, values)
                    checked += 1
    return checked


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "dati"
    result = Cli()("export", *map(str, example_files()), "-o", str(out), "--publisher", "ANCI")
    assert result.exit_code == 0, result.output
    return out


def test_every_example_exports_as_a_valid_data_package(exported: Path) -> None:
    _validate(exported)
    names = {p.name for p in exported.iterdir()}
    assert {f"{t.name}.csv" for t in TABLES} | {"datapackage.json", "dcat-ap_it.jsonld"} == names


def test_every_foreign_key_resolves(exported: Path) -> None:
    assert _foreign_keys_resolve(exported) > 100


def test_plans_table_has_one_row_per_plan_with_its_key_and_total(exported: Path) -> None:
    from decimal import Decimal

    from incas_cli.catalog import load_catalog
    from incas_cli.facts import plan_facts
    from incas_cli.io import load_yaml
    from incas_cli.models import Plan

    rows = _read_csv(exported / "plans.csv")
    header, body = rows[0], rows[1:]
    by_key = {r[0]: dict(zip(header, r, strict=True)) for r in body}
    assert len(body) == len(example_files())
    saluzzo = Plan.model_validate(load_yaml(example_files()[2]).plain())
    row = by_key[f"{saluzzo.comune.istat_code}-{saluzzo.plan.period.start}"]  # type: ignore[union-attr]
    assert row["comune"] == "Saluzzo"
    assert Decimal(row["total_budget"]) == plan_facts(saluzzo, load_catalog()).total
    lines = _read_csv(exported / "budget_lines.csv")
    amounts = [dict(zip(lines[0], r, strict=True)) for r in lines[1:]]
    plan_key = row["plan"]
    total = sum(Decimal(a["amount"] or 0) for a in amounts if a["plan"] == plan_key)
    assert total == Decimal(row["total_budget"])


def test_the_dcat_description_names_the_licence_and_the_publisher(exported: Path) -> None:
    dcat = json.loads((exported / "dcat-ap_it.jsonld").read_text(encoding="utf-8"))
    assert "dcatapit:Dataset" in dcat["@type"]
    assert dcat["dct:publisher"]["foaf:name"] == "ANCI"
    licences = {d["dct:license"]["@id"] for d in dcat["dcat:distribution"]}
    assert licences == {"http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"}
    assert len(dcat["dcat:distribution"]) == len(TABLES)
    assert {s["dcatapit:geographicalIdentifier"] for s in dcat["dct:spatial"]} >= {"004203"}


@pytest.mark.parametrize("options", [("--format", "xlsx"), ("--format", "json"), ("--excel",)])
def test_other_formats_are_valid_data_packages(
    cli: Cli, tmp_path: Path, options: tuple[str, ...]
) -> None:
    out = tmp_path / "dati"
    result = cli("export", *map(str, example_files()), "-o", str(out), "--publisher", "X", *options)
    assert result.exit_code == 0, result.output
    _validate(out)


def test_the_workbook_holds_no_clock(cli: Cli, tmp_path: Path) -> None:
    """The same plans give the same workbook, whenever it is written: no entry time, no
    creation or modification date from the clock."""
    import zipfile

    source = str(example_files()[0])
    assert cli("export", source, "-o", str(tmp_path / "a"), "--format", "xlsx").exit_code == 0
    with zipfile.ZipFile(tmp_path / "a" / "dati.xlsx") as book:
        assert {info.date_time for info in book.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = book.read("docProps/core.xml")
        assert b"dcterms:created" not in core and b"dcterms:modified" not in core
        assert "plans" in book.read("xl/workbook.xml").decode()


def test_excel_csv_has_bom_semicolons_and_decimal_comma(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "dati"
    assert cli("export", str(example_files()[2]), "-o", str(out), "--excel").exit_code == 0
    raw = (out / "plans.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfplan;istat_code;")
    row = _read_csv(out / "plans.csv", excel=True)[1]
    assert "3359747,15" in row


def test_a_seasonal_measure_exports_its_months(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0]["months"] = [10, 6, 7]
    plan = write_plan(tmp_path / "piano.yaml", data)
    out = tmp_path / "dati"
    assert cli("export", str(plan), "-o", str(out)).exit_code == 0
    rows = _read_csv(out / "measures.csv")
    assert rows[1][rows[0].index("months")] == "6,7,10"
    _validate(out)


def test_money_columns_always_have_two_decimals(cli: Cli, tmp_path: Path) -> None:
    """An amount written ``60000`` in one line and ``90000.5`` in another reads the same way
    in every row of the export: euro with cents."""
    data = minimal_plan()
    data["measures"][0]["budget"] = [
        {"amount": 60000, "source": "fnpm", "year": 2025},
        {"amount": "90000.5", "source": "bilancio-comunale", "year": 2026},
    ]
    plan = write_plan(tmp_path / "piano.yaml", data)
    out = tmp_path / "dati"
    assert cli("export", str(plan), "-o", str(out)).exit_code == 0
    lines = _read_csv(out / "budget_lines.csv")
    amounts = [row[lines[0].index("amount")] for row in lines[1:]]
    assert amounts == ["60000.00", "90000.50"]
    plans = _read_csv(out / "plans.csv")
    assert plans[1][plans[0].index("total_budget")] == "150000.50"


def test_no_contact_data_in_any_exported_file(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["stakeholders"][1]["contact"] = CANARY
    data["stakeholders"][1]["power"] = 4
    source = write_plan(tmp_path / "piano.yaml", data)
    for fmt in ("csv", "xlsx", "json"):
        out = tmp_path / fmt
        assert cli("export", str(source), "-o", str(out), "--format", fmt).exit_code == 0
        for path in out.iterdir():
            content = path.read_bytes()
            if fmt == "xlsx" and path.suffix == ".xlsx":
                content = _xlsx_text(path).encode("utf-8")
            for value in CANARY.values():
                assert value.encode("utf-8") not in content, (path.name, value)
            assert b"canarino" not in content.lower()
    header = _read_csv(tmp_path / "csv" / "organisations.csv")[0]
    assert not {"contact", "person", "email", "phone", "power", "interest"} & set(header)


def _xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return "\n".join(
        str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
    )


def test_invalid_plans_are_listed_apart_with_their_first_error(cli: Cli, tmp_path: Path) -> None:
    good = write_plan(tmp_path / "buono.yaml", minimal_plan())
    broken = minimal_plan()
    broken["measures"][0]["lead"] = "nessuno"
    bad = write_plan(tmp_path / "rotto.yaml", broken)
    result = cli("export", str(good), str(bad), "-o", str(tmp_path / "out"), "--publisher", "A")
    assert result.exit_code == 3
    assert "rotto.yaml" in result.stdout and "UNKNOWN_STAKEHOLDER" in result.stdout
    assert "Piani esportati: 1, rapporti di monitoraggio: 0, su 2 file" in result.stderr
    assert len(_read_csv(tmp_path / "out" / "plans.csv")) == 2


def test_a_second_plan_with_the_same_key_is_listed_apart(cli: Cli, tmp_path: Path) -> None:
    first = write_plan(tmp_path / "a.yaml", minimal_plan())
    second = write_plan(tmp_path / "b.yaml", minimal_plan())
    result = cli("export", str(first), str(second), "-o", str(tmp_path / "o"), "--publisher", "A")
    assert result.exit_code == 3
    assert "004203-2025-01" in result.stdout


def test_existing_files_are_kept_without_force(cli: Cli, tmp_path: Path) -> None:
    source = write_plan(tmp_path / "piano.yaml", minimal_plan())
    out = tmp_path / "out"
    assert cli("export", str(source), "-o", str(out)).exit_code == 0
    before = (out / "plans.csv").read_bytes()
    again = cli("export", str(source), "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.stderr
    assert (out / "plans.csv").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert cli("export", str(source), "-o", str(out), "--force").exit_code == 0


def test_many_files_need_a_publisher(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", *map(str, example_files()), "-o", str(tmp_path / "o"))
    assert result.exit_code == 2 and "--publisher" in result.stderr
    # a blank name is no publisher: refused, not written as «   » in the DCAT description
    blank = cli("export", *map(str, example_files()), "-o", str(tmp_path / "b"), "--publisher", " ")
    assert blank.exit_code == 2 and "--publisher" in blank.stderr
    assert not (tmp_path / "b" / "dcat-ap_it.jsonld").exists()
    one = cli("export", str(example_files()[0]), "-o", str(tmp_path / "u"), "--publisher", "  ")
    assert one.exit_code == 0, one.output
    dcat = json.loads((tmp_path / "u" / "dcat-ap_it.jsonld").read_text(encoding="utf-8"))
    assert dcat["dct:publisher"]["foaf:name"].strip()  # the Comune, as without --publisher


@pytest.mark.slow
def test_two_jobs_write_the_same_files_as_one(cli: Cli, tmp_path: Path) -> None:
    args = [*map(str, example_files()), "--publisher", "A"]
    assert cli("export", *args, "-o", str(tmp_path / "one"), "--jobs", "1").exit_code == 0
    assert cli("export", *args, "-o", str(tmp_path / "two"), "--jobs", "2").exit_code == 0
    for path in (tmp_path / "one").iterdir():
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


@settings(max_examples=examples(8), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=valid_plans())
def test_held_out_plans_export_as_valid_data_packages(
    tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any]
) -> None:
    from incas_cli.export import ExportOptions, export_plans

    _frictionless()
    folder = tmp_path_factory.mktemp("held-out")
    source = write_plan(folder / "piano.yaml", data)
    result = export_plans([source], ExportOptions(folder / "out"))
    assert result.exported == 1, [r.message for r in result.rejected]
    _validate(folder / "out")
    _foreign_keys_resolve(folder / "out")


@pytest.mark.office(calc=True)
def test_the_xlsx_opens_in_libreoffice_with_the_rows_of_the_csv(cli: Cli, tmp_path: Path) -> None:
    files = [*map(str, example_files()), "--publisher", "A"]
    assert cli("export", *files, "-o", str(tmp_path / "csv")).exit_code == 0
    assert cli("export", *files, "-o", str(tmp_path / "x"), "--format", "xlsx").exit_code == 0
    from incas_cli.publish import find_soffice

    soffice = find_soffice()
    assert soffice is not None
    converted = tmp_path / "converted"
    # every sheet to its own CSV (the -1 of the filter's options), UTF-8 (76), comma (44)
    subprocess.run(
        [
            str(soffice),
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(converted),
            str(tmp_path / "x" / "dati.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for spec in TABLES:
        expected = _read_csv(tmp_path / "csv" / f"{spec.name}.csv")
        got = _read_csv(converted / f"dati-{spec.name}.csv")
        assert [_office_row(r) for r in got] == [_office_row(r) for r in expected], spec.name
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def _office_row(row: list[str]) -> list[str]:
    """A row as LibreOffice writes it with its default (US) locale: ``150000`` for
    ``150000.00``, dates (typed cells) as ``11/28/2023``, booleans as ``TRUE``."""
    import re

    out = []
    for value in row:
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value):
            value = f"{m[3]}-{int(m[1]):02d}-{int(m[2]):02d}"
        if value in ("TRUE", "FALSE"):  # a boolean cell
            value = value.lower()
        if value.replace(".", "", 1).isdigit() and "." in value:
            value = value.rstrip("0").rstrip(".")
        out.append(value)
    return out


def test_an_interrupted_export_leaves_no_file(tmp_path: Path) -> None:
    from incas_cli.export import ExportOptions, PlanRecord, export_plans

    def stop(record: PlanRecord) -> None:
        raise KeyboardInterrupt

    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        export_plans(example_files(), ExportOptions(out, fmt="xlsx"), on_record=stop)
    assert list(out.iterdir()) == []


def test_no_valid_plan_writes_no_file(cli: Cli, tmp_path: Path) -> None:
    broken = minimal_plan()
    broken["measures"][0]["lead"] = "nessuno"
    bad = write_plan(tmp_path / "rotto.yaml", broken)
    result = cli("export", str(bad), "-o", str(tmp_path / "out"))
    assert result.exit_code == 3
    assert "Nessun piano esportato su 1 file" in result.stderr
    assert list((tmp_path / "out").iterdir()) == []


REPORT = Path(__file__).resolve().parent.parent / "examples" / "monitoraggio" / "saluzzo-2024.yaml"


def test_monitoring_reports_given_as_files_are_exported_with_their_plan(
    cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "dati"
    files = [*map(str, example_files()), str(REPORT)]
    result = cli("export", *files, "-o", str(out), "--publisher", "A")
    assert result.exit_code == 0, result.output
    assert "rapporti di monitoraggio: 1" in result.stderr
    values = _read_csv(out / "monitoring_values.csv")
    measures = _read_csv(out / "monitoring_measures.csv")
    assert len(values) > 1 and len(measures) > 1
    assert {row[0] for row in measures[1:]} == {"004203-2024-01"}
    _validate(out)
    _foreign_keys_resolve(out)


def test_one_plan_with_its_report_is_the_comune_s_own_data(cli: Cli, tmp_path: Path) -> None:
    """A plan and its monitoring report need no --publisher: the Comune publishes them, as
    it does the plan alone."""
    out = tmp_path / "dati"
    plan = REPORT.parent.parent / "saluzzo.yaml"
    result = cli("export", str(plan), str(REPORT), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "rapporti di monitoraggio: 1" in result.stderr
    assert result.stdout == ""  # the files written: a message about the work
    dcat = json.loads((out / "dcat-ap_it.jsonld").read_text(encoding="utf-8"))
    assert dcat["dct:publisher"]["foaf:name"] == "Comune di Saluzzo"


def test_a_report_without_its_plan_is_listed_apart(cli: Cli, tmp_path: Path) -> None:
    files = [str(REPORT), str(example_files()[1])]
    out = str(tmp_path / "o")
    result = cli("export", *files, "-o", out, "--publisher", "A", env={"COLUMNS": "400"})
    assert result.exit_code == 3
    assert "saluzzo-2024.yaml" in result.stdout and "004203-2024-01" in result.stdout
