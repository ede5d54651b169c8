"""Lists of things in a plan (actors, needs, measures, budget lines...): add, edit, delete.

A list that is still empty goes straight to adding, one item after the other, until the
user says there are no more (a "no more" choice, or an empty answer to the opener, the
first question of an item). A list that has items shows a menu: edit one of them (every
question, or one field chosen from a list), add, delete, go on.

An item is a form (:mod:`incas_cli.wizard.form`): after a new actor, need, measure or
meeting the wizard shows what it holds, and the next opener is its review («Confermi
l'attore «…» o correggi un campo?») with the way out of the list, a correction of one
field and the next item's first answer as its choices: one question, so the review adds
none to the path. The "domanda precedente" key from an opener goes back to the last
question of the item before. The item being asked is recorded on the session
(:class:`InProgress`), so that an interruption can keep it as a draft, and a draft found
in the list is resumed where it stopped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, MutableMapping, MutableSequence, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from incas_cli.document.model import Column, Table
from incas_cli.messages import wizard as msg
from incas_cli.wizard.core import InProgress, Session
from incas_cli.wizard.form import Field, Walk, answered, run_fields
from incas_cli.wizard.progress import clear_draft_place
from incas_cli.wizard.prompter import Choice, GoBack
from incas_cli.wizard.tree import drop

Item = MutableMapping[str, Any]
V = TypeVar("V")
FIX = "\x00correggi"
"""The value of the opener's "correct a field of the item just added" choice."""
DRAFT_KEY = "draft"


@dataclass(frozen=True)
class Opening:
    """What a list's opener is asked with: the item just added, which it reviews."""

    reviewed: str | None = None
    """The label of the item just added (None: the first of the list, or no review)."""
    noun: str = ""
    """That item in a sentence («l'attore»)."""

    def question(self, own: str) -> str:
        """The opener's question, or the review that also asks it."""
        if self.reviewed is None:
            return own
        return msg.REVIEW_ASK.format(noun=self.noun, label=self.reviewed, next=_lower_first(own))

    def way_out(self, own: str) -> str:
        """The title of the choice that ends the list ("Nessun altro attore: avanti")."""
        return own if self.reviewed is None else msg.REVIEW_CONFIRM.format(next=_lower_first(own))

    @property
    def choices(self) -> list[Choice[str]]:
        """What the opener offers beside its own choices: the correction of a field."""
        if self.reviewed is None:
            return []
        return [Choice(msg.FIX_FIELD, FIX, searchable=False)]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def ask_opener(
    s: Session, opening: Opening, question: str, way_out: str, choices: Sequence[Choice[V]]
) -> V | str | None:
    """A list's first question of a new item as a select: None for the way out of the
    list (its first choice), :data:`FIX` for a correction, else the value picked."""
    options: list[Choice[V | str | None]] = [
        Choice(opening.way_out(way_out), None, searchable=False),
        *opening.choices,
        *choices,
    ]
    return s.prompter.select(opening.question(question), options, default=None)


@dataclass(frozen=True)
class ListSpec:
    """How to handle one list: its words, its opener and its form."""

    menu: str
    """The menu's question, e.g. "Attori della rete: cosa vuoi fare?"."""
    add: str
    """The menu entry that adds an item."""
    label: Callable[[Item], str]
    """How an item is named in the menu."""
    opener: Callable[[Opening], Item | str | None]
    """Ask the first question of a new item: the new item (not in the list yet), None
    when the user said there are no more, or :data:`FIX` (the :class:`Opening`'s review
    choice, offered after the way out of a select: see :func:`ask_opener`)."""
    fields: Callable[[Item, bool], Sequence[Field]]
    """The item's form (``True``: a new item, whose first ``opened`` fields the opener
    answered)."""
    opened: int = 1
    finish: Callable[[Item], None] | None = None
    """What the form leaves to the end (an id made from the name)."""
    save_each: bool = True
    """Save after every item (top-level lists) or leave saving to the caller (nested)."""
    deleted: Callable[[Item], str | None] | None = None
    """A warning to show before deleting (e.g. where the item is referenced), if any."""
    key: str | None = None
    """The plan's top-level list (``measures``): its item in progress is kept as a draft
    on Ctrl-C, and reviewed after it is added."""
    noun: str = ""
    """The item in a sentence («la misura»), for the review and the draft messages."""


