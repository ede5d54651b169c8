"""Every fix-up of LibreOffice's PDF, in one place: :func:`finish_pdf`.

LibreOffice 7.4 writes a tagged PDF/A-2b whose structure tree falls short of what the
document model says, and stamps the clock into it:

1. **Roles** (:func:`tag_structure`, with pikepdf, only when the caller gives the
   document's :class:`Tags`): the labels of a key-value card become row headers (``TH``
   with ``/Scope /Row``: LibreOffice makes a ``TH`` only of a repeated header row or of
   a paragraph in its own "Table Heading" style, always with ``/Scope /Column``); header
   rows are ``TH`` with ``/Scope /Column``; a table's caption becomes a ``Caption``, the
   table's first child as ISO 32000-1 (14.8.4.3.4) allows, and a figure's caption a
   ``Caption`` right after it (LibreOffice tags only its own "Caption" style so, not
   Word's ``caption``); a cell that holds only a symbol (●, ○, ◆, ▲) gets the words it
   stands for as ``/ActualText``, so a screen reader says "attiva", not "black circle".
   The tree is matched to the document's tables by order and shape: with another number
   of tables (or of figures) than the document has, none is touched; a table whose rows or
   cells do not match what the writer wrote is left as LibreOffice made it.
2. **Clock and escapes** (:func:`normalize_pdf`, in place): the plan's date instead of the
   clock in the document information and the XMP metadata, the XMP's text escaped once
   (7.4 writes ``dc:creator`` as ``l&amp;apos;immigrazione``), a file identifier made
   from the content. Values keep their length, so the cross-reference offsets stay valid.

The PDF/A identification and the rest of the XMP packet are kept as LibreOffice wrote
them; pikepdf (qpdf) rewrites the file without compressing, recompressing or moving
anything into object streams. pikepdf is imported only here, on the PDF path.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from incas_cli.document.model import Document, Table

__all__ = [
    "CellTag",
    "TableTags",
    "Tags",
    "document_tags",
    "finish_pdf",
    "normalize_pdf",
    "tag_structure",
    "unplaced_tables",
]

HeaderScope = Literal["Row", "Column"]


@dataclass(frozen=True)
class CellTag:
    """What one cell is: a header of its row or of its column (None: data), and the
    words a symbol stands for (None: the cell's text says what it is)."""

    scope: HeaderScope | None = None
    actual_text: str | None = None


DATA_CELL = CellTag()


@dataclass(frozen=True)
class TableTags:
    """One table as the writer wrote it: a caption paragraph right before it or not, and
    its rows (header row and total included) cell by cell."""

    caption: bool
    rows: tuple[tuple[CellTag, ...], ...]


@dataclass(frozen=True)
class Tags:
    """The roles LibreOffice cannot give, in the document's order: its tables, and how
    many pictures are followed by their caption."""

    tables: tuple[TableTags, ...] = ()
    figure_captions: int = 0


def document_tags(document: Document) -> Tags:
    """The :class:`Tags` of a document as the docx writer writes it: every table in
    reading order (annexes last, a figure's data table after its picture), header rows
    as column headers, the labels of a table with ``row_headers`` as row headers (not the
    total's), a :class:`~incas_cli.document.model.Mark` as the words it stands for."""
    from incas_cli.document.model import Figure, Table, walk

    tables: list[TableTags] = []
    figures = 0
    for block in walk([*document.blocks, *document.annexes]):
        if isinstance(block, Table):
            tables.append(_table_tags(block))
        elif isinstance(block, Figure) and block.image is not None:
            figures += 1
    return Tags(tuple(tables), figures)


def _table_tags(table: Table) -> TableTags:
    from incas_cli.document.model import Mark

    rows: list[tuple[CellTag, ...]] = []
    if table.header_row:
        rows.append(tuple(CellTag("Column") for _ in table.columns))
    for row in table.rows:
        cells = []
        for index, cell in enumerate(row):
            scope: HeaderScope | None = "Row" if table.row_headers and index == 0 else None
            text = cell.text if isinstance(cell, Mark) else None
            cells.append(CellTag(scope, text) if scope or text else DATA_CELL)
        rows.append(tuple(cells))
    if table.total is not None:
        rows.append(tuple(DATA_CELL for _ in table.total))
    return TableTags(table.caption, tuple(rows))


def finish_pdf(stored: bytes, modified: bytes | None, tags: Tags | None = None) -> bytes:
    """LibreOffice's PDF with the roles of ``tags`` (when given), the plan's date and a
    content-based identifier; see the module's docstring."""
    if tags is not None and (tags.tables or tags.figure_captions):
        stored = tag_structure(stored, tags)
    return normalize_pdf(stored, modified)


# --- rows LibreOffice lost -------------------------------------------------------------


def unplaced_tables(data: bytes) -> tuple[tuple[int, ...], int]:
    """The tables of a tagged PDF (0-based, in document order) with a row that holds no
    content on any page, and how many tables there are.

    LibreOffice 7.4 can lose a table's rows: when a table whose first row keeps with the
    next (:func:`~incas_cli.writers.docx_table._keepers`) ends up exactly at the edge of
    fitting below a tall figure, the table shows its header and two rows and the rest is
    nowhere, neither in the page's text nor on a later page; its structure tree still has
    every row, the lost ones without marked content. Every row the writer writes holds
    text (a label at least), so a row without content is a lost one."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError:
        return (), 0
    with pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            return (), 0
        tables = list(_elements(root, "/Table"))
        lost = tuple(
            index
            for index, table in enumerate(tables)
            if any(not _has_content(row) for row in _children(table) if str(row.S) == "/TR")
        )
        return lost, len(tables)


def _has_content(element: Any) -> bool:
    """Whether marked content (an MCID, or a marked-content reference) lies under
    ``element``."""
    import pikepdf

    stack = [element]
    while stack:
        kids = stack.pop().get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                return True
            if isinstance(kid, pikepdf.Dictionary):
                if kid.get("/Type") == "/MCR":
                    return True
                if "/S" in kid:
                    stack.append(kid)
    return False


# --- roles -----------------------------------------------------------------------------

_GROUPS = frozenset({"/Document", "/Part", "/Art", "/Sect", "/Div", "/NonStruct"})
"""Grouping elements: a figure's caption follows the figure's paragraph inside one."""


def tag_structure(data: bytes, tags: Tags) -> bytes:
    """``data`` with its structure tree completed as ``tags`` say (see the module's
    docstring); unchanged when it has no structure tree or pikepdf cannot read it.

    The file goes through a private temporary folder: qpdf reads and writes a file in
    half the time it takes through a Python stream (and the PDF may hold the internal
    edition's contacts, so the folder is private and removed at once)."""
    import pikepdf

    from incas_cli.scratch import temp_dir

    folder = temp_dir("pdf")
    try:
        source, target = folder / "libreoffice.pdf", folder / "tagged.pdf"
        source.write_bytes(data)
        try:
            pdf = pikepdf.open(source)
        except pikepdf.PdfError:
            return data  # qpdf cannot read it: LibreOffice's tree, rather than no document
        with pdf:
            root = pdf.Root.get("/StructTreeRoot")
            if root is None:
                return data
            _retag(pdf, root, tags)
            pdf.save(
                target,
                compress_streams=False,
                object_stream_mode=pikepdf.ObjectStreamMode.preserve,
                fix_metadata_version=False,
            )
        return target.read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _retag(pdf: Any, root: Any, tags: Tags) -> None:
    import pikepdf

    role_map = root.get("/RoleMap")
    if role_map is not None and "/Title" in role_map:
        # the document's title (cover, comparison, report) is its first heading, not a
        # paragraph: PDF 1.7 has no Title element, so it reads as H1
        role_map["/Title"] = pikepdf.Name("/H1")
    roles = _role_map(root)
    tables = list(_elements(root, "/Table"))
    if len(tables) == len(tags.tables):
        for element, table in zip(tables, tags.tables, strict=True):
            _tag_table(pdf, element, table, roles)
    figures = list(_elements(root, "/Figure"))
    if len(figures) == tags.figure_captions:
        for figure in figures:
            _tag_figure_caption(pdf, figure, roles)


def _role_map(root: Any) -> dict[str, str]:
    role_map = root.get("/RoleMap")
    if role_map is None:
        return {}
    return {str(key): str(value) for key, value in role_map.items()}


def _standard(element: Any, roles: dict[str, str]) -> str:
    """The standard type of a structure element (its ``/S`` through the role map)."""
    kind = str(element.S)
    seen = {kind}
    while kind in roles and roles[kind] not in seen:
        kind = roles[kind]
        seen.add(kind)
    return kind


def _is_element(item: Any) -> bool:
    import pikepdf

    return isinstance(item, pikepdf.Dictionary) and "/S" in item


def _children(element: Any) -> list[Any]:
    """The structure elements among an element's kids (not its marked content)."""
    import pikepdf

    kids = element.get("/K")
    if isinstance(kids, pikepdf.Array):
        return [kid for kid in kids if _is_element(kid)]
    return [kids] if _is_element(kids) else []


def _elements(root: Any, kind: str) -> Iterator[Any]:
    """Elements whose ``/S`` is ``kind``, depth first in document order; not inside one
    (no table in a table, no figure in a figure)."""
    stack = list(reversed(_children(root)))
    while stack:
        element = stack.pop()
        if str(element.S) == kind:
            yield element
        else:
            stack.extend(reversed(_children(element)))


def _tag_table(pdf: Any, element: Any, table: TableTags, roles: dict[str, str]) -> None:
    rows = [row for row in _children(element) if str(row.S) == "/TR"]
    if len(rows) != len(table.rows):
        return
    cells = [[c for c in _children(row) if str(c.S) in ("/TD", "/TH")] for row in rows]
    if any(len(found) != len(row) for found, row in zip(cells, table.rows, strict=True)):
        return
    for found, row in zip(cells, table.rows, strict=True):
        for cell, tag in zip(found, row, strict=True):
            _tag_cell(pdf, cell, tag)
    if table.caption:
        _caption_into(pdf, element, roles)


def _tag_cell(pdf: Any, cell: Any, tag: CellTag) -> None:
    """A header (``TH`` with its scope) or a data cell (``TD``, no scope: LibreOffice makes
    the first row of every table a header row, a key-value card's too), and the words of
    a symbol on the paragraph that shows it."""
    import pikepdf

    cell.S = pikepdf.Name.TD if tag.scope is None else pikepdf.Name.TH
    _set_scope(cell, tag.scope)
    if tag.actual_text is not None:
        inner = _children(cell)
        target = inner[0] if len(inner) == 1 else cell
        target.ActualText = pikepdf.String(tag.actual_text)


def _set_scope(cell: Any, scope: HeaderScope | None) -> None:
    """``/Scope`` in the cell's ``/O /Table`` attributes (added when missing), or none."""
    import pikepdf

    attributes = cell.get("/A")
    if attributes is None:
        owners: list[Any] = []
    elif isinstance(attributes, pikepdf.Array):
        owners = list(attributes)
    else:
        owners = [attributes]
    kept = []
    placed = False
    for owner in owners:
        if isinstance(owner, pikepdf.Dictionary) and owner.get("/O") == "/Table":
            if scope is not None:
                owner.Scope = pikepdf.Name("/" + scope)
                placed = True
            elif "/Scope" in owner:
                del owner["/Scope"]
            if set(owner.keys()) == {"/O"}:
                continue
        kept.append(owner)
    if scope is not None and not placed:
        kept.append(pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name("/" + scope)))
    if not kept:
        if "/A" in cell:
            del cell["/A"]
    else:
        cell.A = kept[0] if len(kept) == 1 else pikepdf.Array(kept)


def _siblings(element: Any) -> tuple[Any, int] | None:
    """The ``/K`` array that holds ``element`` and its index there."""
    import pikepdf

    parent = element.get("/P")
    kids = parent.get("/K") if parent is not None else None
    if not isinstance(kids, pikepdf.Array) or not element.is_indirect:
        return None
    for index, kid in enumerate(kids):
        if _is_element(kid) and kid.is_indirect and kid.objgen == element.objgen:
            return kids, index
    return None


def _caption(pdf: Any, paragraph: Any, parent: Any) -> Any:
    """A Caption element (a grouping element, ISO 32000-1 table 334) under ``parent``
    holding ``paragraph``, which keeps its role and its layout attributes."""
    import pikepdf

    caption = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem,
            S=pikepdf.Name.Caption,
            P=parent,
            K=pikepdf.Array([paragraph]),
        )
    )
    if "/Pg" in paragraph:
        caption.Pg = paragraph.Pg
    paragraph.P = caption
    return caption


