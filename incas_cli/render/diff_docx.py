"""``incas plan diff --docx``: the comparison of two versions as a short Word annex.

What it says comes from :func:`incas_cli.document.diff_annex.diff_document`; the docx
writer lays it out on the styles of ``templates/reference.docx`` (A4, Italian, accessible
tables), written atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from incas_cli.diff import PlanDiff, ReportSection
    from incas_cli.models import Plan


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
    from incas_cli.document.diff_annex import diff_document
    from incas_cli.writers.docx import write_docx

    document = diff_document(
        diff, old, new, old_name=old_name, new_name=new_name, sections=sections
    )
    return write_docx(document, template=None, update_fields=False)


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
