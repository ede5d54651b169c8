"""Reading plan files: size, encoding and binary sniffing, then YAML with Italian errors.

Reading follows YAML 1.2, so ``no``/``yes`` stay text and ``2024-01`` stays text. Two
readers: :func:`load_yaml` goes through ruamel.yaml's round-trip loader, so comments and
key order survive an edit (the wizard, ``plan edit``); :func:`read_yaml`, for files only
read (validate, render, build, status), first tries libyaml (:mod:`~incas_cli.io.fast`,
14-27x faster) and leaves to ruamel whatever it is not sure of, errors included: both give
the same data, positions and messages. Every failure becomes an
:class:`~incas_cli.errors.InputError` with an Italian message and, when there is one, a
position.
"""

from __future__ import annotations

import errno
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from incas_cli.errors import InputError
from incas_cli.io import fast
from incas_cli.io.document import YamlDocument, _lc_start
from incas_cli.io.slips import (
    LINE_BREAK,
    items_under_empty,
    list_on_key_line,
    lookalike,
    mapping_on_key_line,
    no_space_after_colon,
    previous_content_line,
)
from incas_cli.messages import io as msg

if TYPE_CHECKING:
    from ruamel.yaml.error import MarkedYAMLError

MAX_BYTES = 5 * 1024 * 1024
"""Largest plan file read (a real plan is a few tens of kB)."""

_BOM = "\ufeff"
_UTF8_BOM = b"\xef\xbb\xbf"

_SNIFF = 4096


def load_yaml(path: Path, *, display_name: str | None = None) -> YamlDocument:
    """Read and parse a YAML file to be edited and written back (a round-trip tree, with
    comments); every problem becomes an :class:`InputError`.

    ``display_name`` (default: ``str(path)``) names the file in messages.
    """
    name = display_name if display_name is not None else input_name(path)
    return parse_yaml(_read_bytes(path, name), name)


def read_yaml(path: Path, *, display_name: str | None = None) -> YamlDocument:
    """Read and parse a YAML file that is not written back: :func:`load_yaml`'s data
    (as :meth:`YamlDocument.plain`), positions and errors, faster. Its ``data`` is the plain
    data, not a round-trip tree."""
    name = display_name if display_name is not None else input_name(path)
    return read_yaml_text(_read_bytes(path, name), name)


def read_yaml_text(text: str | bytes, name: str) -> YamlDocument:
    """:func:`read_yaml` of text in memory (:func:`parse_yaml`'s rules)."""
    decoded = _text(text, name)
    found = fast.read(decoded)
    if found is fast.UNSURE:
        return _parsed(decoded, name)
    data, marks = found
    return YamlDocument(name=name, text=decoded, data=data, marks=marks)


def _read_bytes(path: Path, name: str) -> bytes:
    if str(path) == STDIN:  # ``-``: the plan piped in
        return _read_stdin()
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(msg.IS_DIRECTORY, hint=msg.IS_DIRECTORY_HINT, file=name)
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
            _too_large(name)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(msg.NOT_FOUND, hint=_not_found_hint(str(path)), file=name) from None
    except IsADirectoryError:
        raise InputError(msg.IS_DIRECTORY, hint=msg.IS_DIRECTORY_HINT, file=name) from None
    except PermissionError:
        raise InputError(
            msg.PERMISSION_DENIED, hint=msg.PERMISSION_DENIED_HINT, file=name
        ) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise InputError(msg.NAME_TOO_LONG, hint=msg.NAME_TOO_LONG_HINT, file=name) from None
        reason = exc.strerror or type(exc).__name__
        raise InputError(
            msg.READ_FAILED.format(reason=reason), hint=msg.READ_FAILED_HINT, file=name
        ) from None
    return data


STDIN = "-"
"""The input file name that means stdin."""


def _read_stdin() -> bytes:
    import sys

    return sys.stdin.buffer.read(MAX_BYTES + 1)


def input_name(path: Path) -> str:
    """How messages name an input file (``<stdin>`` for ``-``)."""
    return msg.STDIN_NAME if str(path) == STDIN else str(path)


def _not_found_hint(path: str) -> str:
    """A Windows path (``C:\\piani\\x.yaml``) names no file here: say what to write."""
    if "\\" not in path:
        return msg.NOT_FOUND_HINT
    slashed = path.replace("\\", "/")
    drive = re.match(r"^([A-Za-z]):/", slashed)
    wsl = f"/mnt/{drive[1].lower()}/{slashed[3:]}" if drive else slashed
    return msg.NOT_FOUND_BACKSLASH_HINT.format(wsl=wsl)


def parse_yaml(text: str | bytes, name: str) -> YamlDocument:
    """Parse YAML from memory with the same rules as :func:`load_yaml`."""
    return _parsed(_text(text, name), name)


def _text(text: str | bytes, name: str) -> str:
    if isinstance(text, bytes | bytearray):
        return _decode(bytes(text), name)
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        _too_large(name)
    return text.removeprefix(_BOM)