def edit_list(
    s: Session, items: MutableSequence[Any], spec: ListSpec, *, fresh: bool | None = None
) -> None:
    """Run the add loop (a ``fresh``, by default empty, list) or the menu for ``items``."""
    entries = [e for e in items if isinstance(e, MutableMapping)]
    adding = _resume_drafts(s, items, entries, spec)
    if adding or ((not items) if fresh is None else fresh):
        _add_loop(s, items, spec)
        return
    _menu(s, items, spec)


def add_once(s: Session, items: MutableSequence[Any], spec: ListSpec) -> None:
    """One new item at most (the opener's way out adds none)."""
    _add_one(s, items, spec, Opening())


def _menu(s: Session, items: MutableSequence[Any], spec: ListSpec) -> None:
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
        action = s.prompter.select(spec.menu, choices, default=_menu_default(s, spec, entries))
        if action == "next":
            return
        if action == "add":
            if _add_one(s, items, spec, Opening()) is not None and spec.save_each:
                s.save()
        elif action == "delete":
            _delete(s, items, entries, spec)
        else:
            item = entries[int(action.split(":", 1)[1])]
            if _edit_one(s, items, spec, item) and spec.save_each:
                s.save()


def _menu_default(s: Session, spec: ListSpec, entries: list[Item]) -> str:
    """The first item with open fields when walking the incomplete sections, else "Avanti"
    (Enter on a resumed section never skips what is still missing)."""
    if spec.key is None or not s.walking:
        return "next"
    from incas_cli.checks import open_fields
    from incas_cli.checks.structure import parse_plan

    plan, _ = parse_plan({**s.plain(), "schema_version": 1})
    if plan is None:
        return "next"
    open_items = sorted(
        {int(f.loc[1]) for f in open_fields(plan) if f.loc[0] == spec.key and len(f.loc) > 2}
    )
    if open_items and open_items[0] < len(entries):
        return f"edit:{open_items[0]}"
    return "next"


def _add_loop(s: Session, items: MutableSequence[Any], spec: ListSpec) -> None:
    last: tuple[Item, Walk] | None = None
    while True:
        opening = Opening()
        if last is not None and spec.key is not None:
            opening = Opening(spec.label(last[0]), spec.noun)
        try:
            added = _add_one(s, items, spec, opening)
        except GoBack:
            if last is None:
                raise
            # Back from the next item's first question: the last question of this one.
            item, walk = last
            if walk.asked:
                with contextlib.suppress(GoBack):
                    walk = _ask(
                        s,
                        items,
                        spec,
                        item,
                        new=True,
                        kept=True,
                        start=walk.asked[-1],
                        asked=walk.asked[:-1],
                    )
                last = (item, walk)
                _done(s, spec, item)
                if spec.save_each:
                    s.save()
            continue
        if added is None:
            return
        if added == FIX:
            assert last is not None
            _fix(s, items, spec, last[0], new=True)
            continue
        assert not isinstance(added, str)
        last = added
        if spec.save_each:
            s.save()


def _add_one(
    s: Session, items: MutableSequence[Any], spec: ListSpec, opening: Opening
) -> tuple[Item, Walk] | str | None:
    """A new item: its opener, then its form (back from the form: the opener again)."""
    if spec.key is not None:
        s.adding = spec.key
    while True:
        opened = spec.opener(opening)
        if opened is None or isinstance(opened, str):
            if spec.key is not None:
                s.adding = None
            return opened
        try:
            walk = _ask(s, items, spec, opened, new=True)
        except GoBack:
            continue
        items.append(opened)
        _done(s, spec, opened)
        return opened, walk


