"""The JSON Schema of the plan file (v1), for editors: built from the models, in Italian.

The schema is written here from the models' fields and their types, not taken from
pydantic's generator, so that it is the same with every supported pydantic version and
says exactly what the validator accepts: each type of the plan file
(:mod:`incas_cli.models.plan`: ``Month``, ``Slug``, ``IstatCode``, ``Money``...) has its
JSON form below, with the same patterns and bounds the model checks and an Italian
``patternErrorMessage`` (yaml-language-server shows it instead of the bare pattern).
Titles and descriptions come from :mod:`incas_cli.messages.fields` (the wizard's words),
the values of vocabularies and catalogue ids carry their Italian labels
(``enumDescriptions``, ``markdownEnumDescriptions``), a nullable field is
``"type": [..., "null"]``, and every object is written in place (no ``$ref``), so an
editor's hover shows the field's own title. A golden file in the tests pins the result.

What a schema cannot see is left to ``incas plan validate``: how YAML wrote a number
(``60.000`` is 60 for an editor), references between parts of the plan, dates that do not
exist, the ISTAT list.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import types
import typing
from decimal import Decimal
from typing import Any

from incas_cli.formats import MONTH_NAMES
from incas_cli.messages import fields as words
from incas_cli.messages import models as models_msg

SCHEMA_ID = "https://incas.invalid/schema/plan-v1.json"
MONITOR_SCHEMA_ID = "https://incas.invalid/schema/monitoring-v1.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Patterns of the text forms the validator accepts beside the strict ones.
_ISTAT = r"^\s*\d{6}\s*$"
_ANNEX = r"^\s*[A-Za-z0-9]{1,3}\s*$"
_CUP = r"^ *([A-Za-z0-9] *){15}$"
_DATE = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
_TEXT = r"\S"
# an amount written as text: digits (in groups of three with spaces), cents after a dot,
# a euro sign before or after
_MONEY_TEXT = r"^\s*(€\s*)?(\d+|\d{1,3}( \d{3})+)(\.\d{1,2})?(\s*€)?\s*$"
_MONEY_MAX = Decimal("9999999999999.99")  # 15 digits, 2 of them decimals


def _pattern(pattern: str, error: str, *, kinds: tuple[str, ...] = ("string",)) -> dict[str, Any]:
    # errorMessage: also for a value of the wrong type (yaml-language-server has no Italian)
    return {"type": list(kinds), "pattern": pattern, "patternErrorMessage": error,
            "errorMessage": error}  # fmt: skip


def _string_constraints(alias: Any) -> Any:
    """The ``StringConstraints`` an ``Annotated`` alias of the models carries."""
    from pydantic import StringConstraints

    return next(m for m in typing.get_args(alias)[1:] if isinstance(m, StringConstraints))


@functools.cache
def _leaves() -> list[tuple[Any, dict[str, Any]]]:
    """The JSON form of each of the plan file's own types (``Annotated`` aliases)."""
    from incas_cli.models import month
    from incas_cli.models import plan as p

    whole, places = p.QUANTITY_MAX_WHOLE_DIGITS, p.QUANTITY_MAX_DECIMALS
    number_text = rf"^\s*[+-]?(\d{{1,{whole}}}(\.\d{{0,{places}}})?|\.\d{{1,{places}}})\s*$"
    quantity = _pattern(number_text, words.NUMBER_PATTERN_ERROR, kinds=("number", "string"))
    limit = 10**whole
    month_form = month.PATTERN.replace(r"^\d{4}", "^" + _years(p.MIN_YEAR, p.MAX_YEAR))
    slug = _string_constraints(p.Slug)
    item_id = _string_constraints(p.ItemId)
    province = _string_constraints(p.Province)
    # numbers are read as text by the models (``id: 1`` is "1"): ids may be whole numbers
    slug_form = _pattern(slug.pattern, words.SLUG_PATTERN_ERROR, kinds=("string", "integer"))
    id_form = _pattern(item_id.pattern, words.ITEM_ID_PATTERN_ERROR, kinds=("string", "number"))
    # "004203" unquoted is the number 4203, which the validator pads to six digits
    istat = _pattern(_ISTAT, words.ISTAT_PATTERN_ERROR, kinds=("string", "integer"))
    money = _pattern(_MONEY_TEXT, words.MONEY_PATTERN_ERROR, kinds=("number", "string"))
    annex = _pattern(_ANNEX, words.ANNEX_PATTERN_ERROR, kinds=("string", "integer"))
    return [
        (p.Month, _pattern(month_form, words.MONTH_PATTERN_ERROR)),
        (p.Slug, {**slug_form, "minimum": 0, "maxLength": slug.max_length}),
        (p.ItemId, {**id_form, "minimum": 0, "maxLength": item_id.max_length}),
        (p.Text, _pattern(_TEXT, words.TEXT_PATTERN_ERROR, kinds=("string", "number"))),
        (p.IstatCode, {**istat, "minimum": 0, "maximum": 999999}),
        (p.Money, {**money, "minimum": 0, "maximum": float(_MONEY_MAX)}),
        (p.Quantity, {**quantity, "exclusiveMinimum": -limit, "exclusiveMaximum": limit}),
        (p.Cup, _pattern(_CUP, words.CUP_PATTERN_ERROR)),
        (p.Province, _pattern(province.pattern, words.PROVINCE_PATTERN_ERROR)),
        (p.AnnexLetter, {**annex, "minimum": 0, "maximum": 999}),
        (dt.date, {**_pattern(_DATE, words.DATE_PATTERN_ERROR), "format": "date"}),
    ]


