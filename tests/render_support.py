"""Shared helpers of the render tests (no tests here): checked examples, cached renders, XML."""

from __future__ import annotations

import functools
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from docx import Document as open_document
from docx.document import Document
from docx.oxml.ns import qn

from incas_cli.checks import check_data, check_document
from incas_cli.document import model
from incas_cli.io import load_yaml
from incas_cli.models import Plan
from incas_cli.render import Edition, RenderOptions, render_docx
from incas_cli.writers.text import write_text
from tests.helpers import EXAMPLES

EXAMPLE_NAMES = ("saluzzo", "siracusa", "bozza-iniziale")


def example_path(name: str) -> Path:
    return EXAMPLES / f"{name}.yaml"


@functools.cache
def example_plan(name: str) -> Plan:
    """A checked example plan; the test is skipped if the example is not there yet."""
    import pytest

    path = example_path(name)
    if not path.is_file():
        pytest.skip(f"esempio non ancora presente: {path.name}")
    result = check_document(load_yaml(path))
    assert result.plan is not None, [f.message for f in result.errors]
    return result.plan


@functools.cache
def example_data(name: str) -> Any:
    return load_yaml(example_path(name)).plain()


@functools.cache
def rendered(name: str, edition: Edition = "pubblica") -> bytes:
    return render_docx(example_plan(name), RenderOptions(edition=edition))


def plan_from(data: dict[str, Any]) -> Plan:
    plan, findings = check_data(data)
    assert plan is not None, [f.message for f in findings]
    return plan


def open_docx(data: bytes) -> Document:
    return open_document(io.BytesIO(data))


def xml_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n.endswith((".xml", ".rels"))}


def body_text(document: Document) -> str:
    """All text of the body (paragraphs and table cells), in document order."""
    return "\n".join(t.text or "" for t in document.element.body.iter(qn("w:t")))


def headings(document: Document) -> list[tuple[int, str]]:
    """(level, text) of every Heading 1-9 paragraph, in order."""
    found = []
    for p in document.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.startswith("Heading "):
            found.append((int(name.split()[1]), p.text))
    return found


def outline_headings(document: model.Document) -> list[tuple[int, str]]:
    """(level, text) of every heading, as the text writer prints them."""
    found = []
    for line in write_text(document).splitlines():
        match = re.fullmatch(r"(#{1,3}) (.+)", line)
        if match:
            found.append((len(match.group(1)), match.group(2)))
    return found