def _ask(
    s: Session,
    items: MutableSequence[Any],
    spec: ListSpec,
    item: Item,
    *,
    new: bool,
    kept: bool = False,
    start: int | None = None,
    asked: Sequence[int] = (),
    only: int | None = None,
) -> Walk:
    """Ask an item's form: from ``start`` (by default its first field the opener did not
    answer), or only its field ``only``. ``kept``: the item is in the list already."""
    fields = spec.fields(item, new)
    progress = InProgress(spec.key, items, item, new and not kept, prepare=spec.finish)
    s.progress.append(progress)

    def place(at: Walk) -> None:
        progress.walk = at

    try:
        if only is not None:
            walk = run_fields(s.counter, [fields[only]], on_field=place)
        else:
            first = (spec.opened if new else 0) if start is None else start
            walk = run_fields(s.counter, fields, start=first, asked=asked, on_field=place)
    except GoBack:
        s.progress.pop()
        raise
    s.progress.pop()
    return walk


def _done(s: Session, spec: ListSpec, item: Item) -> None:
    """An item whose form is complete: its last derived fields, no draft mark, a review."""
    if spec.finish is not None:
        spec.finish(item)
    drop(item, DRAFT_KEY)
    if spec.key is not None:
        s.prompter.show(review(spec, item, spec.fields(item, False)))


def review(spec: ListSpec, item: Item, fields: Sequence[Field]) -> Table:
    """What an item holds, as a two-column table (the short review after each item)."""
    return Table(
        msg.REVIEW_TITLE.format(noun=spec.noun, label=spec.label(item)),
        (Column(msg.COL_FIELD), Column(msg.COL_ANSWER)),
        tuple(answered(fields)),
    )


def _edit_one(s: Session, items: MutableSequence[Any], spec: ListSpec, item: Item) -> bool:
    """Every question of an existing item, or the one field the user picks."""
    fields = spec.fields(item, False)
    choices: list[Choice[int | None]] = [Choice(msg.EDIT_ALL_FIELDS, None)]
    choices += _field_choices(fields)
    picked = s.prompter.select(
        msg.ASK_EDIT_WHICH.format(label=spec.label(item)), choices, default=None
    )
    try:
        _ask(s, items, spec, item, new=False, only=picked)
    except GoBack:
        return False
    _done(s, spec, item)
    return True


def _fix(s: Session, items: MutableSequence[Any], spec: ListSpec, item: Item, *, new: bool) -> None:
    """One field of the item just added, chosen from its form."""
    fields = spec.fields(item, new)
    choices: list[Choice[int | None]] = _field_choices(fields)
    choices.append(Choice(msg.FIX_NONE, None))
    picked = s.prompter.select(msg.ASK_FIX_WHICH.format(label=spec.label(item)), choices)
    if picked is None:
        return
    try:
        _ask(s, items, spec, item, new=new, kept=True, only=picked)
    except GoBack:
        return
    _done(s, spec, item)
    if spec.save_each:
        s.save()


def _field_choices(fields: Sequence[Field]) -> list[Choice[int | None]]:
    choices: list[Choice[int | None]] = []
    for index, item in enumerate(fields):
        if item.label is None:
            continue
        value = item.shown() if item.shown is not None else ""
        title = f"{item.label}: {_short(value)}" if value else item.label
        choices.append(Choice(title, index))
    return choices


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _resume_drafts(
    s: Session, items: MutableSequence[Any], entries: list[Item], spec: ListSpec
) -> bool:
    """Ask what is left of the items saved half done; True when the add loop was on."""
    if spec.key is None:
        return False
    place = s.draft_place
    adding = False
    for item in entries:
        if item.get(DRAFT_KEY) is not True:
            continue
        new, start, asked = False, 0, ()
        if place is not None and place.list == spec.key and place.id == str(item.get("id")):
            new, adding, asked = place.new, place.adding, place.asked
            start = min(place.field, len(spec.fields(item, new)))
        fields = spec.fields(item, new)
        kept = [label for label, _ in answered(fields)]
        s.prompter.show(
            msg.RESUMING_DRAFT.format(
                noun=spec.noun,
                label=spec.label(item),
                count=len(kept),
                fields=msg.LIST_SEPARATOR.join(kept) if kept else msg.NONE_KEPT,
            )
        )
        try:
            _ask(s, items, spec, item, new=new, kept=True, start=start, asked=asked)
        except GoBack:  # back from the first question left: every question of the item
            _ask(s, items, spec, item, new=new, kept=True, start=0)
        _done(s, spec, item)
        clear_draft_place(s.data)
        s.draft_place = None
        if spec.save_each:
            s.save()
    return adding


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
