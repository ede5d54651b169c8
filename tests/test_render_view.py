"""The document's view model and formats: what is shown, computed, ordered and formatted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from incas_cli.catalog import load_catalog
from incas_cli.render import formats as fmt
from incas_cli.render.text import parse_blocks, render_text
from incas_cli.render.view import (
    PRIMARY_MARK,
    SECONDARY_MARK,
    Placeholder,
    build_view,
)
from tests.helpers import minimal_plan
from tests.render_support import EXAMPLE_NAMES, example_plan, plan_from

NBSP = "\u00a0"


# --- formats ---------------------------------------------------------------------------


def test_money_is_italian_with_a_no_break_space() -> None:
    assert fmt.money(Decimal("1693747.15")) == f"1.693.747,15{NBSP}€"
    assert fmt.money(Decimal("0")) == f"0,00{NBSP}€"
    assert fmt.money(Decimal("1000000")) == f"1.000.000,00{NBSP}€"


def test_dates_months_and_numbers_are_italian() -> None:
    assert fmt.long_date(dt.date(2024, 5, 10)) == "10 maggio 2024"
    assert fmt.long_date(dt.date(2024, 3, 1)) == "1° marzo 2024"
    assert fmt.month("2024-03") == "marzo 2024"
    assert fmt.integer(4000) == "4.000"
    assert fmt.number(Decimal("12.5")) == "12,5"
    assert fmt.number(Decimal("4000")) == "4.000"
    assert fmt.percent(Decimal(1), Decimal(3)) == "33,3%"


def test_articled_dates_elide_before_eight_and_eleven() -> None:
    assert fmt.date_after("del", dt.date(2023, 11, 28)) == "del 28 novembre 2023"
    assert fmt.date_after("dal", dt.date(2023, 11, 8)) == "dall'8 novembre 2023"
    assert fmt.date_after("al", dt.date(2023, 3, 11)) == "all'11 marzo 2023"


# --- budget ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_budget_tables_add_up_exactly(name: str) -> None:
    plan = example_plan(name)
    budget = build_view(plan, load_catalog()).budget
    lines = sum(
        (b.amount for m in plan.measures for b in m.budget if b.amount is not None), Decimal(0)
    )
    for table in (budget.by_measure, budget.by_source, budget.by_axis):
        assert sum((r.amount for r in table.rows), Decimal(0)) == table.total == lines
        assert table.total_text == fmt.money(lines)
        assert all(isinstance(r.amount, Decimal) for r in table.rows)


def test_budget_by_source_uses_catalogue_labels_and_italian_money() -> None:
    budget = build_view(example_plan("saluzzo"), load_catalog()).budget
    pnrr = load_catalog().funding_sources["pnrr-m5c2-i2.2"].label
    row = next(r for r in budget.by_source.rows if r.label == pnrr)
    assert row.amount == Decimal("1693747.15")
    assert row.amount_text == f"1.693.747,15{NBSP}€"


def test_budget_by_axis_follows_the_primary_action() -> None:
    data = minimal_plan()
    data["measures"][0]["actions"] = [9, 5]
    data["measures"][0]["budget"] = [{"amount": "100.10", "source": "fnpm"}]
    data["measures"].append(
        {"id": "M2", "title": "Navetta", "actions": [6], "budget": [{"amount": "0.05"}]}
    )
    view = build_view(plan_from(data), load_catalog())
    by_axis = {r.label: r.amount for r in view.budget.by_axis.rows}
    national = load_catalog().default_plan
    axis9 = national.axis_of_action(9)
    axis6 = national.axis_of_action(6)
    assert axis9 is not None and axis6 is not None
    assert by_axis[f"Asse {axis9.number} – {axis9.label}"] == Decimal("100.10")
    assert by_axis[f"Asse {axis6.number} – {axis6.label}"] == Decimal("0.05")
    assert view.budget.by_axis.total == Decimal("100.15")
    assert view.budget.open_lines == 0


# --- ordering, coverage, timeline -------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_needs_are_ranked_by_severity_times_urgency(name: str) -> None:
    needs = build_view(example_plan(name), load_catalog()).needs.items
    priorities = [n.priority_value or 0 for n in needs]
    assert priorities == sorted(priorities, reverse=True)
    assert [n.rank for n in needs] == list(range(1, len(needs) + 1))


def test_coherence_marks_primary_and_secondary_actions() -> None:
    data = minimal_plan()  # M1 actions [5, 8, 9, 10]
    coherence = build_view(plan_from(data), load_catalog()).coherence
    cells = coherence.rows[0].cells
    assert len(cells) == len(coherence.columns) == 10
    assert cells[4] == PRIMARY_MARK
    assert [cells[7], cells[8], cells[9]] == [SECONDARY_MARK] * 3
    assert cells[0] == ""
    uncovered = {c.number for c in coherence.actions if not c.covered}
    assert uncovered == {1, 2, 3, 4, 6, 7}
    assert any(u.startswith("AP1 ") for u in coherence.uncovered)


def test_gantt_granularity_follows_the_period_length() -> None:
    data = minimal_plan()
    data["plan"]["period"] = {"start": "2025-01", "end": "2025-12"}
    data["measures"][0].update(start="2025-03", end="2025-06")
    gantt = build_view(plan_from(data), load_catalog()).gantt
    assert gantt.granularity == "month"
    assert gantt.columns[0] == "gen 2025"
    assert gantt.rows[0].cells == tuple(3 <= m <= 6 for m in range(1, 13))

    data["plan"]["period"] = {"start": "2025-01", "end": "2027-12"}
    gantt = build_view(plan_from(data), load_catalog()).gantt
    assert gantt.granularity == "quarter"
    assert len(gantt.columns) == 12
    assert gantt.rows[0].cells[:3] == (True, True, False)

    data["plan"]["period"] = {"start": "2025-01", "end": "2034-12"}
    assert build_view(plan_from(data), load_catalog()).gantt.granularity == "year"


def test_crop_calendar_is_month_by_month_with_demand() -> None:
    territory = build_view(example_plan("saluzzo"), load_catalog()).territory
    assert territory.month_labels[0] == "gen" and len(territory.month_labels) == 12
    assert all(len(c.months) == 12 for c in territory.crops)
    august = territory.demand[7]
    assert august.month == "Agosto"
    plan = example_plan("saluzzo")
    assert plan.context is not None
    expected = sum(c.workers or 0 for c in plan.context.crops if 8 in c.peak_months)
    assert august.workers == fmt.integer(expected)


# --- drafts, editions, text ---------------------------------------------------------------


def test_open_fields_become_placeholders() -> None:
    view = build_view(example_plan("bozza-iniziale"), load_catalog())
    assert view.draft
    card = view.measures[0]
    objective = card.facts[0].value
    assert isinstance(objective, Placeholder)
    assert str(objective) == "[da completare: obiettivo della misura]"
    assert view.header.startswith("BOZZA")


def test_public_view_holds_no_contacts_internal_view_does() -> None:
    plan = example_plan("saluzzo")
    assert build_view(plan, load_catalog(), edition="pubblica").annexes.contacts is None
    contacts = build_view(plan, load_catalog(), edition="interna").annexes.contacts
    assert contacts
    assert {c.email for c in contacts} >= {
        s.contact.email for s in plan.stakeholders if s.contact and s.contact.email
    }


def test_properties_come_from_the_plan_not_the_clock() -> None:
    plan = example_plan("saluzzo")
    props = build_view(plan, load_catalog()).properties
    assert plan.plan.adoption is not None and plan.plan.adoption.date is not None
    assert props.created is not None
    assert props.created.date() == plan.plan.adoption.date
    assert props.title == plan.plan.title
    assert plan.comune.name in props.subject and plan.comune.name in props.keywords
    assert "python-docx" not in props.author


def test_user_text_is_data_in_the_narrative_templates() -> None:
    data = minimal_plan()
    data["comune"]["region"] = "{{ 7 * 7 }} {% if true %}x{% endif %}\n- elenco"
    view = build_view(plan_from(data), load_catalog())
    blocks = render_text("quadro_normativo.md.j2", v=view)
    joined = " ".join(b.text for b in blocks)
    assert "{{ 7 * 7 }} {% if true %}x{% endif %} - elenco" in joined
    assert "49" not in joined
    assert all(not b.text.startswith("elenco") for b in blocks)


def test_block_parser_reads_paragraphs_bullets_and_numbers() -> None:
    blocks = parse_blocks("Uno\ndue.\n\n- a\n- b\n  continua\n\n1. x\n2. y\n\nFine.")
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Uno due."),
        ("bullet", "a"),
        ("bullet", "b continua"),
        ("number", "x"),
        ("number", "y"),
        ("paragraph", "Fine."),
    ]
    assert blocks[3].group == blocks[4].group != blocks[1].group
