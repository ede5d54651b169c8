"""Making LibreOffice's zip packages (docx, odt) reproducible.

LibreOffice stamps the clock and per-session random numbers into what it stores: zip
entry times, the modification date, the numbers of the bookmarks it puts on headings
(``__RefHeading___Toc110_3335673981``: the suffix differs at every start, the number
grows with every document one office converts), the ``xml:id`` of
lists in ODT and the ``Rsid`` of the session. The same input must give the same bytes,
so these are rewritten here after the conversion, without touching the content. (The
PDF's are fixed in :mod:`incas_cli.publish.pdf`.)

One thing of the content is put back: the titles and descriptions of the tables, which
LibreOffice drops when it reads the docx (:func:`odt_table_titles`)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_REF_HEADING = re.compile(rb"__RefHeading___Toc(\d+)_(\d+)")
_RSID = re.compile(rb'(<config:config-item config:name="Rsid(?:Root)?" config:type="int">)\d+(<)')
_ODF_DATE = re.compile(rb"<dc:date>[^<]*</dc:date>")
_ODF_EDITING = re.compile(rb"<meta:editing-duration>[^<]*</meta:editing-duration>")
_ODF_CREATION = re.compile(rb"<meta:creation-date>([^<]*)</meta:creation-date>")
_OOXML_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]*)</dcterms:modified>")
_XML_ID = re.compile(rb'(?:xml:id|text:continue-list)="([^"]+)"')
_QUOTED_NAME = re.compile(rb'"([A-Za-z_][A-Za-z0-9_.-]*)"')
_TRAILING_DIGITS = re.compile(rb"\d+$")

CORE_XML = "docProps/core.xml"
_DOCUMENT_XML = "word/document.xml"
_CONTENT_XML = "content.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFFICE_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text"
_UI_CONFIG = "Configurations2/"


def _read(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def _write(entries: list[tuple[str, bytes]]) -> bytes:
    # LibreOffice stores the entries in an order that varies between runs, and adds an
    # empty ``Configurations2/accelerator/`` folder in some runs and not in others (under
    # load): empty folders of the UI configuration are dropped (the manifest names only
    # ``Configurations2/``), ``mimetype`` goes first (ODF wants it there), the rest by name.
    kept = [e for e in entries if not (e[0].startswith(_UI_CONFIG) and e[0].endswith("/"))]
    ordered = sorted(kept, key=lambda entry: (entry[0] != "mimetype", entry[0]))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, content in ordered:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            if name.endswith("/"):
                info.external_attr = (0o40755 << 16) | 0x10
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.external_attr = 0o644 << 16
                # ODF wants ``mimetype`` stored (uncompressed).
                stored = name == "mimetype"
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            zf.writestr(info, content)
    return buf.getvalue()


def _session_suffixes(parts: list[bytes]) -> Callable[[bytes], bytes]:
    """Replace the numbers of LibreOffice's heading bookmarks by their ranks of first
    appearance: the suffix is random per start, the number counts every bookmark that
    office has made (so it depends on the documents it converted before)."""
    numbers: dict[bytes, bytes] = {}
    suffixes: dict[bytes, bytes] = {}
    for part in parts:
        for match in _REF_HEADING.finditer(part):
            numbers.setdefault(match.group(1), str(len(numbers) + 1).encode())
            suffixes.setdefault(match.group(2), str(len(suffixes) + 1).encode())

    def fix(content: bytes) -> bytes:
        return _REF_HEADING.sub(
            lambda m: b"__RefHeading___Toc" + numbers[m.group(1)] + b"_" + suffixes[m.group(2)],
            content,
        )

    return fix


def _xml_ids(parts: list[bytes]) -> Callable[[bytes], bytes]:
    """Replace LibreOffice's random list ids (``xml:id="list1557904509"``, and the
    ``text:continue-list`` that refer to them) by ``list-1``, ``list-2``... in order of
    first appearance, everywhere they occur."""
    ranks: dict[bytes, bytes] = {}
    for part in parts:
        for match in _XML_ID.finditer(part):
            value = match.group(1)
            if value not in ranks:
                prefix = _TRAILING_DIGITS.sub(b"", value) or b"id"
                ranks[value] = prefix + b"-" + str(len(ranks) + 1).encode()

    def fix(content: bytes) -> bytes:
        if not ranks:
            return content
        return _QUOTED_NAME.sub(lambda m: b'"' + ranks.get(m.group(1), m.group(1)) + b'"', content)

    return fix


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def normalize_docx(stored: bytes, original: bytes) -> bytes:
    """LibreOffice's docx with the original core properties and no clock or session data."""
    entries = _read(stored)
    originals = dict((info.filename, content) for info, content in _read(original))
    fix = _session_suffixes([c for i, c in entries if _is_xml(i.filename)])
    out: list[tuple[str, bytes]] = []
    for info, content in entries:
        if info.filename == CORE_XML and CORE_XML in originals:
            content = originals[CORE_XML]
        elif _is_xml(info.filename):
            content = fix(content)
        out.append((info.filename, content))
    return _write(out)


