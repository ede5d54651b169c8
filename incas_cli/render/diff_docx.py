"""``incas plan diff --docx``: the comparison of two versions as a short Word annex.

The same sections and tables as the terminal (``incas_cli.diff.report``), on the styles
of ``templates/reference.docx`` (A4, Italian, accessible tables: a header row that
repeats on every page, rows that do not split, no merged cells), with core properties
taken from the plans and never from the clock, written atomically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Cm

from incas_cli.messages import diff as msg
from incas_cli.writers import package
from incas_cli.writers import styles as st

if TYPE_CHECKING:
    from docx.document import Document

    from incas_cli.diff import PlanDiff, ReportSection, ReportTable
    from incas_cli.models import Plan
    from incas_cli.render.view import Properties

_TEXT_WIDTH_CM = 16.0
_NUMERIC_CM = 3.2
_CODE_CM = 3.0


def _base() -> Document:
    """The reference document's styles and page, with an empty body."""
    from incas_cli.writers.template import load_base

    return load_base(None)


def _has_style(document: Document, name: str) -> bool:
    return any(s.name == name for s in document.styles)


def _paragraph_style(document: Document, name: str, fallback: str = st.NORMAL) -> str:
    return name if _has_style(document, name) else fallback


def _mark_header(row_element: object) -> None:
    tr_pr = row_element.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:cantSplit"))
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _keep_rows_whole(row_element: object) -> None:
    row_element.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # type: ignore[attr-defined]


def _widths(table: ReportTable) -> list[float]:
    count = len(table.columns)
    widths: list[float | None] = [None] * count
    for i in table.numeric:
        widths[i] = _NUMERIC_CM
    if table.columns[0] in (msg.COL_ID, msg.COL_FIELD):
        widths[0] = _CODE_CM
    fixed = sum(w for w in widths if w is not None)
    free = [i for i, w in enumerate(widths) if w is None]
    share = (_TEXT_WIDTH_CM - fixed) / len(free) if free else 0.0
    return [w if w is not None else share for w in widths]


def _add_table(document: Document, spec: ReportTable) -> None:
    rows = [*spec.rows, *([spec.total] if spec.total else [])]
    table = document.add_table(rows=1 + len(rows), cols=len(spec.columns))
    if _has_style(document, st.TABLE):
        table.style = document.styles[st.TABLE]
    elif _has_style(document, "Table Grid"):
        table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    heading = _paragraph_style(document, st.TABLE_HEADING)
    body = _paragraph_style(document, st.TABLE_TEXT)
    widths = _widths(spec)
    for r, values in enumerate([spec.columns, *rows]):
        row = table.rows[r]
        if r == 0:
            _mark_header(row._tr)
        else:
            _keep_rows_whole(row._tr)
        is_total = spec.total is not None and r == len(rows)
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.width = Cm(widths[c])
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles[heading if r == 0 else body]
            run = paragraph.add_run(package.clean(value))
            if is_total:
                run.bold = True
            if c in spec.numeric and r > 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _add_section(document: Document, section: ReportSection) -> None:
    document.add_paragraph(package.clean(section.title), style=st.HEADING[0])
    for text in section.paragraphs:
        document.add_paragraph(package.clean(text), style=st.NORMAL)
    bullet = _paragraph_style(document, st.LIST_BULLET)
    for text in section.bullets:
        document.add_paragraph(package.clean(text), style=bullet)
    for table in section.tables:
        if table.caption:
            document.add_paragraph(package.clean(table.caption), style=st.HEADING[1])
        _add_table(document, table)


def _properties(old: Plan, new: Plan, date: dt.date | None) -> Properties:
    from incas_cli.render.view import Properties

    comune = msg.COMUNE_OF.format(name=new.comune.name)
    old_version = old.plan.version or msg.VERSION_UNKNOWN
    new_version = new.plan.version or msg.VERSION_UNKNOWN
    created = dt.datetime(date.year, date.month, date.day) if date else None
    return Properties(
        title=msg.DOC_PROPERTY_TITLE.format(title=new.plan.title),
        subject=msg.DOC_SUBJECT.format(comune=new.comune.name),
        author=new.plan.office or comune,
        keywords=msg.DOC_KEYWORDS,
        category=msg.DOC_CATEGORY,
        comments=msg.DOC_COMMENTS.format(old_version=old_version, new_version=new_version),
        content_status=msg.STATUSES[new.effective_status],
        version=new.plan.version or "",
        created=created,
    )


def diff_docx(
    diff: PlanDiff,
    old: Plan,
    new: Plan,
    *,
    old_name: str,
    new_name: str,
    sections: Sequence[ReportSection] | None = None,
) -> bytes:
    """The annex as .docx bytes (identical for identical inputs)."""
    from incas_cli.diff import report, version_date

    document = _base()
    title_style = _paragraph_style(document, st.TITLE)
    document.add_paragraph(msg.DOC_TITLE, style=title_style)
    subtitle = msg.DOC_SUBTITLE.format(
        title=new.plan.title,
        old_version=old.plan.version or msg.VERSION_UNKNOWN,
        new_version=new.plan.version or msg.VERSION_UNKNOWN,
    )
    document.add_paragraph(package.clean(subtitle), style=_paragraph_style(document, st.SUBTITLE))
    files = msg.DOC_FILES.format(old=old_name, new=new_name)
    document.add_paragraph(package.clean(files), style=st.NORMAL)
    parts = report(diff) if sections is None else sections
    if not parts:
        document.add_paragraph(msg.NO_CHANGES.capitalize(), style=st.NORMAL)
    for section in parts:
        _add_section(document, section)
    package.set_language(document)
    package.set_properties(document, _properties(old, new, version_date(new)))
    return package.save(document)


def write_diff_docx(
    path: Path,
    diff: PlanDiff,
    old: Plan,
    new: Plan,
    *,
    old_name: str,
    new_name: str,
    force: bool = False,
) -> None:
    """Write the annex atomically; refuses to overwrite ``path`` unless ``force``."""
    from incas_cli.io import atomic_write_bytes

    data = diff_docx(diff, old, new, old_name=old_name, new_name=new_name)
    atomic_write_bytes(path, data, force=force)


__all__ = ["diff_docx", "write_diff_docx"]
