"""The one way to reach the files of ``templates/`` (the package ``incas_cli.templates``).

The folder lives at the top of the repository; pyproject.toml ships it inside the wheel as
``incas_cli/templates`` (a ``package-dir`` mapping, no symlink), and editable installs map
the package to the folder itself. When ``incas_cli`` is imported straight from a source
tree that is not installed editable (tests run in an unpacked sdist, ``python -m
incas_cli`` in a checkout beside a regular install), the package is not there and the
folder beside ``incas_cli/`` is used.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Environment


@cache
def _templates() -> Traversable:
    try:
        return resources.files("incas_cli.templates")
    except ModuleNotFoundError:
        beside = Path(__file__).resolve().parent.parent / "templates"
        if not (beside / "__init__.py").is_file():
            raise
        return beside


def template_file(name: str) -> Traversable:
    """``templates/<name>``: reference.docx, the jinja2 texts, the ``plan init`` draft."""
    return _templates() / name


def template_environment(
    *, keep_trailing_newline: bool, finalize: Callable[[Any], Any] | None = None
) -> Environment:
    """A jinja2 environment over ``templates/`` (the one way incas sets jinja2 up): strict
    about undefined names, no autoescape (the output is not HTML), block tags leave no
    blank lines, templates read once. Callers add their globals and filters."""
    from jinja2 import Environment, FunctionLoader, StrictUndefined

    return Environment(
        loader=FunctionLoader(lambda name: template_file(name).read_text(encoding="utf-8")),
        autoescape=False,
        undefined=StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
        auto_reload=False,
    )
