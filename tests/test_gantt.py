"""The Gantt chart month by month, read back from the .docx: a table per year with a column
per month, a seasonal measure (``months``) marked only in its months, the harvest's peak
months and the reviews in rows of their own, each mark a symbol explained by the legend;
the measure's card says the season in words; ``plan validate`` and ``plan diff`` know the
field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.table import Table as DocxTable

from incas_cli import formats as fmt
from incas_cli.messages import document as doc_msg
from incas_cli.messages import render as msg
from incas_cli.render import render_docx
from tests.conftest import Cli
from tests.helpers import minimal_plan, write_plan
from tests.render_support import body_text, open_docx, plan_from


def _seasonal_plan() -> dict[str, Any]:
    data = minimal_plan()
    data["plan"]["period"] = {"start": "2025-01", "end": "2026-12"}
    data["context"] = {"crops": [{"name": "patate", "peak_months": [7, 8]}]}
    data["monitoring"] = {"reviews": ["2025-12", "2026-06"]}
    data["measures"][0] |= {"start": "2025-04", "end": "2026-10", "months": [6, 7, 8, 9]}
    data["measures"].append(
        {"id": "M2", "title": "Sportello tutto l'anno", "start": "2025-01", "end": "2026-12"}
    )
    return data


def _caption(table: DocxTable) -> str:
    caption = table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
    return caption.get(qn("w:val"), "") if caption is not None else ""


def _marked(table: DocxTable, first_cell: str, symbol: str) -> list[str]:
    """The month headers of the columns where the row that starts with ``first_cell``
    holds ``symbol``."""
    months = [cell.text for cell in table.rows[0].cells[1:]]
    row = next(r for r in table.rows[1:] if r.cells[0].text.startswith(first_cell))
    return [m for m, cell in zip(months, row.cells[1:], strict=True) if cell.text == symbol]


def test_a_seasonal_measure_is_marked_only_in_its_months_and_the_peaks_are_marked() -> None:
    document = open_docx(render_docx(plan_from(_seasonal_plan())))
    gantts = [t for t in document.tables if _caption(t).startswith(msg.TC_GANTT)]
    assert [_caption(t) for t in gantts] == [
        doc_msg.TC_GANTT_YEAR.format(year=year) for year in (2025, 2026)
    ]
    season = ["giu", "lug", "ago", "set"]
    for gantt in gantts:
        assert [c.text for c in gantt.rows[0].cells[1:]] == list(fmt.MONTH_ABBREVIATIONS)
        assert _marked(gantt, "M1", msg.ACTIVE_MARK) == season  # not April, not October
        assert _marked(gantt, "M2", msg.ACTIVE_MARK) == list(fmt.MONTH_ABBREVIATIONS)
        assert _marked(gantt, doc_msg.T_PEAK_ROW, doc_msg.PEAK_MARK) == ["lug", "ago"]
        assert not _marked(gantt, "M1", doc_msg.PEAK_MARK)  # a peak is a row of its own
    assert _marked(gantts[0], msg.T_REVIEWS_ROW, msg.REVIEW_MARK) == ["dic"]
    assert _marked(gantts[1], msg.T_REVIEWS_ROW, msg.REVIEW_MARK) == ["giu"]
    # each symbol sits alone in its cell's paragraph, in one run (for PDF /ActualText)
    cell = next(c for c in gantts[0].rows[1].cells if c.text == msg.ACTIVE_MARK)
    assert [len(p.runs) for p in cell.paragraphs] == [1]
    text = body_text(document).replace("\u00a0", " ")  # dates never break across lines
    legend = doc_msg.GANTT_LEGEND.format(
        items="; ".join(
            [
                doc_msg.GANTT_LEGEND_ACTIVE.format(mark=msg.ACTIVE_MARK),
                doc_msg.GANTT_LEGEND_PEAK.format(mark=doc_msg.PEAK_MARK),
                doc_msg.GANTT_LEGEND_REVIEW.format(mark=msg.REVIEW_MARK),
            ]
        )
    )
    assert legend in text and doc_msg.NOTE_GANTT_BY_MONTH in text
    # the card gives the season in words
    assert "aprile 2025 – ottobre 2026, ogni anno da giugno a settembre" in text


def test_a_season_round_the_new_year_is_one_run() -> None:
    data = _seasonal_plan()
    data["measures"][0]["months"] = [11, 12, 1, 2, 5]
    text = body_text(open_docx(render_docx(plan_from(data)))).replace("\u00a0", " ")
    assert "ogni anno a maggio e da novembre a febbraio" in text


def test_a_season_that_ends_or_sits_in_april_or_august_says_ad() -> None:
    """«da maggio a agosto» is not Italian: the euphonic «d» before the same vowel."""
    data = _seasonal_plan()
    data["measures"][0]["months"] = [4, 6, 7, 8]
    text = body_text(open_docx(render_docx(plan_from(data)))).replace("\u00a0", " ")
    assert "ogni anno ad aprile e da giugno ad agosto" in text
    assert " a agosto" not in text and " a aprile" not in text


def test_a_bad_month_list_is_refused_with_its_position(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0]["months"] = [6, 6]
    result = cli("plan", "validate", str(write_plan(tmp_path / "ripetuto.yaml", data)))
    assert result.exit_code != 0 and "un mese compare più volte" in result.output
    assert "measures[0].months" in result.output
    data["measures"][0]["months"] = ["giugno"]
    result = cli("plan", "validate", str(write_plan(tmp_path / "nome.yaml", data)))
    assert result.exit_code != 0 and "giugno" in result.output and "6" in result.output


def test_plan_diff_names_the_months_that_change(cli: Cli, tmp_path: Path) -> None:
    old = write_plan(tmp_path / "v1.yaml", _seasonal_plan())
    data = _seasonal_plan()
    data["measures"][0]["months"] = [9, 6, 7, 8, 10]
    new = write_plan(tmp_path / "v2.yaml", data)
    report = json.loads(cli("plan", "diff", "--json", str(old), str(new)).output)
    changed = {c["id"]: c["changes"] for c in report["measures"]["changed"]}
    assert [f["field"] for f in changed["M1"]] == ["months"]
    text = cli("plan", "diff", str(old), str(new), env={"COLUMNS": "200"}).output
    assert "Mesi di attività" in text and "ottobre" in text
    data["measures"][0]["months"] = [9, 8, 7, 6]  # the same months in another order
    same = write_plan(tmp_path / "v3.yaml", data)
    report = json.loads(cli("plan", "diff", "--json", str(old), str(same)).output)
    assert not report["measures"]["changed"]
