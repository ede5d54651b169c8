"""The ``--json`` reports: one envelope, and each command's real output valid against the
JSON Schema that ``incas schema --report NAME`` publishes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from incas_cli.messages import cli as msg
from incas_cli.reports import REPORT_KINDS
from tests.conftest import Cli
from tests.helpers import EXAMPLES, minimal_plan, write_plan

DIFF_DATA = Path(__file__).resolve().parent / "data" / "diff"


_SCHEMAS: dict[str, dict[str, Any]] = {}


def _run(cli: Cli, *args: str, exit_code: int) -> str:
    result = cli(*args)
    assert result.exit_code == exit_code, result.output
    return result.stdout


def _schema(cli: Cli, name: str) -> dict[str, Any]:
    """The schema ``incas schema --report NAME`` prints (once per test session)."""
    if name not in _SCHEMAS:
        schema: dict[str, Any] = json.loads(_run(cli, "schema", "--report", name, exit_code=0))
        jsonschema.Draft202012Validator.check_schema(schema)
        _SCHEMAS[name] = schema
    return _SCHEMAS[name]


def _check(cli: Cli, name: str, stdout: str) -> dict[str, Any]:
    """The report parsed, after checking its envelope and its schema."""
    report: dict[str, Any] = json.loads(stdout)
    assert list(report)[:2] == ["version", "kind"]
    assert (report["version"], report["kind"]) == (1, name)
    validator = jsonschema.Draft202012Validator(_schema(cli, name))
    validator.validate(report)
    for key, wrong in (("kind", "altro"), ("version", 2)):
        assert not validator.is_valid({**report, key: wrong})
    return report


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A valid plan, an invalid one, one without a plan's shape, an unreadable one."""
    folder = tmp_path / "piani"
    folder.mkdir()
    shutil.copy(EXAMPLES / "saluzzo.yaml", folder / "saluzzo.yaml")
    invalid = minimal_plan()
    invalid["measures"][0]["lead"] = "nessuno"
    write_plan(folder / "invalido.yaml", invalid)
    (folder / "rotto.yaml").write_text("schema_version: 1\nplan: [\n", encoding="utf-8")
    (folder / "forma.yaml").write_text("schema_version: 1\nplan: 3\n", encoding="utf-8")
    return folder


def test_validate_report(cli: Cli, plans: Path) -> None:
    report = _check(
        cli, "validate", _run(cli, *["plan", "validate", "--json", str(plans)], exit_code=1)
    )
    assert {f["status"] for f in report["files"]} == {"ok", "invalid", "failed"}
    failed = next(f for f in report["files"] if f["status"] == "failed")
    assert "findings" not in failed and failed["error"]["message"]


def test_status_report(cli: Cli, plans: Path) -> None:
    report = _check(
        cli, "status", _run(cli, *["plan", "status", "--json", str(plans)], exit_code=1)
    )
    assert [f["readable"] for f in report["files"]] == [True, True, False, True]  # by name
    assert report["files"][0]["plan"] is None
    assert report["files"][3]["budget"]["currency"] == "EUR"


def test_build_report(cli: Cli, plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "documenti"
    args = ["plan", "build", str(plans), "-o", str(out), "--json", "-j", "1"]
    report = _check(cli, "build", _run(cli, *args, exit_code=1))
    assert report["summary"] == {"total": 4, "ok": 1, "invalid": 2, "failed": 1, "skipped": 0}


def test_diff_report(cli: Cli) -> None:
    old, new = DIFF_DATA / "saluzzo-v1.yaml", DIFF_DATA / "saluzzo-v2.yaml"
    report = _check(
        cli, "diff", _run(cli, *["plan", "diff", "--json", str(old), str(new)], exit_code=0)
    )
    assert report["format"] == 1 and not report["empty"]


def test_diff_of_an_unreadable_file_is_a_validate_report(cli: Cli, tmp_path: Path) -> None:
    old = DIFF_DATA / "saluzzo-v1.yaml"
    stdout = _run(
        cli, *["plan", "diff", "--json", str(old), str(tmp_path / "manca.yaml")], exit_code=1
    )
    assert _check(cli, "validate", stdout)["files"][0]["status"] == "failed"


@pytest.mark.parametrize(
    "args",
    [
        ["plans"],
        ["axes"],
        ["actions"],
        ["actors"],
        ["needs"],
        ["funding"],
        ["measures"],
        ["measures", "--azione", "3"],
    ],
    ids=" ".join,
)
def test_catalog_reports(cli: Cli, args: list[str]) -> None:
    report = _check(cli, "catalog", _run(cli, *["catalog", *args, "--json"], exit_code=0))
    assert report["table"] == args[0]


def test_every_report_has_a_schema_and_the_help_names_them_all(cli: Cli) -> None:
    assert set(REPORT_KINDS) == {"validate", "status", "build", "diff", "catalog"}
    for name in REPORT_KINDS:
        assert name in msg.SCHEMA_REPORT_HELP
        assert _schema(cli, name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_unknown_report_is_an_italian_usage_error(cli: Cli) -> None:
    result = cli("schema", "--report", "validat")
    assert result.exit_code == 2
    assert "errore: rapporto JSON sconosciuto: «validat»" in result.stderr
    assert "validate, status, build, diff, catalog" in result.stderr
    assert result.stdout == ""


def test_report_schema_written_to_a_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "status.schema.json"
    _run(cli, "schema", "--report", "status", "-o", str(target), exit_code=0)
    assert json.loads(target.read_text(encoding="utf-8")) == _schema(cli, "status")
