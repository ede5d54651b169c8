"""The page as a reader sees it: figures that fit, columns that do not break words,
captions kept with what they describe, a one-line running header, numbering, counts and
shares that read right. Checked on the document's XML, with estimates of text width that
do not come from the renderer (characters x an average width at the table's font size).
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Any

import pytest
from docx.document import Document
from docx.oxml.ns import qn

from incas_cli import formats as fmt
from incas_cli.messages import render as msg
from incas_cli.render import render_docx
from tests.helpers import minimal_plan
from tests.render_support import (
    EXAMPLE_NAMES,
    example_plan,
    headings,
    open_docx,
    plan_from,
    rendered,
)

ALL_EXAMPLES = (*EXAMPLE_NAMES, "breve")
EMU_PER_TWIP = 635
CM = 567  # twips
BOLD_CHAR = 0.19 * CM  # average width of a bold character at 9-10 pt, generous
TEXT_CHAR = 0.165 * CM  # the same for regular text
CELL_MARGINS = 2 * 85  # left and right margins of the table style
COMPACT_MARGINS = 2 * 28


# --- helpers -----------------------------------------------------------------------------


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _style(p: Any) -> str:
    found = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return found.get(qn("w:val"), "") if found is not None else ""


def _keep_next(p: Any) -> bool | None:
    """The paragraph's own keepNext: True, False (val="0") or None (from its style)."""
    found = p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
    if found is None:
        return None
    return found.get(qn("w:val"), "1") not in ("0", "false")


def _blocks_with_section(document: Document) -> list[tuple[Any, int]]:
    """Body paragraphs and tables, each with the index of the section it belongs to."""
    out = []
    section = 0
    for child in document.element.body:
        if child.tag not in (qn("w:p"), qn("w:tbl")):
            continue
        out.append((child, section))
        if child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            section += 1
    return out


def _body_size(document: Document, index: int) -> tuple[int, int]:
    """(width, height) of the text area of a section, in twips."""
    s = document.sections[index]
    width = (s.page_width or 0) - (s.left_margin or 0) - (s.right_margin or 0)
    height = (s.page_height or 0) - (s.top_margin or 0) - (s.bottom_margin or 0)
    return width // EMU_PER_TWIP, height // EMU_PER_TWIP


def _paragraph_texts(document: Document) -> list[str]:
    return [_text(p) for p in document.element.body.iter(qn("w:p"))]


# --- figures -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_every_picture_fits_the_page_body_with_its_heading_and_caption(name: str) -> None:
    # the internal edition holds every figure of the public one, and the grid
    document = open_docx(rendered(name, "interna"))
    blocks = _blocks_with_section(document)
    pictures = 0
    for index, (block, section) in enumerate(blocks):
        extents = list(block.iter(qn("wp:extent"))) if block.tag == qn("w:p") else []
        if not extents:
            continue
        pictures += 1
        width, height = _body_size(document, section)
        for extent in extents:
            cx, cy = int(extent.get("cx")), int(extent.get("cy"))
            assert cx <= width * EMU_PER_TWIP, (name, cx / 360000)
            assert cy <= height * EMU_PER_TWIP, (name, cy / 360000)
            assert cy <= 21 * 360000, (name, cy / 360000)  # room for heading and caption
        assert _keep_next(block) is True
        previous, after = blocks[index - 1][0], blocks[index + 1][0]
        assert _style(previous).startswith("Heading") and _keep_next(previous) is True
        assert _text(after).startswith("Figura ") and _keep_next(after) is False
    assert pictures >= 1


def test_a_tall_figure_is_scaled_keeping_its_aspect_ratio() -> None:
    document = open_docx(rendered("saluzzo", "interna"))
    extents = [e for e in document.element.body.iter(qn("wp:extent"))]
    assert len(extents) == 2
    ratios = []
    for extent in extents:
        cx, cy = int(extent.get("cx")), int(extent.get("cy"))
        ratios.append(cy / cx)
    tall = max(ratios)
    assert tall > 1.3  # the power/interest grid with its legend is taller than wide
    grid = extents[ratios.index(tall)]
    assert int(grid.get("cy")) == pytest.approx(21 * 360000, rel=0.001)
    assert int(grid.get("cx")) < 16 * 360000


# --- tables --------------------------------------------------------------------------------


def _grid(tbl: Any) -> list[int]:
    return [int(c.get(qn("w:w"))) for c in tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]


