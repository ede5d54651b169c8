"""The PDF's structure tree completed after LibreOffice (``incas_cli.publish.pdf``).

LibreOffice 7.4 makes every table's first row a header row, a key-value card's too, tags
no row header and no caption of Word's ``caption`` style, and leaves ●/○/◆/▲ to be read as
"black circle". The fast tests run the retagging on a small tagged PDF made here, as
LibreOffice lays out its tree; the office tests read back the tree of a rendered example
(structure with pikepdf, element text with poppler's ``pdfinfo -struct-text``).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name

from incas_cli import publish
from incas_cli.document.model import (
    Column,
    Document,
    Figure,
    Mark,
    Paragraph,
    Properties,
    Table,
    walk,
)
from incas_cli.messages import render as render_msg
from incas_cli.publish.pdf import (
    DATA_CELL,
    CellTag,
    TableTags,
    Tags,
    document_tags,
    finish_pdf,
    tag_structure,
)

# --- a tagged PDF laid out as LibreOffice 7.4 lays it out -------------------------------------


class _Tree:
    """A one-page PDF with a structure tree: role-mapped paragraphs, tables whose first
    row is ``TH`` with ``/Scope /Column``, a figure inside its anchor paragraph."""

    def __init__(self) -> None:
        self.pdf = pikepdf.new()
        self.pdf.add_blank_page()
        self.page = self.pdf.pages[0].obj
        self.mcid = 0
        self.root = self.pdf.make_indirect(
            Dictionary(
                Type=Name.StructTreeRoot,
                RoleMap=Dictionary(
                    {"/caption": Name.P, "/Testo tabella": Name.P, "/Title": Name.P}
                ),
            )
        )
        self.document = self.element("/Document", self.root)
        self.root.K = Array([self.document])
        self.pdf.Root.StructTreeRoot = self.root
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)

    def element(self, kind: str, parent: Any, **extra: Any) -> Any:
        element = self.pdf.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name(kind), P=parent, K=Array(), Pg=self.page)
        )
        for key, value in extra.items():
            element[f"/{key}"] = value
        if parent is not self.root:
            parent.K.append(element)
        return element

    def paragraph(self, parent: Any, kind: str = "/P") -> Any:
        paragraph = self.element(kind, parent, A=Dictionary(O=Name.Layout, SpaceBefore=0.1))
        paragraph.K.append(self.mcid)
        self.mcid += 1
        return paragraph

    def table(self, shape: list[int]) -> Any:
        table = self.element("/Table", self.document)
        for number, width in enumerate(shape):
            row = self.element("/TR", table)
            for _ in range(width):
                if number == 0:  # LibreOffice: the first row is a header row
                    scope = Dictionary(O=Name.Table, Scope=Name.Column)
                    cell = self.element("/TH", row, A=Array([Dictionary(O=Name.Layout), scope]))
                else:
                    cell = self.element("/TD", row, A=Dictionary(O=Name.Layout))
                self.paragraph(cell, "/Testo tabella")
        return table

    def figure(self) -> Any:
        anchor = self.paragraph(self.document, "/Figura")
        return self.element("/Figure", anchor, Alt=pikepdf.String("rete"))

    def save(self) -> bytes:
        out = io.BytesIO()
        self.pdf.save(out)
        return out.getvalue()


def _kids(element: Any) -> list[Any]:
    kids = element.get("/K")
    items = list(kids) if isinstance(kids, Array) else [kids]
    return [kid for kid in items if isinstance(kid, Dictionary) and "/S" in kid]


def _find(pdf: pikepdf.Pdf, kind: str) -> list[Any]:
    found: list[Any] = []
    stack = list(reversed(_kids(pdf.Root.StructTreeRoot)))
    while stack:
        element = stack.pop()
        if str(element.S) == kind:
            found.append(element)
        stack.extend(reversed(_kids(element)))
    return found


def _scope(cell: Any) -> str | None:
    attributes = cell.get("/A")
    owners = list(attributes) if isinstance(attributes, Array) else [attributes]
    for owner in owners:
        if isinstance(owner, Dictionary) and owner.get("/O") == "/Table" and "/Scope" in owner:
            return str(owner.Scope)
    return None


def _grid(table: Any) -> list[list[tuple[str, str | None]]]:
    """Each cell of a table element as (role, scope)."""
    rows = [row for row in _kids(table) if str(row.S) == "/TR"]
    return [[(str(cell.S), _scope(cell)) for cell in _kids(row)] for row in rows]


_ROW = CellTag("Row")
_COLUMN = CellTag("Column")


def test_a_key_value_card_gets_row_headers_and_loses_libreoffices_header_row() -> None:
    tree = _Tree()
    tree.paragraph(tree.document, "/caption")
    tree.table([2, 2, 2])
    tags = Tags((TableTags(True, ((_ROW, DATA_CELL),) * 3),))
    with pikepdf.open(io.BytesIO(tag_structure(tree.save(), tags))) as pdf:
        (table,) = _find(pdf, "/Table")
        assert _grid(table) == [[("/TH", "/Row"), ("/TD", None)]] * 3
        # the layout attributes stay, the table owner goes with the scope of a data cell
        value = _kids(_kids(table)[1])[1]
        assert {str(k): str(v) for k, v in value.A.items()} == {"/O": "/Layout"}


def test_the_document_title_reads_as_the_first_heading() -> None:
    tree = _Tree()
    tree.paragraph(tree.document, "/Title")
    with pikepdf.open(io.BytesIO(tag_structure(tree.save(), Tags(())))) as pdf:
        role_map = pdf.Root.StructTreeRoot.RoleMap
        assert role_map["/Title"] == Name("/H1")
        assert role_map["/caption"] == Name.P  # other styles keep LibreOffice's mapping


def test_header_rows_keep_their_column_scope_and_row_labels_get_theirs() -> None:
    tree = _Tree()
    tree.table([3, 3])
    tags = Tags((TableTags(False, ((_COLUMN,) * 3, (_ROW, DATA_CELL, DATA_CELL))),))
    with pikepdf.open(io.BytesIO(tag_structure(tree.save(), tags))) as pdf:
        (table,) = _find(pdf, "/Table")
        assert _grid(table) == [
            [("/TH", "/Column")] * 3,
            [("/TH", "/Row"), ("/TD", None), ("/TD", None)],
        ]


def test_a_table_caption_becomes_the_tables_first_child() -> None:
    tree = _Tree()
    tree.paragraph(tree.document)  # running text before it
    caption = tree.paragraph(tree.document, "/caption")
    tree.table([1, 1])
    tags = Tags((TableTags(True, ((_COLUMN,), (DATA_CELL,))),))
    with pikepdf.open(io.BytesIO(tag_structure(tree.save(), tags))) as pdf:
        (table,) = _find(pdf, "/Table")
        (document,) = _find(pdf, "/Document")
        assert [str(k.S) for k in _kids(document)] == ["/P", "/Table"]
        first = _kids(table)[0]
        assert str(first.S) == "/Caption" and first.P.objgen == table.objgen
        (paragraph,) = _kids(first)
        # the paragraph keeps its role, its content and its layout (a Caption groups)
        assert str(paragraph.S) == "/caption" and list(paragraph.K) == [caption.K[0]]
        assert paragraph.P.objgen == first.objgen and "/SpaceBefore" in paragraph.A


def test_a_figure_caption_is_wrapped_where_it_stands() -> None:
    tree = _Tree()
    tree.figure()
    tree.paragraph(tree.document, "/caption")
    tree.paragraph(tree.document)
    with pikepdf.open(io.BytesIO(tag_structure(tree.save(), Tags((), 1)))) as pdf:
        (document,) = _find(pdf, "/Document")
        assert [str(k.S) for k in _kids(document)] == ["/Figura", "/Caption", "/P"]


def test_symbol_cells_say_their_words() -> None:
    tree = _Tree()
    tree.table([3, 3])
    row = (_ROW, CellTag(None, "attiva"), DATA_CELL)
    tags = Tags((TableTags(False, ((_COLUMN,) * 3, row)),))
    with pikepdf.open(io.BytesIO(tag_structure(tree.save(), tags))) as pdf:
        (table,) = _find(pdf, "/Table")
        cells = _kids(_kids(table)[1])
        words = [str(_kids(c)[0].get("/ActualText", "")) for c in cells]
        assert words == ["", "attiva", ""]


def test_a_tree_that_does_not_match_the_document_is_left_alone() -> None:
    """Another number of tables, or a table of another shape: no role is guessed."""
    tree = _Tree()
    tree.paragraph(tree.document, "/caption")
    tree.table([2, 2])
    tree.table([2, 2])
    card = TableTags(True, ((_ROW, DATA_CELL),) * 2)
    wider = TableTags(False, ((_ROW, DATA_CELL, DATA_CELL),) * 2)
    before = tree.save()
    for tags in (Tags((card,)), Tags((card, wider)), Tags((), 2)):
        with pikepdf.open(io.BytesIO(tag_structure(before, tags))) as pdf:
            tables = _find(pdf, "/Table")
            if len(tags.tables) == 2:  # the first matches and is tagged, the second is not
                assert _grid(tables[0]) == [[("/TH", "/Row"), ("/TD", None)]] * 2
            else:
                assert _grid(tables[0]) == [[("/TH", "/Column")] * 2, [("/TD", None)] * 2]
            assert _grid(tables[1]) == [[("/TH", "/Column")] * 2, [("/TD", None)] * 2]
            assert not _find(pdf, "/Caption") or len(tags.tables) == 2


def test_a_pdf_without_a_tree_or_unreadable_is_returned_as_it_is() -> None:
    tags = Tags((TableTags(True, ((_ROW, DATA_CELL),)),), 1)
    plain = pikepdf.new()
    plain.add_blank_page()
    out = io.BytesIO()
    plain.save(out)
    for data in (out.getvalue(), b"%PDF-1.6\nnot a PDF after all"):
        assert tag_structure(data, tags) == data


def test_finishing_keeps_the_pdfa_metadata_and_fixes_the_clock() -> None:
    tree = _Tree()
    tree.table([1, 1])
    with tree.pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
        meta["dc:creator"] = ["Ufficio per l'immigrazione"]
    tree.pdf.docinfo["/CreationDate"] = "D:20991231235959Z'"
    tags = Tags((TableTags(False, ((_COLUMN,), (CellTag(None, "picco"),))),))
    finished = finish_pdf(tree.save(), b"2023-11-28T00:00:00", tags)
    with pikepdf.open(io.BytesIO(finished)) as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
        assert meta["dc:creator"] == ["Ufficio per l'immigrazione"]
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20231128000000")
        first, second = (bytes(part) for part in pdf.trailer.ID)
        assert first == second
    assert finish_pdf(tree.save(), b"2023-11-28T00:00:00", tags) == finished


def test_document_tags_follow_the_writer() -> None:
    card = Table("Scheda", (Column("Voce"), Column("Contenuto")), (("A", "1"), ("B", "2")))
    card = Table(card.title, card.columns, card.rows, row_headers=True, header_row=False)
    gantt = Table(
        "Cronoprogramma",
        (Column("Misura"), Column("T1", fixed=True), Column("T2", fixed=True)),
        (("M1", Mark("●", "attiva"), None),),
        total=("Totale", "1", "0"),
        caption=False,
    )
    figure = Figure("Rete", "alt", b"png", data=card)
    document = Document(
        (Paragraph(("testo",)), gantt, Figure("Vuota", "alt", None, data=card), figure),
        Properties("Titolo"),
    )
    tags = document_tags(document)
    assert tags.figure_captions == 1
    kv = TableTags(True, ((_ROW, DATA_CELL), (_ROW, DATA_CELL)))
    chart = TableTags(
        False,
        ((_COLUMN,) * 3, (DATA_CELL, CellTag(None, "attiva"), DATA_CELL), (DATA_CELL,) * 3),
    )
    assert tags.tables == (chart, kv, kv)


# --- a rendered example, read back ----------------------------------------------------------


@dataclass
class _Rendered:
    document: Document
    tables: list[Table]
    tagged: bytes
    untagged: bytes


@pytest.fixture(scope="module")
def saluzzo() -> _Rendered:
    from incas_cli.checks import check_document
    from incas_cli.io import load_yaml
    from incas_cli.render import plan_document
    from incas_cli.writers.docx import write_docx
    from tests.helpers import EXAMPLES

    plan = check_document(load_yaml(EXAMPLES / "saluzzo.yaml")).plan
    assert plan is not None
    document = plan_document(plan)
    docx = write_docx(document, template=None, update_fields=True)
    title = document.properties.title
    with publish.office_session():
        tagged = publish.convert(docx, "pdf", title=title, tags=document_tags(document))
        untagged = publish.convert(docx, "pdf", title=title)
    blocks = walk([*document.blocks, *document.annexes])
    return _Rendered(document, [b for b in blocks if isinstance(b, Table)], tagged, untagged)


@pytest.mark.office
def test_key_value_cards_have_row_headers_and_no_header_row(saluzzo: _Rendered) -> None:
    cards = [i for i, t in enumerate(saluzzo.tables) if t.row_headers and not t.header_row]
    assert cards
    with pikepdf.open(io.BytesIO(saluzzo.tagged)) as pdf:
        tables = _find(pdf, "/Table")
        assert len(tables) == len(saluzzo.tables)
        for index in cards:
            grid = _grid(tables[index])
            assert len(grid) == len(saluzzo.tables[index].rows)
            for row in grid:
                assert row[0] == ("/TH", "/Row")
                assert all(cell == ("/TD", None) for cell in row[1:])


@pytest.mark.office
def test_header_rows_are_column_headers(saluzzo: _Rendered) -> None:
    with pikepdf.open(io.BytesIO(saluzzo.tagged)) as pdf:
        tables = _find(pdf, "/Table")
        for table, model in zip(tables, saluzzo.tables, strict=True):
            grid = _grid(table)
            if model.header_row:
                assert grid[0] == [("/TH", "/Column")] * len(model.columns)
            body = grid[1:] if model.header_row else grid
            for row in body:
                assert ("/TH", "/Column") not in row


_CMAP_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_CMAP_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def _to_unicode(font: Any) -> dict[int, str]:
    """A simple font's codes and their text, from its ToUnicode CMap (bfchar, bfrange)."""
    cmap = font.ToUnicode.read_bytes() if "/ToUnicode" in font else b""
    codes: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.DOTALL):
        for first, last, target in _CMAP_RANGE.findall(block):
            start = int(target, 16)  # one UTF-16 unit: the simple fonts LibreOffice embeds
            for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                codes[code] = chr(start + offset)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.DOTALL):
        for code, target in _CMAP_CHAR.findall(block):
            codes[int(code, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
    return codes


def _marked_text(pdf: pikepdf.Pdf) -> dict[tuple[tuple[int, int], int], str]:
    """The text drawn in each marked-content sequence, by (page, MCID)."""
    texts: dict[tuple[tuple[int, int], int], str] = {}
    for page in pdf.pages:
        fonts = {str(k): _to_unicode(f) for k, f in page.Resources.get("/Font", {}).items()}
        font: dict[int, str] = {}
        open_ids: list[int | None] = []
        for instruction in pikepdf.parse_content_stream(page):
            if not isinstance(instruction, pikepdf.ContentStreamInstruction):
                continue  # an inline image
            operands, op = instruction.operands, str(instruction.operator)
            if op == "BDC":
                props = operands[1]
                found = props.get("/MCID") if isinstance(props, Dictionary) else None
                open_ids.append(None if found is None else int(found))
            elif op == "BMC":
                open_ids.append(None)
            elif op == "EMC" and open_ids:
                open_ids.pop()
            elif op == "Tf":
                font = fonts.get(str(operands[0]), {})
            elif op in ("Tj", "TJ", "'", '"'):
                strings = operands[0] if op == "TJ" else operands[-1:]
                shown = "".join(
                    font.get(byte, "")
                    for item in strings
                    if isinstance(item, pikepdf.String)
                    for byte in bytes(item)
                )
                mcid = next((m for m in reversed(open_ids) if m is not None), None)
                if mcid is not None:
                    key = (page.obj.objgen, mcid)
                    texts[key] = texts.get(key, "") + shown
    return texts


def _element_text(element: Any, texts: dict[tuple[tuple[int, int], int], str]) -> str:
    """The text of a structure element: its marked content and its children's, in order."""
    page = element.get("/Pg")
    kids = element.get("/K")
    parts: list[str] = []
    for kid in list(kids) if isinstance(kids, Array) else [kids]:
        if isinstance(kid, int) and page is not None:
            parts.append(texts.get((page.objgen, kid), ""))
        elif isinstance(kid, Dictionary) and "/S" in kid:
            parts.append(_element_text(kid, texts))
        elif isinstance(kid, Dictionary) and "/MCID" in kid:
            where = kid.get("/Pg", page)
            parts.append(texts.get((where.objgen, int(kid.MCID)), ""))
    return "".join(parts)


def _bare(text: str) -> str:
    """Text without white space: line breaks drop or keep the space before them."""
    return "".join(text.split())


@pytest.mark.office
def test_captions_are_caption_elements_with_the_caption_text(saluzzo: _Rendered) -> None:
    expected: list[str] = []
    tables = figures = 0
    for block in walk([*saluzzo.document.blocks, *saluzzo.document.annexes]):
        if isinstance(block, Figure) and block.image is not None:
            figures += 1
            expected.append(render_msg.CAPTION_FIGURE.format(number=figures, title=block.title))
        elif isinstance(block, Table) and block.caption:
            tables += 1
            expected.append(render_msg.CAPTION_TABLE.format(number=tables, title=block.title))
    assert tables and figures
    with pikepdf.open(io.BytesIO(saluzzo.tagged)) as pdf:
        texts = _marked_text(pdf)
        found = [_element_text(caption, texts) for caption in _find(pdf, "/Caption")]
        assert [_bare(text) for text in found] == [_bare(text) for text in expected]
        for table in _find(pdf, "/Table"):
            kinds = [str(kid.S) for kid in _kids(table)]
            assert "/Caption" not in kinds[1:]  # a table's caption is its first child


@pytest.mark.office
def test_symbol_cells_carry_the_words_of_their_mark(saluzzo: _Rendered) -> None:
    marks = [
        cell.text
        for table in saluzzo.tables
        for row in table.rows
        for cell in row
        if isinstance(cell, Mark)
    ]
    assert {"attiva", "principale", "secondaria"} <= set(marks)
    symbols = {
        cell.symbol for t in saluzzo.tables for r in t.rows for cell in r if isinstance(cell, Mark)
    }
    with pikepdf.open(io.BytesIO(saluzzo.tagged)) as pdf:
        texts = _marked_text(pdf)
        words: list[str] = []
        for table in _find(pdf, "/Table"):
            for row in _kids(table):
                for cell in _kids(row) if str(row.S) == "/TR" else ():
                    for element in (cell, *_kids(cell)):
                        if "/ActualText" in element:
                            words.append(str(element.ActualText))
                            assert _bare(_element_text(element, texts)) in symbols
    assert words == marks


@pytest.mark.office
def test_tagging_keeps_the_text_and_the_pdfa_identification(saluzzo: _Rendered) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext non disponibile: sudo apt-get install poppler-utils")

    def text(data: bytes) -> str:
        done = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
            input=data,
            capture_output=True,
            check=True,
            timeout=60,
        )
        return done.stdout.decode("utf-8")

    assert text(saluzzo.tagged) == text(saluzzo.untagged)
    with (
        pikepdf.open(io.BytesIO(saluzzo.tagged)) as tagged,
        pikepdf.open(io.BytesIO(saluzzo.untagged)) as untagged,
    ):
        assert tagged.pdf_version == untagged.pdf_version
        assert tagged.Root.Metadata.read_bytes() == untagged.Root.Metadata.read_bytes()
        assert str(tagged.docinfo["/CreationDate"]) == str(untagged.docinfo["/CreationDate"])
        assert len(tagged.pages) == len(untagged.pages)
