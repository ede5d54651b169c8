"""Making LibreOffice's zip packages (docx, odt) reproducible.

LibreOffice stamps the clock and per-session random numbers into what it stores: zip
entry times, the modification date, the numbers of the bookmarks it puts on headings
(``__RefHeading___Toc110_3335673981``: the suffix differs at every start, the number
grows with every document one office converts), the ``xml:id`` of
lists in ODT and the ``Rsid`` of the session. The same input must give the same bytes,
so these are rewritten here after the conversion, without touching the content. (The
PDF's are fixed in :mod:`incas_cli.publish.pdf`.)"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

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
