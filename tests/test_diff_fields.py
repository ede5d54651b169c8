"""``plan diff`` compares the fields of the models: every field is compared or skipped."""

from __future__ import annotations

import typing
from typing import Any

import pytest
from pydantic import BaseModel

from incas_cli.catalog import load_catalog
from incas_cli.diff import diff_plans
from incas_cli.diff import fields as diff_fields
from incas_cli.diff.fields import MEASURE, NEED, PLAN_INFO, STAKEHOLDER, Spec, fields_of
from incas_cli.messages import diff as msg
from incas_cli.models import Measure, Plan, Stakeholder
from incas_cli.models.plan import Text
from tests.helpers import minimal_plan
from tests.render_support import plan_from

SPECS = [PLAN_INFO, MEASURE, STAKEHOLDER, NEED]


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.model.__name__)
def test_every_field_of_the_model_is_compared_or_explicitly_skipped(spec: Spec) -> None:
    compared = {f.name for f in fields_of(spec)}
    for name, info in spec.model.model_fields.items():
        key = info.alias or name
        if name in spec.skip or name in spec.expand or key in compared:
            continue
        nested = _nested_model(info.annotation)
        assert nested is not None, f"{spec.model.__name__}.{name} is neither compared nor skipped"
        inner = {n.alias or n_name for n_name, n in nested.model_fields.items()}
        assert {f"{key}.{n}" for n in inner} <= compared, f"{spec.model.__name__}.{name}"
    assert all(reason for reason in spec.skip.values())


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.model.__name__)
def test_every_compared_field_has_an_italian_label(spec: Spec) -> None:
    for field in fields_of(spec):
        assert field.name in msg.FIELDS, field.name


def test_every_part_of_the_plan_has_a_role_in_the_diff() -> None:
    assert list(diff_fields.PLAN_PARTS) == list(Plan.model_fields)
    for part in diff_fields.OTHER_SECTIONS:
        assert part in msg.SECTIONS


def test_a_new_field_is_compared_without_a_change_to_the_diff() -> None:
    class Extended(Measure):
        sustainability: Text | None = None

    spec = Spec(Extended, skip=MEASURE.skip, kinds=MEASURE.kinds, expand=MEASURE.expand)
    names = [f.name for f in fields_of(spec)]
    assert names[-1] == "sustainability"
    assert next(f for f in fields_of(spec) if f.name == "sustainability").kind == "text"


def test_a_field_the_diff_cannot_show_must_be_decided() -> None:
    class Odd(Stakeholder):
        weights: dict[str, int] | None = None

    with pytest.raises(TypeError, match="plan diff"):
        fields_of(Spec(Odd, skip=STAKEHOLDER.skip, kinds=STAKEHOLDER.kinds))
    skipped = Spec(Odd, skip={**STAKEHOLDER.skip, "weights": "internal"}, kinds=STAKEHOLDER.kinds)
    assert [f.name for f in fields_of(skipped)] == [f.name for f in fields_of(STAKEHOLDER)]


def test_derived_fields_compare_nested_parts_and_keep_the_order_of_the_model() -> None:
    assert [f.name for f in diff_fields.PLAN_FIELDS] == [
        "national_plan",
        "title",
        "period.start",
        "period.end",
        "status",
        "version",
        "adoption.organ",
        "adoption.number",
        "adoption.date",
        "adoption.annex",
        "office",
        "authors",
    ]
    old = plan_from(minimal_plan())
    data = minimal_plan()
    data["plan"]["adoption"] = {"organ": "giunta", "number": "12"}
    data["plan"]["period"]["end"] = "2028-06"
    data["stakeholders"][1]["engagement"] = "consultare"
    data["measures"][0]["partners"] = []
    new = plan_from(data)
    diff = diff_plans(old, new, catalog=load_catalog())
    assert [(c.field, c.new_text) for c in diff.plan] == [
        ("period.end", "giugno 2028"),
        ("adoption.organ", "Giunta comunale"),
        ("adoption.number", "12"),
    ]
    assert [(c.field, c.new_text) for c in diff.stakeholders.changed[0].changes] == [
        ("engagement", "Consultare")
    ]
    assert [c.field for c in diff.measures.changed[0].changes] == ["partners"]
