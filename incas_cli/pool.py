"""Worker processes shared by ``plan build`` and the readers of many plans.

The start method (a forkserver that has the heavy modules loaded once), how Ctrl-C and
SIGTERM reach a pool (a flag set by the handler, acted on between waits), and how a pool
is stopped (SIGTERM, then SIGKILL) live here, so every command that fans out over worker
processes stops the same way; and what a process that makes many documents does between
two of them (:func:`release_memory`).
"""

from __future__ import annotations

import contextlib
import functools
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING, Any

from incas_cli.errors import Terminated

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

PRELOAD = (
    "incas_cli.batch",
    "incas_cli.batch_worker",
    "incas_cli.models",
    "incas_cli.checks",
    "incas_cli.checks.rules",
    "incas_cli.checks.structure",
    "incas_cli.io",
    "incas_cli.catalog.loader",
    "incas_cli.catalog.comuni",
    "incas_cli.pipeline",
    "incas_cli.publish",
    "incas_cli.render",
    "incas_cli.document.outline",
    "incas_cli.writers.docx",
)


class StopRequest:
    """The signal that asked the build to stop (None while none did)."""

    signum: int | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.signum = signum


def catch_stops(stop: StopRequest) -> dict[int, Any]:
    """Make Ctrl-C and SIGTERM set ``stop``; returns the handlers to restore.

    Left alone outside the main thread (signals cannot be handled there) and when
    ignored (a build started with ``nohup`` or in the background stays so).
    """
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, Any] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(signum)
        if handler is signal.SIG_IGN:
            continue
        signal.signal(signum, stop)
        previous[signum] = handler if handler is not None else signal.SIG_DFL
    return previous


def restore_handlers(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes set up as every incas pool is: started from the
    forkserver, each ignoring Ctrl-C, stopping cleanly on SIGTERM and when this process is
    gone, with one LibreOffice of its own when it first needs one
    (:func:`incas_cli.batch_worker.init_worker`)."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    from incas_cli.batch_worker import init_worker

    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=mp_context(), initializer=init_worker, initargs=(os.getpid(),)
    )


def prestart() -> None:
    """Start the forkserver now, without waiting for it: it loads :data:`PRELOAD` on
    another core while this process reads its arguments and finds the plans, and the pool
    made later (:func:`worker_pool`) forks its workers from it at once instead of waiting
    for those imports. The server ends with this process (it watches a pipe to it);
    nothing to do where there is no forkserver (``spawn`` starts each worker afresh)."""
    context = mp_context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def raise_if_stopped(stop: StopRequest) -> None:
    """Ctrl-C and SIGTERM only set a flag in the handler; the stop happens here."""
    if stop.signum is not None:
        raise Terminated if stop.signum == signal.SIGTERM else KeyboardInterrupt


def mp_context() -> Any:
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_preload())
        return context
    return multiprocessing.get_context("spawn")


def _preload() -> list[str]:
    """:data:`PRELOAD`, and what the program's script imports when this program was
    started as a script (the ``incas`` command): each worker runs that script again to set
    itself up as the same program (multiprocessing's rule for a main module run from a
    file). The ``incas`` script imports only :mod:`incas_cli.launch`; a script written
    for an older entry point imports the whole CLI, which is then imported once in the
    forkserver rather than by every worker. ``python -m incas_cli`` needs nothing more (a
    worker does not import that main)."""
    main = sys.modules.get("__main__")
    script = getattr(main, "__spec__", None) is None and getattr(main, "__file__", None)
    entry = getattr(getattr(main, "main", None), "__module__", None)
    if script and isinstance(entry, str) and entry.startswith("incas_cli"):
        return [*PRELOAD, entry]
    return list(PRELOAD)


def stop_workers(executor: ProcessPoolExecutor) -> None:
    """Cancel what has not started, stop the workers (SIGTERM, then SIGKILL) and wait."""
    # Python 3.14 has executor.terminate_workers(); before it, the workers are only
    # reachable through this private mapping, which shutdown() clears: read it first.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    killed = []
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)
                killed.append(process.pid)
    if killed:
        # A worker killed here may have been removing its LibreOffice folder (or not yet
        # started to): named after its id, it is removed now that the worker is gone.
        from incas_cli.scratch import remove_temp_dirs_of

        for pid in killed:
            remove_temp_dirs_of(pid)


_frozen = False


def release_memory(*, settled: bool = False) -> None:
    """Give back what one document's work freed, before the next: a process that builds
    many documents otherwise keeps growing (a figure's canvas is tens of MB, and a few
    reference cycles keep a document's objects until a full collection). After the first
    document, what is still alive (modules, the catalogue, caches) is frozen out of the
    collector's scans, so each collection only looks at the last document's objects.

    ``settled``: no other document is being made now (a one-job build between two plans),
    so what is alive stays alive and is frozen after every collection: the outcomes a
    build keeps, a few objects each, would otherwise be scanned again at every document
    (4,000 plans: 24,000 objects, 1.5 ms a collection; 7 s in all, growing with the
    square of the plans). With documents in the making (other threads) only the first
    freeze is safe: a document's reference cycles frozen would never be collected."""
    global _frozen
    import gc

    gc.collect()
    if settled or not _frozen:
        gc.freeze()
        _frozen = True
    trim = _malloc_trim()
    if trim is not None:
        trim(0)  # glibc keeps freed memory for itself unless asked


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
    return trim
