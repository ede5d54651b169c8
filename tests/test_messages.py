"""``incas_cli.messages`` is the one home of user strings: every constant there is used,
and every help text of the command line is one of its constants.

The help rule: each command is registered with ``help=`` and each option and argument
has ``help=``, always a constant of a ``messages`` module (never a docstring, never a
literal), so that the Italian a user reads is reviewed in one place.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from functools import cache
from pathlib import Path

import pytest
import typer.main

import incas_cli.messages
from incas_cli.cli import app

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "incas_cli"
MESSAGES = PACKAGE / "messages"
# Where a message may be used: the package (its Jinja templates included) and the scripts
# that maintain its data (scripts/update_comuni.py reports in Italian).
TEXT_SOURCES = (PACKAGE / "templates", REPO / "templates")
CODE_SOURCES = (PACKAGE, REPO / "scripts")


def _constants(path: Path) -> list[str]:
    """Upper-case names assigned at the top level of a messages module."""
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
    return names


@cache
def _used_names() -> frozenset[str]:
    """Names read anywhere in the code (attributes, names, imports) or in the templates."""
    used: set[str] = set()
    for root in CODE_SOURCES:
        for path in root.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Attribute):
                    used.add(node.attr)
                elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                    used.add(node.id)
                elif isinstance(node, ast.alias):
                    used.add(node.name.rsplit(".", 1)[-1])
    for root in TEXT_SOURCES:
        for path in root.rglob("*.j2"):
            used |= set(re.findall(r"\b[A-Z][A-Z0-9_]*\b", path.read_text(encoding="utf-8")))
    return frozenset(used)


MODULES = sorted(p for p in MESSAGES.glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.stem)
def test_every_message_is_used(module: Path) -> None:
    used = _used_names()
    unused = [name for name in _constants(module) if name not in used]
    assert not unused, f"messages/{module.name}: costanti mai usate: {unused}"


@cache
def _message_texts() -> frozenset[str]:
    texts: set[str] = set()
    for info in pkgutil.iter_modules(incas_cli.messages.__path__):
        module = importlib.import_module(f"incas_cli.messages.{info.name}")
        texts |= {v for k, v in vars(module).items() if k.isupper() and isinstance(v, str)}
    return frozenset(texts)


def _commands(command: object, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    out = [(path, command)]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        out += _commands(sub, (*path, name))
    return out


COMMANDS = _commands(typer.main.get_command(app))


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_help_is_a_message_constant(path: tuple[str, ...], command: object) -> None:
    texts = _message_texts()
    where = " ".join(("incas", *path))
    assert getattr(command, "help", None) in texts, f"{where}: l'aiuto non è in messages/"
    for param in getattr(command, "params", []):
        if param.name == "help":
            continue  # typer's own, translated by cli/_i18n.py
        assert param.help in texts, f"{where} {param.name}: l'aiuto non è in messages/"
