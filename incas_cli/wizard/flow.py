"""``run_wizard``: the whole question flow, as a pure function of its prompter.

The wizard never touches files. It edits the plan tree it is given and calls
``on_save(tree)`` after every completed group of answers (one actor, one need, one
measure, one section); the command writes the file. Ctrl-C or Ctrl-D at a prompt
propagate as ``KeyboardInterrupt`` / ``EOFError`` once the prompter raises them, and
everything handed to ``on_save`` before that is complete and consistent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping, Sequence
from typing import Any

from incas_cli.catalog import Catalog, ComuniIndex
from incas_cli.io import new_document_data
from incas_cli.messages import wizard as msg
from incas_cli.models.plan import Plan
from incas_cli.wizard.core import Data, Mode, Session
from incas_cli.wizard.network_steps import governance_step, relations_step, stakeholders_step
from incas_cli.wizard.plan_steps import comune_step, monitoring_step, period_step, territory_step
from incas_cli.wizard.progress import (
    SECTIONS,
    incomplete_sections,
    read_marker,
    write_marker,
)
from incas_cli.wizard.prompter import Choice, Prompter
from incas_cli.wizard.summary import compute_summary, summary_blocks
from incas_cli.wizard.tree import keys_of, plain, put
from incas_cli.wizard.work_steps import measures_step, needs_step

STEPS: dict[str, Callable[[Session], None]] = {
    "comune": comune_step,
    "periodo": period_step,
    "territorio": territory_step,
    "attori": stakeholders_step,
    "relazioni": relations_step,
    "governance": governance_step,
    "bisogni": needs_step,
    "misure": measures_step,
    "monitoraggio": monitoring_step,
}
assert tuple(STEPS) == SECTIONS


def _as_tree(start: Mapping[str, Any]) -> Data:
    if isinstance(start, MutableMapping) and hasattr(start, "insert"):
        return start  # already a round-trip tree: edit it in place, comments and all
    tree: Data = new_document_data(start)
    return tree


def run_wizard(
    prompter: Prompter,
    catalog: Catalog,
    start: Mapping[str, Any],
    *,
    on_save: Callable[[Data], None],
    sections: Sequence[str] | None = None,
    comuni: ComuniIndex | None = None,
    mode: Mode | None = None,
) -> Data:
    """Ask for the plan, section by section, and return the edited tree.

    ``start`` is the plan so far: a round-trip tree (``YamlDocument.data``) is edited in
    place; a plain mapping is copied into a new tree first. With ``sections`` only those
    sections are asked. Without, the wizard resumes an interrupted walk, or walks the
    incomplete sections (every section of a new plan), or, when nothing is missing, lets
    the user pick sections to revise. ``mode`` ``"rapido"`` asks only the essential
    questions; a new plan asks which path to take when ``mode`` is not given.
    """
    if sections is not None:
        unknown = [s for s in sections if s not in STEPS]
        if unknown:
            raise ValueError(f"unknown wizard sections: {unknown}")
    if comuni is None:
        from incas_cli.catalog import load_comuni

        comuni = load_comuni()
    data = _as_tree(start)
    if "schema_version" not in data:
        put(data, "schema_version", 1, keys_of(Plan))

    walk = sections is None
    marker = read_marker(data) if walk else None
    if sections is not None:
        todo = list(sections)
    elif marker is not None:
        todo = list(marker.sections)
        mode = mode or marker.mode
        prompter.show(msg.RESUMING.format(section=msg.SECTION_LABELS[todo[0]]))
    else:
        todo = incomplete_sections(plain(data))
        if mode is None and "comune" not in data:
            mode = _ask_mode(prompter)
    session = Session(prompter, catalog, comuni, data, on_save, mode or "completo")

    if walk and not todo:
        _revise(session)
    for index, section in enumerate(todo):
        if walk:
            write_marker(data, todo[index:], session.mode)
        prompter.show(msg.SECTION_HEADER.format(label=msg.SECTION_LABELS[section]))
        STEPS[section](session)
        if walk:
            write_marker(data, todo[index + 1 :], session.mode)
        session.save()
    show_summary(prompter, catalog, data)
    return data


def _ask_mode(prompter: Prompter) -> Mode:
    choices: list[Choice[Mode]] = [
        Choice(msg.MODE_QUICK, "rapido", msg.MODE_QUICK_DESCRIPTION),
        Choice(msg.MODE_FULL, "completo", msg.MODE_FULL_DESCRIPTION),
    ]
    return prompter.select(msg.ASK_MODE, choices, default="rapido")


def _revise(session: Session) -> None:
    """Nothing is missing: show where the plan stands and let the user pick sections."""
    prompter = session.prompter
    prompter.show(msg.NOTHING_MISSING)
    show_summary(prompter, session.catalog, session.data)
    while True:
        choices: list[Choice[str | None]] = [
            Choice(msg.SECTION_LABELS[section], section) for section in SECTIONS
        ]
        choices.append(Choice(msg.SHOW_SUMMARY, "riepilogo"))
        choices.append(Choice(msg.EXIT_MENU, None))
        picked = prompter.select(msg.ASK_SECTION, choices, default=None)
        if picked is None:
            return
        if picked == "riepilogo":
            show_summary(prompter, session.catalog, session.data)
            continue
        prompter.show(msg.SECTION_HEADER.format(label=msg.SECTION_LABELS[picked]))
        STEPS[picked](session)
        session.save()


def show_summary(prompter: Prompter, catalog: Catalog, data: Data) -> None:
    """The plan's state as lines and tables: sections, open fields, findings, coverage,
    budget."""
    for item in summary_blocks(compute_summary(plain(data), catalog)):
        prompter.show(item)
