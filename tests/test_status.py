"""`incas plan status`: exact counts on the examples and on drafts with known open fields."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from incas_cli.cli.status import print_status, print_summary
from incas_cli.status import plan_status, plan_statuses
from tests.conftest import Cli
from tests.helpers import EXAMPLES, minimal_plan, write_plan

DRAFT = EXAMPLES / "bozza-iniziale.yaml"
SALUZZO = EXAMPLES / "saluzzo.yaml"
SIRACUSA = EXAMPLES / "siracusa.yaml"


def _json(cli: Cli, *files: Path) -> dict[str, Any]:
    result = cli("plan", "status", "--json", *map(str, files))
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 0, err
    report: dict[str, Any] = json.loads(out)
    return report


def _render(printer: Any, value: Any) -> str:
    console = Console(width=80, file=io.StringIO(), no_color=True, highlight=False)
    printer(value, console)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(text, str)
    return text


def _assert_fits(text: str, width: int = 80) -> None:
    for line in text.splitlines():
        assert len(line.rstrip()) <= width, line


# --- the draft example -------------------------------------------------------------------


def test_draft_example_counts(cli: Cli) -> None:
    entry = _json(cli, DRAFT)["files"][0]
    assert entry["readable"] is True
    assert entry["valid"] is True
    assert entry["ready_for_final"] is False
    # warnings: a figure without its source, a measure that serves no specific objective
    assert (entry["errors"], entry["warnings"], entry["final_errors"]) == (0, 2, 54)
    assert entry["open_fields_total"] == 52
    assert [(s["section"], s["filled"], s["open"]) for s in entry["sections"]] == [
        ("plan", 8, 0),
        ("comune", 4, 0),
        ("context", 8, 2),  # the workforce, the analysis of the phenomenon
        ("stakeholders", 47, 23),
        ("relations", 4, 0),
        ("governance", 6, 0),
        ("organization", 3, 1),  # the manager
        ("needs", 29, 0),
        ("strategy", 6, 1),  # the general objective
        ("measures", 39, 24),
        ("monitoring", 0, 1),
        ("process", 9, 0),
    ]
    first, last = entry["open_fields"][0], entry["open_fields"][-1]
    assert first == {
        "path": "context.workforce",
        "kind": "context.workforce",
        "label": "forza lavoro",
        "section": "context",
        "line": 37,
        "column": 3,
    }
    assert last["path"] == "monitoring"
    assert [o["path"] for o in entry["open_fields"] if o["line"] == 187] == [
        "measures[1].description",
        "measures[1].objective",
        "measures[1].start",
        "measures[1].end",
        "measures[1].budget",
        "measures[1].indicators",
    ]
    assert entry["coverage"] == {
        "national_plan": "piano-triennale-2020-2022",
        "actions": {
            "covered": [1, 5, 6, 8, 9, 10],
            "uncovered": [2, 3, 4, 7],
            "secondary_only": [1, 10],
        },
        "axes": {
            "covered": [
                "prevenzione",
                "vigilanza-contrasto",
                "protezione-assistenza",
                "reintegrazione",
            ],
            "uncovered": [],
        },
    }
    assert entry["budget"] == {
        "currency": "EUR",
        "total": "0.00",
        "by_source": [],
        "lines_without_amount": 0,
    }
    assert entry["plan"] == {
        "title": (
            "Piano Locale Multisettoriale contro lo sfruttamento lavorativo in agricoltura - Acate"
        ),
        "comune": "Acate",
        "istat_code": "088001",
        "status": "bozza",
        "version": "0.2",
    }


def test_draft_example_text_in_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    # the path as a user types it (relative): an absolute checkout path of any length
    # would wrap differently at 80 columns
    monkeypatch.chdir(DRAFT.parent)
    name = Path(DRAFT.name)
    text = _render(print_status, plan_status(name))
    _assert_fits(text)
    assert f"{name}: Acate (RG), bozza, versione 0.2" in text
    assert "Campi aperti (52)" in text
    assert f"{name}:37:3" in text and "forza lavoro context.workforce" in text
    assert "analisi del fenomeno context.phenomenon" in text
    assert "Problemi: bloccanti 0, non bloccanti 2" in text
    assert "Pronto per --final: no (problemi bloccanti con --final: 54;" in text
    assert "OPEN_FIELD 42" in text and "MEASURE_WITHOUT_OBJECTIVE 1" in text
    assert "Azioni prioritarie coperte: 6 su 10" in text
    assert "scoperta: azione 7, Campagna di comunicazione e sensibilizzazione" in text
    assert "solo come azione secondaria: azione 10, Reinserimento" in text
    assert "Assi coperti: 4 su 4" in text
    assert "Budget: nessun importo indicato." in text


# --- the complete examples ---------------------------------------------------------------


def test_complete_example_is_ready_for_final() -> None:
    status = plan_status(SALUZZO)
    assert status.ready_for_final
    assert status.open_count == 0
    assert all(s.open == 0 and s.percent == 100 for s in status.sections)
    assert status.coverage is not None
    assert status.coverage.uncovered_actions == () and status.coverage.uncovered_axes == ()
    assert status.budget_total == Decimal("3359747.15")
    assert [(b.source, b.amount) for b in status.budget][:2] == [
        ("pnrr-m5c2-i2.2", Decimal("1693747.15")),
        ("regione", Decimal("550000.00")),
    ]
    assert sum((b.amount for b in status.budget), Decimal(0)) == status.budget_total
    text = _render(print_status, status)
    _assert_fits(text)
    assert "Pronto per --final: sì" in text
    assert "Campi aperti: nessuno." in text
    assert "PNRR M5C2 Investimento 2.2.a" in text
    assert "1.693.747,15\xa0€" in text
    assert "3.359.747,15\xa0€" in text


def test_budget_json_is_exact_decimal(cli: Cli) -> None:
    entry = _json(cli, SIRACUSA)["files"][0]
    assert entry["ready_for_final"] is True
    assert entry["budget"]["total"] == "3380000.00"
    amounts = [Decimal(b["amount"]) for b in entry["budget"]["by_source"]]
    assert sum(amounts) == Decimal("3380000.00")
    assert amounts == sorted(amounts, reverse=True)


# --- drafts with known open fields ----------------------------------------------------------


def test_minimal_draft_open_fields(cli: Cli, tmp_path: Path) -> None:
    path = write_plan(tmp_path / "piano.yaml", minimal_plan())
    entry = _json(cli, path)["files"][0]
    by_section = {s["section"]: s["open"] for s in entry["sections"]}
    assert by_section == {
        "plan": 2,  # version, office
        "comune": 2,  # province, region
        "context": 1,
        "stakeholders": 8,  # 2 x (role, power, interest, engagement)
        "relations": 0,
        "governance": 1,
        "organization": 1,  # the manager, required for adoption
        "needs": 1,  # description
        "strategy": 2,  # general objective, specific objectives
        "measures": 4,  # description, objective, budget, indicators
        "monitoring": 1,
        "process": 0,  # nothing open, nothing written: «ancora vuota» in the table
    }
    assert entry["open_fields_total"] == 23
    table = cli("plan", "status", str(path)).stdout
    assert re.search(r"Percorso\s+0\s+0\s+ancora vuota", table), table
    lines = path.read_text(encoding="utf-8").splitlines()
    role = next(o for o in entry["open_fields"] if o["path"] == "stakeholders[1].role")
    assert lines[role["line"] - 1].strip() == "- id: caritas"


def test_draft_from_init_then_filled_in(cli: Cli, tmp_path: Path) -> None:
    assert cli("plan", "init", "p.yaml", "--comune", "Saluzzo", cwd=tmp_path).exit_code == 0
    path = tmp_path / "p.yaml"
    # with the period open, and the phenomenon, the manager, the general and specific objectives
    assert _json(cli, path)["files"][0]["open_fields_total"] == 41
    text = path.read_text(encoding="utf-8")
    text = text.replace("    start: ", "    start: 2025-01", 1)
    text = text.replace("  office:  ", "  office: Servizi sociali  ", 1)
    path.write_text(text, encoding="utf-8")
    entry = _json(cli, path)["files"][0]
    assert entry["open_fields_total"] == 39
    assert {s["section"]: s["open"] for s in entry["sections"]}["plan"] == 1


def test_broken_structure_is_reported_not_measured(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    del data["plan"]["title"]
    path = write_plan(tmp_path / "rotto.yaml", data)
    entry = _json(cli, path)["files"][0]
    assert entry["plan"] is None
    assert entry["valid"] is False and entry["ready_for_final"] is False
    assert entry["errors"] == 1
    assert entry["findings"][0]["code"] == "MISSING_FIELD"
    assert "sections" not in entry
    text = _render(print_status, plan_status(path))
    assert "La struttura del file non è valida" in text
    assert "plan.title" in text


def test_findings_come_with_what_to_do(cli: Cli, tmp_path: Path) -> None:
    """A facilitator reading ``plan status`` on a mistyped key gets the suggestion that
    ``plan validate`` gives, not only the complaint."""
    data = minimal_plan()
    data["stakeholder"] = data.pop("stakeholders")
    path = write_plan(tmp_path / "refuso.yaml", data)
    result = cli("plan", "status", path.name, cwd=tmp_path)
    assert "[UNKNOWN_KEY] stakeholder: chiave sconosciuta" in result.stdout
    assert "suggerimento: forse intendevi «stakeholders»?" in result.stdout, result.stdout
    # a readable draft: each warning's hint once
    result = cli("plan", "status", str(DRAFT))
    assert "[DATA_WITHOUT_SOURCE]" in result.stdout
    assert "suggerimento: aggiungi «source:»" in result.stdout, result.stdout


# --- several files --------------------------------------------------------------------------


def test_summary_of_several_files_in_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    files = [Path("examples") / p.name for p in (DRAFT, SALUZZO, SIRACUSA)]
    statuses = plan_statuses([*files, Path("manca.yaml")])
    text = _render(print_summary, statuses)
    _assert_fits(text)
    # file names are shortened to what tells them apart, so rows stay on one line
    rows = [
        line
        for line in text.splitlines()
        if line.startswith(("bozza-", "saluzzo", "siracusa", "manca"))
    ]
    assert len(rows) == 4
    assert any("saluzzo.yaml" in r and "10/10" in r and "3.359.747,15" in r for r in rows)
    assert any("siracusa.yaml" in r and "sì" in r for r in rows)
    draft_row = next(r for r in rows if "bozza-" in r)
    assert draft_row.split()[1:8] == ["52", "0", "2", "6/10", "4/4", "0,00", "€"]
    assert "illeggibile" in text


def test_several_files_through_the_cli(cli: Cli, tmp_path: Path) -> None:
    result = cli("plan", "status", str(DRAFT), str(SALUZZO), env={"COLUMNS": "80"})
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 0, err
    assert "Stato dei piani" in out
    assert "\x1b[" not in out
    result = cli("plan", "status", str(SALUZZO), str(tmp_path / "manca.yaml"))
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 1
    assert "manca.yaml: errore: file non trovato" in err


def test_folder_input(cli: Cli) -> None:
    report = _json(cli, EXAMPLES)
    names = [Path(f["file"]).name for f in report["files"]]
    assert names == sorted(p.name for p in EXAMPLES.glob("*.yaml"))
    assert all(f["readable"] for f in report["files"])


def test_unreadable_file_json(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "piano.yaml"
    path.write_text("plan: [\n", encoding="utf-8")
    result = cli("plan", "status", "--json", str(path))
    code, out = result.exit_code, result.stdout
    assert code == 1
    entry = json.loads(out)["files"][0]
    assert entry["readable"] is False
    assert set(entry) == {"file", "readable", "error"}
    assert entry["error"]["line"] == 2


@pytest.mark.parametrize("path", [DRAFT, SALUZZO], ids=lambda p: p.name)
def test_json_contract(cli: Cli, path: Path) -> None:
    entry = _json(cli, path)["files"][0]
    assert set(entry) == {
        "file",
        "readable",
        "valid",
        "ready_for_final",
        "errors",
        "warnings",
        "final_errors",
        "findings",
        "plan",
        "open_fields_total",
        "sections",
        "open_fields",
        "coverage",
        "budget",
    }
    assert all(
        set(s) == {"section", "label", "filled", "open", "percent"} for s in entry["sections"]
    )
    assert set(entry["budget"]) == {"currency", "total", "by_source", "lines_without_amount"}


def test_budget_by_source_with_free_text_and_open_amounts(tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0]["budget"] = [
        {"amount": Decimal("1000.50"), "source": "fnpm"},
        {"amount": 200, "source": "Fondazione locale"},
        {"source": "fnpm"},
        {"amount": Decimal("99.50")},
    ]
    status = plan_status(write_plan(tmp_path / "p.yaml", data))
    assert [(b.source, b.label, b.amount, b.lines) for b in status.budget] == [
        ("fnpm", "FNPM", Decimal("1000.50"), 1),
        ("Fondazione locale", "Fondazione locale", Decimal("200"), 1),
        ("", "(fonte da indicare)", Decimal("99.50"), 1),
    ]
    assert status.budget_total == Decimal("1300.00")
    assert status.budget_lines_without_amount == 1
    # the open amount and the open source are open fields of the measures section
    assert [o.field.path for o in status.open_fields if "budget[" in o.field.path] == [
        "measures[0].budget[2].amount",
        "measures[0].budget[3].source",
    ]
    text = _render(print_status, status)
    assert "1.300,00\xa0€" in text
    assert "Voci di budget senza importo: 1" in text


def test_unknown_national_plan_has_no_coverage(tmp_path: Path) -> None:
    data = minimal_plan()
    data["plan"]["national_plan"] = "piano-2030"
    status = plan_status(write_plan(tmp_path / "p.yaml", data))
    assert status.coverage is None
    assert [f.code for f in status.errors] == ["UNKNOWN_NATIONAL_PLAN"]
    text = _render(print_status, status)
    assert "non calcolabile (piano nazionale sconosciuto)" in text
    assert "[UNKNOWN_NATIONAL_PLAN]" in text
