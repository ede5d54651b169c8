"""The python-docx writer: lays out a :class:`~incas_cli.render.view.DocumentView`.

Paragraphs and tables are written as WordprocessingML elements directly (python-docx's
high-level calls look styles up by name and walk whole tables for every cell, which makes
large plans quadratic); python-docx still owns the package, sections, headers, pictures
and properties. Every string passes through :func:`~incas_cli.render.package.clean`, so
user text is data: ``<w:p>``, ``&``, ``{{`` appear literally, control characters vanish.

Publication rules kept here: real Heading 1-3 with no skipped level; data tables with a
header row that repeats (``w:tblHeader``), rows that do not split (``w:cantSplit``), no
merged or nested cells, fixed layout, a caption and a title for screen readers; figures
with alt text and the same information as a table; lists in list styles; no empty
paragraphs for spacing; the Gantt table in a landscape section between portrait ones.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from docx.image.image import Image
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Emu
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph

from incas_cli.messages import render as msg
from incas_cli.render import package
from incas_cli.render import styles as st
from incas_cli.render.figures import (
    FigureEdge,
    FigureNode,
    GridPoint,
    network_png,
    power_interest_png,
)
from incas_cli.render.measure import ColumnText, column_widths, longest_word_twips, text_twips
from incas_cli.render.template import load_base
from incas_cli.render.text import Block, render_text
from incas_cli.render.view import (
    ACTIVE_MARK,
    PRIMARY_MARK,
    REVIEW_MARK,
    SECONDARY_MARK,
    DocumentView,
    Fact,
    MeasureCard,
    Placeholder,
    Value,
)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.section import CT_SectPr
    from docx.oxml.xmlchemy import BaseOxmlElement

Align = Literal["left", "center", "right"]

TWIPS_PER_EMU = 635  # 914400 EMU per inch / 1440 twips per inch
FIGURE_WIDTH_EMU = 5_760_720  # 16 cm
FIGURE_MAX_HEIGHT_EMU = 6_480_000  # 18 cm
_FIGURE_ROOM_TWIPS = 1_700  # 3 cm of the page kept for the heading and the caption
_PLACEHOLDER_RE = re.compile(
    "({}[^\\[\\]]*{})".format(*map(re.escape, msg.PLACEHOLDER.split("{label}")))
)
_NO_CELL_MARGIN = 28  # twips, for narrow calendar columns
_CELL_PADDING = 2 * 85 + 30  # the table style's left and right cell margins, and some air
_COMPACT_PADDING = 2 * _NO_CELL_MARGIN + 30
_TABLE_FONT_PT = 9.5  # "Testo tabella" of the reference document
_HEADER_FONT_PT = 9.0  # "Header" of the reference document


@dataclass(frozen=True)
class Mark:
    """A shaded cell with a text mark, so the meaning is not carried by colour alone."""

    text: str
    fill: str = st.SHADE_FILL


Cell = Value | tuple[Value, ...] | Mark | None


@dataclass(frozen=True)
class Column:
    """A table column: its header, the alignment of its cells (and of the header, so a
    number's header sits over the number), and a width in twips when the caller fixes it
    (calendar months, marks); otherwise the width follows the content."""

    header: str
    align: Align = "left"
    width: int | None = None


def build_document(view: DocumentView, *, template: Path | None, update_fields: bool) -> bytes:
    """The .docx bytes of ``view`` on the reference document or ``template``."""
    document = load_base(template)
    writer = _Writer(document, view)
    writer.write()
    package.set_language(document)
    package.set_properties(document, view.properties)
    package.set_update_fields(document, update_fields)
    return package.save(document)


class _Writer:
    def __init__(self, document: Document, view: DocumentView) -> None:
        self.document = document
        self.view = view
        self.body = document.element.body
        end = self.body.find(qn("w:sectPr"))
        if end is None:
            end = OxmlElement("w:sectPr")
            self.body.append(end)
        self.end: CT_SectPr = end
        self.style_ids = _style_ids(document)
        self.table_font_size = _font_size(document, st.TABLE_TEXT, _TABLE_FONT_PT)
        self.tables = 0
        self.figures = 0
        self.landscape = False
        self.chapter = 0
        self.section = 0

    # --- the outline ---------------------------------------------------------------------

    def write(self) -> None:
        self.page_furniture()
        self.cover()
        self.toc()
        self.premessa()
        self.territory()
        self.process()
        self.network()
        self.strategy()
        self.needs()
        self.measures()
        self.coherence()
        first_break = self.last_paragraph()
        self.gantt()
        second_break = self.last_paragraph()
        self.budget()
        self.monitoring()
        self.annexes()
        self.sections(first_break, second_break)

    # --- low level: styles, runs, paragraphs ---------------------------------------------

    def style(self, name: str) -> str | None:
        return self.style_ids.get(name)

    def add(self, element: BaseOxmlElement) -> None:
        self.end.addprevious(element)

    def paragraph(
        self,
        content: Value | Sequence[Value] = "",
        style: str | None = None,
        *,
        bold: bool = False,
        align: Align | None = None,
        keep_next: bool | None = None,
        add: bool = True,
    ) -> BaseOxmlElement:
        """A paragraph; ``keep_next`` set on it directly (True: stays on the page of the
        next paragraph or table; False: does not, whatever its style says)."""
        p = OxmlElement("w:p")
        style_id = self.style(style) if style else None
        if style_id or align or keep_next is not None:
            ppr = OxmlElement("w:pPr")
            if style_id:
                pstyle = OxmlElement("w:pStyle")
                pstyle.set(qn("w:val"), style_id)
                ppr.append(pstyle)
            if keep_next is not None:
                keep = OxmlElement("w:keepNext")
                if not keep_next:
                    keep.set(qn("w:val"), "0")
                ppr.append(keep)
            if align and align != "left":
                jc = OxmlElement("w:jc")
                jc.set(qn("w:val"), align)
                ppr.append(jc)
            p.append(ppr)
        parts: Sequence[Value] = content if isinstance(content, list | tuple) else (content,)
        for part in parts:
            self.runs(p, part, bold=bold)
        if add:
            self.add(p)
        return p

    def runs(self, p: BaseOxmlElement, value: Value, *, bold: bool = False) -> None:
        if isinstance(value, Placeholder):
            self.run(p, str(value), char_style=st.PLACEHOLDER, bold=bold)
            return
        # Narrative and labels may embed a placeholder's text: style it too.
        for piece in _PLACEHOLDER_RE.split(value):
            if not piece:
                continue
            style = st.PLACEHOLDER if _PLACEHOLDER_RE.fullmatch(piece) else None
            self.run(p, piece, char_style=style, bold=bold)

    def run(
        self, p: BaseOxmlElement, text: str, *, char_style: str | None = None, bold: bool = False
    ) -> BaseOxmlElement:
        r = OxmlElement("w:r")
        style_id = self.style(char_style) if char_style else None
        if style_id or bold:
            rpr = OxmlElement("w:rPr")
            if style_id:
                rstyle = OxmlElement("w:rStyle")
                rstyle.set(qn("w:val"), style_id)
                rpr.append(rstyle)
            if bold:
                rpr.append(OxmlElement("w:b"))
                rpr.append(OxmlElement("w:bCs"))
            r.append(rpr)
        t = OxmlElement("w:t")
        cleaned = package.clean(text)
        t.text = cleaned
        if cleaned != cleaned.strip() or "  " in cleaned:
            t.set(qn("xml:space"), "preserve")
        r.append(t)
        p.append(r)
        return r

    def heading(self, level: int, text: str, *, numbered: bool = True) -> BaseOxmlElement:
        """A Heading 1-3; chapters and their sections are numbered ``4.`` and ``4.2``."""
        if level == 1:
            self.chapter, self.section = (self.chapter + 1, 0) if numbered else (0, 0)
            if numbered:
                text = msg.NUMBERED_CHAPTER.format(number=self.chapter, title=text)
        elif level == 2 and self.chapter:
            self.section += 1
            text = msg.NUMBERED_SECTION.format(
                chapter=self.chapter, number=self.section, title=text
            )
        return self.paragraph(text, st.HEADING[level - 1], keep_next=True)

    def note(self, text: Value) -> BaseOxmlElement:
        return self.paragraph(text, st.NOTE)

    def texts(self, values: Iterable[Value]) -> None:
        for value in values:
            self.paragraph(value, st.NORMAL)

    def bullets(self, items: Iterable[Value]) -> None:
        for item in items:
            self.paragraph(item, st.LIST_BULLET)

    def numbered(self, items: Sequence[Value]) -> None:
        """A numbered list that starts again from 1 (a new ``w:num`` per list)."""
        num_id = self._restart_numbering()
        for item in items:
            p = self.paragraph(item, st.LIST_NUMBER)
            if num_id is not None:
                _set_num(p, num_id)

    def narrative(self, template: str) -> None:
        blocks = render_text(template, v=self.view)
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if block.kind == "number":
                group = [b.text for b in _same_group(blocks, index)]
                self.numbered(group)
                index += len(group)
                continue
            style = st.LIST_BULLET if block.kind == "bullet" else st.NORMAL
            self.paragraph(block.text, style)
            index += 1

    def _restart_numbering(self) -> str | None:
        """A fresh ``w:num`` on the List Number style's abstract numbering, restarting at 1."""
        style_id = self.style(st.LIST_NUMBER)
        if style_id is None:
            return None
        style = self.document.styles.element.find(
            f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']"
        )
        num = (
            style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            if style is not None
            else None
        )
        if num is None:
            return None
        try:
            numbering = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return None
        base = num.get(qn("w:val"))
        base_num = numbering.find(f"{qn('w:num')}[@{qn('w:numId')}='{base}']")
        if base_num is None:
            return None
        abstract = base_num.find(qn("w:abstractNumId"))
        if abstract is None:
            return None
        ids = [int(n.get(qn("w:numId"), "0")) for n in numbering.findall(qn("w:num"))]
        new_id = str(max(ids, default=0) + 1)
        new = OxmlElement("w:num")
        new.set(qn("w:numId"), new_id)
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), abstract.get(qn("w:val"), "0"))
        new.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        new.append(override)
        numbering.findall(qn("w:num"))[-1].addnext(new)  # w:num elements stay together
        return new_id

    def last_paragraph(self) -> BaseOxmlElement:
        previous = self.end.getprevious()
        if previous is None or previous.tag != qn("w:p"):
            # A section break lives in a paragraph; only if a chapter ended with a table.
            return self.paragraph("", st.NOTE)
        last: BaseOxmlElement = previous
        return last

    # --- tables ------------------------------------------------------------------------

    def text_width(self) -> int:
        """The text width of the current section, in twips."""
        section = self.document.sections[-1]
        width = section.page_height if self.landscape else section.page_width
        left, right = section.left_margin or 0, section.right_margin or 0
        return int(((width or 0) - left - right) // TWIPS_PER_EMU)

    def text_height(self) -> int:
        """The text height of the current section (page minus top and bottom margins), twips."""
        section = self.document.sections[-1]
        height = section.page_width if self.landscape else section.page_height
        top, bottom = section.top_margin or 0, section.bottom_margin or 0
        return int(((height or 0) - top - bottom) // TWIPS_PER_EMU)

    def caption(self, title: str) -> None:
        """A table's caption: above the table, on the same page as its first rows."""
        self.tables += 1
        self.paragraph(
            msg.CAPTION_TABLE.format(number=self.tables, title=title), st.CAPTION, keep_next=True
        )

    def table(
        self,
        title: str,
        columns: Sequence[Column],
        rows: Iterable[Sequence[Cell]],
        *,
        caption: bool = True,
        total: Sequence[Cell] | None = None,
        label_column: bool = False,
        compact: bool = False,
    ) -> BaseOxmlElement:
        """A data table: one header row (repeated on every page), no merged cells.

        Full text width, fixed layout, columns sized to their content (never narrower
        than their longest word); the caption sits above and stays with the table.
        """
        if caption:
            self.caption(title)
        rows = [list(row) for row in rows]
        width = self.text_width()
        widths = self.column_widths(columns, rows, total, width, label_column, compact)
        tbl = OxmlElement("w:tbl")
        tbl.append(self._tbl_pr(title, compact=compact))
        grid = OxmlElement("w:tblGrid")
        for w in widths:
            col = OxmlElement("w:gridCol")
            col.set(qn("w:w"), str(w))
            grid.append(col)
        tbl.append(grid)
        tbl.append(self._row([c.header for c in columns], columns, widths, header=True))
        for row in rows:
            tbl.append(self._row(row, columns, widths, label_column=label_column))
        if total is not None:
            tbl.append(self._row(total, columns, widths, bold=True))
        self.add(tbl)
        return tbl

    def column_widths(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[Cell]],
        total: Sequence[Cell] | None,
        width: int,
        label_column: bool,
        compact: bool,
    ) -> list[int]:
        """Twips per column, adding up to ``width``, from what each column holds."""
        texts = []
        for index, column in enumerate(columns):
            lines = [line for row in rows for line in _cell_lines(row[index])]
            bold = [line for line in _cell_lines(total[index])] if total is not None else []
            if label_column and index == 0:
                lines, bold = [], [*bold, *lines]
            texts.append(
                ColumnText(column.header, lines, bold_lines=bold, fixed_twips=column.width)
            )
        return column_widths(
            texts,
            width,
            size_pt=self.table_font_size,
            padding=_COMPACT_PADDING if compact else _CELL_PADDING,
            max_word_twips=width // 3,
        )

    def fixed_column(self, labels: Iterable[str], *, compact: bool = True) -> int:
        """One width for a run of equal columns (months, periods, actions): the widest label."""
        padding = _COMPACT_PADDING if compact else _CELL_PADDING
        widest = max(
            (longest_word_twips(label, self.table_font_size, bold=True) for label in labels),
            default=0,
        )
        return widest + padding

    def gantt_column(self, labels: Sequence[str], measures: Sequence[str]) -> int:
        """The width of a period column: its label's widest word at least; wider when the
        measure names leave room, up to twice that (a chart reads better wide)."""
        narrow = self.fixed_column(labels)
        if not labels:
            return narrow
        size = self.table_font_size
        names = max((text_twips(m, size) for m in measures), default=0) + _COMPACT_PADDING
        room = (self.text_width() - min(names, self.text_width() // 3)) // len(labels)
        return max(narrow, min(room, 2 * narrow))

    def _tbl_pr(self, title: str, *, compact: bool) -> BaseOxmlElement:
        pr = OxmlElement("w:tblPr")
        style_id = self.style(st.TABLE)
        if style_id:
            tstyle = OxmlElement("w:tblStyle")
            tstyle.set(qn("w:val"), style_id)
            pr.append(tstyle)
        tw = OxmlElement("w:tblW")  # the whole text width, whatever the template's margins
        tw.set(qn("w:w"), "5000")
        tw.set(qn("w:type"), "pct")
        pr.append(tw)
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        pr.append(layout)
        if compact:
            margins = OxmlElement("w:tblCellMar")
            for side in ("left", "right"):
                m = OxmlElement(f"w:{side}")
                m.set(qn("w:w"), str(_NO_CELL_MARGIN))
                m.set(qn("w:type"), "dxa")
                margins.append(m)
            pr.append(margins)
        look = OxmlElement("w:tblLook")
        for attr, value in (
            ("w:val", "0420"),
            ("w:firstRow", "1"),
            ("w:lastRow", "0"),
            ("w:firstColumn", "0"),
            ("w:lastColumn", "0"),
            ("w:noHBand", "1"),
            ("w:noVBand", "1"),
        ):
            look.set(qn(attr), value)
        pr.append(look)
        caption = OxmlElement("w:tblCaption")
        caption.set(qn("w:val"), package.clean(title))
        pr.append(caption)
        return pr

    def _row(
        self,
        cells: Sequence[Cell],
        columns: Sequence[Column],
        widths: Sequence[int],
        *,
        header: bool = False,
        bold: bool = False,
        label_column: bool = False,
    ) -> BaseOxmlElement:
        tr = OxmlElement("w:tr")
        trpr = OxmlElement("w:trPr")
        trpr.append(OxmlElement("w:cantSplit"))
        if header:
            trpr.append(OxmlElement("w:tblHeader"))
        tr.append(trpr)
        for index, (value, column, width) in enumerate(zip(cells, columns, widths, strict=True)):
            tc = OxmlElement("w:tc")
            tcpr = OxmlElement("w:tcPr")
            tcw = OxmlElement("w:tcW")
            tcw.set(qn("w:w"), str(width))
            tcw.set(qn("w:type"), "dxa")
            tcpr.append(tcw)
            if isinstance(value, Mark):
                shd = OxmlElement("w:shd")
                shd.set(qn("w:val"), "clear")
                shd.set(qn("w:color"), "auto")
                shd.set(qn("w:fill"), value.fill)
                tcpr.append(shd)
            tc.append(tcpr)
            if header:
                style = st.TABLE_HEADING
            elif isinstance(value, Mark):
                style = st.TABLE_MARK
            elif label_column and index == 0:
                style = st.TABLE_HEADING
            else:
                style = st.TABLE_TEXT
            align = column.align
            if isinstance(value, Mark):
                tc.append(self.paragraph(value.text, style, align="center", add=False))
            elif isinstance(value, tuple):
                for item in value or ("",):
                    tc.append(self.paragraph(item, style, bold=bold, align=align, add=False))
            else:
                tc.append(
                    self.paragraph(
                        value if value is not None else "",
                        style,
                        bold=bold,
                        align=align,
                        add=False,
                    )
                )
            tr.append(tc)
        return tr

    def facts_table(self, title: str, facts: Sequence[Fact], *, caption: bool = False) -> None:
        self.table(
            title,
            (Column(msg.T_FIELD), Column(msg.T_CONTENT)),
            ((f.label, f.value) for f in facts),
            caption=caption,
            label_column=True,
        )

    # --- figures -------------------------------------------------------------------------

    def figure(self, png: bytes | None, title: str, alt: str) -> None:
        if png is None:
            self.note(msg.FIGURE_UNAVAILABLE)
            return
        p = self.paragraph("", st.FIGURE, keep_next=True)
        paragraph = Paragraph(p, self.document._body)
        width, height = self.figure_size(png)
        paragraph.add_run().add_picture(io.BytesIO(png), width=Emu(width), height=Emu(height))
        for tag in ("wp:docPr", "pic:cNvPr"):
            for element in p.iter(qn(tag)):
                element.set("descr", package.clean(alt))
                element.set("title", package.clean(title))
        self.figures += 1
        # Below the figure, which keeps with it; not with what follows (another caption).
        self.paragraph(
            msg.CAPTION_FIGURE.format(number=self.figures, title=title), st.CAPTION, keep_next=False
        )

    def figure_size(self, png: bytes) -> tuple[int, int]:
        """The picture's size in EMU: at most 16 cm wide and :data:`FIGURE_MAX_HEIGHT_EMU`
        high (so a heading, the figure and its caption share a page), within the text
        area, keeping the aspect ratio."""
        image = Image.from_blob(png)
        px_w, px_h = image.px_width, image.px_height
        max_w = min(FIGURE_WIDTH_EMU, self.text_width() * TWIPS_PER_EMU)
        max_h = min(
            FIGURE_MAX_HEIGHT_EMU,
            (self.text_height() - _FIGURE_ROOM_TWIPS) * TWIPS_PER_EMU,
        )
        scale = min(max_w / px_w, max_h / px_h)
        return int(px_w * scale), int(px_h * scale)

    # --- header, footer, cover, index ----------------------------------------------------

    def page_furniture(self) -> None:
        section = self.document.sections[0]
        header = section.header
        had_letterhead = not header.is_linked_to_previous and _has_content(header._element)
        header.is_linked_to_previous = False
        self._fill(header._element, [self.view.header], st.HEADER, bold=self.view.draft)
        footer = section.footer
        footer.is_linked_to_previous = False
        if not _has_field(footer._element, "PAGE"):
            self._page_number(footer._element)
        restricted = self.view.edition == "interna"
        if restricted:
            self._restricted_mark(footer._element)
        if not had_letterhead:
            # The cover carries no running header or page number.
            section.different_first_page_header_footer = True
            for part in (section.first_page_header, section.first_page_footer):
                if part.is_linked_to_previous:
                    part.is_linked_to_previous = False
            if restricted:
                # ... but an internal edition is marked on every page, the cover too.
                self._restricted_mark(section.first_page_footer._element)

    def _restricted_mark(self, footer: BaseOxmlElement) -> None:
        """«USO INTERNO – contiene dati personali» at the top of a footer."""
        paragraphs = footer.findall(qn("w:p"))
        if len(paragraphs) == 1 and not _has_content(paragraphs[0]):
            footer.remove(paragraphs[0])  # the empty paragraph of a blank footer
        mark = self.paragraph(msg.INTERNAL_MARK, st.FOOTER, bold=True, align="center", add=False)
        first = footer.find(qn("w:p"))
        if first is not None:
            first.addprevious(mark)
        else:
            footer.append(mark)

    def _fill(
        self, container: BaseOxmlElement, lines: Sequence[str], style: str, *, bold: bool = False
    ) -> None:
        paragraphs = container.findall(qn("w:p"))
        empty = [p for p in paragraphs if not "".join(p.itertext()).strip()]
        for line in lines:
            if empty and len(empty) == len(paragraphs):
                target = empty.pop(0)
                paragraphs.remove(target)
                for child in list(target):
                    target.remove(child)
                ppr = OxmlElement("w:pPr")
                target.append(ppr)
                style_id = self.style(style)
                if style_id:
                    pstyle = OxmlElement("w:pStyle")
                    pstyle.set(qn("w:val"), style_id)
                    ppr.append(pstyle)
                self.runs(target, line, bold=bold)
            else:
                container.append(self.paragraph(line, style, bold=bold, add=False))

    def _page_number(self, footer: BaseOxmlElement) -> None:
        paragraphs = footer.findall(qn("w:p"))
        if len(paragraphs) == 1 and not "".join(paragraphs[0].itertext()).strip():
            footer.remove(paragraphs[0])
        p = self.paragraph("", st.FOOTER, align="center", add=False)
        self.run(p, msg.FOOTER_PAGE)
        _field(p, "PAGE", "1")
        self.run(p, msg.FOOTER_OF)
        _field(p, "NUMPAGES", "1")
        footer.append(p)

    def cover(self) -> None:
        cover = self.view.cover
        self.paragraph(cover.comune_line, st.SUBTITLE)
        self.paragraph(cover.title, st.TITLE)
        if cover.subtitle:
            self.paragraph(cover.subtitle, st.SUBTITLE)
        if cover.draft:
            self.paragraph(cover.draft_mark, st.DRAFT_MARK)
        for fact in cover.facts:
            p = self.paragraph("", st.COVER)
            self.run(p, msg.FACT_LABEL.format(label=fact.label), bold=True)
            values = fact.value if isinstance(fact.value, tuple) else (fact.value,)
            for value in values:
                self.runs(p, value)

    def toc(self) -> None:
        self.paragraph(msg.TOC_TITLE, st.TOC_HEADING)
        p = self.paragraph("", st.NORMAL)
        _field(p, 'TOC \\o "1-2" \\h \\z \\u', msg.TOC_PLACEHOLDER, dirty=True)

    # --- chapters ------------------------------------------------------------------------

    def premessa(self) -> None:
        self.heading(1, msg.H_PREMESSA)
        self.heading(2, msg.H_PREMESSA_PLAN)
        self.narrative("premessa.md.j2")
        self.heading(2, msg.H_PREMESSA_NATIONAL)
        self.narrative("quadro_nazionale.md.j2")
        self.heading(2, msg.H_PREMESSA_LAW)
        self.narrative("quadro_normativo.md.j2")
        self.heading(2, msg.H_PREMESSA_METHOD)
        self.narrative("metodo_incas.md.j2")

    def territory(self) -> None:
        t = self.view.territory
        self.heading(1, msg.H_TERRITORY)
        self.narrative("territorio.md.j2")
        self.heading(2, msg.H_TERRITORY_CONTEXT)
        self.texts(t.description)
        self.heading(2, msg.H_TERRITORY_CROPS)
        if t.crops:
            month = self.fixed_column((*t.month_labels, ACTIVE_MARK))
            columns = [
                Column(msg.T_CROP),
                *(Column(label, "center", month) for label in t.month_labels),
                Column(msg.T_WORKERS, "right"),
            ]
            rows = (
                [c.name, *(Mark(ACTIVE_MARK) if on else None for on in c.months), c.workers]
                for c in t.crops
            )
            self.table(msg.TC_CROPS, columns, rows, compact=True)
            self.note(msg.NOTE_CROPS_LEGEND.format(mark=ACTIVE_MARK))
            if t.demand:
                self.table(
                    msg.TC_DEMAND,
                    (
                        Column(msg.T_MONTH),
                        Column(msg.T_CROPS_IN_PEAK),
                        Column(msg.T_DEMAND, "right"),
                    ),
                    ((d.month, d.crops, d.workers) for d in t.demand),
                )
        elif t.crops_open is not None:
            self.paragraph(t.crops_open)
        self.heading(2, msg.H_TERRITORY_WORKFORCE)
        if t.workforce:
            self.table(
                msg.TC_WORKFORCE,
                (Column(msg.T_CATEGORY), Column(msg.T_VALUE, "right")),
                ((f.label, f.value) for f in t.workforce),
            )
        elif t.workforce_open is not None:
            self.paragraph(t.workforce_open)
        if t.settlements:
            self.heading(2, msg.H_TERRITORY_SETTLEMENTS)
            self.texts(t.settlements)
        if t.services:
            self.heading(2, msg.H_TERRITORY_SERVICES)
            self.texts(t.services)
        if t.sources:
            self.heading(2, msg.H_TERRITORY_SOURCES)
            self.bullets(t.sources)

    def process(self) -> None:
        p = self.view.process
        self.heading(1, msg.H_PROCESS)
        self.narrative("percorso.md.j2")  # says so when there is no meeting yet
        if not p.total:
            return
        self.heading(2, msg.H_PROCESS_COUNTS)
        self.table(
            msg.TC_MEETINGS_BY_KIND,
            (Column(msg.T_KIND), Column(msg.T_COUNT, "right")),
            ((k.label, str(k.count)) for k in p.by_kind),
            total=(msg.T_TOTAL, str(p.total)),
        )
        self.heading(2, msg.H_PROCESS_CHRONOLOGY)
        self.table(
            msg.TC_MEETINGS,
            (
                Column(msg.T_DATE),
                Column(msg.T_KIND),
                Column(msg.T_TABLE),
                Column(msg.T_PARTICIPANTS, "right"),
                Column(msg.T_SUMMARY),
            ),
            ((m.date, m.kind, m.table, m.participants, m.summary) for m in p.meetings),
        )
        self.heading(2, msg.H_PROCESS_ORGANISATIONS)
        self.table(
            msg.TC_ORGANISATIONS,
            (
                Column(msg.T_ORGANISATION),
                Column(msg.T_ACTOR_TYPE),
                Column(msg.T_MEETINGS, "right"),
            ),
            ((o.name, o.type_label, str(o.meetings)) for o in p.organisations),
        )

    def network(self) -> None:
        n = self.view.network
        self.heading(1, msg.H_NETWORK)
        self.narrative("rete.md.j2")
        self.heading(2, msg.H_NETWORK_ACTORS)
        if n.stakeholders:
            self.table(
                msg.TC_STAKEHOLDERS,
                (
                    Column(msg.T_RANK, "right"),
                    Column(msg.T_ORGANISATION),
                    Column(msg.T_ACTOR_TYPE),
                    Column(msg.T_LEVEL),
                    Column(msg.T_ROLE),
                    Column(msg.T_ENGAGEMENT),
                ),
                (
                    (str(s.number), s.name, s.type_label, s.level, s.role, s.engagement)
                    for s in n.stakeholders
                ),
            )
        elif n.stakeholders_open is not None:
            self.paragraph(n.stakeholders_open)
        self.heading(2, msg.H_NETWORK_MAP)
        if n.relations:
            self.figure(_network_png(n.nodes, n.edges), msg.FIG_NETWORK_TITLE, n.network_alt)
            self.table(
                msg.TC_RELATIONS,
                (
                    Column(msg.T_FROM),
                    Column(msg.T_TO),
                    Column(msg.T_RELATION),
                    Column(msg.T_DESCRIPTION),
                ),
                ((r.source, r.target, r.kind, r.label) for r in n.relations),
            )
        else:
            self.note(msg.NOTE_NO_RELATIONS)
        self.heading(2, msg.H_NETWORK_GRID)
        if n.grid:
            self.figure(_grid_png(n.grid), msg.FIG_GRID_TITLE, n.grid_alt)
            self.table(
                msg.TC_GRID,
                (
                    Column(msg.T_RANK, "right"),
                    Column(msg.T_ORGANISATION),
                    Column(msg.T_POWER, "right"),
                    Column(msg.T_INTEREST, "right"),
                    Column(msg.T_QUADRANT),
                ),
                (
                    (str(s.number), s.name, s.power, s.interest, s.quadrant)
                    for s in n.stakeholders
                    if s.quadrant != "–"
                ),
            )
        if n.grid_missing:
            self.note(msg.NOTE_GRID_MISSING.format(names=msg.LIST_SEPARATOR.join(n.grid_missing)))
        self.heading(2, msg.H_NETWORK_STEERING)
        if n.steering is not None:
            facts = [Fact(msg.STEERING_NAME, n.steering.name)]
            if n.steering.coordinator:
                facts.append(Fact(msg.STEERING_COORDINATOR, n.steering.coordinator))
            if n.steering.cadence:
                facts.append(Fact(msg.STEERING_CADENCE, n.steering.cadence))
            facts.append(Fact(msg.STEERING_MEMBERS, self.members_in_annex(n.steering.members)))
            self.facts_table(msg.TC_STEERING, facts, caption=True)
        elif n.steering_open is not None:
            self.paragraph(n.steering_open)
        self.heading(2, msg.H_NETWORK_TABLES)
        if n.tables:
            self.table(
                msg.TC_TABLES,
                (Column(msg.T_TABLE), Column(msg.T_AREA), Column(msg.T_MEMBERS)),
                ((t.name, t.topic, self.members_in_annex(t.members)) for t in n.tables),
            )
        else:
            self.note(msg.NOTE_NO_TABLES)

    def members_in_annex(self, members: Sequence[str]) -> str:
        """ "18 organizzazioni (elenco nell'Allegato A)": the names are in the annex."""
        if not members:
            return "–"
        annex = self.view.annexes.index[0].ref
        return msg.MEMBERS_IN_ANNEX.format(
            members=msg.counted(len(members), "organizzazione"), annex=annex
        )

    def strategy(self) -> None:
        s = self.view.strategy
        self.heading(1, msg.H_STRATEGY)
        self.narrative("strategia.md.j2")
        for axis in s.axes:
            self.heading(2, msg.H_STRATEGY_AXIS.format(number=axis.number, label=axis.label))
            self.paragraph(axis.description)
            self.note(msg.NOTE_AXIS_ACTIONS.format(actions="; ".join(a.text for a in axis.actions)))
            if axis.measures:
                for m in axis.measures:
                    self._strategy_item(m.id, m.title, m.objective, m.actions)
            else:
                self.paragraph(msg.NOTE_NO_MEASURES_AXIS)
        if s.unassigned:
            self.heading(2, msg.H_STRATEGY_UNASSIGNED)
            for m in s.unassigned:
                self._strategy_item(m.id, m.title, m.objective, m.actions)

    def _strategy_item(self, mid: str, title: str, objective: Value, actions: str) -> None:
        p = self.paragraph("", st.LIST_BULLET)
        self.run(p, msg.MEASURE_REF.format(id=mid, title=title), bold=True)
        self.run(p, msg.STRATEGY_ITEM_ACTIONS.format(actions=actions))
        self.runs(p, objective)

    def needs(self) -> None:
        n = self.view.needs
        self.heading(1, msg.H_NEEDS)
        self.narrative("bisogni.md.j2")
        if not n.items:
            if n.open is not None:
                self.paragraph(n.open)
            return
        self.heading(2, msg.H_NEEDS_RANKING)
        self.table(
            msg.TC_NEEDS,
            (
                Column(msg.T_RANK, "right"),
                Column(msg.T_NEED),
                Column(msg.T_AREA),
                Column(msg.T_DESCRIPTION),
                Column(msg.T_PEOPLE, "right"),
                Column(msg.T_PRIORITY, "right"),
            ),
            ((str(i.rank), i.id, i.area, i.description, i.people, i.priority) for i in n.items),
        )
        if n.unaddressed:
            self.note(msg.NOTE_NEEDS_UNADDRESSED.format(ids=msg.LIST_SEPARATOR.join(n.unaddressed)))
        self.heading(2, msg.H_NEEDS_DETAIL)
        for item in n.items:
            self.heading(3, msg.H_NEED.format(id=item.id, area=str(item.area)))
            facts = [
                Fact(msg.T_DESCRIPTION, item.description),
                Fact(msg.T_TARGET, item.target_group),
                Fact(msg.T_PEOPLE, item.people),
                Fact(msg.T_SEVERITY, item.severity),
                Fact(msg.T_URGENCY, item.urgency),
                Fact(msg.T_PRIORITY, item.priority),
            ]
            if item.evidence:
                facts.append(Fact(msg.NEED_EVIDENCE, item.evidence))
            if item.source:
                facts.append(Fact(msg.NEED_SOURCE, item.source))
            facts.append(
                Fact(
                    msg.NEED_MEASURES,
                    msg.LIST_SEPARATOR.join(item.measures)
                    if item.measures
                    else msg.NEED_NO_MEASURE,
                )
            )
            self.facts_table(msg.TC_NEED.format(id=item.id), facts)

    def measures(self) -> None:
        self.heading(1, msg.H_MEASURES)
        self.narrative("misure.md.j2")
        cards = self.view.measures
        if not cards:
            self.note(msg.NOTE_NO_MEASURES)
            return
        # The summary table belongs to the chapter itself: the sections are the measures,
        # so "7.12" is measure 12 of the plan.
        self.table(
            msg.TC_MEASURES,
            (
                Column(msg.T_MEASURE),
                Column(msg.T_LEAD),
                Column(msg.T_TIMING),
                Column(msg.T_AMOUNT, "right"),
            ),
            (
                (
                    msg.MEASURE_REF.format(id=c.id, title=c.title),
                    _fact(c, msg.CARD_LEAD),
                    _fact(c, msg.CARD_TIMING),
                    _fact(c, msg.CARD_BUDGET),
                )
                for c in cards
            ),
            total=(
                msg.T_TOTAL,
                "",
                "",
                self.view.budget.open or self.view.budget.by_measure.total_text,
            ),
        )
        for card in cards:
            self.card(card)

    def card(self, card: MeasureCard) -> None:
        self.heading(2, msg.H_MEASURE.format(id=card.id, title=card.title))
        self.facts_table(msg.TC_MEASURE.format(id=card.id), card.facts)
        self.heading(3, msg.H_MEASURE_BUDGET.format(id=card.id))
        if card.budget:
            self.table(
                msg.TC_MEASURE_BUDGET.format(id=card.id),
                (
                    Column(msg.T_SOURCE),
                    Column(msg.T_AMOUNT, "right"),
                    Column(msg.T_NOTE),
                ),
                ((b.source, b.amount_text, b.note) for b in card.budget),
                caption=False,
                total=(msg.T_TOTAL, card.total_text, ""),
            )
        elif card.budget_open is not None:
            self.paragraph(card.budget_open)
        self.heading(3, msg.H_MEASURE_INDICATORS.format(id=card.id))
        if card.indicators:
            self.table(
                msg.TC_MEASURE_INDICATORS.format(id=card.id),
                _indicator_columns(with_measure=False),
                (
                    (i.name, i.kind, i.unit, i.baseline, i.target, i.verification)
                    for i in card.indicators
                ),
                caption=False,
            )
        elif card.indicators_open is not None:
            self.paragraph(card.indicators_open)
        self.heading(3, msg.H_MEASURE_RISKS.format(id=card.id))
        if card.risks:
            self.table(
                msg.TC_MEASURE_RISKS.format(id=card.id),
                (Column(msg.T_RISK), Column(msg.T_MITIGATION)),
                ((r.risk, r.mitigation) for r in card.risks),
                caption=False,
            )
        else:
            self.note(msg.NOTE_NO_RISKS)

    def coherence(self) -> None:
        c = self.view.coherence
        self.heading(1, msg.H_COHERENCE)
        self.narrative("coerenza.md.j2")
        self.heading(2, msg.H_COHERENCE_MATRIX)
        if c.rows:
            action = self.fixed_column((*c.columns, PRIMARY_MARK))
            columns = [
                Column(msg.T_MEASURE),
                *(Column(code, "center", action) for code in c.columns),
            ]
            self.table(
                msg.TC_MATRIX,
                columns,
                ([r.measure, *r.cells] for r in c.rows),
                compact=True,
            )
            self.note(
                msg.NOTE_MATRIX_LEGEND.format(
                    primary=PRIMARY_MARK,
                    secondary=SECONDARY_MARK,
                    actions="; ".join(f"{a.number} {a.label}" for a in c.actions),
                )
            )
        else:
            self.note(msg.NOTE_NO_MEASURES)
        self.heading(2, msg.H_COHERENCE_ACTIONS)
        self.table(
            msg.TC_ACTIONS,
            (
                Column(msg.T_ACTION),
                Column(msg.T_AXIS),
                Column(msg.T_PRIMARY),
                Column(msg.T_SECONDARY),
                Column(msg.T_COVERED, "center"),
            ),
            (
                (
                    msg.ACTION_REF.format(number=a.number, label=a.label),
                    a.axis,
                    msg.LIST_SEPARATOR.join(a.primary) or "–",
                    msg.LIST_SEPARATOR.join(a.secondary) or "–",
                    msg.YES if a.covered else msg.NO,
                )
                for a in c.actions
            ),
        )
        self.heading(2, msg.H_COHERENCE_AXES)
        self.table(
            msg.TC_AXES,
            (
                Column(msg.T_AXIS),
                Column(msg.T_ACTIONS_IN_AXIS, "right"),
                Column(msg.T_ACTIONS_COVERED, "right"),
                Column(msg.T_ACTIONS_UNCOVERED),
                Column(msg.T_MEASURES, "right"),
            ),
            (
                (
                    a.label,
                    str(a.actions),
                    str(a.covered),
                    msg.LIST_SEPARATOR.join(a.uncovered) or "–",
                    str(a.measures),
                )
                for a in c.axes
            ),
        )
        if c.unknown:
            self.note(msg.NOTE_UNKNOWN_ACTIONS.format(actions=msg.LIST_SEPARATOR.join(c.unknown)))
        if c.uncovered:
            self.paragraph(msg.NOTE_UNCOVERED.format(actions="; ".join(c.uncovered)))
        else:
            self.paragraph(msg.NOTE_ALL_COVERED.format(count=len(c.actions)))

    def gantt(self) -> None:
        g = self.view.gantt
        self.landscape = True
        self.heading(1, msg.H_GANTT)
        if g.open is not None:
            self.paragraph(g.open)
            self.landscape = False
            return
        self.narrative("cronoprogramma.md.j2")
        period = self.gantt_column(g.columns, [r.label for r in g.rows])
        columns = [
            Column(msg.T_MEASURE),
            *(Column(label, "center", period) for label in g.columns),
        ]
        rows: list[list[Cell]] = [
            [(r.label, r.period), *(Mark(ACTIVE_MARK) if on else None for on in r.cells)]
            for r in g.rows
        ]
        if g.reviews is not None:
            rows.append(
                [
                    msg.T_REVIEWS_ROW,
                    *(Mark(REVIEW_MARK, st.REVIEW_FILL) if on else None for on in g.reviews),
                ]
            )
        self.table(msg.TC_GANTT, columns, rows, compact=True)
        legend = (
            msg.NOTE_GANTT_LEGEND_REVIEWS.format(active=ACTIVE_MARK, review=REVIEW_MARK)
            if g.reviews is not None
            else msg.NOTE_GANTT_LEGEND.format(active=ACTIVE_MARK)
        )
        granularity = msg.NOTE_GANTT_GRANULARITY[g.granularity].format(range=g.range_text)
        self.note(f"{legend} {granularity}")
        self.landscape = False

    def budget(self) -> None:
        b = self.view.budget
        self.heading(1, msg.H_BUDGET)
        if b.open is not None:
            self.paragraph(b.open)
            return
        self.narrative("finanziario.md.j2")
        self.heading(2, msg.H_BUDGET_MEASURE)
        self.table(
            msg.TC_BUDGET_MEASURE,
            (
                Column(msg.T_MEASURE),
                Column(msg.T_SOURCES),
                Column(msg.T_AMOUNT, "right"),
                Column(msg.T_SHARE, "right"),
            ),
            ((r.label, r.detail, r.amount_text, r.share) for r in b.by_measure.rows),
            total=(msg.T_TOTAL, "", b.by_measure.total_text, _full_share(b.by_measure.total)),
        )
        if b.open_lines:
            self.note(
                msg.NOTE_BUDGET_OPEN_ONE
                if b.open_lines == 1
                else msg.NOTE_BUDGET_OPEN.format(count=b.open_lines)
            )
        self.heading(2, msg.H_BUDGET_SOURCE)
        self.table(
            msg.TC_BUDGET_SOURCE,
            (
                Column(msg.T_SOURCE),
                Column(msg.T_MEASURES, "right"),
                Column(msg.T_AMOUNT, "right"),
                Column(msg.T_SHARE, "right"),
            ),
            ((r.label, r.detail, r.amount_text, r.share) for r in b.by_source.rows),
            total=(msg.T_TOTAL, "", b.by_source.total_text, _full_share(b.by_source.total)),
        )
        self.heading(2, msg.H_BUDGET_AXIS)
        self.table(
            msg.TC_BUDGET_AXIS,
            (
                Column(msg.T_AXIS),
                Column(msg.T_MEASURES),
                Column(msg.T_AMOUNT, "right"),
                Column(msg.T_SHARE, "right"),
            ),
            ((r.label, r.detail, r.amount_text, r.share) for r in b.by_axis.rows),
            total=(msg.T_TOTAL, "", b.by_axis.total_text, _full_share(b.by_axis.total)),
        )
        self.note(msg.NOTE_BUDGET_AXIS)

    def monitoring(self) -> None:
        m = self.view.monitoring
        self.heading(1, msg.H_MONITORING)
        self.narrative("monitoraggio.md.j2")
        self.heading(2, msg.H_MONITORING_SYSTEM)
        self.texts(m.reporting)
        if m.reviews:
            self.paragraph(msg.NOTE_REVIEWS.format(reviews=msg.LIST_SEPARATOR.join(m.reviews)))
        elif m.reviews_open is not None:
            self.paragraph(m.reviews_open)
        if m.cadence:
            self.paragraph(msg.NOTE_CADENCE.format(cadence=m.cadence))
        self.heading(2, msg.H_MONITORING_INDICATORS)
        if m.indicators:
            if m.summary:
                self.paragraph(m.summary)
            self.table(
                msg.TC_INDICATORS,
                _indicator_columns(with_measure=True),
                (
                    (i.measure, i.name, i.kind, i.unit, i.baseline, i.target, i.verification)
                    for i in m.indicators
                ),
            )
        else:
            self.note(msg.NOTE_NO_INDICATORS)

    def annexes(self) -> None:
        a = self.view.annexes
        self.heading(1, msg.H_ANNEXES, numbered=False)
        self.narrative("allegati.md.j2")  # names exactly the annexes of this edition
        for annex in a.index:
            self.heading(2, annex.heading)
            if annex.key == "bodies":
                self.annex_bodies()
            elif annex.key == "changelog":
                self.table(
                    msg.TC_CHANGELOG,
                    (Column(msg.T_VERSION), Column(msg.T_DATE), Column(msg.T_CHANGES)),
                    ((c.version, c.date, c.summary) for c in a.changelog),
                )
            elif a.contacts is not None:
                self.note(msg.NOTE_CONTACTS_WARNING)
                if a.contacts:
                    self.table(
                        msg.TC_CONTACTS,
                        (
                            Column(msg.T_ORGANISATION),
                            Column(msg.T_PERSON),
                            Column(msg.T_EMAIL),
                            Column(msg.T_PHONE),
                        ),
                        ((c.organisation, c.person, c.email, c.phone) for c in a.contacts),
                    )
                else:
                    self.note(msg.NOTE_NO_CONTACTS)

    def annex_bodies(self) -> None:
        """Who sits in the steering body and in each table (chapter 4 gives the counts)."""
        steering = self.view.network.steering
        bodies = self.view.annexes.bodies
        if not bodies:
            self.note(msg.NOTE_NO_BODIES)
            return
        for body in bodies:
            if body is steering:
                named = msg.STEERING_DEFAULT_NAME.casefold() in body.name.casefold()
                title = body.name if named else msg.H_ANNEX_STEERING.format(name=body.name)
                self.heading(3, title)
                details = []
            else:
                self.heading(3, msg.H_ANNEX_BODY.format(name=body.name))
                details = [msg.ANNEX_DETAIL.format(label=msg.T_AREA, value=body.topic)]
            if body.coordinator:
                details.append(
                    msg.ANNEX_DETAIL.format(label=msg.STEERING_COORDINATOR, value=body.coordinator)
                )
            if body.cadence:
                details.append(
                    msg.ANNEX_DETAIL.format(label=msg.STEERING_CADENCE, value=body.cadence)
                )
            if details:
                self.note(" ".join(details))
            if body.members:
                self.bullets(body.members)

    # --- sections ----------------------------------------------------------------------

    def sections(self, before_gantt: BaseOxmlElement, after_gantt: BaseOxmlElement) -> None:
        """Portrait up to the Gantt chapter, landscape for it, portrait again after it."""
        final = self.end
        first = copy.deepcopy(final)
        _append_sect_pr(before_gantt, first)
        for tag in ("w:titlePg",):
            for element in final.findall(qn(tag)):
                final.remove(element)
        for tag in ("w:headerReference", "w:footerReference"):
            for element in final.findall(qn(tag)):
                if element.get(qn("w:type")) == "first":
                    final.remove(element)
        landscape = copy.deepcopy(final)
        _orient(landscape, landscape=True)
        _append_sect_pr(after_gantt, landscape)
        _orient(final, landscape=False)


# --- helpers -------------------------------------------------------------------------------


def _style_ids(document: Document) -> dict[str, str]:
    ids: dict[str, str] = {}
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        style_id = style.get(qn("w:styleId"))
        if name is not None and style_id:
            ids.setdefault(BabelFish.internal2ui(name.get(qn("w:val"), "")), style_id)
    return ids


def _font_size(document: Document, style_name: str, default: float) -> float:
    """The font size of a paragraph style, following ``basedOn``; ``default`` if unset."""
    try:
        style = document.styles[style_name]
    except KeyError:
        return default
    seen = 0
    while style is not None and seen < 10:
        size = style.font.size
        if size is not None:
            return float(size.pt)
        style = style.base_style
        seen += 1
    return default


def _cell_lines(cell: Cell) -> list[str]:
    """The paragraphs of a cell as printed, for sizing its column."""
    if cell is None:
        return []
    if isinstance(cell, Mark):
        return [cell.text]
    if isinstance(cell, tuple):
        return [str(item) for item in cell]
    return [str(cell)]


def _same_group(blocks: Sequence[Block], start: int) -> list[Block]:
    first = blocks[start]
    group = []
    for block in blocks[start:]:
        if block.kind != first.kind or block.group != first.group:
            break
        group.append(block)
    return group


def _set_num(p: BaseOxmlElement, num_id: str) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), num_id)
    numpr.append(ilvl)
    numpr.append(num)
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(numpr)
    else:
        ppr.insert(0, numpr)


def _field(p: BaseOxmlElement, instruction: str, shown: str, *, dirty: bool = False) -> None:
    """A complex field (``begin``, instruction, ``separate``, shown text, ``end``)."""

    def char(kind: str) -> BaseOxmlElement:
        r = OxmlElement("w:r")
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        if dirty and kind == "begin":
            fld.set(qn("w:dirty"), "true")
        r.append(fld)
        return r

    p.append(char("begin"))
    r = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    r.append(instr)
    p.append(r)
    p.append(char("separate"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = shown
    r.append(t)
    p.append(r)
    p.append(char("end"))


def _has_content(container: BaseOxmlElement) -> bool:
    """Text or a picture: a letterhead the cover should keep."""
    if "".join(container.itertext()).strip():
        return True
    return any(True for _ in container.iter(qn("w:drawing"), qn("w:pict")))


def _has_field(container: BaseOxmlElement, name: str) -> bool:
    for instr in container.iter(qn("w:instrText")):
        if (instr.text or "").split()[:1] == [name]:
            return True
    for simple in container.iter(qn("w:fldSimple")):
        if simple.get(qn("w:instr"), "").split()[:1] == [name]:
            return True
    return False


def _append_sect_pr(p: BaseOxmlElement, sect_pr: BaseOxmlElement) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    change = ppr.find(qn("w:pPrChange"))
    if change is not None:
        change.addprevious(sect_pr)
    else:
        ppr.append(sect_pr)


def _orient(sect_pr: BaseOxmlElement, *, landscape: bool) -> None:
    size = sect_pr.find(qn("w:pgSz"))
    if size is None:
        return
    w, h = int(size.get(qn("w:w"), "11906")), int(size.get(qn("w:h"), "16838"))
    short, long_ = min(w, h), max(w, h)
    if landscape:
        size.set(qn("w:w"), str(long_))
        size.set(qn("w:h"), str(short))
        size.set(qn("w:orient"), "landscape")
    else:
        size.set(qn("w:w"), str(short))
        size.set(qn("w:h"), str(long_))
        size.attrib.pop(qn("w:orient"), None)


def _fact(card: MeasureCard, label: str) -> Cell:
    for fact in card.facts:
        if fact.label == label:
            return fact.value
    return None


def _full_share(total: object) -> str:
    from incas_cli.render import formats as fmt

    return fmt.percent(total, total) if total else "–"  # type: ignore[arg-type]


def _indicator_columns(*, with_measure: bool) -> list[Column]:
    columns = [
        Column(msg.T_INDICATOR),
        Column(msg.T_KIND),
        Column(msg.T_UNIT),
        Column(msg.T_BASELINE, "right"),
        Column(msg.T_TARGET_VALUE, "right"),
        Column(msg.T_VERIFICATION),
    ]
    if with_measure:
        columns.insert(0, Column(msg.T_MEASURE))
    return columns


# About 190 dpi at the 16 cm a figure takes on the page: sharp in print and on screen, and
# small enough that a batch worker stays well under 150 MB (the canvas is drawn at twice
# this size for smooth lines, and its memory grows with the square of the width).
FIGURE_WIDTH_PX = 1200


def _network_png(nodes: Sequence[FigureNode], edges: Sequence[FigureEdge]) -> bytes | None:
    """The network figure; None when Pillow is not installed (the table still follows)."""
    try:
        return network_png(nodes, edges, width_px=FIGURE_WIDTH_PX)
    except ImportError:
        return None


def _grid_png(points: Sequence[GridPoint]) -> bytes | None:
    try:
        return power_interest_png(points, width_px=FIGURE_WIDTH_PX)
    except ImportError:
        return None
