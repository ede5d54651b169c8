"""What the document tells its readers beyond the plan's own text: the «Criticità» the
checks know (funds, dates, content) and the legal framework of the plan's date."""

from __future__ import annotations

from typing import Any

from incas_cli.catalog import load_catalog
from incas_cli.checks.risks import plan_risks
from incas_cli.document.model import Document, Table, plain, walk
from incas_cli.io import load_yaml
from incas_cli.messages import document as doc_msg
from incas_cli.models import Plan
from incas_cli.render import Edition, plan_document
from incas_cli.writers.text import write_text
from tests.render_support import example_path, plan_from


def saluzzo_data() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(example_path("saluzzo")).plain()
    return data


def outline(plan: Plan, edition: Edition = "pubblica") -> Document:
    return plan_document(plan, load_catalog(), edition=edition)


def tables(document: Document) -> list[Table]:
    return [b for b in walk(document.blocks) if isinstance(b, Table)]


def card_risks(document: Document, measure_id: str) -> list[str]:
    card = next(t for t in tables(document) if t.title.endswith(f"misura {measure_id}"))
    return [
        plain(line)
        for label, value in (row[:2] for row in card.rows)
        if label == doc_msg.CARD_RISKS
        for line in (value if isinstance(value, tuple) else (value,))
    ]


def risky_saluzzo() -> dict[str, Any]:
    """Saluzzo (Piemonte), adopted, with its Su.Pr.Eme.2 lines (a fund of five Regions of
    the South) and a PNRR measure made to end after 30/06/2026."""
    data = saluzzo_data()
    pnrr = next(
        m for m in data["measures"] if any(b["source"] == "pnrr-m5c2-i2.2" for b in m["budget"])
    )
    pnrr["end"] = data["plan"]["period"]["end"]
    return data


def test_risks_are_the_findings_of_the_checks() -> None:
    data = risky_saluzzo()
    risks = plan_risks(plan_from(data), load_catalog())
    codes = sorted(r.finding.code for r in risks)
    assert codes == ["FUNDING_AFTER_DEADLINE", "FUNDING_OUTSIDE_REGION", "FUNDING_OUTSIDE_REGION"]
    assert all(r.topic == "fondi" and r.measure for r in risks)


def test_public_edition_shows_fund_risks_in_the_card_and_the_summary() -> None:
    data = risky_saluzzo()
    plan = plan_from(data)
    document = outline(plan)
    pnrr = next(r for r in plan_risks(plan, load_catalog()) if r.finding.code.endswith("DEADLINE"))
    assert pnrr.measure is not None
    in_card = card_risks(document, pnrr.measure)
    assert len(in_card) == 1
    assert in_card[0].startswith(f"La misura {pnrr.measure} finisce a")
    assert "30/06/2026" in in_card[0] and in_card[0].endswith(".")
    summary = next(t for t in tables(document) if t.title == doc_msg.TC_RISKS)
    assert [plain(row[0]) for row in summary.rows] == [
        doc_msg.RISK_MEASURE.format(id=r.measure) for r in plan_risks(plan, load_catalog())
    ]
    text = write_text(document)
    assert "finanzia solo progetti in Basilicata, Calabria, Campania, Puglia e Sicilia" in text
    assert doc_msg.RISKS_INTRO_PUBLIC in text


def saluzzo_without_axis_2() -> dict[str, Any]:
    """Saluzzo (adopted) whose only measure on vigilance (M11, AP8) is moved to AP7."""
    data = saluzzo_data()
    next(m for m in data["measures"] if m["id"] == "M11")["actions"] = [7]
    return data


def test_a_final_plan_shows_content_risks_only_in_the_internal_edition() -> None:
    plan = plan_from(saluzzo_without_axis_2())
    assert plan.final
    risks = plan_risks(plan, load_catalog())
    content = [(r.finding.code, r.measure) for r in risks if r.topic == "contenuto"]
    assert content == [("AXIS_NOT_COVERED", None)]
    public = write_text(outline(plan))
    internal = write_text(outline(plan, "interna"))
    axis = "Nessuna misura copre l'asse «Vigilanza e contrasto» (azione 8)."
    assert axis not in public and axis in internal
    assert "Su.Pr.Eme.2" in public  # funds: for every reader


def test_a_draft_shows_every_risk_in_both_editions() -> None:
    data = saluzzo_without_axis_2()
    data["plan"]["status"] = "in_consultazione"
    plan = plan_from(data)
    editions: tuple[Edition, ...] = ("pubblica", "interna")
    for edition in editions:
        text = write_text(outline(plan, edition))
        assert "Nessuna misura copre l'asse «Vigilanza e contrasto» (azione 8)." in text
        assert doc_msg.RISKS_INTRO_PUBLIC not in text


def test_no_risk_no_section() -> None:
    plan = plan_from(load_yaml(example_path("siracusa")).plain())
    assert plan_risks(plan, load_catalog()) == ()
    assert doc_msg.H_RISKS not in write_text(outline(plan, "interna"))
