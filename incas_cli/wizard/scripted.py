"""A prompter that answers from a script: the wizard's flow tested without a terminal.

A script is a sequence of steps. A step is either a bare answer or a pair
``(fragment, answer)``: the fragment must occur in the question's text (case is
ignored), so a script that drifts out of step with the flow fails at once, naming the
question it did not expect. Special answers:

- ``"<invio>"`` (:data:`ENTER`): press Enter on an empty answer. As in the terminal, an
  empty text answer (``""`` too) stands for the default and ``"-"`` for an empty answer
  (see :func:`~incas_cli.wizard.prompter.resolve_answer`);
- ``"<ctrl-c>"`` (:data:`CTRL_C`): raise ``KeyboardInterrupt`` at this question;
- ``"<ctrl-d>"`` (:data:`CTRL_D`): raise ``EOFError`` at this question;
- ``"<indietro>"`` (:data:`BACK`): the "domanda precedente" key (raises
  :class:`~incas_cli.wizard.prompter.GoBack`); a typed ``"<"`` does the same in text
  questions, as in the terminal.

``validate`` callbacks run exactly as in the terminal: a rejected answer is recorded
in :attr:`ScriptedPrompter.rejections` and the next step answers the same question again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from incas_cli.wizard.prompter import (
    Choice,
    Completions,
    GoBack,
    Shown,
    Validator,
    instruction_text,
    resolve_answer,
)

T = TypeVar("T")

ENTER = "<invio>"
CTRL_C = "<ctrl-c>"
CTRL_D = "<ctrl-d>"
BACK = "<indietro>"


class ScriptError(AssertionError):
    """The flow and the script disagree (a test failure, not a user error)."""


@dataclass(frozen=True)
class Asked:
    """One question as the flow asked it, and the answer the script gave."""

    kind: str
    message: str
    answer: Any
    instruction: str | None = None
    """For text questions: the hint the terminal shows after the question."""


@dataclass(frozen=True)
class Rejection:
    """An answer refused by the question's validator (as typed), with the message shown."""

    message: str
    answer: str
    error: str


@dataclass(frozen=True)
class Step:
    """A scripted answer, optionally tied to the question it is meant for."""

    answer: Any
    expect: str | None = None


def _step(item: Any) -> Step:
    if isinstance(item, Step):
        return item
    if isinstance(item, tuple | list) and len(item) == 2 and isinstance(item[0], str):
        return Step(answer=item[1], expect=item[0])
    return Step(answer=item)


class ScriptedPrompter:
    """Answers questions from a script and records everything that was asked."""

    def __init__(self, steps: Iterable[Any]) -> None:
        self._steps = [_step(s) for s in steps]
        self._next = 0
        self.asked: list[Asked] = []
        self.rejections: list[Rejection] = []
        self.shown: list[Shown] = []
        self.shown_at: list[int] = []
        """For each entry of :attr:`shown`, how many questions had been asked before it."""

    # --- bookkeeping ------------------------------------------------------------------

    @property
    def remaining(self) -> int:
        """Steps not used yet."""
        return len(self._steps) - self._next

    def close(self) -> None:
        """Fail if the script has answers the flow never asked for."""
        if self.remaining:
            left = self._steps[self._next]
            raise ScriptError(
                f"{self.remaining} scripted answer(s) left over; the next one is "
                f"{left.answer!r} (for {left.expect!r}); last question asked: "
                f"{self.asked[-1].message if self.asked else 'none'!r}"
            )

    def _take(self, kind: str, message: str, instruction: str | None = None) -> Any:
        if self._next >= len(self._steps):
            raise ScriptError(f"no scripted answer left for {kind} question {message!r}")
        step = self._steps[self._next]
        self._next += 1
        if step.expect is not None and step.expect.casefold() not in message.casefold():
            raise ScriptError(
                f"step {self._next} expected a question containing {step.expect!r}, "
                f"but the flow asked ({kind}) {message!r}"
            )
        self.asked.append(Asked(kind, message, step.answer, instruction))
        if step.answer == CTRL_C:
            raise KeyboardInterrupt
        if step.answer == CTRL_D:
            raise EOFError
        if step.answer == BACK:
            raise GoBack
        return step.answer

    def _validated(
        self,
        kind: str,
        message: str,
        default: str | None,
        validate: Validator | None,
        instruction: str | None,
    ) -> str:
        answer = self._take(kind, message, instruction)
        while True:
            if answer == ENTER:
                answer = ""
            typed = answer if isinstance(answer, str) else str(answer)
            resolved = resolve_answer(typed, default)
            error = validate(resolved) if validate is not None else None
            if error is None:
                return resolved
            self.rejections.append(Rejection(message, typed, error))
            # The same question again: the next step must answer it.
            answer = self._take(kind, message, instruction)

    # --- the Prompter protocol --------------------------------------------------------

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
        shown = instruction_text(instruction, default, clearable=clearable, multiline=multiline)
        return self._validated("text", message, default, validate, shown)

    def autocomplete(
        self,
        message: str,
        choices: Completions,
        *,
        default: str | None = None,
        validate: Validator | None = None,
        instruction: str | None = None,
    ) -> str:
        shown = instruction_text(instruction, default)
        return self._validated("autocomplete", message, default, validate, shown)

    def select(self, message: str, choices: Sequence[Choice[T]], default: T | None = None) -> T:
        answer = self._take("select", message)
        if answer == ENTER:
            if default is None:
                return choices[0].value
            answer = default
        return _pick(message, choices, answer)

    def checkbox(
        self, message: str, choices: Sequence[Choice[T]], defaults: Sequence[T] = ()
    ) -> list[T]:
        answer = self._take("checkbox", message)
        if answer == ENTER:
            answer = list(defaults)
        if not isinstance(answer, list | tuple):
            raise ScriptError(f"checkbox {message!r} needs a list of values, got {answer!r}")
        picked = [_pick(message, choices, a) for a in answer]
        # A checkbox returns values in the choices' order, whatever the order of ticking.
        return [c.value for c in choices if c.value in picked]

    def confirm(self, message: str, default: bool = True) -> bool:
        answer = self._take("confirm", message)
        if answer == ENTER:
            return default
        if not isinstance(answer, bool):
            raise ScriptError(f"confirm {message!r} needs true or false, got {answer!r}")
        return answer

    def show(self, item: Shown) -> None:
        self.shown.append(item)
        self.shown_at.append(len(self.asked))


def _pick(message: str, choices: Sequence[Choice[T]], answer: Any) -> T:
    """The choice whose value (or, failing that, title) is the scripted answer."""
    for choice in choices:
        if choice.value == answer and type(choice.value) is type(answer):
            return choice.value
    for choice in choices:
        if isinstance(answer, str) and choice.title == answer:
            return choice.value
    offered = ", ".join(repr(c.value) for c in choices)
    raise ScriptError(f"{answer!r} is not a choice of {message!r}; choices: {offered}")
