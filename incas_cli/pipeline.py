"""One way from a document to a file: ``produce_document(document, target) -> Produced``.

Every document incas makes goes through :func:`produce_document`: the plan (``plan
render`` and ``plan build`` through :func:`produce`, so the same plan and target give the
same document whichever command asked for it), and the documents that come later (the
monitoring report, the comparison of plans), which only need an outline that builds a
:class:`~incas_cli.document.model.Document`:

1. the docx from the docx writer (on the template; a document with an index asks Word to
   refresh it, one without, such as the diff annex, is final as written);
2. a docx gets the index pass: LibreOffice fills the table of contents with entries and
   page numbers, then the document's properties are put back (LibreOffice rewrites them).
   Without LibreOffice, or with ``toc_update`` off, the docx asks Word to refresh the
   index when it is opened (``toc_pending``). If LibreOffice is installed but fails, the
   docx is still produced that way, with a warning saying why;
3. PDF and ODT are converted by LibreOffice, which refreshes the indexes and sets the
   properties itself; for these LibreOffice is required. The PDF's structure tree gets
   what LibreOffice cannot tag from the document (row headers, captions, the words of
   symbols: :func:`incas_cli.publish.pdf.document_tags`). A table whose rows LibreOffice
   lost (a row without content in the structure tree) is laid out again from the top of
   a page (:func:`_rows_restored`).

Expected failures are ``IncasError``s. Nothing here prints: warnings come back in
:class:`Produced` for the caller to show. Imports are light; the work loads on first call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from incas_cli.document.model import Document, Properties
    from incas_cli.models import Plan
    from incas_cli.render import ChangeEntry, Edition

__all__ = [
    "COMPARE_FORMATS",
    "FORMATS",
    "OFFICE_TIMEOUT",
    "CompareFormat",
    "Format",
    "Notice",
    "Produced",
    "Target",
    "check_target",
    "convert_docx",
    "produce",
    "produce_document",
    "warm_office",
]

Format = Literal["docx", "odt", "pdf"]
FORMATS: tuple[Format, ...] = ("docx", "odt", "pdf")
CompareFormat = Literal["docx", "pdf", "odt", "xlsx"]
COMPARE_FORMATS: tuple[CompareFormat, ...] = ("docx", "pdf", "odt", "xlsx")
"""``plan compare``'s formats: the document's, and a workbook of the same tables (here, not
in :mod:`incas_cli.compare`, so that ``incas --help`` lists them without loading it)."""
OFFICE_TIMEOUT = 180.0
"""Seconds LibreOffice may take for one document (index pass or conversion)."""


@dataclass(frozen=True)
class Target:
    """What to make of a plan. The defaults are those of ``plan render`` and ``plan build``."""

    format: Format = "docx"
    edition: Edition = "pubblica"
    template: Path | None = None
    """A Comune's own reference .docx (letterhead, styles); None: the one incas ships."""
    changelog: Sequence[ChangeEntry] = ()
    """Rows of the "Registro delle versioni" annex; the annex appears only when non-empty."""
    toc_update: bool = True
    """Fill the table of contents of a docx with LibreOffice when it is installed (PDF and
    ODT always have it filled: LibreOffice makes them)."""
    timeout: float = OFFICE_TIMEOUT


@dataclass(frozen=True)
class Notice:
    """A warning for the caller to show: the document was produced, but not as asked."""

    message: str
    hint: str


@dataclass(frozen=True)
class Produced:
    """A document's bytes and what the reader should know about them."""

    data: bytes
    format: Format
    toc_pending: bool
    """The index is left for the word processor to fill when the document is opened."""
    warnings: tuple[Notice, ...] = ()


def check_target(target: Target) -> tuple[Notice, ...]:
    """Fail before any plan is read if ``target`` cannot be produced here: a template that
    is missing, unusable or over a size limit (``InputError``), PDF or ODT without
    LibreOffice (``ExternalToolError``). Returns what the caller should say once: what was
    dropped from the template (macros, external links, oversized images)."""
    notices: tuple[Notice, ...] = ()
    if target.template is not None:
        from incas_cli.messages import template as msg
        from incas_cli.writers.template import check_template

        dropped = check_template(target.template)
        if dropped:
            items = "; ".join(dropped)
            text = msg.TEMPLATE_CLEANED.format(name=target.template.name, items=items)
            notices = (Notice(text, msg.TEMPLATE_CLEANED_HINT),)
    if target.format != "docx":
        _require_office(target.format)
    return notices


def warm_office(target: Target) -> None:
    """Start LibreOffice now if ``target`` needs it and a session is open
    (:func:`incas_cli.publish.office_session`): it comes up while the plan is read,
    checked and written, instead of after. Does nothing otherwise."""
    if target.format == "docx" and not target.toc_update:
        return
    from incas_cli.publish.session import current_session

    session = current_session()
    if session is not None:
        session.prestart(timeout=target.timeout)


