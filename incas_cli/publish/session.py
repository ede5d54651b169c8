"""One LibreOffice kept warm for the length of a command: :func:`office_session`.

Starting LibreOffice and building its profile is most of the time of one conversion, so
a command that converts several documents (``plan build``, ``plan render`` of several
outputs, later ``plan compare`` and ``monitor report``) keeps one office per process::

    with office_session():
        for plan in plans:
            produce(plan, target)  # publish.convert / update_indexes use the session

Inside the ``with`` block every job of this process goes to the same worker
(``uno_worker.py`` and its ``soffice``), one document at a time (jobs from several
threads wait for each other). Outside any block a job gets a session of its own, started
and ended around it, as before sessions existed.

The worker is started at the first job, not before (a command that needs no LibreOffice
never starts it), and started again after :data:`DOCUMENTS_PER_OFFICE` documents (as
Gotenberg and JODConverter do: LibreOffice grows over long runs) and after any failure
or hang: a job that does not finish within its time limit has its whole process group
killed, as before, and the next job starts a fresh office. The private folder (profile,
inputs, outputs, logs) is made once per session and removed at its end, also on Ctrl-C;
if this process dies without removing it (SIGTERM, SIGKILL), the worker sees the end of
its input, stops its office and removes the folder itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import secrets
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import IO, Any

from incas_cli.errors import ExternalToolError
from incas_cli.messages import publish as msg
from incas_cli.publish.office import (
    Job,
    _kill_group,
    _require_office,
    _seconds,
    _signals_held,
    _worker_env,
    _worker_error,
)

DOCUMENTS_PER_OFFICE = 20
"""Documents one LibreOffice converts before a fresh one takes over."""

_QUIT_WAIT = 20.0
"""Seconds a worker may take to stop its office when asked to (then it is killed)."""

_active: OfficeSession | None = None
_active_lock = threading.Lock()


class OfficeSession:
    """The LibreOffice of a command (see the module's docstring); use
    :func:`office_session` rather than this class."""

    def __init__(self, *, documents_per_office: int = DOCUMENTS_PER_OFFICE) -> None:
        if documents_per_office < 1:
            raise ValueError("documents_per_office must be at least 1")
        self.documents_per_office = documents_per_office
        self.started = 0
        """Offices started so far (for tests and benchmarks)."""
        self._lock = threading.Lock()
        self._folder: Path | None = None
        self._worker: subprocess.Popen[bytes] | None = None
        self._answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._ready = False
        self._done = 0
        self._jobs = 0
        self._closed = False

    # --- jobs -----------------------------------------------------------------------------

    def run(self, job: Job) -> bytes:
        """The bytes ``job`` stores, or ExternalToolError (time limit, failure)."""
        if job.timeout <= 0:
            raise ValueError("timeout must be positive")
        soffice, python = _require_office(job.label)
        with self._lock:
            if self._closed:
                raise RuntimeError("office session already closed")
            deadline = time.monotonic() + job.timeout
            try:
                if self._worker is None:
                    self._launch(soffice, python, job.timeout)
                if not self._ready:
                    answer = self._answer(job, deadline)
                    if not answer.get("ready"):
                        code = int(answer.get("code", 1))
                        raise _worker_error(code, str(answer.get("reason")), job)
                    self._ready = True
                data = self._convert(job, deadline)
            except Exception:
                self._kill()  # a failure, a hang: never reuse that office
                raise
            except BaseException:
                # Ctrl-C, a build worker's SIGTERM: the process is stopping and must remove
                # the folder before it is killed in turn: the office is killed, not waited for
                self._kill(wait=False)
                raise
            self._done += 1
            if self._done >= self.documents_per_office:
                self._quit()
            return data

    def prestart(self, *, timeout: float) -> None:
        """Start the office now, without waiting for it: it comes up while this process
        does other work (reading and writing the document). Does nothing if LibreOffice
        is missing (the job says so) or already started."""
        from incas_cli.publish.office import find_soffice, find_uno_python

        soffice = find_soffice()
        python = find_uno_python(soffice) if soffice is not None else None
        if soffice is None or python is None:
            return
        with self._lock:
            if self._worker is None and not self._closed:
                with contextlib.suppress(ExternalToolError):
                    self._launch(soffice, python, timeout)

    def _convert(self, job: Job, deadline: float) -> bytes:
        folder = self._folder
        assert folder is not None and self._worker is not None
        self._jobs += 1
        source = folder / f"input-{self._jobs}{job.source_suffix}"
        target = folder / f"output-{self._jobs}{job.target_suffix}"
        try:
            source.write_bytes(job.source)
            self._send(
                {
                    "input": str(source),
                    "output": str(target),
                    "filter": job.filter_name,
                    "filter_data": job.filter_data,
                    "filter_options": job.filter_options,
                    "properties": job.properties,
                    "update_indexes": job.update_indexes,
                }
            )
            answer = self._answer(job, deadline)
            if not answer.get("ok"):
                raise _worker_error(int(answer.get("code", 1)), str(answer.get("reason")), job)
            data = target.read_bytes() if target.is_file() else b""
        finally:
            for path in (source, target):
                with contextlib.suppress(OSError):
                    path.unlink()
        if not data:
            raise ExternalToolError(msg.NO_OUTPUT.format(fmt=job.label), hint=msg.RETRY_HINT)
        return data

    # --- the worker -------------------------------------------------------------------------

    def _launch(self, soffice: Path, python: Path, timeout: float) -> None:
        """Start a worker; its first answer (ready, or why not) comes later."""
        if self._folder is None:
            from incas_cli.publish.office import WORK_SPACE
            from incas_cli.scratch import temp_dir

            with _signals_held():
                # incas-lo-<pid>-…: swept by the next command if left; a full TMPDIR said as such
                self._folder = temp_dir("lo", need=WORK_SPACE)
        folder = self._folder
        (folder / "profile").mkdir(parents=True, exist_ok=True)
        spec = folder / "session.json"
        spec.write_text(
            json.dumps(
                {
                    "soffice": str(soffice),
                    "profile_dir": str(folder / "profile"),
                    "pipe": f"incas-{os.getpid()}-{secrets.token_hex(8)}",
                    "log": str(folder / "soffice.log"),
                    "connect_timeout": min(60.0, timeout),
                    "cleanup": str(folder),
                }
            ),
            encoding="utf-8",
        )
        errors = folder / "worker.log"
        worker_file = resources.files("incas_cli.publish") / "uno_worker.py"
        with resources.as_file(worker_file) as script, errors.open("ab") as stderr:
            try:
                worker = subprocess.Popen(
                    [str(python), str(script), str(spec)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=stderr,
                    env=_worker_env(),
                    start_new_session=os.name == "posix",
                )
            except OSError as err:
                raise ExternalToolError(
                    msg.CANNOT_RUN.format(python=python, detail=err), hint=msg.NO_UNO_HINT
                ) from err
        self._worker = worker
        self._ready = False
        self.started += 1
        self._done = 0
        self._answers = queue.Queue()
        assert worker.stdout is not None
        threading.Thread(
            target=_read_answers,
            args=(worker.stdout, self._answers),
            name="incas-office-answers",
            daemon=True,
        ).start()

    def _send(self, message: dict[str, Any]) -> None:
        worker = self._worker
        assert worker is not None and worker.stdin is not None
        try:
            worker.stdin.write(json.dumps(message).encode("utf-8") + b"\n")
            worker.stdin.flush()
        except OSError:
            pass  # the worker is gone: its missing answer says so

    def _answer(self, job: Job, deadline: float) -> dict[str, Any]:
        """The worker's next answer; its end, or the time limit, raise ExternalToolError."""
        try:
            answer = self._answers.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise ExternalToolError(
                msg.TIMEOUT.format(fmt=job.label, seconds=_seconds(job.timeout)),
                hint=msg.TIMEOUT_HINT,
            ) from None
        if answer is None:  # the worker ended without answering
            code = self._exit_code()
            raise _worker_error(code, _last_line(self._folder), job)
        return answer

    def _exit_code(self) -> int:
        worker = self._worker
        if worker is None:
            return 1
        with contextlib.suppress(subprocess.TimeoutExpired):
            worker.wait(timeout=5)
        return worker.returncode if worker.returncode not in (None, 0) else 1

    def _quit(self) -> None:
        """Stop the worker and its office, keeping the folder and its profile."""
        worker = self._worker
        if worker is None:
            return
        self._send({"quit": True})
        self._wait_or_kill(worker)

    def _kill(self, *, wait: bool = True) -> None:
        worker = self._worker
        self._worker = None
        if worker is not None:
            _kill_worker(worker, wait=wait)

    def abort(self) -> None:
        """From another thread (Ctrl-C while a job runs): kill the office now, refuse the
        next jobs; the running job fails at once. :meth:`close` still follows."""
        self._closed = True
        worker = self._worker
        if worker is not None:
            _kill_worker(worker)

    def _wait_or_kill(self, worker: subprocess.Popen[bytes]) -> None:
        self._worker = None
        try:
            worker.wait(timeout=_QUIT_WAIT)
        except subprocess.TimeoutExpired:
            _kill_worker(worker)
            return
        except BaseException:  # Ctrl-C meanwhile
            _kill_worker(worker)
            raise
        _close_pipes(worker)

    # --- the end ---------------------------------------------------------------------------

    def close(self, *, stopping: bool = False) -> None:
        """Stop the office and remove the folder (idempotent). An office that is up and
        idle is asked to quit (the end of its input: faster than killing it); one still
        starting (a command that ended early, on an invalid plan) is killed. ``stopping``:
        this process is being stopped (a build worker's SIGTERM) and may be killed in
        turn soon, so the office is killed without waiting for it to vanish."""
        with self._lock:
            self._closed = True
            worker = self._worker
            if stopping:
                self._kill(wait=False)
            elif worker is not None and self._ready and worker.stdin is not None:
                with contextlib.suppress(OSError):
                    worker.stdin.close()
                self._wait_or_kill(worker)
            else:
                self._kill()
            if self._folder is not None:
                with _signals_held():  # a Ctrl-C now would leave half a profile behind
                    shutil.rmtree(self._folder, ignore_errors=True)
                self._folder = None


def _read_answers(stream: IO[bytes], answers: queue.Queue[dict[str, Any] | None]) -> None:
    """Each line of the worker's stdout as a dict; None at its end (or on nonsense)."""
    try:
        for line in stream:
            try:
                answer = json.loads(line)
            except ValueError:
                break
            if not isinstance(answer, dict):
                break
            answers.put(answer)
    except (OSError, ValueError):
        pass
    answers.put(None)


def _kill_worker(worker: subprocess.Popen[bytes], *, wait: bool = True) -> None:
    """The kill path of every LibreOffice job: the whole process group, waited for (or,
    with ``wait=False``, only the worker itself, briefly)."""
    # The answers' reader owns stdout (it sees its end when the group dies): detached
    # here, so that the kill path only waits for the process.
    stdin, worker.stdin, worker.stdout = worker.stdin, None, None
    if stdin is not None:
        with contextlib.suppress(OSError):
            stdin.close()
    if wait or os.name != "posix":
        _kill_group(worker)
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(worker.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        worker.wait(timeout=2)


def _close_pipes(worker: subprocess.Popen[bytes]) -> None:
    for pipe in (worker.stdin, worker.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()


def _last_line(folder: Path | None) -> str:
    """The worker's last complaint on stderr (it failed before it could answer)."""
    if folder is None:
        return msg.NO_DETAIL
    try:
        text = (folder / "worker.log").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return msg.NO_DETAIL
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else msg.NO_DETAIL


@contextlib.contextmanager
def office_session(*, documents_per_office: int = DOCUMENTS_PER_OFFICE) -> Iterator[OfficeSession]:
    """Keep one LibreOffice for the jobs of this process until the block ends; a block
    inside another uses the outer session."""
    global _active
    with _active_lock:
        outer = _active
        if outer is None:
            session = OfficeSession(documents_per_office=documents_per_office)
            _active = session
    if outer is not None:
        yield outer
        return
    try:
        yield session
    finally:
        with _active_lock:
            _active = None
        session.close()


def current_session() -> OfficeSession | None:
    """The session a job of this process goes to, if a block is open."""
    return _active


def open_for_process(*, documents_per_office: int = DOCUMENTS_PER_OFFICE) -> OfficeSession:
    """A session for the rest of this process (a build worker), closed by
    :func:`close_for_process` or when the process ends through ``multiprocessing``."""
    global _active
    import multiprocessing.util

    with _active_lock:
        if _active is None:
            _active = OfficeSession(documents_per_office=documents_per_office)
        session = _active
    multiprocessing.util.Finalize(session, session.close, exitpriority=10)
    return session


def close_for_process() -> None:
    """End the session of :func:`open_for_process` at once (a worker told to stop)."""
    global _active
    with _active_lock:
        session, _active = _active, None
    if session is not None:
        session.close(stopping=True)


def run_in_session(job: Job) -> bytes:
    """``job`` in this process's session, or in a session of its own."""
    session = _active
    if session is not None:
        return session.run(job)
    own = OfficeSession()  # not the process's session: other threads do not share it
    try:
        return own.run(job)
    finally:
        own.close()
