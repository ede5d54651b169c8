"""The fast reader of plan files: libyaml's parser (through PyYAML) for files read, not
written back (validate, render, build, status).

It reads the common case only, and reads it exactly as the round-trip reader of
:mod:`~incas_cli.io.load` does (YAML 1.2: ``no`` and ``NO`` stay text, ``2024-01`` stays
text, ``60.000`` keeps its three decimals), with the same positions. Whatever it is not sure
of returns :data:`UNSURE` and the caller reads the file with ruamel instead, so errors,
refusals and rare forms keep today's messages and meaning: a syntax error, a directive,
more than one document, an anchor, an alias, a tag, a complex, duplicate or float key, an
empty value in a flow mapping or before a comment, nesting deeper than
:data:`~incas_cli.io.limits.MAX_DEPTH`, a character ruamel refuses or counts as a line
break where YAML 1.2 does not, a tab (ruamel refuses some that libyaml takes), a last line
without a line break, and every plain scalar that YAML 1.2 reads as a number or a date in a
form other than ``12``, ``-3``, ``1.50`` and ``2024-05-10`` (``1_000``, ``010``, ``0x1F``,
``1e3``, ``.inf``, ``2024-05-10T10:00``).

``tests/test_io_fast.py`` compares both readers, data and positions, on the examples and on
generated files.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from incas_cli.io.limits import MAX_DEPTH

try:
    from yaml._yaml import CParser as _CParser
    from yaml.events import (
        DocumentEndEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
        StreamStartEvent,
    )
except ImportError:  # PyYAML without libyaml, or no PyYAML: ruamel reads every file
    _CParser = None

AVAILABLE: Final = _CParser is not None
"""Whether libyaml is there; without it :func:`read` always answers :data:`UNSURE`."""

UNSURE: Final[Any] = object()
"""What :func:`read` returns for a text it leaves to ruamel."""

Marks = dict[int, tuple[tuple[int, int], dict[Any, tuple[int, ...]]]]
"""Positions of a tree read here, by ``id`` of each mapping and list: its 0-based
``(line, column)`` and, per key or index, ``(key line, key column, value line, value
column)`` or ``(line, column)``, as ruamel's ``lc`` attributes hold them."""

# Characters ruamel's reader refuses, and those it counts as line breaks (YAML 1.1).
_RUAMEL_SPECIAL = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff\t]"
)

# ruamel's YAML 1.2 implicit resolvers (ruamel/yaml/resolver.py), which turn a plain
# scalar into something other than text: the forms read here are matched first.
_NULL = re.compile("~|null|Null|NULL|")
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_INT = re.compile("0|-?[1-9][0-9]*")
_FLOAT = re.compile("-?(?:0|[1-9][0-9]*)\\.[0-9]+")
_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")
_OTHER = re.compile(
    """(?:
     [-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\\.(?:inf|Inf|INF)
    |\\.(?:nan|NaN|NAN)
    |[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+
    |<<
    |=
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
     (?:[Tt]|[ \\t]+)[0-9][0-9]?
     :[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?
     (?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
    )""",
    re.X,
)
_MAX_DECIMALS = 20


class _Unsure(Exception):
    """Something ruamel should read (or refuse) itself."""


def read(text: str) -> tuple[Any, Marks] | Any:
    """The plain data of ``text`` and its marks, or :data:`UNSURE`.

    The data is what ``YamlDocument.plain()`` gives for the same text through ruamel:
    dict, list, str, int, bool, None, ``datetime.date`` and ``Decimal``.
    """
    if _CParser is None or not text.endswith(("\n", "\r")) or _RUAMEL_SPECIAL.search(text):
        return UNSURE  # (libyaml marks the end of a last line without a break elsewhere)
    parser = _CParser(text)
    try:
        return _build(parser, text)
    except _Unsure:
        return UNSURE
    except Exception:  # libyaml's errors, and anything else: ruamel says what is wrong
        return UNSURE
    finally:
        parser.dispose()


