"""Findings on the v1 additions: objectives and the measures serving them, the
phenomenon's figures, partner Comuni's adhesion, budget years and statuses, indicator ids,
and what ``--final`` requires of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import Cli
from tests.helpers import minimal_plan, write_plan


def _findings(cli: Cli, tmp_path: Path, data: dict[str, Any], *options: str) -> list[Any]:
    path = write_plan(tmp_path / "piano.yaml", data)
    result = cli("plan", "validate", "--json", *options, str(path))
    report = json.loads(result.output)
    findings: list[Any] = report["files"][0]["findings"]
    return findings


def _codes(findings: list[Any]) -> list[tuple[str, str, str]]:
    """Code, severity and path, in the order of the paths (not of the file's lines)."""
    return sorted((f["code"], f["severity"], f["path"]) for f in findings)


def _one(findings: list[Any], code: str) -> Any:
    (found,) = [f for f in findings if f["code"] == code]
    return found


def _with_strategy() -> dict[str, Any]:
    data = minimal_plan()
    data["strategy"] = {
        "general_objective": "Lavoro agricolo dignitoso nel distretto",
        "specific_objectives": [
            {"id": "OS1", "text": "Alloggi dignitosi", "axis": "prevenzione"},
            {"id": "OS2", "text": "Tutela delle vittime", "axis": "protezione-assistenza"},
        ],
    }
    data["measures"][0]["specific_objectives"] = ["OS1", "OS2"]
    return data


def test_a_plan_written_with_the_new_fields_has_no_finding(cli: Cli, tmp_path: Path) -> None:
    data = _with_strategy()
    data["context"] = {
        "phenomenon": "Reclutamento irregolare nella raccolta.",
        "data": [{"label": "Aziende ispezionate", "value": 120, "year": 2024, "source": "ITL"}],
    }
    data["measures"][0]["budget"] = [
        {"amount": "1000.00", "source": "fnpm", "year": 2025, "status": "assicurato"}
    ]
    data["measures"][0]["indicators"] = [{"id": "M1-posti", "name": "posti", "target": 10}]
    assert _findings(cli, tmp_path, data) == []


def test_objectives_and_measures_serve_each_other(cli: Cli, tmp_path: Path) -> None:
    data = _with_strategy()
    data["measures"][0]["specific_objectives"] = ["OS1", "OS3"]
    second = data["measures"][0] | {"id": "M2", "specific_objectives": []}
    data["measures"].append(second)
    findings = _findings(cli, tmp_path, data)
    assert _codes(findings) == [
        ("MEASURE_WITHOUT_OBJECTIVE", "warning", "measures[1].id"),
        ("OBJECTIVE_WITHOUT_MEASURES", "warning", "strategy.specific_objectives[1].id"),
        ("UNKNOWN_OBJECTIVE", "error", "measures[0].specific_objectives[1]"),
    ]
    unknown = _one(findings, "UNKNOWN_OBJECTIVE")
    assert unknown["message"] == "obiettivo specifico sconosciuto: «OS3»"
    assert unknown["hint"].startswith("forse intendevi «OS2»?")
    assert unknown["line"] is not None and unknown["column"] is not None
    # a final plan may not leave them loose
    final = _codes(_findings(cli, tmp_path, data, "--final"))
    assert ("OBJECTIVE_WITHOUT_MEASURES", "error", "strategy.specific_objectives[1].id") in final
    assert ("MEASURE_WITHOUT_OBJECTIVE", "error", "measures[1].id") in final


def test_objectives_without_measures_yet_are_open_not_findings(cli: Cli, tmp_path: Path) -> None:
    data = _with_strategy()
    data["measures"] = []
    assert [c for c, _, _ in _codes(_findings(cli, tmp_path, data))] == []


def test_duplicate_objective_unknown_axis_and_duplicate_indicator(cli: Cli, tmp_path: Path) -> None:
    data = _with_strategy()
    data["strategy"]["specific_objectives"][1] |= {"id": "OS1", "axis": "prevenzion"}
    data["measures"][0]["specific_objectives"] = ["OS1"]
    data["measures"][0]["indicators"] = [
        {"id": "posti", "name": "posti letto"},
        {"id": "posti", "name": "persone accolte"},
    ]
    findings = _findings(cli, tmp_path, data)
    assert _codes(findings) == [
        ("DUPLICATE_ID", "error", "strategy.specific_objectives[1].id"),
        ("DUPLICATE_INDICATOR_ID", "error", "measures[0].indicators[1].id"),
        ("UNKNOWN_AXIS", "error", "strategy.specific_objectives[1].axis"),
    ]
    assert _one(findings, "UNKNOWN_AXIS")["hint"].startswith("forse intendevi «prevenzione»?")


def test_figures_need_year_and_source(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["context"] = {
        "data": [
            {"label": "Lavoratori stagionali", "value": 4000, "unit": "persone"},
            {"label": "Denunce", "value": 12, "year": 2024, "source": "Questura", "topic": "x"},
        ]
    }
    findings = _findings(cli, tmp_path, data)
    assert _codes(findings) == [
        ("DATA_WITHOUT_SOURCE", "warning", "context.data[0].source"),
        ("DATA_WITHOUT_YEAR", "warning", "context.data[0].year"),
        ("UNKNOWN_NEED_AREA", "error", "context.data[1].topic"),
    ]
    assert (
        _one(findings, "DATA_WITHOUT_YEAR")["message"]
        == "il dato «Lavoratori stagionali» non indica l'anno"
    )


def test_budget_year_outside_the_period(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0]["budget"] = [
        {"amount": "100.00", "source": "fnpm", "year": 2024},
        {"amount": "100.00", "source": "fnpm", "year": 2027},
    ]
    findings = _findings(cli, tmp_path, data)
    assert _codes(findings) == [
        ("BUDGET_YEAR_OUTSIDE_PERIOD", "warning", "measures[0].budget[0].year"),
    ]
    assert "2024" in findings[0]["message"] and "gennaio 2025" in findings[0]["message"]


def test_a_period_ending_before_it_starts_is_one_error_not_one_per_line(
    cli: Cli, tmp_path: Path
) -> None:
    data = minimal_plan()
    data["plan"]["period"] = {"start": "2025-01", "end": "2023-12"}
    data["plan"]["adoption"] = {"organ": "giunta", "number": "45", "date": "2024-12-10"}
    data["measures"][0]["budget"] = [
        {"amount": "100.00", "source": "fnpm", "year": 2025},
        {"amount": "100.00", "source": "fnpm", "year": 2026},
    ]
    codes = [code for code, _, _ in _codes(_findings(cli, tmp_path, data))]
    assert "END_BEFORE_START" in codes
    assert "BUDGET_YEAR_OUTSIDE_PERIOD" not in codes
    assert "ADOPTION_AFTER_PERIOD" not in codes


def test_a_season_outside_the_measure_s_dates(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0] |= {"start": "2025-11", "end": "2026-02", "months": [6, 7, 8]}
    findings = _findings(cli, tmp_path, data)
    assert _codes(findings) == [("SEASON_OUTSIDE_MEASURE", "warning", "measures[0].months")]
    assert findings[0]["message"] == (
        "la misura «M1» è attiva solo in giugno, luglio e agosto, ma nessuno di questi mesi "
        "cade tra novembre 2025 e febbraio 2026: il cronoprogramma non la segna mai"
    )
    data["measures"][0]["months"] = [12, 1]  # round the new year: it is at work
    assert not _findings(cli, tmp_path, data)


def _adopted(data: dict[str, Any]) -> dict[str, Any]:
    data["plan"] |= {
        "status": "adottato",
        "adoption": {"organ": "giunta", "number": "45", "date": "2024-12-10"},
    }
    return data


def test_partner_without_adhesion_in_an_adopted_plan(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["comune"]["partners"] = [
        {"name": "Lagnasco", "istat_code": "004104"},
        {
            "name": "Manta",
            "istat_code": "004119",
            "role": "ospita il dormitorio",
            "adhesion": {"organ": "giunta", "number": "12", "date": "2024-11-02"},
        },
    ]
    assert not [f for f in _findings(cli, tmp_path, data) if f["code"].startswith("PARTNER")]
    partner = [
        f
        for f in _findings(cli, tmp_path, _adopted(data))
        if f["code"] == "PARTNER_WITHOUT_ADHESION"
    ]
    assert _codes(partner) == [("PARTNER_WITHOUT_ADHESION", "warning", "comune.partners[0].name")]
    assert partner[0]["message"] == "il Comune partner Lagnasco non ha un atto di adesione"


def test_final_plan_with_money_mostly_to_be_found(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0]["budget"] = [
        {"amount": "400.00", "source": "fnpm", "status": "assicurato"},
        {"amount": "600.00", "source": "regione", "status": "da-reperire"},
        {"amount": 0, "source": "bilancio-comunale", "note": "personale"},
    ]
    assert not [f for f in _findings(cli, tmp_path, data) if f["code"] == "BUDGET_MOSTLY_TO_FIND"]
    final = [
        f for f in _findings(cli, tmp_path, data, "--final") if f["code"] == "BUDGET_MOSTLY_TO_FIND"
    ]
    assert _codes(final) == [("BUDGET_MOSTLY_TO_FIND", "warning", "measures")]
    assert final[0]["message"].startswith("60")
    data["measures"][0]["budget"][0]["amount"] = "600.00"  # half: not "mostly"
    assert not [
        f for f in _findings(cli, tmp_path, data, "--final") if f["code"] == "BUDGET_MOSTLY_TO_FIND"
    ]


_REQUIRED = [
    "context.phenomenon",
    "organization.manager",
    "strategy.general_objective",
    "strategy.specific_objectives",
]


def _open(findings: list[Any]) -> list[tuple[str, str]]:
    return sorted(
        (f["path"], f["severity"])
        for f in findings
        if f["code"] == "OPEN_FIELD" and f["path"] in _REQUIRED
    )


def test_final_requires_what_adoption_needs(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["context"] = {"description": "Distretto frutticolo."}
    # a draft without the new fields is still a valid draft
    assert _open(_findings(cli, tmp_path, data)) == []
    assert _open(_findings(cli, tmp_path, data, "--final")) == [(p, "error") for p in _REQUIRED]
    data = _with_strategy()
    data["context"] = {"phenomenon": "Caporalato nella raccolta."}
    data["organization"] = {"manager": "Dirigente Area Servizi sociali"}
    assert _open(_findings(cli, tmp_path, data, "--final")) == []


def test_an_adopted_v1_plan_stays_valid(cli: Cli, tmp_path: Path) -> None:
    """Adopted before the fields existed: warnings, not errors, unless --final is asked."""
    data = _adopted(minimal_plan())
    data["context"] = {"description": "Distretto frutticolo."}
    assert _open(_findings(cli, tmp_path, data)) == [(p, "warning") for p in _REQUIRED]
    assert _open(_findings(cli, tmp_path, data, "--final")) == [(p, "error") for p in _REQUIRED]
    data["plan"]["status"] = "proposta"
    del data["plan"]["adoption"]
    assert _open(_findings(cli, tmp_path, data)) == [(p, "error") for p in _REQUIRED]


def test_the_plan_s_own_text_citing_a_law_after_its_date(cli: Cli, tmp_path: Path) -> None:
    """A plan adopted in 2023 cannot speak of art. 18-ter (DL 145/2024, from 11 October
    2024): its own texts are checked on the date its legal framework is written on."""
    data = minimal_plan()  # period from January 2025
    data["stakeholders"][1]["role"] = "Orienta le vittime ai permessi (art. 18 e 18-ter)."
    data["measures"][0]["risks"] = [
        {"risk": "Timore di ritorsioni", "mitigation": "Informazione sul DL 146/2025"}
    ]
    found = [f for f in _findings(cli, tmp_path, data) if f["code"] == "LAW_AFTER_PLAN_DATE"]
    # From January 2025 the 18-ter applies; DL 146/2025 (November 2025) does not yet.
    assert _codes(found) == [
        ("LAW_AFTER_PLAN_DATE", "warning", "measures[0].risks[0].mitigation"),
    ]
    assert "dal 26 novembre 2025" in found[0]["message"]

    data["plan"] |= {
        "status": "adottato",
        "adoption": {"organ": "giunta", "number": "45", "date": "2023-11-28"},
        "period": {"start": "2024-01", "end": "2026-12"},
    }
    data["measures"][0]["start"] = "2024-03"
    found = [f for f in _findings(cli, tmp_path, data) if f["code"] == "LAW_AFTER_PLAN_DATE"]
    assert _codes(found) == [
        ("LAW_AFTER_PLAN_DATE", "warning", "measures[0].risks[0].mitigation"),
        ("LAW_AFTER_PLAN_DATE", "warning", "stakeholders[1].role"),
    ]
    role = next(f for f in found if f["path"] == "stakeholders[1].role")
    assert role["message"] == (
        "il testo cita «18-ter», cioè l'art. 18-ter del d.lgs. 286/1998 (DL 145/2024), che "
        "si applica dall'11 ottobre 2024; il piano è del 28 novembre 2023 (data della "
        "delibera di adozione), quando quella norma non c'era ancora"
    )
    assert role["severity"] == "warning"


def test_ids_that_differ_only_by_case_are_a_warning_on_the_second(cli: Cli, tmp_path: Path) -> None:
    data = _with_strategy()
    data["strategy"]["specific_objectives"][1]["id"] = "os1"
    data["measures"][0]["specific_objectives"] = ["OS1"]
    data["needs"].append({"id": "n1", "area": "trasporto", "severity": 3, "urgency": 3})
    second = data["measures"][0] | {"id": "m1", "needs": ["n1"], "specific_objectives": ["os1"]}
    data["measures"].append(second)
    # indicator ids are one namespace in the whole plan: across measures too
    data["measures"][0]["indicators"] = [{"id": "Posti", "name": "posti letto"}]
    data["measures"][1]["indicators"] = [{"id": "posti", "name": "persone accolte"}]
    findings = _findings(cli, tmp_path, data)
    assert _codes(findings) == [
        ("ID_CASE_COLLISION", "warning", "measures[1].id"),
        ("ID_CASE_COLLISION", "warning", "measures[1].indicators[0].id"),
        ("ID_CASE_COLLISION", "warning", "needs[1].id"),
        ("ID_CASE_COLLISION", "warning", "strategy.specific_objectives[1].id"),
    ]
    measure = next(f for f in findings if f["path"] == "measures[1].id")
    assert measure["message"] == (
        "identificativo «m1» diverso da «M1» (measures[0]) solo per maiuscole e minuscole"
    )
    assert "non li distingue" in measure["hint"]
    assert "dai a «m1» un identificativo che non si confonda con «M1»" in measure["hint"]
    indicator = next(f for f in findings if f["path"] == "measures[1].indicators[0].id")
    assert "«posti» diverso da «Posti» (measures[0].indicators[0])" in indicator["message"]
    # each reference still finds its own item: a warning, with --final too, never a block
    final = _findings(cli, tmp_path, data, "--final")
    assert {f["severity"] for f in final if f["code"] == "ID_CASE_COLLISION"} == {"warning"}
    text = cli("plan", "validate", "piano.yaml", cwd=tmp_path)
    assert text.exit_code == 0, text.output
    lines = (tmp_path / "piano.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(lines, 1) if t.strip() == "- id: m1")
    column = lines[line - 1].index("m1") + 1
    assert f"piano.yaml:{line}:{column}: avviso [ID_CASE_COLLISION] measures[1].id: " in (
        text.stdout
    )


def test_an_exact_repeat_is_a_duplicate_not_a_case_collision(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"] += [data["measures"][0] | {"id": "m1"}, data["measures"][0] | {"id": "M1"}]
    assert _codes(_findings(cli, tmp_path, data)) == [
        ("DUPLICATE_ID", "error", "measures[2].id"),
        ("ID_CASE_COLLISION", "warning", "measures[1].id"),
    ]


def test_a_reference_in_the_wrong_case_suggests_the_id(cli: Cli, tmp_path: Path) -> None:
    # «n1» and «N1» are too short for a spelling suggestion: the case is told apart
    data = _with_strategy()
    data["measures"][0]["needs"] = ["n1"]
    data["measures"][0]["specific_objectives"] = ["os1", "OS2"]
    findings = _findings(cli, tmp_path, data)
    assert _codes(findings) == [
        ("NEED_NOT_ADDRESSED", "warning", "needs[0].id"),
        ("OBJECTIVE_WITHOUT_MEASURES", "warning", "strategy.specific_objectives[0].id"),
        ("UNKNOWN_NEED", "error", "measures[0].needs[0]"),
        ("UNKNOWN_OBJECTIVE", "error", "measures[0].specific_objectives[0]"),
    ]
    assert _one(findings, "UNKNOWN_NEED")["message"] == "bisogno sconosciuto: «n1»"
    assert _one(findings, "UNKNOWN_NEED")["hint"].startswith("forse intendevi «N1»?")
    assert _one(findings, "UNKNOWN_OBJECTIVE")["hint"].startswith("forse intendevi «OS1»?")
