"""The docx writer: a :class:`~incas_cli.document.model.Document` as a .docx, on top of
``templates/reference.docx`` or a Comune's own template.

It decides *how* (styles, widths, numbering of captions and figures, page
furniture, sections), never *what*: every text comes from the document, except the
numbering formats of headings and captions and the page number line.

Publication rules kept here: real Heading 1-3 with no skipped level; data tables with a
header row that repeats, rows that do not split, no merged cells, a caption and a title
for screen readers (:mod:`~incas_cli.writers.docx_table`); figures with alt text and the
same information as a table; lists in list styles; no empty paragraphs for spacing; a
landscape section between portrait ones where the document asks for it.

The only home of python-docx for documents, with :mod:`~incas_cli.writers.package` (the
bytes) and :mod:`~incas_cli.writers.template` (the base document).
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.image.image import Image
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Emu
from docx.text.paragraph import Paragraph as DocxParagraph

from incas_cli.document.model import (
    Annex,
    Block,
    Document,
    Figure,
    Heading,
    HeadingNumbers,
    Inline,
    ItemList,
    Paragraph,
    Section,
    Table,
    Toc,
)
from incas_cli.messages import render as msg
from incas_cli.writers import docx_xml as xml
from incas_cli.writers import package
from incas_cli.writers import styles as st
from incas_cli.writers.docx_table import TABLE_FONT_PT, table_element
from incas_cli.writers.measure import text_twips
from incas_cli.writers.template import load_base

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.section import CT_SectPr
    from docx.oxml.xmlchemy import BaseOxmlElement

TWIPS_PER_EMU = 635  # 914400 EMU per inch / 1440 twips per inch
FIGURE_WIDTH_EMU = 5_760_720  # 16 cm
FIGURE_MAX_HEIGHT_EMU = (
    7_560_000  # 21 cm: a network of 20 actors prints 16 cm wide (labels >= 8 pt)
)
_FIGURE_ROOM_TWIPS = 1_700  # 3 cm of the page kept for the heading and the caption
HEADER_WIDTH_TWIPS = 9_000
"""Room for the running header: the text width of the reference document (16.5 cm) less
a little, so the header stays on one line."""
HEADER_FONT_PT = 9.0
ELLIPSIS = "…"

_PARAGRAPH_STYLES: dict[str, str | None] = {
    "body": st.NORMAL,
    "plain": None,
    "note": st.NOTE,
    "title": st.TITLE,
    "subtitle": st.SUBTITLE,
    "draft": st.DRAFT_MARK,
    "cover": st.COVER,
}


def write_docx(document: Document, *, template: Path | None, update_fields: bool) -> bytes:
    """The .docx bytes of ``document`` on the reference document or ``template``:
    identical bytes for the same document and template."""
    base = load_base(template)
    _Writer(base, document).write()
    package.set_language(base)
    package.set_properties(base, document.properties)
    package.set_update_fields(base, update_fields)
    return package.save(base)


def running_header(candidates: Sequence[str], *, bold: bool) -> str:
    """The first candidate that fits on one line, else the last cut with an ellipsis."""

    def fits(header: str) -> bool:
        return text_twips(header, HEADER_FONT_PT, bold=bold) <= HEADER_WIDTH_TWIPS

    for candidate in candidates:
        if fits(candidate):
            return candidate
    words = candidates[-1].split(" ")
    while len(words) > 1 and not fits(" ".join(words) + ELLIPSIS):
        words.pop()
    return " ".join(words) + ELLIPSIS


@dataclass(frozen=True)
class _PartOnly:
    """What python-docx asks of a paragraph's parent to add a picture: the part."""

    part: Any


