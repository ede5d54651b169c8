"""``incas monitor``: the monitoring file checked against its plan, ``init`` and ``status``.

The plan and the two reports in ``tests/data/monitor`` are written by hand (not by the
tool) and held out of the examples.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli

DATA = Path(__file__).parent / "data" / "monitor"
PLAN = "piano-lavello.yaml"
REPORTS = ("relazione-2024.yaml", "relazione-2025.yaml")
WHERE = re.compile(r"^(?P<file>[^:\s]+\.yaml):(?P<line>\d+):(?P<col>\d+): ", re.MULTILINE)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in (PLAN, *REPORTS):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def _variant(folder: Path, name: str, old: str, new: str, source: str = REPORTS[1]) -> str:
    text = (folder / source).read_text(encoding="utf-8")
    assert old in text, old
    (folder / name).write_text(text.replace(old, new), encoding="utf-8")
    return name


def _codes(output: str) -> set[str]:
    return set(re.findall(r"\[([A-Z_]+)\]", output))


# --- validate ------------------------------------------------------------------------------


def test_the_hand_written_reports_are_valid(cli: Cli, folder: Path) -> None:
    result = cli("monitor", "validate", *REPORTS, cwd=folder)
    assert result.exit_code == 0, result.output
    assert "relazione-2025.yaml: valido (0 errori, 0 avvisi)" in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "code", "line"),
    [
        ("- id: M2\n", "- id: M7\n", "UNKNOWN_MEASURE", 20),
        ("paid: 33210.40", "paid: 63210.40", "PAID_ABOVE_COMMITTED", 25),
        ("committed: 20000.00", "committed: 70000.00", "COMMITTED_ABOVE_BUDGET", 17),
        ("progress: 40", "progress: quaranta", "INVALID_VALUE", 22),
        ("committed: 60000.00", "committed: sessantamila", "INVALID_VALUE", 25),
        ("value: 95", "value: novantacinque", "INVALID_VALUE", 30),
        ("start: 2025-01, end: 2025-12", "start: 2025-01, end: 2027-03", "PERIOD_OUTSIDE_PLAN", 5),
        ("indicator: M2-corse", "indicator: M2-corsa", "UNKNOWN_INDICATOR", 30),
        ("date: 2025-10", "date: 2026-02", "DATE_OUTSIDE_PERIOD", 30),
        ("status: in-corso\n    progress: 40", "status: completata", "COMPLETED_WITHOUT_END", 21),
        (
            "participants: [comune, prefettura-pz]",
            "participants: [comune, prefetura-pz]",
            "UNKNOWN_STAKEHOLDER",
            35,
        ),
    ],
)
def test_a_bad_report_gets_exit_3_with_its_place(
    cli: Cli, folder: Path, old: str, new: str, code: str, line: int
) -> None:
    name = _variant(folder, "sbagliata.yaml", old, new)
    result = cli("monitor", "validate", name, cwd=folder)
    assert result.exit_code == 3, result.output
    assert code in _codes(result.stdout), result.stdout
    lines = [
        int(m["line"])
        for m in WHERE.finditer(result.stdout)
        if m["file"] == name and f"[{code}]" in result.stdout[m.end() :].split("\n")[0]
    ]
    assert line in lines, result.stdout


def test_did_you_mean_for_measures_and_indicators(cli: Cli, folder: Path) -> None:
    name = _variant(folder, "sbagliata.yaml", "indicator: M2-corse", "indicator: M2-corsa")
    result = cli("monitor", "validate", name, cwd=folder)
    assert "forse intendevi «M2-corse»?" in result.stdout
    name = _variant(folder, "sbagliata2.yaml", "- id: M2\n", "- id: M22\n")
    result = cli("monitor", "validate", name, cwd=folder)
    assert "forse intendevi «M2»?" in result.stdout
    # the id in another case: too short for a spelling suggestion, told apart by its case
    name = _variant(folder, "sbagliata3.yaml", "- id: M2\n", "- id: m2\n")
    result = cli("monitor", "validate", name, cwd=folder)
    assert "errore [UNKNOWN_MEASURE]" in result.stdout
    assert "forse intendevi «M2»?" in result.stdout


def test_a_report_for_another_plan(cli: Cli, folder: Path, tmp_path: Path) -> None:
    # named on the command line: the report names another file
    other = tmp_path / "altro.yaml"
    shutil.copy(DATA / PLAN, other)
    result = cli("monitor", "validate", "--plan", "altro.yaml", REPORTS[0], cwd=folder)
    assert result.exit_code == 3
    assert "REPORT_FOR_OTHER_PLAN" in result.stdout
    assert f"{REPORTS[0]}:4:" in result.stdout
    # a plan whose measures the report does not know
    text = (DATA / PLAN).read_text(encoding="utf-8")
    for old, new in (("id: M1", "id: A1"), ("id: M2", "id: A2"), ("id: M3", "id: A3")):
        text = text.replace(old, new)
    (folder / "diverso.yaml").write_text(text, encoding="utf-8")
    name = _variant(folder, "altra.yaml", "file: piano-lavello.yaml", "file: diverso.yaml")
    result = cli("monitor", "validate", name, cwd=folder)
    assert result.exit_code == 3
    assert "REPORT_FOR_OTHER_PLAN" in result.stdout


def test_the_plan_version_differs_is_a_warning(cli: Cli, folder: Path) -> None:
    name = _variant(folder, "v.yaml", 'version: "1.0"', 'version: "0.9"')
    result = cli("monitor", "validate", name, cwd=folder)
    assert result.exit_code == 0, result.output
    assert "avviso [PLAN_VERSION_DIFFERS]" in result.stdout


def test_unreadable_files_exit_1(cli: Cli, folder: Path) -> None:
    name = _variant(folder, "senza-piano.yaml", "file: piano-lavello.yaml", "file: manca.yaml")
    result = cli("monitor", "validate", name, cwd=folder)
    assert result.exit_code == 1
    assert f"{name}:4:" in result.stderr and "manca.yaml" in result.stderr
    (folder / "rotta.yaml").write_text("report: [\n", encoding="utf-8")
    assert cli("monitor", "validate", "rotta.yaml", cwd=folder).exit_code == 1
    assert cli("monitor", "validate", "nessuna.yaml", cwd=folder).exit_code == 1


def test_a_report_in_a_subfolder_is_told_where_its_plan_was_looked_for(
    cli: Cli, folder: Path
) -> None:
    # report.plan.file is relative to the report's folder: a user who wrote the plan's
    # path as seen from where the command runs is told where incas looked, and what to write
    (folder / "relazioni").mkdir()
    shutil.copy(folder / REPORTS[1], folder / "relazioni" / REPORTS[1])
    report = f"relazioni/{REPORTS[1]}"
    result = cli("monitor", "validate", report, cwd=folder)
    assert result.exit_code == 1
    assert f"{report}:4:" in result.stderr
    assert f"relazioni/{PLAN}" in result.stderr, result.stderr
    assert f"file: ../{PLAN}" in result.stderr, result.stderr
    assert "incas plan new" not in result.stderr
    # run from elsewhere: the plan is found beside the report's folder, by its name
    result = cli("monitor", "validate", f"{folder.name}/{report}", cwd=folder.parent)
    assert result.exit_code == 1
    assert f"file: ../{PLAN}" in result.stderr, result.stderr
    # the plan given on the command line: the two names differ, and the fix is said
    for command in ("status", "report"):
        result = cli("monitor", command, PLAN, report, cwd=folder)
        assert result.exit_code == 3, result.output
        out = result.stdout + result.stderr
        assert f"al piano relazioni/{PLAN}, non a {PLAN}" in out, out
        assert f"file: ../{PLAN}" in out, out


def test_a_plan_given_as_a_report_is_told_so(cli: Cli, folder: Path) -> None:
    result = cli("monitor", "validate", PLAN, cwd=folder)
    assert result.exit_code == 3
    assert "NOT_A_REPORT" in result.stdout


def test_unknown_keys_suggest_the_report_s_own_keys(cli: Cli, folder: Path) -> None:
    name = _variant(folder, "k.yaml", "    progress: 40", "    progres: 40")
    result = cli("monitor", "validate", name, cwd=folder)
    assert result.exit_code == 3
    assert "forse intendevi «progress»?" in result.stdout
    name = _variant(folder, "x.yaml", "    progress: 40", "    x-mio: 1\n    progress: 40")
    assert cli("monitor", "validate", name, cwd=folder).exit_code == 0


def test_a_percentage_is_told_and_the_hint_names_the_report_schema(cli: Cli, folder: Path) -> None:
    """``progress: 40%`` is refused with what to write, and the hint names the monitoring
    file's own schema (``incas schema`` alone prints the plan's)."""
    name = _variant(folder, "p.yaml", "    progress: 40", "    progress: 40%")
    result = cli("monitor", "validate", name, cwd=folder)
    assert result.exit_code == 3
    assert f"{name}:22:15: errore [INVALID_VALUE] measures[1].progress:" in result.stdout
    assert "senza il segno di percentuale (40, non 40%)" in result.stdout
    assert "«incas schema --monitor» mostra il formato di ogni campo" in result.stdout


def test_a_value_with_the_thousands_dot_is_a_warning(cli: Cli, folder: Path) -> None:
    """``value: 1.200`` is read as one point two: said, as in the plan's indicators."""
    name = _variant(folder, "v.yaml", "value: 24, ", "value: 1.200, ")
    result = cli("monitor", "validate", name, cwd=folder)
    assert result.exit_code == 0, result.output
    assert "avviso [QUANTITY_THOUSANDS_DOT]" in result.stdout
    assert "«1.200» è letto come 1,2" in result.stdout