def docx_modified(docx: bytes) -> bytes | None:
    """``dcterms:modified`` of a docx (as written by the renderer), if any."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as zf:
            core = zf.read(CORE_XML)
    except (KeyError, zipfile.BadZipFile):
        return None
    match = _OOXML_MODIFIED.search(core)
    return match.group(1).rstrip(b"Z") if match else None


def normalize_odt(stored: bytes, modified: bytes | None) -> bytes:
    """LibreOffice's ODT with a fixed modification date and no clock or session data."""
    entries = _read(stored)
    xml_parts = [c for i, c in entries if _is_xml(i.filename)]
    fix_suffixes, fix_ids = _session_suffixes(xml_parts), _xml_ids(xml_parts)
    out: list[tuple[str, bytes]] = []
    for info, content in entries:
        name = info.filename
        if name == "meta.xml":
            date = modified
            if date is None:
                creation = _ODF_CREATION.search(content)
                date = creation.group(1) if creation else None
            replacement = b"" if date is None else b"<dc:date>" + date + b"</dc:date>"
            content = _ODF_DATE.sub(replacement, content)
            # the seconds the conversion took (PT1S on a busy machine, else P0D)
            content = _ODF_EDITING.sub(
                b"<meta:editing-duration>P0D</meta:editing-duration>", content
            )
        elif name == "settings.xml":
            content = _RSID.sub(rb"\g<1>1\g<2>", content)
        if _is_xml(name):
            content = fix_ids(fix_suffixes(content))
        out.append((name, content))
    return _write(out)


def odt_table_titles(odt: bytes, docx: bytes) -> bytes:
    """``odt`` (LibreOffice's conversion of ``docx``) with the title and description of
    each table of the docx (``w:tblCaption``, ``w:tblDescription``: what a screen reader
    announces) as ``<table:title>`` and ``<table:desc>`` of the same table, the first
    children of ``<table:table>`` as ODF 1.2 orders them. Tables are matched by order, as
    :func:`incas_cli.writers.package.restore_table_titles` matches them: the body's tables
    of the docx, those of the ODT's text that are not inside another table; ``odt`` is
    returned unchanged unless both hold as many tables and one has a title.

    The elements are inserted into LibreOffice's bytes, the rest of ``content.xml`` is
    left as it was written (a parser would write it back with other escapes)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        body = etree.fromstring(zf.read(_DOCUMENT_XML), parser).find(f"{_W}body")
    ours = [] if body is None else [_word_titles(tbl) for tbl in body.iterchildren(f"{_W}tbl")]
    if not any(title or desc for title, desc in ours):
        return odt
    entries = [(info.filename, data) for info, data in _read(odt)]
    names = [name for name, _ in entries]
    if _CONTENT_XML not in names:
        return odt
    index = names.index(_CONTENT_XML)
    content = entries[index][1]
    root = etree.fromstring(content, parser)
    if root.nsmap.get("table") != _TABLE_NS:
        return odt
    tables = list(root.iter(f"{{{_TABLE_NS}}}table"))  # every table, in document order
    starts = list(_TABLE_START.finditer(content))  # their start tags, in the same order
    outermost = [n for n, table in enumerate(tables) if _in_text_outermost(table)]
    if len(starts) != len(tables) or len(outermost) != len(ours):
        return odt
    pieces: list[bytes] = []
    done = 0
    for n, (title, desc) in zip(outermost, ours, strict=True):
        added = _odf_text(b"title", title) + _odf_text(b"desc", desc)
        if not added:
            continue
        end = starts[n].end()
        pieces += [content[done:end], added]
        done = end
    entries[index] = (_CONTENT_XML, b"".join([*pieces, content[done:]]))
    return _write(entries)


_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TABLE_START = re.compile(rb'<table:table(?:\s+[\w.:-]+="[^"]*")*\s*>')
"""The start tag of a ``table:table`` as LibreOffice writes it (attributes in double
quotes; an empty ``<table:table/>`` is no table of the text)."""


def _word_titles(tbl: Any) -> tuple[str, str]:
    """The ``w:tblCaption`` and ``w:tblDescription`` of a docx table ("" when absent)."""
    values = []
    for tag in ("tblCaption", "tblDescription"):
        found = tbl.find(f"{_W}tblPr/{_W}{tag}")
        values.append("" if found is None else found.get(f"{_W}val", ""))
    return values[0], values[1]


def _in_text_outermost(table: Any) -> bool:
    """A table of the document's text (``office:text``), not inside another table."""
    ancestors = [a.tag for a in table.iterancestors()]
    return _OFFICE_TEXT in ancestors and f"{{{_TABLE_NS}}}table" not in ancestors


def _odf_text(tag: bytes, value: str) -> bytes:
    if not value:
        return b""
    from xml.sax.saxutils import escape

    return b"<table:" + tag + b">" + escape(value).encode() + b"</table:" + tag + b">"
