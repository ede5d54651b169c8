"""The real terminal: the :class:`~incas_cli.wizard.prompter.Prompter` over questionary.

The only module that imports questionary (and, for text questions, its prompt_toolkit).
Every question is asked with ``unsafe_ask()``, so Ctrl-C reaches the caller as
``KeyboardInterrupt`` instead of being swallowed into a ``None`` answer, and Ctrl-D as
``EOFError``. A validator's Italian message is shown under the input and the question
stays open until the answer is acceptable.

Text questions are built here on prompt_toolkit's ``PromptSession`` (wrapped in a
questionary ``Question``) rather than with ``questionary.text``: that one pre-fills the
default into the edit buffer, so a new user types after it instead of replacing it, and
its hint comes after a double space. Here nothing is pre-filled: the default is named in
the hint, an empty answer takes it, and → on an empty answer brings it in for editing.
Every instruction questionary would show in English is given in Italian, and a choice's
description is shown under the list without questionary's "Description:" label.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import questionary
from prompt_toolkit import PromptSession
from prompt_toolkit.application.current import get_app
from prompt_toolkit.completion import CompleteEvent, Completer, Completion, WordCompleter
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition, is_done
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import ConditionalContainer, HSplit, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.lexers import SimpleLexer
from prompt_toolkit.validation import ValidationError
from prompt_toolkit.validation import Validator as PromptValidator
from questionary.prompts.common import InquirerControl
from questionary.styles import merge_styles_default

from incas_cli.messages import wizard as msg
from incas_cli.wizard.prompter import (
    Choice,
    Completions,
    Validator,
    instruction_text,
    resolve_answer,
)

T = TypeVar("T")
SEARCH_FROM = 8
"""Selects with more choices than this can be filtered by typing."""

_STYLE = questionary.Style(
    [
        ("qmark", "bold"),
        ("question", "bold"),
        ("answer", "bold"),
        ("instruction", "italic"),
        ("description", "italic"),
    ]
)


class _Check(PromptValidator):
    """The wizard's validator on what the answer stands for (an empty one: the default)."""

    def __init__(self, validate: Validator, default: str | None) -> None:
        self._validate = validate
        self._default = default

    def validate(self, document: Document) -> None:
        error = self._validate(resolve_answer(document.text, self._default))
        if error is not None:
            raise ValidationError(message=error, cursor_position=len(document.text))


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


def _text_question(
    message: str,
    *,
    hint: str | None,
    default: str | None,
    validate: Validator | None,
    multiline: bool = False,
    completer: Completer | None = None,
    qmark: str = "?",
) -> questionary.Question:
    """A free-text question with an empty buffer; ``default`` is what Enter alone gives."""
    session: PromptSession[str]

    def typed() -> str:
        return session.default_buffer.text

    def tokens() -> StyleAndTextTuples:
        done = get_app().is_done
        line: StyleAndTextTuples = [("class:qmark", qmark)]
        if message:
            line.append(("class:question", f" {message}"))
        if hint and not done:
            line.append(("class:instruction", f" {hint}"))
        line.append(("", " "))
        if done and not multiline and not typed().strip() and default:
            # An empty answer took the default: show it where the answer goes.
            line.append(("class:answer", " ".join(default.split())))
        return line

    bindings = KeyBindings()
    if default:

        @bindings.add("right", filter=Condition(lambda: not typed()))
        def _edit_default(event: KeyPressEvent) -> None:
            event.current_buffer.insert_text(default)

    session = PromptSession(
        tokens,
        style=merge_styles_default([_STYLE]),
        lexer=SimpleLexer("class:answer"),
        validator=_Check(validate, default) if validate is not None else None,
        validate_while_typing=False,
        multiline=multiline,
        completer=completer,
        complete_while_typing=completer is not None,
        key_bindings=bindings,
    )
    return questionary.Question(session.app)