def _caption_into(pdf: Any, table: Any, roles: dict[str, str]) -> None:
    """The paragraph right before ``table`` (its caption), in a Caption that is the
    table's first child."""
    import pikepdf

    place = _siblings(table)
    if place is None or place[1] == 0:
        return
    kids, index = place
    paragraph = kids[index - 1]
    if not _is_element(paragraph) or _standard(paragraph, roles) != "/P":
        return
    del kids[index - 1]
    own = table.get("/K")
    rest = list(own) if isinstance(own, pikepdf.Array) else ([] if own is None else [own])
    # a new array: pikepdf 8's Array.insert refuses an indirect object
    table.K = pikepdf.Array([_caption(pdf, paragraph, table), *rest])


def _tag_figure_caption(pdf: Any, figure: Any, roles: dict[str, str]) -> None:
    """The paragraph right after the figure (or after the paragraph that anchors it), in
    a Caption in its place."""
    parent = figure.get("/P")
    holder = parent if _is_element(parent) and str(parent.S) not in _GROUPS else figure
    place = _siblings(holder)
    if place is None:
        return
    kids, index = place
    if index + 1 >= len(kids):
        return
    paragraph = kids[index + 1]
    if _is_element(paragraph) and _standard(paragraph, roles) == "/P":
        kids[index + 1] = _caption(pdf, paragraph, paragraph.P)


