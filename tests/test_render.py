"""The Word document, read back as its readers read it: python-docx for the structure,
pandoc for headings and tables, the raw XML for what no reader should find.

Its headings are the outline's (pinned in ``tests/golden/outline/`` by ``test_outline.py``).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from incas_cli.catalog import load_catalog
from incas_cli.document.figures import FigureNode, GridPoint
from incas_cli.document.model import Table, walk
from incas_cli.errors import InputError
from incas_cli.messages import render as msg
from incas_cli.render import ChangeEntry, RenderOptions, plan_document, render_docx, write_docx
from incas_cli.writers import styles as st
from incas_cli.writers.template import reference_bytes
from tests.helpers import minimal_plan
from tests.render_support import (
    EXAMPLE_NAMES,
    body_text,
    example_data,
    example_plan,
    headings,
    open_docx,
    outline_headings,
    plan_from,
    rendered,
    xml_parts,
)

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# --- every example renders, and reads back -------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_renders_and_opens(name: str) -> None:
    document = open_docx(rendered(name))
    plan = example_plan(name)
    text = body_text(document)
    for measure in plan.measures:
        assert measure.title in text
    assert len(document.tables) > 10


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_page_setup_is_a4_portrait_the_gantt_included(name: str) -> None:
    """The Gantt chart is a table per year with a column per month: it fits a portrait
    page, so the document is one portrait section."""
    sections = open_docx(rendered(name)).sections
    assert len(sections) == 1
    for section in sections:
        assert section.orientation == WD_ORIENT.PORTRAIT
        width, height = section.page_width or 0, section.page_height or 0
        assert (round(width / Mm(1)), round(height / Mm(1))) == (210, 297)
        for margin in (section.left_margin, section.right_margin, section.top_margin):
            assert Mm(20) <= (margin or 0) <= Mm(25)
        assert Mm(20) <= (section.bottom_margin or 0) <= Mm(25)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_headings_are_real_and_never_skip_a_level(name: str) -> None:
    document = open_docx(rendered(name))
    levels = [level for level, _ in headings(document)]
    assert levels[0] == 1
    assert max(levels) == 3
    for previous, current in itertools.pairwise(levels):
        assert current <= previous + 1
    titles = [p for p in document.paragraphs if p.style is not None and p.style.name == "Title"]
    assert len(titles) == 1
    assert titles[0].text == example_plan(name).plan.title


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_data_tables_repeat_header_rows_and_never_merge_or_nest(name: str) -> None:
    document = open_docx(rendered(name))
    for table in document.tables:
        tbl = table._tbl
        rows = tbl.findall(qn("w:tr"))
        look = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblLook')}")
        assert look is not None
        if look.get(qn("w:firstRow")) == "1":  # a data table: its header row repeats
            assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        else:  # a key-value card: no header row, the first column heads each row
            assert look.get(qn("w:firstColumn")) == "1"
            assert not list(tbl.iter(qn("w:tblHeader")))
            labels = [r.findall(qn("w:tc"))[0] for r in rows]
            assert all("Intestazione" in _cell_style(document, tc) for tc in labels)
            assert table.rows[0].cells[0].text not in ("Voce", "")
        for row in rows:
            assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
        assert not list(tbl.iter(qn("w:gridSpan")))
        assert not list(tbl.iter(qn("w:vMerge")))
        assert not list(tbl.iter(qn("w:hMerge")))
        assert len(list(tbl.iter(qn("w:tbl")))) == 1  # itself: nothing nested
        caption = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        assert caption is not None and caption.get(qn("w:val"))
        widths = {len(r.findall(qn("w:tc"))) for r in rows}
        assert len(widths) == 1


_SYMBOLS = {msg.PRIMARY_MARK, msg.SECONDARY_MARK, msg.ACTIVE_MARK, msg.REVIEW_MARK, "▲"}


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_a_table_of_symbols_says_in_its_alt_text_what_each_stands_for(name: str) -> None:
    """Word has no alt text for a run: a screen reader says «cerchio nero» for ●. The
    table's description (Alt Text) gives each symbol's words; a table without symbols has
    none, and nothing shows on the page."""
    document = open_docx(rendered(name))
    descriptions = []
    for table in document.tables:
        cells = {cell.text for row in table.rows for cell in row.cells}
        description = table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblDescription')}")
        if not cells & _SYMBOLS:
            assert description is None
            continue
        assert description is not None
        text = description.get(qn("w:val"))
        for symbol in cells & _SYMBOLS:
            assert re.search(re.escape(symbol) + r" \w", text), (symbol, text)
        descriptions.append(text)
    if name == "saluzzo":
        primary = msg.TABLE_SYMBOL.format(symbol=msg.PRIMARY_MARK, text=msg.MARK_PRIMARY)
        active = msg.TABLE_SYMBOL.format(symbol=msg.ACTIVE_MARK, text=msg.MARK_ACTIVE)
        assert any(primary in text for text in descriptions)
        assert any(active in text for text in descriptions)


def _cell_style(document: Any, tc: Any) -> str:
    """The name of the paragraph style of a cell's first paragraph."""
    p_style = tc.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:pStyle')}")
    style_id = p_style.get(qn("w:val")) if p_style is not None else ""
    return next((s.name for s in document.styles if s.style_id == style_id), style_id)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_core_properties_come_from_the_plan(name: str) -> None:
    plan = example_plan(name)
    core = open_docx(rendered(name)).core_properties
    assert core.title == plan.plan.title
    assert plan.comune.name in core.subject
    assert plan.comune.name in core.keywords
    assert core.author and "python-docx" not in core.author
    assert core.last_modified_by == core.author
    assert core.language == "it-IT"
    assert core.revision == 1
    assert core.comments and "python-docx" not in core.comments
    if plan.plan.adoption is not None and plan.plan.adoption.date is not None:
        assert core.created is not None and core.created.date() == plan.plan.adoption.date
    assert core.modified == core.created