@dataclass(frozen=True)
class _TextArea:
    """The text area of the document's last section in twips, portrait and landscape:
    read once (``document.sections`` is an xpath over the whole body), since the writer
    changes page sizes only at the end (:meth:`_Writer.sections`)."""

    portrait_width: int
    portrait_height: int
    landscape_width: int
    landscape_height: int

    @classmethod
    def of(cls, base: DocxDocument) -> _TextArea:
        section = base.sections[-1]
        page_w, page_h = section.page_width or 0, section.page_height or 0
        left, right = section.left_margin or 0, section.right_margin or 0
        top, bottom = section.top_margin or 0, section.bottom_margin or 0
        return cls(
            portrait_width=int((page_w - left - right) // TWIPS_PER_EMU),
            portrait_height=int((page_h - top - bottom) // TWIPS_PER_EMU),
            landscape_width=int((page_h - left - right) // TWIPS_PER_EMU),
            landscape_height=int((page_w - top - bottom) // TWIPS_PER_EMU),
        )


class _Writer:
    def __init__(self, base: DocxDocument, document: Document) -> None:
        self.base = base
        self.document = document
        self.styles = xml.Styles(base)
        body = base.element.body
        end = body.find(qn("w:sectPr"))
        if end is None:
            end = OxmlElement("w:sectPr")
            body.append(end)
        self.end: CT_SectPr = end
        self.page = _TextArea.of(base)
        self.table_font_size = self.styles.font_size(st.TABLE_TEXT, TABLE_FONT_PT)
        self.tables = 0
        self.figures = 0
        self.landscape = False
        self.numbers = HeadingNumbers()
        self.breaks: list[tuple[BaseOxmlElement, bool]] = []
        """Paragraphs that end a section, and whether that section is landscape."""

    def write(self) -> None:
        self.page_furniture()
        self.blocks(self.document.blocks)
        for annex in self.document.annexes:
            self.block(annex)
        self.sections()

    def add(self, element: BaseOxmlElement) -> None:
        self.end.addprevious(element)

    def paragraph(
        self,
        content: Inline | tuple[Inline, ...],
        style: str | None,
        *,
        keep_next: bool | None = None,
    ) -> BaseOxmlElement:
        p = self.styles.paragraph(content, style, keep_next=keep_next)
        self.add(p)
        return p

    # --- blocks ------------------------------------------------------------------------

    def blocks(self, blocks: Sequence[Block]) -> None:
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(block, Table) and _is_note(following):
                self.table(block, keep_last=True)  # its legend never alone on a page
            else:
                self.block(block)

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.paragraph(
                block.content,
                _PARAGRAPH_STYLES[block.style],
                keep_next=True if block.keep_with_next else None,
            )
        elif isinstance(block, ItemList):
            self.item_list(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, Toc):
            self.toc(block)
        elif isinstance(block, Section):
            self.section_of(block)
        elif isinstance(block, Annex):
            title = msg.ANNEX_HEADING.format(letter=block.letter, title=block.title)
            self.heading(Heading(1, title, numbered=False), new_page=True)
            self.blocks(block.blocks)

    def heading(self, heading: Heading, *, new_page: bool = False) -> None:
        """A real Heading 1-3, numbered as every writer numbers it."""
        text = self.numbers.text(heading)
        p = self.paragraph(text, st.HEADING[heading.level - 1], keep_next=True)
        if new_page:
            ppr = p.find(qn("w:pPr"))
            if ppr is not None:
                ppr.append(OxmlElement("w:pageBreakBefore"))

    def item_list(self, items: ItemList) -> None:
        """Bullets, or a numbered list that starts again from 1 (a new ``w:num``)."""
        if not items.ordered:
            for item in items.items:
                self.paragraph(item, st.LIST_BULLET)
            return
        num_id = self.styles.restart_numbering()
        for item in items.items:
            p = self.paragraph(item, st.LIST_NUMBER)
            if num_id is not None:
                xml.set_num(p, num_id)

    def table(self, table: Table, *, keep_last: bool = False) -> None:
        """The caption above the table, on the same page as its first rows; ``keep_last``:
        the last rows on the page of the paragraph after it (the note that explains it)."""
        if table.caption:
            self.tables += 1
            self.paragraph(
                msg.CAPTION_TABLE.format(number=self.tables, title=table.title),
                st.CAPTION,
                keep_next=True,
            )
        self.add(
            table_element(
                table,
                self.styles,
                width=self.text_width(),
                font_pt=self.table_font_size,
                keep_last=keep_last,
            )
        )

    def figure(self, figure: Figure) -> None:
        if figure.image is not None:
            p = self.paragraph("", st.FIGURE, keep_next=True)
            # Parented by the part alone: the document's ``_body`` would make a reference
            # cycle that keeps the whole package in memory until a full garbage collection.
            paragraph = DocxParagraph(p, _PartOnly(self.base.part))
            width, height = self.figure_size(figure.image)
            paragraph.add_run().add_picture(
                io.BytesIO(figure.image), width=Emu(width), height=Emu(height)
            )
            for tag in ("wp:docPr", "pic:cNvPr"):
                for element in p.iter(qn(tag)):
                    element.set("descr", package.clean(figure.alt))
                    element.set("title", package.clean(figure.title))
            self.figures += 1
            # Below the figure, which keeps with it; not with what follows (another caption).
            self.paragraph(
                msg.CAPTION_FIGURE.format(number=self.figures, title=figure.title),
                st.CAPTION,
                keep_next=False,
            )
        if figure.data is not None:
            self.table(figure.data)

    def toc(self, toc: Toc) -> None:
        self.paragraph(toc.title, st.TOC_HEADING)
        p = self.paragraph("", st.NORMAL)
        xml.field(p, 'TOC \\o "1-2" \\h \\z \\u', toc.hint, dirty=True)

    # --- page size -----------------------------------------------------------------------

    def text_width(self) -> int:
        """The text width of the current section, in twips."""
        return self.page.landscape_width if self.landscape else self.page.portrait_width

    def text_height(self) -> int:
        """The text height of the current section (page minus top and bottom margins), twips."""
        return self.page.landscape_height if self.landscape else self.page.portrait_height

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

    # --- sections ----------------------------------------------------------------------

    def section_of(self, section: Section) -> None:
        """Blocks on pages of their own orientation: a section break before and after."""
        landscape = section.orientation == "landscape"
        self.breaks.append((self.last_paragraph(), self.landscape))
        self.landscape = landscape
        self.blocks(section.blocks)
        self.breaks.append((self.last_paragraph(), landscape))
        self.landscape = False

    def last_paragraph(self) -> BaseOxmlElement:
        previous = self.end.getprevious()
        if previous is None or previous.tag != qn("w:p"):
            # A section break lives in a paragraph; only if a chapter ended with a table.
            return self.paragraph("", st.NOTE)
        last: BaseOxmlElement = previous
        return last

    def sections(self) -> None:
        """The first section keeps the template's cover settings (no header on the first
        page); the others drop them, each with its orientation."""
        final = self.end
        for index, (p, landscape) in enumerate(self.breaks):
            if index == 0:
                first = copy.deepcopy(final)
                if landscape:
                    xml.orient(first, landscape=True)
                xml.append_sect_pr(p, first)
                for element in final.findall(qn("w:titlePg")):
                    final.remove(element)
                for tag in ("w:headerReference", "w:footerReference"):
                    for element in final.findall(qn(tag)):
                        if element.get(qn("w:type")) == "first":
                            final.remove(element)
                continue
            sect_pr = copy.deepcopy(final)
            xml.orient(sect_pr, landscape=landscape)
            xml.append_sect_pr(p, sect_pr)
        if self.breaks:
            xml.orient(final, landscape=self.landscape)

    # --- header and footer -------------------------------------------------------------

    def page_furniture(self) -> None:
        section = self.base.sections[0]
        header = section.header
        had_letterhead = not header.is_linked_to_previous and xml.has_content(header._element)
        header.is_linked_to_previous = False
        draft = self.document.draft
        if self.document.running_header:
            line = running_header(self.document.running_header, bold=draft)
            self._fill(header._element, line, st.HEADER, bold=draft)
        footer = section.footer
        footer.is_linked_to_previous = False
        if not xml.has_field(footer._element, "PAGE"):
            self._page_number(footer._element)
        restricted = self.document.restricted
        if restricted:
            self._restricted_mark(footer._element, restricted)
        if not had_letterhead:
            # The cover carries no running header or page number.
            section.different_first_page_header_footer = True
            for part in (section.first_page_header, section.first_page_footer):
                if part.is_linked_to_previous:
                    part.is_linked_to_previous = False
            if restricted:
                # ... but an internal edition is marked on every page, the cover too.
                self._restricted_mark(section.first_page_footer._element, restricted)

    def _restricted_mark(self, footer: BaseOxmlElement, text: str) -> None:
        """The internal edition's mark at the top of a footer."""
        paragraphs = footer.findall(qn("w:p"))
        if len(paragraphs) == 1 and not xml.has_content(paragraphs[0]):
            footer.remove(paragraphs[0])  # the empty paragraph of a blank footer
        mark = self.styles.paragraph(text, st.FOOTER, bold=True, align="center")
        first = footer.find(qn("w:p"))
        if first is not None:
            first.addprevious(mark)
        else:
            footer.append(mark)

    def _fill(self, container: BaseOxmlElement, line: str, style: str, *, bold: bool) -> None:
        paragraphs = container.findall(qn("w:p"))
        empty = [p for p in paragraphs if not "".join(p.itertext()).strip()]
        if empty and len(empty) == len(paragraphs):
            target = empty[0]
            for child in list(target):
                target.remove(child)
            ppr = OxmlElement("w:pPr")
            target.append(ppr)
            style_id = self.styles.id(style)
            if style_id:
                pstyle = OxmlElement("w:pStyle")
                pstyle.set(qn("w:val"), style_id)
                ppr.append(pstyle)
            self.styles.runs(target, line, bold=bold)
        else:
            container.append(self.styles.paragraph(line, style, bold=bold))

    def _page_number(self, footer: BaseOxmlElement) -> None:
        paragraphs = footer.findall(qn("w:p"))
        if len(paragraphs) == 1 and not "".join(paragraphs[0].itertext()).strip():
            footer.remove(paragraphs[0])
        p = self.styles.paragraph("", st.FOOTER, align="center")
        self.styles.run(p, msg.FOOTER_PAGE)
        xml.field(p, "PAGE", "1")
        self.styles.run(p, msg.FOOTER_OF)
        xml.field(p, "NUMPAGES", "1")
        footer.append(p)


def _is_note(block: Block | None) -> bool:
    """A legend or explanation written right after a table (``note`` style)."""
    return isinstance(block, Paragraph) and block.style == "note"
