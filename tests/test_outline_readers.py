"""What the document tells its readers beyond the plan's own text: the «Criticità» the
checks know (funds, dates, content) and the legal framework of the plan's date."""

from __future__ import annotations

from typing import Any

import pytest

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
    """Saluzzo (Piemonte), adopted, with its Common Ground lines moved to Su.Pr.Eme.2 (a
    fund of five Regions of the South) and a PNRR measure made to end after 30/06/2026."""
    data = saluzzo_data()
    for measure in data["measures"]:
        for line in measure["budget"]:
            if line["source"] == "common-ground":
                line["source"] = "supreme2"
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
    assert "30 giugno 2026" in in_card[0] and in_card[0].endswith(".")
    summary = next(t for t in tables(document) if t.title == doc_msg.TC_RISKS)
    assert [plain(row[0]) for row in summary.rows] == [
        doc_msg.RISK_MEASURE.format(id=r.measure) for r in plan_risks(plan, load_catalog())
    ]
    text = write_text(document)
    assert "finanzia solo progetti in Basilicata, Calabria, Campania, Puglia e Sicilia" in text
    assert doc_msg.RISKS_INTRO_PUBLIC in text


def saluzzo_without_axis_2() -> dict[str, Any]:
    """Saluzzo (adopted) whose only measure on vigilance (M11, AP8) is moved to AP7, with
    the risky funds of :func:`risky_saluzzo`."""
    data = risky_saluzzo()
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


# --- the legal framework of the plan's date ------------------------------------------------


def law_text(data: dict[str, Any]) -> str:
    """Sections 1.2 (national plan) and 1.3 (law) of the document as text."""
    text = write_text(outline(plan_from(data)))
    start = text.index("Il Piano triennale nazionale\n")
    return text[start : text.index("Profilo del territorio\n", start)]


def dated(adoption: str | None, start: str) -> dict[str, Any]:
    data = saluzzo_data()
    data["plan"]["period"] = {"start": start, "end": "2027-12"}
    for m in data["measures"]:
        m["start"], m["end"] = start, "2026-06"
    data["monitoring"]["reviews"] = []
    if adoption is None:
        data["plan"]["status"] = "bozza"
        del data["plan"]["adoption"]
    else:
        data["plan"]["adoption"]["date"] = adoption
    return data


def test_a_plan_of_2023_cites_no_18_ter_nor_dl_146() -> None:
    text = law_text(dated("2023-11-28", "2023-09"))
    assert "18-ter" not in text and "145/2024" not in text
    assert "146/2025" not in text and "Assegno di Inclusione" not in text
    assert "articolo 18 del d.lgs. 286/1998" in text
    assert "non dipendono dalla collaborazione della vittima" in text


def test_a_plan_of_2025_cites_18_ter_with_its_condition() -> None:
    text = law_text(dated("2025-03-10", "2025-01"))
    assert "articolo 18-ter del d.lgs. 286/1998, introdotto dal DL 145/2024" in text
    paragraph = next(p for p in text.split("\n\n") if "18-ter" in p)
    assert "contribuisca utilmente all'emersione dei fatti" in paragraph
    assert "richiede quindi la collaborazione della vittima" in paragraph
    assert "non dipendono" not in paragraph and "non condizionat" not in paragraph
    assert "146/2025" not in text  # not yet


def test_a_draft_without_adoption_speaks_from_its_period_start() -> None:
    assert "18-ter" not in law_text(dated(None, "2024-09"))
    text = law_text(dated(None, "2026-01"))
    assert "18-ter" in text
    assert "da sei mesi a un anno e ha dato ai titolari accesso all'Assegno di Inclusione" in text
    assert "reso il Tavolo caporalato un organismo permanente" in text


def test_the_intesa_has_its_day_and_sicily_its_statutory_name() -> None:
    data: dict[str, Any] = load_yaml(example_path("siracusa")).plain()
    text = write_text(outline(plan_from(data)))
    assert "intesa sul Piano (Conferenza Unificata) il 21 maggio 2020" in text
    assert "della Regione Siciliana in materia di lavoro" in text
    assert "Regione Sicilia " not in text