def _compact(tbl: Any) -> bool:
    return tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}") is not None


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_tables_span_the_text_width_with_fixed_columns(name: str) -> None:
    document = open_docx(rendered(name))
    for tbl, section in _blocks_with_section(document):
        if tbl.tag != qn("w:tbl"):
            continue
        width, _ = _body_size(document, section)
        grid = _grid(tbl)
        assert abs(sum(grid) - width) <= 1, (name, _text(tbl)[:40])
        pr = tbl.find(qn("w:tblPr"))
        assert pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        tbl_w = pr.find(qn("w:tblW"))
        assert (tbl_w.get(qn("w:type")), tbl_w.get(qn("w:w"))) == ("pct", "5000")
        for row in tbl.findall(qn("w:tr")):
            cells = row.findall(qn("w:tc"))
            widths = [int(c.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) for c in cells]
            assert widths == grid


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_no_word_is_wider_than_its_column(name: str) -> None:
    """ "Provinciale", "Coinvolgimento", "Partecipanti", "Interesse" on one line each."""
    document = open_docx(rendered(name))
    for tbl in document.element.body.iter(qn("w:tbl")):
        grid = _grid(tbl)
        margins = COMPACT_MARGINS if _compact(tbl) else CELL_MARGINS
        rows = tbl.findall(qn("w:tr"))
        for row_index, row in enumerate(rows):
            per_char = BOLD_CHAR if row_index == 0 else TEXT_CHAR
            for width, cell in zip(grid, row.findall(qn("w:tc")), strict=True):
                for p in cell.iter(qn("w:p")):
                    # lines may break at spaces and after a hyphen ("socio-|lavorativa")
                    for word in re.split(r"\s+|(?<=\w-)(?=\w)", _text(p)):
                        if len(word) > 18 and row_index > 0:
                            continue  # a long name or code may wrap; user text is free
                        assert len(word) * per_char + margins <= width, (name, word, width)


def test_draft_placeholder_cells_stay_short() -> None:
    """The engagement column of the draft (internal edition) is wide enough for its
    placeholder in 2 lines."""
    document = open_docx(rendered("bozza-iniziale", "interna"))
    actors = next(t for t in document.tables if t.rows[0].cells[-1].text == "Coinvolgimento")
    width = _grid(actors._tbl)[-1]
    placeholder = "[da completare: livello di coinvolgimento]"
    assert any(row.cells[-1].text == placeholder for row in actors.rows)
    assert len(placeholder) * TEXT_CHAR / 2 + CELL_MARGINS <= width * 1.15


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_numeric_headers_are_aligned_like_their_numbers(name: str) -> None:
    document = open_docx(rendered(name))
    checked = 0
    for tbl in document.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        for column, header in enumerate(rows[0].findall(qn("w:tc"))):
            body_align = {
                _align(row.findall(qn("w:tc"))[column])
                for row in rows[1:]
                if _text(row.findall(qn("w:tc"))[column]).strip()
            }
            if body_align == {"right"}:
                checked += 1
                assert _align(header) == "right", (name, _text(header))
    assert checked > 5


def _align(cell: Any) -> str:
    jc = cell.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:jc')}")
    return jc.get(qn("w:val")) if jc is not None else "left"


# --- captions and numbering ----------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_table_captions_sit_above_their_table_and_keep_with_it(name: str) -> None:
    document = open_docx(rendered(name))
    blocks = [b for b, _ in _blocks_with_section(document)]
    captions = 0
    for index, block in enumerate(blocks):
        if block.tag == qn("w:p") and re.match(r"Tabella \d+ – ", _text(block)):
            captions += 1
            assert _keep_next(block) is True
            assert blocks[index + 1].tag == qn("w:tbl"), _text(block)
        if block.tag == qn("w:p") and _style(block).startswith("Heading"):
            assert _keep_next(block) is True
    numbers = [
        int(m.group(1))
        for t in _paragraph_texts(document)
        if (m := re.match(r"Tabella (\d+) – ", t))
    ]
    assert numbers == list(range(1, captions + 1))


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_a_table_keeps_with_the_note_that_explains_it(name: str) -> None:
    """A legend after a table («Legenda: …», «Assicurato: risorse già disponibili…») is
    never alone at the top of the next page: the table's last row keeps with it."""
    document = open_docx(rendered(name))
    blocks = [b for b, _ in _blocks_with_section(document)]
    notes = 0
    for table, after in itertools.pairwise(blocks):
        if table.tag != qn("w:tbl") or after.tag != qn("w:p") or _style(after) != "Nota":
            continue
        notes += 1
        last = table.findall(qn("w:tr"))[-1]
        first = last.find(f"{qn('w:tc')}/{qn('w:p')}")
        assert _keep_next(first) is True, _text(after)
    assert notes > 0


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_measure_sections_are_numbered_as_the_measures(name: str) -> None:
    plan = example_plan(name)
    titles = [t for _, t in headings(open_docx(rendered(name)))]
    chapter = next(t for t in titles if t.endswith(". Le misure"))
    number = chapter.split(".")[0]
    start = titles.index(chapter)
    sections = [t for t in titles[start + 1 :] if re.match(rf"{number}\.\d+ ", t)]
    expected = [
        f"{number}.{i} Misura {m.id}: {m.title}" for i, m in enumerate(plan.measures, start=1)
    ]
    assert sections == expected


