"""The v1 additions (strategy, organisation, the phenomenon and its figures, partner Comuni,
sustainability, budget years, statuses, CUP, in-kind lines, indicator ids): every field
written in a plan shows in the document (read back from the .docx), in ``plan status``
and, when it changes, in ``plan diff``; a file without them renders as before."""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from incas_cli import formats as fmt
from incas_cli.render import RenderOptions, render_docx
from tests.conftest import Cli
from tests.helpers import minimal_plan, write_plan
from tests.render_support import plan_from


def full_plan() -> dict[str, Any]:
    """A small draft with every v1 addition written."""
    data = minimal_plan()
    data["comune"]["partners"] = [
        {
            "name": "Lagnasco",
            "istat_code": "004104",
            "role": "ospita dieci posti di accoglienza diffusa",
            "adhesion": {"organ": "consiglio", "number": "17", "date": "2025-02-11"},
        }
    ]
    data["context"] = {
        "phenomenon": "Intermediazione illecita nella raccolta dei mirtilli.",
        "data": [
            {
                "label": "Aziende agricole ispezionate",
                "value": 120,
                "unit": "aziende",
                "year": 2024,
                "source": "ITL di Cuneo",
                "topic": "vigilanza",
            }
        ],
        "gender": "Le braccianti alloggiate in azienda sono esposte a ricatti.",
    }
    data["stakeholders"][1]["commitments"] = "mette a disposizione la mensa serale"
    data["organization"] = {
        "manager": "Dirigente Area Servizi sociali",
        "offices": [{"name": "Polizia locale", "tasks": "controlli sugli alloggi"}],
        "reporting": "relazione semestrale alla Giunta",
    }
    data["strategy"] = {
        "general_objective": "Lavoro agricolo dignitoso nel distretto.",
        "specific_objectives": [{"id": "OS1", "text": "Alloggi dignitosi", "axis": "prevenzione"}],
    }
    measure = data["measures"][0]
    measure["specific_objectives"] = ["OS1"]
    measure["sustainability"] = "La gestione passa al bilancio ordinario dei servizi sociali."
    measure["budget"] = [
        {
            "amount": "120000.00",
            "source": "fnpm",
            "year": 2025,
            "status": "assicurato",
            "cup": "J71B22000330006",
        },
        {"amount": "30000.00", "source": "regione", "year": 2026, "status": "da-reperire"},
        {"amount": "5000.00", "source": "privati", "status": "richiesto"},
        {"amount": 0, "source": "Caritas diocesana", "note": "volontari per la sera"},
    ]
    measure["indicators"] = [{"id": "M1-posti", "name": "posti letto attivati", "target": 20}]
    return data


def _docx_text(data: dict[str, Any]) -> str:
    from docx import Document

    document = Document(io.BytesIO(render_docx(plan_from(data), RenderOptions())))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_every_new_field_is_in_the_document() -> None:
    text = _docx_text(full_plan())
    for expected in (
        # the phenomenon, its figures with value, unit, year and source, gender
        "Analisi del fenomeno",
        "Intermediazione illecita nella raccolta dei mirtilli.",
        "Aziende agricole ispezionate",
        "aziende",
        "2024",
        "ITL di Cuneo",
        "Vigilanza",
        "Le braccianti alloggiate in azienda sono esposte a ricatti.",
        # strategy: general objective, the specific objective with the measure serving it
        "Lavoro agricolo dignitoso nel distretto.",
        "OS1 – Alloggi dignitosi",
        "Asse 1 – Prevenzione",
        # organisation
        "Dirigente Area Servizi sociali",
        "Polizia locale",
        "controlli sugli alloggi",
        "relazione semestrale alla Giunta",
        # partner Comuni
        "ospita dieci posti di accoglienza diffusa",
        "Delibera del Consiglio comunale n. 17 dell'11 febbraio 2025",
        # commitments (the network's table of actors), the measure card's sustainability
        "mette a disposizione la mensa serale",
        "La gestione passa al bilancio ordinario dei servizi sociali.",
        # budget: year, status, CUP, in kind, by year with «non ripartito», by status
        "J71B22000330006",
        "Assicurato",
        "Da reperire",
        "Richiesto",
        "contributo in natura",
        "volontari per la sera",
        "Non ripartito",
        "Risorse per anno di bilancio",
        "Risorse per fonte e stato del finanziamento",
        fmt.money(Decimal("120000.00")),
    ):
        assert expected in text, expected


def test_a_measure_funded_only_in_kind_says_so() -> None:
    from incas_cli.catalog import load_catalog
    from incas_cli.document.model import Table, plain, walk
    from incas_cli.document.outline import plan_document
    from incas_cli.messages import render as msg

    data = full_plan()
    data["measures"][0]["budget"] = [{"amount": 0, "source": "Caritas", "note": "sede"}]
    document = plan_document(plan_from(data), load_catalog())
    by_measure = next(
        b
        for b in walk(document.blocks)
        if isinstance(b, Table) and b.title == msg.TC_BUDGET_MEASURE
    )
    assert plain(by_measure.rows[0][1]) == "contributo in natura"  # its sources: none of money


def test_open_fields_of_the_new_sections_are_placeholders() -> None:
    data = full_plan()
    data["strategy"] = {"specific_objectives": []}
    data["organization"] = {"offices": []}
    data["context"] = {"data": [{"label": "Denunce", "value": 3}]}
    text = _docx_text(data)
    for label in (
        "[da completare: obiettivo generale]",
        "[da completare: obiettivi specifici]",
        "[da completare: responsabile dell'attuazione nel Comune]",
        "[da completare: analisi del fenomeno]",
        "[da completare: anno del dato]",
        "[da completare: fonte del dato]",
    ):
        assert label in text, label


