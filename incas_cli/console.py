"""The only home of rich's Console: how messages, errors and tables reach the terminal."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from incas_cli.formats import shell_word
from incas_cli.messages import cli as msg

if TYPE_CHECKING:
    from incas_cli.batch import Outcome
    from incas_cli.checks.findings import Finding
    from incas_cli.document.model import Paragraph, Table
    from incas_cli.errors import IncasError


@functools.cache
def get_console(stderr: bool = False) -> Console:
    """The shared console (stdout) or error console (stderr).

    rich already honours ``NO_COLOR``, ``FORCE_COLOR`` and ``TERM=dumb``; output that is not
    a terminal gets no colours and a fixed width so that it stays parseable.
    """
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else _fixed_width()
    # emoji=False: rich would turn ":100:" in "file:100:7" into an emoji
    return Console(stderr=stderr, highlight=False, emoji=False, width=width, soft_wrap=False)


@contextlib.contextmanager
def progress_bar(console: Console, label: str, total: int) -> Iterator[Callable[[], None]]:
    """A transient progress bar of ``total`` steps on a terminal, nothing elsewhere:
    yields the function that advances it by one."""
    if not console.is_terminal:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as shown:
        task = shown.add_task(label, total=total)
        yield lambda: shown.advance(task)


def _fixed_width() -> int:
    """Width for output that is not a terminal: ``COLUMNS`` if set, else 100."""
    try:
        return max(40, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 100


def print_error(err: IncasError) -> None:
    """Show an expected failure: ``file:line:col: errore: message`` plus a hint."""
    console = get_console(stderr=True)
    loc = err.location
    prefix = f"{escape(loc)}: " if loc else ""
    console.print(f"{prefix}[bold red]{msg.ERROR_LABEL}:[/] {escape(err.message)}", soft_wrap=True)
    if err.hint:
        console.print(f"  [cyan]{msg.HINT_LABEL}:[/] {escape(err.hint)}", soft_wrap=True)


def print_plain(text: str, *, stderr: bool = False) -> None:
    """Print user text literally (no markup interpretation).

    On a terminal long lines wrap between words; elsewhere a message stays on one line, so
    that scripts and logs can search it.
    """
    console = get_console(stderr=stderr)
    console.print(escape(text), soft_wrap=not console.is_terminal)


def print_blocks(blocks: Sequence[Table | Paragraph], console: Console | None = None) -> None:
    """Document-model tables and paragraphs, laid out by the terminal writer
    (:mod:`incas_cli.writers.rich`), on ``console`` (the shared one by default)."""
    from incas_cli.writers.rich import rich_block

    out = console or get_console()
    for block in blocks:
        out.print(rich_block(block))


def _counts(errors: int, warnings: int) -> str:
    from incas_cli.formats import counted

    return msg.COUNTS.format(
        errors=counted(errors, *msg.ERROR_FORMS), warnings=counted(warnings, *msg.WARNING_FORMS)
    )


def finding_line(f: Finding) -> str:
    """``file:line:col: livello [CODICE] percorso: messaggio``, in rich markup."""
    from incas_cli.messages import checks as cmsg

    label = (
        f"[bold red]{cmsg.SEVERITY_ERROR}[/]"
        if f.blocking
        else f"[yellow]{cmsg.SEVERITY_WARNING}[/]"
    )
    where = f"{f.file}:{f.line}:{f.column}"
    path = f" {escape(f.path)}:" if f.path else ""
    return f"{escape(where)}: {label} [dim]\\[{f.code}][/]{path} {escape(f.message)}"


def print_findings(findings: Iterable[Finding], console: Console, *, soft_wrap: bool) -> None:
    """Each finding on its line (:func:`finding_line`), and under it what to do the first
    time its hint comes (``plan validate``, ``plan status``). ``soft_wrap``: lines are not
    cut at the terminal's width."""
    hints_shown: set[str] = set()
    for f in findings:
        console.print(finding_line(f), soft_wrap=soft_wrap)
        if f.hint and f.hint not in hints_shown:
            hints_shown.add(f.hint)
            console.print(f"    [cyan]{msg.HINT_LABEL}:[/] {escape(f.hint)}", soft_wrap=soft_wrap)


