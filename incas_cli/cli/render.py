"""``incas plan render FILE -o piano.docx``: the Word document of a plan."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.cli._options import choice_option, is_stdio, output_path, shell_word
from incas_cli.messages import render as msg
from incas_cli.pipeline import FORMATS
from incas_cli.render import EDITIONS

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from incas_cli.models import Plan
    from incas_cli.pipeline import Format, Produced
    from incas_cli.render import ChangeEntry, Edition


F = TypeVar("F", bound=str)
"""A command's output format: :data:`incas_cli.pipeline.Format`, ``plan compare``'s."""

RENDER_WARNINGS_SHOWN = 30
"""Warnings ``plan render`` prints before the document; ``plan validate`` lists them all."""


@handle_errors
def render(
    file: Path = typer.Argument(..., help=msg.RENDER_FILE_HELP, show_default=False),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        parser=output_path,
        help=msg.RENDER_OUTPUT_HELP,
        show_default=False,
    ),
    edition: str = choice_option("pubblica", "--edition", EDITIONS, msg.RENDER_EDITION_HELP),
    template: Path | None = typer.Option(
        None, "--template", help=msg.RENDER_TEMPLATE_HELP, show_default=False
    ),
    final: bool = typer.Option(False, "--final", help=msg.RENDER_FINAL_HELP),
    force: bool = typer.Option(False, "--force", help=msg.RENDER_FORCE_HELP),
    fmt: str | None = choice_option(
        None, "--format", FORMATS, msg.RENDER_FORMAT_HELP, show_default=False
    ),
    no_toc_update: bool = typer.Option(False, "--no-toc-update", help=msg.RENDER_NO_TOC_HELP),
    previous: Path | None = typer.Option(
        None, "--previous", help=msg.RENDER_PREVIOUS_HELP, show_default=False
    ),
) -> None:
    """Render one plan (help: ``messages.cli.RENDER_HELP``)."""
    from dataclasses import replace

    from incas_cli.batch import Outcome, Status
    from incas_cli.checks import check_document
    from incas_cli.console import print_outcomes, print_plain
    from incas_cli.errors import ChecksFailed
    from incas_cli.io import read_yaml
    from incas_cli.pipeline import Target, check_target, produce, warm_office
    from incas_cli.publish.session import office_session
    from incas_cli.render import Edition, page_count

    if edition not in EDITIONS:
        _usage(msg.RENDER_BAD_EDITION.format(value=edition), msg.RENDER_BAD_EDITION_HINT)
    target_format, output_path = document_target(
        file, output, fmt, edition, inputs=(file, template, previous), force=force
    )
    to_stdout = is_stdio(output_path)
    if to_stdout:
        refuse_terminal(f"{msg.STDOUT_EXAMPLE_PLAN}.{target_format}")
    target = Target(
        format=target_format,
        edition=cast(Edition, edition),
        template=template,
        toc_update=not no_toc_update,
    )
    # a wrong letterhead, or no LibreOffice for a PDF, fails first
    for notice in check_target(target):
        warn(notice.message, notice.hint)

    with office_session():
        warm_office(target)  # LibreOffice starts while the plan is read, checked and written
        result = check_document(read_yaml(file), final=final)
        if result.findings or result.plan is None:
            print_outcomes(
                [Outcome(result.name, Status.OK if result.ok else Status.INVALID, result=result)],
                stderr=True,
                warnings_shown=RENDER_WARNINGS_SHOWN,
            )
        if result.plan is not None and not result.ok and result.plan.final:
            _refuse_open_fields(result.plan, file)
        if not result.ok or result.plan is None:
            raise ChecksFailed(msg.RENDER_BLOCKED, hint=msg.RENDER_BLOCKED_HINT, file=file)
        plan = result.plan

        if previous is not None:
            target = replace(target, changelog=_changelog(previous, file, plan, target.edition))
        produced = produce(plan, target)
    deliver(produced, output_path, force=force)

    details = [msg.counted(len(plan.measures), "misura")]
    pages = page_count(produced.data, target_format)
    if pages is not None:
        details.append(msg.counted(pages, "pagina"))
    details.append(msg.RENDER_DONE_EDITION.format(edition=edition))
    if not plan.final:
        details.append(msg.RENDER_DONE_DRAFT)
    if produced.toc_pending:
        details.append(msg.RENDER_DONE_TOC_PENDING)
    joined = msg.LIST_SEPARATOR.join(details)
    text = (
        msg.RENDER_DONE_STDOUT.format(details=joined)
        if to_stdout
        else msg.RENDER_DONE.format(path=output_path, details=joined)
    )
    print_plain(text, stderr=True)


_NAMED_OPEN_FIELDS = 8
_MAX_NAME_BYTES = 255  # one file name, on Linux, macOS and Windows alike


def _refuse_open_fields(plan: Plan, file: Path) -> None:
    """A plan sent for adoption or adopted with open fields: refused, naming them."""
    from incas_cli.checks import open_fields
    from incas_cli.errors import ChecksFailed

    found = open_fields(plan)
    if not found:
        return
    named = [
        msg.RENDER_FINAL_OPEN_FIELD.format(label=o.label, path=o.path)
        for o in found[:_NAMED_OPEN_FIELDS]
    ]
    if len(found) > _NAMED_OPEN_FIELDS:
        named.append(msg.RENDER_FINAL_OPEN_MORE.format(count=len(found) - _NAMED_OPEN_FIELDS))
    raise ChecksFailed(
        msg.RENDER_FINAL_OPEN.format(
            status=msg.STATUSES[plan.effective_status],
            count=msg.counted(len(found), "campo"),
            fields="; ".join(named),
        ),
        hint=msg.RENDER_FINAL_OPEN_HINT.format(file=shell_word(file)),
        file=file,
    )


def _changelog(previous: Path, file: Path, plan: Plan, edition: Edition) -> Sequence[ChangeEntry]:
    """The "Registro delle versioni" rows of ``edition``: the previous file, then this
    plan's changes (and a warning when the previous file is another Comune's plan)."""
    from incas_cli.catalog import load_catalog
    from incas_cli.checks import check_document
    from incas_cli.console import print_plain
    from incas_cli.diff import changelog_entries, diff_plans, same_comune
    from incas_cli.errors import ChecksFailed
    from incas_cli.io import read_yaml
    from incas_cli.messages import diff as diff_msg

    old = check_document(read_yaml(previous)).plan
    if old is None:
        raise ChecksFailed(
            msg.RENDER_PREVIOUS_INVALID.format(path=previous),
            hint=msg.RENDER_PREVIOUS_INVALID_HINT.format(path=shell_word(previous)),
            file=previous,
        )
    if not same_comune(old, plan):
        print_plain(
            diff_msg.PREVIOUS_OTHER_COMUNE.format(
                previous=previous,
                old_comune=old.comune.name,
                file=file,
                new_comune=plan.comune.name,
            ),
            stderr=True,
        )
    diff = diff_plans(old, plan, catalog=load_catalog())
    return changelog_entries(old, plan, diff, edition=edition)


def _usage(message: str, hint: str) -> None:
    from incas_cli.errors import UsageError

    raise UsageError(message, hint=hint)


def document_target(
    file: Path,
    output: Path | None,
    fmt: str | None,
    edition: str,
    *,
    inputs: Sequence[Path | None],
    force: bool,
) -> tuple[Format, Path]:
    """The format and the path to write a plan's document (or a report read from
    ``file``): :func:`output_target` with the document named after ``file``, beside it
    (``piano-interna.docx`` for the internal edition)."""
    if output is None and is_stdio(file):
        _usage(msg.RENDER_STDIN_NEEDS_OUTPUT, msg.RENDER_STDIN_NEEDS_OUTPUT_HINT)
    return output_target(
        output,
        fmt,
        FORMATS,
        stem=f"{file.stem}{msg.EDITION_FILE_SUFFIX[edition]}",
        folder=file.parent,
        inputs=inputs,
        force=force,
    )


def output_target(
    output: Path | None,
    fmt: str | None,
    formats: Sequence[F],
    *,
    stem: str,
    folder: Path,
    inputs: Iterable[Path | None],
    force: bool,
) -> tuple[F, Path]:
    """The format (one of ``formats``) and the path a command that writes one document
    writes: ``plan render``, ``monitor report``, ``plan compare``.

    The format is ``--format``, else the output's extension, else the first of
    ``formats``. ``-o -`` is stdout. Without ``-o`` the file is ``stem`` with the format's
    extension in ``folder``; with ``-o`` an existing folder, the same name inside it. An
    extension incas does not write (``.yaml``) is a usage error that names what to write
    instead; the rest is the rule of every writing command
    (:func:`incas_cli.io.output_file`): not over an input, not over an existing file
    without ``--force``.
    """
    from incas_cli.formats import join_or
    from incas_cli.io import output_file

    if fmt is not None and fmt not in formats:
        _usage(
            msg.RENDER_BAD_FORMAT.format(value=fmt),
            msg.RENDER_BAD_FORMAT_HINT.format(formats=join_or(formats)),
        )
    if is_stdio(output):
        return _format(fmt or formats[0], formats), Path("-")
    if output is not None:
        _name_fits(output)
    is_folder = output is not None and output.is_dir()
    suffix = "" if output is None or is_folder else output.suffix.lower().lstrip(".")
    if suffix and suffix not in formats:
        assert output is not None
        _usage(
            msg.RENDER_UNKNOWN_SUFFIX.format(suffix=suffix, path=output),
            msg.RENDER_UNKNOWN_SUFFIX_HINT.format(
                suffixes=join_or([f".{f}" for f in formats], short=True),
                example=f"{output.stem}.{formats[0]}",
            ),
        )
    chosen = _format(fmt or suffix or formats[0], formats)
    if suffix and suffix != chosen:
        assert output is not None
        _usage(
            msg.RENDER_SUFFIX_MISMATCH.format(path=output, format=chosen),
            msg.RENDER_SUFFIX_MISMATCH_HINT.format(format=chosen),
        )
    name = f"{stem}.{chosen}"
    _name_fits(Path(name))
    target = output_file(
        output if output is not None else folder / name,
        suffixes=(chosen,),
        name_inside=name,
        inputs=inputs,
        force=force,
    )
    return chosen, target


def _format(value: str, formats: Sequence[F]) -> F:
    """``value`` as the member of ``formats`` it equals (checked by the caller)."""
    return next(f for f in formats if f == value)


def _name_fits(path: Path) -> None:
    """A name longer than the system allows, told in Italian (not an ``OSError``)."""
    if len(path.name.encode("utf-8", "surrogateescape")) > _MAX_NAME_BYTES:
        from incas_cli.errors import InputError
        from incas_cli.messages import io as io_msg

        raise InputError(io_msg.NAME_TOO_LONG, hint=io_msg.OUTPUT_NAME_TOO_LONG_HINT, file=path)


def refuse_terminal(example: str) -> None:
    """A document is binary: ``-o -`` to a terminal would fill it with bytes. ``example``:
    the file name the hint suggests instead (``piano.docx``)."""
    import sys

    if sys.stdout.isatty():
        _usage(msg.RENDER_STDOUT_TERMINAL, msg.RENDER_STDOUT_TERMINAL_HINT.format(example=example))


def warn(message: str, hint: str) -> None:
    from incas_cli.console import print_plain
    from incas_cli.messages import cli as cli_msg

    print_plain(msg.WARNING_LINE.format(label=cli_msg.WARNING_LABEL, message=message), stderr=True)
    print_plain(msg.HINT_LINE.format(label=cli_msg.HINT_LABEL, hint=hint), stderr=True)


def deliver(produced: Produced, output_path: Path, *, force: bool) -> None:
    """Say what the pipeline warned about, then write the document: to stdout for ``-o -``,
    else atomically (never over an existing file without ``force``)."""
    from incas_cli.io import atomic_write_bytes, write_stdout

    for notice in produced.warnings:
        warn(notice.message, notice.hint)
    if is_stdio(output_path):
        write_stdout(produced.data)
    else:
        atomic_write_bytes(output_path, produced.data, force=force)
