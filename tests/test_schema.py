"""`incas schema`: a JSON Schema that editors can use and that agrees with the validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from incas_cli.io import load_yaml
from tests.conftest import Cli
from tests.helpers import example_files


def _schema(cli: Cli) -> dict[str, Any]:
    result = cli("schema")
    assert result.exit_code == 0
    schema: dict[str, Any] = json.loads(result.output)
    return schema


def _jsonable(node: Any) -> Any:
    """YAML values as a YAML language server sees them (dates as strings)."""
    if isinstance(node, dict):
        return {k: _jsonable(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_jsonable(v) for v in node]
    if hasattr(node, "isoformat"):
        return node.isoformat()
    if type(node).__name__ == "Decimal":
        return float(node)
    return node


def test_schema_is_a_valid_draft_2020_12_schema(cli: Cli) -> None:
    schema = _schema(cli)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"]["const"] == 1
    assert set(schema["required"]) == {"schema_version", "plan", "comune"}
    # the v1 keys, exactly as the contract lists them
    assert list(schema["properties"]) == [
        "schema_version",
        "plan",
        "comune",
        "context",
        "stakeholders",
        "relations",
        "governance",
        "organization",
        "needs",
        "strategy",
        "measures",
        "monitoring",
        "process",
    ]
    assert "from" in schema["$defs"]["Relation"]["properties"]


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_satisfy_the_schema(cli: Cli, path: Path) -> None:
    validator = jsonschema.Draft202012Validator(_schema(cli))
    errors = list(validator.iter_errors(_jsonable(load_yaml(path).plain())))
    assert errors == []


def test_schema_flags_a_typo_and_allows_extension_keys(cli: Cli) -> None:
    validator = jsonschema.Draft202012Validator(_schema(cli))
    base = {
        "schema_version": 1,
        "plan": {"national_plan": "piano-triennale-2020-2022", "title": "T"},
        "comune": {"name": "Saluzzo"},
    }
    assert list(validator.iter_errors({**base, "x-nota": "libera"})) == []
    assert list(validator.iter_errors({**base, "measurs": []}))


def test_schema_to_file_refuses_overwrite(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "plan.schema.json"
    assert cli("schema", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "object"
    again = cli("schema", "-o", str(out))
    assert again.exit_code == 2
    assert "--force" in again.output
    assert cli("schema", "-o", str(out), "--force").exit_code == 0


def test_catalogue_ids_are_offered_as_choices_and_titles_are_not_english(cli: Cli) -> None:
    schema = _schema(cli)
    stakeholder_type = schema["$defs"]["Stakeholder"]["properties"]["type"]["anyOf"][0]
    assert "terzo-settore" in stakeholder_type["enum"]
    need_area = schema["$defs"]["Need"]["properties"]["area"]["anyOf"][0]
    assert "alloggio" in need_area["enum"]
    assert "pnrr-m5c2-i2.2" in schema["$defs"]["BudgetLine"]["properties"]["source"]["examples"]
    assert "Peak Months" not in json.dumps(schema)
