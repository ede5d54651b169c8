"""The Word document of a plan: ``render_docx`` and ``write_docx``.

The pipeline: :func:`plan_document` (the outline, :mod:`incas_cli.document.outline`) turns
plan + catalogue into a :class:`~incas_cli.document.model.Document`, everything the
document says in Italian; :func:`incas_cli.writers.docx.write_docx` lays it out with
python-docx on top of ``templates/reference.docx`` (or a Comune's own template), in
deterministic bytes. :mod:`incas_cli.pipeline` turns it into the file asked for (index
pass, PDF/ODT, properties set again after LibreOffice).

This module imports nothing heavy: python-docx, jinja2 and Babel load on the first render.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.document.model import Document
    from incas_cli.models import Plan

__all__ = [
    "EDITIONS",
    "ChangeEntry",
    "Edition",
    "RenderOptions",
    "page_count",
    "plan_document",
    "render_docx",
    "write_docx",
]

Edition = Literal["pubblica", "interna"]
EDITIONS: tuple[Edition, ...] = ("pubblica", "interna")


@dataclass(frozen=True)
class ChangeEntry:
    """One row of the optional "Registro delle versioni" annex."""

    version: str | None
    date: dt.date | None
    summary: tuple[str, ...] = ()


@dataclass(frozen=True)
class RenderOptions:
    """How to render: edition, the template with the styles, the version history."""

    edition: Edition = "pubblica"
    template: Path | None = None
    """A Comune's own reference .docx (styles, letterhead); None: ``templates/reference.docx``."""
    changelog: Sequence[ChangeEntry] = ()
    """Rows of the "Registro delle versioni" annex; the annex appears only when non-empty."""
    update_fields_on_open: bool = True
    """Ask Word to refresh the table of contents on open (off once LibreOffice filled it)."""


def plan_document(
    plan: Plan,
    catalog: Catalog | None = None,
    *,
    edition: Edition = "pubblica",
    changelog: Sequence[ChangeEntry] = (),
) -> Document:
    """What the document of ``plan`` says, as blocks (for any writer)."""
    from incas_cli.document.outline import plan_document as outline

    if catalog is None:
        from incas_cli.catalog import load_catalog

        catalog = load_catalog()
    return outline(plan, catalog, edition=edition, changelog=changelog)


def render_docx(
    plan: Plan, options: RenderOptions = RenderOptions(), *, catalog: Catalog | None = None
) -> bytes:
    """The .docx of ``plan``: identical bytes for the same plan, options and template."""
    from incas_cli.writers.docx import write_docx as write

    document = plan_document(plan, catalog, edition=options.edition, changelog=options.changelog)
    return write(document, template=options.template, update_fields=options.update_fields_on_open)


def write_docx(
    plan: Plan,
    output: Path,
    options: RenderOptions = RenderOptions(),
    *,
    force: bool = False,
    catalog: Catalog | None = None,
) -> None:
    """Render and write atomically; refuses to overwrite ``output`` unless ``force``."""
    from incas_cli.io import atomic_write_bytes

    atomic_write_bytes(output, render_docx(plan, options, catalog=catalog), force=force)


def page_count(document: bytes, fmt: Literal["docx", "odt", "pdf"]) -> int | None:
    """Pages of a document as an office suite counted them; None when not recorded
    (a docx written by incas alone has no page count until an office suite lays it out)."""
    from incas_cli.writers.package import page_count as count

    return count(document, fmt)
