"""LibreOffice, and only here: table of contents, PDF/A and ODT.

python-docx cannot compute a table of contents and ``soffice --convert-to`` does not
refresh indexes, so every operation goes through LibreOffice's UNO API, driven by
``uno_worker.py`` running under the Python that has python3-uno (on Debian the system
``/usr/bin/python3``, not the project's interpreter), under a time limit. Inside
``with office_session():`` every call of the process goes to one headless LibreOffice
kept warm for the block (see ``session.py``); outside, each call starts its own. Either
way it runs with a private temporary profile, one document at a time.

- ``update_indexes(docx)``: the same docx with the table of contents filled in (entries
  and page numbers). The original core properties are put back and the package is
  made reproducible (see ``package.py``).
- ``convert(docx, "pdf" | "odt", title=...)``: indexes refreshed, properties (title,
  subject, author, keywords, language) set again because LibreOffice resets them on a
  round trip, then stored as ODT (with the tables' titles and descriptions, which
  LibreOffice drops) or as tagged PDF/A-2b (PDF/UA) with bookmarks; the
  PDF's structure tree is completed from the document (row headers, captions, the words
  of symbols) and its clock stamps replaced, all in ``pdf.py``.

The ``docx`` output of incas never needs any of this. Missing LibreOffice, a failure
or a hang raise ``ExternalToolError`` with an Italian message saying what to do.

Known limit: LibreOffice 7 writes the clock into the PDF and has no
``SOURCE_DATE_EPOCH``; the Info and XMP dates and the file identifier are rewritten
(``pdf.py``), the colour profile's is not: PDF bytes are therefore not reproducible, their
text and structure are. ODT and docx are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from incas_cli.publish.office import (
    Job,
    find_soffice,
    find_uno_python,
    libreoffice_available,
    run_job,
)
from incas_cli.publish.package import (
    docx_modified,
    normalize_docx,
    normalize_odt,
    odt_table_titles,
)
from incas_cli.publish.session import OfficeSession, office_session

if TYPE_CHECKING:
    from incas_cli.publish.pdf import Tags

__all__ = [
    "PDF_FILTER_DATA",
    "OfficeSession",
    "convert",
    "extract_text",
    "find_soffice",
    "find_uno_python",
    "libreoffice_available",
    "office_session",
    "update_indexes",
]

#: Export options for a tagged PDF/A-2b that also claims PDF/UA.
PDF_FILTER_DATA: dict[str, Any] = {
    "SelectPdfVersion": 2,  # PDF/A-2b
    "UseTaggedPDF": True,
    "PDFUACompliance": True,
    "ExportBookmarks": True,
    "ExportNotes": False,
    "DisplayPDFDocTitle": True,  # PDF/UA: viewers show the title, not the file name
    "InitialView": 1,  # open with the bookmarks panel
}

_FILTERS = {
    "pdf": ("writer_pdf_Export", ".pdf"),
    "odt": ("writer8", ".odt"),
}


def update_indexes(docx: bytes, *, timeout: float = 120.0) -> bytes:
    """Fill the table of contents (with page numbers) of a docx through LibreOffice."""
    stored = run_job(
        Job(
            source=docx,
            source_suffix=".docx",
            target_format="docx",
            target_suffix=".docx",
            filter_name="MS Word 2007 XML",
            timeout=timeout,
        )
    )
    return normalize_docx(stored, docx)


def convert(
    docx: bytes,
    fmt: Literal["pdf", "odt"],
    *,
    title: str,
    language: str = "it-IT",
    subject: str | None = None,
    keywords: Sequence[str] = (),
    author: str | None = None,
    timeout: float = 180.0,
    tags: Tags | None = None,
) -> bytes:
    """A docx as PDF/A-2b (tagged) or ODT, with indexes refreshed and properties set.

    ``tags`` (:func:`~incas_cli.publish.pdf.document_tags` of the document the docx was
    written from) completes the PDF's structure tree: row headers, captions, the words of
    symbols (see :mod:`~incas_cli.publish.pdf`); without it the tree is LibreOffice's.
    """
    if fmt not in _FILTERS:
        raise ValueError(f"unsupported format: {fmt!r}")
    filter_name, suffix = _FILTERS[fmt]
    stored = run_job(
        Job(
            source=docx,
            source_suffix=".docx",
            target_format=fmt,
            target_suffix=suffix,
            filter_name=filter_name,
            timeout=timeout,
            filter_data=dict(PDF_FILTER_DATA) if fmt == "pdf" else {},
            properties={
                "title": title,
                "subject": subject,
                "author": author,
                "keywords": list(keywords),
                "language": language,
            },
        )
    )
    if fmt == "odt":
        return odt_table_titles(normalize_odt(stored, docx_modified(docx)), docx)
    from incas_cli.publish.pdf import finish_pdf

    return finish_pdf(stored, docx_modified(docx), tags)


def extract_text(document: bytes, *, suffix: str = ".odt", timeout: float = 120.0) -> str:
    """The plain text of a document as LibreOffice reads it (UTF-8), e.g. to check an ODT."""
    stored = run_job(
        Job(
            source=document,
            source_suffix=suffix,
            target_format="txt",
            target_suffix=".txt",
            filter_name="Text (encoded)",
            filter_options="UTF8,LF",
            timeout=timeout,
            update_indexes=False,
        )
    )
    return stored.decode("utf-8-sig")