def test_language_is_italian_in_the_styles() -> None:
    parts = xml_parts(rendered("saluzzo"))
    for name in ("word/styles.xml", "word/stylesWithEffects.xml"):
        if name not in parts:
            continue
        lang = re.search(rb"<w:docDefaults>.*?<w:lang ([^>]*)/>", parts[name], re.S)
        assert lang is not None, name
        assert b'w:val="it-IT"' in lang.group(1)
        assert b'w:eastAsia="it-IT"' in lang.group(1)
        assert b"w:bidi=" in lang.group(1)


def test_style_colours_have_enough_contrast() -> None:
    styles = xml_parts(reference_bytes())["word/styles.xml"].decode()
    colours = set(re.findall(r'<w:color w:val="([0-9A-Fa-f]{6})"', styles))
    assert colours, "the reference document sets its colours explicitly"
    for colour in colours:
        assert st.contrast_ratio(colour) >= st.MIN_TEXT_CONTRAST, colour
    assert '<w:color w:val="4F81BD"' not in styles
    for fill in (st.SHADE_FILL, st.REVIEW_FILL):
        assert st.contrast_ratio(st.SHADE_MARK_COLOR, fill) >= st.MIN_TEXT_CONTRAST


def test_shaded_cells_also_carry_a_text_mark() -> None:
    document = open_docx(rendered("saluzzo"))
    shaded = 0
    for tc in document.element.body.iter(qn("w:tc")):
        shd = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
        if shd is not None and shd.get(qn("w:fill")) in (st.SHADE_FILL, st.REVIEW_FILL):
            shaded += 1
            assert "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()
    assert shaded > 50


def test_crop_calendar_has_twelve_month_columns() -> None:
    document = open_docx(rendered("saluzzo"))
    calendar = next(t for t in document.tables if t.rows[0].cells[0].text == "Coltura")
    header = [c.text for c in calendar.rows[0].cells]
    months = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
    assert header[1:13] == months
    mirtilli = next(r for r in calendar.rows if r.cells[0].text == "mirtilli")
    assert [c.text for c in mirtilli.cells[1:13]].count("●") == 3


def test_body_has_no_empty_paragraphs_and_lists_use_list_styles() -> None:
    document = open_docx(rendered("saluzzo"))
    body = document.element.body
    for p in body.findall(qn("w:p")):
        has_text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
        has_other = any(True for _ in p.iter(qn("w:drawing"), qn("w:fldChar")))
        assert has_text or has_other, "an empty paragraph used for spacing"
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert "List Bullet" in styles  # numbered lists: tests/test_writers.py
    for p in document.paragraphs:
        style = p.style.name if p.style is not None else ""
        assert not re.match(r"^(-|•|\d+\.)\s", p.text) or style.startswith("Heading")


