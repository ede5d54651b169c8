"""The shape of the package: small modules, imports that run downward, one home per library.

DESIGN.md ("Architecture") draws the layers; these tests read every module of
``incas_cli/`` (an AST scan of its import statements, lazy ones inside functions included)
so that a change that breaks the shape fails here with the module and the line to fix.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "incas_cli"

MAX_LINES = 600
"""Longest module: past this a module has a second responsibility; split it by role.

The same cap holds for ``messages/``: a module of constants is read like any other, and
one module per area keeps them under it.
"""


@dataclass(frozen=True)
class Import:
    """One imported name: ``incas_cli.io`` for ``import incas_cli.io``, ``incas_cli.io.load_yaml``
    for ``from incas_cli.io import load_yaml`` (both the module and the name are recorded)."""

    importer: str
    """Dotted name of the importing module (``incas_cli.writers.docx``)."""
    name: str
    where: str
    """``path:line`` for the failure message."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _resolve(importer: str, is_package: bool, level: int, module: str | None) -> str:
    """The absolute name of a relative import (``from . import x``)."""
    if level == 0:
        return module or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _imports_of(path: Path, importer: str, where: str) -> list[Import]:
    """Every name ``path`` imports, lazy imports inside functions included."""
    is_package = path.name == "__init__.py"
    found: list[Import] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        line = f"{where}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            found.extend(Import(importer, alias.name, line) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = _resolve(importer, is_package, node.level, node.module)
            found.append(Import(importer, module, line))
            found.extend(Import(importer, f"{module}.{alias.name}", line) for alias in node.names)
    return found


def _imports() -> list[Import]:
    found: list[Import] = []
    for path in _modules():
        relative = path.relative_to(PACKAGE.parent).as_posix()
        found.extend(_imports_of(path, _module_name(path), relative))
    return found


IMPORTS = _imports()


def _within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


def _found(importers: tuple[str, ...], forbidden: tuple[str, ...]) -> list[Import]:
    return [
        found
        for found in IMPORTS
        if _within(found.importer, importers) and _within(found.name, forbidden)
    ]


def _report(found: list[Import]) -> str:
    return "\n".join(sorted({f"{i.where}: {i.importer} imports {i.name}" for i in found}))


def test_the_scan_sees_every_form_of_import(tmp_path: Path) -> None:
    """The scan is only as good as what it sees: imports inside functions count too."""
    source = tmp_path / "m.py"
    source.write_text(
        "import rich.table\nfrom rich import table\nfrom rich.table import Table\n"
        "def f():\n    from rich.table import Column\n    from . import sibling\n",
        encoding="utf-8",
    )
    found = _imports_of(source, "incas_cli.writers.m", "m.py")
    lines = {i.where for i in found if _within(i.name, ("rich.table",))}
    assert sorted(lines) == ["m.py:1", "m.py:2", "m.py:3", "m.py:5"]
    assert "incas_cli.writers.sibling" in {i.name for i in found}
    assert _resolve("incas_cli.io.load", False, 1, "document") == "incas_cli.io.document"
    assert _resolve("incas_cli.io", True, 1, "load") == "incas_cli.io.load"
    assert _resolve("incas_cli.io.load", False, 2, None) == "incas_cli"


def test_no_module_is_over_the_line_cap() -> None:
    too_long = []
    for path in _modules():
        relative = path.relative_to(PACKAGE.parent).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            too_long.append(f"{relative}: {lines} lines (cap {MAX_LINES}): split it by role")
    assert not too_long, "\n".join(too_long)


# --- imports run downward ------------------------------------------------------------------

LOWER = (
    "incas_cli.errors",
    "incas_cli.messages",
    "incas_cli.formats",
    "incas_cli.io",
    "incas_cli.models",
    "incas_cli.catalog",
    "incas_cli.checks",
    "incas_cli.facts",
)
"""The plan, its file, its catalogue, its checks and its facts: below every service."""