def _parsed(decoded: str, name: str) -> YamlDocument:
    """The round-trip tree of decoded text, through ruamel."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

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
    for match in LINE_BREAK.finditer(text, 0, index):
        line += 1
        start = match.end()
    return line, index - start + 1


def _first_content(text: str) -> tuple[int, int]:
    """Where the first non-blank, non-comment line starts (for a top-level scalar)."""
    for number, line in enumerate(LINE_BREAK.split(text), start=1):
        stripped = line.lstrip(" \t")
        if stripped and not stripped.startswith("#"):
            return number, len(line) - len(stripped) + 1
    return 1, 1


def _compose(text: str, name: str) -> Any:
    """Run ruamel on ``text``; every failure becomes an InputError with a position."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    from incas_cli.io.safety import _loader, _Refused

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
    except (
        RecursionError,
        ValueError,
        TypeError,
        OverflowError,
        IndexError,
        KeyError,
        AssertionError,  # ruamel asserts on "%YAML 1.3" (any 1.x but 1.1 and 1.2)
    ):
        # Last line of defence: ruamel should not raise these on any input, but a plan file
        # is untrusted and a traceback is never the right answer to a bad file.
        raise InputError(msg.UNREADABLE, hint=msg.UNREADABLE_HINT, file=name) from None


def _directive_line(text: str, directive: str) -> int | None:
    for number, line in enumerate(LINE_BREAK.split(text), start=1):
        if line.startswith(directive):
            return number
    return None


def _error_at(message: str, hint: str, name: str, mark: Any) -> InputError:
    if mark is None:
        return InputError(message, hint=hint, file=name)
    return InputError(message, hint=hint, file=name, line=mark.line + 1, column=mark.column + 1)


def _leading_tab(text: str, line: int) -> int | None:
    """0-based column of a tab in the indentation of 0-based ``line``, if any."""
    lines = LINE_BREAK.split(text)
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
    lines = LINE_BREAK.split(text)
    if mark is None or not 0 <= mark.line < len(lines) or mark.line == 0:
        return None
    before = lines[mark.line][: mark.column]
    content = before.lstrip(" ")
    if not content or content.startswith(("- ", "-\t", "#", "[", "{", "'", '"')):
        return None
    if ": " in content or content.endswith(":") or ":\t" in content:
        return None
    return mark.line + 1, len(before) - len(content) + 1


def _quote_closed_on_line(text: str, mark: Any) -> tuple[int, int] | None:
    """Where a quoted text starts (1-based line and column) that began on an earlier line and
    closed on the line of ``mark``, before it: ``title: "Piano`` left open is closed by the
    first quote further down, and the error only shows there."""
    # PyYAML's scanner: the same tokens for quoted text as ruamel's, in every version
    # incas supports (ruamel's YAML.scan is missing before 0.17)
    import yaml
    from yaml import ScalarToken, YAMLError

    if mark is None:
        return None
    last: Any = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > mark.line:
                break
            if isinstance(token, ScalarToken) and token.style in ('"', "'"):
                last = token
    except YAMLError:
        pass
    if last is None or last.end_mark.line != mark.line or last.start_mark.line >= mark.line:
        return None
    if last.end_mark.column > mark.column:
        return None
    return last.start_mark.line + 1, last.start_mark.column + 1


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
    pasted = lookalike(text, name, mark)
    if pasted is not None:
        return pasted
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
            above = previous_content_line(text, start[0] - 1)
            slip = None if above is None else no_space_after_colon(text, name, above)
            if slip is not None:
                return slip
            return InputError(
                msg.INDENT_DEEPER,
                hint=msg.INDENT_DEEPER_HINT,
                file=name,
                line=start[0],
                column=start[1],
            )
        nested = mapping_on_key_line(text, name, mark)
        if nested is not None:
            return nested
        return _error_at(msg.COLON_IN_VALUE, msg.COLON_IN_VALUE_HINT, name, mark)
    if "simple key" in context and "expected ':'" in problem:
        key = exc.context_mark
        slip = None if key is None else no_space_after_colon(text, name, key.line, key.column)
        if slip is not None:
            return slip
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
    listed = list_on_key_line(text, name, mark) or items_under_empty(text, name, mark)
    if listed is not None:
        return listed
    if (
        "expected <block end>" in problem
        or "are not allowed here" in problem
        or "block mapping" in context
        or "block collection" in context
    ):
        opened = _quote_closed_on_line(text, mark)
        if opened is not None:
            line = mark.line + 1
            return InputError(
                msg.QUOTE_CLOSED_LATER.format(line=line),
                hint=msg.QUOTE_CLOSED_LATER_HINT,
                file=name,
                line=opened[0],
                column=opened[1],
            )
        return _error_at(msg.BAD_STRUCTURE, msg.BAD_STRUCTURE_HINT, name, mark)
    return _error_at(msg.SYNTAX, msg.SYNTAX_HINT, name, mark)