def test_validate_writes_github_annotations_as_plan_validate_does(cli: Cli, folder: Path) -> None:
    name = _variant(folder, "g.yaml", "- id: M2\n", "- id: M7\n")
    result = cli("monitor", "validate", "--output-format", "github", name, cwd=folder)
    assert result.exit_code == 3
    assert f"::error file={name},line=20,col=9,title=UNKNOWN_MEASURE::" in result.stdout
    assert "%0Asuggerimento: " in result.stdout
    wrong = cli("monitor", "validate", "--output-format", "xml", name, cwd=folder)
    assert wrong.exit_code == 2 and "text, json, github" in wrong.stderr


def test_text_after_a_hash_is_told_lost_not_dropped_silently(cli: Cli, folder: Path) -> None:
    """``issues: ... variante #2`` keeps only what comes before the «#»: a warning says so."""
    name = _variant(
        folder,
        "h.yaml",
        "issues: Il cantiere si è fermato due mesi per una variante.",
        "issues: Il cantiere si è fermato per la variante #2 del progetto.",
    )
    result = cli("monitor", "validate", name, cwd=folder)
    assert result.exit_code == 0, result.output
    assert f"{name}:18:13: avviso [COMMENT_IN_VALUE] measures[0].issues:" in result.stdout
    assert "«#2 del progetto.» è letto come un commento" in result.stdout
    assert 'issues: "Il cantiere si è fermato per la variante #2 del progetto."' in result.stdout