def produce(plan: Plan, target: Target) -> Produced:
    """The document of a checked ``plan`` as ``target`` says; see the module's docstring."""
    from incas_cli.render import plan_document

    document = plan_document(plan, edition=target.edition, changelog=target.changelog)
    return produce_document(document, target)


def produce_document(document: Document, target: Target) -> Produced:
    """Any ``document`` as ``target`` says (its edition and changelog belong to the
    outline that built it); see the module's docstring."""
    from incas_cli.document.model import Toc, walk
    from incas_cli.writers.docx import write_docx

    # only a document with an index needs Word to refresh fields, or the index pass
    has_index = any(isinstance(block, Toc) for block in walk(document.blocks))
    docx = write_docx(document, template=target.template, update_fields=has_index)
    if target.format != "docx":
        return Produced(convert_docx(docx, document, target), target.format, False)
    if not has_index:
        return Produced(docx, "docx", toc_pending=False)
    if not target.toc_update or not _office_available():
        return Produced(docx, "docx", toc_pending=True)
    return _index_pass(docx, document.properties, target.timeout)


def _office_available() -> bool:
    from incas_cli.publish import libreoffice_available

    return libreoffice_available()


def _require_office(fmt: Format) -> None:
    """LibreOffice and its Python module (python3-uno), each named when it is missing."""
    if _office_available():
        return
    from incas_cli.errors import ExternalToolError
    from incas_cli.messages import render as msg
    from incas_cli.publish import find_soffice, find_uno_python

    soffice = find_soffice()
    if soffice is not None and find_uno_python(soffice) is None:
        raise ExternalToolError(
            msg.RENDER_NEEDS_UNO.format(format=fmt, soffice=soffice),
            hint=msg.RENDER_NEEDS_UNO_HINT,
        )
    raise ExternalToolError(
        msg.RENDER_NEEDS_LIBREOFFICE.format(format=fmt), hint=msg.RENDER_NEEDS_LIBREOFFICE_HINT
    )


def _index_pass(docx: bytes, properties: Properties, timeout: float) -> Produced:
    """The table of contents filled by LibreOffice; on failure the docx as rendered (Word
    fills the index on open) and a warning that says why."""
    from incas_cli.errors import ExternalToolError
    from incas_cli.publish import update_indexes
    from incas_cli.writers.package import reapply

    try:
        refreshed = update_indexes(docx, timeout=timeout)
    except ExternalToolError as err:
        from incas_cli.messages import render as msg

        notice = Notice(
            msg.RENDER_TOC_FALLBACK.format(detail=_sentence(err.message)),
            msg.RENDER_TOC_FALLBACK_HINT,
        )
        return Produced(docx, "docx", toc_pending=True, warnings=(notice,))
    refreshed = reapply(refreshed, properties, update_fields=False, written=docx)
    return Produced(refreshed, "docx", False)


def convert_docx(docx: bytes, document: Document, target: Target) -> bytes:
    """A docx of ``document`` (from :func:`produce_document`, possibly completed by its
    caller) as ``target``'s PDF or ODT."""
    from incas_cli.publish import convert

    _require_office(target.format)
    fmt: Literal["pdf", "odt"] = "pdf" if target.format == "pdf" else "odt"
    tags = None
    if fmt == "pdf":
        from incas_cli.publish.pdf import document_tags

        tags = document_tags(document)
    properties = document.properties

    def converted(source: bytes) -> bytes:
        return convert(
            source,
            fmt,
            title=properties.title,
            subject=properties.subject,
            keywords=list(properties.keywords),
            author=properties.author,
            timeout=target.timeout,
            tags=tags,
        )

    result = converted(docx)
    if fmt == "pdf":
        result = _rows_restored(result, docx, converted)
    return result


RELAYOUT_ATTEMPTS = 3
"""How many times a PDF whose tables lost rows is laid out again (each time one more
table, or the same, starts a page)."""


def _rows_restored(pdf: bytes, docx: bytes, converted: Callable[[bytes], bytes]) -> bytes:
    """``pdf`` again, from ``docx`` with a page break before each table whose rows
    LibreOffice lost (:func:`~incas_cli.publish.pdf.unplaced_tables`), until none is lost
    or :data:`RELAYOUT_ATTEMPTS` layouts; the first ``pdf`` when nothing was lost."""
    from incas_cli.publish.pdf import unplaced_tables
    from incas_cli.writers.package import break_before_tables

    moved: set[int] = set()
    for _ in range(RELAYOUT_ATTEMPTS):
        lost, count = unplaced_tables(pdf)
        if not lost or moved.issuperset(lost):
            return pdf
        moved.update(lost)
        source = break_before_tables(docx, moved, tables=count)
        if source == docx:
            return pdf  # the docx holds other tables than the PDF: nothing to move
        pdf = converted(source)
    return pdf


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."
