"""`incas plan validate`: golden messages, exit codes, JSON, every example."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.helpers import EXAMPLES, example_files, minimal_plan, write_plan

GOLDEN = Path(__file__).parent / "golden" / "validate"
UPDATE = os.environ.get("INCAS_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("case", sorted(p.name for p in GOLDEN.glob("*.yaml")))
def test_golden_messages(cli: Cli, case: str) -> None:
    """Each broken plan beside its exact expected output (messages, places, exit code)."""
    result = cli("plan", "validate", case, cwd=GOLDEN)
    code, output = result.exit_code, result.output
    actual = f"exit {code}\n{output}"
    expected_file = GOLDEN / case.replace(".yaml", ".expected")
    if UPDATE:
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")
    assert "Traceback" not in output


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_are_valid(cli: Cli, path: Path) -> None:
    result = cli("plan", "validate", str(path))
    code, output = result.exit_code, result.output
    assert code == 0, output
    assert "errore" not in output


@pytest.mark.parametrize("name", ["saluzzo.yaml", "siracusa.yaml"])
def test_complete_examples_pass_final(cli: Cli, name: str) -> None:
    result = cli("plan", "validate", "--final", str(EXAMPLES / name))
    code, output = result.exit_code, result.output
    assert code == 0, output
    assert "valido anche per l'adozione" in output


def test_draft_example_is_not_final(cli: Cli) -> None:
    result = cli("plan", "validate", "--final", str(EXAMPLES / "bozza-iniziale.yaml"))
    code, output = result.exit_code, result.output
    assert code == 3
    assert "[OPEN_FIELD]" in output
    assert "[MEASURE_WITHOUT_BUDGET]" in output


def test_all_findings_reported_at_once(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0]["lead"] = "nessuno"
    data["measures"][0]["needs"] = ["N9"]
    data["stakeholders"][1]["type"] = "sconosciuto"
    path = write_plan(tmp_path / "piano.yaml", data)
    result = cli("plan", "validate", "--json", str(path))
    code, output = result.exit_code, result.output
    assert code == 3
    report = json.loads(output)
    codes = sorted(f["code"] for f in report["files"][0]["findings"])
    assert codes == [
        "NEED_NOT_ADDRESSED",
        "UNKNOWN_ACTOR_TYPE",
        "UNKNOWN_NEED",
        "UNKNOWN_STAKEHOLDER",
    ]


def test_json_report_contract(cli: Cli, tmp_path: Path) -> None:
    good = write_plan(tmp_path / "buono.yaml", minimal_plan())
    bad_data = minimal_plan()
    bad_data["measures"][0]["end"] = "2030-01"
    bad = write_plan(tmp_path / "cattivo.yaml", bad_data)
    missing = tmp_path / "manca.yaml"
    result = cli("plan", "validate", "--json", str(good), str(bad), str(missing))
    code, output = result.exit_code, result.output
    assert code == 1  # an unreadable file wins over findings
    report = json.loads(output)
    assert report["version"] == 1
    by_status = {Path(str(f["file"])).name: f for f in report["files"]}
    assert by_status["buono.yaml"]["status"] == "ok"
    assert by_status["buono.yaml"]["valid"] is True
    assert by_status["cattivo.yaml"]["status"] == "invalid"
    finding = by_status["cattivo.yaml"]["findings"][0]
    assert set(finding) == {"code", "severity", "path", "file", "line", "column", "message", "hint"}
    assert finding["code"] == "MEASURE_OUTSIDE_PERIOD"
    assert finding["path"] == "measures[0].end"
    assert isinstance(finding["line"], int) and isinstance(finding["column"], int)
    assert by_status["manca.yaml"]["status"] == "failed"
    assert "message" in by_status["manca.yaml"]["error"]


def test_exit_codes(cli: Cli, tmp_path: Path) -> None:
    good = write_plan(tmp_path / "buono.yaml", minimal_plan())
    assert cli("plan", "validate", str(good)).exit_code == 0
    broken = minimal_plan()
    broken["plan"]["status"] = "adottato"
    bad = write_plan(tmp_path / "adottato.yaml", broken)
    assert cli("plan", "validate", str(bad)).exit_code == 3
    assert cli("plan", "validate", str(tmp_path / "nessuno.yaml")).exit_code == 1
    assert cli("plan", "validate").exit_code == 2


def test_folder_input(cli: Cli, tmp_path: Path) -> None:
    write_plan(tmp_path / "a.yaml", minimal_plan())
    (tmp_path / "sub").mkdir()
    write_plan(tmp_path / "sub" / "b.yml", minimal_plan())
    result = cli("plan", "validate", str(tmp_path))
    code, output = result.exit_code, result.output
    assert code == 0
    assert "2 file: validi 2, non validi 0, illeggibili 0" in output
    empty = tmp_path / "vuota"
    empty.mkdir()
    result = cli("plan", "validate", str(empty))
    code, output = result.exit_code, result.output
    assert code == 1
    assert "non ci sono file di piano" in output


def test_warnings_do_not_block(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0]["actions"] = [5]
    path = write_plan(tmp_path / "piano.yaml", data)
    result = cli("plan", "validate", str(path))
    code, output = result.exit_code, result.output
    assert code == 0
    assert output.count("[AXIS_NOT_COVERED]") == 3


def test_extension_keys_are_ignored(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["x-note"] = "annotazione del Comune"
    data["plan"]["x-protocollo"] = 123
    path = write_plan(tmp_path / "piano.yaml", data)
    assert cli("plan", "validate", str(path)).exit_code == 0


def test_bom_and_crlf_file_is_valid(cli: Cli, tmp_path: Path) -> None:
    source = (EXAMPLES / "saluzzo.yaml").read_text(encoding="utf-8")
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode("utf-8"))
    result = cli("plan", "validate", "--final", str(path))
    code, output = result.exit_code, result.output
    assert code == 0, output


def test_unquoted_istat_code_is_padded(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "piano.yaml"
    text = write_plan(path, minimal_plan()).read_text(encoding="utf-8")
    path.write_text(text.replace("'004203'", "004203").replace('"004203"', "004203"))
    assert "istat_code: 004203" in path.read_text()
    assert cli("plan", "validate", str(path)).exit_code == 0


def test_line_numbers_are_never_turned_into_emoji(cli: Cli, tmp_path: Path) -> None:
    base = minimal_plan()
    long_text = "\n".join(f"riga {i}" for i in range(120))
    data = {**{k: base[k] for k in ("schema_version", "plan", "comune")}, "context": {}}
    data["context"]["description"] = long_text
    data.update({k: v for k, v in base.items() if k not in data})
    data["measures"].append({"id": "M2", "title": "Altra", "lead": "nessuno"})
    path = write_plan(tmp_path / "lungo.yaml", data)
    lead_line = next(
        i for i, line in enumerate(path.read_text().splitlines(), 1) if "nessuno" in line
    )
    assert lead_line >= 100
    result = cli("plan", "validate", str(path))
    code, output = result.exit_code, result.output
    assert code == 3
    assert f"lungo.yaml:{lead_line}:" in output
    assert "\U0001f4af" not in output  # the "100" emoji


def test_italian_thousands_separator_in_amounts_is_caught(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "piano.yaml"
    text = write_plan(path, minimal_plan()).read_text(encoding="utf-8")
    text = text.replace(
        "    end: 2026-06\n",
        "    end: 2026-06\n    budget:\n      - amount: 60.000\n        source: fnpm\n",
    )
    path.write_text(text.replace("status: bozza", "status: bozza\n  version: 0.10"))
    result = cli("plan", "validate", "--json", str(path))
    code, output = result.exit_code, result.output
    assert code == 3
    findings = json.loads(output)["files"][0]["findings"]
    assert [f["path"] for f in findings] == ["measures[0].budget[0].amount"]
    assert "60000.00" in findings[0]["message"]


def test_a_monitoring_report_given_as_a_plan_is_told_so(cli: Cli) -> None:
    """A report picked up by ``piani/*.yaml`` gets one finding naming incas monitor, not a
    dozen about the plan's missing keys; render refuses it the same way."""
    report = EXAMPLES / "monitoraggio" / "saluzzo-2024.yaml"
    result = cli("plan", "validate", str(report))
    assert result.exit_code == 3
    assert result.stdout.count("errore [") == 1 and "(1 errore, 0 avvisi)" in result.stdout
    assert ":11:1: errore [NOT_A_PLAN] report: questo file è una relazione di monitoraggio" in (
        result.stdout
    )
    assert "incas monitor validate FILE" in result.stdout
    rendered = cli("plan", "render", str(report), "-o", "-")
    assert rendered.exit_code == 3 and "[NOT_A_PLAN]" in rendered.stderr


def test_a_wrong_region_in_the_file_does_not_move_the_funding_check(
    cli: Cli, tmp_path: Path
) -> None:
    """San Severo is in Puglia whatever the file says: a Su.Pr.Eme.2 line is fine there, and
    the only finding about the region is REGION_MISMATCH (was also FUNDING_OUTSIDE_REGION,
    «ma il piano è in Lazio»)."""
    data = minimal_plan()
    data["comune"] = {"name": "San Severo", "istat_code": "071051", "region": "Lazio"}
    data["measures"][0]["budget"] = [{"amount": "1000.00", "source": "supreme2"}]
    write_plan(tmp_path / "piano.yaml", data)
    result = cli("plan", "validate", "piano.yaml", cwd=tmp_path)
    assert "[REGION_MISMATCH]" in result.stdout
    assert "FUNDING_OUTSIDE_REGION" not in result.stdout


@pytest.mark.parametrize(
    ("comune", "code", "source", "outside"),
    [
        ("Sabaudia", "059024", "soleil", False),
        ("San Severo", "071051", "soleil", True),
        ("Milano", "015146", "inlav", False),
        ("Saluzzo", "004203", "caslis-plus", True),
        ("Perugia", "054039", "umbria-legale-sicura", False),
    ],
)
def test_the_ministry_s_regional_projects_are_checked_against_the_plan_s_region(
    cli: Cli, tmp_path: Path, comune: str, code: str, source: str, outside: bool
) -> None:
    """Each of the Ministry's regional projects (DOMAIN section 7) is a catalogue source with
    its regions: a Lazio plan budgets Soleil without a warning, a Puglia plan gets one."""
    data = minimal_plan()
    data["comune"] = {"name": comune, "istat_code": code}
    data["measures"][0]["budget"] = [{"amount": "1000.00", "source": source}]
    write_plan(tmp_path / "piano.yaml", data)
    result = cli("plan", "validate", "piano.yaml", cwd=tmp_path)
    assert "FUNDING_SOURCE_NOT_IN_CATALOG" not in result.stdout
    assert ("[FUNDING_OUTSIDE_REGION]" in result.stdout) is outside, result.stdout


def test_the_readme_examples_are_what_validate_prints(cli: Cli, tmp_path: Path) -> None:
    """The two outputs of «Controllare un piano» in the README, from ``examples/breve.yaml``
    with a mistyped key and an amount with the thousands dot, then with those corrected."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Controllare un piano") :]
    blocks = [
        block.split("\n", 1)[1]
        for block in section.split("```console\n")[1:4]
        if block.startswith("$ incas plan validate piano.yaml\n")
    ]
    assert len(blocks) == 2
    text = (EXAMPLES / "breve.yaml").read_text(encoding="utf-8")
    wrong = text.replace("    lead: comune\n", "    lead: comun\n    partner: [prefettura-cn]\n", 1)
    wrong = wrong.replace("      - amount: 60000.00", "      - amount: 60.000", 1)
    fixed = wrong.replace("partner: [", "partners: [").replace("amount: 60.000", "amount: 60000.00")
    for content, block in zip((wrong, fixed), blocks, strict=True):
        (tmp_path / "piano.yaml").write_text(content, encoding="utf-8")
        result = cli("plan", "validate", "piano.yaml", cwd=tmp_path)
        assert result.exit_code == 3
        shown = block.split("```")[0].splitlines()
        lines = result.output.splitlines()
        if shown[0] == "…":  # the README leaves out the lines before
            shown, lines = shown[1:], lines[-(len(shown) - 1) :]
        assert lines == shown, result.output
