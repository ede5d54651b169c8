"""The JSON Schema of the plan file (v1), generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any

from incas_cli.messages import models as models_msg
from incas_cli.models import Plan

_EXTENSION_KEYS = {"^x-": {"description": models_msg.EXTENSION_KEYS_DESCRIPTION}}
# pydantic leaves decimal constraints under its own names; editors know JSON Schema's.
_RENAMES: dict[str, str] = {"ge": "minimum", "le": "maximum"}
_DROP = {"max_digits", "decimal_places"}


def _polish(node: Any, *, in_properties: bool = False) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in _DROP:
                continue
            # pydantic titles fields in English ("Peak Months"), which editors show on hover
            if key == "title" and not in_properties and isinstance(value, str):
                continue
            out[_RENAMES.get(key) or key] = _polish(value, in_properties=key == "properties")
        if out.get("additionalProperties") is False:
            out["patternProperties"] = _EXTENSION_KEYS
        return out
    if isinstance(node, list):
        return [_polish(v) for v in node]
    return node


def _catalogue_choices(schema: dict[str, Any]) -> None:
    """Catalogue ids as choices, so that editors complete them (the catalogue is data)."""
    from incas_cli.catalog import load_catalog

    catalog = load_catalog()
    defs = schema["$defs"]
    enums = {
        ("Stakeholder", "type"): list(catalog.actor_types),
        ("Need", "area"): list(catalog.need_areas),
        ("Table", "topic"): list(catalog.need_areas),
        ("PlanInfo", "national_plan"): list(catalog.national_plans),
    }
    for (model, field), ids in enums.items():
        prop = defs[model]["properties"][field]
        options = prop.get("anyOf", [prop])
        for option in options:
            if option.get("type") == "string":
                option.pop("pattern", None)
                option.pop("maxLength", None)
                option["enum"] = ids
    budget = defs["BudgetLine"]["properties"]["source"]
    budget["examples"] = list(catalog.funding_sources)


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    polished: dict[str, Any] = _polish(schema)
    _catalogue_choices(polished)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": Plan.model_config.get("title"),
        **{k: v for k, v in polished.items() if k != "title"},
    }


def schema_json() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=False)


def report_schema_json(name: str) -> str:
    """The JSON Schema of the ``--json`` report ``name`` (``UsageError`` for an unknown one)."""
    from incas_cli.errors import UsageError
    from incas_cli.messages import cli as msg
    from incas_cli.reports import REPORT_KINDS, report_schema

    for kind in REPORT_KINDS:
        if kind == name:
            return json.dumps(report_schema(kind), ensure_ascii=False, indent=2)
    raise UsageError(
        msg.UNKNOWN_REPORT.format(name=name),
        hint=msg.UNKNOWN_REPORT_HINT.format(names=", ".join(REPORT_KINDS)),
    )
