"""Writing files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from incas_cli.errors import InputError, OutputExistsError
from incas_cli.messages import io as msg
from incas_cli.scratch import sweep_temp_files, temp_file_name

_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


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
    if exc.errno in _NO_SPACE:
        return InputError(msg.DISK_FULL, hint=msg.DISK_FULL_HINT, file=name)
    if exc.errno == errno.EROFS:
        return InputError(msg.READ_ONLY, hint=msg.READ_ONLY_HINT, file=name)
    reason = exc.strerror or type(exc).__name__
    return InputError(msg.WRITE_FAILED.format(reason=reason), hint=msg.WRITE_FAILED_HINT, file=name)


def _exists_error(path: Path) -> OutputExistsError:
    return OutputExistsError(msg.OUTPUT_EXISTS, hint=msg.OUTPUT_EXISTS_HINT, file=str(path))


@contextlib.contextmanager
def atomic_writer(path: Path, *, force: bool = False) -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces ``path`` whole when the block ends without error.

    The data goes to a temporary file in the same folder (``.incas-<pid>-<hex>.tmp``, short
    whatever the target's name), is flushed to disk and then renamed over ``path``:
    readers see the old file or the new one, never half of one. Without ``force`` an
    existing file is an :class:`OutputExistsError`; an overwritten file keeps its
    permissions, and a symbolic link is written through (its target is replaced, the link
    stays). If the block raises, the temporary file is removed, the original is untouched
    and the exception propagates (an ``OSError`` of the disk as an ``InputError``). Temporary
    files that killed incas processes left in the folder are removed first.
    """
    if force and path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise InputError(msg.OUTPUT_IS_DIRECTORY, hint=msg.OUTPUT_IS_DIRECTORY_HINT, file=str(path))
    if not force and os.path.lexists(path):
        raise _exists_error(path)
    folder = path.parent
    sweep_temp_files(folder)
    handle, temp = _create_temp(folder, path)
    try:
        try:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        except OSError as exc:
            raise _write_error(exc, path) from None
        finally:
            with contextlib.suppress(OSError):
                handle.close()
        _install(temp, path, force=force)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _create_temp(folder: Path, path: Path) -> tuple[IO[bytes], Path]:
    """A new temporary file in ``folder``, open for writing, readable by its owner only."""
    for _ in range(100):
        temp = folder / temp_file_name()
        try:
            fd = os.open(
                temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
            )
        except FileExistsError:
            continue
        except OSError as exc:
            raise _write_error(exc, path) from None
        return os.fdopen(fd, "wb"), temp
    raise _write_error(FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST)), path)


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
    _to_stdout((data,))


@contextlib.contextmanager
def stdout_writer() -> Iterator[IO[bytes]]:
    """Yield a seekable binary file (a zip writer needs one) whose content goes to stdout,
    as :func:`write_stdout` writes it, when the block ends without error: stdout gets the
    whole output or nothing, and an anonymous temporary file holds it, not memory."""
    import tempfile

    with tempfile.TemporaryFile(prefix="incas-stdout-") as handle:
        yield handle
        handle.seek(0)
        _to_stdout(iter(lambda: handle.read(_CHUNK), b""))


_CHUNK = 1 << 20


def _to_stdout(chunks: Iterable[bytes]) -> None:
    import sys

    stream = sys.stdout.buffer
    try:
        for chunk in chunks:
            stream.write(chunk)
        stream.flush()
    except BrokenPipeError:
        # Python would complain again when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