# --- running header and cover ----------------------------------------------------------------


def _header(data: bytes) -> str:
    return " ".join(p.text for p in open_docx(data).sections[0].header.paragraphs)


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_running_header_fits_one_line(name: str) -> None:
    header = _header(rendered(name))
    width, _ = _body_size(open_docx(rendered(name)), 0)
    assert len(header) * 0.17 * CM <= width, header  # 9 pt
    plan = example_plan(name)
    if plan.final:  # the resolution's annex: its mark on every page
        assert header.startswith("Allegato A alla deliberazione della Giunta comunale n. ")
    else:
        assert header.startswith("BOZZA – ")
        assert f"Comune di {plan.comune.name}" in header


def test_a_short_title_stays_in_the_header() -> None:
    plan = plan_from(minimal_plan())  # "Piano di prova", a draft
    assert _header(render_docx(plan)) == "BOZZA – Piano di prova – Comune di Saluzzo"
    long = minimal_plan()
    long["comune"]["name"] = "Comune " + "Lunghissimo " * 12
    header = _header(render_docx(plan_from(long)))
    assert header.endswith("…") and len(header) * 0.17 * CM <= 16.5 * CM


def _cover_facts(data: bytes) -> dict[str, str]:
    document = open_docx(data)
    facts = {}
    for p in document.paragraphs[:20]:
        if p.style is not None and p.style.name == "Dati copertina":
            label, _, value = p.text.partition(": ")
            facts[label] = value
    return facts


def test_a_draft_cover_shows_version_and_period_but_no_date() -> None:
    facts = _cover_facts(rendered("bozza-iniziale"))
    assert facts["Versione"] == "0.2 – bozza"
    assert facts["Periodo"] == "gennaio 2027 – dicembre 2029"
    assert "Data di riferimento" not in facts
    assert "Stato" not in facts  # said by the version line
    assert not any("2027" in v for k, v in facts.items() if k != "Periodo")


def test_an_adopted_cover_gives_the_adoption_date() -> None:
    facts = _cover_facts(rendered("saluzzo"))
    assert facts["Stato"] == "adottato"
    assert facts["Adozione"] == "delibera della Giunta comunale n. 212 del 28 novembre 2023"
    assert "Data di riferimento" not in facts


# --- words: counts, shares, references, annexes -----------------------------------------------

_WRONG_PLURAL = re.compile(
    r"(?<![\d.,])1 (misure|bisogni|attori|incontri|organizzazioni|indicatori|tavoli|pagine)\b"
)
_WRONG_SINGULAR = re.compile(
    r"(?<![\d.,])(?:[02-9]|\d{2,}) (misura|bisogno|attore|incontro|organizzazione|indicatore)\b"
)


def test_counts_agree_with_their_noun() -> None:
    assert msg.counted(1, "misura") == "1 misura"
    assert msg.counted(15, "misura") == "15 misure"
    assert msg.counted(0, "organizzazione") == "0 organizzazioni"
    assert msg.counted(1, "tavolo tematico") == "1 tavolo tematico"
    data = minimal_plan()  # 1 need, 1 measure, 2 stakeholders
    meeting = {"date": "2024-05-10", "kind": "tavolo", "table": "Alloggio"}
    data["process"] = {"meetings": [{**meeting, "participants": ["comune"]}]}
    data["measures"][0]["budget"] = [{"amount": "100", "source": "fnpm"}]
    data["measures"][0]["indicators"] = [{"name": "posti letto", "kind": "output", "target": 20}]
    texts = _paragraph_texts(open_docx(render_docx(plan_from(data))))
    joined = "\n".join(texts)
    for phrase in (  # running prose: small counts in words, with their article
        "un bisogno del territorio",
        "una misura con",
        "un incontro",
        "un'organizzazione",
        "un tavolo tematico",
        "un indicatore",
        "due attori",
    ):
        assert phrase in joined, phrase
    assert not _WRONG_PLURAL.findall(joined)
    cells = [c for c in texts if c in ("1 misura", "1 misure")]
    assert cells == ["1 misura"]  # the by-source budget table


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_no_count_disagrees_in_the_examples(name: str) -> None:
    joined = "\n".join(_paragraph_texts(open_docx(rendered(name))))
    assert not _WRONG_PLURAL.findall(joined)
    assert not _WRONG_SINGULAR.findall(joined)