def test_a_v1_plan_has_none_of_the_new_sections() -> None:
    text = _docx_text(minimal_plan())
    for absent in (
        "Analisi del fenomeno",
        "Obiettivo generale",
        "Organizzazione interna del Comune",
        "I Comuni partner",
        "Risorse per anno",
        "Risorse assicurate",
        "Contributi in natura",
        "Sostenibilità",
    ):
        assert absent not in text, absent


# --- plan status -----------------------------------------------------------------------------


def test_status_counts_the_new_sections(cli: Cli, tmp_path: Path) -> None:
    path = write_plan(tmp_path / "piano.yaml", full_plan())
    entry = json.loads(cli("plan", "status", "--json", str(path)).output)["files"][0]
    sections = {s["section"]: (s["filled"], s["open"]) for s in entry["sections"]}
    assert sections["strategy"] == (4, 0)  # general objective; id, text, axis
    assert sections["organization"] == (4, 0)  # manager; office name, tasks; reporting
    filled, open_ = sections["context"]
    assert filled >= 8 and open_ == 3  # the figures and texts; description, crops, workforce
    data = full_plan()
    del data["strategy"]["general_objective"], data["organization"]["manager"]
    del data["context"]["phenomenon"]
    path = write_plan(tmp_path / "aperto.yaml", data)
    entry = json.loads(cli("plan", "status", "--json", str(path)).output)["files"][0]
    open_paths = {o["path"] for o in entry["open_fields"]}
    assert {
        "strategy.general_objective",
        "organization.manager",
        "context.phenomenon",
    } <= open_paths


# --- plan diff -------------------------------------------------------------------------------


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


CHANGES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "partner role": (_set(("comune", "partners", 0, "role"), "capofila"), "comune.partners"),
    "partner adhesion": (
        _set(("comune", "partners", 0, "adhesion", "number"), "18"),
        "comune.partners",
    ),
    "phenomenon": (_set(("context", "phenomenon"), "Altro testo."), "context.phenomenon"),
    "figure": (_set(("context", "data", 0, "year"), 2023), "context.data"),
    "gender": (_set(("context", "gender"), "Altro testo."), "context.gender"),
    "manager": (_set(("organization", "manager"), "Segretario"), "organization.manager"),
    "offices": (_set(("organization", "offices", 0, "tasks"), "altro"), "organization.offices"),
    "reporting": (_set(("organization", "reporting"), "annuale"), "organization.reporting"),
    "general objective": (
        _set(("strategy", "general_objective"), "Altro."),
        "strategy.general_objective",
    ),
    "specific objective": (
        _set(("strategy", "specific_objectives", 0, "text"), "Altro"),
        "strategy.specific_objectives",
    ),
    "measure objectives": (_set(("measures", 0, "specific_objectives"), []), "specific_objectives"),
    "sustainability": (_set(("measures", 0, "sustainability"), "Altro."), "sustainability"),
    "budget year": (_set(("measures", 0, "budget", 0, "year"), 2026), "budget_lines"),
    "budget status": (_set(("measures", 0, "budget", 0, "status"), "richiesto"), "budget_lines"),
    "cup": (_set(("measures", 0, "budget", 0, "cup"), "J71B22000330007"), "budget_lines"),
    "indicator id": (_set(("measures", 0, "indicators", 0, "id"), "M1-letti"), "indicators"),
}


@pytest.mark.parametrize("name", CHANGES)
def test_diff_names_each_new_field_that_changes(cli: Cli, tmp_path: Path, name: str) -> None:
    change, expected = CHANGES[name]
    old = write_plan(tmp_path / "v1.yaml", full_plan())
    data = copy.deepcopy(full_plan())
    change(data)
    new = write_plan(tmp_path / "v2.yaml", data)
    result = cli("plan", "diff", "--json", str(old), str(new))
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    sections = report["sections"]
    measures = {c["id"]: [f["field"] for f in c["changes"]] for c in report["measures"]["changed"]}
    assert expected in sections or expected in measures.get("M1", []), (sections, measures)
    text = cli("plan", "diff", str(old), str(new), env={"COLUMNS": "200"}).output
    if expected in ("budget_lines", "indicators"):
        # the line's text shows what changed
        assert any(word in text for word in ("2026", "richiesto", "J71B22000330007", "M1-letti"))


def test_one_partner_comune_is_named_in_the_singular() -> None:
    """«costruito insieme al Comune di Terracina», not «ai Comuni di Terracina»."""
    data = minimal_plan()
    data["comune"]["partners"] = [{"name": "Terracina", "istat_code": "059032"}]
    text = _docx_text(data)
    assert "costruito insieme al Comune di Terracina," in text
    assert "ai Comuni di Terracina" not in text


def test_one_measure_is_introduced_in_the_singular() -> None:
    """«Il piano comprende una misura. La sua scheda riporta…», not «Per ciascuna»."""
    data = minimal_plan()
    data["measures"][0]["budget"] = [{"amount": 1000, "source": "fnpm"}]
    text = _docx_text(data)
    assert "Il piano comprende una misura. La sua scheda riporta obiettivo" in text
    assert "Il totale della misura e la sua quota" in text
    assert "Per ciascuna" not in text
    # one need is not «in ordine di priorità»
    assert "Il piano raccoglie un bisogno del territorio e una misura con" in text
    data["measures"].append({**data["measures"][0], "id": "M2"})
    assert "Il piano comprende due misure. Per ciascuna la scheda" in _docx_text(data)
