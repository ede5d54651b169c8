"""The writers on a small hand-made document: what each block becomes in the .docx and in
Markdown, whatever outline made it."""

from __future__ import annotations

import io

import pytest
from docx import Document as open_document
from docx.oxml.ns import qn

from incas_cli.document.model import (
    Annex,
    Column,
    Document,
    Heading,
    ItemList,
    Mark,
    Paragraph,
    Placeholder,
    Properties,
    Run,
    Section,
    Table,
    Toc,
    plain,
)
from incas_cli.document.outline.common import card
from incas_cli.writers import styles as st
from incas_cli.writers.docx import write_docx
from incas_cli.writers.text import write_text

CALENDAR = Table(
    "Calendario",
    (
        Column("Attività"),
        Column("gen 2025", "center", fixed=True),
        Column("feb 2025", "center", fixed=True),
    ),
    (
        ("Sportello", Mark("●", "attiva"), None),
        ("Verifiche", None, Mark("◆", "verifica", tone="review")),
    ),
    compact=True,
    stretch=True,
)
DOCUMENT = Document(
    blocks=(
        Paragraph(("Titolo di prova",), "title"),
        Toc("Indice", "Aggiornare l'indice."),
        Heading(1, "Primo capitolo"),
        Heading(2, "Una sezione"),
        Paragraph(("Il periodo è ", Placeholder("periodo"), ".")),
        Paragraph((Run("In grassetto", bold=True), " e no."), "note"),
        ItemList((("uno",), ("due",)), ordered=True),
        Table(
            "Importi",
            (Column("Voce"), Column("Importo", "right")),
            (("A", "1,00 €"), ("B | C", ("2,00 €", "riga due"))),
            total=("Totale", "3,00 €"),
        ),
        Section((Heading(1, "Secondo capitolo"), CALENDAR), orientation="landscape"),
        Heading(1, "Terzo capitolo"),
    ),
    properties=Properties(title="Prova", keywords=("uno", "due")),
    running_header=("Un'intestazione di prova",),
    restricted="USO INTERNO",
    annexes=(Annex("A", "Elenco", (Paragraph(("Contenuto dell'allegato.",)),)),),
)


@pytest.fixture(scope="module")
def docx() -> bytes:
    return write_docx(DOCUMENT, template=None, update_fields=False)


def test_headings_are_numbered_and_the_annex_starts_a_page(docx: bytes) -> None:
    document = open_document(io.BytesIO(docx))
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert headings == [
        ("Heading 1", "1. Primo capitolo"),
        ("Heading 2", "1.1 Una sezione"),
        ("Heading 1", "2. Secondo capitolo"),
        ("Heading 1", "3. Terzo capitolo"),
        ("Heading 1", "Allegato A – Elenco"),
    ]
    annex = next(p for p in document.paragraphs if p.text.startswith("Allegato A"))
    assert annex._p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None


def test_a_landscape_section_between_portrait_ones(docx: bytes) -> None:
    document = open_document(io.BytesIO(docx))
    wide = [s.page_width > s.page_height for s in document.sections]  # type: ignore[operator]
    assert wide == [False, True, False]


def test_marks_are_shaded_by_tone_and_tables_have_captions(docx: bytes) -> None:
    document = open_document(io.BytesIO(docx))
    fills = [shd.get(qn("w:fill")) for shd in document.element.body.iter(qn("w:shd"))]
    assert fills == [st.SHADE_FILL, st.REVIEW_FILL]
    captions = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Caption"
    ]
    assert captions == ["Tabella 1 – Importi", "Tabella 2 – Calendario"]
    calendar = document.tables[1]
    widths = [int(c.get(qn("w:w"))) for c in calendar._tbl.iter(qn("w:gridCol"))]
    assert widths[1] == widths[2]


def test_placeholders_footer_mark_and_properties(docx: bytes) -> None:
    document = open_document(io.BytesIO(docx))
    placeholder = next(
        r for p in document.paragraphs for r in p.runs if r.text == "[da completare: periodo]"
    )
    assert placeholder.style is not None and placeholder.style.name == st.PLACEHOLDER
    footer = " ".join(p.text for p in document.sections[0].footer.paragraphs)
    assert "USO INTERNO" in footer
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert header == "Un'intestazione di prova"
    assert document.core_properties.keywords == "uno; due"


