"""Many plan files -> a list of outcomes (ok / invalid / failed). Never prints.

Following pipx's ``upgrade`` loop: every file is tried, a failure is recorded and the
loop carries on, and the caller maps the outcomes to an exit code.

Building (``plan build``) runs the same check and then makes each document as
``plan render`` does (:func:`incas_cli.pipeline.produce`: same options, same bytes), in
worker processes started with ``forkserver`` (``spawn`` where there is none): never
``fork``, because the parent runs threads (rich's progress bar). Output names are decided
up front, in the parent, so that one job or many give the same files; each document is
written atomically by its worker. On Ctrl-C the workers are stopped, the temporary files they
leave are removed and ``KeyboardInterrupt`` reaches the caller.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from incas_cli import pool
from incas_cli.errors import ExitCode, IncasError, InputError
from incas_cli.inputs import is_folder_input
from incas_cli.pipeline import Format, Notice, Target

if TYPE_CHECKING:
    from incas_cli.checks import CheckResult
    from incas_cli.io import InputFiles
    from incas_cli.publish.session import OfficeSession


class Status(StrEnum):
    OK = "ok"  # valid (and rendered, for build)
    INVALID = "invalid"  # read, but has blocking findings
    FAILED = "failed"  # could not be read or written
    SKIPPED = "skipped"  # build: the document already exists and --force was not given


@dataclass
class Outcome:
    name: str
    status: Status
    result: CheckResult | None = None
    """The findings; after a build its ``plan`` is None (:func:`build_file`)."""
    error: IncasError | None = None
    output: Path | None = None
    toc_pending: bool = False
    """Build: the document's index is left for the word processor to fill on open."""
    warnings: tuple[Notice, ...] = ()
    """Build: the document was written, but not quite as asked (e.g. LibreOffice failed)."""


def check_file(path: Path, *, final: bool = False) -> Outcome:
    from incas_cli.checks import check_document
    from incas_cli.io import input_name, read_yaml

    name = input_name(path)
    try:
        doc = read_yaml(path)
    except IncasError as err:
        return Outcome(name, Status.FAILED, error=err)
    result = check_document(doc, final=final)
    return Outcome(name, Status.OK if result.ok else Status.INVALID, result=result)


def check_files(paths: Sequence[Path], *, final: bool = False) -> list[Outcome]:
    """Outcomes of ``paths`` with their findings, without the plans: a report on thousands
    of files keeps only what it prints."""
    outcomes = []
    for path in paths:
        outcome = check_file(path, final=final)
        if outcome.result is not None:
            outcome.result.plan = None
        outcomes.append(outcome)
    return outcomes


def exit_code(outcomes: Sequence[Outcome]) -> ExitCode:
    """0 all ok (or skipped); 1 some file could not be read/written; 3 blocking findings."""
    if any(o.status is Status.FAILED for o in outcomes):
        return ExitCode.INPUT_ERROR
    if any(o.status is Status.INVALID for o in outcomes):
        return ExitCode.CHECKS_FAILED
    return ExitCode.OK


# --- build: many plans -> documents ------------------------------------------------------------


#: Imported once in the forkserver, so that every worker starts with them loaded.
@dataclass(frozen=True)
class BuildOptions:
    """What ``plan build`` makes of each valid plan, and where.

    The document itself is made as ``plan render`` makes it (:func:`incas_cli.pipeline.produce`),
    with the same defaults: the same plan and options give the same document.
    """

    output_dir: Path
    final: bool = False
    edition: Literal["pubblica", "interna"] = "pubblica"
    fmt: Format = "docx"
    force: bool = False
    template: Path | None = None
    toc_update: bool = True

    def target(self) -> Target:
        """What :func:`incas_cli.pipeline.produce` makes of each plan."""
        return Target(
            format=self.fmt,
            edition=self.edition,
            template=self.template,
            toc_update=self.toc_update,
        )


@dataclass(frozen=True)
class BuildTask:
    """One plan to build: picklable, sent to a worker."""

    source: Path
    output: Path
    options: BuildOptions


