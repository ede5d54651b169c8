"""``incas catalog``: tables for people, JSON for scripts, usage errors with known ids."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import incas_cli.catalog
from incas_cli.catalog import Catalog, load_catalog, load_national_plan
from incas_cli.messages import catalog as msg
from tests.conftest import Cli

REFERENCE = "piano-triennale-2020-2022"
COMMANDS = ["plans", "axes", "actions", "actors", "needs", "funding", "measures"]


def run_json(cli: Cli, *args: str) -> Any:
    result = cli("catalog", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_italian_help(cli: Cli, command: str) -> None:
    result = cli("catalog", command, "--help")
    assert result.exit_code == 0
    assert "--json" in result.stdout


def test_group_help_lists_the_commands(cli: Cli) -> None:
    result = cli("catalog", "--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_axes_table(cli: Cli) -> None:
    result = cli("catalog", "axes")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Assi strategici - Piano triennale 2020-2022" in out
    for label in ["Prevenzione", "Vigilanza e contrasto", "Protezione e assistenza"]:
        assert label in out
    assert "1, 2, 3, 4, 5, 6, 7" in out


def test_actions_table_marks_the_inferred_axes(cli: Cli) -> None:
    out = cli("catalog", "actions").stdout
    assert "Alloggi dignitosi" in out
    assert "Vigilanza e contrasto*" in out
    assert "Asse dedotto dal titolo" in out


def test_other_tables(cli: Cli) -> None:
    assert "Consigliera di parità" in cli("catalog", "actors").stdout
    needs = cli("catalog", "needs").stdout
    assert "Tutela delle vittime" in needs and "Aree di bisogno" in needs
    funding = cli("catalog", "funding").stdout
    assert "PNRR M5C2 Investimento 2.2.a" in funding and "30/06/2026" in funding
    measures = cli("catalog", "measures").stdout
    assert "Accoglienza diffusa comunale" in measures and "Trasversali" in measures
    one = cli("catalog", "measures", "--azione", "6").stdout
    assert "azione 6: Soluzioni di trasporto" in one
    assert "Bike sharing" in one and "Accoglienza diffusa" not in one
    assert "piano-triennale-2020-2022 *" in cli("catalog", "plans").stdout


# --- the tables in 80 columns (the terminal writer) ----------------------------------------

TABLES = {
    "plans": (msg.TITLE_PLANS, [msg.COL_ID, msg.COL_PLAN]),
    "axes": (
        msg.TITLE_AXES.format(plan="Piano triennale 2020-2022"),
        [msg.COL_NUMBER, msg.COL_AXIS, msg.COL_ACTIONS, msg.COL_DESCRIPTION],
    ),
    "actions": (
        msg.TITLE_ACTIONS.format(plan="Piano triennale 2020-2022"),
        [msg.COL_NUMBER, msg.COL_ACTION, msg.COL_AXIS, msg.COL_EXPECTED_RESULT],
    ),
    "actors": (msg.TITLE_ACTORS, [msg.COL_ACTOR_TYPE, msg.COL_LEVEL, msg.COL_ROLE]),
    "needs": (
        msg.TITLE_NEEDS.format(plan="Piano triennale 2020-2022"),
        [msg.COL_NEED_AREA, msg.COL_ACTIONS, msg.COL_DESCRIPTION],
    ),
    "funding": (msg.TITLE_FUNDING, [msg.COL_SOURCE, msg.COL_PERIOD]),
    "measures": (
        msg.TITLE_MEASURES.format(plan="Piano triennale 2020-2022"),
        [msg.COL_ACTION, msg.COL_MEASURE, msg.COL_DESCRIPTION],
    ),
}


def narrow(cli: Cli, *args: str) -> list[str]:
    """The lines of ``incas catalog ARGS`` in 80 columns, trailing blanks dropped."""
    result = cli("catalog", *args, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines and all(len(line) <= 80 for line in lines)
    assert "\x1b" not in result.stdout  # NO_COLOR and no terminal: plain text
    return lines


def column(lines: list[str], headers: list[str], index: int) -> list[str]:
    """The text of one column on each line of the table's body (``lines[3:]``, up to a
    note), cut where the header line places the headers."""
    starts, at = [], 0
    for header in headers:
        at = lines[1].index(header, at)
        starts.append(at)
        at += len(header)
    end = starts[index + 1] if index + 1 < len(starts) else None
    body = [line for line in lines[3:] if not line.startswith("* ")]
    return [line[starts[index] : end].strip() for line in body]


@pytest.mark.parametrize("command", sorted(TABLES))
def test_every_table_is_title_header_rule_rows_in_80_columns(cli: Cli, command: str) -> None:
    title, headers = TABLES[command]
    lines = narrow(cli, command)
    assert lines[0] == title
    assert lines[1].split() == " ".join(headers).split()
    assert set(lines[2]) == {"─"}
    assert len(lines) > 3


def test_numbers_are_right_aligned_and_the_note_follows_the_table(cli: Cli) -> None:
    lines = narrow(cli, "actions")
    numbers = [n for n in column(lines, TABLES["actions"][1], 0) if n]
    assert numbers == [str(n) for n in range(1, 11)]
    shown = [line[:2] for line in lines[3:-1] if line[:2].strip()]
    assert shown == [f"{n:>2}" for n in range(1, 11)]
    assert lines[-1] == msg.INFERRED_NOTE  # under the table, not folded into a cell
    axes = narrow(cli, "axes")
    assert msg.INFERRED_NOTE not in axes  # no mark, no note
    assert "1, 2, 3, 4, 5, 6, 7" in column(axes, TABLES["axes"][1], 2)


def test_ids_levels_and_dates_are_never_cut_in_80_columns(cli: Cli) -> None:
    catalog = load_catalog()
    headers = TABLES["actors"][1]
    actors = narrow(cli, "actors")
    names = column(actors, headers, 0)
    assert {f"({a.id})" for a in catalog.actor_types.values()} <= set(names)
    levels = set(column(actors, headers, 1)) - {""}
    assert levels == {catalog.levels[a.default_level].label for a in catalog.actor_types.values()}
    needs = narrow(cli, "needs")
    assert {f"({area})" for area in catalog.need_areas} <= set(column(needs, TABLES["needs"][1], 0))
    assert "30/06/2026" in "\n".join(narrow(cli, "funding"))
    plans = narrow(cli, "plans")
    assert column(plans, TABLES["plans"][1], 0)[0] == f"{REFERENCE} *"
    assert plans[-1] == msg.DEFAULT_NOTE
    measures = narrow(cli, "measures")
    firsts = [cell for cell in column(measures, TABLES["measures"][1], 0) if cell]
    assert firsts == [*(str(n) for n in range(1, 11)), msg.CROSS_CUTTING]
    one = narrow(cli, "measures", "--azione", "6")
    assert one[0] == msg.TITLE_MEASURES_ONE.format(number=6, label="Soluzioni di trasporto")
    assert one[1].split() == [msg.COL_MEASURE, msg.COL_DESCRIPTION]
    assert one[3].startswith("Bus o navette gratuite verso i campi")


def test_axes_json(cli: Cli) -> None:
    data = run_json(cli, "axes")
    assert data["national_plan"] == REFERENCE
    assert [(a["id"], a["actions"]) for a in data["axes"]] == [
        ("prevenzione", [1, 2, 3, 4, 5, 6, 7]),
        ("vigilanza-contrasto", [8]),
        ("protezione-assistenza", [9]),
        ("reintegrazione", [10]),
    ]


def test_actions_json_keeps_label_wording_and_inference_apart(cli: Cli) -> None:
    actions = run_json(cli, "actions", "--piano", REFERENCE)["actions"]
    assert [a["number"] for a in actions] == list(range(1, 11))
    assert actions[0]["wording"].startswith("Un sistema informativo")
    assert actions[2]["wording"] is None
    assert [a["number"] for a in actions if a["axis_inferred"]] == [8, 9, 10]
    assert all(3 <= len(a["typical_measures"]) <= 5 for a in actions)


def test_actors_needs_funding_json(cli: Cli) -> None:
    actors = run_json(cli, "actors")
    assert len(actors["actor_types"]) == 22
    assert {lv["id"] for lv in actors["levels"]} == {
        "nazionale",
        "regionale",
        "provinciale",
        "locale",
    }
    needs = {n["id"]: n["actions"] for n in run_json(cli, "needs")["need_areas"]}
    assert needs["alloggio"] == [5] and needs["governance"] == []
    funding = {f["id"]: f for f in run_json(cli, "funding")["funding_sources"]}
    assert funding["pnrr-m5c2-i2.2"]["end_date"] == "2026-06-30"
    assert funding["pon-legalita"]["label"] == "PON Legalità 2014-2020"


def test_measures_json(cli: Cli) -> None:
    data = run_json(cli, "measures", "--azione", "5")
    assert [a["number"] for a in data["actions"]] == [5]
    assert len(data["actions"][0]["typical_measures"]) == 5
    assert "cross_cutting_measures" not in data
    everything = run_json(cli, "measures")
    assert len(everything["actions"]) == 10 and everything["cross_cutting_measures"]


def test_json_output_is_pretty_and_not_ascii_escaped(cli: Cli) -> None:
    result = cli("catalog", "actors", "--json")
    assert '\n  "actor_types": [' in result.stdout
    assert "\\u00e0" not in result.stdout and "parità" in result.stdout


@pytest.mark.parametrize("command", ["axes", "actions", "actors", "needs", "funding", "measures"])
def test_unknown_national_plan_is_a_usage_error(cli: Cli, command: str) -> None:
    result = cli("catalog", command, "--piano", "piano-2099", "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "piano nazionale «piano-2099» sconosciuto" in result.stderr
    assert REFERENCE in result.stderr


def test_unknown_action_is_a_usage_error(cli: Cli) -> None:
    result = cli("catalog", "measures", "--azione", "11")
    assert result.exit_code == 2
    assert "non ha un'azione prioritaria 11" in result.stderr
    assert "da 1 a 10" in result.stderr


def test_commands_follow_a_new_national_plan_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan: dict[str, Any] = {
        "id": "piano-fittizio-2026-2028",
        "title": "Piano fittizio 2026-2028",
        "short_title": "Piano fittizio",
        "period": {"start": 2026, "end": 2028},
        "axes": [
            {"id": f"asse-{n}", "number": n, "label": f"Asse {n}", "description": "Prova."}
            for n in (1, 2, 3)
        ],
        "actions": [
            {
                "number": n,
                "label": f"Azione {n}",
                "axis": f"asse-{(n + 1) // 2}",
                "expected_result": "Prova.",
            }
            for n in range(1, 7)
        ],
    }
    path = tmp_path / "piano-fittizio-2026-2028.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    extended: Catalog = load_catalog().with_national_plans(load_national_plan(path))
    monkeypatch.setattr(incas_cli.catalog, "load_catalog", lambda: extended)
    data = run_json(cli, "axes", "--piano", "piano-fittizio-2026-2028")
    assert [(a["id"], a["actions"]) for a in data["axes"]] == [
        ("asse-1", [1, 2]),
        ("asse-2", [3, 4]),
        ("asse-3", [5, 6]),
    ]
    assert (
        "Piano fittizio" in cli("catalog", "actions", "--piano", "piano-fittizio-2026-2028").stdout
    )
    assert len(run_json(cli, "plans")["national_plans"]) == 2
    assert run_json(cli, "axes")["national_plan"] == REFERENCE  # the default does not move
