"""The one way to reach files shipped in ``templates/`` (inside the wheel as package data)."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def template_file(name: str) -> Traversable:
    """``templates/<name>``: reference.docx, the jinja2 texts, the ``plan init`` draft."""
    return resources.files("incas_cli") / "templates" / name