def usable_cpus() -> int:
    """Processors this process may run on (affinity and cgroup-pinned sets included)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_jobs(files: int) -> int:
    """One worker per usable processor, never more than there are files."""
    return max(1, min(files, usable_cpus()))


def may_use_workers(inputs: Sequence[Path], jobs: int | None) -> bool:
    """Whether a build of ``inputs`` with ``jobs`` (None: :func:`default_jobs`) may run in
    worker processes: more than one job, and more than one input or a folder."""
    if jobs == 1 or (jobs is None and usable_cpus() == 1):
        return False
    return len(inputs) > 1 or any(is_folder_input(item) for item in inputs)


@contextlib.contextmanager
def started_early(
    inputs: Sequence[Path], jobs: int | None, options: BuildOptions
) -> Iterator[None]:
    """Start first what a build of ``inputs`` waits for longest, so that it comes up while
    the arguments are checked and the plans found: the forkserver that loads the workers'
    modules when the build may run workers (:func:`may_use_workers`), else this process's
    LibreOffice when the documents need it, kept for the block (:func:`build_files` uses
    it: one LibreOffice for the whole build)."""
    if may_use_workers(inputs, jobs):
        pool.prestart()
        yield
        return
    if not _uses_office(options.target()):
        yield
        return
    from incas_cli.publish.session import office_session

    with office_session() as office:
        office.prestart(timeout=options.target().timeout)
        yield


def output_paths(sources: Sequence[Path], output_dir: Path, suffix: str) -> list[Path]:
    """Where each source's document goes: its stem plus ``suffix``, collisions numbered.

    ``a/piano.yaml`` and ``b/piano.yaml`` give ``piano.docx`` and ``piano-2.docx``: names
    are compared without case (some file systems ignore it), the first in sorted path
    order keeps the plain name, and a file never loses its own plain name to a number
    given to another (``piano-2.yaml`` stays ``piano-2``). Same inputs, same names.
    """
    order = sorted(range(len(sources)), key=lambda i: str(sources[i]))
    taken: set[str] = set()
    names: dict[int, str] = {}
    for i in order:
        stem = sources[i].stem
        if stem.casefold() not in taken:
            taken.add(stem.casefold())
            names[i] = stem
    # The number each stem tries next: ``taken`` only grows, so the numbers below it stay
    # taken, and thousands of ``comune-x/piano.yaml`` do not count up from 2 each time.
    next_number: dict[str, int] = {}
    for i in order:
        if i in names:
            continue
        stem = sources[i].stem
        n = next_number.get(stem, 2)
        while (name := numbered(stem, n)).casefold() in taken:
            n += 1
        names[i] = name
        taken.add(name.casefold())
        next_number[stem] = n + 1
    return [output_dir / f"{names[i]}{suffix}" for i in range(len(sources))]


def numbered(stem: str, n: int) -> str:
    """The name :func:`output_paths` tries for the ``n``-th file of one stem."""
    return f"{stem}-{n}"


def prepare_output_dir(output_dir: Path) -> None:
    """Create the output folder if needed; ``InputError`` if it cannot be one."""
    from incas_cli.messages import staff as msg

    if output_dir.exists() and not output_dir.is_dir():
        raise InputError(
            msg.OUTPUT_DIR_IS_FILE, hint=msg.OUTPUT_DIR_IS_FILE_HINT, file=str(output_dir)
        )
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            msg.OUTPUT_DIR_FAILED.format(reason=exc.strerror or type(exc).__name__),
            hint=msg.OUTPUT_DIR_FAILED_HINT,
            file=str(output_dir),
        ) from None


def build_file(source: Path, output: Path, options: BuildOptions) -> Outcome:
    """Check one plan and, if it passes, write its document. Never raises for a file.

    ``IncasError`` (unreadable input, existing output, LibreOffice failing) -> failed;
    blocking findings -> invalid, nothing written; any other exception is a bug in incas
    and becomes a failed outcome too, so that one file never stops the others.

    The outcome keeps the findings (what a build reports), not the plan: ``result.plan``
    is None. A build of thousands of plans does not hold them all, and the main process of
    a parallel build never has to load the plan's models to receive an outcome.
    """
    import dataclasses

    outcome = _build_file(source, output, options)
    if outcome.result is not None and outcome.result.plan is not None:
        outcome.result = dataclasses.replace(outcome.result, plan=None)
    return outcome


def _build_file(source: Path, output: Path, options: BuildOptions) -> Outcome:
    from incas_cli.errors import OutputExistsError
    from incas_cli.messages import io as io_msg
    from incas_cli.messages import staff as msg
    from incas_cli.pipeline import warm_office

    warm_office(options.target())  # in a session, LibreOffice starts while the plan is read
    outcome = check_file(source, final=options.final)
    if outcome.status is not Status.OK:
        return outcome
    result = outcome.result
    assert result is not None and result.plan is not None  # OK means a checked plan
    try:
        if not options.force and os.path.lexists(output):  # before the work, not after
            # not a failure: re-running a batch after fixing a few files is the normal flow
            existing = OutputExistsError(
                io_msg.OUTPUT_EXISTS, hint=io_msg.OUTPUT_EXISTS_HINT, file=str(output)
            )
            return Outcome(outcome.name, Status.SKIPPED, result, existing, output)
        from incas_cli.io import atomic_write_bytes
        from incas_cli.pipeline import produce

        produced = produce(result.plan, options.target())
        atomic_write_bytes(output, produced.data, force=options.force)
    except OutputExistsError as err:  # appeared while rendering
        return Outcome(outcome.name, Status.SKIPPED, result, err, output)
    except IncasError as err:
        return Outcome(outcome.name, Status.FAILED, result=result, error=err)
    except Exception as exc:  # a bug: reported for this file, the batch goes on
        return Outcome(
            outcome.name,
            Status.FAILED,
            result=result,
            error=InputError(
                msg.RENDER_FAILED.format(error=f"{type(exc).__name__}: {exc}"),
                hint=msg.RENDER_FAILED_HINT,
                file=outcome.name,
            ),
        )
    return Outcome(
        outcome.name,
        Status.OK,
        result=result,
        output=output,
        toc_pending=produced.toc_pending,
        warnings=produced.warnings,
    )


def build_files(
    sources: Sequence[Path],
    options: BuildOptions,
    *,
    jobs: int = 1,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Build every source; outcomes in the order of ``sources``, whatever the job count.

    ``on_outcome`` is called in this process as each file finishes (for progress).
    On ``KeyboardInterrupt`` no worker is left running and no temporary file is left in
    the output folder; the exception propagates. The output folder is created if needed
    (``InputError`` if it cannot be).
    """
    prepare_output_dir(options.output_dir)
    from incas_cli.messages.render import EDITION_FILE_SUFFIX

    # the internal edition never takes the public one's name (nor counts as «già presente»)
    suffix = f"{EDITION_FILE_SUFFIX[options.edition]}.{options.fmt}"
    outputs = output_paths(sources, options.output_dir, suffix)
    tasks = [BuildTask(s, o, options) for s, o in zip(sources, outputs, strict=True)]
    from incas_cli.io import InputFiles

    inputs = InputFiles([*sources, options.template])
    refused = {i: o for i, task in enumerate(tasks) if (o := _over_an_input(task, inputs))}
    runnable = [task for i, task in enumerate(tasks) if i not in refused]
    try:
        if jobs <= 1 or len(runnable) <= 1:
            from incas_cli.publish.session import office_session

            with office_session() as office:  # one LibreOffice for the whole build
                if _uses_office(options.target()) and len(runnable) > 1:
                    built = _build_overlapped(runnable, office, on_outcome)
                else:
                    built = []
                    for task in runnable:
                        outcome = build_file(task.source, task.output, task.options)
                        pool.release_memory(settled=True)
                        built.append(outcome)
                        if on_outcome is not None:
                            on_outcome(outcome)
        else:
            built = _build_parallel(runnable, min(jobs, len(runnable)), on_outcome)
    except BaseException:
        remove_temporary_files(outputs)
        raise
    for outcome in refused.values():
        if on_outcome is not None:
            on_outcome(outcome)
    done = iter(built)
    return [refused[i] if i in refused else next(done) for i in range(len(tasks))]