def test_validate_json_uses_the_validate_report(cli: Cli, folder: Path) -> None:
    name = _variant(folder, "j.yaml", "paid: 33210.40", "paid: 63210.40")
    result = cli("monitor", "validate", "--json", name, *REPORTS, cwd=folder)
    assert result.exit_code == 3
    report = json.loads(result.stdout)
    assert (report["version"], report["kind"]) == (1, "validate")
    first = report["files"][0]
    assert first["status"] == "invalid"
    finding = first["findings"][0]
    assert finding["code"] == "PAID_ABOVE_COMMITTED"
    assert (finding["line"], finding["path"]) == (25, "measures[1].spending[0].paid")
    assert [f["status"] for f in report["files"][1:]] == ["ok", "ok"]


# --- init --------------------------------------------------------------------------------


def test_init_writes_a_valid_report_with_guidance(cli: Cli, folder: Path) -> None:
    result = cli("monitor", "init", PLAN, "--period", "2026", cwd=folder)
    assert result.exit_code == 0, result.output
    written = folder / "piano-lavello-monitoraggio-2026.yaml"
    text = written.read_text(encoding="utf-8")
    assert "file: piano-lavello.yaml" in text
    assert "start: 2026-01" in text and "end: 2026-12" in text
    assert "# M1 – Foresteria stagionale (prevista da settembre 2024 a giugno 2026)" in text
    assert "source: pnrr-m5c2-i2.2" in text and "budget del piano: 900.000,00 €" in text
    assert "indicator: M1-posti" in text and "indicator: persone in alloggi informali" in text
    assert "partenza 400, traguardo 100" in text
    assert cli("monitor", "validate", written.name, cwd=folder).exit_code == 0


