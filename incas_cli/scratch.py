"""incas's own temporary files and folders: recognisable names, and leftovers swept.

A command killed at the wrong moment (SIGKILL, a power cut, an out-of-memory kill) cannot
clean up after itself. Everything incas makes temporarily therefore carries its kind and
the id of the process that made it:

- folders in the system's temporary folder: ``incas-<kind>-<pid>-<random>`` (the
  LibreOffice step's copy of a document, which may hold the internal edition's contacts);
- the atomic write's file beside its target: ``.incas-<pid>-<random>.tmp`` (short, so that
  a 255-byte output name still has a temporary name the file system accepts).

The next command removes those whose process is gone and that are older than a minute
(:func:`sweep_temp_dirs`, :func:`sweep_temp_files`): a live process's files are never
touched, nor another user's. A LibreOffice that is killed leaves its pipe socket,
``OSL_PIPE_<uid>_incas-<pid>-<hex>``, in ``/tmp`` (LibreOffice's own choice, whatever
``TMPDIR`` says): those named after an incas process that is gone go too
(:func:`sweep_office_pipes`); other programs' pipes are never touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from pathlib import Path

PREFIX = "incas-"
MIN_AGE = 60.0
"""Seconds a leftover must have been left alone before it is removed (a process that has
just started may not be visible yet under its id on some systems)."""

_DIR = re.compile(r"^incas-[a-z]+-(\d+)-[A-Za-z0-9_]+$")
_FILE = re.compile(r"^\.incas-(\d+)-[0-9a-f]+\.tmp$")
_PIPE = re.compile(r"^OSL_PIPE_\d+_incas-(\d+)-[0-9a-f]+$")

OFFICE_PIPE_FOLDERS = ("/tmp", "/var/tmp")
"""Where LibreOffice makes its named pipes (the first it may write to), whatever ``TMPDIR``
says; the pipe of an office session is named after the incas process that started it
(:mod:`incas_cli.publish.session`)."""


def temp_dir(kind: str, *, need: int = 0) -> Path:
    """A new private folder in the temporary folder, named ``incas-<kind>-<pid>-…``.

    ``InputError`` naming the folder (and ``TMPDIR``) when it cannot be made there, or when
    fewer than ``need`` bytes are free in it: LibreOffice in a full temporary folder fails
    with messages that blame the document instead.
    """
    from incas_cli.errors import InputError
    from incas_cli.messages import io as msg

    base = tempfile.gettempdir()
    try:
        made = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{kind}-{os.getpid()}-"))
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(
            msg.TEMP_UNUSABLE.format(folder=base, reason=reason), hint=msg.TEMP_HINT
        ) from None
    try:
        free = shutil.disk_usage(made).free
    except OSError:
        free = need
    if free < need:
        shutil.rmtree(made, ignore_errors=True)
        raise InputError(
            msg.TEMP_FULL.format(folder=base, megabytes=need // 2**20), hint=msg.TEMP_HINT
        )
    return made


def temp_file_name() -> str:
    """A short name for the atomic write's temporary file: ``.incas-<pid>-<hex>.tmp``."""
    return f".{PREFIX}{os.getpid()}-{secrets.token_hex(4)}.tmp"


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists (another user's counts as alive)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def remove_temp_dirs_of(pid: int, folder: Path | None = None) -> list[Path]:
    """Remove the temporary folders of process ``pid``, which must be gone (a worker its
    parent had to kill: it could not remove them); returns what was removed. Tolerant of
    what vanishes meanwhile (the process's LibreOffice worker may be removing it too)."""
    if pid == os.getpid() or pid_alive(pid):
        return []
    base = Path(folder) if folder is not None else Path(tempfile.gettempdir())
    removed = []
    for path, owner in _named_in(base, _DIR):
        if owner == pid and _own_folder(path):
            shutil.rmtree(path, ignore_errors=True)
            if not path.exists():
                removed.append(path)
    return removed


def _own_folder(path: Path) -> bool:
    """A real folder (not a link to one) of this user."""
    try:
        info = path.lstat()
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and mine


def _abandoned(path: Path, pid: int, min_age: float) -> bool:
    if pid == os.getpid() or pid_alive(pid):
        return False
    try:
        info = path.lstat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return time.time() - _newest_change(path, info.st_mtime) >= min_age


def _newest_change(path: Path, mtime: float) -> float:
    """The latest modification of a folder or of what it directly holds: a process whose id
    means nothing here (another container sharing the folder) is still seen at work."""
    if not path.is_dir() or path.is_symlink():
        return mtime
    with contextlib.suppress(OSError):
        for entry in os.scandir(path):
            with contextlib.suppress(OSError):
                mtime = max(mtime, entry.stat(follow_symlinks=False).st_mtime)
    return mtime


def sweep_temp_dirs(folder: Path | None = None, *, min_age: float = MIN_AGE) -> list[Path]:
    """Remove incas's abandoned temporary folders; returns what was removed."""
    base = Path(folder) if folder is not None else Path(tempfile.gettempdir())
    removed = []
    for path in _abandoned_in(base, _DIR, min_age):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def sweep_office_pipes(*, min_age: float = MIN_AGE) -> list[Path]:
    """Remove the pipe sockets of incas's LibreOffices whose incas process is gone (a killed
    office cannot remove its own); returns what was removed. Sockets only, ours only."""
    removed = []
    for base in OFFICE_PIPE_FOLDERS:
        for path in _abandoned_in(Path(base), _PIPE, min_age):
            with contextlib.suppress(OSError):
                if stat.S_ISSOCK(path.lstat().st_mode):
                    path.unlink()
                    removed.append(path)
    return removed


def sweep_temp_files(folder: Path, *, min_age: float = MIN_AGE) -> list[Path]:
    """Remove the abandoned temporary files of atomic writes in ``folder``."""
    removed = []
    for path in _abandoned_in(folder, _FILE, min_age):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _abandoned_in(folder: Path, pattern: re.Pattern[str], min_age: float) -> list[Path]:
    """Entries of ``folder`` named by ``pattern`` (group 1: a process id) left behind."""
    return [path for path, pid in _named_in(folder, pattern) if _abandoned(path, pid, min_age)]


def _named_in(folder: Path, pattern: re.Pattern[str]) -> list[tuple[Path, int]]:
    """Entries of ``folder`` named by ``pattern``, with the process id in their name."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        match = pattern.match(name)
        if match is not None:
            found.append((folder / name, int(match.group(1))))
    return found
