"""Make ``templates/reference.docx``, the document that owns the styles of every plan.

Run from the repository root: ``python scripts/make_reference_docx.py``. It starts from
python-docx's default template and sets: A4 portrait with 2.5/2 cm margins, Italian as the
document language (styles.xml and stylesWithEffects.xml), Italian decimal and list
separators, dark heading colours (contrast of at least 4.5:1 on white: python-docx's
default blue ``4F81BD`` fails), paragraph spacing in the styles (so the document needs no
empty paragraphs), list, caption and table-of-contents styles, the document's own table
style (header row shaded, repeated on every page) and its auxiliary styles. Unused
decorative table styles are dropped. The output is deterministic.

A Comune that wants its own letterhead copies this file, edits header, footer and styles in
Word or LibreOffice, and passes it with ``incas plan render --template``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document as new_document
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement, parse_xml
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from incas_cli.writers import package  # noqa: E402
from incas_cli.writers import styles as st  # noqa: E402

DEFAULT_OUTPUT = ROOT / "templates" / "reference.docx"

FONT = "Arial"  # Liberation Sans (metric-compatible) where Arial is missing
DARK_BLUE = "1F3864"
DARK_GREY = "404040"
DARK_RED = "A50021"
BORDER = "7F7F7F"
HEADER_FILL = "D9E2F3"

INSTRUCTIONS = (
    "Modello degli stili dei documenti generati da incas. Per la carta intestata del Comune "
    "modifica intestazione, piè di pagina e stili (titoli, testo, tabelle, elenchi), salva "
    "in formato .docx e usa il file con «incas plan render --template»: il testo del corpo, "
    "come questo paragrafo, viene ignorato."
)
KEEP_TABLE_STYLES = {"Normal Table", "Table Grid"}
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _color(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color)


def _paragraph_style(document: Document, name: str, base: str = "Normal") -> ParagraphStyle:
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
    assert isinstance(style, ParagraphStyle)
    style.quick_style = True
    style.hidden = False
    style.unhide_when_used = False
    return style


def _spacing(style: ParagraphStyle, before: float, after: float, line: float | None = None) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        fmt.line_spacing = line


def _font(
    style: BaseStyle,
    size: float | None = None,
    color: str | None = None,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    name: str | None = None,
) -> None:
    font = style.font  # type: ignore[attr-defined]
    if size is not None:
        font.size = Pt(size)
    if color is not None:
        font.color.rgb = _color(color)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if name is not None:
        font.name = name
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), name)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attr), None)


def _page(document: Document) -> None:
    section = document.sections[0]
    section.page_width = Cm(21)
    section.page_height = Cm(29.7)
    section.top_margin = Cm(2.5)
    section.bottom_margin = Cm(2.5)
    section.left_margin = Cm(2.5)
    section.right_margin = Cm(2)
    section.header_distance = Cm(1.25)
    section.footer_distance = Cm(1.25)
    section.gutter = Cm(0)


def _defaults(document: Document) -> None:
    styles = document.styles.element
    package.set_styles_language(styles)
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _drop_unused_styles(document: Document) -> None:
    """Decorative table styles (many fail contrast) and their weight: 400 kB of XML."""
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        ui = name.get(qn("w:val")) if name is not None else ""
        if style.get(qn("w:type")) == "table" and ui not in KEEP_TABLE_STYLES:
            styles.remove(style)


def _fix_contrast(document: Document) -> None:
    """Any remaining style colour below 4.5:1 on white becomes dark blue."""
    for color in document.styles.element.iter(qn("w:color")):
        value = color.get(qn("w:val"))
        if value and value != "auto" and st.contrast_ratio(value) < st.MIN_TEXT_CONTRAST:
            color.set(qn("w:val"), DARK_BLUE)
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(attr), None)


def _text_styles(document: Document) -> None:
    normal = _paragraph_style(document, st.NORMAL)
    _font(normal, 11, name=FONT)
    _spacing(normal, 0, 6, 1.15)

    title = _paragraph_style(document, st.TITLE)
    _font(title, 26, DARK_BLUE, bold=True, name=FONT)
    _spacing(title, 24, 18, 1.0)
    title.paragraph_format.keep_with_next = True
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)

    subtitle = _paragraph_style(document, st.SUBTITLE)
    _font(subtitle, 14, DARK_GREY, italic=False, name=FONT)
    _spacing(subtitle, 0, 24, 1.1)

    sizes = (16, 13.5, 12)
    for level, name in enumerate(st.HEADING, start=1):
        heading = _paragraph_style(document, name)
        _font(heading, sizes[level - 1], DARK_BLUE, bold=True, italic=False, name=FONT)
        _spacing(heading, (18, 14, 10)[level - 1], (8, 6, 4)[level - 1], 1.0)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.keep_together = True
        heading.paragraph_format.page_break_before = level == 1

    for name in (st.LIST_BULLET, st.LIST_NUMBER):
        item = _paragraph_style(document, name)
        _spacing(item, 0, 3, 1.15)

    caption = _paragraph_style(document, st.CAPTION)
    _font(caption, 9.5, DARK_GREY, bold=True, italic=False)
    _spacing(caption, 6, 4, 1.0)
    caption.paragraph_format.keep_with_next = True

    # Not based on Heading 1: the index must neither list itself nor read as a chapter.
    toc_heading = _paragraph_style(document, st.TOC_HEADING)
    toc_heading.base_style = document.styles[st.NORMAL]
    _font(toc_heading, 16, DARK_BLUE, bold=True, name=FONT)
    _spacing(toc_heading, 0, 12, 1.0)
    toc_heading.paragraph_format.page_break_before = True
    toc_heading.paragraph_format.keep_with_next = True
    ppr = toc_heading.element.get_or_add_pPr()
    for outline in ppr.findall(qn("w:outlineLvl")):
        ppr.remove(outline)

    for level in (1, 2, 3):
        toc = _paragraph_style(document, f"TOC {level}")
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        _spacing(toc, 0, 3, 1.0)

    for name in (st.HEADER, st.FOOTER):
        part = _paragraph_style(document, name)
        _font(part, 9, DARK_GREY)
        _spacing(part, 0, 0, 1.0)

    table_text = _paragraph_style(document, st.TABLE_TEXT)
    _font(table_text, 9.5)
    _spacing(table_text, 0, 2, 1.0)

    table_heading = _paragraph_style(document, st.TABLE_HEADING, base=st.TABLE_TEXT)
    _font(table_heading, 9.5, "000000", bold=True)
    table_heading.paragraph_format.keep_with_next = True

    mark = _paragraph_style(document, st.TABLE_MARK, base=st.TABLE_TEXT)
    _font(mark, 9.5, st.SHADE_MARK_COLOR, bold=True)
    mark.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    cover = _paragraph_style(document, st.COVER)
    _font(cover, 12)
    _spacing(cover, 0, 6, 1.1)

    draft = _paragraph_style(document, st.DRAFT_MARK)
    _font(draft, 22, DARK_RED, bold=True)
    _spacing(draft, 12, 12, 1.0)
    draft.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    note = _paragraph_style(document, st.NOTE)
    _font(note, 9.5, DARK_GREY, italic=True)
    _spacing(note, 2, 10, 1.05)

    figure = _paragraph_style(document, st.FIGURE)
    figure.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    figure.paragraph_format.keep_with_next = True
    _spacing(figure, 6, 2, 1.0)

    styles = document.styles
    try:
        placeholder = styles[st.PLACEHOLDER]
    except KeyError:
        placeholder = styles.add_style(st.PLACEHOLDER, WD_STYLE_TYPE.CHARACTER)
    _font(placeholder, None, DARK_RED, italic=True, bold=False)
    placeholder.quick_style = True


def _table_style(document: Document) -> None:
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")) == st.TABLE:
            styles.remove(style)
    border = f'w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"'
    xml = f"""