def _percent(text: str) -> Decimal:
    return Decimal(text.replace("%", "").replace("\u00a0", "").replace(",", "."))


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_budget_shares_add_up_to_exactly_one_hundred(name: str) -> None:
    document = open_docx(rendered(name))
    tables = [t for t in document.tables if t.rows[0].cells[-1].text == msg.T_SHARE]
    if not any(m.budget for m in example_plan(name).measures):
        assert not tables  # the chapter says the budget is still to be written
        return
    # by measure, source and axis; by budget year too when the plan's lines name their year
    years = any(b.year is not None for m in example_plan(name).measures for b in m.budget)
    assert len(tables) == (4 if years else 3)
    for table in tables:
        rows = [r.cells[-1].text for r in table.rows[1:-1]]
        total = table.rows[-1].cells[-1].text
        assert table.rows[-1].cells[0].text == msg.T_TOTAL
        assert total == "100,0%"
        assert sum((_percent(r) for r in rows), Decimal(0)) == Decimal("100.0"), rows


def test_largest_remainders_decide_the_rounding() -> None:
    d = Decimal
    assert fmt.shares([d(1), d(1), d(1)], d(3)) == ["33,4%", "33,3%", "33,3%"]
    # 1/7 each is 14,285…%: 7 x 14,2 leaves 0,6 for the first six
    assert fmt.shares([d(1)] * 7, d(7)) == ["14,3%"] * 6 + ["14,2%"]
    parts = [d("1693747.15"), d("1200000"), d("456000.50"), d("10")]
    shares = fmt.shares(parts, sum(parts, d(0)))
    assert sum((_percent(s) for s in shares), d(0)) == d("100.0")
    assert fmt.shares([d(0), d(0)], d(0)) == ["0,0%", "0,0%"]


def test_action_references_have_no_nested_parentheses() -> None:
    joined = "\n".join(_paragraph_texts(open_docx(rendered("saluzzo"))))
    assert ") (" not in joined
    assert re.search(r"AP\d+ [^\n]* – azione principale, asse [A-Z]", joined)
    assert re.search(r"AP\d+ [^\n]* – asse [A-Z]", joined)


def test_annex_details_read_as_sentences() -> None:
    texts = _paragraph_texts(open_docx(rendered("saluzzo")))
    annex = texts[next(i for i, t in enumerate(texts) if t.startswith("Allegato A")) :]
    details = [t for t in annex if t.startswith(("Area: ", "Coordinamento: "))]
    assert details
    for text in details:
        assert "; " not in text
        for sentence in text.split(". "):
            assert sentence[:1].isupper(), text
    # the steering body is named as such and has no "Area" of its own
    assert details[0].startswith("Coordinamento: Comune di Saluzzo. Cadenza delle riunioni: ")
    assert (
        "Cabina di regia – Tavolo permanente per il lavoro agricolo di qualità del Saluzzese"
        in annex
    )


# --- the column sizing itself ------------------------------------------------------------------


def test_column_widths_add_up_and_respect_words_and_qualifiers() -> None:
    from incas_cli.writers.measure import ColumnText, column_widths, text_twips

    columns = [
        ColumnText("Organizzazione", ["Comune di Saluzzo", "CREA - Consiglio per la ricerca"]),
        ColumnText("Interesse (1-5)", ["5", "3"]),
        ColumnText("Ruolo", ["Promotore e titolare del piano; coordina il tavolo " * 4]),
    ]
    widths = column_widths(columns, 9355, size_pt=9.5, padding=200)
    assert sum(widths) == 9355
    assert widths[1] >= text_twips("Interesse (1-5)", 9.5, bold=True) + 200
    assert widths[0] >= text_twips("Organizzazione", 9.5, bold=True) + 200
    assert widths[2] > widths[0] > widths[1]  # the long text gets the room
    pasted = [*columns, ColumnText("Nota", ["x" * 500])]  # one endless word
    widths = column_widths(pasted, 9355, size_pt=9.5, padding=200, max_word_twips=3000)
    assert sum(widths) == 9355
    assert widths[1] >= text_twips("Interesse (1-5)", 9.5, bold=True) + 200
    squeezed = column_widths(columns * 4, 2000, size_pt=9.5, padding=200)
    assert sum(squeezed) == 2000 and min(squeezed) > 0
    roomy = column_widths(
        [ColumnText("Tipo", ["tavolo"]), ColumnText("Numero", ["7"], fixed_twips=900)],
        9355,
        size_pt=9.5,
        padding=200,
    )
    assert roomy == [9355 - 900, 900]  # short content: the free column takes the rest


def test_phone_numbers_of_the_internal_edition_stay_on_one_line() -> None:
    document = open_docx(rendered("siracusa", "interna"))
    contacts = next(t for t in document.tables if t.rows[0].cells[-1].text == msg.T_PHONE)
    width = _grid(contacts._tbl)[-1]
    phones = [row.cells[-1].text for row in contacts.rows[1:]]
    assert phones and all(" " not in p for p in phones)  # no-break spaces between groups
    for phone in phones:
        assert len(phone) * TEXT_CHAR + CELL_MARGINS <= width, phone