def _describe(question: questionary.Question, descriptions: Sequence[str | None]) -> None:
    """Show the pointed-at choice's description under the list, without a label.

    questionary prints it after an English "Description:"; its layout is a plain HSplit
    holding the InquirerControl, so a window of our own is added under the choices. If a
    future questionary lays things out differently, the description is simply not shown.
    """
    if not any(descriptions):
        return
    layout = question.application.layout
    control = next(
        (w.content for w in layout.find_all_windows() if isinstance(w.content, InquirerControl)),
        None,
    )
    if control is None or not isinstance(layout.container, HSplit):
        return
    inquirer: InquirerControl = control

    def current() -> str | None:
        try:
            pointed = inquirer.get_pointed_at()
        except IndexError:  # a search filter that matches nothing
            return None
        return descriptions[pointed.value] if isinstance(pointed.value, int) else None

    def text() -> StyleAndTextTuples:
        description = current()
        return [("class:description", description)] if description else []

    layout.container.children.insert(
        2,
        ConditionalContainer(
            Window(
                FormattedTextControl(text),
                wrap_lines=True,
                dont_extend_height=True,
                get_line_prefix=lambda line, wrapped: "  ",  # indented, wrapped lines too
            ),
            filter=~is_done & Condition(lambda: current() is not None),
        ),
    )


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
        clearable: bool = False,
    ) -> str:
        hint = instruction_text(instruction, default, clearable=clearable, multiline=multiline)
        if multiline:
            # prompt_toolkit erases a multi-line answer whose question wraps on screen: the
            # question goes on its own line (with the text Enter keeps under it), the
            # answer after a short marker.
            self._echo(message, hint or "", style="italic")
            if default:
                self._quote(default)
            question = _text_question(
                "",
                hint=None,
                default=default,
                validate=validate,
                multiline=True,
                qmark=msg.MULTILINE_MARK,
            )
        else:
            question = _text_question(message, hint=hint, default=default, validate=validate)
        return resolve_answer(str(_ask(question)), default)

    def autocomplete(
        self,
        message: str,
        choices: Completions,
        *,
        default: str | None = None,
        validate: Validator | None = None,
        instruction: str | None = None,
    ) -> str:
        completer = (
            _SearchCompleter(choices)
            if callable(choices)
            else WordCompleter(list(choices), ignore_case=True, match_middle=True)
        )
        question = _text_question(
            message,
            hint=instruction_text(instruction, default),
            default=default,
            validate=validate,
            completer=completer,
        )
        return resolve_answer(str(_ask(question)), default)

    def select(self, message: str, choices: Sequence[Choice[T]], default: T | None = None) -> T:
        # questionary replaces a None value by the title: pass indices, map them back.
        options = [questionary.Choice(c.title, value=i) for i, c in enumerate(choices)]
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
            show_description=False,
            style=_STYLE,
        )
        _describe(question, [c.description for c in choices])
        return choices[int(_ask(question))].value

    def checkbox(
        self, message: str, choices: Sequence[Choice[T]], defaults: Sequence[T] = ()
    ) -> list[T]:
        options = [
            questionary.Choice(c.title, value=i, checked=c.value in defaults)
            for i, c in enumerate(choices)
        ]
        # questionary sums up the answer in English ("done (3 selections)"): the question
        # is erased when answered and the answer is written again, in Italian.
        question = questionary.checkbox(
            message,
            choices=options,
            instruction=msg.CHECKBOX_HINT,
            show_description=False,
            style=_STYLE,
            erase_when_done=True,
        )
        _describe(question, [c.description for c in choices])
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

    @staticmethod
    def _quote(text: str) -> None:
        """A multi-line default, under its question: what Enter alone keeps."""
        from rich.padding import Padding
        from rich.text import Text

        from incas_cli.console import get_console

        get_console().print(Padding(Text(text, style="italic"), (0, 0, 0, 2)))

    def show(self, renderable: object) -> None:
        from incas_cli.console import get_console

        if isinstance(renderable, str):
            from incas_cli.console import print_plain

            print_plain(renderable)
        else:
            get_console().print(renderable)
