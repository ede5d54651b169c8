"""The only home of YAML: load plan files with positions, dump them, write files atomically.

Reading follows YAML 1.2 through ruamel.yaml's round-trip loader, so comments and key
order survive an edit, ``no``/``yes`` stay text and ``2024-01`` stays text. A plan file is
untrusted input: anchors and aliases (unbounded expansion), explicit tags (object
construction), merge keys, complex keys and deep nesting are refused with a position, and
every failure becomes an :class:`~incas_cli.errors.InputError` with an Italian message.
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import io
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, NoReturn

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarstring import LiteralScalarString

from incas_cli.errors import InputError, OutputExistsError
from incas_cli.messages import io as msg

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "YamlDocument",
    "atomic_write_bytes",
    "atomic_write_text",
    "atomic_writer",
    "dump_yaml",
    "load_yaml",
    "new_document_data",
    "parse_yaml",
]

MAX_BYTES = 5 * 1024 * 1024
"""Largest plan file read (a real plan is a few tens of kB)."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences accepted (a plan needs about six)."""

_BOM = "\ufeff"
_UTF8_BOM = b"\xef\xbb\xbf"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_STR_TAG = "tag:yaml.org,2002:str"
# NEL: ruamel's emitter writes it raw in a quoted scalar, and its reader folds it as a line
# break, so "a\x85b" would come back as "a b". Double quotes escape it as "\N".
_NEL = "\x85"
# ruamel counts these as line breaks; our own positions must agree with its marks.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_SNIFF = 4096
_UNSET: Any = object()

# --- the document -----------------------------------------------------------------------


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file: its name for messages, its text and its round-trip tree."""

    name: str
    """The path as the user gave it, used in messages."""
    text: str
    """Decoded text (BOM removed, newlines as in the file)."""
    data: Any
    """ruamel round-trip tree (CommentedMap / CommentedSeq / scalars), comments kept."""
    _plain: Any = field(default=_UNSET, init=False, repr=False, compare=False)

    def position(self, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based ``(line, column)`` of the node at ``loc``, e.g. ``("measures", 2, "id")``.

        With ``key=True`` and a ``loc`` ending in a mapping key: the key's position. If the
        ``loc`` does not exist: the position of the deepest existing ancestor (for a missing
        key inside a mapping, the mapping's first key). A value left empty (``title:``)
        has no text of its own, so its key's position is given. Never raises.
        """
        try:
            return _position(self.data, loc, key=key)
        except Exception:  # a position is a courtesy: never let it hide the real message
            return (1, 1)

    def plain(self) -> Any:
        """A plain-Python copy of :attr:`data` for pydantic (cached; treat it as read-only).

        dict / list / str / int / bool / None / ``datetime.date`` (and ``datetime``);
        floats become ``Decimal`` built from their shortest repr, so ``1693747.15`` stays
        exact; ruamel's scalar subclasses become their base types.
        """
        if self._plain is _UNSET:
            object.__setattr__(self, "_plain", _to_plain(self.data))
        return self._plain


def _lc_start(node: Any) -> tuple[int, int] | None:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None or lc.col is None:
        return None
    return (int(lc.line) + 1, int(lc.col) + 1)


def _lc_data(node: CommentedMap | CommentedSeq) -> dict[Any, Any]:
    """Positions of a container's children (empty for a container built in code)."""
    lc = getattr(node, "lc", None)
    data = getattr(lc, "data", None)
    return data if isinstance(data, dict) else {}


def _mapping_start(node: CommentedMap, fallback: tuple[int, int]) -> tuple[int, int]:
    """The first key of a mapping, else where the mapping starts (``{}``)."""
    for entry in _lc_data(node).values():
        return (int(entry[0]) + 1, int(entry[1]) + 1)
    return _lc_start(node) or fallback


def _find_key(node: CommentedMap, part: str | int) -> Any:
    if not isinstance(part, bool) and part in node:
        return part
    text = str(part)
    for candidate in node:
        if str(candidate) == text:
            return candidate
    return _UNSET


