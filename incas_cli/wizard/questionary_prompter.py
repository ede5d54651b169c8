"""The real terminal: the :class:`~incas_cli.wizard.prompter.Prompter` over questionary.

The only module that imports questionary (and, for the live autocomplete, its
prompt_toolkit). Every question is asked with ``unsafe_ask()``, so Ctrl-C reaches the
caller as ``KeyboardInterrupt`` instead of being swallowed into a ``None`` answer, and
Ctrl-D as ``EOFError``. A validator's Italian message is shown under the input and the
question stays open until the answer is acceptable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import questionary
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from incas_cli.messages import wizard as msg
from incas_cli.wizard.prompter import Choice, Completions, Validator

T = TypeVar("T")

_STYLE = questionary.Style(
    [
        ("qmark", "bold"),
        ("question", "bold"),
        ("answer", "bold"),
        ("instruction", "italic"),
    ]
)


def _check(validate: Validator | None) -> Callable[[str], bool | str] | None:
    if validate is None:
        return None

    def check(answer: str) -> bool | str:
        error = validate(answer)
        return True if error is None else error

    return check


class _SearchCompleter(Completer):
    """Suggestions from a function of the text typed so far (e.g. the ISTAT list)."""

    def __init__(self, search: Callable[[str], Sequence[str]]) -> None:
        self._search = search

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterable[Completion]:
        typed = document.text_before_cursor
        if not typed.strip():
            return
        for candidate in self._search(typed):
            yield Completion(candidate, start_position=-len(typed))


def _ask(question: Any) -> Any:
    """``unsafe_ask``: Ctrl-C and Ctrl-D propagate as exceptions, never as ``None``."""
    answer = question.unsafe_ask()
    if answer is None:  # defensive: questionary returns None only when it swallowed Ctrl-C
        raise KeyboardInterrupt
    return answer


class QuestionaryPrompter:
    """Asks in the terminal; shows information through the project's rich console."""

    def text(
        self,
        message: str,
        *,
        default: str | None = None,
        validate: Validator | None = None,
        multiline: bool = False,
        instruction: str | None = None,
    ) -> str:
        if multiline:
            instruction = (
                f"{instruction} {msg.MULTILINE_HINT}" if instruction else msg.MULTILINE_HINT
            )
        question = questionary.text(
            message,
            default=default or "",
            validate=_check(validate),
            multiline=multiline,
            instruction=instruction,
            style=_STYLE,
        )
        return str(_ask(question))

    def autocomplete(
        self,
        message: str,
        choices: Completions,
        *,
        default: str | None = None,
        validate: Validator | None = None,
    ) -> str:
        if callable(choices):
            question = questionary.autocomplete(
                message,
                choices=[],
                default=default or "",
                completer=_SearchCompleter(choices),
                validate=_check(validate),
                style=_STYLE,
            )
        else:
            question = questionary.autocomplete(
                message,
                choices=list(choices),
                default=default or "",
                validate=_check(validate),
                style=_STYLE,
            )
        return str(_ask(question))

    def select(self, message: str, choices: Sequence[Choice[T]], default: T | None = None) -> T:
        # questionary replaces a None value by the title: pass indices, map them back.
        options = [
            questionary.Choice(c.title, value=i, description=c.description)
            for i, c in enumerate(choices)
        ]
        start = next((i for i, c in enumerate(choices) if c.value == default), None)
        question = questionary.select(
            message,
            choices=options,
            default=options[start] if start is not None else None,
            instruction=msg.SELECT_HINT,
            style=_STYLE,
        )
        return choices[int(_ask(question))].value

    def checkbox(
        self, message: str, choices: Sequence[Choice[T]], defaults: Sequence[T] = ()
    ) -> list[T]:
        options = [
            questionary.Choice(
                c.title, value=i, checked=c.value in defaults, description=c.description
            )
            for i, c in enumerate(choices)
        ]
        question = questionary.checkbox(
            message, choices=options, instruction=msg.CHECKBOX_HINT, style=_STYLE
        )
        picked = sorted(int(i) for i in _ask(question))
        return [choices[i].value for i in picked]

    def confirm(self, message: str, default: bool = True) -> bool:
        question = questionary.confirm(message, default=default, style=_STYLE)
        return bool(_ask(question))

    def show(self, renderable: object) -> None:
        from incas_cli.console import get_console

        console = get_console()
        if isinstance(renderable, str):
            from rich.markup import escape

            console.print(escape(renderable), soft_wrap=True)
        else:
            console.print(renderable)