def test_pictures_have_alt_text_and_a_table_with_the_same_information() -> None:
    assert len(list(open_docx(rendered("saluzzo")).element.body.iter(qn("wp:docPr")))) == 1
    document = open_docx(rendered("saluzzo", "interna"))  # the grid is internal only
    doc_prs = list(document.element.body.iter(qn("wp:docPr")))
    assert len(doc_prs) == 2
    for doc_pr in doc_prs:
        assert len(doc_pr.get("descr", "")) > 40
        assert doc_pr.get("title")
    plan = example_plan("saluzzo")
    relations = next(t for t in document.tables if t.rows[0].cells[0].text == "Da")
    assert len(relations.rows) == len(plan.relations) + 1
    grid = next(
        t
        for t in document.tables
        if len(t.columns) > 2 and t.rows[0].cells[2].text.startswith("Potere")
    )
    assert len(grid.rows) == len(plan.stakeholders) + 1


def test_an_actor_has_one_number_in_the_tables_and_in_both_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from incas_cli.document.outline import rete

    # the real document first: the stand-in drawers below return no image
    document = open_docx(rendered("saluzzo", "interna"))
    drawn: dict[str, dict[str, int | None]] = {}

    def draw_network(nodes: Sequence[FigureNode], edges: object, **_: object) -> bytes:
        drawn["network"] = {n.label: n.number for n in nodes}
        return b"png"

    def draw_grid(points: Sequence[GridPoint], **_: object) -> bytes:
        drawn["grid"] = {p.label: p.number for p in points}
        return b"png"

    monkeypatch.setattr(rete, "network_png", draw_network)
    monkeypatch.setattr(rete, "power_interest_png", draw_grid)
    plan = example_plan("saluzzo")
    plan_document(plan, load_catalog(), edition="interna")
    numbers = {s.name: number for number, s in enumerate(plan.stakeholders, start=1)}
    assert drawn["network"] == {name: numbers[name] for name in drawn["network"]}
    assert drawn["grid"] == {name: numbers[name] for name in drawn["grid"]}
    assert len(drawn["grid"]) > 1 and len(drawn["network"]) > 1

    def numbered(first_header: str, second_header: str) -> dict[str, str]:
        table = next(
            t
            for t in document.tables
            if [c.text for c in t.rows[0].cells[:2]] == ["N.", "Organizzazione"]
            and t.rows[0].cells[2].text == second_header
        )
        assert table.rows[0].cells[0].text == first_header
        return {r.cells[1].text: r.cells[0].text for r in table.rows[1:]}

    actors = numbered("N.", "Tipo di attore")
    grid = numbered("N.", "Potere (1-5)")
    assert actors == {name: str(n) for name, n in numbers.items()}
    assert grid == {name: actors[name] for name in grid}
    assert actors["Coldiretti Cuneo"] == grid["Coldiretti Cuneo"]


