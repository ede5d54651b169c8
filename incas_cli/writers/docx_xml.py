"""Small WordprocessingML helpers of the docx writer: paragraphs and runs as elements,
fields, list numbering, section properties, style lookups.

Paragraphs and runs are written as elements directly (python-docx's high-level calls look
styles up by name and walk whole tables for every cell, which makes large plans
quadratic). Every string passes through :func:`~incas_cli.writers.package.clean`, so user
text is data: ``<w:p>``, ``&``, ``{{`` appear literally, control characters vanish.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Literal

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import OxmlElement, oxml_parser
from docx.styles import BabelFish
from lxml import etree

from incas_cli.document.model import Inline, Placeholder, Run, plain
from incas_cli.messages import render as msg
from incas_cli.writers import package
from incas_cli.writers import styles as st

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

Align = Literal["left", "center", "right"]

_PLACEHOLDER_RE = re.compile(
    "({}[^\\[\\]]*{})".format(*map(re.escape, msg.PLACEHOLDER.split("{label}")))
)


W_VAL = qn("w:val")
XML_SPACE = qn("xml:space")


@cache
def _tag(tag: str) -> tuple[str, dict[str, str]]:
    prefix, local = tag.split(":")
    return f"{{{nsmap[prefix]}}}{local}", {prefix: nsmap[prefix]}


def element(tag: str, attrs: Mapping[str, str] | None = None) -> BaseOxmlElement:
    """A loose element (``w:p``, ``w:tbl``) as python-docx's ``OxmlElement`` makes it (its
    element class, its namespace declared), without parsing the tag on every call: the
    writer makes hundreds of thousands of elements for a large plan. ``attrs`` keys are
    prefixed names (``w:val``)."""
    clark, declared = _tag(tag)
    made: BaseOxmlElement = oxml_parser.makeelement(clark, nsmap=declared)
    if attrs:
        for name, value in attrs.items():
            made.set(_tag(name)[0], value)
    return made


def sub(
    parent: BaseOxmlElement, tag: str, attrs: Mapping[str, str] | None = None
) -> BaseOxmlElement:
    """A new last child of ``parent`` in the parent's namespace declarations (the bytes
    are those of ``parent.append(OxmlElement(tag))``)."""
    made: BaseOxmlElement = etree.SubElement(parent, _tag(tag)[0])
    if attrs:
        for name, value in attrs.items():
            made.set(_tag(name)[0], value)
    return made


class Styles:
    """The paragraph, character and table styles of the base document, by UI name."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.ids: dict[str, str] = {}
        for style in document.styles.element.findall(qn("w:style")):
            name = style.find(qn("w:name"))
            style_id = style.get(qn("w:styleId"))
            if name is not None and style_id:
                self.ids.setdefault(BabelFish.internal2ui(name.get(qn("w:val"), "")), style_id)

    def id(self, name: str) -> str | None:
        return self.ids.get(name)

    def font_size(self, style_name: str, default: float) -> float:
        """The font size of a paragraph style, following ``basedOn``; ``default`` if unset."""
        try:
            style = self.document.styles[style_name]
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

    # --- paragraphs and runs ---------------------------------------------------------------

    def paragraph(
        self,
        content: Inline | tuple[Inline, ...] = "",
        style: str | None = None,
        *,
        bold: bool = False,
        align: Align | None = None,
        keep_next: bool | None = None,
    ) -> BaseOxmlElement:
        """A ``w:p``; ``keep_next`` set on it directly (True: stays on the page of the next
        paragraph or table; False: does not, whatever its style says)."""
        p = element("w:p")
        style_id = self.ids.get(style) if style else None
        if style_id or align or keep_next is not None:
            ppr = sub(p, "w:pPr")
            if style_id:
                sub(ppr, "w:pStyle").set(W_VAL, style_id)
            if keep_next is not None:
                keep = sub(ppr, "w:keepNext")
                if not keep_next:
                    keep.set(W_VAL, "0")
            if align and align != "left":
                sub(ppr, "w:jc").set(W_VAL, align)
        for part in content if isinstance(content, tuple) else (content,):
            self.runs(p, part, bold=bold)
        return p

    def runs(self, p: BaseOxmlElement, value: Inline, *, bold: bool = False) -> None:
        """The runs of one piece of inline content; the printed form of a placeholder in
        text is styled as a placeholder too."""
        if isinstance(value, Placeholder):
            self.run(p, plain(value), char_style=st.PLACEHOLDER, bold=bold)
            return
        if isinstance(value, Run):
            bold = bold or value.bold
            value = value.text
        for piece in _PLACEHOLDER_RE.split(value):
            if not piece:
                continue
            style = st.PLACEHOLDER if _PLACEHOLDER_RE.fullmatch(piece) else None
            self.run(p, piece, char_style=style, bold=bold)

    def run(
        self, p: BaseOxmlElement, text: str, *, char_style: str | None = None, bold: bool = False
    ) -> BaseOxmlElement:
        r = sub(p, "w:r")
        style_id = self.ids.get(char_style) if char_style else None
        if style_id or bold:
            rpr = sub(r, "w:rPr")
            if style_id:
                sub(rpr, "w:rStyle").set(W_VAL, style_id)
            if bold:
                sub(rpr, "w:b")
                sub(rpr, "w:bCs")
        t = sub(r, "w:t")
        cleaned = package.clean(text)
        t.text = cleaned
        if cleaned != cleaned.strip() or "  " in cleaned:
            t.set(XML_SPACE, "preserve")
        return r

    # --- numbering -------------------------------------------------------------------------

    def restart_numbering(self) -> str | None:
        """A fresh ``w:num`` on the List Number style's abstract numbering, restarting at 1."""
        style_id = self.id(st.LIST_NUMBER)
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


def set_num(p: BaseOxmlElement, num_id: str) -> None:
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


def field(p: BaseOxmlElement, instruction: str, shown: str, *, dirty: bool = False) -> None:
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


def has_content(container: BaseOxmlElement) -> bool:
    """Text or a picture: a letterhead the cover should keep."""
    if "".join(container.itertext()).strip():
        return True
    return any(True for _ in container.iter(qn("w:drawing"), qn("w:pict")))


def has_field(container: BaseOxmlElement, name: str) -> bool:
    for instr in container.iter(qn("w:instrText")):
        if (instr.text or "").split()[:1] == [name]:
            return True
    for simple in container.iter(qn("w:fldSimple")):
        if simple.get(qn("w:instr"), "").split()[:1] == [name]:
            return True
    return False


def append_sect_pr(p: BaseOxmlElement, sect_pr: BaseOxmlElement) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    change = ppr.find(qn("w:pPrChange"))
    if change is not None:
        change.addprevious(sect_pr)
    else:
        ppr.append(sect_pr)


def orient(sect_pr: BaseOxmlElement, *, landscape: bool) -> None:
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
