"""Lists of things in a plan (actors, needs, measures, budget lines...): add, edit, delete.

A list that is still empty goes straight to adding, one item after the other, until the
user says there are no more (a "no more" choice or an empty answer to the first question
of an item). A list that has items shows a menu: edit one of them, add, delete, go on.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, MutableSequence
from dataclasses import dataclass
from typing import Any

from incas_cli.messages import wizard as msg
from incas_cli.wizard.core import Session
from incas_cli.wizard.prompter import Choice

Item = MutableMapping[str, Any]


@dataclass(frozen=True)
class ListSpec:
    """How to handle one list: its words and its callbacks."""

    menu: str
    """The menu's question, e.g. "Attori della rete: cosa vuoi fare?"."""
    add: str
    """The menu entry that adds an item."""
    label: Callable[[Item], str]
    """How an item is named in the menu."""
    add_one: Callable[[], bool]
    """Ask for a new item, append it; False when the user said there are no more."""
    edit_one: Callable[[Item], None]
    """Ask again every field of an existing item (current values as defaults)."""
    save_each: bool = True
    """Save after every item (top-level lists) or leave saving to the caller (nested)."""
    deleted: Callable[[Item], str | None] | None = None
    """A warning to show before deleting (e.g. where the item is referenced), if any."""


def edit_list(
    s: Session, items: MutableSequence[Any], spec: ListSpec, *, fresh: bool | None = None
) -> None:
    """Run the add loop (a ``fresh``, by default empty, list) or the menu for ``items``."""
    if (not items) if fresh is None else fresh:
        while spec.add_one():
            if spec.save_each:
                s.save()
        return
    while True:
        entries = [e for e in items if isinstance(e, MutableMapping)]
        choices: list[Choice[str]] = [
            Choice(msg.MENU_EDIT.format(label=spec.label(item)), f"edit:{index}")
            for index, item in enumerate(entries)
        ]
        choices.append(Choice(spec.add, "add"))
        if entries:
            choices.append(Choice(msg.MENU_DELETE, "delete"))
        choices.append(Choice(msg.MENU_NEXT, "next"))
        action = s.prompter.select(spec.menu, choices, default="next")
        if action == "next":
            return
        if action == "add":
            if spec.add_one() and spec.save_each:
                s.save()
        elif action == "delete":
            _delete(s, items, entries, spec)
        else:
            spec.edit_one(entries[int(action.split(":", 1)[1])])
            if spec.save_each:
                s.save()


def _delete(s: Session, items: MutableSequence[Any], entries: list[Item], spec: ListSpec) -> None:
    choices: list[Choice[int | None]] = [
        Choice(spec.label(item), index) for index, item in enumerate(entries)
    ]
    choices.append(Choice(msg.MENU_CANCEL, None))
    index = s.prompter.select(msg.ASK_DELETE_WHICH, choices, default=None)
    if index is None:
        return
    item = entries[index]
    warning = spec.deleted(item) if spec.deleted is not None else None
    question = msg.CONFIRM_DELETE.format(label=spec.label(item))
    if warning:
        question = f"{warning} {question}"
    if not s.prompter.confirm(question, default=False):
        return
    for position, candidate in enumerate(items):
        if candidate is item:
            del items[position]
            break
    if spec.save_each:
        s.save()
