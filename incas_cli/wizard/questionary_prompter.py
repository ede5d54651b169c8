"""The real terminal: the :class:`~incas_cli.wizard.prompter.Prompter` over questionary.

With :mod:`~incas_cli.wizard.list_question` (selects and checkboxes) and
:mod:`~incas_cli.wizard.screen_text` (style and wrapping), the only modules that import
questionary and its prompt_toolkit. Every question is asked with ``unsafe_ask()``, so
Ctrl-C reaches the caller as ``KeyboardInterrupt`` instead of being swallowed into a
``None`` answer, and Ctrl-D as ``EOFError``. A validator's Italian message is shown
right under the answer (not on the screen's last line) and the question stays open until
the answer is acceptable.

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
from prompt_toolkit.filters import Condition, to_filter
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl
from prompt_toolkit.layout.dimension import Dimension
from prompt_toolkit.lexers import SimpleLexer
from prompt_toolkit.validation import ValidationError
from prompt_toolkit.validation import Validator as PromptValidator
from questionary.styles import merge_styles_default

from incas_cli.messages import wizard as msg
from incas_cli.wizard.list_question import list_question
from incas_cli.wizard.prompter import (
    Choice,
    Completions,
    GoBack,
    Shown,
    Validator,
    instruction_text,
    is_back,
    resolve_answer,
)
from incas_cli.wizard.screen_text import STYLE, wrap_tokens, wrapped

T = TypeVar("T")
SEARCH_FROM = 8
"""Selects with more choices than this can be filtered by typing."""


class _Check(PromptValidator):
    """The wizard's validator on what the answer stands for (an empty one: the default)."""

    def __init__(self, validate: Validator, default: str | None) -> None:
        self._validate = validate
        self._default = default

    def validate(self, document: Document) -> None:
        if is_back(document.text):  # the "domanda precedente" key, not an answer
            return
        error = self._validate(resolve_answer(document.text, self._default))
        if error is not None:
            raise ValidationError(
                message=wrapped(error, indent=0), cursor_position=len(document.text)
            )


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
        line: list[tuple[str, str]] = [("class:qmark", qmark)]
        if message:
            line.append(("class:question", f" {message}"))
        if hint and not done:
            line.append(("class:instruction", f" {hint}"))
        line.append(("", " "))
        if done and not multiline and not typed().strip() and default:
            # An empty answer took the default: show it where the answer goes.
            line.append(("class:answer", " ".join(default.split())))
        return list(line if done else wrap_tokens(line))

    bindings = KeyBindings()

    @bindings.add(Keys.PageUp, eager=True)
    def _back(event: KeyPressEvent) -> None:
        event.app.exit(exception=GoBack, style="class:aborting")

    if not multiline:
        # Esc then Enter confirms a multi-line answer: on one line it is just Enter.
        @bindings.add(Keys.Escape, Keys.ControlM, eager=True)
        def _escape_enter(event: KeyPressEvent) -> None:
            event.current_buffer.validate_and_handle()

    if default:

        @bindings.add("right", filter=Condition(lambda: not typed()))
        def _edit_default(event: KeyPressEvent) -> None:
            event.current_buffer.insert_text(default)

    session = PromptSession(
        tokens,
        style=merge_styles_default([STYLE]),
        lexer=SimpleLexer("class:answer"),
        validator=_Check(validate, default) if validate is not None else None,
        validate_while_typing=False,
        multiline=multiline,
        completer=completer,
        complete_while_typing=completer is not None,
        key_bindings=bindings,
    )
    _errors_under_answer(session)
    return questionary.Question(session.app)


def _errors_under_answer(session: PromptSession[str]) -> None:
    """A validator's message right under the answer, taking the lines it needs.

    prompt_toolkit lets the answer's window grow to the bottom of the screen (and keeps
    the space a completion menu needs even with no menu shown), so its one-line error
    toolbar ended up on the terminal's last line, far from what was typed. Here the
    answer takes its own lines, plus the menu's room only while a menu is shown.
    """
    buffer = session.default_buffer
    reserve = session.reserve_space_for_menu

    def answer_height() -> Dimension:
        showing = buffer.complete_state is not None and buffer.validation_error is None
        if showing and not get_app().is_done:
            return Dimension(min=reserve)
        return Dimension()

    for window in session.layout.find_all_windows():
        control = window.content
        if isinstance(control, BufferControl) and control.buffer is buffer:
            window.height = answer_height
            window.dont_extend_height = to_filter(True)
        text = getattr(control, "text", None)
        if isinstance(control, FormattedTextControl) and "ValidationToolbar" in getattr(
            text, "__qualname__", ""
        ):
            window.height = None
            window.wrap_lines = to_filter(True)
            window.dont_extend_height = to_filter(True)


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
        start = next((i for i, c in enumerate(choices) if c.value == default), None)
        # Every list can be filtered by typing; long ones (actor types, actions) say so.
        hint = msg.SELECT_SEARCH_HINT if len(choices) > SEARCH_FROM else msg.SELECT_HINT
        while True:
            question = questionary.Question(
                list_question(message, choices, hint=hint, multi=False, default=start)
            )
            index = _ask(question)
            if isinstance(index, int) and 0 <= index < len(choices):
                return choices[index].value

    def checkbox(
        self, message: str, choices: Sequence[Choice[T]], defaults: Sequence[T] = ()
    ) -> list[T]:
        ticked = [i for i, c in enumerate(choices) if c.value in defaults]
        # The question is erased when answered and the answer written again as a line.
        question = questionary.Question(
            list_question(message, choices, hint=msg.CHECKBOX_HINT, multi=True, ticked=ticked)
        )
        answer = _ask(question)
        while not isinstance(answer, list):  # defensive: only a list of indices answers
            answer = _ask(
                questionary.Question(
                    list_question(
                        message, choices, hint=msg.CHECKBOX_HINT, multi=True, ticked=ticked
                    )
                )
            )
        picked = sorted(int(i) for i in answer)
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
        get_console().print(line)  # wrapped between words at the terminal's width

    @staticmethod
    def _quote(text: str) -> None:
        """A multi-line default, under its question: what Enter alone keeps."""
        from rich.padding import Padding
        from rich.text import Text

        from incas_cli.console import get_console

        get_console().print(Padding(Text(text, style="italic"), (0, 0, 0, 2)))

    def show(self, item: Shown) -> None:
        from incas_cli.console import print_blocks, print_plain

        if isinstance(item, str):
            print_plain(item)
        else:
            print_blocks([item])