def _over_an_input(task: BuildTask, inputs: InputFiles) -> Outcome | None:
    """A failed outcome when the document would replace one of the build's inputs."""
    from incas_cli.messages import io as io_msg

    source = inputs.overwritten_by(task.output)
    if source is None:
        return None
    error = InputError(
        io_msg.OUTPUT_IS_INPUT.format(input=source),
        hint=io_msg.OUTPUT_IS_INPUT_HINT,
        file=str(task.output),
    )
    return Outcome(str(task.source), Status.FAILED, error=error)


def _uses_office(target: Target) -> bool:
    return target.format != "docx" or target.toc_update


_PREPARED_AHEAD = 2
"""Plans a one-job build prepares while LibreOffice converts the current one."""


def _build_overlapped(
    tasks: Sequence[BuildTask],
    office: OfficeSession,
    on_outcome: Callable[[Outcome], None] | None,
) -> list[Outcome]:
    """One job, with LibreOffice: while it converts a document (in its own process), the
    next plans are read, checked and written in other threads (:data:`_PREPARED_AHEAD`);
    LibreOffice still takes one document at a time. A plan starts as soon as any other
    finishes, so LibreOffice never waits for a plan that a slower earlier one held back,
    and a large plan is ready by the time a small one before it is converted. Outcomes are
    returned in order (``on_outcome`` hears them as they finish)."""
    from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

    outcomes: list[Outcome | None] = [None] * len(tasks)
    executor = ThreadPoolExecutor(max_workers=1 + _PREPARED_AHEAD, thread_name_prefix="incas-build")
    running: dict[Future[Outcome], int] = {}
    queued = iter(enumerate(tasks))

    def start_next() -> None:
        item = next(queued, None)
        if item is not None:
            i, task = item
            running[executor.submit(build_file, task.source, task.output, task.options)] = i

    try:
        for _ in range(1 + _PREPARED_AHEAD):
            start_next()
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                i = running.pop(future)
                outcome = outcomes[i] = future.result()
                start_next()
                pool.release_memory()
                if on_outcome is not None:
                    on_outcome(outcome)
    except BaseException:
        office.abort()  # Ctrl-C: the document in LibreOffice stops now, no other starts
        executor.shutdown(wait=True, cancel_futures=True)
        raise
    executor.shutdown(wait=True)
    return [outcome for outcome in outcomes if outcome is not None]