def test_init_comments_each_line_with_its_year_or_as_in_kind(cli: Cli, folder: Path) -> None:
    """Two lines of one source are told apart by their year; a contribution in kind is not
    shown as a budget of 0,00 €."""
    plan = folder / PLAN
    text = plan.read_text(encoding="utf-8")
    old = "      - amount: 50000.00\n        source: bilancio-comunale\n"
    new = (
        "      - {amount: 30000.00, source: bilancio-comunale, year: 2025}\n"
        "      - {amount: 20000.00, source: bilancio-comunale, year: 2026}\n"
        "      - {amount: 0, source: regione, note: personale}\n"
    )
    assert old in text
    plan.write_text(text.replace(old, new), encoding="utf-8")
    result = cli("monitor", "init", PLAN, "--period", "2025", "-o", "r.yaml", cwd=folder)
    assert result.exit_code == 0, result.output
    written = (folder / "r.yaml").read_text(encoding="utf-8")
    assert "# impegnato (budget del piano per il 2025: 30.000,00 €)" in written
    assert "# impegnato (budget del piano per il 2026: 20.000,00 €)" in written
    assert "# impegnato (nel piano è un contributo in natura, senza importo)" in written
    assert "piano: 0,00 €" not in written


def test_init_clips_a_year_to_the_plan_and_refuses_outside(cli: Cli, folder: Path) -> None:
    out = folder / "sub" / "r.yaml"
    out.parent.mkdir()
    result = cli("monitor", "init", PLAN, "--period", "2024", "-o", "sub/r.yaml", cwd=folder)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "start: 2024-07" in text and "file: ../piano-lavello.yaml" in text
    assert cli("monitor", "validate", "sub/r.yaml", cwd=folder).exit_code == 0
    for period in ("2030", "2024-01..2024-06", "l'anno scorso"):
        result = cli("monitor", "init", PLAN, "--period", period, "-o", "z.yaml", cwd=folder)
        assert result.exit_code == 2, period
        assert "periodo" in result.stderr
        assert not (folder / "z.yaml").exists()


def test_init_says_a_period_written_backwards_is_backwards(cli: Cli, folder: Path) -> None:
    """``2025-06..2025-01`` lies within the plan: the fault is the order, not the plan."""
    result = cli("monitor", "init", PLAN, "--period", "2025-06:2025-01", "-o", "z.yaml", cwd=folder)
    assert result.exit_code == 2
    assert "finisce (2025-01) prima di iniziare (2025-06)" in result.stderr, result.stderr
    assert "--period 2025-01..2025-06" in result.stderr
    assert "non sta dentro quello del piano" not in result.stderr
    assert not (folder / "z.yaml").exists()


def test_init_never_overwrites_without_force(cli: Cli, folder: Path) -> None:
    target = folder / "r.yaml"
    target.write_text("mio", encoding="utf-8")
    result = cli("monitor", "init", PLAN, "--period", "2025", "-o", "r.yaml", cwd=folder)
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "mio"
    args = ("monitor", "init", PLAN, "--period", "2025", "-o", "r.yaml", "--force")
    assert cli(*args, cwd=folder).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Relazione di monitoraggio")


# --- status ------------------------------------------------------------------------------


