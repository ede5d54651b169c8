"""``run_wizard``: the whole question flow, as a pure function of its prompter.

The wizard never touches files. It edits the plan tree it is given and calls
``on_save(tree)`` after every completed group of answers (one actor, one need, one
measure, one section); the command writes the file. Ctrl-C or Ctrl-D at a prompt
propagate as ``KeyboardInterrupt`` / ``EOFError`` once the prompter raises them, and
everything handed to ``on_save`` before that is complete and consistent.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from incas_cli.catalog import Catalog, ComuniIndex
from incas_cli.io import new_document_data
from incas_cli.messages import wizard as msg
from incas_cli.models.plan import Measure, Need, Plan, Stakeholder
from incas_cli.wizard.core import Data, Mode, Session
from incas_cli.wizard.form import Field, Walk, run_fields
from incas_cli.wizard.governance_steps import governance_step
from incas_cli.wizard.lists import DRAFT_KEY
from incas_cli.wizard.network_steps import relations_step, stakeholders_step
from incas_cli.wizard.plan_steps import comune_step, monitoring_step, period_step, territory_step
from incas_cli.wizard.progress import (
    SECTIONS,
    clear_marker,
    incomplete_sections,
    read_draft,
    read_marker,
    write_marker,
)
from incas_cli.wizard.prompter import Choice, GoBack, Prompter
from incas_cli.wizard.strategy_steps import process_step, strategy_step
from incas_cli.wizard.summary import compute_summary, summary_blocks
from incas_cli.wizard.tree import keys_of, plain, put
from incas_cli.wizard.work_steps import measures_step, needs_step

STEPS: dict[str, Callable[[Session], Sequence[Field]]] = {
    "comune": comune_step,
    "periodo": period_step,
    "territorio": territory_step,
    "attori": stakeholders_step,
    "relazioni": relations_step,
    "governance": governance_step,
    "bisogni": needs_step,
    "strategia": strategy_step,
    "misure": measures_step,
    "monitoraggio": monitoring_step,
    "percorso": process_step,
}
assert tuple(STEPS) == SECTIONS

_MODELS: dict[str, type[BaseModel]] = {
    "stakeholders": Stakeholder,
    "needs": Need,
    "measures": Measure,
}


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

    When the run ends by an exception (Ctrl-C, Ctrl-D, a bug), the item being asked is
    kept in its list as a draft (``draft: true``; the marker says where its questions
    stopped), the tree is handed to ``on_save`` once more if anything was saved before,
    and the exception propagates.
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
    draft_place = read_draft(data)
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
    on_disk = "comune" in data  # a plan read from its file (a new one: once the Comune is in)
    session.walking = walk
    session.draft_place = draft_place
    current: list[str] = []
    try:
        if walk and not todo:
            _revise(session, current)
        _walk(session, todo, current, record=walk)
    except BaseException:
        _keep_in_progress(
            session, todo, current, record=walk or draft_place is not None, on_disk=on_disk
        )
        raise
    left = None if walk else read_marker(data)
    if left is not None and set(left.sections) <= set(todo):
        clear_marker(data)  # the resume point of a --section run interrupted: all done now
        session.save()
    show_summary(prompter, catalog, data)
    return data


def _walk(session: Session, todo: list[str], current: list[str], *, record: bool) -> None:
    """Ask ``todo``'s sections in order; back from a section's first question: the last
    question of the section before (or, at the very first, the same question again)."""
    data = session.data
    walks: dict[int, Walk] = {}
    index = 0
    back = False
    while index < len(todo):
        section = todo[index]
        current[:] = [section]
        if record:
            write_marker(data, todo[index:], session.mode)
        if not back:
            session.prompter.show(msg.SECTION_HEADER.format(label=msg.SECTION_LABELS[section]))
        fields = STEPS[section](session)
        previous = walks.get(index) if back else None
        try:
            if previous is not None and previous.asked:
                done = run_fields(
                    session.counter,
                    fields,
                    start=previous.asked[-1],
                    asked=previous.asked[:-1],
                )
            else:
                done = run_fields(session.counter, fields)
        except GoBack:
            if index == 0 or not any(w.asked for w in walks.values()):
                session.prompter.show(msg.AT_FIRST_QUESTION)
                back = False
                continue
            index -= 1
            while index > 0 and not walks[index].asked:
                index -= 1
            back = True
            continue
        back = False
        walks[index] = done
        if record:
            write_marker(data, todo[index + 1 :], session.mode)
        session.draft_place = None
        session.save()
        index += 1
    current.clear()


def _keep_in_progress(
    session: Session, todo: list[str], current: list[str], *, record: bool, on_disk: bool
) -> None:
    """Keep the item being asked as a draft and save, after an interruption."""
    data = session.data
    # Answers of a section half done (the period, the workforce...) are kept too: each
    # was checked when given, and the section, asked again, shows them as its defaults.
    answered = session.unsaved_answers()
    draft = _keep_draft(session)
    if (record or draft is not None) and current and current[0] in todo:
        write_marker(
            data,
            todo[todo.index(current[0]) :],
            session.mode,
            adding=session.adding,
            draft=draft,
        )
    # Interrupted at the first question of a new item: the list's items are saved already,
    # the marker (saved now) says that the add loop goes on.
    adding = record and session.adding is not None and bool(data.get(session.adding))
    if (session.saves or on_disk) and (draft is not None or adding or answered):
        try:
            session.on_save(data)
        except Exception:  # the last complete save stays on disk; the first error is reported
            return


def _keep_draft(session: Session) -> dict[str, Any] | None:
    """The outermost item in progress of a top-level list, put in its list as a draft."""
    progress = next((p for p in session.progress if p.key in _MODELS), None)
    if progress is None or progress.key is None:
        return None
    item = progress.item
    if progress.prepare is not None:
        with contextlib.suppress(ValueError):
            progress.prepare(item)
    candidate = {**plain(item), DRAFT_KEY: True}
    try:
        _MODELS[progress.key].model_validate(candidate)
    except ValidationError:
        return None  # not even its required fields yet (a name, a title): nothing to keep
    put(item, DRAFT_KEY, True, [])
    for inner in session.progress:
        # A line of a list inside the item (a budget line whose amount is typed): kept too.
        if inner.new and inner.item and not any(x is inner.item for x in inner.items):
            inner.items.append(inner.item)
    for key in [k for k, v in item.items() if isinstance(v, list | dict) and not v]:
        del item[key]  # a nested list just opened (the budget lines): nothing in it yet
    walk = progress.walk
    return {
        "list": progress.key,
        "id": str(item.get("id")),
        "field": walk.current if walk is not None else 0,
        "asked": list(walk.asked) if walk is not None else [],
        "new": progress.new,
    }


def _ask_mode(prompter: Prompter) -> Mode:
    choices: list[Choice[Mode]] = [
        Choice(msg.MODE_QUICK, "rapido", msg.MODE_QUICK_DESCRIPTION),
        Choice(msg.MODE_FULL, "completo", msg.MODE_FULL_DESCRIPTION),
    ]
    while True:
        try:
            return prompter.select(msg.ASK_MODE, choices, default="rapido")
        except GoBack:
            prompter.show(msg.AT_FIRST_QUESTION)


def _revise(session: Session, current: list[str]) -> None:
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
        try:
            picked = prompter.select(msg.ASK_SECTION, choices, default=None)
        except GoBack:
            prompter.show(msg.AT_FIRST_QUESTION)
            continue
        if picked is None:
            return
        if picked == "riepilogo":
            show_summary(prompter, session.catalog, session.data)
            continue
        _walk(session, [picked], current, record=False)


def show_summary(prompter: Prompter, catalog: Catalog, data: Data) -> None:
    """The plan's state as lines and tables: sections, open fields, findings, coverage,
    budget."""
    for item in summary_blocks(compute_summary(plain(data), catalog)):
        prompter.show(item)
