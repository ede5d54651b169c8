"""The questions the wizard can ask, independent of any terminal library.

The wizard talks only to a :class:`Prompter`. The real one wraps questionary
(:mod:`incas_cli.wizard.questionary_prompter`); tests use
:class:`~incas_cli.wizard.scripted.ScriptedPrompter`, which answers from a script.

Contract shared by every implementation:

- ``validate`` callbacks receive the raw answer and return ``None`` when it is good or
  an Italian message saying what is wrong; the prompter then asks again.
- Ctrl-C inside a prompt raises ``KeyboardInterrupt`` and Ctrl-D (end of input) raises
  ``EOFError``: a prompter never swallows them and never returns ``None`` instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

Validator = Callable[[str], str | None]
"""Raw answer -> ``None`` if acceptable, else the Italian message to show."""

Completions = Sequence[str] | Callable[[str], Sequence[str]]
"""Autocomplete candidates: a fixed list, or a function of the text typed so far."""


@dataclass(frozen=True)
class Choice(Generic[T_co]):
    """One option of a ``select`` or ``checkbox``: what the user reads, what the code gets."""

    title: str
    value: T_co
    description: str | None = None


class Prompter(Protocol):
    """Where the wizard's questions go and its answers come from."""

    def text(
        self,
        message: str,
        *,
        default: str | None = None,
        validate: Validator | None = None,
        multiline: bool = False,
        instruction: str | None = None,
    ) -> str:
        """A line (or, with ``multiline``, several paragraphs) of free text."""
        ...

    def select(self, message: str, choices: Sequence[Choice[T]], default: T | None = None) -> T:
        """One value out of ``choices`` (``default`` is pre-selected if given)."""
        ...

    def checkbox(
        self, message: str, choices: Sequence[Choice[T]], defaults: Sequence[T] = ()
    ) -> list[T]:
        """Any number of values out of ``choices``, in the choices' order."""
        ...

    def confirm(self, message: str, default: bool = True) -> bool:
        """Yes or no."""
        ...

    def autocomplete(
        self,
        message: str,
        choices: Completions,
        *,
        default: str | None = None,
        validate: Validator | None = None,
    ) -> str:
        """Free text with suggestions as the user types."""
        ...

    def show(self, renderable: object) -> None:
        """Information for the user (a line of text or a rich renderable): not a question."""
        ...