def test_ordered_lists_use_the_list_number_style(docx: bytes) -> None:
    document = open_document(io.BytesIO(docx))
    numbered = [p.text for p in document.paragraphs if p.style and p.style.name == "List Number"]
    assert numbered == ["uno", "due"]


def test_a_reference_names_its_heading_as_every_writer_numbers_it() -> None:
    from incas_cli.document.model import Ref, resolve_refs

    blocks = resolve_refs(
        (
            Heading(1, "Primo", anchor="primo"),
            Paragraph(("Vedi il ", Ref("", anchor="sezione"), " e il ", Ref("", anchor="secondo"))),
            Heading(2, "Sezione", anchor="sezione"),
            Section((Heading(1, "Secondo", anchor="secondo"),)),
            Annex("A", "Elenco", (Heading(2, "Dentro", anchor="dentro"),)),
            Table(
                "T",
                (Column("Dove"),),
                ((Ref("", anchor="dentro"),), (("a", Ref("", anchor="primo")),)),
            ),
        )
    )
    assert "Vedi il §\u00a01.1 e il capitolo 2" in write_text(Document(blocks, Properties("Prova")))
    paragraph, table = blocks[1], blocks[-1]
    assert isinstance(paragraph, Paragraph) and isinstance(table, Table)
    assert "".join(plain(c) for c in paragraph.content) == "Vedi il §\u00a01.1 e il capitolo 2"
    assert [plain(row[0]) for row in table.rows] == ["«Dentro»", "a capitolo 1"]
    with pytest.raises(ValueError, match="nessuno"):
        resolve_refs((Paragraph((Ref("", anchor="nessuno"),)),))


def test_a_narrative_keeps_a_reference_it_is_given() -> None:
    from incas_cli.document.model import Ref
    from incas_cli.document.narrative import narrative

    (paragraph,) = narrative("finanziario.md.j2", total="1,00 €", measures=Ref("", anchor="m"))
    assert isinstance(paragraph, Paragraph)
    refs = [c for c in paragraph.content if isinstance(c, Ref)]
    assert [r.anchor for r in refs] == ["m"]
    assert paragraph.content[-1] == ")."


def test_the_same_document_gives_the_same_bytes(docx: bytes) -> None:
    assert write_docx(DOCUMENT, template=None, update_fields=False) == docx


def test_markdown_says_the_same_with_marks_in_words() -> None:
    text = write_text(DOCUMENT)
    assert "# 1. Primo capitolo\n\n## 1.1 Una sezione" in text
    assert "Il periodo è [da completare: periodo]." in text
    assert "_In grassetto e no._" in text
    assert "1. uno\n2. due" in text
    assert "| B \\| C | 2,00 € / riga due |" in text
    assert "| **Totale** | **3,00 €** |" in text
    assert "| Sportello | attiva |  |" in text and "●" not in text
    assert text.rstrip().endswith("# Allegato A – Elenco\n\nContenuto dell'allegato.")


def test_every_key_value_card_has_the_same_label_column() -> None:
    # two cards of one kind whose labels and values differ in length, and one of another
    short = card("Misura M1", [("Obiettivo", "Sportello"), ("Tempi", "2025")])
    long_ = card(
        "Misura M2",
        [
            ("Obiettivo", "Un obiettivo descritto in molte parole " * 6),
            ("Sostenibilità dopo il finanziamento", "Il Comune la prosegue con fondi propri"),
        ],
    )
    other = card("Cabina di regia", [("Coordinamento", "Ufficio politiche sociali")])
    blocks = (Heading(1, "Schede"), short, long_, other)
    data = write_docx(Document(blocks, Properties("Schede")), template=None, update_fields=False)
    grids = [
        [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(qn("w:gridCol"))]
        for tbl in open_document(io.BytesIO(data)).element.body.iter(qn("w:tbl"))
    ]
    assert len(grids) == 3
    assert grids[0] == grids[1] == grids[2]
    label, value = grids[0]
    assert 0.3 < label / (label + value) < 0.35  # the labels' third, the values the rest