def test_header_footer_toc_and_update_on_open() -> None:
    data = rendered("saluzzo")
    document = open_docx(data)
    section = document.sections[0]
    header = " ".join(p.text for p in section.header.paragraphs)
    # an adopted plan is the resolution's annex: its mark heads every page (the title and
    # the Comune do not fit beside it)
    assert (
        header == "Allegato A alla deliberazione della Giunta comunale n. 212 del 28 novembre 2023"
    )
    footer = section.footer._element
    instructions = " ".join(i.text or "" for i in footer.iter(qn("w:instrText")))
    assert "PAGE" in instructions and "NUMPAGES" in instructions
    assert section.different_first_page_header_footer  # the cover has no running header
    body_instr = " ".join(i.text or "" for i in document.element.body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-2"' in body_instr
    assert "Aggiorna campo" in body_text(document)
    assert b"<w:updateFields" in xml_parts(data)["word/settings.xml"]
    settings = render_docx(example_plan("saluzzo"), RenderOptions(update_fields_on_open=False))
    assert b"<w:updateFields" not in xml_parts(settings)["word/settings.xml"]


def test_draft_is_marked_and_open_fields_are_visible_placeholders() -> None:
    document = open_docx(rendered("bozza-iniziale"))
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert header.startswith("BOZZA")
    cover = [p for p in document.paragraphs[:8] if p.style is not None]
    assert any(p.text == "BOZZA" and getattr(p.style, "name", "") == st.DRAFT_MARK for p in cover)
    placeholder_runs = []
    for run in document.element.body.iter(qn("w:r")):
        style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        if style is not None and style.get(qn("w:val")) == "Segnaposto":
            placeholder_runs.append("".join(t.text or "" for t in run.iter(qn("w:t"))))
    assert "[da completare: obiettivo della misura]" in placeholder_runs
    assert all(run.startswith("[da completare: ") for run in placeholder_runs)
    assert "«[" not in body_text(document) and "]»" not in body_text(document)
    adopted = open_docx(rendered("saluzzo"))
    assert "BOZZA" not in " ".join(p.text for p in adopted.sections[0].header.paragraphs)
    assert "da completare" not in body_text(adopted).replace("[da completare: …]", "")


# --- editions -----------------------------------------------------------------------------


def _contact_strings(data: Any) -> set[str]:
    found: set[str] = set()
    for stakeholder in data.get("stakeholders") or []:
        contact = stakeholder.get("contact") or {}
        found.update(str(v) for v in contact.values() if v)
    return found


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_public_edition_has_no_contact_anywhere_internal_has_them_all(name: str) -> None:
    contacts = _contact_strings(example_data(name))
    assert contacts, "every example has some contacts to protect"
    public = b"\n".join(xml_parts(rendered(name, "pubblica")).values())
    internal = b"\n".join(xml_parts(rendered(name, "interna")).values())
    for value in contacts:
        encoded = value.replace("&", "&amp;").encode()
        glued = "\u00a0".join(value.split()).replace("&", "&amp;").encode()  # phone numbers
        assert encoded not in public and glued not in public, value
        assert encoded in internal or glued in internal, value
    assert b"esempio.invalid" not in public


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_public_docx_rates_no_named_organisation_internal_docx_does(name: str) -> None:
    """No power or interest score, quadrant strategy or engagement level anywhere in the
    public edition's XML (alt text and captions included); the internal edition has them."""
    from incas_cli.messages import figures as fig_msg
    from incas_cli.messages import render as render_msg

    public = b"\n".join(xml_parts(rendered(name, "pubblica")).values()).decode()
    internal = b"\n".join(xml_parts(rendered(name, "interna")).values()).decode()
    quadrants = [
        fig_msg.QUADRANT_MANAGE,
        fig_msg.QUADRANT_SATISFY,
        fig_msg.QUADRANT_INFORM,
        fig_msg.QUADRANT_MONITOR,
    ]
    for text in (render_msg.T_POWER, render_msg.T_INTEREST, render_msg.T_QUADRANT, *quadrants):
        assert text not in public, text
    assert "potere/interesse" not in public  # no grid, no caption, no alt text
    levels = [level.label for level in load_catalog().engagement_levels.values()]
    assert not [lv for lv in levels if f">{lv}</w:t>" in public]
    assert render_msg.T_POWER in internal and render_msg.FIG_GRID_TITLE in internal
    assert any(q in internal for q in quadrants)
    assert [lv for lv in levels if f">{lv}</w:t>" in internal]


# --- determinism ----------------------------------------------------------------------------


def test_rendering_twice_gives_identical_bytes() -> None:
    plan = example_plan("saluzzo")
    first = render_docx(plan)
    second = render_docx(plan)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"


# --- user text is data ------------------------------------------------------------------------

TRICKY = {
    "template": "{{ plan.title }} e {% if true %}sì{% endif %}",
    "markup": "<w:p>rotto</w:p> & &amp; <b>",
    "emoji": "raccolta 🍑🫐 ✅",
    "arabic": "العمال الموسميون في الحقول",
    "long": "x" * 500,
}


def test_user_text_appears_literally_and_control_characters_vanish() -> None:
    data = minimal_plan()
    data["plan"]["title"] = f"Piano {TRICKY['template']}"
    data["comune"]["region"] = TRICKY["arabic"]
    data["stakeholders"][1]["name"] = TRICKY["markup"]
    data["stakeholders"][1]["role"] = TRICKY["emoji"]
    data["needs"][0]["description"] = f"{TRICKY['long']} fine"
    data["measures"][0]["title"] = f"Misura {TRICKY['template']}"
    data["measures"][0]["objective"] = f"Obiettivo{chr(7)} con campanello{chr(0x1B)}"
    data["measures"][0]["description"] = TRICKY["arabic"] + "\n\n" + TRICKY["emoji"]
    plan = plan_from(data)
    output = render_docx(plan)
    document = open_docx(output)
    text = body_text(document)
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    for value in TRICKY.values():
        assert value in text or value in header, value
    assert "Obiettivo con campanello" in text
    assert "\x07" not in text and "\x1b" not in text
    assert document.core_properties.title == f"Piano {TRICKY['template']}"
    document_xml = xml_parts(output)["word/document.xml"]
    assert b"&lt;w:p&gt;rotto&lt;/w:p&gt; &amp; &amp;amp;" in document_xml


def test_changelog_annex_appears_only_when_given() -> None:
    plan = example_plan("saluzzo")
    entries = (
        ChangeEntry("0.9", dt.date(2023, 10, 18), ("Bozza presentata in assemblea",)),
        ChangeEntry("1.0", dt.date(2023, 11, 28), ("Misura M15 aggiunta", "Budget di M1 ridotto")),
    )
    document = open_docx(render_docx(plan, RenderOptions(changelog=entries)))
    titles = [text for _, text in headings(document)]
    assert "Allegato A.2 – Registro delle versioni" in titles  # within the resolution's A
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Versione")
    assert [c.text for c in table.rows[2].cells[:2]] == ["1.0", "28\u00a0novembre\u00a02023"]
    assert table.rows[2].cells[2].text == "Misura M15 aggiunta\nBudget di M1 ridotto"
    plain = [text for _, text in headings(open_docx(rendered("saluzzo")))]
    assert not any("Registro delle versioni" in t for t in plain)


# --- templates ------------------------------------------------------------------------------


def test_template_missing_styles_gets_a_clear_message(tmp_path: Path) -> None:
    base = new_document()
    styles = base.styles.element
    for style in list(styles.findall(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is not None and name.get(qn("w:val"), "").lower() in ("caption", "list number"):
            styles.remove(style)
    template = tmp_path / "carta-intestata.docx"
    base.save(str(template))
    with pytest.raises(InputError) as caught:
        render_docx(example_plan("saluzzo"), RenderOptions(template=template))
    message = str(caught.value)
    assert "Caption" in message and "List Number" in message
    assert "incas template -o carta-intestata.docx" in (caught.value.hint or "")


def test_template_that_is_not_a_word_document(tmp_path: Path) -> None:
    template = tmp_path / "modello.docx"
    template.write_text("non sono un docx", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        render_docx(example_plan("saluzzo"), RenderOptions(template=template))
    assert "non è un documento Word" in caught.value.message


def test_a_comune_template_keeps_its_letterhead_and_styles(tmp_path: Path) -> None:
    base = new_document(io.BytesIO(reference_bytes()))
    header = base.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "CITTÀ DI SALUZZO – Settore Politiche sociali"
    base.styles["Heading 1"].font.name = "Georgia"
    base.add_paragraph("Questo testo del modello non deve comparire.")
    template = tmp_path / "carta-intestata.docx"
    base.save(str(template))
    document = open_docx(render_docx(example_plan("saluzzo"), RenderOptions(template=template)))
    header_text = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "CITTÀ DI SALUZZO" in header_text
    assert "Allegato A alla deliberazione della Giunta comunale n. 212" in header_text
    assert document.styles["Heading 1"].font.name == "Georgia"
    assert "Questo testo del modello" not in body_text(document)
    assert not document.sections[0].different_first_page_header_footer  # letterhead on cover


def test_a_plain_word_template_gets_the_auxiliary_styles_and_italian(tmp_path: Path) -> None:
    template = tmp_path / "modello-word.docx"
    new_document().save(str(template))  # python-docx's own: stylesWithEffects, no incas styles
    output = render_docx(example_plan("siracusa"), RenderOptions(template=template))
    document = open_docx(output)
    names = {s.name for s in document.styles}
    assert {st.TABLE, st.TABLE_TEXT, st.PLACEHOLDER, st.NOTE} <= names
    parts = xml_parts(output)
    assert "word/stylesWithEffects.xml" in parts
    for name in ("word/styles.xml", "word/stylesWithEffects.xml"):
        defaults = re.search(rb"<w:docDefaults>.*?</w:docDefaults>", parts[name], re.S)
        assert defaults is not None and b'w:val="it-IT"' in defaults.group(0), name
    section = document.sections[0]
    width, height = section.page_width or 0, section.page_height or 0
    assert (round(width / Mm(1)), round(height / Mm(1))) == (210, 297)


def test_write_docx_is_atomic_and_refuses_to_overwrite(tmp_path: Path) -> None:
    from incas_cli.errors import OutputExistsError

    target = tmp_path / "piano.docx"
    plan = example_plan("saluzzo")
    write_docx(plan, target)
    first = target.read_bytes()
    with pytest.raises(OutputExistsError):
        write_docx(plan, target)
    write_docx(plan, target, force=True)
    assert target.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["piano.docx"]


# --- pandoc: headings and tables as a reader sees them ------------------------------------------


def _pandoc_json(data: bytes) -> dict[str, Any]:
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc non installato: la lettura con pandoc non è verificata")
    result = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "json"], input=data, capture_output=True, check=True
    )
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def _inline_text(inlines: list[Any]) -> str:
    out = []
    for item in inlines:
        kind = item["t"]
        if kind == "Str":
            out.append(item["c"])
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Emph", "Strong", "Span", "Underline", "SmallCaps"):
            out.append(_inline_text(item["c"] if kind != "Span" else item["c"][1]))
    return "".join(out)


def _walk(blocks: list[Any], found: dict[str, list[Any]]) -> None:
    for block in blocks:
        if block["t"] == "Header":
            found["headers"].append((block["c"][0], _inline_text(block["c"][2])))
        elif block["t"] == "Table":
            found["tables"].append(block["c"])
        elif block["t"] in ("Div", "BlockQuote"):
            _walk(block["c"][1] if block["t"] == "Div" else block["c"], found)


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_pandoc_sees_the_same_headings_and_tables_with_headers(name: str) -> None:
    data = rendered(name)
    found: dict[str, list[Any]] = {"headers": [], "tables": []}
    _walk(_pandoc_json(data)["blocks"], found)
    assert found["headers"] == headings(open_docx(data))
    assert len(found["tables"]) == len(open_docx(data).tables)
    blocks = walk(plan_document(example_plan(name), load_catalog()).blocks)
    # a data table has one header row; a key-value card none (its labels head the rows)
    expected = [int(b.header_row) for b in blocks if isinstance(b, Table)]
    assert [len(table[3][1]) for table in found["tables"]] == expected  # TableHead rows
    assert 0 in expected and 1 in expected
    matrix = [t for t in found["tables"] if len(t[2]) == 11]  # colspecs: measure + 10 actions
    assert matrix


# --- the outline, as Word readers see it ---------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_docx_headings_are_the_outline_headings(name: str) -> None:
    """The golden outline (tests/test_outline.py) holds for the .docx too."""
    document = plan_document(example_plan(name), load_catalog())
    assert headings(open_docx(rendered(name))) == outline_headings(document)


def test_no_table_leaves_one_row_alone_and_cards_do_not_chain_what_follows() -> None:
    """Rows never split, the first body row keeps with the second and the two rows before
    the last keep with it (Word and LibreOffice move a row that keeps with the next along
    with it), so no page holds a header with one row or one row alone, and the last row
    keeps with the note that explains the table, if one follows; a card's other
    labels (in the heading style, which keeps with the next paragraph) say they do not
    keep, so a card does not chain a measure's blocks onto one page."""
    document = open_docx(rendered("saluzzo"))

    def keeps(row: Any) -> set[str | None]:
        return {keep.get(qn("w:val"), "1") for keep in row.iter(qn("w:keepNext"))}

    cards = data = 0
    for table in document.tables:
        rows = table._tbl.findall(qn("w:tr"))
        assert all(row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in rows)
        look = table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblLook')}")
        assert look is not None
        card = look.get(qn("w:firstRow")) == "0"
        body = rows if card else rows[1:]
        if len(body) < 4:
            continue
        last = len(body) - 1
        after = table._tbl.getnext()
        style = after.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if after is not None else None
        noted = style is not None and style.get(qn("w:val")) == "Nota"  # its legend
        expected = [0, last - 2, last - 1, *([last] if noted else [])]
        assert [i for i, row in enumerate(body) if keeps(row) == {"1"}] == expected
        if card:
            cards += 1
            assert all(keeps(row) == {"0"} for row in body[1 : last - 2])
        else:
            data += 1
    assert cards and data


def test_only_header_rows_repeat_on_a_new_page() -> None:
    """The table style says nothing of repeated rows: LibreOffice would repeat the first
    row of every table of that style, a key-value card's first label among them."""
    styles = open_docx(rendered("saluzzo")).styles.element
    assert not styles.findall(f".//{qn('w:tblStylePr')}/{qn('w:trPr')}/{qn('w:tblHeader')}")
