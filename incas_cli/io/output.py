"""Where a command writes: the one rule every command that writes a file follows.

- An existing folder as the output: the file goes inside it, under the name the command
  would give it by itself (``plan render piano.yaml -o documenti/`` writes
  ``documenti/piano.docx``), as ``cp`` and ``plan build -o DIR`` do.
- No extension: the format's is added; an extension that is not the format's is refused
  (a Word document named ``piano.yaml`` would hide the plan it replaced).
- ``-`` (the standard output) reaches here only from a command that cannot write there: it
  is refused, never a file named ``-.docx``.
- One of the command's own inputs is never the output, ``--force`` or not (the same file
  reached through another name or a link counts too).
- An existing file without ``--force`` is refused before any work; the atomic write checks
  again, without races.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from incas_cli.errors import OutputExistsError, UsageError
from incas_cli.messages import io as msg


def output_file(
    path: Path,
    *,
    suffixes: Sequence[str],
    name_inside: str | None,
    inputs: Iterable[Path | None] = (),
    force: bool = False,
) -> Path:
    """The file to write for the output ``path`` a user gave, or a ``UsageError``.

    ``suffixes`` are the extensions of the format, without dot (the first is added to a
    name without one); ``name_inside`` is the name used when ``path`` is an existing folder
    (``None``: a folder is refused); ``inputs`` are the files the command reads.
    """
    if path == Path("-"):  # the commands that can write to stdout never come here with it
        raise UsageError(
            msg.OUTPUT_NOT_STDOUT,
            hint=msg.OUTPUT_NOT_STDOUT_HINT.format(example=name_inside or f"file.{suffixes[0]}"),
        )
    if path.is_dir():
        if name_inside is None:
            raise UsageError(msg.OUTPUT_IS_DIRECTORY, hint=msg.OUTPUT_IS_DIRECTORY_HINT, file=path)
        path = path / name_inside
    suffix = path.suffix.lower().lstrip(".")
    if not suffix:
        path = path.with_name(f"{path.name}.{suffixes[0]}")
    elif suffix not in suffixes:
        expected = " o ".join(f".{s}" for s in suffixes)
        raise UsageError(
            msg.OUTPUT_WRONG_SUFFIX.format(suffix=suffix, expected=expected),
            hint=msg.OUTPUT_WRONG_SUFFIX_HINT.format(
                expected=expected, example=f"{path.stem}.{suffixes[0]}"
            ),
            file=path,
        )
    source = InputFiles(inputs).overwritten_by(path)
    if source is not None:
        raise UsageError(
            msg.OUTPUT_IS_INPUT.format(input=source), hint=msg.OUTPUT_IS_INPUT_HINT, file=path
        )
    if not force and os.path.lexists(path):
        raise OutputExistsError(msg.OUTPUT_EXISTS, hint=msg.OUTPUT_EXISTS_HINT, file=path)
    return path


class InputFiles:
    """The files a command reads, known by resolved name and by inode: whether writing a
    path would replace one of them is then one lookup, not one comparison per input (a
    build of thousands of plans asks it for each of its documents)."""

    def __init__(self, inputs: Iterable[Path | None]) -> None:
        self._by_name: dict[Path, Path] = {}
        self._by_inode: dict[tuple[int, int], Path] = {}
        for source in inputs:
            if source is None:
                continue
            resolved = _resolved(source)
            if resolved is not None:
                self._by_name.setdefault(resolved, source)
            inode = _inode(source)
            if inode is not None:
                self._by_inode.setdefault(inode, source)

    def overwritten_by(self, path: Path) -> Path | None:
        """The input that writing ``path`` would replace: the same resolved name, or (a
        hard link, a name the file system folds) the same inode; None if none."""
        resolved = _resolved(path)
        if resolved is not None and resolved in self._by_name:
            return self._by_name[resolved]
        inode = _inode(path)
        return self._by_inode.get(inode) if inode is not None else None


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
        return None


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # ValueError: a name with a NUL byte
        return None
    return info.st_dev, info.st_ino
