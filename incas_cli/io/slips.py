"""Slips of hand-written YAML that the parser reports elsewhere or in its own terms: a key
without the space after its colon, a non-breaking space or a Word dash pasted from another
program, a list's first item or a section's first key on its key's line, items under a
draft's ``needs: []``. Each
function looks at the lines around a syntax error's mark and returns the error to give
instead (with the place of the cause), or None. Used by :mod:`incas_cli.io.load`.
"""

from __future__ import annotations

import re
from typing import Any

from incas_cli.errors import InputError
from incas_cli.messages import io as msg

LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
"""What ruamel counts as a line break: our own positions must agree with its marks."""

# ``name:Saluzzo``: a key, a colon and a value with no space between them, which YAML reads
# as one plain text (the cause of the error a line later, or of a key "without a colon");
# not a web address (``https://...``).
_KEY_WITHOUT_SPACE = re.compile(
    r"(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?!//)(?P<value>[^\s:#](?:(?!: | #).)*?)[ \t]*$"
)


def no_space_after_colon(
    text: str, name: str, line: int, column: int | None = None
) -> InputError | None:
    """The error to give when 0-based ``line`` (from ``column``, else from its first
    character after the indentation and a list's ``- ``) holds ``key:value``."""
    lines = LINE_BREAK.split(text)
    if not 0 <= line < len(lines):
        return None
    content = lines[line]
    start = column
    if start is None:
        start = len(content) - len(content.lstrip(" "))
        while content.startswith("- ", start):
            start = len(content) - len(content[start + 2 :].lstrip(" "))
    found = _KEY_WITHOUT_SPACE.match(content, start)
    if found is None:
        return None
    key, value = found["key"], found["value"]
    return InputError(
        msg.NO_SPACE_AFTER_COLON.format(text=f"{key}:{value}"),
        hint=msg.NO_SPACE_AFTER_COLON_HINT.format(key=key, value=value),
        file=name,
        line=line + 1,
        column=found.start("value"),
    )


# Characters that look like a space or a list's dash and are not one for YAML: pasted
# from Word, a PDF or a web page, they break a file in ways its text does not show.
_LOOKALIKE_SPACES = "\u00a0\u2007\u202f"
_LOOKALIKE_SPACE = re.compile(
    rf"^[ {_LOOKALIKE_SPACES}]*[{_LOOKALIKE_SPACES}]"  # in the indentation
    rf"|^[ ]*(?:- +)*[A-Za-z_][A-Za-z0-9_-]*:[{_LOOKALIKE_SPACES}]"  # after a key's colon
)
_LOOKALIKE_DASH = re.compile(r"^[ ]*([\u2010-\u2015\u2212])[ \u00a0]")


def lookalike(text: str, name: str, mark: Any) -> InputError | None:
    """The error to give when the line of ``mark``, or the line above it, has a character
    that only looks like a space or like a list's ``-``: the cause of what YAML found."""
    if mark is None:
        return None
    lines = LINE_BREAK.split(text)
    above = previous_content_line(text, mark.line)
    for line in (mark.line, above):
        if line is None or not 0 <= line < len(lines):
            continue
        content = lines[line]
        space = _LOOKALIKE_SPACE.match(content)
        if space is not None:
            column = next(i for i, c in enumerate(content) if c in _LOOKALIKE_SPACES)
            return InputError(
                msg.LOOKALIKE_SPACE.format(code=ord(content[column])),
                hint=msg.LOOKALIKE_SPACE_HINT,
                file=name,
                line=line + 1,
                column=column + 1,
            )
        dash = _LOOKALIKE_DASH.match(content)
        if dash is not None:
            return InputError(
                msg.LOOKALIKE_DASH.format(dash=dash[1]),
                hint=msg.LOOKALIKE_DASH_HINT,
                file=name,
                line=line + 1,
                column=dash.start(1) + 1,
            )
    return None


# ``crops: - {name: mirtilli}``: a block list's first item on its key's line.
_KEY_BEFORE = re.compile(r"(?P<indent>[ ]*)(?:- +)*(?P<key>[A-Za-z_][A-Za-z0-9_-]*):[ \t]+")