_SENT_AHEAD = 4
"""Plans per worker a parallel build has sent and not yet heard back from."""


def _build_parallel(
    tasks: Sequence[BuildTask], jobs: int, on_outcome: Callable[[Outcome], None] | None
) -> list[Outcome]:
    from concurrent.futures import FIRST_COMPLETED, Future, wait

    # Outcomes arrive holding findings, whose module imports the plan's models: loaded now,
    # while the forkserver still loads its own modules (the first submit waits for it),
    # rather than when the first outcome arrives, competing with the workers for the CPU.
    import incas_cli.checks  # noqa: F401
    from incas_cli.batch_worker import run_task
    from incas_cli.errors import Terminated

    results: list[Outcome | None] = [None] * len(tasks)
    # Ctrl-C and SIGTERM only set a flag, checked between waits: an exception raised at an
    # arbitrary point could leave one of the executor's locks held and hang the stop.
    stop = pool.StopRequest()
    previous = pool.catch_stops(stop)
    try:
        executor = pool.worker_pool(jobs)
        try:
            # The largest plans first: the last ones to finish are small, so no worker idles
            # long at the end of the build while the other finishes a large plan.
            order = iter(sorted(range(len(tasks)), key=lambda i: (-_size(tasks[i].source), i)))
            # A few plans per worker in flight, the next sent as one is done: each wait
            # goes over every future it is given (4,000 plans sent at once: 3 ms a wait).
            running: dict[Future[Outcome], int] = {}

            def finish(i: int, outcome: Outcome) -> None:
                results[i] = outcome
                if on_outcome is not None:
                    on_outcome(outcome)

            def send_next() -> None:
                for i in order:
                    try:
                        running[executor.submit(run_task, tasks[i])] = i
                        return
                    except Exception as exc:  # a worker died: the pool takes no more plans
                        finish(i, _worker_died(tasks[i], exc))

            for _ in range(jobs * _SENT_AHEAD):
                send_next()
            while running:
                if stop.signum is not None:
                    raise Terminated if stop.signum == signal.SIGTERM else KeyboardInterrupt
                done, _ = wait(running, timeout=0.1, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=lambda f: running[f]):
                    i = running.pop(future)
                    try:
                        outcome = future.result()
                    except Exception as exc:  # the worker died (killed, out of memory)
                        outcome = _worker_died(tasks[i], exc)
                    finish(i, outcome)
                    send_next()
        except BaseException:
            pool.stop_workers(executor)
            raise
        executor.shutdown(wait=True)
    finally:
        pool.restore_handlers(previous)
    return [r for r in results if r is not None]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _worker_died(task: BuildTask, exc: BaseException) -> Outcome:
    from incas_cli.messages import staff as msg

    name = str(task.source)
    return Outcome(
        name,
        Status.FAILED,
        error=InputError(
            msg.WORKER_DIED.format(error=type(exc).__name__),
            hint=msg.WORKER_DIED_HINT,
            file=name,
        ),
    )


