"""Many plan files read at once, results in input order: ``map_ordered``.

``incas export`` and ``incas plan compare`` read every plan and write or add up each result
as it comes. With ``jobs`` > 1 the reading runs in worker processes set up as ``plan
build``'s (:mod:`incas_cli.pool`: forkserver, Ctrl-C stops them all), with only a few
files per worker in flight, so results never pile up in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from incas_cli import pool
from incas_cli.errors import InputError

__all__ = ["map_ordered"]


def map_ordered(
    fn: Callable[[Path], Any], sources: Sequence[Path], *, jobs: int = 1
) -> Iterator[Any]:
    """``fn(source)`` for every source, yielded in the order of ``sources``.

    With ``jobs`` > 1 the calls run in worker processes (as ``plan build``'s), at most a
    few per worker ahead of the one the caller waits for: results never pile up, so
    memory does not grow with the number of files (``export`` and ``plan compare`` write
    or add up each result as it comes). ``fn`` must be picklable (a module-level function
    or a ``functools.partial`` of one) and must not raise for a file. On Ctrl-C (SIGTERM)
    the workers are stopped and ``KeyboardInterrupt`` (``Terminated``) reaches the caller;
    a worker that dies (killed, out of memory) stops them all with an ``InputError``.
    """
    if jobs <= 1 or len(sources) <= 1:
        for source in sources:
            yield fn(source)
        return
    yield from _map_parallel(fn, sources, min(jobs, len(sources)))


def _map_parallel(fn: Callable[[Path], Any], sources: Sequence[Path], jobs: int) -> Iterator[Any]:
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, Future, wait

    stop = pool.StopRequest()
    previous = pool.catch_stops(stop)
    executor = pool.worker_pool(jobs)
    try:
        ahead = jobs * 4
        queue: deque[Future[Any]] = deque()
        items = iter(sources)
        for source in items:
            queue.append(executor.submit(fn, source))
            if len(queue) >= ahead:
                break
        while queue:
            head = queue[0]
            while not head.done():
                pool.raise_if_stopped(stop)
                wait([head], timeout=0.1, return_when=FIRST_COMPLETED)
            queue.popleft()
            try:
                result = head.result()
            except Exception as exc:  # the worker died (killed, out of memory): stop here
                from incas_cli.messages import staff as msg

                raise InputError(
                    msg.READER_DIED.format(error=type(exc).__name__),
                    hint=msg.WORKER_DIED_HINT,
                ) from None
            nxt = next(items, None)
            if nxt is not None:
                queue.append(executor.submit(fn, nxt))
            yield result
            pool.raise_if_stopped(stop)
    except BaseException:
        pool.stop_workers(executor)
        raise
    finally:
        pool.restore_handlers(previous)
    executor.shutdown(wait=True)