def _build(parser: Any, text: str) -> tuple[Any, Marks]:
    get = parser.get_event
    if not isinstance(get(), StreamStartEvent):
        raise _Unsure
    start = get()
    if not isinstance(start, DocumentStartEvent) or start.explicit or start.version or start.tags:
        raise _Unsure
    marks: Marks = {}
    # Each open container: [value, marks of its children, pending key, key mark].
    stack: list[list[Any]] = []
    root: Any = UNSURE
    # An empty value in a block mapping (``title:``): ruamel marks it where the next token
    # starts, libyaml right after the colon. Fixed when the next event comes.
    empty: tuple[dict[Any, tuple[int, ...]], Any, int] | None = None
    while True:
        event = get()
        kind = type(event)
        if empty is not None:
            children, key, after_colon = empty
            mark = event.start_mark
            if "#" in text[after_colon : mark.index]:
                raise _Unsure  # ruamel moves the empty value's mark with the comment
            children[key] = (*children[key][:2], mark.line, mark.column)
            empty = None
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None or not stack:
                raise _Unsure  # (a document that is one scalar: ruamel words the error)
            plain = event.implicit[0]
            value: Any = _scalar(event.value) if plain else event.value
            mark = event.start_mark
            top = stack[-1]
            if plain and not event.value and top[2] is not UNSURE:
                if top[4]:
                    raise _Unsure  # an empty value in a flow mapping: ruamel's own mark
                empty = (top[1], top[2], mark.index)
            _add(top, value, (mark.line, mark.column), scalar=True)
            continue
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise _Unsure
            if len(stack) >= MAX_DEPTH:
                raise _Unsure
            mark = event.start_mark
            here = (mark.line, mark.column)
            container: Any = {} if kind is MappingStartEvent else []
            children = {}
            marks[id(container)] = (here, children)
            if stack:
                _add(stack[-1], container, here, scalar=False)
            else:
                root = container
            stack.append([container, children, UNSURE, None, bool(event.flow_style)])
            continue
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            continue
        if kind is DocumentEndEvent:
            if stack or event.explicit:
                raise _Unsure
            break
        raise _Unsure  # an alias, or anything unexpected
    if not isinstance(get(), StreamEndEvent) or not isinstance(root, dict):
        raise _Unsure
    return root, marks


def _add(top: list[Any], value: Any, here: tuple[int, int], *, scalar: bool) -> None:
    container, children = top[0], top[1]
    if isinstance(container, list):
        children[len(container)] = here
        container.append(value)
        return
    key = top[2]
    if key is UNSURE:  # this is a key
        if not scalar or value in container or isinstance(value, Decimal):
            raise _Unsure  # a complex or duplicate key; a float key is found differently
        top[2] = value
        top[3] = here
        return
    children[key] = (*top[3], *here)
    container[key] = value
    top[2] = UNSURE


def _scalar(text: str) -> Any:
    """A plain scalar as YAML 1.2 reads it, or :class:`_Unsure`."""
    first = text[:1]
    if first in "~nN" and _NULL.fullmatch(text):
        return None
    if first in "tTfF":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        return text
    if first not in "-+.0123456789<=":
        return text
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return _decimal(text)
    if _DATE.fullmatch(text):
        try:
            return datetime.date(int(text[:4]), int(text[5:7]), int(text[8:]))
        except ValueError:
            raise _Unsure from None
    if _OTHER.fullmatch(text):
        raise _Unsure
    return text


def _decimal(text: str) -> Decimal:
    """The number with the decimals written (``60.000``), as ruamel's float and
    ``YamlDocument.plain()`` make it: the float's shortest repr, then the written
    decimals when that changes nothing."""
    number = Decimal(repr(float(text)))
    decimals = len(text) - text.index(".") - 1
    if 0 < decimals <= _MAX_DECIMALS:
        try:
            written = number.quantize(Decimal(1).scaleb(-decimals))
        except InvalidOperation:  # more digits than a Decimal holds
            return number
        if written == number:
            return written
    return number
