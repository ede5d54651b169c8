"""``incas plan new [FILE]`` and ``incas plan edit FILE [--section S]``: the guided questions.

The commands only wire things: a terminal check, the questionary prompter, a saver that
writes the plan atomically after every completed group of answers, and the report of
what was saved when the user stops with Ctrl-C or Ctrl-D (exit 130).
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from incas_cli.cli._common import handle_errors, require_terminal
from incas_cli.cli._options import shell_word
from incas_cli.messages import wizard as msg

if TYPE_CHECKING:
    from incas_cli.wizard.prompter import Prompter


class Section(enum.StrEnum):
    """The wizard's sections (kept equal to ``incas_cli.wizard.SECTIONS`` by a test)."""

    comune = "comune"
    periodo = "periodo"
    territorio = "territorio"
    attori = "attori"
    relazioni = "relazioni"
    governance = "governance"
    bisogni = "bisogni"
    strategia = "strategia"
    misure = "misure"
    monitoraggio = "monitoraggio"
    percorso = "percorso"


def _section(value: str | None) -> str | None:
    """``--section``: a section's name, any case; an Italian error naming the close one."""
    if value is None:
        return None
    import difflib

    names = [s.value for s in Section]
    typed = value.strip().casefold()
    if typed in names:
        return typed
    close = difflib.get_close_matches(typed, names, n=1, cutoff=0.6)
    raise typer.BadParameter(
        msg.SECTION_UNKNOWN.format(
            value=value,
            close=msg.SECTION_CLOSE.format(name=close[0]) if close else "",
            names=", ".join(names),
        )
    )


class _Saver:
    """``on_save`` for the wizard: atomic writes, a memory of what reached the disk, and
    hand edits made to the file meanwhile carried into what is written (never lost)."""

    def __init__(
        self, path: Path | None, prompter: Prompter, *, force: bool, read: Any = None
    ) -> None:
        self.path = path
        self.prompter = prompter
        self.force = force
        self.last: Any = None
        self.writes = 0
        self._seen: tuple[bytes, Any] | None = None
        """The file's bytes as last read or written, and its plain data."""
        if read is not None and path is not None:
            self._seen = (path.read_bytes(), read)

    def __call__(self, data: Any) -> None:
        from incas_cli.io import atomic_write_text, dump_yaml

        if self.path is None:
            self.path = _ask_file_name(self.prompter, data, force=self.force)
        self._take_hand_edits(data)
        # The first write of a new plan must not clobber a file created meanwhile.
        force = self.force or self.writes > 0
        text = dump_yaml(data)
        atomic_write_text(self.path, text, force=force)
        self.writes += 1
        self.last = data
        self._seen = (text.encode("utf-8"), _plain(data))

    def _take_hand_edits(self, data: Any) -> None:
        """If the file changed since it was read or written here, merge the change."""
        from incas_cli.errors import InputError
        from incas_cli.io import dump_yaml, load_yaml
        from incas_cli.wizard.merge import merge_hand_edits

        if self._seen is None or self.path is None or not self.path.exists():
            return
        seen_bytes, seen_plain = self._seen
        try:
            now = self.path.read_bytes()
        except OSError:
            return
        if now == seen_bytes:
            return
        side = self.path.with_name(self.path.name + msg.SIDE_FILE_SUFFIX)
        try:
            disk = load_yaml(self.path)
        except InputError:
            self._keep_aside(side, dump_yaml(data))
            raise InputError(
                msg.HAND_EDIT_UNREADABLE.format(path=self.path),
                hint=msg.HAND_EDIT_SIDE_HINT.format(
                    side=side, path=self.path, arg=shell_word(self.path)
                ),
                file=self.path,
            ) from None
        merged = merge_hand_edits(data, seen_plain, disk.data)
        if merged.conflicts:
            self._keep_aside(side, dump_yaml(data))
            raise InputError(
                msg.HAND_EDIT_CONFLICT.format(
                    path=self.path, fields=", ".join(merged.conflicts[:8])
                ),
                hint=msg.HAND_EDIT_SIDE_HINT.format(
                    side=side, path=self.path, arg=shell_word(self.path)
                ),
                file=self.path,
            )
        if merged.taken:
            self.prompter.show(
                msg.HAND_EDIT_TAKEN.format(path=self.path, fields=", ".join(merged.taken[:8]))
            )

    @staticmethod
    def _keep_aside(side: Path, text: str) -> None:
        from incas_cli.io import atomic_write_text

        atomic_write_text(side, text, force=True)