def remove_temporary_files(outputs: Iterable[Path]) -> None:
    """Remove what interrupted atomic writes of these outputs left behind.

    The atomic write names its temporary files after the process that writes
    (``.incas-<pid>-<hex>.tmp``): once the workers are stopped, those of processes that
    no longer exist go, whatever their age; a live process's files are left alone.
    """
    from incas_cli.scratch import sweep_temp_files

    for folder in {output.parent for output in outputs}:
        sweep_temp_files(folder, min_age=0)


# --- reporting --------------------------------------------------------------------------------


def first_message(outcome: Outcome) -> str | None:
    """The one line that says why a file is not ok (None for an ok file)."""
    from incas_cli.messages import staff as msg

    if outcome.error is not None:
        return str(outcome.error)
    if outcome.status is Status.INVALID and outcome.result is not None:
        errors = outcome.result.errors
        if not errors:
            return None
        f = errors[0]
        path = f" {f.path}:" if f.path else ""
        first = f"{f.file}:{f.line}:{f.column}: [{f.code}]{path} {f.message}"
        if len(errors) == 1:
            return msg.INVALID_PLAN_ONE.format(first=first)
        return msg.INVALID_PLAN.format(count=len(errors), first=first)
    return None


def build_report(outcomes: Sequence[Outcome], options: BuildOptions) -> dict[str, Any]:
    """The payload of the ``plan build --json`` report. Every key is always present."""
    return {**build_report_head(outcomes, options), "files": [build_entry(o) for o in outcomes]}


def build_report_head(outcomes: Sequence[Outcome], options: BuildOptions) -> dict[str, Any]:
    """The ``plan build --json`` report without its ``files``, which
    :func:`incas_cli.reports.report_json_parts` writes one :func:`build_entry` at a time."""
    return {
        "output_dir": str(options.output_dir),
        "format": options.fmt,
        "edition": options.edition,
        "final": options.final,
        "summary": {
            "total": len(outcomes),
            "ok": sum(o.status is Status.OK for o in outcomes),
            "invalid": sum(o.status is Status.INVALID for o in outcomes),
            "failed": sum(o.status is Status.FAILED for o in outcomes),
            "skipped": sum(o.status is Status.SKIPPED for o in outcomes),
        },
    }


def build_entry(o: Outcome) -> dict[str, Any]:
    """One file's entry of the ``plan build --json`` report."""
    result = o.result
    err = o.error
    return {
        "file": o.name,
        "status": o.status.value,
        "output": str(o.output) if o.output is not None else None,
        "message": first_message(o),
        "errors": len(result.errors) if result is not None else None,
        "warnings": len(result.warnings) if result is not None else None,
        "findings": [f.to_json() for f in result.findings] if result is not None else [],
        "error": None
        if err is None
        else {
            "message": err.message,
            "hint": err.hint,
            "file": err.file,
            "line": err.line,
            "column": err.column,
        },
    }
