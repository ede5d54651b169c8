"""The .docx package: language, core properties, settings, and deterministic bytes.

python-docx stamps the current time into every zip entry and leaves "python-docx" in the
core properties; LibreOffice, when it refreshes the table of contents, rewrites the styles
(language) and the properties. The functions here set what the document must say and
rewrite the zip with fixed entry dates in a fixed order, so the same input always gives
the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Collection
from typing import TYPE_CHECKING

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement, parse_xml

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

    from incas_cli.document.model import Properties

LANGUAGE = "it-IT"
BIDI_LANGUAGE = "ar-SA"
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
_CONTENT_TYPES = "[Content_Types].xml"
_STYLES_WITH_EFFECTS = "/word/stylesWithEffects.xml"

# XML 1.0 forbids most control characters; python-docx refuses them with a ValueError.
_ILLEGAL_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPACES = re.compile(r"[\t\n\r\v\f]")

# Children of w:rPr that come after w:lang (ECMA-376 sequence).
_AFTER_LANG = ("eastAsianLayout", "specVanish", "oMath")
# Children of w:settings that come after w:updateFields.
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def clean(text: str) -> str:
    """Text safe for XML 1.0: control characters removed, line breaks and tabs as spaces."""
    return _ILLEGAL_XML.sub("", _SPACES.sub(" ", text))


# --- language ----------------------------------------------------------------------------


def _set_lang(rpr: BaseOxmlElement) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
        for name in _AFTER_LANG:
            following = rpr.find(qn(f"w:{name}"))
            if following is not None:
                following.addprevious(lang)
                break
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), BIDI_LANGUAGE)


def set_styles_language(styles: BaseOxmlElement) -> None:
    """``w:docDefaults/w:rPrDefault/w:rPr/w:lang`` = it-IT in a styles root element."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_lang(rpr)


def set_language(document: Document) -> None:
    """The document language, where office suites read it: styles.xml and
    stylesWithEffects.xml (``core_properties.language`` alone is ignored by LibreOffice)."""
    set_styles_language(document.styles.element)
    package = document.part.package
    for part in package.iter_parts():
        if str(part.partname) == _STYLES_WITH_EFFECTS:
            root = parse_xml(part.blob)
            set_styles_language(root)
            part._blob = serialize_part_xml(root)


# --- properties and settings -------------------------------------------------------------


def set_properties(document: Document, props: Properties, *, statistics: bool = True) -> None:
    """Core properties from the plan; created/modified from the plan's date, never now.

    With ``statistics`` the stale counts of the template (pages, words) are removed from
    docProps/app.xml; without, the counts an office suite wrote are kept.
    """
    core = document.core_properties
    core.title = _property(props.title)
    core.subject = _property(props.subject)
    core.author = _property(props.author)
    core.last_modified_by = _property(props.author)
    core.keywords = _property("; ".join(props.keywords))
    core.category = _property(props.category)
    core.comments = _property(props.comments)
    core.content_status = _property(props.content_status)
    core.version = _property(props.version)
    core.language = props.language
    core.identifier = ""
    core.revision = 1
    element = document.part.package.core_properties._element
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for old in element.findall(qn(tag)):
            element.remove(old)
    if props.created is not None:
        core.created = props.created.replace(tzinfo=None)
        core.modified = props.created.replace(tzinfo=None)
    _set_app_properties(document, statistics=statistics)


PROPERTY_LIMIT = 255
"""python-docx refuses a core property longer than this (a district plan's title listing
eleven Comuni reaches it): the property is cut with an ellipsis, the document's own text
stays whole."""


def _property(text: str) -> str:
    value = clean(text)
    if len(value) <= PROPERTY_LIMIT:
        return value
    return value[: PROPERTY_LIMIT - 1].rstrip() + "…"


_STATISTICS = (
    "TotalTime",
    "Pages",
    "Words",
    "Characters",
    "Lines",
    "Paragraphs",
    "CharactersWithSpaces",
)


def _set_app_properties(document: Document, *, statistics: bool = True) -> None:
    """docProps/app.xml: the application name instead of a stale Word version."""
    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            part = rel.target_part
            root = parse_xml(part.blob)
            ns = {"ep": root.nsmap.get(None, "")}
            stale = _STATISTICS if statistics else ("TotalTime",)
            for name in stale:
                for old in root.findall(f"ep:{name}", ns):
                    root.remove(old)
            app = root.find("ep:Application", ns)
            if app is not None:
                app.text = "incas"
            part._blob = serialize_part_xml(root)