def _years(first: int, last: int) -> str:
    """``(19\\d\\d|20\\d\\d|2100)``: the years from ``first`` to ``last`` as a regular
    expression (whole centuries, and the last year on its own)."""
    if first % 100 or last % 100:
        raise ValueError(f"years {first}-{last}: only whole centuries are written")
    centuries = "|".join(rf"{c}\d\d" for c in range(first // 100, last // 100))
    return f"({centuries}|{last})"


def _bounds(metadata: Any) -> dict[str, Any]:
    """``ge``/``le`` of an ``Annotated[int, Field(...)]`` as JSON Schema's bounds."""
    import annotated_types

    out: dict[str, Any] = {}
    items = list(metadata)
    for item in list(items):
        items.extend(getattr(item, "metadata", []))
    for item in items:
        if isinstance(item, annotated_types.Ge):
            out["minimum"] = item.ge
        elif isinstance(item, annotated_types.Le):
            out["maximum"] = item.le
    return out


class _Builder:
    """Walks the models and writes each field's schema."""

    def __init__(self, fields: dict[str, dict[str, words.FieldText]] | None = None) -> None:
        from incas_cli.catalog import load_catalog
        from incas_cli.models import plan as p

        self.fields = words.FIELDS if fields is None else fields
        self.catalog = load_catalog()
        self.plan_module = p
        self.choices = self._catalogue_choices()

    # --- choices ---------------------------------------------------------------------------

    def _catalogue_choices(self) -> dict[tuple[str, str], tuple[bool, list[tuple[Any, str]]]]:
        """``(model, key) -> (closed, [(id, label)])``: closed when the validator refuses
        an id that is not in the list, open when any text is allowed beside them."""
        cat = self.catalog
        actors = [(k, _label(v.label, v.description)) for k, v in cat.actor_types.items()]
        areas = [(k, _label(v.label, v.description)) for k, v in cat.need_areas.items()]
        sources = [(k, _label(v.label, v.description)) for k, v in cat.funding_sources.items()]
        plans = [(k, v.title) for k, v in cat.national_plans.items()]
        axes: dict[str, str] = {}
        for national in cat.national_plans.values():
            for axis in national.axes:
                axes.setdefault(axis.id, _label(axis.label, axis.description))
        return {
            ("PlanInfo", "national_plan"): (True, plans),
            ("Stakeholder", "type"): (True, actors),
            ("Need", "area"): (True, areas),
            ("Table", "topic"): (True, areas),
            ("DataPoint", "topic"): (False, areas),
            ("SpecificObjective", "axis"): (False, list(axes.items())),
            ("BudgetLine", "source"): (False, sources),
            ("Spending", "source"): (False, sources),
        }

    def _actions(self) -> dict[str, Any]:
        """The national priority actions, 1 to N, each with its title (the wizard's words)."""
        numbers: dict[int, str] = {}
        for national in self.catalog.national_plans.values():
            for action in national.actions:
                axis = national.axis(action.axis)
                numbers.setdefault(
                    action.number,
                    words.ACTION_CHOICE.format(
                        number=action.number,
                        label=action.label,
                        axis=axis.label if axis else action.axis,
                    ),
                )
        ordered = sorted(numbers)
        labels = [numbers[n] for n in ordered]
        return {
            "type": "integer",
            "enum": ordered,
            "enumDescriptions": labels,
            "markdownEnumDescriptions": labels,
            "errorMessage": words.ACTION_NOT_KNOWN.format(count=len(ordered)),
        }

    # --- walking ---------------------------------------------------------------------------

    def model(self, cls: Any) -> dict[str, Any]:
        hints = typing.get_type_hints(cls, include_extras=True)
        texts = self.fields[cls.__name__]
        properties: dict[str, Any] = {}
        required: list[str] = []
        for name, info in cls.model_fields.items():
            key = info.alias or name
            text = texts[key]
            node = {"title": text.title, "description": text.description}
            node.update(self.field(cls.__name__, key, hints[name]))
            properties[key] = node
            if info.is_required():
                required.append(key)
        out: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            out["required"] = required
        keys = words.LIST_SEPARATOR.join(properties)
        out["errorMessage"] = (
            words.OBJECT_ERROR_REQUIRED.format(keys=keys, required=", ".join(required))
            if required
            else words.OBJECT_ERROR.format(keys=keys)
        )
        out["patternProperties"] = {"^x-": {"description": words.EXTENSION_KEYS}}
        out["additionalProperties"] = False
        return out

    def field(self, model: str, key: str, hint: Any) -> dict[str, Any]:
        nullable = False
        args = typing.get_args(hint)
        if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
            nullable = True
            (hint,) = [a for a in args if a is not type(None)]
        if (model, key) == ("Measure", "actions"):
            node: dict[str, Any] = {
                "type": "array",
                "items": self._actions(),
                "errorMessage": words.LIST_ERROR,
            }
        elif (model, key) in self.choices:
            node = self.choice(*self.choices[(model, key)], self.type(hint))
        else:
            node = self.type(hint)
        if (model, key) in (("Crop", "peak_months"), ("Measure", "months")):
            node["uniqueItems"] = True
            items = node["items"]
            items["enumDescriptions"] = items["markdownEnumDescriptions"] = list(MONTH_NAMES)
        return _nullable(node) if nullable else node

    def choice(self, closed: bool, ids: list[tuple[Any, str]], free: dict[str, Any]) -> Any:
        listed = {
            "enum": [i for i, _ in ids],
            "enumDescriptions": [label for _, label in ids],
            "markdownEnumDescriptions": [label for _, label in ids],
        }
        if closed:
            values = words.LIST_SEPARATOR.join(str(i) for i, _ in ids)
            return {
                "type": ["string"],
                **listed,
                "errorMessage": words.CHOICE_ERROR.format(values=values),
            }
        return {"anyOf": [listed, free]}

    def type(self, hint: Any) -> dict[str, Any]:
        from pydantic import BaseModel

        for alias, leaf in _leaves():
            if hint == alias:
                copy: dict[str, Any] = json.loads(json.dumps(leaf))  # a fresh copy
                return copy
        origin = typing.get_origin(hint)
        if origin is list:
            (item,) = typing.get_args(hint)
            return {"type": "array", "items": self.type(item), "errorMessage": words.LIST_ERROR}
        if origin is typing.Literal:
            return self.literal(typing.get_args(hint))
        if origin is typing.Annotated:
            base, *metadata = typing.get_args(hint)
            if base is int:
                return _integer(_bounds(metadata))
        if hint is bool:
            return {"type": "boolean", "errorMessage": words.BOOLEAN_ERROR}
        if isinstance(hint, type) and issubclass(hint, BaseModel):
            return self.model(hint)
        raise TypeError(f"no JSON Schema form for {hint!r}")  # a new type of the models

    def literal(self, values: tuple[Any, ...]) -> dict[str, Any]:
        from incas_cli.messages.vocab import capitalized
        from incas_cli.models.vocab import VOCABULARIES

        if len(values) == 1:
            return {"const": values[0]}
        for known, named in VOCABULARIES.values():
            if tuple(values) == known:
                labels = [_term_label(named[v]) for v in values]
                return {
                    "type": ["string"],
                    "enum": list(values),
                    "enumDescriptions": [capitalized(t) for t in labels],
                    "markdownEnumDescriptions": [capitalized(t) for t in labels],
                    "errorMessage": words.CHOICE_ERROR.format(
                        values=words.LIST_SEPARATOR.join(values)
                    ),
                }
        raise TypeError(f"vocabulary without words: {values!r}")


_SMALL_RANGE = 12
"""Whole numbers in a range up to this size are listed (scores 1-5, months 1-12): editors
complete them, and say what is wrong in Italian (their bounds messages are English)."""


def _integer(bounds: dict[str, Any]) -> dict[str, Any]:
    low, high = bounds.get("minimum"), bounds.get("maximum")
    if low is not None and high is not None and high - low < _SMALL_RANGE:
        return {
            "type": "integer",
            "enum": list(range(low, high + 1)),
            "errorMessage": words.RANGE_ERROR.format(low=low, high=high),
        }
    return {"type": "integer", **bounds, "errorMessage": words.INTEGER_ERROR}


def _label(label: str, description: str | None) -> str:
    return f"{label}: {description}" if description else label


def _term_label(term: Any) -> str:
    return _label(term.label, term.description) if hasattr(term, "label") else str(term)


def _nullable(node: dict[str, Any]) -> dict[str, Any]:
    """``null`` allowed beside the field's own type: an open field of a draft."""
    from incas_cli.messages.wizard import UNDECIDED

    if "anyOf" in node:
        return {"anyOf": [*node["anyOf"], {"type": "null"}]}
    kinds = node.get("type", [])
    node["type"] = [*(kinds if isinstance(kinds, list) else [kinds]), "null"]
    if "enum" in node:
        node["enum"] = [*node["enum"], None]
        for key in ("enumDescriptions", "markdownEnumDescriptions"):
            if key in node:
                node[key] = [*node[key], UNDECIDED]
    return node


def _canonical(node: Any) -> Any:
    """One type written as a string, not a one-item list (the form editors show)."""
    if isinstance(node, dict):
        out = {k: _canonical(v) for k, v in node.items()}
        kinds = out.get("type")
        if isinstance(kinds, list) and len(kinds) == 1:
            out["type"] = kinds[0]
        return out
    if isinstance(node, list):
        return [_canonical(v) for v in node]
    return node


@functools.cache
def _plan_schema_text() -> str:
    from incas_cli.models import Plan

    body = _Builder().model(Plan)
    schema = {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": models_msg.PLAN_SCHEMA_TITLE,
        "description": models_msg.PLAN_SCHEMA_DESCRIPTION,
        **_canonical(body),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2)


def plan_schema() -> dict[str, Any]:
    """The plan file's JSON Schema (a fresh dict at every call)."""
    schema: dict[str, Any] = json.loads(_plan_schema_text())
    return schema


def monitor_schema() -> dict[str, Any]:
    """The monitoring file's JSON Schema (``incas schema --monitor``): the same builder and
    conventions as the plan's, with the monitoring file's own words."""
    from incas_cli.messages import monitor as monitor_msg
    from incas_cli.monitor.model import MonitoringReport

    body = _Builder({**words.FIELDS, **monitor_msg.FIELDS}).model(MonitoringReport)
    return {
        "$schema": DRAFT,
        "$id": MONITOR_SCHEMA_ID,
        "title": monitor_msg.SCHEMA_TITLE,
        "description": monitor_msg.SCHEMA_DESCRIPTION,
        **_canonical(body),
    }


def monitor_schema_json() -> str:
    return json.dumps(monitor_schema(), ensure_ascii=False, indent=2, sort_keys=False)


def schema_json() -> str:
    return _plan_schema_text()


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
