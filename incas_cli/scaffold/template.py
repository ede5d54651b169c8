"""The draft's template: values written as YAML scalars, and its jinja2 environment."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from incas_cli.formats import shell_word

if TYPE_CHECKING:
    from jinja2 import Environment


TEMPLATE = "plan-init.yaml.j2"


_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# --- YAML values for the template --------------------------------------------------------


def yaml_scalar(value: object) -> str:
    """One value as a YAML scalar on one line: plain where safe, quoted where needed.

    ``None`` is the empty string (an empty value: an open field). Line breaks are folded
    to spaces, so a value can never open a new key or a block.
    """
    from incas_cli.io import dump_yaml

    if value is None:
        return ""
    if isinstance(value, str):
        value = " ".join(value.split())
    text = dump_yaml({"v": value})
    if not text.startswith("v: ") or text.count("\n") != 1:
        raise ValueError(f"not a one-line scalar: {value!r}")
    return text[3:].rstrip("\n")


def yaml_flow_list(values: Iterable[object]) -> str:
    """``[comune, prefettura-cn]``: slugs plain, anything else double-quoted (JSON), and so
    is a slug a YAML 1.1 reader would misread (``no``, ``010``)."""
    from incas_cli.io.dump import misread_by_yaml11

    items = []
    for value in values:
        text = str(value)
        plain = _SLUG.match(text) and not misread_by_yaml11(text)
        items.append(text if plain else json.dumps(text, ensure_ascii=False))
    return "[" + ", ".join(items) + "]"


def _comment(value: object) -> str:
    """Text inside a ``#`` comment: one line."""
    return " ".join(str(value).split())


@functools.cache
def _environment() -> Environment:
    from incas_cli.resources import template_environment

    env = template_environment(keep_trailing_newline=True)
    env.filters["y"] = yaml_scalar
    env.filters["flow"] = yaml_flow_list
    env.filters["c"] = _comment
    env.filters["sh"] = shell_word
    return env


def render_yaml_template(name: str, **context: object) -> str:
    """A YAML template of ``templates/`` with the ``y``, ``flow``, ``c`` and ``sh`` filters
    (values as YAML scalars, one-line lists, comment text, a file name in a command):
    ``plan init``'s and ``monitor init``'s."""
    return _environment().get_template(name).render(**context)
