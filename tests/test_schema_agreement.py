"""The editor's JSON Schema and ``incas plan validate`` give the same verdict.

One corpus of plan files (``examples/breve.yaml`` with one line changed), fed to JSON
Schema validators and to ``incas plan validate``: a file is good for both or bad for both,
for every rule the schema can state. What a schema cannot see is listed apart, so that the
limit is written down.

The validators: jsonschema, reading the YAML as editors do, always; and check-jsonschema,
the command users run in their own CI, when it is installed. It needs a newer ruamel.yaml
than the oldest incas supports, so it lives in a virtual environment of its own, named by
``INCAS_CHECK_JSONSCHEMA`` (``.ci/run`` makes one) or found on ``PATH``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import Cli
from tests.helpers import EXAMPLES
from tests.test_schema import json_like

BASE = (EXAMPLES / "breve.yaml").read_text(encoding="utf-8")

# (name, text in breve.yaml, replacement); the name says the verdict: good-... or bad-...
CASES = [
    ("good-unchanged", "", ""),
    ("good-istat-as-number", 'istat_code: "004104"', "istat_code: 4104"),
    ("good-istat-unquoted", 'istat_code: "004104"', "istat_code: 004104"),
    ("good-open-field", "region: Piemonte", "region:"),
    ("good-version-number", 'version: "0.1"', "version: 0.1"),
    ("good-extension-key", "region: Piemonte", "region: Piemonte\n  x-nota: libera"),
    ("good-amount-text", "amount: 60000.00", 'amount: "60000.00"'),
    ("good-amount-euro", "amount: 60000.00", 'amount: "€ 60000"'),
    ("good-amount-groups", "amount: 60000.00", 'amount: "60 000"'),
    ("good-amount-in-kind", "amount: 60000.00", "amount: 0"),
    ("good-two-actions", "actions: [5]", "actions: [5, 9]"),
    ("good-cup", "source: fnpm", "source: fnpm\n        cup: J71B22000330006"),
    ("good-cup-spaced", "source: fnpm", "source: fnpm\n        cup: j71b 2200 0330 006"),
    ("good-budget-year", "source: fnpm", "source: fnpm\n        year: 2025"),
    (
        "good-indicator",
        "        source: fnpm\n",
        "        source: fnpm\n    indicators:\n      - {name: posti, target: '52.5'}\n",
    ),
    ("good-free-source", "source: fnpm", "source: Fondazione CRC, bando 2025"),
    (
        "good-adoption-date",
        'version: "0.1"',
        'version: "0.1"\n  adoption: {organ: giunta, number: "45", date: 2024-05-10}',
    ),
    ("bad-month-13", "start: 2025-05", "start: 2025-13"),
    ("bad-month-words", "start: 2025-05", "start: marzo 2025"),
    ("bad-month-with-day", "start: 2025-05", "start: 2025-05-01"),
    ("bad-month-year", "start: 2025-05", "start: 0205-05"),
    ("bad-review-month", "reviews: [2025-12,", "reviews: [2025-12-31,"),
    ("bad-date", 'version: "0.1"', 'version: "0.1"\n  adoption: {organ: giunta, date: 2024-13-10}'),
    ("bad-amount-thousands-text", "amount: 60000.00", 'amount: "60.000"'),
    ("bad-amount-comma", "amount: 60000.00", 'amount: "60000,50"'),
    ("bad-amount-negative", "amount: 60000.00", "amount: -5"),
    ("bad-amount-words", "amount: 60000.00", "amount: sessantamila"),
    ("bad-action-42", "actions: [5]", "actions: [42]"),
    ("bad-action-0", "actions: [5]", "actions: [0]"),
    ("bad-action-text", "actions: [5]", 'actions: ["5"]'),
    ("bad-istat-short", 'istat_code: "004104"', 'istat_code: "4104"'),
    ("bad-istat-letters", 'istat_code: "004104"', "istat_code: LAGNAS"),
    ("bad-actor-type", "type: terzo-settore", "type: terzo-setore"),
    ("bad-need-area", "area: alloggio", "area: casa"),
    ("bad-unknown-key", "urgency: 3", "urgency: 3\n    urgenza: 3"),
    ("bad-power-6", "power: 2", "power: 6"),
    ("bad-power-text", "power: 2", 'power: "2"'),
    ("bad-severity-half", "severity: 4", "severity: 4.5"),
    ("bad-engagement", "engagement: coinvolgere", "engagement: coinvolto"),
    ("bad-status", "status: bozza", "status: approvato"),
    ("bad-province", "province: CN", "province: Cuneo"),
    ("bad-province-lowercase", "province: CN", "province: cn"),
    ("bad-peak-month-13", "peak_months: [8, 9, 10]", "peak_months: [8, 13]"),
    ("bad-peak-month-repeated", "peak_months: [8, 9, 10]", "peak_months: [8, 8]"),
    ("bad-workers-negative", "workers: 350", "workers: -1"),
    ("bad-empty-title", "title: Accoglienza diffusa comunale", 'title: " "'),
    ("bad-cup", "source: fnpm", "source: fnpm\n        cup: ABC"),
    ("bad-budget-year", "source: fnpm", "source: fnpm\n        year: 25"),
    (
        "bad-indicator-target",
        "        source: fnpm\n",
        "        source: fnpm\n    indicators:\n      - {name: posti, target: cinquanta}\n",
    ),
    (
        "bad-indicator-huge",
        "        source: fnpm\n",
        "        source: fnpm\n    indicators:\n      - {name: posti, target: 1e20}\n",
    ),
    ("bad-national-plan", "national_plan: piano-triennale-2020-2022", "national_plan: piano-2030"),
    ("bad-schema-version", "schema_version: 1", "schema_version: 2"),
    ("bad-slug", "- id: prefettura-cn", "- id: Prefettura CN"),
    ("bad-missing-name", "  name: Lagnasco\n", ""),
]

# Rules only the validator can check: the schema accepts these files, the validator does not.
NOT_IN_SCHEMA = [
    # YAML's 60.000 is the number 60 for an editor; incas reads the digits as written
    ("amount-thousands-dot", "amount: 60000.00", "amount: 60.000"),
    # references between parts of the plan
    ("unknown-lead", "lead: comune\n    start: 2025-05", "lead: comun\n    start: 2025-05"),
    # order of two months
    ("period-reversed", "start: 2025-01", "start: 2028-01"),
    # the ISTAT list
    ("istat-of-another-comune", 'istat_code: "004104"', 'istat_code: "004203"'),
]


def _variant(old: str, new: str) -> str:
    if not old:
        return BASE
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def _write(folder: Path, cases: list[tuple[str, str, str]]) -> list[Path]:
    paths = []
    for name, old, new in cases:
        path = folder / f"{name}.yaml"
        path.write_text(_variant(old, new), encoding="utf-8")
        paths.append(path)
    return paths


def _schema_verdicts(cli: Cli, folder: Path, paths: list[Path]) -> dict[str, bool]:
    """What a JSON Schema validator says of each file, reading the YAML as editors do
    (YAML 1.2; a date is text, a number is a number)."""
    schema = folder / "plan.schema.json"
    assert cli("schema", "-o", str(schema)).exit_code == 0
    validator = jsonschema.Draft202012Validator(
        json.loads(schema.read_text(encoding="utf-8")),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    return {path.stem: validator.is_valid(_as_an_editor_reads(path)) for path in paths}


def _as_an_editor_reads(path: Path) -> Any:
    """YAML 1.2 as yaml-language-server reads it: a date-like value is text."""
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import SafeConstructor

    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str
    )
    return json_like(yaml.load(path.read_text(encoding="utf-8")))


def _validator_verdicts(cli: Cli, paths: list[Path]) -> dict[str, bool]:
    result = cli("plan", "validate", "--json", *map(str, paths))
    report = json.loads(result.stdout)
    return {Path(f["file"]).stem: f.get("valid", False) for f in report["files"]}


def test_schema_and_validator_agree_on_the_corpus(cli: Cli, tmp_path: Path) -> None:
    paths = _write(tmp_path, CASES)
    by_schema = _schema_verdicts(cli, tmp_path, paths)
    by_validator = _validator_verdicts(cli, paths)
    expected = {name: name.startswith("good-") for name, _, _ in CASES}
    assert by_validator == expected
    assert by_schema == expected


def _check_jsonschema() -> str | None:
    named = os.environ.get("INCAS_CHECK_JSONSCHEMA")
    return named if named and Path(named).is_file() else shutil.which("check-jsonschema")


def _check_jsonschema_verdicts(program: str, folder: Path, paths: list[Path]) -> dict[str, bool]:
    """What check-jsonschema says of each file, in one run (its JSON report names the
    files with errors)."""
    schema = folder / "plan.schema.json"
    result = subprocess.run(
        [program, "--schemafile", str(schema), "--output-format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    assert report["parse_errors"] == [], report["parse_errors"]
    failed = {Path(error["filename"]).stem for error in report["errors"]}
    return {path.stem: path.stem not in failed for path in paths}


def test_check_jsonschema_agrees_with_the_validator(cli: Cli, tmp_path: Path) -> None:
    program = _check_jsonschema()
    if program is None:
        pytest.skip("check-jsonschema not installed (INCAS_CHECK_JSONSCHEMA; .ci/run installs it)")
    paths = _write(tmp_path, CASES)
    _schema_verdicts(cli, tmp_path, paths)  # writes plan.schema.json beside the files
    expected = {name: name.startswith("good-") for name, _, _ in CASES}
    assert _check_jsonschema_verdicts(program, tmp_path, paths) == expected
    assert _validator_verdicts(cli, paths) == expected


def test_what_only_the_validator_sees(cli: Cli, tmp_path: Path) -> None:
    paths = _write(tmp_path, NOT_IN_SCHEMA)
    assert set(_schema_verdicts(cli, tmp_path, paths).values()) == {True}
    assert set(_validator_verdicts(cli, paths).values()) == {False}