def set_update_fields(document: Document, on: bool) -> None:
    """``w:updateFields`` in settings.xml: Word refreshes the table of contents on open."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    if not on:
        return
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    for name in _AFTER_UPDATE_FIELDS:
        following = settings.find(qn(f"w:{name}"))
        if following is not None:
            following.addprevious(flag)
            return
    settings.append(flag)


# --- bytes -------------------------------------------------------------------------------


def save(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())


def normalize_zip(data: bytes) -> bytes:
    """The same zip with fixed entry dates and permissions, ``[Content_Types].xml`` first
    and the other entries sorted: identical content gives identical bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    names = sorted(entries, key=lambda n: (n != _CONTENT_TYPES, n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name in names:
            target.writestr(entry_info(name), entries[name], compresslevel=ZIP_LEVEL)
    return out.getvalue()


ZIP_LEVEL = 6
"""zlib's default level: an entry written in pieces (``ZipFile.open(info, "w")``, which
takes no level) is compressed to the same bytes."""


def entry_info(name: str) -> zipfile.ZipInfo:
    """The zip entry of ``name`` as :func:`normalize_zip` writes it: a fixed date,
    permissions and system, deflated."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info


def reapply(
    data: bytes, props: Properties, *, update_fields: bool, written: bytes | None = None
) -> bytes:
    """Language, properties and settings again on a .docx another program rewrote; with
    ``written`` (the docx as incas wrote it), the titles and descriptions of its tables
    too (:func:`restore_table_titles`).

    The page count the office suite recorded in docProps/app.xml is kept.
    """
    from docx import Document as open_document

    document = open_document(io.BytesIO(data))
    if written is not None:
        restore_table_titles(document, open_document(io.BytesIO(written)))
    set_language(document)
    set_properties(document, props, statistics=False)
    set_update_fields(document, update_fields)
    return save(document)


_TABLE_TITLES = ("w:tblCaption", "w:tblDescription")


def restore_table_titles(document: Document, written: Document) -> None:
    """The title and description of each table of ``written`` (``w:tblCaption``,
    ``w:tblDescription``: what a screen reader announces) put back on the same table of
    ``document``, which LibreOffice rewrote (its index pass drops both); tables matched by
    order, nothing done unless both bodies hold as many tables."""
    from copy import deepcopy

    ours = list(written.element.body.iterchildren(qn("w:tbl")))
    theirs = list(document.element.body.iterchildren(qn("w:tbl")))
    if len(ours) != len(theirs):
        return
    for source, target in zip(ours, theirs, strict=True):
        found = source.tblPr
        titles = [found.find(qn(tag)) for tag in _TABLE_TITLES] if found is not None else []
        titles = [t for t in titles if t is not None]
        if not titles:
            continue
        tbl_pr = target.tblPr
        for tag in _TABLE_TITLES:
            old = tbl_pr.find(qn(tag))
            if old is not None:
                tbl_pr.remove(old)
        change = tbl_pr.find(qn("w:tblPrChange"))  # the only child after the two
        for title in titles:
            if change is not None:
                change.addprevious(deepcopy(title))
            else:
                tbl_pr.append(deepcopy(title))


def break_before_tables(data: bytes, indices: Collection[int], *, tables: int) -> bytes:
    """``data`` with the body's tables numbered ``indices`` (0-based, in document order)
    each starting a page: a page break before the paragraph right before the table (its
    caption, or the heading of a card), else before the table's first paragraph.
    Unchanged unless the body holds ``tables`` tables (those the indices count).

    For the PDF only, when LibreOffice lost a table's rows (see
    :func:`~incas_cli.publish.pdf.unplaced_tables`): at the top of a page the table lays
    out whole."""
    from docx import Document as open_document

    document = open_document(io.BytesIO(data))
    found = list(document.element.body.iterchildren(qn("w:tbl")))
    if len(found) != tables:
        return data
    for index in sorted(set(indices)):
        table = found[index]
        before = table.getprevious()
        if before is None or before.tag != qn("w:p"):
            before = table.find(f".//{qn('w:p')}")
        if before is not None:
            before.get_or_add_pPr().pageBreakBefore_val = True
    return save(document)


_PAGES = re.compile(rb"<(?:\w+:)?Pages>(\d+)</(?:\w+:)?Pages>")
_ODF_PAGES = re.compile(rb'meta:page-count="(\d+)"')
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_count(document: bytes, fmt: str) -> int | None:
    """Pages recorded by an office suite (docProps/app.xml, meta.xml) or counted in a PDF."""
    if fmt == "pdf":
        found = len(_PDF_PAGE.findall(document))
        return found or None
    name, pattern = ("docProps/app.xml", _PAGES) if fmt == "docx" else ("meta.xml", _ODF_PAGES)
    try:
        with zipfile.ZipFile(io.BytesIO(document)) as z:
            match = pattern.search(z.read(name))
    except (KeyError, zipfile.BadZipFile):
        return None
    return int(match.group(1)) if match else None


__all__ = [
    "clean",
    "entry_info",
    "normalize_zip",
    "reapply",
    "save",
    "set_language",
    "set_properties",
    "set_styles_language",
    "set_update_fields",
]
