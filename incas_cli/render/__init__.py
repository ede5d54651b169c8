"""The Word document of a plan: ``render_docx`` and ``write_docx``.

The pipeline: :mod:`~incas_cli.render.view` turns plan + catalogue into a view model
(everything the document shows, computed and formatted in Italian);
:mod:`~incas_cli.render.docx_builder` lays it out with python-docx on top of
``templates/reference.docx`` (or a Comune's own template); :mod:`~incas_cli.render.package`
makes the bytes deterministic and sets what LibreOffice resets (language, properties).

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
    from incas_cli.models import Plan

__all__ = [
    "EDITIONS",
    "ChangeEntry",
    "Edition",
    "RenderOptions",
    "page_count",
    "render_docx",
    "restore_properties",
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


def render_docx(
    plan: Plan, options: RenderOptions = RenderOptions(), *, catalog: Catalog | None = None
) -> bytes:
    """The .docx of ``plan``: identical bytes for the same plan, options and template."""
    from incas_cli.render.docx_builder import build_document
    from incas_cli.render.view import build_view

    if catalog is None:
        from incas_cli.catalog import load_catalog

        catalog = load_catalog()
    view = build_view(plan, catalog, edition=options.edition, changelog=options.changelog)
    return build_document(
        view, template=options.template, update_fields=options.update_fields_on_open
    )


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


def restore_properties(docx: bytes, plan: Plan, *, update_fields: bool = False) -> bytes:
    """Language (it-IT in the styles) and core properties again, on a docx another program
    (LibreOffice, after refreshing the table of contents) has rewritten."""
    from incas_cli.render.package import reapply
    from incas_cli.render.view import document_properties

    return reapply(docx, document_properties(plan), update_fields=update_fields)


def convert_document(
    docx: bytes, plan: Plan, fmt: Literal["pdf", "odt"], *, timeout: float
) -> bytes:
    """The rendered docx as PDF/A or ODT through LibreOffice, with the plan's properties."""
    from incas_cli.publish import convert
    from incas_cli.render.view import document_properties

    props = document_properties(plan)
    return convert(
        docx,
        fmt,
        title=props.title,
        subject=props.subject,
        keywords=[k.strip() for k in props.keywords.split(";") if k.strip()],
        author=props.author,
        timeout=timeout,
    )


def page_count(document: bytes, fmt: Literal["docx", "odt", "pdf"]) -> int | None:
    """Pages of a document as an office suite counted them; None when not recorded
    (a docx written by incas alone has no page count until an office suite lays it out)."""
    from incas_cli.render.package import page_count as count

    return count(document, fmt)