def test_status_fits_80_columns(cli: Cli, folder: Path) -> None:
    result = cli("monitor", "status", PLAN, *REPORTS, cwd=folder, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert re.search(r"in corso +M1, M2 +2", out)
    assert re.search(r"Totale +1\.110\.000,00\s€ +870\.000,50\s€ +481\.057,07\s€ +43,3%", out)
    # 43.6 beds expected (0 to 60): a count, shown as the whole number the line asks for
    assert re.search(r"posti letto attivi \(posti\) +24 +44 +60", out)
    assert "30/06/2026" in out  # the PNRR fund at risk of its deadline
    assert "la relazione non è ancora approvata" in out


def test_status_refuses_bad_or_overlapping_reports(cli: Cli, folder: Path) -> None:
    name = _variant(folder, "s.yaml", "paid: 33210.40", "paid: 63210.40")
    result = cli("monitor", "status", PLAN, name, cwd=folder)
    assert result.exit_code == 3
    assert WHERE.search(result.stdout)
    name = _variant(
        folder, "o.yaml", "start: 2025-01, end: 2025-12", "start: 2024-12, end: 2025-12"
    )
    result = cli("monitor", "status", PLAN, REPORTS[0], name, cwd=folder)
    assert result.exit_code == 3
    assert "si sovrappongono" in result.stderr


def test_status_and_report_with_plan_and_report_swapped_say_so(cli: Cli, folder: Path) -> None:
    """The report first and the plan after: a usage error naming the order, not «il piano
    ha errori di struttura» about a report."""
    for command in (("status",), ("report", "-o", "r.docx")):
        result = cli("monitor", *command, REPORTS[0], PLAN, cwd=folder)
        assert result.exit_code == 2, result.output
        assert f"{REPORTS[0]} è una relazione di monitoraggio, non il piano" in result.stderr
        assert f"ad esempio piano.yaml {REPORTS[0]}" in result.stderr
    assert not (folder / "r.docx").exists()


def test_the_same_report_given_twice_is_told_so(cli: Cli, folder: Path) -> None:
    """Not «i periodi … si sovrappongono» about a file and itself."""
    result = cli("monitor", "status", PLAN, REPORTS[0], f"./{REPORTS[0]}", cwd=folder)
    assert result.exit_code == 3
    assert "è indicata due volte" in result.stderr and "sovrappongono" not in result.stderr


def test_an_empty_missing_or_folder_report_gets_a_hint_about_reports(
    cli: Cli, folder: Path
) -> None:
    """The reader's hints speak of plans («incas plan init»); here they name monitor init."""
    (folder / "vuota.yaml").write_text("# solo un commento\n", encoding="utf-8")
    (folder / "sub").mkdir()
    result = cli("monitor", "validate", "vuota.yaml", "sub", "manca.yaml", cwd=folder)
    assert result.exit_code == 1
    assert result.stderr.count("incas monitor init PIANO --period 2025") == 2
    assert "indica i file .yaml delle relazioni" in result.stderr
    assert "incas plan" not in result.stderr


def test_the_bundled_example_report_is_valid(cli: Cli) -> None:
    examples = Path(__file__).parent.parent / "examples"
    report = examples / "monitoraggio" / "saluzzo-2024.yaml"
    assert cli("monitor", "validate", str(report)).exit_code == 0
    result = cli("monitor", "status", str(examples / "saluzzo.yaml"), str(report))
    assert result.exit_code == 0, result.output
    assert "PNRR M5C2" in result.stdout  # at risk: 24% paid, 40% of its time gone


def test_the_monitoring_file_has_a_json_schema(cli: Cli) -> None:
    import jsonschema

    from incas_cli.io import load_yaml

    def _jsonable(node: Any) -> Any:  # YAML values as an editor sees them
        if isinstance(node, dict):
            return {k: _jsonable(v) for k, v in node.items()}
        if isinstance(node, list):
            return [_jsonable(v) for v in node]
        if hasattr(node, "isoformat"):
            return node.isoformat()
        return float(node) if type(node).__name__ == "Decimal" else node

    result = cli("schema", "--monitor")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for name in REPORTS:
        data = _jsonable(load_yaml(DATA / name).plain())
        assert not list(validator.iter_errors(data)), name
        data["measures"][0]["progres"] = 1
        assert list(validator.iter_errors(data))
    spending = schema["properties"]["measures"]["items"]["properties"]["spending"]
    source = spending["items"]["properties"]["source"]
    assert "pnrr-m5c2-i2.2" in source["anyOf"][0]["enum"]
    states = schema["properties"]["measures"]["items"]["properties"]["status"]
    assert states["enum"][:2] == ["non-avviata", "in-corso"]


def test_plan_status_learns_about_reports(cli: Cli, folder: Path) -> None:
    plain = cli("plan", "status", PLAN, cwd=folder)
    args = ("plan", "status", PLAN, "--report", REPORTS[0], "--report", REPORTS[1])
    result = cli(*args, cwd=folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(plain.stdout)
    assert "Spesa per fonte di finanziamento" in result.stdout
    assert "Fondi a rischio di scadenza" in result.stdout
    refused = cli("plan", "status", PLAN, PLAN, "--json", "--report", REPORTS[0], cwd=folder)
    assert refused.exit_code == 2


def test_plan_commands_on_a_folder_leave_the_reports_beside_the_plans_out(
    cli: Cli, folder: Path
) -> None:
    result = cli("plan", "validate", ".", cwd=folder)
    assert result.exit_code == 0, result.output
    assert "piano-lavello.yaml" in result.stdout
    assert "relazione-2024.yaml" not in result.stdout
