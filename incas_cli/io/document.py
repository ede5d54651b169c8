"""A parsed plan file: its text, its round-trip tree, positions and a plain copy for pydantic."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from incas_cli.io.fast import Marks

_UNSET: Any = object()


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file: its name for messages, its text and its round-trip tree."""

    name: str
    """The path as the user gave it, used in messages."""
    text: str
    """Decoded text (BOM removed, newlines as in the file)."""
    data: Any
    """ruamel round-trip tree (CommentedMap / CommentedSeq / scalars), comments kept; or,
    for a file read by the fast reader (``marks`` set), the plain data itself."""
    marks: Marks | None = field(default=None, repr=False, compare=False)
    """Positions of a plain tree read by :mod:`~incas_cli.io.fast` (None: ruamel's tree
    carries its own)."""
    _plain: Any = field(default=_UNSET, init=False, repr=False, compare=False)

    def position(self, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based ``(line, column)`` of the node at ``loc``, e.g. ``("measures", 2, "id")``.

        With ``key=True`` and a ``loc`` ending in a mapping key: the key's position. If the
        ``loc`` does not exist: the position of the deepest existing ancestor (for a missing
        key inside a mapping, the mapping's first key). A value left empty (``title:``)
        has no text of its own, so its key's position is given. Never raises.
        """
        try:
            if self.marks is not None:
                return _position(self.data, loc, key=key, lc=_FastMarks(self.marks))
            return _position(self.data, loc, key=key, lc=_RUAMEL_MARKS)
        except Exception:  # a position is a courtesy: never let it hide the real message
            return (1, 1)

    def plain(self) -> Any:
        """A plain-Python copy of :attr:`data` for pydantic (cached; treat it as read-only).

        dict / list / str / int / bool / None / ``datetime.date`` (and ``datetime``);
        floats become ``Decimal`` built from their shortest repr, so ``1693747.15`` stays
        exact; ruamel's scalar subclasses become their base types.
        """
        if self._plain is _UNSET:
            plain = self.data if self.marks is not None else _to_plain(self.data)
            object.__setattr__(self, "_plain", plain)
        return self._plain


def _lc_start(node: Any) -> tuple[int, int] | None:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None or lc.col is None:
        return None
    return (int(lc.line) + 1, int(lc.col) + 1)


def _lc_data(node: Any) -> dict[Any, Any]:
    """Positions of a container's children (empty for a container built in code)."""
    lc = getattr(node, "lc", None)
    data = getattr(lc, "data", None)
    return data if isinstance(data, dict) else {}


class _RuamelMarks:
    """Positions of a ruamel tree: its ``lc`` attributes."""

    start = staticmethod(_lc_start)
    children = staticmethod(_lc_data)


_RUAMEL_MARKS = _RuamelMarks()


class _FastMarks:
    """Positions of a plain tree read by the fast reader."""

    def __init__(self, marks: Marks) -> None:
        self.marks = marks

    def start(self, node: Any) -> tuple[int, int] | None:
        found = self.marks.get(id(node))
        return None if found is None else (found[0][0] + 1, found[0][1] + 1)

    def children(self, node: Any) -> dict[Any, Any]:
        found = self.marks.get(id(node))
        return {} if found is None else found[1]


_Lc = _RuamelMarks | _FastMarks


def _mapping_start(node: dict[Any, Any], fallback: tuple[int, int], lc: _Lc) -> tuple[int, int]:
    """The first key of a mapping, else where the mapping starts (``{}``)."""
    for entry in lc.children(node).values():
        return (int(entry[0]) + 1, int(entry[1]) + 1)
    return lc.start(node) or fallback


def _find_key(node: dict[Any, Any], part: str | int) -> Any:
    if not isinstance(part, bool) and part in node:
        return part
    text = str(part)
    for candidate in node:
        if str(candidate) == text:
            return candidate
    return _UNSET


def _position(data: Any, loc: Sequence[str | int], *, key: bool, lc: _Lc) -> tuple[int, int]:
    node = data
    here = lc.start(data) or (1, 1)
    if isinstance(data, dict):
        here = _mapping_start(data, here, lc)
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, dict):
            found = _find_key(node, part)
            entry = lc.children(node).get(found) if found is not _UNSET else None
            if entry is None:
                return _mapping_start(node, here, lc)
            key_pos = (int(entry[0]) + 1, int(entry[1]) + 1)
            value_pos = (int(entry[2]) + 1, int(entry[3]) + 1)
            child = node[found]
            if last and key:
                return key_pos
            # An empty value's mark is wherever the next token starts: show the key instead.
            pos = key_pos if child is None and value_pos[0] != key_pos[0] else value_pos
        elif isinstance(node, list):
            if isinstance(part, bool) or not isinstance(part, int) or not 0 <= part < len(node):
                return here
            item = lc.children(node).get(part)
            if item is None:
                return here
            pos = (int(item[0]) + 1, int(item[1]) + 1)
            child = node[part]
        else:
            return here
        if last:
            return pos
        node, here = child, pos
    return here


def _written_decimal(value: float) -> Decimal:
    """The number as the user wrote it: ``60.000`` keeps its three decimals, ``0.10`` two.

    Floats lose trailing zeros, but they matter here: ``60.000`` is almost certainly an
    Italian thousands separator (sixty thousand euro), and ``version: 0.10`` is not 0.1.
    ruamel's ScalarFloat remembers the written width and the position of the dot.
    """
    number = Decimal(repr(float(value)))
    width = getattr(value, "_width", None)
    prec = getattr(value, "_prec", None)
    if getattr(value, "_exp", None) or not isinstance(width, int) or not isinstance(prec, int):
        return number
    decimals = width - prec - 1
    if 0 < decimals <= 20:
        try:
            written = number.quantize(Decimal(1).scaleb(-decimals))
        except InvalidOperation:  # more digits than a Decimal holds: 1.2e19 with 20 decimals
            return number
        if written == number:
            return written
    return number


def _to_plain(value: Any) -> Any:
    from ruamel.yaml.scalarbool import ScalarBoolean  # a ruamel tree: ruamel is loaded

    return _plain_of(value, ScalarBoolean)


def _plain_of(value: Any, scalar_boolean: type) -> Any:
    if value is None or type(value) in (str, int, bool, datetime.date):
        return value
    if isinstance(value, Mapping):
        return {
            _plain_of(k, scalar_boolean): _plain_of(v, scalar_boolean) for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_plain_of(v, scalar_boolean) for v in value]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, scalar_boolean):  # an int subclass
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return _written_decimal(value)
    if isinstance(value, datetime.datetime):
        return datetime.datetime(
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
            tzinfo=value.tzinfo,
            fold=value.fold,
        )
    if isinstance(value, datetime.date):
        return datetime.date(value.year, value.month, value.day)
    return value
