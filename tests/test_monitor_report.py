"""``incas monitor report``: the Relazione di monitoraggio of the held-out plan and reports.

Every value typed in the reports is read back from the Word document, and the totals add
up exactly (Decimal).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from incas_cli import formats as fmt
from incas_cli.catalog import load_catalog
from incas_cli.document.figures.series import (
    PANELS_PER_FIGURE,
    SeriesPanel,
    SeriesPoint,
    series_alt_text,
    series_png,
    series_titles,
)
from incas_cli.document.model import Figure, Heading, walk
from incas_cli.io import load_yaml
from incas_cli.messages import monitor as msg
from incas_cli.messages import render as render_msg
from incas_cli.models.month import YearMonth
from incas_cli.monitor.checks import PlanSource, check_reports, load_plan, series
from incas_cli.monitor.facts import MonitorFacts, monitor_facts
from incas_cli.monitor.outline import report_document
from tests.conftest import Cli
from tests.helpers import odt_table_titles
from tests.render_support import body_text, open_docx

DATA = Path(__file__).parent / "data" / "monitor"
PLAN = "piano-lavello.yaml"
REPORTS = ("relazione-2024.yaml", "relazione-2025.yaml")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in (PLAN, *REPORTS):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def _render(cli: Cli, folder: Path, *extra: str) -> bytes:
    args = ("monitor", "report", PLAN, *REPORTS, "-o", "rel.docx", "--no-toc-update", *extra)
    result = cli(*args, cwd=folder)
    assert result.exit_code == 0, result.output
    return (folder / "rel.docx").read_bytes()


def _leaves(
    data: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _leaves(value, (*path, i))
    elif data is not None:
        yield path, data


_NAMES = {
    "comune": "Comune di Lavello",
    "prefettura-pz": "Prefettura di Potenza",
    "flai-pz": "FLAI CGIL Potenza",
}


def _printed(path: tuple[str | int, ...], value: Any) -> str | None:
    """How the document prints a value typed at ``path`` (None: a key that is not shown)."""
    key = next(p for p in reversed(path) if isinstance(p, str))
    catalog = load_catalog()
    shown_as_name = path[:1] == ("indicators",) and key in ("measure", "indicator")
    if key in ("schema_version", "file", "organ") or shown_as_name:
        return None  # the format's version, a path, and references printed as names
    if key in ("committed", "paid"):
        return fmt.money(Decimal(str(value)))
    if key == "value":
        return fmt.number(Decimal(str(value)))
    if key == "progress":
        return f"{value}%"
    if key == "source" and path[0] == "measures":
        return catalog.funding_sources[value].label
    if key == "status":
        return msg.STATES.get(value) or msg.REPORT_STATUS_WORDS[value]
    if key == "kind":
        return render_msg.MEETING_KINDS[value]
    if key == "participants" or path[-2:-1] == ("participants",):
        return _NAMES[value]
    if isinstance(value, dt.date):
        # in words, as the plan's document writes dates (not 15/02/2026)
        return fmt.long_date(value)
    if key in ("started", "ended", "date", "start", "end"):
        return fmt.month(YearMonth(value))
    return str(value)


def test_every_value_typed_in_the_reports_is_in_the_document(cli: Cli, folder: Path) -> None:
    text = " ".join(body_text(open_docx(_render(cli, folder, "--edition", "interna"))).split())
    missing = []
    for name in REPORTS:
        for path, value in _leaves(load_yaml(DATA / name).plain()):
            printed = _printed(path, value)
            if printed is not None and " ".join(printed.split()) not in text:
                missing.append(f"{name} {path}: {printed!r}")
    assert not missing, "\n".join(missing)


def test_the_public_edition_leaves_out_the_working_notes(cli: Cli, folder: Path) -> None:
    text = body_text(open_docx(_render(cli, folder)))
    assert "Stima prudente" not in text
    assert "Progettazione esecutiva approvata a novembre." not in text
    assert (
        "Variante approvata e turni di lavoro raddoppiati." in text
    )  # corrective actions are public


def _facts() -> MonitorFacts:
    outcomes = check_reports([DATA / name for name in REPORTS], PlanSource())
    return monitor_facts(load_plan(DATA / PLAN), series(outcomes), load_catalog())


def test_totals_add_up() -> None:
    facts = _facts()
    rows = [
        row
        for name in REPORTS
        for m in load_yaml(DATA / name).plain()["measures"]
        for row in m.get("spending", [])
    ]
    paid = sum((Decimal(str(row["paid"])) for row in rows), Decimal(0))
    committed = sum((Decimal(str(row["committed"])) for row in rows), Decimal(0))
    assert (facts.total.paid, facts.total.committed) == (paid, committed)
    assert facts.total.paid == Decimal("481057.07")
    for parts in (facts.measures, facts.by_source, facts.by_axis):
        assert sum((r.paid for r in parts), Decimal(0)) == facts.total.paid
        assert sum((r.committed for r in parts), Decimal(0)) == facts.total.committed
        assert sum((r.budget for r in parts), Decimal(0)) == facts.total.budget
    assert facts.total.budget == facts.plan.total_budget


def test_the_document_says_the_totals_and_the_verdicts(cli: Cli, folder: Path) -> None:
    text = body_text(open_docx(_render(cli, folder)))
    for amount in ("1.110.000,00 €", "870.000,50 €", "481.057,07 €", "435.501,00 €"):
        assert amount.replace(" ", "\u00a0") in text
    assert "in ritardo" in text and "senza dati" in text
    assert "30 giugno 2026" in text  # PNRR M5C2 2.2's deadline
    assert "Aprire lo sportello a gennaio e collaudare la foresteria entro maggio." in text


def test_the_outline_has_the_chapters_and_a_chart_per_indicator_with_values() -> None:
    document = report_document(_facts(), load_catalog())
    headings = [b.text for b in walk(document.blocks) if isinstance(b, Heading) and b.level == 1]
    assert headings == [
        msg.H_SUMMARY,
        msg.H_MEASURES,
        msg.H_INDICATORS,
        msg.H_SPENDING,
        msg.H_PROBLEMS,
        msg.H_PROCESS,
        msg.H_NEXT,
    ]
    figures = [b for b in walk(document.blocks) if isinstance(b, Figure)]
    assert len(figures) == 1  # three indicators with values, one chart of three panels
    (figure,) = figures
    assert figure.image is not None and figure.image.startswith(b"\x89PNG")
    assert figure.data is not None and len(figure.data.rows) == 5  # every value, one a row
    assert "M1 – posti letto attivi" in figure.alt
    assert "dicembre 2024: 0 e dicembre 2025: 24" in figure.alt
    text = " ".join(str(b) for b in walk(document.blocks))
    assert "Senza valori rilevati: M3 – accessi allo sportello." in text
    assert document.draft  # the latest report is a draft
    assert document.properties.created == dt.datetime(2026, 2, 15, tzinfo=dt.UTC)


def test_the_same_inputs_give_the_same_bytes(cli: Cli, folder: Path) -> None:
    first = _render(cli, folder)
    assert _render(cli, folder, "--force") == first


def test_a_bad_report_blocks_the_document(cli: Cli, folder: Path) -> None:
    text = (folder / REPORTS[1]).read_text(encoding="utf-8")
    (folder / REPORTS[1]).write_text(text.replace("- id: M2\n", "- id: M9\n"), encoding="utf-8")
    result = cli("monitor", "report", PLAN, *REPORTS, "-o", "rel.docx", cwd=folder)
    assert result.exit_code == 3
    assert f"{REPORTS[1]}:20:9: errore [UNKNOWN_MEASURE]" in result.stdout
    assert not (folder / "rel.docx").exists()


def _beds(title: str = "posti letto") -> SeriesPanel:
    """A panel of two values on the way from 0 to 60 (September 2024 - June 2026)."""
    points = (
        SeriesPoint(YearMonth("2024-12"), Decimal(0)),
        SeriesPoint(YearMonth("2025-12"), Decimal(24)),
    )
    return SeriesPanel(
        title,
        points,
        baseline=Decimal(0),
        target=Decimal(60),
        start=YearMonth("2024-09"),
        end=YearMonth("2026-06"),
    )


def test_the_series_chart_is_deterministic() -> None:
    panel = _beds()
    png = series_png([panel, panel, panel])
    assert png == series_png([panel, panel, panel])
    from PIL import Image

    width, height = Image.open(io.BytesIO(png)).size
    assert width == 1000
    assert height > Image.open(io.BytesIO(series_png([panel]))).size[1]  # two rows of panels
    with pytest.raises(ValueError):
        series_png([panel] * (PANELS_PER_FIGURE + 1))
    alt = series_alt_text(panel)
    assert alt.startswith("Andamento dell'indicatore «posti letto»: partenza 0, traguardo 60")
    assert alt.endswith("Valori rilevati: dicembre 2024: 0 e dicembre 2025: 24.")


def test_a_count_is_expected_in_whole_numbers_on_the_target_s_side_of_the_line(
    cli: Cli, folder: Path
) -> None:
    """Beds and people are not expected by tenths: 19.1 beds expected (0 to 60 in 22
    months, 7 gone) show as 20 and 304.5 people (400 to 100) as 304, so «in ritardo» stays
    true of the figures shown (19 beds against 20, not against 19; 305 people against 304,
    not 305). An indicator with decimals keeps them (117,6 runs expected against 95,5)."""
    report = folder / REPORTS[1]
    text = report.read_text(encoding="utf-8")
    for old, new in (
        ("value: 24, date: 2025-12", "value: 19, date: 2025-03"),
        ("value: 310, date: 2025-08", "value: 305, date: 2025-03"),
        ("value: 95, date: 2025-10", "value: 95.5, date: 2025-10"),
    ):
        assert old in text
        text = text.replace(old, new)
    report.write_text(text, encoding="utf-8")
    document = open_docx(_render(cli, folder))
    said = body_text(document)
    assert "«posti letto attivi» (atteso 20, rilevato 19)" in said
    assert "«persone in alloggi informali» (atteso 304, rilevato 305)" in said
    assert "«corse effettuate» (atteso 117,6, rilevato 95,5)" in said
    rows = {}  # the table of the values reported: (indicator, month): (value, expected)
    for table in document.tables:
        header = [cell.text for cell in table.rows[0].cells]
        if msg.COL_VALUE_SOURCE in header:
            for row in table.rows[1:]:
                cells = dict(zip(header, (cell.text for cell in row.cells), strict=True))
                key = (cells[msg.COL_INDICATOR], cells[msg.COL_MONTH])
                rows[key] = (cells[msg.COL_VALUE], cells[msg.COL_EXPECTED])
    assert rows[("posti letto attivi", "marzo 2025")] == ("19", "20")
    assert rows[("posti letto attivi", "dicembre 2024")] == ("0", "11")  # 10.9
    assert rows[("persone in alloggi informali", "marzo 2025")] == ("305", "304")
    assert rows[("corse effettuate", "ottobre 2025")] == ("95,5", "117,6")


@pytest.mark.office
def test_the_report_as_pdf_and_odt(cli: Cli, folder: Path) -> None:
    for fmt_name, magic in (("pdf", b"%PDF"), ("odt", b"PK")):
        args = ("monitor", "report", PLAN, *REPORTS, "--format", fmt_name, "-o", "rel")
        result = cli(*args, cwd=folder)
        assert result.exit_code == 0, result.output
        assert (folder / f"rel.{fmt_name}").read_bytes().startswith(magic)
    titles = odt_table_titles((folder / "rel.odt").read_bytes())
    assert len(titles) > 5 and all(title for title, _ in titles)  # what a screen reader says


def test_after_a_year_cut_short_by_the_plan_s_start_the_next_period_is_a_whole_year(
    cli: Cli, folder: Path
) -> None:
    """The plan starts in July 2024, so ``monitor init --period 2024`` gives July-December:
    the next period is 2025, not six months."""
    args = ("monitor", "report", PLAN, REPORTS[0], "-o", "rel.docx", "--no-toc-update")
    result = cli(*args, cwd=folder)
    assert result.exit_code == 0, result.output
    text = body_text(open_docx((folder / "rel.docx").read_bytes()))
    assert "Nel prossimo periodo (gennaio 2025 – dicembre 2025):" in text


def test_a_plan_with_one_measure_and_one_report_is_summed_up_in_italian(
    cli: Cli, tmp_path: Path
) -> None:
    """«Delle 1 misura del piano: 1 in corso.» was the Giunta's first line."""
    from tests.helpers import minimal_plan, write_plan

    write_plan(tmp_path / "piano.yaml", minimal_plan())
    assert cli("monitor", "init", "piano.yaml", "--period", "2025", cwd=tmp_path).exit_code == 0
    report = tmp_path / "piano-monitoraggio-2025.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("    status:   ", "    status: in-corso", 1), encoding="utf-8")
    args = ("monitor", "report", "piano.yaml", report.name, "-o", "rel.docx", "--no-toc-update")
    result = cli(*args, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    body = body_text(open_docx((tmp_path / "rel.docx").read_bytes()))
    assert "Il piano ha una sola misura: in corso." in body
    assert "Delle 1" not in body
    # one report is not «l'ultima»
    assert "Relazione: 2025, in bozza." in body


def _saluzzo_report(cli: Cli, tmp_path: Path) -> Any:
    """The Relazione of the bundled example (examples/monitoraggio), as python-docx reads it."""
    from tests.helpers import EXAMPLES

    reports = EXAMPLES / "monitoraggio" / "saluzzo-2024.yaml"
    args = ("monitor", "report", str(EXAMPLES / "saluzzo.yaml"), str(reports))
    result = cli(*args, "-o", str(tmp_path / "rel.docx"), "--no-toc-update")
    assert result.exit_code == 0, result.output
    return open_docx((tmp_path / "rel.docx").read_bytes())


def _words(document: Any) -> str:
    return " ".join(body_text(document).replace("\u00a0", " ").split())


def test_a_month_after_a_says_ad_before_aprile(cli: Cli, tmp_path: Path) -> None:
    body = _words(_saluzzo_report(cli, tmp_path))
    assert "avviata ad aprile 2024" in body and " a aprile" not in body


def test_the_next_period_lists_the_plan_s_monitoring_checks_by_their_name(
    cli: Cli, tmp_path: Path
) -> None:
    """The plan calls ``monitoring.reviews`` «Verifiche programmate» and «Verifiche di
    monitoraggio» (cronoprogramma): the report does not announce them as a revision of the
    plan."""
    body = _words(_saluzzo_report(cli, tmp_path))
    assert "verifica di monitoraggio prevista a giugno 2025" in body
    assert "revisione del piano" not in body


def test_the_giunta_s_summary_makes_the_states_agree_with_their_count(
    cli: Cli, tmp_path: Path
) -> None:
    """«2 non avviata» was the summary's second line: a state of several measures is plural."""
    body = _words(_saluzzo_report(cli, tmp_path))
    assert "Delle 15 misure del piano: 12 in corso, 2 non avviate e 1 completata." in body


def test_a_contribution_in_kind_is_not_a_funding_source_of_the_spending(
    cli: Cli, tmp_path: Path
) -> None:
    """Saluzzo's M4 lists volunteers of the Caritas as a line of 0 € (a contribution in
    kind, which the plan keeps out of its amounts): the spending tables leave it out too,
    instead of a «Caritas diocesana di Saluzzo» source with 0,00 € of budget."""
    document = _saluzzo_report(cli, tmp_path)
    by_source = next(t for t in document.tables if t.rows[0].cells[0].text == msg.COL_SOURCE)
    sources = [row.cells[0].text for row in by_source.rows[1:]]
    assert "Bilancio comunale" in sources and "Fondi privati" in sources
    assert "Caritas diocesana di Saluzzo" not in sources


def test_a_long_indicator_name_takes_a_second_line_in_its_panel_not_an_ellipsis() -> None:
    """Saluzzo's «M1 – persone senza alloggio nel picco stagionale» was drawn «M1 – persone
    senza alloggio nel picco sta…»: the panels' titles wrap on two lines, and the figure
    grows by what the second line takes."""
    short = _beds("M1 – posti letto attivati")
    long = _beds("M1 – persone senza alloggio nel picco stagionale")
    titles = series_titles([short, long])
    assert [" ".join(lines) for lines in titles] == [short.title, long.title]
    assert [len(lines) for lines in titles] == [1, 2]
    from PIL import Image

    def height(panels: list[SeriesPanel]) -> int:
        return Image.open(io.BytesIO(series_png(panels))).size[1]

    assert height([short, long]) > height([short, short])