def print_outcomes(
    outcomes: Sequence[Outcome], *, stderr: bool = False, warnings_shown: int | None = None
) -> None:
    """Findings in the ``file:line:col: livello [CODICE] percorso: messaggio`` form.

    Findings go to stdout where they are the command's result (``plan validate``), to
    stderr (``stderr=True``) where they are remarks on the way to another result (the
    document of ``plan render``); each file ends with a one-line verdict, and several
    files end with a summary line. With ``warnings_shown``, only that many warnings of a
    file are printed (errors always are) and one line counts the rest and names ``plan
    validate``, which lists them all: a render of a large draft stays readable.
    """
    from incas_cli.batch import Status

    console = get_console(stderr=stderr)
    for outcome in outcomes:
        if outcome.error is not None:
            print_error(outcome.error)
            console.print(f"{escape(outcome.name)}: [bold red]{msg.UNREADABLE}[/]")
            continue
        result = outcome.result
        if result is None:
            continue
        warnings_left = warnings_shown
        hidden = 0
        shown = []
        for f in result.findings:
            if not f.blocking and warnings_left is not None:
                if warnings_left == 0:
                    hidden += 1
                    continue
                warnings_left -= 1
            shown.append(f)
        print_findings(shown, console, soft_wrap=True)
        if hidden:
            console.print(
                escape(msg.MORE_WARNINGS.format(count=hidden, name=shell_word(outcome.name))),
                soft_wrap=True,
            )
        counts = _counts(len(result.errors), len(result.warnings))
        if outcome.status is Status.OK:
            verdict = msg.VALID_FINAL if result.final else msg.VALID
            console.print(f"{escape(outcome.name)}: [bold green]{verdict}[/] ({counts})")
        else:
            console.print(f"{escape(outcome.name)}: [bold red]{msg.INVALID}[/] ({counts})")
    if len(outcomes) > 1:
        console.print(
            msg.SUMMARY_FILES.format(
                total=len(outcomes),
                ok=sum(o.status is Status.OK for o in outcomes),
                invalid=sum(o.status is Status.INVALID for o in outcomes),
                failed=sum(o.status is Status.FAILED for o in outcomes),
            )
        )


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_line(
    level: str, file: str | None, line: int | None, column: int | None, title: str, message: str
) -> str:
    where = [f"file={_github_property(file)}"] if file else []
    if line is not None:
        where.append(f"line={line}")
    if column is not None:
        where.append(f"col={column}")
    if title:
        where.append(f"title={_github_property(title)}")
    return f"::{level} {','.join(where)}::{_github_data(message)}\n"


def outcomes_github(outcomes: Sequence[Outcome]) -> str:
    """The ``plan validate --output-format github`` report: one workflow command per
    problem (``::error file=piano.yaml,line=12,col=5,title=CODICE::messaggio``), which
    GitHub Actions shows on the file's line."""
    lines = []
    for o in outcomes:
        if o.error is not None:
            text = o.error.message
            if o.error.hint:
                text += "\n" + msg.GITHUB_HINT.format(hint=o.error.hint)
            lines.append(_github_line("error", o.name, o.error.line, o.error.column, "", text))
        for f in o.result.findings if o.result is not None else ():
            text = f"{f.path}: {f.message}" if f.path else f.message
            if f.hint:
                text += "\n" + msg.GITHUB_HINT.format(hint=f.hint)
            level = "error" if f.blocking else "warning"
            lines.append(_github_line(level, f.file, f.line, f.column, f.code, text))
    return "".join(lines)


def outcomes_json(outcomes: Iterable[Outcome]) -> str:
    """The ``plan validate --json`` report (:func:`outcome_entry` of each file)."""
    from incas_cli.reports import report_json_parts

    return "".join(report_json_parts("validate", {}, map(outcome_entry, outcomes)))


def outcome_entry(o: Outcome) -> dict[str, object]:
    """One file's entry of the ``plan validate --json`` report."""
    from incas_cli.batch import Status

    entry: dict[str, object] = {"file": o.name, "status": o.status.value}
    if o.error is not None:
        entry["error"] = {
            "message": o.error.message,
            "hint": o.error.hint,
            "line": o.error.line,
            "column": o.error.column,
        }
    if o.result is not None:
        entry["valid"] = o.status is Status.OK
        entry["errors"] = len(o.result.errors)
        entry["warnings"] = len(o.result.warnings)
        entry["findings"] = [f.to_json() for f in o.result.findings]
    if o.output is not None:
        entry["output"] = str(o.output)
    return entry
