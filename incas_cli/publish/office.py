"""Finding LibreOffice, and what a conversion job is.

Jobs run in ``uno_worker.py`` through a session (:mod:`~incas_cli.publish.session`): a
temporary folder holding the inputs, the outputs and a private LibreOffice user profile,
so parallel sessions and a desktop LibreOffice already running never share state. The
worker and the ``soffice`` it starts run in their own process group under a time limit:
on timeout (or Ctrl-C) the whole group is killed, and the folder removed with the session.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from incas_cli.errors import ExternalToolError
from incas_cli.messages import publish as msg

WORK_SPACE = 200 * 2**20
"""Bytes free in the temporary folder before LibreOffice starts (profile, input, output)."""

SOFFICE_ENV = "INCAS_SOFFICE"
UNO_PYTHON_ENV = "INCAS_UNO_PYTHON"

#: Where LibreOffice usually lives when it is not on PATH (newest /opt build first).
USUAL_LOCATIONS: tuple[str, ...] = (
    "/usr/lib/libreoffice/program/soffice",
    "/usr/lib64/libreoffice/program/soffice",
    "/usr/local/lib/libreoffice/program/soffice",
    "/opt/libreoffice*/program/soffice",
    "/snap/bin/libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)

#: Pythons that may have ``uno`` besides LibreOffice's own bundled one.
SYSTEM_PYTHONS: tuple[str, ...] = ("/usr/bin/python3", "/usr/local/bin/python3")

# Worker exit codes (see uno_worker.py).
_EXIT_NO_UNO = 3
_EXIT_START = 4
_EXIT_CONNECT = 5
_EXIT_LOAD = 6
_EXIT_STORE = 7

_PROBE_TIMEOUT = 30.0


def _executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def find_soffice() -> Path | None:
    """LibreOffice's ``soffice``: ``$INCAS_SOFFICE``, then PATH, then the usual places.

    When ``INCAS_SOFFICE`` is set, only that program is considered (a name on PATH or a
    path); set to an empty value it disables LibreOffice altogether.
    """
    override = os.environ.get(SOFFICE_ENV)
    if override is not None:
        found = shutil.which(override) if override.strip() else None
        return Path(found) if found else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for pattern in USUAL_LOCATIONS:
        for candidate in sorted(glob.glob(pattern), reverse=True):
            if _executable(Path(candidate)):
                return Path(candidate)
    return None


def _uno_candidates(soffice: Path) -> list[str]:
    program = soffice.resolve().parent
    bundled = [
        program / "python",  # LibreOffice's own builds (Linux, Windows: python.exe)
        program / "python.exe",
        program.parent / "Resources" / "python",  # macOS app bundle
    ]
    return [str(p) for p in bundled if _executable(p)] + [
        p for p in SYSTEM_PYTHONS if _executable(Path(p))
    ]


@functools.lru_cache(maxsize=8)
def _probe_uno(python: str) -> bool:
    try:
        done = subprocess.run(
            [python, "-c", "import uno"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_worker_env(),
            timeout=_PROBE_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def find_uno_python(soffice: Path | None = None) -> Path | None:
    """A Python interpreter that can ``import uno`` (python3-uno), or None."""
    override = os.environ.get(UNO_PYTHON_ENV)
    if override is not None:
        found = shutil.which(override) if override.strip() else None
        return Path(found) if found and _probe_uno(found) else None
    soffice = soffice or find_soffice()
    if soffice is None:
        return None
    for candidate in _uno_candidates(soffice):
        if _probe_uno(candidate):
            return Path(candidate)
    return None


def libreoffice_available() -> bool:
    """True when ``soffice`` and a Python with ``uno`` are both usable."""
    soffice = find_soffice()
    return soffice is not None and find_uno_python(soffice) is not None


def _worker_env() -> dict[str, str]:
    # The project's virtualenv settings must not leak into the system Python.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHOME", "PYTHONPATH")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _seconds(value: float) -> str:
    from incas_cli.formats import number

    return number(value)


@dataclass
class Job:
    """One load-and-store through LibreOffice."""

    source: bytes
    source_suffix: str
    target_format: str  # key of msg.FORMAT_LABELS, for messages
    target_suffix: str
    filter_name: str
    timeout: float
    filter_data: dict[str, Any] = field(default_factory=dict)
    filter_options: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    update_indexes: bool = True

    @property
    def label(self) -> str:
        return msg.FORMAT_LABELS.get(self.target_format, self.target_format)


def _require_office(label: str) -> tuple[Path, Path]:
    soffice = find_soffice()
    if soffice is None:
        raise ExternalToolError(msg.NO_SOFFICE.format(fmt=label), hint=msg.NO_SOFFICE_HINT)
    python = find_uno_python(soffice)
    if python is None:
        raise ExternalToolError(msg.NO_UNO.format(fmt=label), hint=msg.NO_UNO_HINT)
    return soffice, python


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill the worker and its soffice, and wait until they are gone (bounded)."""
    if os.name != "posix":
        proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.communicate(timeout=10)
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.communicate(timeout=10)
    # soffice.bin is a grandchild: once orphaned, init reaps it; wait for that so the
    # profile is not removed under a process that still writes to it.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.05)


def run_job(job: Job) -> bytes:
    """Run ``job`` in this process's LibreOffice session (:mod:`~incas_cli.publish.session`),
    or in one of its own; the stored bytes, or ExternalToolError."""
    from incas_cli.publish.session import run_in_session

    return run_in_session(job)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM while the working folder is made or removed: a stop that
    arrives then takes effect right after (Ctrl-C as KeyboardInterrupt, a build worker's
    SIGTERM as its clean stop), never in the middle of it.

    The handlers are swapped for one that only notes the signal, and the signal is raised
    again at the end. Blocking it (``pthread_sigmask``) is not enough: the mask is the
    calling thread's, so in a process with other threads (a build worker watches its
    parent and reads its office's answers in threads) the kernel hands the signal to one
    of them, and Python still runs the handler in the main thread at once, in the middle
    of the removal (a folder left half removed)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:
        arrived.append(signum)

    previous: dict[int, Any] = {}
    for held in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(held)
        if handler is signal.SIG_IGN or handler is None:  # ignored, or not Python's to set
            continue
        previous[held] = signal.signal(held, note)
    try:
        yield
    finally:
        for restored, handler in previous.items():
            signal.signal(restored, handler)
        for signum in dict.fromkeys(arrived):
            signal.raise_signal(signum)


def _worker_error(code: int, detail: str, job: Job) -> ExternalToolError:
    label = job.label
    if code == _EXIT_NO_UNO:
        return ExternalToolError(msg.NO_UNO.format(fmt=label), hint=msg.NO_UNO_HINT)
    if code in (_EXIT_START, _EXIT_CONNECT):
        return ExternalToolError(
            msg.START_FAILED.format(fmt=label, detail=detail), hint=msg.START_FAILED_HINT
        )
    if code == _EXIT_LOAD:
        return ExternalToolError(msg.LOAD_FAILED.format(detail=detail), hint=msg.LOAD_FAILED_HINT)
    if code == _EXIT_STORE:
        return ExternalToolError(
            msg.STORE_FAILED.format(fmt=label, detail=detail), hint=msg.RETRY_HINT
        )
    return ExternalToolError(
        msg.FAILED.format(code=code, fmt=label, detail=detail), hint=msg.RETRY_HINT
    )


__all__ = [
    "SOFFICE_ENV",
    "UNO_PYTHON_ENV",
    "USUAL_LOCATIONS",
    "Job",
    "find_soffice",
    "find_uno_python",
    "libreoffice_available",
    "run_job",
]
