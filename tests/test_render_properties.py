"""Property: any structurally valid plan renders, and the document keeps its promises."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incas_cli.checks import check_data
from incas_cli.messages import document as doc_msg
from incas_cli.messages import render as msg
from incas_cli.models import Plan
from incas_cli.render import RenderOptions, render_docx
from tests.render_support import body_text, headings, open_docx
from tests.strategies import examples, free_text, valid_plans

# Characters XML 1.0 cannot hold: the document must drop them, not fail.
control = st.sampled_from(["\x00", "\x07", "\x0b", "\x1b", "\ufffe"])


@st.composite
def richer_plans(draw: st.DrawFn) -> dict[str, Any]:
    """``valid_plans`` plus the optional sections the renderer lays out."""
    data = draw(valid_plans())
    ids = [s["id"] for s in data["stakeholders"]]
    if draw(st.booleans()):
        data["context"] = {
            "description": draw(free_text) + draw(control) + "\n\n" + draw(free_text),
            "crops": [
                {
                    "name": draw(free_text),
                    "peak_months": draw(st.lists(st.integers(1, 12), max_size=12, unique=True)),
                    "workers": draw(st.one_of(st.none(), st.integers(0, 10**6))),
                }
                for _ in range(draw(st.integers(0, 4)))
            ],
        }
    if draw(st.booleans()):
        data["relations"] = [
            {"from": ids[0], "to": other, "kind": "accordo", "label": draw(free_text)}
            for other in ids[1:]
        ]
        data["governance"] = {
            "steering_body": {"name": draw(free_text), "coordinator": ids[0], "members": ids},
            "tables": [{"name": draw(free_text), "topic": "alloggio", "members": ids}],
        }
    if draw(st.booleans()):
        data["process"] = {
            "meetings": [
                {
                    "date": draw(st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 31))),
                    "kind": draw(st.sampled_from(["tavolo", "bilaterale", "assemblea"])),
                    "participants": draw(st.lists(st.sampled_from(ids), max_size=4)),
                    "summary": draw(free_text),
                }
                for _ in range(draw(st.integers(0, 4)))
            ]
        }
        data["monitoring"] = {"reviews": ["2025-06", "2026-06"], "reporting": draw(free_text)}
    for measure in data["measures"]:
        if draw(st.booleans()):
            measure["objective"] = draw(free_text) + draw(control)
        if draw(st.booleans()):
            measure.pop("budget")
    if draw(st.booleans()):
        _v1_additions(draw, data)
    return data


def _v1_additions(draw: st.DrawFn, data: dict[str, Any]) -> None:
    """The fields added since the first release, each present or open at random."""
    maybe_text = st.one_of(st.none(), free_text)
    context = data.setdefault("context", {})
    context["phenomenon"] = draw(maybe_text)
    context["gender"] = draw(maybe_text)
    context["data"] = [
        {
            "label": draw(free_text),
            "value": draw(st.one_of(st.none(), st.integers(0, 10**6))),
            "unit": draw(maybe_text),
            "year": draw(st.one_of(st.none(), st.integers(2015, 2027))),
            "source": draw(maybe_text),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    data["organization"] = {
        "manager": draw(maybe_text),
        "offices": [{"name": draw(free_text), "tasks": draw(maybe_text)}],
        "reporting": draw(maybe_text),
    }
    objectives = [f"OS{i}" for i in range(1, draw(st.integers(0, 3)) + 1)]
    data["strategy"] = {
        "general_objective": draw(maybe_text),
        "specific_objectives": [
            {"id": o, "text": draw(free_text), "axis": draw(st.sampled_from([None, "prevenzione"]))}
            for o in objectives
        ],
    }
    data["comune"]["partners"] = [
        {
            "name": "Lagnasco",
            "istat_code": "004104",
            "role": draw(maybe_text),
            "adhesion": draw(
                st.sampled_from([None, {"organ": "giunta"}, {"number": "3", "date": "2025-02-01"}])
            ),
        }
    ]
    for measure in data["measures"]:
        measure["specific_objectives"] = draw(st.lists(st.sampled_from(objectives or ["x"])))
        if not objectives:
            measure["specific_objectives"] = []
        measure["sustainability"] = draw(maybe_text)
        measure["months"] = draw(st.lists(st.integers(1, 12), unique=True, max_size=12))
        for line in measure.get("budget", []):
            line["year"] = draw(st.one_of(st.none(), st.integers(2025, 2027)))
            line["status"] = draw(st.sampled_from([None, "assicurato", "richiesto", "da-reperire"]))
            line["cup"] = draw(st.sampled_from([None, "J71B22000330006"]))
        if draw(st.booleans()):
            measure.setdefault("budget", []).append(
                {"amount": 0, "source": draw(free_text), "note": draw(maybe_text)}
            )


def _seasons_hold(document: Any, plan: Plan) -> None:
    """In the Gantt tables (one per year, a column per month) a measure is marked in the
    months between its start and end, and only in its ``months`` when it has them."""
    caption = f"{qn('w:tblPr')}/{qn('w:tblCaption')}"
    years = [
        (int(found.get(qn("w:val"), "").rsplit(" ", 1)[1]), table)
        for table in document.tables
        if (found := table._tbl.find(caption)) is not None
        and found.get(qn("w:val"), "").startswith(doc_msg.TC_GANTT_YEAR.format(year=""))
    ]
    assert years or not any(m.start and m.end for m in plan.measures)
    for year, table in years:
        for measure, row in zip(plan.measures, table.rows[1:], strict=False):
            marked = [n for n, c in enumerate(row.cells[1:], start=1) if c.text == msg.ACTIVE_MARK]
            active = [n for n in range(1, 13) if measure.active_in(year * 12 + n - 1)]
            assert marked == active, (measure.id, year)


@pytest.mark.slow
@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(richer_plans(), st.sampled_from(["pubblica", "interna"]))
def test_any_valid_plan_renders(data: dict[str, Any], edition: str) -> None:
    plan, _ = check_data(data)
    assert plan is not None
    output = render_docx(plan, RenderOptions(edition=edition))  # type: ignore[arg-type]
    document = open_docx(output)
    text = body_text(document)
    for measure in plan.measures:
        assert measure.title.strip() in text
    if plan.strategy is not None:
        for objective in plan.strategy.specific_objectives:
            assert objective.id in text
    levels = [level for level, _ in headings(document)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    for tbl in document.element.body.iter(qn("w:tbl")):
        look = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblLook')}")
        card = look is not None and look.get(qn("w:firstRow")) == "0"  # labels head the rows
        header = tbl.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}")
        assert (header is None) if card else (header is not None)
    assert len(document.sections) == 1  # portrait throughout: the Gantt is a table per year
    _seasons_hold(document, plan)
    total = sum((m.total_budget for m in plan.measures), Decimal(0))
    assert total == plan.total_budget
    assert render_docx(plan, RenderOptions(edition=edition)) == output  # type: ignore[arg-type]
