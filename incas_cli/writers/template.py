"""The base document: ``templates/reference.docx`` or a Comune's own template.

A Comune's template works as pandoc's ``--reference-doc``: its styles and its section
headers and footers (the letterhead) are kept, its body is cleared. It must define the
built-in styles of :data:`~incas_cli.writers.styles.REQUIRED`; the document's auxiliary
styles it lacks are copied from the reference document.
"""

from __future__ import annotations

import copy
import functools
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document as open_document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from incas_cli.errors import InputError
from incas_cli.messages import render as msg
from incas_cli.resources import template_file
from incas_cli.writers import styles as st
from incas_cli.writers.template_package import MAX_FILE_BYTES, Cleaned, clean_template

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

REFERENCE_NAME = "reference.docx"
A4_WIDTH = Mm(210)
A4_HEIGHT = Mm(297)


@functools.cache
def reference_bytes() -> bytes:
    """The packaged reference document."""
    return template_file(REFERENCE_NAME).read_bytes()


def load_base(template: Path | None) -> Document:
    """A document to write into: styles, page setup and letterhead, with an empty body."""
    if template is None:
        document = open_document(io.BytesIO(reference_bytes()))
    else:
        document = _checked(template)[0]
        _copy_auxiliary_styles(document)
    _clear_body(document)
    _portrait_a4(document)
    _no_header_rows_by_style(document)
    return document


def check_template(template: Path) -> list[str]:
    """Fail early, with a message naming the problem, if ``template`` cannot be used: not
    there, not a Word document, over a size limit, or missing a required style. Returns
    what reading it dropped (macros, external links, oversized images), in Italian."""
    return _checked(template)[1]


def _checked(template: Path) -> tuple[Document, list[str]]:
    document, dropped = _open_template(template)
    missing = missing_styles(document)
    if missing:
        raise InputError(
            msg.TEMPLATE_MISSING_STYLES.format(styles=", ".join(missing)),
            hint=msg.TEMPLATE_MISSING_STYLES_HINT,
            file=template,
        )
    return document, dropped


def _open_template(path: Path) -> tuple[Document, list[str]]:
    """The template, read with limits and cleaned (:mod:`.template_package`), opened."""
    cleaned = _cleaned(path)
    try:
        return open_document(io.BytesIO(cleaned.data)), cleaned.dropped
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise InputError(
            msg.TEMPLATE_UNREADABLE, hint=msg.TEMPLATE_UNREADABLE_HINT, file=path
        ) from None
    except Exception as exc:  # python-docx raises its own errors for non-Word packages
        if type(exc).__module__.startswith(("docx", "lxml")):
            raise InputError(
                msg.TEMPLATE_UNREADABLE, hint=msg.TEMPLATE_UNREADABLE_HINT, file=path
            ) from None
        raise


def _cleaned(path: Path) -> Cleaned:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)  # never more than the limit in memory
    except FileNotFoundError:
        raise InputError(
            msg.TEMPLATE_NOT_FOUND, hint=msg.TEMPLATE_NOT_FOUND_HINT, file=path
        ) from None
    except OSError:
        raise InputError(
            msg.TEMPLATE_UNREADABLE, hint=msg.TEMPLATE_UNREADABLE_HINT, file=path
        ) from None
    return clean_template(path, data)


def _style_names(styles: BaseOxmlElement) -> dict[str, BaseOxmlElement]:
    """UI name (as python-docx spells built-ins, e.g. ``Heading 1``) -> style element."""
    from docx.styles import BabelFish

    found = {}
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            found[BabelFish.internal2ui(name.get(qn("w:val"), ""))] = style
    return found


def missing_styles(document: Document) -> list[str]:
    """The required styles a template does not define, in a stable order."""
    names = _style_names(document.styles.element)
    return [name for name in st.REQUIRED if name not in names]


def _copy_auxiliary_styles(document: Document) -> None:
    target = document.styles.element
    names = _style_names(target)
    reference = open_document(io.BytesIO(reference_bytes()))
    source = _style_names(reference.styles.element)
    ids = {s.get(qn("w:styleId")) for s in target.findall(qn("w:style"))}
    for name in st.AUXILIARY:
        if name in names or name not in source:
            continue
        style = copy.deepcopy(source[name])
        for tag in ("w:link", "w:next"):
            for element in style.findall(qn(tag)):
                style.remove(element)
        based = style.find(qn("w:basedOn"))
        if based is not None and based.get(qn("w:val")) not in ids:
            style.remove(based)
        target.append(style)
        ids.add(style.get(qn("w:styleId")))


def _clear_body(document: Document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _no_header_rows_by_style(document: Document) -> None:
    """Header rows are marked row by row (``w:tblHeader`` in a table's first row), never by
    the table style: LibreOffice repeats the first row of every table whose style's
    ``firstRow`` says so, whatever the table's ``tblLook``, so a key-value card went on
    to the next page under a copy of its first row."""
    style = _style_names(document.styles.element).get(st.TABLE)
    if style is None:
        return
    for conditional in style.findall(qn("w:tblStylePr")):
        for row in conditional.findall(qn("w:trPr")):
            for header in row.findall(qn("w:tblHeader")):
                row.remove(header)


def _portrait_a4(document: Document) -> None:
    section = document.sections[-1]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = A4_WIDTH
    section.page_height = A4_HEIGHT