def _plain(data: Any) -> Any:
    from incas_cli.wizard.tree import plain

    return plain(data)


def _ask_file_name(prompter: Prompter, data: Any, *, force: bool) -> Path:
    from incas_cli.wizard.core import slugify

    comune = data.get("comune") or {}
    default = f"piano-{slugify(str(comune.get('name') or '')) or 'nuovo'}.yaml"

    def check(raw: str) -> str | None:
        name = raw.strip()
        if not name:
            return msg.REQUIRED
        path = Path(name)
        if path.suffix.lower() not in (".yaml", ".yml"):
            return msg.FILE_NOT_YAML
        if path.is_dir():
            return msg.FILE_IS_DIRECTORY.format(path=name)
        if not path.parent.is_dir():  # asked again here: the Comune typed is not lost
            return msg.FILE_FOLDER_MISSING.format(folder=path.parent)
        if path.exists() and not force:
            return msg.FILE_EXISTS_ANSWER.format(path=name, arg=shell_word(name))
        return None

    return Path(prompter.text(msg.ASK_FILE, default=default, validate=check).strip())


def _report_saved(saver: _Saver) -> None:
    """Where the work is: the file, its complete sections, the item kept as a draft."""
    from incas_cli.console import print_plain
    from incas_cli.wizard import SECTIONS, filled_sections, open_counts, read_marker
    from incas_cli.wizard.progress import read_draft
    from incas_cli.wizard.tree import plain

    print_plain(msg.INTERRUPTED_SAVED.format(path=saver.path), stderr=True)
    if saver.last is None:
        return
    tree = plain(saver.last)
    counts = open_counts(tree)
    filled = filled_sections(tree)
    marker = read_marker(saver.last)
    current = marker.sections[0] if marker is not None else None
    # Complete: walked in this run before the one in progress, or answered in the file
    # with no open field (an empty list never asked, such as the relations, is not).
    walked = (
        [s for s in SECTIONS[: SECTIONS.index(current)] if s not in marker.sections]
        if marker is not None and current is not None
        else []
    )
    if counts is not None:
        done = [
            s
            for s in SECTIONS
            if (s in walked or (counts[s] == 0 and s in filled)) and s != current
        ]
        if done:
            labels = ", ".join(msg.SECTION_LABELS[s] for s in done)
            print_plain(msg.INTERRUPTED_DONE.format(sections=labels), stderr=True)
    if current is not None:
        print_plain(
            msg.INTERRUPTED_IN_PROGRESS.format(section=msg.SECTION_LABELS[current]),
            stderr=True,
        )
    draft = read_draft(saver.last)
    if draft is not None:
        items = saver.last.get(draft.list) or []
        item = next((x for x in items if str(x.get("id")) == draft.id), None)
        if item is not None:
            label = item.get("title") or item.get("name") or item.get("description") or ""
            print_plain(
                msg.INTERRUPTED_DRAFT.format(
                    noun=msg.DRAFT_NOUNS.get(draft.list, ""),
                    id=draft.id,
                    label=" ".join(str(label).split())[:60],
                ),
                stderr=True,
            )


def _report_interrupt(saver: _Saver, *, section: str | None) -> None:
    from incas_cli.console import print_plain

    if saver.writes == 0:
        if saver.path is None or not saver.path.exists():
            print_plain(msg.INTERRUPTED_NOTHING, stderr=True)
            return
        print_plain(msg.INTERRUPTED_UNCHANGED.format(path=saver.path), stderr=True)
    else:
        _report_saved(saver)
    _resume_hint(saver, section)


def _resume_hint(saver: _Saver, section: str | None) -> None:
    from incas_cli.console import print_plain

    if section is not None:
        print_plain(
            msg.RESUME_SECTION_COMMAND.format(path=shell_word(saver.path), section=section),
            stderr=True,
        )
    else:
        print_plain(msg.RESUME_COMMAND.format(path=shell_word(saver.path)), stderr=True)


