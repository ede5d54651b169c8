"""Narrative blocks from the jinja2 templates in ``templates/*.md.j2``.

The templates write a tiny subset of Markdown: paragraphs separated by blank lines, bullet
items (``- ``) and numbered items (``1. ``). User text is always *data*: it reaches a
template as a variable, never as template source, so ``{{`` or ``{%`` in a plan appear
literally. Every printed value is collapsed to one line (``finalize``), so a value can never
open a paragraph or a list item; templates never start a line with a value. A placeholder
prints as ``[da completare: …]``; a cross-reference (:class:`~incas_cli.document.model.Ref`)
stays one, for the outline to number.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from jinja2 import Environment

from incas_cli.document.model import Block as DocumentBlock
from incas_cli.document.model import Inline, ItemList, Paragraph, Placeholder, Ref, Run, plain
from incas_cli.formats import in_words, join_and
from incas_cli.messages.document import counted_words
from incas_cli.resources import template_environment

BlockKind = Literal["paragraph", "bullet", "number"]

_NUMBERED = re.compile(r"^\d+\.\s+")


@dataclass(frozen=True)
class Block:
    """A paragraph or a list item; items of one list share ``group``."""

    kind: BlockKind
    text: str
    group: int = 0


_REF = "\x00"
"""Brackets a cross-reference's anchor in the rendered text until it becomes a :class:`Ref`
again: a plan file cannot hold the character (YAML refuses it), so no user text can
forge one."""
_REF_SPLIT = re.compile(f"{_REF}([^{_REF}]*){_REF}")


def _finalize(value: Any) -> str:
    if isinstance(value, Ref):
        return f"{_REF}{value.anchor}{_REF}"
    text = plain(value) if isinstance(value, Placeholder | Run) else str(value)
    return " ".join(text.split())


def _inlines(text: str) -> tuple[Inline, ...]:
    """A rendered paragraph or item: text, with its cross-references as :class:`Ref`."""
    if _REF not in text:
        return (text,)
    parts = _REF_SPLIT.split(text)
    return tuple(
        Ref("", anchor=part) if odd else part
        for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts))
        if odd or part
    )


@functools.cache
def environment() -> Environment:
    """The narrative's jinja2 environment: every printed value on one line (``finalize``)."""
    env = template_environment(keep_trailing_newline=False, finalize=_finalize)
    # running prose: {{ counted(n, "misura") }} is "una misura", "tre misure", "15 misure"
    env.globals["counted"] = counted_words
    env.filters["join_and"] = join_and  # {{ names | join_and }}: "A, B e C"
    env.filters["in_words"] = in_words  # {{ 4 | in_words }}: "quattro"
    return env


def narrative(name: str, **context: Any) -> tuple[DocumentBlock, ...]:
    """``templates/<name>`` rendered with ``context``, as paragraphs and lists."""
    parts = render_text(name, **context)
    blocks: list[DocumentBlock] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        if part.kind == "paragraph":
            blocks.append(Paragraph(_inlines(part.text)))
            index += 1
            continue
        group = [p for p in _run_of(parts, index)]
        items = tuple(_inlines(p.text) for p in group)
        blocks.append(ItemList(items, ordered=part.kind == "number"))
        index += len(group)
    return tuple(blocks)


def _run_of(parts: list[Block], start: int) -> list[Block]:
    """The items of one list: same kind and group, one after the other."""
    first = parts[start]
    group = []
    for part in parts[start:]:
        if part.kind != first.kind or part.group != first.group:
            break
        group.append(part)
    return group


def render_text(name: str, **context: Any) -> list[Block]:
    """Render ``templates/<name>`` and split it into blocks."""
    return parse_blocks(environment().get_template(name).render(**context))


def parse_blocks(source: str) -> list[Block]:
    blocks: list[Block] = []
    group = 0
    for chunk in re.split(r"\n\s*\n", source.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        group += 1
        paragraph: list[str] = []
        item: Block | None = None  # the list item a wrapped line continues
        for line in lines:
            kind: BlockKind | None = None
            if line.startswith("- "):
                kind, content = "bullet", line[2:].strip()
            elif _NUMBERED.match(line):
                kind, content = "number", _NUMBERED.sub("", line, count=1)
            if kind is not None:
                if paragraph:
                    blocks.append(Block("paragraph", " ".join(paragraph)))
                    paragraph = []
                if item is not None:
                    blocks.append(item)
                item = Block(kind, content, group)
            elif item is not None:
                item = Block(item.kind, f"{item.text} {line}", item.group)
            else:
                paragraph.append(line)
        if item is not None:
            blocks.append(item)
        if paragraph:
            blocks.append(Block("paragraph", " ".join(paragraph)))
    return blocks
