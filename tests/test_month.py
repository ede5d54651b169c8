"""``YearMonth``: the plan file's months, read once and written back unchanged."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incas_cli.checks import check_data
from incas_cli.io import dump_yaml, load_yaml, new_document_data
from incas_cli.models import Plan, YearMonth
from incas_cli.models.month import as_month
from incas_cli.scaffold import parse_period
from incas_cli.schema import plan_schema
from incas_cli.wizard.plan_steps import suggested_reviews
from tests.helpers import example_files, minimal_plan

MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


def test_a_month_knows_its_year_month_index_and_first_day() -> None:
    march = YearMonth("2025-03")
    assert (march.year, march.month) == (2025, 3)
    assert march.first_day == dt.date(2025, 3, 1)
    assert march.index == 2025 * 12 + 2
    assert march.plus(10) == "2026-01"
    assert march.plus(-3) == "2024-12"
    assert march.months_until(YearMonth("2026-03")) == 12
    assert YearMonth.of(2025, 3) == march == "2025-03"
    assert YearMonth.from_date(dt.date(2025, 3, 31)) == march
    assert repr(march) == "YearMonth('2025-03')"
    assert json.dumps({"m": march}) == '{"m": "2025-03"}'
    assert pickle.loads(pickle.dumps(march)) == march  # plans cross process boundaries
    assert type(pickle.loads(pickle.dumps(march))) is YearMonth


@pytest.mark.parametrize("text", ["2025-13", "2025-00", "2025-3", "25-03", "2025-03-01", ""])
def test_anything_but_yyyy_mm_is_not_a_month(text: str) -> None:
    with pytest.raises(ValueError, match="AAAA-MM"):
        YearMonth(text)
    assert as_month(text) is None


@given(st.integers(min_value=1000 * 12, max_value=9999 * 12 + 10))
def test_index_and_order_follow_the_calendar(index: int) -> None:
    month = YearMonth.from_index(index)
    assert month.index == index
    assert month.plus(1).index == index + 1
    assert month < month.plus(1)
    assert sorted([month.plus(1), month]) == [month, month.plus(1)]


def test_a_plan_holds_months_and_dumps_them_as_plain_text() -> None:
    plan, findings = check_data(minimal_plan())
    assert plan is not None, findings
    assert plan.plan.period is not None
    start = plan.plan.period.start
    assert isinstance(start, YearMonth) and start.year == 2025
    assert isinstance(plan.measures[0].end, YearMonth)
    for mode in ("python", "json"):
        dumped: Any = plan.model_dump(mode=mode, by_alias=True, exclude_none=True)
        value = dumped["plan"]["period"]["start"]
        assert type(value) is str and value == "2025-01"
    # a dump of the model goes back to YAML as it came
    text = dump_yaml(new_document_data(plan.model_dump(mode="python", exclude_none=True)))
    assert "start: 2025-01\n" in text


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_round_trip_through_the_model_unchanged(path: Any) -> None:
    data = load_yaml(path).plain()
    plan = Plan.model_validate(data)
    again = plan.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert Plan.model_validate(again) == plan
    assert json.loads(json.dumps(again)) == again


def test_the_json_schema_states_the_month_pattern() -> None:
    start = plan_schema()["properties"]["plan"]["properties"]["period"]["properties"]["start"]
    # the month form, with the years the model accepts
    assert start["pattern"] == MONTH_PATTERN.replace(r"^\d{4}", r"^(19\d\d|20\d\d|2100)")


def test_plan_init_period_and_the_wizards_reviews_are_months() -> None:
    start, end = parse_period(" 2025-01 : 2027-06 ")
    assert (start.year, end.month) == (2025, 6)
    assert suggested_reviews(start, end) == ["2025-12", "2026-12", "2027-06"]
    assert suggested_reviews("2025-13", "2027-06") == []