def _position(data: Any, loc: Sequence[str | int], *, key: bool) -> tuple[int, int]:
    node = data
    here = _lc_start(data) or (1, 1)
    if isinstance(data, CommentedMap):
        here = _mapping_start(data, here)
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, CommentedMap):
            found = _find_key(node, part)
            entry = _lc_data(node).get(found) if found is not _UNSET else None
            if entry is None:
                return _mapping_start(node, here)
            key_pos = (int(entry[0]) + 1, int(entry[1]) + 1)
            value_pos = (int(entry[2]) + 1, int(entry[3]) + 1)
            child = node[found]
            if last and key:
                return key_pos
            # An empty value's mark is wherever the next token starts: show the key instead.
            pos = key_pos if child is None and value_pos[0] != key_pos[0] else value_pos
        elif isinstance(node, CommentedSeq):
            if isinstance(part, bool) or not isinstance(part, int) or not 0 <= part < len(node):
                return here
            item = _lc_data(node).get(part)
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
        written = number.quantize(Decimal(1).scaleb(-decimals))
        if written == number:
            return written
    return number


def _to_plain(value: Any) -> Any:
    if value is None or type(value) in (str, int, bool, datetime.date):
        return value
    if isinstance(value, Mapping):
        return {_to_plain(k): _to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_plain(v) for v in value]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, ScalarBoolean):  # an int subclass
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


# --- refusing what a plan file must not contain -------------------------------------------


class _Refused(Exception):
    """Raised inside ruamel's machinery; turned into an InputError by ``parse_yaml``."""

    def __init__(self, message: str, hint: str, mark: Any, *, directive: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.mark = mark
        self.directive = directive  # directives have no mark of their own: find the line


class _PlanComposer(Composer):
    """ruamel's composer with the safety rules of plan files."""

    _incas_depth = 0

    def compose_document(self) -> Any:
        event = self.parser.peek_event()
        version = getattr(event, "version", None)
        if version is not None and tuple(version) != (1, 2):
            text = ".".join(str(v) for v in version)
            raise _Refused(
                msg.YAML_VERSION.format(version=text),
                msg.YAML_VERSION_HINT.format(version=text),
                event.start_mark,
                directive="%YAML",
            )
        return super().compose_document()

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent) or event.anchor is not None:
            raise _Refused(msg.ANCHOR, msg.ANCHOR_HINT, event.start_mark)
        if event.tag is not None:
            tag = str(event.tag)
            shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:") else tag
            raise _Refused(
                msg.TAG.format(tag=shown), msg.TAG_HINT.format(tag=shown), event.start_mark
            )
        is_key = isinstance(parent, MappingNode) and index is None
        container = isinstance(event, MappingStartEvent | SequenceStartEvent)
        if is_key and not isinstance(event, ScalarEvent):
            raise _Refused(msg.COMPLEX_KEY, msg.COMPLEX_KEY_HINT, event.start_mark)
        if container:
            if self._incas_depth >= MAX_DEPTH:
                raise _Refused(
                    msg.TOO_DEEP.format(limit=MAX_DEPTH), msg.TOO_DEEP_HINT, event.start_mark
                )
            self._incas_depth += 1
        node = super().compose_node(parent, index)
        if container:
            self._incas_depth -= 1
        if isinstance(node, ScalarNode) and node.tag == _MERGE_TAG:
            raise _Refused(msg.MERGE_KEY, msg.MERGE_KEY_HINT, node.start_mark)
        return node


class _PlanConstructor(RoundTripConstructor):
    """Round-trip constructor whose failures carry a position and an Italian message."""

    def construct_non_recursive_object(self, node: Any, tag: str | None = None) -> Any:
        try:
            return super().construct_non_recursive_object(node, tag)
        except (ValueError, OverflowError) as exc:
            raise _bad_value(node) from exc

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        if key in mapping:
            first = _lc_data(mapping).get(key)
            shown = msg.EMPTY_KEY if key is None else _short(str(key))
            if first is not None:
                text = msg.DUPLICATE_KEY.format(key=shown, line=first[0] + 1, column=first[1] + 1)
            else:
                text = msg.DUPLICATE_KEY_NO_POSITION.format(key=shown)
            raise _Refused(text, msg.DUPLICATE_KEY_HINT, key_node.start_mark)
        return True


