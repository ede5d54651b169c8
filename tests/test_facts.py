"""`PlanFacts`: totals, by source/axis/year, coverage primary vs secondary, dates."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incas_cli import formats as fmt
from incas_cli.catalog import load_catalog
from incas_cli.checks import check_data, check_document
from incas_cli.facts import PlanFacts, plan_facts
from incas_cli.io import load_yaml
from incas_cli.models import Plan
from tests.helpers import example_files, minimal_plan
from tests.strategies import valid_plans

CATALOG = load_catalog()


def _plan(data: dict[str, Any]) -> Plan:
    plan, findings = check_data(data, catalog=CATALOG)
    assert plan is not None, [f.message for f in findings]
    return plan


def _example(path: Path) -> Plan:
    result = check_document(load_yaml(path), catalog=CATALOG)
    assert result.plan is not None
    return result.plan


def _mixed_plan() -> dict[str, Any]:
    """Four measures: a primary and a secondary action, an open amount, an open source,
    no action at all, an action the national plan lacks."""
    data = minimal_plan()
    base = data["measures"][0]
    data["measures"] = [
        base
        | {
            "id": "M1",
            "actions": [5, 8],
            "start": "2025-03",
            "end": "2025-12",
            "budget": [{"amount": "1000.00", "source": "fnpm"}],
        },
        base
        | {
            "id": "M2",
            "actions": [9],
            "start": "2025-01",
            "end": "2026-06",
            "budget": [
                {"amount": "500.00", "source": "Fondazione locale"},
                {"source": "fnpm"},
            ],
        },
        base | {"id": "M3", "actions": [], "budget": [{"amount": "250.00"}]},
        base | {"id": "M4", "actions": [12, 7], "budget": []},
    ]
    return data


def _facts(data: dict[str, Any]) -> PlanFacts:
    return plan_facts(_plan(data), CATALOG)


def _assert_adds_up(facts: PlanFacts) -> None:
    zero = Decimal(0)
    assert sum((m.amount for m in facts.by_measure), zero) == facts.total
    assert sum((s.amount for s in facts.by_source), zero) == facts.total
    assert sum((y.amount for y in facts.by_year), zero) == facts.total
    assert sum((s.amount for s in facts.by_status), zero) == facts.total
    assert sum((s.amount for s in facts.by_source_status), zero) == facts.total
    assert sum((a.budget for a in facts.axes), zero) + facts.unassigned_budget == facts.total
    assert sum((a.budget for a in facts.actions), zero) + facts.unassigned_budget == facts.total
    # in-kind lines are counted apart, never as lines of money
    money_lines = sum(m.lines for m in facts.by_measure) - len(facts.in_kind)
    assert sum(s.lines for s in facts.by_source) == money_lines
    assert sum(y.lines for y in facts.by_year) == money_lines
    assert sum(s.lines for s in facts.by_status) == money_lines
    assert [s.source for s in facts.by_source_status] == [s.source for s in facts.by_source]
    for split, total in zip(facts.by_source_status, facts.by_source, strict=True):
        assert split.amount == total.amount


# --- behaviour -------------------------------------------------------------------------------


def test_totals_by_measure_and_by_source() -> None:
    facts = _facts(_mixed_plan())
    assert facts.total == Decimal("1750.00")
    assert [(m.id, m.amount, m.lines, m.open_lines) for m in facts.by_measure] == [
        ("M1", Decimal("1000.00"), 1, 0),
        ("M2", Decimal("500.00"), 2, 1),
        ("M3", Decimal("250.00"), 1, 0),
        ("M4", Decimal("0"), 0, 0),
    ]
    assert facts.by_measure[1].sources == ("Fondazione locale", "fnpm")
    # catalogue order, then free text, then the open source
    rows = [
        (s.source, s.known, s.amount, s.measures, s.lines, s.open_lines) for s in facts.by_source
    ]
    assert rows == [
        ("fnpm", True, Decimal("1000.00"), ("M1", "M2"), 2, 1),
        ("Fondazione locale", False, Decimal("500.00"), ("M2",), 1, 0),
        (None, False, Decimal("250.00"), ("M3",), 1, 0),
    ]
    assert facts.open_lines == 1 and facts.has_budget
    _assert_adds_up(facts)


def test_budget_by_axis_follows_the_primary_action() -> None:
    facts = _facts(_mixed_plan())
    axes = {a.id: a for a in facts.axes}
    assert [a.id for a in facts.axes] == [
        "prevenzione",
        "vigilanza-contrasto",
        "protezione-assistenza",
        "reintegrazione",
    ]
    assert axes["prevenzione"].budget == Decimal("1000.00")
    assert axes["vigilanza-contrasto"].budget == 0  # M1 reaches it only through action 8
    assert axes["protezione-assistenza"].budget == Decimal("500.00")
    assert facts.unassigned == ("M3", "M4")  # no action; action 12 is not in the plan
    assert facts.unassigned_budget == Decimal("250.00")
    assert facts.unknown_actions == (12,)
    action = facts.action(5)
    assert action is not None and action.budget == Decimal("1000.00")


def test_budget_by_year_only_from_the_lines() -> None:
    facts = _facts(_mixed_plan())
    # M1 runs in 2025 only, but its line names no budget year: not assigned (no guessing)
    assert [(y.year, y.amount, y.lines) for y in facts.by_year] == [
        (None, Decimal("1750.00"), 4),
    ]
    assert not facts.has_years and not facts.has_statuses
    data = _mixed_plan()
    data["measures"][0]["budget"][0]["year"] = 2026
    data["measures"][1]["budget"][0]["year"] = 2025
    facts = _facts(data)
    assert [(y.year, y.amount, y.lines) for y in facts.by_year] == [
        (2025, Decimal("500.00"), 1),
        (2026, Decimal("1000.00"), 1),
        (None, Decimal("250.00"), 2),
    ]
    assert facts.has_years
    _assert_adds_up(facts)


def _status_plan() -> dict[str, Any]:
    data = _mixed_plan()
    m1, m2, m3 = data["measures"][:3]
    m1["budget"] = [
        {"amount": "600.00", "source": "fnpm", "status": "assicurato", "year": 2025},
        {"amount": "400.00", "source": "fnpm", "status": "da-reperire", "year": 2026},
        {"amount": 0, "source": "bilancio-comunale", "note": "due operatori", "year": 2025},
    ]
    m2["budget"][0]["status"] = "richiesto"
    m3["budget"] = [{"amount": "0.00", "source": "Caritas", "note": "sede"}]
    return data


def test_budget_by_status_and_by_source_and_status() -> None:
    facts = _facts(_status_plan())
    assert facts.total == Decimal("1500.00")
    assert [(s.status, s.amount, s.lines) for s in facts.by_status] == [
        ("assicurato", Decimal("600.00"), 1),
        ("richiesto", Decimal("500.00"), 1),
        ("da-reperire", Decimal("400.00"), 1),
        (None, Decimal("0"), 1),  # M2's line without an amount
    ]
    assert facts.has_statuses and facts.status_amount("da-reperire") == Decimal("400.00")
    rows = [
        (s.source, s.secured, s.requested, s.to_find, s.unstated) for s in facts.by_source_status
    ]
    zero = Decimal(0)
    assert rows == [
        ("fnpm", Decimal("600.00"), zero, Decimal("400.00"), zero),
        ("Fondazione locale", zero, Decimal("500.00"), zero, zero),
    ]
    _assert_adds_up(facts)


def test_in_kind_lines_are_counted_apart() -> None:
    facts = _facts(_status_plan())
    assert [(k.measure, k.source, k.note, k.year) for k in facts.in_kind] == [
        ("M1", "bilancio-comunale", "due operatori", 2025),
        ("M3", "Caritas", "sede", None),
    ]
    # never money from their source: no row of money by source, and not a measure's source
    assert facts.source("bilancio-comunale") is None and facts.source("Caritas") is None
    assert facts.by_measure[0].sources == ("fnpm",)
    assert (facts.by_measure[0].lines, facts.by_measure[0].in_kind) == (3, 1)
    assert facts.by_measure[2].sources == () and facts.by_measure[2].amount == 0
    assert facts.has_budget


def test_specific_objectives_and_the_measures_serving_them() -> None:
    data = _mixed_plan()
    data["strategy"] = {
        "general_objective": "Lavoro dignitoso",
        "specific_objectives": [
            {"id": "OS1", "text": "Alloggi", "axis": "prevenzione"},
            {"id": "OS2", "text": "Tutela"},
            {"id": "OS3", "text": "Dati"},
        ],
    }
    data["measures"][0]["specific_objectives"] = ["OS1", "OS2"]
    data["measures"][1]["specific_objectives"] = ["OS2"]
    data["measures"][2]["specific_objectives"] = ["OS9"]  # unknown: serves none
    facts = _facts(data)
    assert [(o.id, o.measures, o.budget) for o in facts.objectives] == [
        ("OS1", ("M1",), Decimal("1000.00")),
        ("OS2", ("M1", "M2"), Decimal("1500.00")),
        ("OS3", (), Decimal("0")),
    ]
    assert facts.unlinked_measures == ("M3", "M4")
    assert facts.objectives_of("M1") == ("OS1", "OS2")
    objective = facts.objective("OS1")
    assert objective is not None and objective.axis == "prevenzione"
    del data["strategy"]
    assert _facts(data).unlinked_measures == ()  # no objectives: nothing to serve


def test_coverage_keeps_primary_and_only_secondary_apart() -> None:
    facts = _facts(_mixed_plan())
    by_number = {a.number: a for a in facts.actions}
    assert len(facts.actions) == 10
    assert (by_number[5].primary, by_number[5].secondary, by_number[5].coverage) == (
        ("M1",),
        (),
        "primary",
    )
    # action 8 is only ever a secondary action: covered, but not as primary
    assert (by_number[8].primary, by_number[8].secondary) == ((), ("M1",))
    assert by_number[8].covered and by_number[8].coverage == "secondary"
    assert by_number[7].coverage == "secondary" and by_number[7].secondary == ("M4",)
    assert by_number[10].coverage is None and not by_number[10].covered
    assert facts.covered_actions == (5, 7, 8, 9)
    assert facts.uncovered_actions == (1, 2, 3, 4, 6, 10)
    assert (facts.primary_actions, facts.secondary_only_actions) == ((5, 9), (7, 8))
    assert facts.secondary_only_measures == ("M1", "M4")  # plan order, each once
    assert facts.primary_budget == Decimal("1500.00")  # M1 and M2; M3, M4 are unassigned
    assert facts.measures_budget(["M1", "M4", "M1"]) == Decimal("1000.00")

    axes = {a.id: a for a in facts.axes}
    prevention = axes["prevenzione"]
    assert (prevention.covered_primary, prevention.covered_secondary) == ((5,), (7,))
    assert (prevention.primary, prevention.secondary) == (("M1",), ("M4",))
    assert prevention.coverage == "primary"
    assert prevention.uncovered_actions == (1, 2, 3, 4, 6)
    enforcement = axes["vigilanza-contrasto"]
    assert enforcement.coverage == "secondary" and enforcement.measures == ("M1",)
    assert axes["reintegrazione"].coverage is None
    assert facts.covered_axes == ("prevenzione", "vigilanza-contrasto", "protezione-assistenza")
    assert facts.uncovered_axes == ("reintegrazione",)


def test_unknown_national_plan_has_no_coverage_and_no_axis() -> None:
    data = _mixed_plan()
    data["plan"]["national_plan"] = "piano-2030"
    facts = _facts(data)
    assert facts.national_plan is None
    assert facts.actions == () and facts.axes == ()
    assert facts.unassigned == ("M1", "M2", "M3", "M4")
    _assert_adds_up(facts)


def test_dates_one_rule() -> None:
    data = minimal_plan()
    data["process"] = {"meetings": [{"date": "2024-10-15"}, {"date": "2024-11-08"}, {}]}
    facts = _facts(data)
    assert (facts.dates.start, facts.dates.end) == ("2025-01", "2027-12")
    assert facts.dates.last_meeting == dt.date(2024, 11, 8)
    assert facts.dates.document == dt.date(2025, 1, 1)  # no adoption: the period's start
    data["plan"]["adoption"] = {"organ": "giunta", "number": "45", "date": "2024-12-10"}
    data["plan"]["status"] = "adottato"
    facts = _facts(data)
    assert facts.dates.document == dt.date(2024, 12, 10)
    assert not facts.draft and facts.status == "adottato"
    del data["plan"]["adoption"], data["plan"]["period"], data["plan"]["status"]
    facts = _facts(data)
    assert facts.dates.document == dt.date(2024, 11, 8)  # neither: the latest meeting
    assert facts.draft and facts.status == "bozza"
    del data["process"]
    assert _facts(data).dates.document is None


def test_open_fields_are_the_checks_ones() -> None:
    from incas_cli.checks import open_fields

    plan = _plan(minimal_plan())
    facts = plan_facts(plan, CATALOG)
    assert facts.open_fields == tuple(open_fields(plan))
    assert facts.open_count == 23  # 3 of them: the strategy and the manager


@st.composite
def _plans_with_gaps(draw: st.DrawFn) -> dict[str, Any]:
    """Valid plans, some lines without amount or source, some measures without action."""
    data = draw(valid_plans())
    for m in data["measures"]:
        if draw(st.booleans()):
            m["budget"].append({"source": draw(st.sampled_from(["fnpm", "privati"]))})
        if draw(st.booleans()):
            m["budget"].append({"amount": Decimal(draw(st.integers(0, 10**6))) / 100})
        if draw(st.integers(0, 5)) == 0:
            m["actions"] = draw(st.sampled_from([[], [11], [11, 3]]))
        if draw(st.booleans()):
            m["end"] = m["start"]
        if draw(st.booleans()):
            m["budget"].append({"amount": 0, "source": "bilancio-comunale"})  # in kind
        for line in m["budget"]:
            if draw(st.booleans()):
                line["year"] = draw(st.integers(2024, 2028))
            status = draw(st.sampled_from([None, "assicurato", "richiesto", "da-reperire"]))
            if status is not None:
                line["status"] = status
    return data


@settings(max_examples=60, deadline=None)
@given(_plans_with_gaps())
def test_generated_plans_add_up(data: dict[str, Any]) -> None:
    plan = _plan(data)
    facts = plan_facts(plan, CATALOG)
    assert facts.total == plan.total_budget
    _assert_adds_up(facts)
    primary = {mid for a in facts.actions for mid in a.primary}
    assert primary | set(facts.unassigned) == {m.id for m in plan.measures}
    assert set(facts.covered_actions) == set(plan.covered_actions) & set(range(1, 11))


# --- the same figures as the document --------------------------------------------------------


def _label(source: str | None) -> str:
    from incas_cli.messages import render as msg
    from incas_cli.messages.checks import OPEN_LABELS

    if source is None:
        return msg.PLACEHOLDER.format(label=OPEN_LABELS["budget.source"])
    found = CATALOG.funding_sources.get(source)
    return found.label if found is not None else source


def _by_label(facts: PlanFacts) -> dict[str, Decimal]:
    """The budget by source as the document groups it: by the label it shows."""
    out: dict[str, Decimal] = {}
    for s in facts.by_source:
        out[_label(s.source)] = out.get(_label(s.source), Decimal(0)) + s.amount
    return out


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_facts_are_the_figures_of_the_document(path: Path) -> None:
    from incas_cli.document.model import Mark, Table, plain, walk
    from incas_cli.document.outline import plan_document
    from incas_cli.messages import render as msg

    plan = _example(path)
    facts = plan_facts(plan, CATALOG)
    document = plan_document(plan, CATALOG)
    tables = {b.title: b for b in walk(document.blocks) if isinstance(b, Table)}

    def column(title: str, index: int) -> list[str]:
        return [plain(row[index]) for row in tables[title].rows]

    def ids(items: tuple[str, ...]) -> str:
        return fmt.join_and(items) or "–"

    if facts.has_budget:
        total = tables[msg.TC_BUDGET_MEASURE].total
        assert total is not None and plain(total[2]) == fmt.money(facts.total)
        assert column(msg.TC_BUDGET_MEASURE, 2) == [fmt.money(m.amount) for m in facts.by_measure]
        by_source = dict(
            zip(column(msg.TC_BUDGET_SOURCE, 0), column(msg.TC_BUDGET_SOURCE, 2), strict=True)
        )
        assert by_source == {label: fmt.money(a) for label, a in _by_label(facts).items()}
        axes = [(fmt.money(a.budget), ids(a.primary)) for a in facts.axes]
        if facts.unassigned:
            axes.append((fmt.money(facts.unassigned_budget), ids(facts.unassigned)))
        assert (
            list(zip(column(msg.TC_BUDGET_AXIS, 2), column(msg.TC_BUDGET_AXIS, 1), strict=True))
            == axes
        )
    else:
        assert msg.TC_BUDGET_SOURCE not in tables
    assert [
        (plain(row[2]), plain(row[3]), plain(row[4])) for row in tables[msg.TC_ACTIONS].rows
    ] == [(ids(a.primary), ids(a.secondary), msg.COVERAGE_KINDS[a.coverage]) for a in facts.actions]
    if facts.has_budget:
        assert column(msg.TC_ACTIONS, 5) == [
            fmt.money(a.budget) if a.primary else "–" for a in facts.actions
        ]
        actions_total = tables[msg.TC_ACTIONS].total
        assert actions_total is not None and plain(actions_total[5]) == fmt.money(
            facts.primary_budget
        )

    def codes(numbers: tuple[int, ...]) -> str:
        return ids(tuple(f"AP{n}" for n in numbers))

    assert [tuple(plain(c) for c in row[1:]) for row in tables[msg.TC_AXES].rows] == [
        (
            str(len(a.actions)),
            codes(a.covered_primary),
            codes(a.covered_secondary),
            codes(a.uncovered_actions),
            str(len(a.primary)),
        )
        for a in facts.axes
    ]
    if facts.by_measure:
        assert [
            tuple(cell.symbol if isinstance(cell, Mark) else "" for cell in row[1:])
            for row in tables[msg.TC_MATRIX].rows
        ] == [
            tuple(
                msg.PRIMARY_MARK
                if a.number == m.primary_action
                else msg.SECONDARY_MARK
                if a.number in m.actions
                else ""
                for a in facts.actions
            )
            for m in facts.by_measure
        ]
    assert document.draft == facts.draft
    created = document.properties.created
    assert (created.date() if created else None) == facts.dates.document


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_the_rendered_document_shows_these_totals(path: Path) -> None:
    from docx import Document

    from incas_cli.render import RenderOptions, render_docx

    plan = _example(path)
    facts = plan_facts(plan, CATALOG)
    if not facts.has_budget:
        pytest.skip("no budget line: the document shows a placeholder instead of tables")
    document = Document(io.BytesIO(render_docx(plan, RenderOptions())))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert fmt.money(facts.total) in cells
    for amount in (
        *_by_label(facts).values(),
        *(a.budget for a in facts.axes),
        *(m.amount for m in facts.by_measure),
    ):
        assert fmt.money(amount) in cells
