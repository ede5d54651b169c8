"""The one way to reach the files of ``templates/`` (the package ``incas_cli.templates``).

The folder lives at the top of the repository; pyproject.toml ships it inside the wheel as
``incas_cli/templates`` (a ``package-dir`` mapping, no symlink), and editable installs map
the package to the folder itself.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def template_file(name: str) -> Traversable:
    """``templates/<name>``: reference.docx, the jinja2 texts, the ``plan init`` draft."""
    return resources.files("incas_cli.templates") / name