def list_on_key_line(text: str, name: str, mark: Any) -> InputError | None:
    """The error to give when ``mark`` is at a ``- `` that follows ``key:`` on its line."""
    if mark is None:
        return None
    lines = LINE_BREAK.split(text)
    if not 0 <= mark.line < len(lines):
        return None
    content = lines[mark.line]
    key = _KEY_BEFORE.fullmatch(content[: mark.column])
    if key is None or not content.startswith("- ", mark.column):
        return None
    item = content[mark.column + 2 :].strip()
    return InputError(
        msg.LIST_ON_KEY_LINE,
        hint=msg.LIST_ON_KEY_LINE_HINT.format(
            key=key["key"], indent=key["indent"] + "  ", item=item
        ),
        file=name,
        line=mark.line + 1,
        column=mark.column + 1,
    )


# ``needs: []`` (as a ``plan init`` draft writes an empty list), then items below it.
_EMPTY_ON_KEY = re.compile(
    r"(?P<indent>[ ]*)(?:- +)*(?P<key>[A-Za-z_][A-Za-z0-9_-]*):[ \t]+(?P<empty>\[\]|\{\})"
    r"[ \t]*(?:#.*)?"
)


def items_under_empty(text: str, name: str, mark: Any) -> InputError | None:
    """The error to give when the content that YAML refused, at ``mark``, is more indented
    than a ``key: []`` (or ``key: {}``) just above it, or a ``- `` as indented as the key:
    items meant for that list."""
    if mark is None:
        return None
    above = previous_content_line(text, mark.line)
    if above is None:
        return None
    lines = LINE_BREAK.split(text)
    empty = _EMPTY_ON_KEY.fullmatch(lines[above].rstrip())
    here = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    indent = len(here) - len(here.lstrip(" "))
    if empty is None or not here.strip():
        return None
    # deeper, or a list's ``- `` at the key's own indentation (YAML's compact lists)
    own = len(empty["indent"])
    if indent < own or (indent == own and not here.lstrip().startswith("- ")):
        return None
    key, brackets = empty["key"], empty["empty"]
    mapping = brackets == "{}"
    return InputError(
        (msg.ITEMS_UNDER_EMPTY_MAPPING if mapping else msg.ITEMS_UNDER_EMPTY).format(
            key=key, empty=brackets
        ),
        hint=(msg.ITEMS_UNDER_EMPTY_MAPPING_HINT if mapping else msg.ITEMS_UNDER_EMPTY_HINT).format(
            key=key, empty=brackets
        ),
        file=name,
        line=above + 1,
        column=empty.start("empty") + 1,
    )


def previous_content_line(text: str, line: int) -> int | None:
    """The 0-based line above ``line`` that is neither blank nor a comment."""
    lines = LINE_BREAK.split(text)
    for number in range(min(line, len(lines)) - 1, -1, -1):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


# ``workforce: resident: 800``: a key, then on its line another key (lower case, as the
# file's keys are; ``title: Piano: 2024`` is text) and its value.
_MAPPING_ON_KEY = re.compile(
    r"(?P<indent>[ ]*)(?:- +)*(?P<key>[A-Za-z_][A-Za-z0-9_-]*):[ \t]+"
    r"(?P<rest>[a-z_][a-z0-9_]*: (?:(?! #).)*?)[ \t]*(?: #.*)?"
)


def mapping_on_key_line(text: str, name: str, mark: Any) -> InputError | None:
    """The error to give when the colon YAML refused, at ``mark``, follows ``key: other``
    on the line: a section's first key written on its parent's line."""
    if mark is None:
        return None
    lines = LINE_BREAK.split(text)
    if not 0 <= mark.line < len(lines):
        return None
    found = _MAPPING_ON_KEY.fullmatch(lines[mark.line])
    if found is None or found.start("rest") > mark.column:
        return None
    key, rest = found["key"], found["rest"]
    return InputError(
        msg.MAPPING_ON_KEY_LINE.format(key=key, rest=rest),
        hint=msg.MAPPING_ON_KEY_LINE_HINT.format(key=key, rest=rest),
        file=name,
        line=mark.line + 1,
        column=found.start("rest") + 1,
    )
