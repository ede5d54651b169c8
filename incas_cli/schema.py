"""The JSON Schema of the plan file (v1), generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any

from incas_cli.models import Plan

_EXTENSION_KEYS = {"^x-": {"description": "Annotazioni libere, ignorate da incas"}}
# pydantic leaves decimal constraints under its own names; editors know JSON Schema's.
_RENAMES: dict[str, str] = {"ge": "minimum", "le": "maximum"}
_DROP = {"max_digits", "decimal_places"}


def _polish(node: Any) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in _DROP:
                continue
            out[_RENAMES.get(key) or key] = _polish(value)
        if out.get("additionalProperties") is False:
            out["patternProperties"] = _EXTENSION_KEYS
        return out
    if isinstance(node, list):
        return [_polish(v) for v in node]
    return node


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    polished: dict[str, Any] = _polish(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **polished}


def schema_json() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=False)
