"""``incas plan diff OLD.yaml NEW.yaml [--json] [--docx OUT.docx] [--force]``"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from incas_cli.cli._common import handle_errors
from incas_cli.cli._options import is_stdio, shell_word
from incas_cli.messages import diff as msg

if TYPE_CHECKING:
    from rich.console import Console

    from incas_cli.batch import Outcome
    from incas_cli.diff import ReportSection
    from incas_cli.models import Plan


@handle_errors
def diff(
    old: Path = typer.Argument(..., help=msg.OLD_HELP, show_default=False),
    new: Path = typer.Argument(..., help=msg.NEW_HELP, show_default=False),
    as_json: bool = typer.Option(False, "--json", help=msg.JSON_HELP),
    docx: Path | None = typer.Option(
        None, "--docx", help=msg.DOCX_HELP, metavar="OUT.docx", show_default=False
    ),
    force: bool = typer.Option(False, "--force", help=msg.FORCE_HELP),
) -> None:
    """Compare two versions of a plan (help: ``messages.cli.DIFF_HELP``)."""
    from incas_cli.catalog import load_catalog
    from incas_cli.diff import diff_plans

    if docx is not None:  # a wrong output fails before the work
        from incas_cli.errors import UsageError
        from incas_cli.io import output_file

        if is_stdio(docx):
            raise UsageError(msg.DOCX_NOT_STDOUT, hint=msg.DOCX_NOT_STDOUT_HINT)

        docx = output_file(
            docx,
            suffixes=("docx",),
            name_inside=msg.DOCX_DEFAULT_NAME.format(old=old.stem, new=new.stem),
            inputs=(old, new),
            force=force,
        )
    old_plan, new_plan = _load_both(old, new, as_json=as_json)
    result = diff_plans(old_plan, new_plan, catalog=load_catalog())
    if docx is not None:
        from incas_cli.console import print_plain
        from incas_cli.document.diff_annex import diff_document
        from incas_cli.io import atomic_write_bytes
        from incas_cli.pipeline import Target, produce_document

        annex = diff_document(result, old_plan, new_plan, old_name=old.name, new_name=new.name)
        atomic_write_bytes(docx, produce_document(annex, Target()).data, force=force)
        print_plain(msg.DOCX_WRITTEN.format(path=docx), stderr=True)
    if as_json:
        from incas_cli.reports import report_json

        payload = {"old": str(old), "new": str(new), **result.to_json()}
        typer.echo(report_json("diff", payload))
    else:
        from incas_cli.console import get_console
        from incas_cli.diff import report

        print_report(get_console(), str(old), str(new), report(result))


def _load_both(old: Path, new: Path, *, as_json: bool) -> tuple[Plan, Plan]:
    """Both plans, or the findings of the unusable files and exit 1 (unreadable) or 3."""
    from incas_cli.batch import Status, check_file
    from incas_cli.console import outcomes_json, print_outcomes, print_plain
    from incas_cli.diff import same_comune
    from incas_cli.formats import counted

    outcomes = [check_file(old), check_file(new)]
    unusable = [o for o in outcomes if o.result is None or o.result.plan is None]
    if unusable:
        if as_json:
            typer.echo(outcomes_json(unusable))
        else:
            print_outcomes(unusable)
        failed = any(o.status is Status.FAILED for o in unusable)
        raise typer.Exit(1 if failed else 3)
    for outcome in outcomes:
        count = len(outcome.result.errors) if outcome.result else 0
        if count:
            problems = counted(count, msg.BLOCKING_ONE, msg.BLOCKING_MANY)
            print_plain(
                msg.HAS_ERRORS.format(
                    file=outcome.name, arg=shell_word(outcome.name), problems=problems
                ),
                stderr=True,
            )
    old_plan, new_plan = _plan(outcomes[0]), _plan(outcomes[1])
    if not same_comune(old_plan, new_plan):
        print_plain(
            msg.OTHER_COMUNE.format(
                old=outcomes[0].name,
                new=outcomes[1].name,
                old_arg=shell_word(outcomes[0].name),
                new_arg=shell_word(outcomes[1].name),
                old_comune=old_plan.comune.name,
                new_comune=new_plan.comune.name,
            ),
            stderr=True,
        )
    return old_plan, new_plan


def _plan(outcome: Outcome) -> Plan:
    assert outcome.result is not None and outcome.result.plan is not None
    return outcome.result.plan


# --- terminal ------------------------------------------------------------------------------


def print_report(console: Console, old: str, new: str, sections: Sequence[ReportSection]) -> None:
    """The report as rich tables (they wrap to the console width, 80 columns included)."""
    from rich.text import Text

    from incas_cli.writers.rich import rich_table

    console.print(Text(msg.HEADER.format(old=old, new=new), style="bold"))
    if not sections:
        console.print(Text(msg.NO_CHANGES, style="green"))
        return
    for section in sections:
        console.print()
        console.print(Text(section.title.upper(), style="bold cyan"))
        for paragraph in section.paragraphs:
            console.print(Text(paragraph))
        for bullet in section.bullets:
            console.print(Text(f"  • {bullet}"))
        for table in section.tables:
            console.print(rich_table(table.block()))