def _bad_value(node: Node) -> _Refused:
    value = str(node.value) if isinstance(node, ScalarNode) else ""
    if node.tag == _TIMESTAMP_TAG:
        return _Refused(
            msg.BAD_DATE.format(value=_short(value)), msg.BAD_DATE_HINT, node.start_mark
        )
    if node.tag == _INT_TAG:
        digits = sum(ch.isdigit() for ch in value)
        return _Refused(
            msg.NUMBER_TOO_LONG.format(digits=digits), msg.NUMBER_TOO_LONG_HINT, node.start_mark
        )
    return _Refused(msg.BAD_VALUE.format(value=_short(value)), msg.BAD_VALUE_HINT, node.start_mark)


def _short(text: str, limit: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _loader() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Composer = _PlanComposer
    yaml.Constructor = _PlanConstructor
    yaml.preserve_quotes = True
    return yaml


# --- reading ----------------------------------------------------------------------------


def load_yaml(path: Path, *, display_name: str | None = None) -> YamlDocument:
    """Read and parse a YAML file; every problem becomes an :class:`InputError`.

    ``display_name`` (default: ``str(path)``) names the file in messages.
    """
    name = display_name if display_name is not None else str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(msg.IS_DIRECTORY, hint=msg.IS_DIRECTORY_HINT, file=name)
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
            _too_large(name)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(msg.NOT_FOUND, hint=msg.NOT_FOUND_HINT, file=name) from None
    except IsADirectoryError:
        raise InputError(msg.IS_DIRECTORY, hint=msg.IS_DIRECTORY_HINT, file=name) from None
    except PermissionError:
        raise InputError(
            msg.PERMISSION_DENIED, hint=msg.PERMISSION_DENIED_HINT, file=name
        ) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(
            msg.READ_FAILED.format(reason=reason), hint=msg.READ_FAILED_HINT, file=name
        ) from None
    return parse_yaml(data, name)


def parse_yaml(text: str | bytes, name: str) -> YamlDocument:
    """Parse YAML from memory with the same rules as :func:`load_yaml`."""
    if isinstance(text, bytes | bytearray):
        decoded = _decode(bytes(text), name)
    else:
        if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            _too_large(name)
        decoded = text.removeprefix(_BOM)
    data = _compose(decoded, name)
    if data is None:
        raise InputError(msg.EMPTY, hint=msg.EMPTY_HINT, file=name)
    if not isinstance(data, CommentedMap):
        found = msg.FOUND_LIST if isinstance(data, CommentedSeq) else msg.FOUND_SCALAR
        line, column = _lc_start(data) or _first_content(decoded)
        raise InputError(
            msg.NOT_MAPPING.format(found=found),
            hint=msg.NOT_MAPPING_HINT,
            file=name,
            line=line,
            column=column,
        )
    return YamlDocument(name=name, text=decoded, data=data)


def _too_large(name: str) -> NoReturn:
    raise InputError(
        msg.TOO_LARGE.format(limit=_megabytes(MAX_BYTES)),
        hint=msg.TOO_LARGE_HINT,
        file=name,
    )


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    shown = f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")
    return msg.SIZE_MB.format(value=shown)


def _binary_kind(data: bytes) -> str | None:
    """What a non-text file is, from its first bytes; None for text."""
    head = data[:_SNIFF]
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in head:
            return msg.KIND_DOCX
        if b"xl/" in head:
            return msg.KIND_XLSX
        if b"application/vnd.oasis.opendocument" in head:
            return msg.KIND_OPENDOCUMENT
        return msg.KIND_ZIP
    if head.startswith(b"%PDF"):
        return msg.KIND_PDF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return msg.KIND_OLE
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")):
        return msg.KIND_IMAGE
    if head.startswith(b"\x1f\x8b"):
        return msg.KIND_GZIP
    if b"\x00" in data:
        return msg.KIND_BINARY
    return None


def _decode(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        _too_large(name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(msg.UTF16, hint=msg.UTF16_HINT, file=name)
    kind = _binary_kind(data)
    if kind is not None:
        raise InputError(msg.BINARY.format(kind=kind), hint=msg.BINARY_HINT, file=name)
    data = data.removeprefix(_UTF8_BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8")
        line, column = _line_col(before, len(before))
        raise InputError(
            msg.NOT_UTF8.format(byte=data[exc.start]),
            hint=msg.NOT_UTF8_HINT,
            file=name,
            line=line,
            column=column,
        ) from None


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based position of ``text[index]``, counting line breaks as ruamel does."""
    line = 1
    start = 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line += 1
        start = match.end()
    return line, index - start + 1


def _first_content(text: str) -> tuple[int, int]:
    """Where the first non-blank, non-comment line starts (for a top-level scalar)."""
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        stripped = line.lstrip(" \t")
        if stripped and not stripped.startswith("#"):
            return number, len(line) - len(stripped) + 1
    return 1, 1


def _compose(text: str, name: str) -> Any:
    """Run ruamel on ``text``; every failure becomes an InputError with a position."""
    try:
        return _loader().load(text)
    except _Refused as exc:
        if exc.directive:
            line = _directive_line(text, exc.directive)
            if line is not None:
                raise InputError(
                    exc.message, hint=exc.hint, file=name, line=line, column=1
                ) from None
        raise _error_at(exc.message, exc.hint, name, exc.mark) from None
    except ReaderError as exc:
        code = exc.character if isinstance(exc.character, int) else 0
        line, column = _line_col(text, int(exc.position or 0))
        raise InputError(
            msg.CONTROL_CHAR.format(code=code),
            hint=msg.CONTROL_CHAR_HINT,
            file=name,
            line=line,
            column=column,
        ) from None
    except MarkedYAMLError as exc:
        raise _translate(exc, text, name) from None
    except YAMLError:
        raise InputError(msg.UNREADABLE, hint=msg.UNREADABLE_HINT, file=name) from None
    except (RecursionError, ValueError, TypeError, OverflowError, IndexError, KeyError):
        # Last line of defence: ruamel should not raise these on any input, but a plan file
        # is untrusted and a traceback is never the right answer to a bad file.
        raise InputError(msg.UNREADABLE, hint=msg.UNREADABLE_HINT, file=name) from None


def _directive_line(text: str, directive: str) -> int | None:
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if line.startswith(directive):
            return number
    return None


def _error_at(message: str, hint: str, name: str, mark: Any) -> InputError:
    if mark is None:
        return InputError(message, hint=hint, file=name)
    return InputError(message, hint=hint, file=name, line=mark.line + 1, column=mark.column + 1)


def _leading_tab(text: str, line: int) -> int | None:
    """0-based column of a tab in the indentation of 0-based ``line``, if any."""
    lines = _LINE_BREAK.split(text)
    if not 0 <= line < len(lines):
        return None
    content = lines[line]
    indent = content[: len(content) - len(content.lstrip(" \t"))]
    position = indent.find("\t")
    return position if position >= 0 else None


def _continuation_start(text: str, mark: Any) -> tuple[int, int] | None:
    """Where a key starts that ruamel read as the continuation of the value above it.

    ``name: Saluzzo`` followed by a more indented ``   province: CN`` is one plain scalar
    until the second ``: ``; on that line no ``key:`` comes before the offending colon.
    """
    lines = _LINE_BREAK.split(text)
    if mark is None or not 0 <= mark.line < len(lines) or mark.line == 0:
        return None
    before = lines[mark.line][: mark.column]
    content = before.lstrip(" ")
    if not content or content.startswith(("- ", "-\t", "#", "[", "{", "'", '"')):
        return None
    if ": " in content or content.endswith(":") or ":\t" in content:
        return None
    return mark.line + 1, len(before) - len(content) + 1


def _translate(exc: MarkedYAMLError, text: str, name: str) -> InputError:
    """An Italian message for one of ruamel's syntax errors, at the most useful mark."""
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    mark = exc.problem_mark or exc.context_mark

    if "'\\t'" in problem:
        return _error_at(msg.TAB, msg.TAB_HINT, name, mark)
    if mark is not None:
        column = _leading_tab(text, mark.line)
        if column is not None:
            return InputError(
                msg.TAB, hint=msg.TAB_HINT, file=name, line=mark.line + 1, column=column + 1
            )
    if "quoted scalar" in context and (
        "end of stream" in problem or "document separator" in problem
    ):
        return _error_at(msg.UNCLOSED_QUOTE, msg.UNCLOSED_QUOTE_HINT, name, exc.context_mark)
    if "escape" in problem:
        return _error_at(msg.BAD_ESCAPE, msg.BAD_ESCAPE_HINT, name, mark)
    if "single document" in context or "another document" in problem:
        return _error_at(msg.MULTIPLE_DOCUMENTS, msg.MULTIPLE_DOCUMENTS_HINT, name, mark)
    if "mapping values are not allowed" in problem:
        start = _continuation_start(text, mark)
        if start is not None:
            return InputError(
                msg.INDENT_DEEPER,
                hint=msg.INDENT_DEEPER_HINT,
                file=name,
                line=start[0],
                column=start[1],
            )
        return _error_at(msg.COLON_IN_VALUE, msg.COLON_IN_VALUE_HINT, name, mark)
    if "simple key" in context and "expected ':'" in problem:
        return _error_at(msg.MISSING_COLON, msg.MISSING_COLON_HINT, name, exc.context_mark)
    if "flow sequence" in context or "flow mapping" in context:
        bracket, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return _error_at(
            msg.UNCLOSED_BRACKET.format(bracket=bracket),
            msg.UNCLOSED_BRACKET_HINT.format(closing=closing),
            name,
            exc.context_mark or mark,
        )
    if "block scalar" in context:
        return _error_at(msg.BLOCK_SCALAR, msg.BLOCK_SCALAR_HINT, name, mark)
    if "directive" in context or "YAML directive" in problem:
        return _error_at(msg.DIRECTIVE, msg.DIRECTIVE_HINT, name, mark)
    stray = re.search(r"expected the node content, but found '([\],}?:-])'", problem)
    if stray:
        char = stray.group(1)
        return _error_at(
            msg.UNEXPECTED_CHAR.format(char=char), msg.UNEXPECTED_CHAR_HINT, name, mark
        )
    found = re.search(r"found character '(.+?)' that cannot start any token", problem)
    if found:
        char = found.group(1)
        return _error_at(msg.RESERVED_CHAR.format(char=char), msg.RESERVED_CHAR_HINT, name, mark)
    if (
        "expected <block end>" in problem
        or "are not allowed here" in problem
        or "block mapping" in context
        or "block collection" in context
    ):
        return _error_at(msg.BAD_STRUCTURE, msg.BAD_STRUCTURE_HINT, name, mark)
    return _error_at(msg.SYNTAX, msg.SYNTAX_HINT, name, mark)


# --- dumping ----------------------------------------------------------------------------


def _represent_decimal(representer: RoundTripRepresenter, value: Decimal) -> Any:
    if value.is_nan():
        return representer.represent_scalar(_FLOAT_TAG, ".nan")
    if value.is_infinite():
        return representer.represent_scalar(_FLOAT_TAG, ".inf" if value > 0 else "-.inf")
    text = format(value, "f")
    return representer.represent_scalar(_FLOAT_TAG if "." in text else _INT_TAG, text)


def _represent_str(representer: RoundTripRepresenter, value: str) -> Any:
    if _NEL in value:
        return representer.represent_scalar(_STR_TAG, value, style='"')
    return representer.represent_str(value)


def _dumper() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 1_000_000
    yaml.allow_unicode = True
    yaml.representer.add_representer(Decimal, _represent_decimal)
    yaml.representer.add_representer(str, _represent_str)
    return yaml


def dump_yaml(data: Any) -> str:
    """Round-trip dump: comments and key order kept, block style, 2-space indent.

    Lists are indented under their key, unicode is written as is, long text is never
    wrapped, dates are ``YYYY-MM-DD`` and ``Decimal`` amounts keep their digits.
    """
    stream = io.StringIO()
    _dumper().dump(data, stream)
    return stream.getvalue()


def new_document_data(plain: Mapping[str, Any]) -> Any:
    """A plain dict (e.g. a model dump) as a ruamel tree ready for :func:`dump_yaml`.

    Enums become their values, tuples become lists and multi-line text becomes a literal
    block (``|``) so that paragraphs stay readable in the file.
    """
    return _to_tree(plain)


def _to_tree(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, Mapping):
        tree = CommentedMap()
        for key, item in value.items():
            tree[_to_tree(key)] = _to_tree(item)
        return tree
    if isinstance(value, list | tuple):
        return CommentedSeq(_to_tree(item) for item in value)
    if isinstance(value, str):
        text = str(value)
        if "\n" in text and all(line.isprintable() for line in text.split("\n")):
            return LiteralScalarString(text)
        return text
    if value is None or isinstance(value, bool | int | float | Decimal | datetime.date):
        return value
    raise TypeError(f"cannot write {type(value).__name__} to YAML")


# --- writing ----------------------------------------------------------------------------


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_error(exc: OSError, path: Path) -> InputError:
    name = str(path)
    if isinstance(exc, PermissionError):
        return InputError(msg.OUTPUT_PERMISSION, hint=msg.OUTPUT_PERMISSION_HINT, file=name)
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        parent = str(path.parent)
        return InputError(
            msg.OUTPUT_NO_PARENT.format(parent=parent), hint=msg.OUTPUT_NO_PARENT_HINT, file=name
        )
    if isinstance(exc, IsADirectoryError):
        return InputError(msg.OUTPUT_IS_DIRECTORY, hint=msg.OUTPUT_IS_DIRECTORY_HINT, file=name)
    reason = exc.strerror or type(exc).__name__
    return InputError(msg.WRITE_FAILED.format(reason=reason), hint=msg.WRITE_FAILED_HINT, file=name)


def _exists_error(path: Path) -> OutputExistsError:
    return OutputExistsError(msg.OUTPUT_EXISTS, hint=msg.OUTPUT_EXISTS_HINT, file=str(path))


@contextlib.contextmanager
def atomic_writer(path: Path, *, force: bool = False) -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces ``path`` whole when the block ends without error.

    The data goes to a temporary file in the same folder, is flushed to disk and then
    renamed over ``path``: readers see the old file or the new one, never half of one.
    Without ``force`` an existing file is an :class:`OutputExistsError`; an overwritten
    file keeps its permissions. If the block raises, the temporary file is removed, the
    original is untouched and the exception propagates unchanged.
    """
    if path.is_dir():
        raise InputError(msg.OUTPUT_IS_DIRECTORY, hint=msg.OUTPUT_IS_DIRECTORY_HINT, file=str(path))
    if not force and os.path.lexists(path):
        raise _exists_error(path)
    folder = path.parent
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, on every path
            mode="wb", delete=False, dir=folder, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise _write_error(exc, path) from None
    temp = Path(handle.name)
    try:
        try:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        finally:
            handle.close()
        _install(temp, path, force=force)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _install(temp: Path, path: Path, *, force: bool) -> None:
    """Give ``temp`` the right permissions and move it to ``path``."""
    try:
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_current_umask()
        os.chmod(temp, mode)
        if force:
            os.replace(temp, path)
        else:
            _link_exclusive(temp, path)
    except OutputExistsError:
        raise
    except OSError as exc:
        raise _write_error(exc, path) from None
    with contextlib.suppress(OSError):
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def _link_exclusive(temp: Path, path: Path) -> None:
    """Move ``temp`` to ``path`` only if ``path`` still does not exist (no race)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise _exists_error(path) from None
    except OSError:
        # Some file systems have no hard links: fall back to check-then-rename.
        if os.path.lexists(path):
            raise _exists_error(path) from None
        os.replace(temp, path)
        return
    temp.unlink()


def atomic_write_bytes(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path, force=force) as handle:
        try:
            handle.write(data)
        except OSError as exc:
            raise _write_error(exc, path) from None


def atomic_write_text(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically, newlines as given."""
    atomic_write_bytes(path, text.encode("utf-8"), force=force)