UPPER = (
    "incas_cli.launch",
    "incas_cli.cli",
    "incas_cli.wizard",
    "incas_cli.batch",
    "incas_cli.batch_map",
    "incas_cli.batch_worker",
    "incas_cli.inputs",
    "incas_cli.pool",
    "incas_cli.pipeline",
    "incas_cli.status",
    "incas_cli.diff",
    "incas_cli.export",
    "incas_cli.compare",
    "incas_cli.scaffold",
    "incas_cli.render",
    "incas_cli.document",
    "incas_cli.writers",
    "incas_cli.publish",
    "incas_cli.console",
)
"""Documents, writers, services and the interface: what the lower layers are used by."""


def test_only_the_entry_points_import_the_cli() -> None:
    entry_points = ("incas_cli.launch", "incas_cli.cli", "incas_cli.__main__")
    wrong = [
        found
        for found in _found(("incas_cli",), ("incas_cli.cli",))
        if not _within(found.importer, entry_points)
    ]
    assert not wrong, (
        "only the entry points (launch, __main__) and the CLI may import it:\n" + _report(wrong)
    )


MODEL = "incas_cli.document.model"
"""The document model's blocks: plain data, usable from any layer (``incas catalog`` builds
its tables in ``catalog/views.py``), because the model itself imports no layer."""


@pytest.mark.parametrize("layer", LOWER)
def test_lower_layers_never_import_upper_ones(layer: str) -> None:
    wrong = [found for found in _found((layer,), UPPER) if not _within(found.name, (MODEL,))]
    assert not wrong, f"{layer} is a lower layer (DESIGN.md, Architecture):\n" + _report(wrong)


def test_the_document_model_imports_no_layer() -> None:
    allowed = ("incas_cli.messages", "incas_cli.errors", "incas_cli.formats")
    wrong = [
        found for found in _found((MODEL,), ("incas_cli",)) if not _within(found.name, allowed)
    ]
    assert not wrong, f"{MODEL} is used by every layer, so it uses none:\n" + _report(wrong)


@pytest.mark.parametrize("layer", ["incas_cli.document", "incas_cli.writers"])
def test_documents_and_writers_never_import_services_or_the_interface(layer: str) -> None:
    services = (
        "incas_cli.cli",
        "incas_cli.wizard",
        "incas_cli.batch",
        "incas_cli.pipeline",
        "incas_cli.status",
        "incas_cli.scaffold",
        "incas_cli.publish",
    )
    wrong = _found((layer,), services)
    assert not wrong, f"{layer} must not know who calls it:\n" + _report(wrong)


def test_writers_decide_how_never_what() -> None:
    wrong = _found(("incas_cli.writers",), ("incas_cli.document.outline",))
    assert not wrong, "writers take blocks, they never build the outline:\n" + _report(wrong)


# --- one home per library ------------------------------------------------------------------

HOMES = {
    "docx": ("incas_cli.writers",),
    "openpyxl": ("incas_cli.export.writers",),
    "pikepdf": ("incas_cli.publish.pdf",),
    "PIL": ("incas_cli.document.figures", "incas_cli.fonts"),
    "rich.table": ("incas_cli.writers",),
    "rich.box": ("incas_cli.writers",),
    "ruamel": ("incas_cli.io",),
    "typer": ("incas_cli.cli",),
    "questionary": ("incas_cli.wizard",),
    "prompt_toolkit": ("incas_cli.wizard",),
    # LibreOffice is started as a process and driven through uno: only publish/ does either.
    "subprocess": ("incas_cli.publish",),
    "uno": ("incas_cli.publish",),
}


@pytest.mark.parametrize("library", sorted(HOMES))
def test_each_library_has_one_home(library: str) -> None:
    home = HOMES[library]
    wrong = [
        found
        for found in IMPORTS
        if _within(found.name, (library,)) and not _within(found.importer, home)
    ]
    assert not wrong, f"{library} lives only in {', '.join(home)}:\n" + _report(wrong)
