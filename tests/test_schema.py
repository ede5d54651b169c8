"""`incas schema`: a JSON Schema that editors can use and that agrees with the validator."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from incas_cli.io import load_yaml
from incas_cli.messages.fields import FIELDS
from incas_cli.models import Plan
from tests.conftest import Cli
from tests.helpers import example_files

GOLDEN = Path(__file__).parent / "golden" / "plan.schema.json"
UPDATE = os.environ.get("INCAS_UPDATE_GOLDEN") == "1"


def _schema(cli: Cli) -> dict[str, Any]:
    result = cli("schema")
    assert result.exit_code == 0
    schema: dict[str, Any] = json.loads(result.output)
    return schema


def node(schema: dict[str, Any], *keys: str) -> dict[str, Any]:
    """The schema of a key of the plan file: ``node(schema, "measures", "budget", "source")``
    (through lists and nullable objects)."""
    for key in keys:
        while schema.get("type") == "array" or "array" in schema.get("type", []):
            schema = schema["items"]
        schema = schema["properties"][key]
    return schema


def json_like(node: Any) -> Any:
    """YAML values as a YAML language server sees them (dates as strings)."""
    if isinstance(node, dict):
        return {k: json_like(v) for k, v in node.items()}
    if isinstance(node, list):
        return [json_like(v) for v in node]
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
    assert "from" in node(schema, "relations")["items"]["properties"]
    assert "$defs" not in schema and "$ref" not in json.dumps(schema)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_satisfy_the_schema(cli: Cli, path: Path) -> None:
    validator = jsonschema.Draft202012Validator(_schema(cli))
    errors = list(validator.iter_errors(json_like(load_yaml(path).plain())))
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


def test_catalogue_ids_are_offered_with_their_italian_labels(cli: Cli) -> None:
    schema = _schema(cli)
    actor_type = node(schema, "stakeholders", "type")
    assert actor_type["type"] == ["string", "null"]
    assert "terzo-settore" in actor_type["enum"]
    labels = dict(zip(actor_type["enum"], actor_type["markdownEnumDescriptions"], strict=True))
    assert labels["prefettura"].startswith("Prefettura")
    assert len(actor_type["enumDescriptions"]) == len(actor_type["enum"])
    area = node(schema, "needs", "area")
    assert "alloggio" in area["enum"]
    assert node(schema, "governance", "tables", "topic")["enum"] == area["enum"]
    # funding sources: the catalogue's ids with labels, or free text
    listed, free = node(schema, "measures", "budget", "source")["anyOf"][:2]
    assert "pnrr-m5c2-i2.2" in listed["enum"]
    assert free["pattern"] == r"\S"
    status = node(schema, "plan", "status")
    assert status["enum"] == ["bozza", "in_consultazione", "proposta", "adottato", None]
    assert status["enumDescriptions"][1] == "In consultazione"


def test_actions_are_the_ten_of_the_national_plan_with_their_titles(cli: Cli) -> None:
    actions = node(_schema(cli), "measures", "actions")["items"]
    assert actions["enum"] == list(range(1, 11))
    assert actions["enumDescriptions"][4].startswith("5. ")
    assert "(" in actions["enumDescriptions"][4]  # the axis


def test_every_key_has_an_italian_title_and_description(cli: Cli) -> None:
    schema = _schema(cli)
    text = json.dumps(schema)
    assert "Peak Months" not in text and "anyOf" not in json.dumps(node(schema, "plan", "period"))

    def walk(model: Any, here: dict[str, Any]) -> None:
        texts = FIELDS[model.__name__]
        for name, info in model.model_fields.items():
            key = info.alias or name
            prop = here["properties"][key]
            assert (prop["title"], prop["description"]) == texts[key]
            inner = info.annotation
            for candidate in [inner, *getattr(inner, "__args__", ())]:
                target = candidate
                if getattr(target, "__origin__", None) is list:
                    (target,) = target.__args__
                if isinstance(target, type) and hasattr(target, "model_fields"):
                    sub = prop.get("items", prop)
                    walk(target, sub)

    walk(Plan, schema)
    assert set(FIELDS) >= {"Plan", "Measure", "BudgetLine"}


def test_months_and_dates_have_patterns_with_italian_messages(cli: Cli) -> None:
    schema = _schema(cli)
    start = node(schema, "measures", "start")
    assert start["type"] == ["string", "null"]
    assert start["patternErrorMessage"].startswith("usa il formato AAAA-MM")
    date = node(schema, "plan", "adoption", "date")
    assert date["format"] == "date" and "AAAA-MM-GG" in date["patternErrorMessage"]
    assert node(schema, "comune", "istat_code")["type"] == ["string", "integer", "null"]


def test_the_schema_is_the_golden_file(cli: Cli) -> None:
    """The same schema with every supported pydantic version (CI runs the lowest too)."""
    text = cli("schema").stdout
    if UPDATE:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), "run with INCAS_UPDATE_GOLDEN=1"
