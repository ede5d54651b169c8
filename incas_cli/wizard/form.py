"""Questions as data: a form is a list of fields, asked in order, with a way back.

A :class:`Field` asks for one thing (usually one question; a nested list, such as the
budget lines of a measure, is one field too) and knows how to show its current value.
:func:`run_fields` asks the fields of a form in order; when the user presses the
"domanda precedente" key (the prompter raises :class:`~incas_cli.wizard.prompter.GoBack`)
it asks again the last field that asked something, and from the first field it hands
the request to its caller (the question before the form: the list's opener, the
previous section). The same fields give the short review shown after an item and the
"which field?" list that lets the planner correct one field without walking the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from incas_cli.wizard.prompter import Choice, Completions, GoBack, Prompter, Shown, Validator

T = TypeVar("T")


@dataclass(frozen=True)
class Field:
    """One field of a form."""

    label: str | None
    """How the review and the "which field?" list name it; None: an internal step (a
    suggestion, a clean-up) that is never offered on its own."""
    ask: Callable[[], object]
    """Ask for it (may ask nothing, e.g. a question of the complete path only)."""
    shown: Callable[[], str] | None = None
    """The current value as the review shows it (empty: not answered)."""


@dataclass
class Walk:
    """Where a form is: the field being asked and the fields that asked something."""

    fields: Sequence[Field]
    current: int = 0
    asked: list[int] = field(default_factory=list)

    @property
    def last_asked(self) -> int | None:
        return self.asked[-1] if self.asked else None


class CountingPrompter:
    """A prompter that counts the questions it asks (what "asked something" means)."""

    def __init__(self, inner: Prompter) -> None:
        self.inner = inner
        self.count = 0

    def text(
        self,
        message: str,
        *,
        default: str | None = None,
        validate: Validator | None = None,
        multiline: bool = False,
        instruction: str | None = None,
        clearable: bool = False,
    ) -> str:
        self.count += 1
        return self.inner.text(
            message,
            default=default,
            validate=validate,
            multiline=multiline,
            instruction=instruction,
            clearable=clearable,
        )

    def select(self, message: str, choices: Sequence[Choice[T]], default: T | None = None) -> T:
        self.count += 1
        return self.inner.select(message, choices, default=default)

    def checkbox(
        self, message: str, choices: Sequence[Choice[T]], defaults: Sequence[T] = ()
    ) -> list[T]:
        self.count += 1
        return self.inner.checkbox(message, choices, defaults=defaults)

    def confirm(self, message: str, default: bool = True) -> bool:
        self.count += 1
        return self.inner.confirm(message, default=default)

    def autocomplete(
        self,
        message: str,
        choices: Completions,
        *,
        default: str | None = None,
        validate: Validator | None = None,
        instruction: str | None = None,
    ) -> str:
        self.count += 1
        return self.inner.autocomplete(
            message, choices, default=default, validate=validate, instruction=instruction
        )

    def show(self, item: Shown) -> None:
        self.inner.show(item)


def run_fields(
    counter: CountingPrompter,
    fields: Sequence[Field],
    *,
    start: int = 0,
    asked: Sequence[int] = (),
    on_field: Callable[[Walk], None] | None = None,
) -> Walk:
    """Ask ``fields`` from ``start``; the walk records which of them asked something.

    ``asked`` are the fields already asked before ``start`` (when a form is resumed),
    where the way back leads. ``on_field`` is told of every field before it is asked
    (the wizard keeps the place of an item in progress with it). A way back from the
    first field asked propagates as :class:`GoBack`.
    """
    walk = Walk(fields, start, list(asked))
    while walk.current < len(fields):
        if on_field is not None:
            on_field(walk)
        before = counter.count
        try:
            fields[walk.current].ask()
        except GoBack:
            if counter.count - before > 1:
                continue  # back from the second question of a field: the field again
            if not walk.asked:
                raise
            walk.current = walk.asked.pop()
            continue
        if counter.count > before:
            walk.asked.append(walk.current)
        walk.current += 1
    return walk


def answered(fields: Sequence[Field]) -> list[tuple[str, str]]:
    """``(label, value)`` of every field with a label and a value, in the form's order."""
    out: list[tuple[str, str]] = []
    for item in fields:
        if item.label is None or item.shown is None:
            continue
        value = item.shown()
        if value:
            out.append((item.label, value))
    return out
