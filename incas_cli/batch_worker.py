"""Inside a ``plan build`` worker: how it starts, runs one plan and stops.

Ctrl-C belongs to the parent, which stops the workers; SIGTERM stops a worker cleanly
(the plan under way unwinds, so its temporary files go); and a worker whose build is gone
(the main process killed with SIGKILL) stops itself the same way, so no worker finishes
its plans for minutes after the build it belonged to.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from types import FrameType

from incas_cli.batch import BuildTask, Outcome, build_file
from incas_cli.errors import ExitCode
from incas_cli.pool import release_memory

_busy = False
_stopping = False


class _Stopped(BaseException):
    """Raised in a worker by SIGTERM while it builds: unwinds (temporary files removed)."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    global _stopping
    if _stopping:
        # Already stopping: a second SIGTERM (the executor sends one to every worker when
        # one of them ends, the watch of the parent one more when it is gone) must not break
        # off the removal of the office's folder; the parent kills a worker that hangs.
        return
    if _busy:
        _stopping = True
        raise _Stopped
    os._exit(int(ExitCode.INTERRUPTED))


def init_worker(parent: int) -> None:
    """Ctrl-C belongs to the parent (it stops the workers); SIGTERM stops a worker cleanly;
    a worker whose parent is gone (killed with SIGKILL) stops itself the same way.
    A worker keeps one LibreOffice (started when first needed) for the whole build."""
    from incas_cli.publish.session import open_for_process

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_sigterm)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    open_for_process()


#: How long a worker whose build is gone goes on asking its main thread to stop (it unwinds
#: in well under a second) before it ends from the watching thread; the issue's rule is
#: that nothing of a build is alive 5 s after the build was killed.
PARENT_GONE_GRACE = 3.0
_RESEND_EVERY = 0.1


def _watch_parent(parent: int) -> None:
    """Wait for the build's main process to end, then stop this worker.

    The worker's own parent is the forkserver, so a parent-death signal would not do:
    the main process is watched through a pidfd where there is one (no polling), else
    by asking every half second whether it still exists.

    The stop is SIGTERM to the main thread, where Python runs the handler, sent again
    and again: a signal that lands just before the main thread blocks in a read (the
    queue of plans, which the dead build will never fill) is acted on only when the
    next one interrupts that read. If the worker still lives after
    :data:`PARENT_GONE_GRACE`, it ends here; the folders it leaves are swept by the
    next incas command (:func:`incas_cli.scratch.sweep_temp_dirs`).
    """
    from incas_cli.scratch import pid_alive

    waited = False
    with contextlib.suppress(AttributeError, OSError):
        import select

        fd = os.pidfd_open(parent)
        try:
            poller = select.poll()
            poller.register(fd, select.POLLIN)
            poller.poll()  # readable once the process has ended
            waited = True
        finally:
            os.close(fd)
    if not waited:
        while pid_alive(parent):
            time.sleep(0.5)
    main = threading.main_thread().ident
    end = time.monotonic() + PARENT_GONE_GRACE
    while main is not None and time.monotonic() < end:
        with contextlib.suppress(OSError):
            signal.pthread_kill(main, signal.SIGTERM)
        time.sleep(_RESEND_EVERY)
    os._exit(int(ExitCode.INTERRUPTED))


def run_task(task: BuildTask) -> Outcome:
    global _busy
    try:
        _busy = True  # inside: a SIGTERM from here on unwinds through the handler below
        return build_file(task.source, task.output, task.options)
    except _Stopped:
        from incas_cli.publish.session import close_for_process

        close_for_process()  # its office was killed while unwinding: remove its folder
        os._exit(int(ExitCode.INTERRUPTED))  # unwound already: nothing half-written remains
    finally:
        _busy = False
        release_memory()  # not busy: a SIGTERM now simply ends the worker
