"""The wizard's working state and the ways it asks for one field.

A :class:`Session` holds the prompter, the catalogue, the plan tree being edited and the
``on_save`` callback. Its ``ask_*`` helpers ask for one field of one plan entity, check
the answer with the plan model (see :mod:`incas_cli.wizard.checking`), write the value
into the entity's mapping (or remove it when an optional answer is left empty) and
return it. The current value, when there is one, is the default: editing shows it, and
an empty answer keeps it (``-`` empties an optional field).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, MutableMapping, MutableSequence, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from incas_cli.catalog import Catalog, ComuneRecord, ComuniIndex
from incas_cli.messages import wizard as msg
from incas_cli.messages.vocab import Term, capitalized
from incas_cli.wizard.checking import (
    check_field,
    italian_number,
    percent_field,
    whole_number_field,
)
from incas_cli.wizard.form import CountingPrompter, Walk
from incas_cli.wizard.prompter import Choice, Prompter
from incas_cli.wizard.tree import answered, drop, key_of, keys_of, plain, put

T = TypeVar("T")
_NUMERIC = re.compile(r"^[+-]?\d+(\.\d+)?$")
_WHOLE = re.compile(r"^[+-]?\d+$")
Mode = Literal["rapido", "completo"]
Data = MutableMapping[str, Any]
Extra = Callable[[Any], str | None]


def _answers(data: Data) -> Any:
    """What the user answered in ``data``: not the ``x-`` keys (the wizard's own resume
    marker among them), not the empty mappings the questions opened."""
    return answered({k: v for k, v in plain(data).items() if not str(k).startswith("x-")})


def term_choices(terms: Mapping[str, Term], *, undecided: bool = False) -> list[Choice[str | None]]:
    """A vocabulary's values as choices, named as the document names them.

    A term's description shows beside it; a label written in lowercase for running text
    (``bozza``) starts with a capital here, like every other choice. With ``undecided``,
    a last choice leaves the field open.
    """
    choices: list[Choice[str | None]] = [
        Choice(capitalized(term.label), value, term.description) for value, term in terms.items()
    ]
    if undecided:
        choices.append(Choice(msg.UNDECIDED, None))
    return choices


def show_value(value: Any) -> str:
    """A stored value as the text a user would type to get it back."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return msg.YES if value else msg.NO
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return msg.LIST_SEPARATOR.join(show_value(v) for v in value)
    return str(value)


def split_list(text: str, separators: str = ";") -> list[str]:
    """``"a; b ;c"`` -> ``["a", "b", "c"]``; by default only semicolons separate, because
    commas occur inside the items (sources, names)."""
    for separator in separators[1:]:
        text = text.replace(separator, separators[0])
    return [part.strip() for part in text.split(separators[0]) if part.strip()]


@dataclass
class InProgress:
    """An item of a list being asked: what a Ctrl-C keeps as a draft."""

    key: str | None
    """The plan's top-level list (``measures``), or None for a list inside an item."""
    items: MutableSequence[Any]
    item: Data
    new: bool
    """Not in the list yet (an item being added)."""
    walk: Walk | None = None
    """Where its form is."""
    prepare: Callable[[Data], None] | None = None
    """Completes what the form leaves to the end (a stakeholder's id from its name)."""


