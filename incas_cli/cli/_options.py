"""Conventions every command shares: option names, choices in help, ``-`` for stdin/stdout.

Option names are English, like the plan file's keys (``--output``, ``--format``,
``--edition``, ``--plan``, ``--action``); ``--comune`` stays, as the file's own key. Names
used before are still read, hidden from help: :data:`OLD_NAMES` maps them through click's
token normalisation, so every command accepts them without a second option each.

Streams: a command's result (a report, a table, JSON, a schema, a document with ``-o -``)
goes to stdout; what it says about its work (written files, progress, warnings, errors)
goes to stderr. ``-`` as an input file is stdin, ``-o -`` is stdout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

STDIO = Path("-")
"""``-``: stdin as an input file, stdout as ``-o``."""

OLD_NAMES = {"piano": "plan", "azione": "action"}
"""Option names of earlier versions (without dashes) and the names that replace them."""


def normalize_option(name: str) -> str:
    """click's ``token_normalize_func``: an old option name read as its new one."""
    return OLD_NAMES.get(name, name)


def choices(values: Iterable[str]) -> str:
    """``[docx|odt|pdf]``: the metavar that shows an option's values in help."""
    return "[" + "|".join(values) + "]"


def completer(values: Iterable[str]) -> Callable[[str], list[str]]:
    """typer's ``autocompletion``: the shell's Tab offers an option's values."""
    known = tuple(values)

    def complete(incomplete: str) -> list[str]:
        return [value for value in known if value.startswith(incomplete)]

    return complete


def choice_option(
    default: str | None, name: str, values: Sequence[str], text: str, *, show_default: bool = True
) -> Any:
    """A typer option with fixed ``values``: shown as its metavar (:func:`choices`), offered
    by the shell's Tab (:func:`completer`). ``text`` is its help; the command checks the
    value itself, with an Italian message."""
    import typer

    return typer.Option(
        default,
        name,
        metavar=choices(values),
        autocompletion=completer(values),
        help=text,
        show_default=show_default,
    )


def is_stdio(path: Path | None) -> bool:
    return path is not None and path == STDIO


def shell_word(text: object) -> str:
    """:func:`incas_cli.formats.shell_word`, imported when a command first quotes a name
    (``incas --help`` does not load the formats and their decimals)."""
    from incas_cli.formats import shell_word as quoted

    return quoted(text)


def output_path(value: str | Path) -> Path:
    """typer's ``parser`` of an ``--output`` that names a file or an existing folder: a
    name ending with a separator (``Cartella Nuova/``) is a folder, which must exist, or
    the document would be written beside it as ``Cartella Nuova.docx`` (pathlib drops the
    separator before the command sees it)."""
    import os

    import typer

    from incas_cli.messages import io as io_msg

    path = Path(value)
    if isinstance(value, Path):  # a default value: already a path
        return path
    separators = (os.sep, os.altsep) if os.altsep else (os.sep,)
    if value.endswith(separators) and not path.is_dir():
        raise typer.BadParameter(
            f"{io_msg.OUTPUT_NO_PARENT.format(parent=value)}: {io_msg.OUTPUT_NO_PARENT_HINT}"
        )
    return path


def output_folder(value: str | Path) -> Path:
    """typer's ``parser`` of an ``--output`` that names a folder (``plan build``,
    ``export``): ``-``, the standard output of the commands that write one document, is
    refused instead of becoming a folder named «-»."""
    import typer

    from incas_cli.messages import io as io_msg

    if isinstance(value, str) and value == "-":
        raise typer.BadParameter(io_msg.OUTPUT_FOLDER_NOT_STDOUT)
    return Path(value)