def test_each_act_applies_from_its_day() -> None:
    import datetime as dt

    from incas_cli.document.law import law_on

    assert not law_on(dt.date(2024, 10, 10)).cites("art-18-ter")
    assert law_on(dt.date(2024, 10, 11)).cites("art-18-ter")
    assert law_on(None).cites("dl-146-2025")  # no date: today's law
    with pytest.raises(KeyError):
        law_on(None).cites("art-18-quater")


# --- Italian ------------------------------------------------------------------------------


def test_a_district_plan_speaks_of_the_district_and_lists_with_e() -> None:
    data = saluzzo_data()
    data["comune"]["partners"] = [
        {"name": "Lagnasco", "istat_code": "004104"},
        {"name": "Manta", "istat_code": "004116"},
    ]
    text = write_text(outline(plan_from(data)))
    assert (
        "Questo capitolo descrive il territorio del piano, l'ambito che riunisce i Comuni di "
        "Saluzzo, Lagnasco e Manta:"
    ) in text
    assert "il territorio del Comune di Saluzzo" not in text
    assert "costruito insieme ai Comuni di Lagnasco e Manta," in text


def test_small_counts_in_running_prose_are_words_with_their_article() -> None:
    from incas_cli.formats import in_words
    from incas_cli.messages.document import counted_words

    assert [in_words(n) for n in (0, 3, 10, 11, 4000)] == ["zero", "tre", "dieci", "11", "4.000"]
    assert counted_words(1, "misura") == "una misura"
    assert counted_words(1, "azione prioritaria") == "un'azione prioritaria"
    assert counted_words(1, "attore") == "un attore"
    assert counted_words(3, "misura") == "tre misure"
    assert counted_words(15, "misura") == "15 misure"
    text = write_text(outline(plan_from(saluzzo_data())))
    assert "Si articola in quattro assi strategici e dieci azioni" in text


# --- the comparison of two versions, as a document ----------------------------------------


def test_the_diff_annex_shows_no_rating_of_a_named_organisation() -> None:
    from incas_cli.diff import diff_plans
    from incas_cli.document.diff_annex import diff_document
    from incas_cli.messages import diff as diff_msg
    from tests.helpers import minimal_plan

    old_data = minimal_plan()
    old_data["stakeholders"][1] |= {"power": 2, "interest": 3, "engagement": "informare"}
    new_data = minimal_plan()
    new_data["stakeholders"][1] |= {"power": 4, "interest": 5, "engagement": "collaborare"}
    new_data["stakeholders"][0]["role"] = "Promotore del piano"
    old, new = plan_from(old_data), plan_from(new_data)
    diff = diff_plans(old, new, catalog=load_catalog())
    public = write_text(diff_document(diff, old, new, old_name="v1.yaml", new_name="v2.yaml"))
    internal = write_text(
        diff_document(diff, old, new, old_name="v1.yaml", new_name="v2.yaml", edition="interna")
    )
    for field in ("Potere", "Interesse", "Coinvolgimento", "Caritas diocesana"):
        assert field not in public and field in internal
    assert "Promotore del piano" in public  # other changes stay
    assert diff_msg.RATINGS_WITHHELD in public and diff_msg.RATINGS_WITHHELD not in internal


def test_the_gantt_marks_the_harvest_peak_months_in_each_year() -> None:
    data = saluzzo_data()
    data["context"]["crops"] = [{"name": "mirtilli", "peak_months": [7, 8]}]
    gantts = [t for t in tables(outline(plan_from(data))) if t.title.startswith("Cronoprog")]
    assert len(gantts) == 3  # 2024, 2025, 2026
    for gantt in gantts:
        peaks = next(row for row in gantt.rows if row[0] == doc_msg.T_PEAK_ROW)
        months = [plain(c.header) for c in gantt.columns[1:]]
        marked = [m for m, cell in zip(months, peaks[1:], strict=True) if cell is not None]
        assert marked == ["lug", "ago"]
        assert all(plain(cell) == "picco" for cell in peaks[1:] if cell is not None)