# --- clock and escapes -----------------------------------------------------------------

_PDF_INFO_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})")
_XMP_DATE = re.compile(
    rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)"
)
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")
_XMP_PACKET = re.compile(rb"(<\?xpacket begin=.*?)(<\?xpacket end=)", re.DOTALL)
_TWICE_ESCAPED = re.compile(rb"&amp;(apos|quot|amp|lt|gt);")


def _escape_once(match: re.Match[bytes]) -> bytes:
    """The XMP packet with LibreOffice's second escape undone (7.4 writes ``dc:creator`` as
    ``l&amp;apos;immigrazione``), padded with spaces to its length: XMP packets end in
    padding, so the stream's length and the cross-reference offsets stay valid."""
    packet = match.group(1)
    fixed = _TWICE_ESCAPED.sub(rb"&\1;", packet)
    if fixed == packet:
        return match.group(0)
    return fixed + b" " * (len(packet) - len(fixed)) + match.group(2)


def normalize_pdf(stored: bytes, modified: bytes | None) -> bytes:
    """LibreOffice's PDF with the plan's date instead of the clock, and a content-based ID.

    LibreOffice writes the current time into the document information, the XMP metadata
    and the file identifier, and escapes the XMP's text twice. Each is rewritten in place
    with a value of the same length, so the cross-reference offsets stay valid and no PDF
    library is needed.
    """
    stored = _XMP_PACKET.sub(_escape_once, stored)
    if modified is None or not re.fullmatch(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", modified):
        return stored
    digits = re.sub(rb"\D", b"", modified)
    data = _PDF_INFO_DATE.sub(lambda m: m.group(1) + digits, stored)
    data = _XMP_DATE.sub(lambda m: m.group(1) + modified, data)
    zeroed = _PDF_ID.sub(
        lambda m: m.group(0).replace(m.group(1), b"0" * 32).replace(m.group(2), b"0" * 32), data
    )
    digest = hashlib.md5(zeroed, usedforsecurity=False).hexdigest().upper().encode()
    return _PDF_ID.sub(
        lambda m: m.group(0).replace(m.group(1), digest).replace(m.group(2), digest), data
    )