def _report_crash(saver: _Saver, *, section: str | None) -> None:
    """A bug: an Italian line, where the work is, how to report it (no traceback)."""
    from incas_cli.console import print_plain

    print_plain(msg.UNEXPECTED_ERROR, stderr=True)
    if saver.writes:
        _report_saved(saver)
        _resume_hint(saver, section)
    elif saver.path is not None and saver.path.exists():
        print_plain(msg.INTERRUPTED_UNCHANGED.format(path=saver.path), stderr=True)
    else:
        print_plain(msg.UNEXPECTED_NOTHING_SAVED, stderr=True)
    print_plain(msg.UNEXPECTED_REPORT, stderr=True)


def _run(saver: _Saver, start: Any, *, section: str | None, debug: bool = False) -> None:
    """Run the wizard; Ctrl-C / Ctrl-D end it with a report and exit 130; any other
    error (a bug) with an Italian report and exit 1 (the traceback only with ``--debug``)."""
    from incas_cli.catalog import load_catalog
    from incas_cli.console import print_plain
    from incas_cli.errors import ExitCode, IncasError
    from incas_cli.wizard import run_wizard

    try:
        run_wizard(
            saver.prompter,
            load_catalog(),
            start,
            on_save=saver,
            sections=[section] if section else None,
        )
    except (KeyboardInterrupt, EOFError):
        _report_interrupt(saver, section=section)
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except IncasError:
        raise
    except Exception:
        if debug:
            raise
        _report_crash(saver, section=section)
        raise typer.Exit(int(ExitCode.INPUT_ERROR)) from None
    if saver.path is not None and saver.writes:
        print_plain(msg.SAVED_TO.format(path=saver.path))
        print_plain(msg.VALIDATE_NEXT.format(path=shell_word(saver.path)))
        print_plain(msg.RENDER_NEXT.format(path=shell_word(saver.path)))


@handle_errors
def new(
    file: Path | None = typer.Argument(None, help=msg.NEW_FILE_HELP, show_default=False),
    force: bool = typer.Option(False, "--force", help=msg.FORCE_HELP),
    debug: bool = typer.Option(False, "--debug", help=msg.DEBUG_HELP),
) -> None:
    """Ask for a new plan (help: ``messages.cli.NEW_HELP``)."""
    from incas_cli.errors import OutputExistsError
    from incas_cli.io import new_document_data
    from incas_cli.wizard.questionary_prompter import QuestionaryPrompter

    if file is not None and file.exists() and not force:
        raise OutputExistsError(
            msg.FILE_EXISTS, hint=msg.FILE_EXISTS_HINT.format(path=shell_word(file)), file=file
        )
    if file is not None and not file.parent.is_dir():  # said now, not after the Comune
        from incas_cli.errors import InputError
        from incas_cli.messages import io as io_msg

        raise InputError(
            io_msg.OUTPUT_NO_PARENT.format(parent=file.parent),
            hint=io_msg.OUTPUT_NO_PARENT_HINT,
            file=file,
        )
    require_terminal()
    saver = _Saver(file, QuestionaryPrompter(), force=force)
    _run(saver, new_document_data({"schema_version": 1}), section=None, debug=debug)


@handle_errors
def edit(
    file: Path = typer.Argument(..., help=msg.EDIT_FILE_HELP, show_default=False),
    section: str | None = typer.Option(
        None,
        "--section",
        "-s",
        help=msg.SECTION_HELP,
        callback=_section,
        metavar=msg.SECTION_METAVAR,
    ),
    debug: bool = typer.Option(False, "--debug", help=msg.DEBUG_HELP),
) -> None:
    """Complete or revise a plan (help: ``messages.cli.EDIT_HELP``)."""
    from incas_cli.checks import check_data
    from incas_cli.errors import InputError
    from incas_cli.formats import counted
    from incas_cli.io import load_yaml
    from incas_cli.wizard.questionary_prompter import QuestionaryPrompter

    doc = load_yaml(file)
    plan, findings = check_data(doc.plain())
    if plan is None:
        raise InputError(
            msg.EDIT_BROKEN.format(
                problems=counted(
                    sum(f.blocking for f in findings), msg.EDIT_BROKEN_ONE, msg.EDIT_BROKEN_MANY
                )
            ),
            hint=msg.EDIT_BROKEN_HINT.format(path=shell_word(file)),
            file=file,
        )
    require_terminal()
    saver = _Saver(file, QuestionaryPrompter(), force=True, read=doc.plain())
    _run(saver, doc.data, section=section, debug=debug)