@dataclass
class Session:
    """One run of the wizard over one plan tree."""

    prompter: Prompter
    catalog: Catalog
    comuni: ComuniIndex
    data: Data
    on_save: Callable[[Data], None]
    mode: Mode = "completo"
    saves: int = field(default=0, init=False)
    progress: list[InProgress] = field(default_factory=list, init=False)
    """The items being asked, outermost first."""
    adding: str | None = field(default=None, init=False)
    """The top-level list whose add loop is on (an interruption resumes it)."""
    draft_place: Any = field(default=None, init=False)
    """Where an item kept as a draft stopped (``progress.DraftPlace``), read at the start."""
    walking: bool = field(default=False, init=False)
    """Walking the incomplete sections (not one section chosen with ``--section``)."""

    saved_answers: Any = field(default=None, init=False)
    """The answers as the file last received them (or as the run found them)."""

    def __post_init__(self) -> None:
        self.counter = CountingPrompter(self.prompter)
        self.prompter = self.counter
        self.saved_answers = _answers(self.data)

    @property
    def full(self) -> bool:
        """Whether every question is asked (``completo``) or only the essential ones."""
        return self.mode == "completo"

    def save(self) -> None:
        """Hand the tree to the caller after a completed group of answers."""
        self.saves += 1
        self.on_save(self.data)
        self.saved_answers = _answers(self.data)

    def unsaved_answers(self) -> bool:
        """Whether answers given since the last save (a section's period, its texts,
        a field of an item being edited) are only in the tree, not yet in the file."""
        return bool(_answers(self.data) != self.saved_answers)

    def plain(self) -> Any:
        return plain(self.data)

    def say(self, text: str) -> None:
        self.prompter.show(text)

    # --- what the plan already says --------------------------------------------------

    def section(self, key: str) -> Any:
        return self.data.get(key)

    def comune_record(self) -> ComuneRecord | None:
        comune = self.data.get("comune")
        if not isinstance(comune, MutableMapping):
            return None
        code = comune.get("istat_code")
        if code is not None:
            record = self.comuni.by_code(str(code).zfill(6))
            if record is not None:
                return record
        name = comune.get("name")
        found = self.comuni.by_name(str(name)) if name else []
        return found[0] if len(found) == 1 else None

    def period(self) -> tuple[str | None, str | None]:
        info = self.data.get("plan")
        period = info.get("period") if isinstance(info, MutableMapping) else None
        if not isinstance(period, MutableMapping):
            return None, None
        start, end = period.get("start"), period.get("end")
        return (str(start) if start else None, str(end) if end else None)

    def items(self, key: str) -> list[MutableMapping[str, Any]]:
        node = self.data.get(key)
        if not isinstance(node, list):
            return []
        return [item for item in node if isinstance(item, MutableMapping)]

    def stakeholder_choices(self) -> list[Choice[str]]:
        """The actors by name (the id, long and cut in a list, only where two share a name)."""
        actors = [s for s in self.items("stakeholders") if s.get("id")]
        names = [str(s.get("name") or s.get("id")) for s in actors]
        return [
            Choice(name if names.count(name) == 1 else f"{name} ({s.get('id')})", str(s.get("id")))
            for s, name in zip(actors, names, strict=True)
        ]

    def actor_names(self, refs: Any) -> str:
        """Actors' ids (one, or a list) as their names: what the user reads in a review,
        a question or a menu (an id no actor has is shown as it is)."""
        actors = self.items("stakeholders")
        names = {str(a.get("id")): str(a.get("name") or a.get("id")) for a in actors}
        values = refs if isinstance(refs, list | tuple) else [] if refs is None else [refs]
        return msg.LIST_SEPARATOR.join(names.get(str(v), show_value(v)) for v in values)

    def shown_actors(self, item: Data, key: str) -> Callable[[], str]:
        """A form's ``shown`` for a field that holds actors' ids."""
        return lambda: self.actor_names(plain(item.get(key)))

    # --- asking for one field ---------------------------------------------------------

    def store(self, target: Data, model: type[BaseModel], name: str, value: Any) -> None:
        """Write a checked value; an unchanged value keeps its node (style, quotes, comments)."""
        key = key_of(model, name)
        if key in target:
            current, error = check_field(model, name, plain(target[key]))
            if error is None and current == value:
                return
        put(target, key, value, keys_of(model))

    def ask_text(
        self,
        target: Data,
        model: type[BaseModel],
        name: str,
        message: str,
        *,
        required: bool = False,
        default: str | None = None,
        multiline: bool = False,
        instruction: str | None = None,
        skip: str | None = None,
        number: bool = False,
        as_list: bool = False,
        separators: str = ";",
        rewrite: Callable[[str], str] | None = None,
        read: Callable[[str], Any] | None = None,
        show: Callable[[Any], str] = show_value,
        extra: Extra | None = None,
    ) -> Any:
        """Ask for a text-like field, check it, store it; empty removes an optional one.

        The current value (or else ``default``, a suggestion) is what an empty answer
        gives. ``instruction`` is a hint (a format, an example); ``skip`` says what an empty
        answer does when there is nothing to keep (by default, for an optional field,
        "Invio per saltare"). ``rewrite`` turns the user's way of writing into the file's
        (``marzo 2025`` -> ``2025-03``) before the model checks it; ``number`` reads
        Italian digit grouping (``1.200``), ``as_list`` splits the answer on
        ``separators``, ``extra`` adds a check of the converted value (a cross-field rule).
        ``read`` turns the answer into the value for the model (``agosto-ottobre`` ->
        ``[8, 9, 10]``) and raises ValueError with an Italian message for what it cannot
        read; ``show`` writes the current value back the way ``read`` reads it.
        """
        key = key_of(model, name)
        current = target.get(key)
        shown = show(plain(current)) if current is not None else (default or "")
        if not shown and not required:
            # Enter starts a new line in a multi-line answer: there, "empty" is the word.
            skip = skip or (msg.SKIP_MULTILINE if multiline else msg.SKIP_HINT)
        hints = [hint for hint in (instruction, None if shown else skip) if hint]

        def convert(raw: str) -> tuple[Any, str | None]:
            text = raw.strip()
            if multiline and text != shown.strip():
                # Each line typed is a paragraph: in the file a single newline only wraps.
                text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
            if not text:
                if required:
                    return None, msg.REQUIRED
                return None, None
            candidate: Any = text
            if rewrite is not None:
                try:
                    candidate = rewrite(text)
                except ValueError as exc:
                    return None, str(exc)
            if number:
                # A count or a year is written in digits (3000, 3.000); a percentage is
                # a quantity, never a number of people or an amount («30%» is not 30
                # workers, nor 30 euros).
                whole = whole_number_field(model, name)
                written = str(candidate).strip()
                if percent_field(model, name):
                    written = written.removesuffix("%")
                candidate = italian_number(written)
                if whole and not _WHOLE.match(candidate):
                    return None, msg.WHOLE_NUMBER_EXPECTED.format(text=text)
                if not _NUMERIC.match(candidate):
                    return None, msg.NUMBER_EXPECTED.format(text=text)
            if as_list:
                candidate = split_list(candidate, separators)
            if read is not None:
                try:
                    candidate = read(candidate)
                except ValueError as exc:
                    return None, str(exc)
            value, error = check_field(model, name, candidate)
            if error is None and extra is not None:
                error = extra(value)
            return value, error

        answer = self.prompter.text(
            message,
            default=shown or None,
            validate=lambda raw: convert(raw)[1],
            multiline=multiline,
            instruction=msg.HINT_SEPARATOR.join(hints) or None,
            clearable=not required,
        )
        value, _ = convert(answer)
        if value is None or value == []:
            drop(target, key)
            return None
        self.store(target, model, name, value)
        return value

    def ask_select(
        self,
        target: Data,
        model: type[BaseModel],
        name: str,
        message: str,
        choices: Sequence[Choice[Any]],
        *,
        default: Any = None,
    ) -> Any:
        """Choose a value for a field; ``None`` as a choice's value leaves the field open."""
        key = key_of(model, name)
        current = target.get(key)
        values = [c.value for c in choices]
        known = current is not None and current in values
        chosen = self.prompter.select(message, choices, default=current if known else default)
        if chosen is None:
            drop(target, key)
            return None
        value, error = check_field(model, name, chosen)
        if error is not None:  # a catalogue value the model refuses: a bug, not user input
            raise ValueError(error)
        self.store(target, model, name, value)
        return value

    def ask_checkbox(
        self,
        target: Data,
        model: type[BaseModel],
        name: str,
        message: str,
        choices: Sequence[Choice[Any]],
        *,
        defaults: Sequence[Any] = (),
        keep_empty: bool = False,
    ) -> list[Any]:
        """Tick any number of values for a list field; nothing ticked removes the key."""
        key = key_of(model, name)
        current = target.get(key)
        values = [c.value for c in choices]
        ticked: Sequence[Any] = (
            [v for v in current if v in values] if isinstance(current, list) else defaults
        )
        chosen = self.prompter.checkbox(message, choices, defaults=ticked)
        if not chosen and not keep_empty:
            drop(target, key)
            return []
        value, error = check_field(model, name, list(chosen))
        if error is not None:
            raise ValueError(error)
        self.store(target, model, name, value)
        return list(value)

    def set(self, target: Data, model: type[BaseModel], name: str, value: Any) -> None:
        """Store a value the wizard derived (an id, a level from the catalogue...)."""
        checked, error = check_field(model, name, value)
        if error is not None:
            raise ValueError(error)
        self.store(target, model, name, checked)

    def set_default(self, target: Data, model: type[BaseModel], name: str, value: Any) -> None:
        """Store a derived value only where the field is still empty."""
        if target.get(key_of(model, name)) in (None, "", []):
            self.set(target, model, name, value)


def slugify(text: str, *, limit: int = 64) -> str:
    """``"Caritas diocesana di Saluzzo"`` -> ``"caritas-diocesana-di-saluzzo"`` (a v1 slug)."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = "".join(ch if ch.isalnum() else " " for ch in folded.lower()).split()
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug


def unique_id(base: str, taken: Sequence[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not taken yet."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def next_number_id(prefix: str, taken: Sequence[str]) -> str:
    """The next free ``N1``, ``N2``... (or ``M1``...)."""
    number = len(taken) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"
