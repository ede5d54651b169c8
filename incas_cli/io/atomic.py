"""Writing files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from incas_cli.errors import InputError, OutputExistsError
from incas_cli.messages import io as msg


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
    if exc.errno == errno.ENAMETOOLONG:
        return InputError(msg.NAME_TOO_LONG, hint=msg.OUTPUT_NAME_TOO_LONG_HINT, file=name)
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


def write_stdout(data: bytes) -> None:
    """A whole output (a document with ``-o -``) on stdout, as bytes.

    A reader that stops early (``| head``) is not an error of incas: the rest is dropped.
    """
    import sys

    stream = sys.stdout.buffer
    try:
        stream.write(data)
        stream.flush()
    except BrokenPipeError:
        # Python would complain again when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