<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    w:type="table" w:customStyle="1" w:styleId="TabellaIncas">
  <w:name w:val="{st.TABLE}"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
  <w:tblPr>
    <w:tblStyleRowBandSize w:val="1"/>
    <w:tblStyleColBandSize w:val="1"/>
    <w:tblBorders>
      <w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/>
      <w:insideH {border}/><w:insideV {border}/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="45" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="45" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/><w:color w:val="000000"/></w:rPr>
    <w:tblPr/>
    <w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""
    styles.append(parse_xml(xml.strip()))


def _settings(document: Document) -> None:
    settings = document.settings.element
    for tag in ("w:rsids", "w:proofState", "w:attachedTemplate"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), package.LANGUAGE)
        theme_lang.attrib.pop(qn("w:eastAsia"), None)
    decimal = settings.find(qn("w:decimalSymbol"))
    if decimal is not None:
        decimal.set(qn("w:val"), ",")
    separator = settings.find(qn("w:listSeparator"))
    if separator is not None:
        separator.set(qn("w:val"), ";")


def _drop_parts(document: Document) -> None:
    """Parts the reference does not need: the thumbnail of an empty page, the bibliography
    custom XML, and stylesWithEffects.xml (a Word 2010 copy of the styles that would
    otherwise keep the decorative styles dropped from styles.xml)."""
    pkg = document.part.package
    for rel_id, rel in list(pkg.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            pkg.rels.pop(rel_id)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype in (STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            document.part.rels.pop(rel_id)


def build() -> bytes:
    document = new_document()
    _drop_parts(document)
    _page(document)
    _drop_unused_styles(document)
    _defaults(document)
    _text_styles(document)
    _table_style(document)
    _fix_contrast(document)
    _settings(document)
    package.set_language(document)
    core = document.core_properties
    core.title = "Modello dei Piani Locali Multisettoriali (incas)"
    core.subject = "Stili del documento Word dei piani"
    core.author = "incas"
    core.last_modified_by = "incas"
    core.comments = "Generato da scripts/make_reference_docx.py"
    core.keywords = ""
    core.language = package.LANGUAGE
    core.revision = 1
    core.created = core.modified = dt.datetime(2024, 1, 1)
    package._set_app_properties(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.add_paragraph(INSTRUCTIONS, style=st.NORMAL)
    buffer = io.BytesIO()
    document.save(buffer)
    return package.normalize_zip(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    data = build()
    args.output.write_bytes(data)
    print(f"{args.output}: {len(data)} byte")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
