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
SEARCH_FROM = 8
"""Selects with more choices than this can be filtered by typing."""

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
            # prompt_toolkit erases a multi-line answer whose question wraps on screen: the
            # question goes on its own line, the answer after a short marker.
            hint = f"{instruction} {msg.MULTILINE_HINT}" if instruction else msg.MULTILINE_HINT
            self._echo(message, hint, style="italic")
            question = questionary.text(
                "",
                default=default or "",
                validate=_check(validate),
                multiline=True,
                instruction="",
                qmark=msg.MULTILINE_MARK,
                style=_STYLE,
            )
            return str(_ask(question))
        question = questionary.text(
            message,
            default=default or "",
            validate=_check(validate),
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
        # Long lists (actor types, actions, sources) can be filtered by typing.
        searchable = len(options) > SEARCH_FROM
        question = questionary.select(
            message,
            choices=options,
            default=options[start] if start is not None else None,
            instruction=msg.SELECT_SEARCH_HINT if searchable else msg.SELECT_HINT,
            use_search_filter=searchable,
            use_jk_keys=not searchable,
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
        # questionary sums up the answer in English ("done (3 selections)"): the question
        # is erased when answered and the answer is written again, in Italian.
        question = questionary.checkbox(
            message,
            choices=options,
            instruction=msg.CHECKBOX_HINT,
            style=_STYLE,
            erase_when_done=True,
        )
        picked = sorted(int(i) for i in _ask(question))
        titles = [choices[i].title for i in picked]
        self._echo(message, msg.LIST_SEPARATOR.join(titles) if titles else msg.NONE_CHOSEN)
        return [choices[i].value for i in picked]

    def confirm(self, message: str, default: bool = True) -> bool:
        # questionary's confirm answers "Yes"/"No" and takes y/n: a select says Sì/No.
        choices = [Choice(msg.YES_CHOICE, True), Choice(msg.NO_CHOICE, False)]
        return self.select(message, choices, default=default)

    @staticmethod
    def _echo(message: str, answer: str, *, style: str = "") -> None:
        """A question and its answer (or hint) as one line, the way questionary shows them."""
        from rich.text import Text

        from incas_cli.console import get_console

        line = Text("? ", style="bold")
        line.append(message, style="bold")
        line.append(f" {answer}", style=style)
        get_console().print(line, soft_wrap=True)

    def show(self, renderable: object) -> None:
        from incas_cli.console import get_console

        if isinstance(renderable, str):
            from incas_cli.console import print_plain

            print_plain(renderable)
        else:
            get_console().print(renderable)
