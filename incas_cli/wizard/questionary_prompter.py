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

import string
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import questionary
from prompt_toolkit import PromptSession
from prompt_toolkit.application import Application
from prompt_toolkit.application.current import get_app
from prompt_toolkit.completion import CompleteEvent, Completer, Completion, WordCompleter
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition, is_done, to_filter
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, HSplit, Window, WindowRenderInfo
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl, UIContent
from prompt_toolkit.layout.dimension import Dimension
from prompt_toolkit.layout.margins import Margin
from prompt_toolkit.lexers import SimpleLexer
from prompt_toolkit.styles import Style
from prompt_toolkit.validation import ValidationError
from prompt_toolkit.validation import Validator as PromptValidator
from questionary.prompts.common import InquirerControl, create_inquirer_layout
from questionary.styles import merge_styles_default

from incas_cli.messages import wizard as msg
from incas_cli.wizard.prompter import (
    Choice,
    Completions,
    GoBack,
    Shown,
    Validator,
    instruction_text,
    is_back,
    resolve_answer,
    search_choices,
)

T = TypeVar("T")
SEARCH_FROM = 8
"""Selects with more choices than this can be filtered by typing."""
LIST_ROWS_KEPT = 14
"""Screen rows a list leaves to the rest (what was shown above, question, description)."""
LIST_ROWS_MIN = 6

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
        if is_back(document.text):  # the "domanda precedente" key, not an answer
            return
        error = self._validate(resolve_answer(document.text, self._default))
        if error is not None:
            raise ValidationError(
                message=_wrapped(error, indent=0), cursor_position=len(document.text)
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
        return list(line if done else _wrap_tokens(line))

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
        style=merge_styles_default([_STYLE]),
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


class _ListControl(InquirerControl):
    """questionary's list of choices, filtered the wizard's way as the user types.

    :func:`~incas_cli.wizard.prompter.search_choices` decides what a typed text shows: a
    way out of the list ("Nessun altro attore: avanti") never matches, and text that
    matches nothing shows a line saying so instead of the whole list again (where Enter
    would have picked whatever was first).
    """

    def __init__(self, wizard_choices: Sequence[Choice[Any]], **kwargs: Any) -> None:
        self.wizard_choices = wizard_choices
        self.notice: str | None = None
        """A line under the list (a checkbox's confirmation after typed text)."""
        super().__init__(**kwargs)

    @property
    def filtered_choices(self) -> list[Any]:
        shown = [self.choices[i] for i in search_choices(self.wizard_choices, self.typed)]
        self.found_in_search = bool(shown)
        return shown

    @property
    def typed(self) -> str:
        return self.search_filter or ""

    def select_previous(self) -> None:
        if self.choice_count:
            super().select_previous()

    def select_next(self) -> None:
        if self.choice_count:
            super().select_next()

    def pointed_index(self) -> int | None:
        """The wizard choice under the pointer (None when the text matches nothing)."""
        shown = self.filtered_choices
        if not shown:
            return None
        return int(shown[min(self.pointed_at, len(shown) - 1)].value)

    def _get_choice_tokens(self) -> Any:
        if not self.filtered_choices:
            return [("class:text", "   " + msg.NO_MATCH.format(text=self.typed))]
        # A long choice (an actor's full name) goes on under its own text, never cut.
        tokens = super()._get_choice_tokens()  # type: ignore[no-untyped-call]
        indent = 3 + (2 if self.use_indicator else 0)
        return _wrap_lines(tokens, _columns() - 2, indent)


def _wrapped(text: str, indent: int = 2) -> str:
    """``text`` broken between words to fit the terminal, ``indent`` columns in."""
    import textwrap

    width = max(20, _columns() - indent - 1)
    return "\n".join(
        textwrap.fill(paragraph, width=width, break_long_words=False)
        for paragraph in text.splitlines()
    )


def _columns() -> int:
    try:
        return int(get_app().output.get_size().columns)
    except Exception:  # no running application: a sensible width
        return 80


def _wrap_tokens(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A question line broken between words (not inside them) at the terminal's width."""
    import re

    width = _columns() - 1
    out: list[tuple[str, str]] = []
    column = 0
    for style, text in tokens:
        for piece in re.findall(r"\S+|\s+", text):
            if piece.isspace():
                if column + len(piece) >= width:
                    out.append((style, "\n"))
                    column = 0
                else:
                    out.append((style, piece))
                    column += len(piece)
                continue
            if column and column + len(piece) > width:
                out.append((style, "\n"))
                column = 0
            out.append((style, piece))
            column += len(piece)
    return out


def _list_rows() -> int:
    """How many choices a list shows at once: what the screen holds with room above for
    what was just shown (the review of an item) and below for a choice's description."""
    try:
        rows = int(get_app().output.get_size().rows)
    except Exception:  # no running application
        rows = 24
    return max(LIST_ROWS_MIN, rows - LIST_ROWS_KEPT)


class _MoreMargin(Margin):
    """A list cut to fit the screen says so: ↑ on its first row when choices are hidden
    above, ↓ on its last when below (no colour needed). No column when it fits."""

    def get_width(self, get_ui_content: Callable[[], UIContent]) -> int:
        return 1 if get_ui_content().line_count > _list_rows() else 0

    def create_margin(
        self, window_render_info: WindowRenderInfo, width: int, height: int
    ) -> StyleAndTextTuples:
        if not width:
            return []
        info = window_render_info
        rows = [" "] * info.window_height
        if info.vertical_scroll > 0:
            rows[0] = "↑"
        if info.vertical_scroll + info.window_height < info.content_height:
            rows[-1] = "↓"
        return [("class:instruction", "\n".join(rows))]


def _wrap_lines(tokens: StyleAndTextTuples, width: int, indent: int) -> StyleAndTextTuples:
    """Lines of ``tokens`` broken between words at ``width``, the rest ``indent`` in."""
    import re

    out: StyleAndTextTuples = []
    column = 0
    for style, text, *_ in tokens:
        if not text:  # a marker such as questionary's [SetCursorPosition]
            out.append((style, text))
            continue
        for piece in re.findall(r"\n|[^\S\n]+|\S+", text):
            if piece == "\n":
                out.append((style, piece))
                column = 0
                continue
            if column > indent and column + len(piece) > width:
                out.append(("class:text", "\n" + " " * indent))
                column = indent
                if piece.isspace():  # the break takes the space's place
                    continue
            out.append((style, piece))
            column += len(piece)
    return out


def _note_window(text: Callable[[], str | None]) -> ConditionalContainer:
    """A line (or a few) under the list, indented and wrapped between words."""

    def tokens() -> StyleAndTextTuples:
        shown = text()
        return [("class:description", _wrapped(shown))] if shown else []

    return ConditionalContainer(
        Window(
            FormattedTextControl(tokens),
            wrap_lines=True,
            dont_extend_height=True,
            get_line_prefix=lambda line, wrapped: "  ",
        ),
        filter=~is_done & Condition(lambda: bool(text())),
    )


def _list_question(
    message: str,
    choices: Sequence[Choice[Any]],
    *,
    hint: str,
    multi: bool,
    default: int | None = None,
    ticked: Sequence[int] = (),
) -> Application[Any]:
    """A select (``multi=False``) or a checkbox over ``choices``; answers are indices.

    Typing filters the list (case and accents ignored; Backspace undoes it); arrows move.
    In a select, Enter picks the choice under the pointer (nothing, when the text matches
    nothing). In a checkbox, space ticks or unticks the choice under the pointer, and no
    key ticks everything or inverts the ticks (questionary's «a», «i», Ctrl-A and Tab).
    Enter with typed text still there does not answer: it clears the text and says what
    is ticked, so words typed as an answer ("novembre; tredici") never pass unnoticed;
    Enter again confirms.
    """
    options = [
        questionary.Choice(c.title, value=i, checked=multi and i in ticked)
        for i, c in enumerate(choices)
    ]
    ic = _ListControl(
        choices,
        choices=options,
        default=None if multi or default is None else options[default],
        initial_choice=None if default is None else options[default],
        pointer="»",
        use_indicator=multi,
        show_description=False,
    )
    answered: list[int] = []

    def tokens() -> list[tuple[str, str]]:
        line = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if ic.is_answered:
            if answered and not multi:
                line.append(("class:answer", choices[answered[0]].title))
        else:
            line.append(("class:instruction", hint))
        return _wrap_tokens(line)

    layout = create_inquirer_layout(ic, tokens)
    for window in layout.find_all_windows():
        if window.content is ic:  # the notes stay right under the list
            window.dont_extend_height = to_filter(True)
            window.height = lambda: Dimension(max=_list_rows())
            window.left_margins = [_MoreMargin()]
            window.wrap_lines = to_filter(True)  # a word longer than the line
    if isinstance(layout.container, HSplit):
        descriptions = [c.description for c in choices]

        def description() -> str | None:
            index = ic.pointed_index()
            return descriptions[index] if index is not None else None

        if any(descriptions):
            layout.container.children.insert(2, _note_window(description))
        layout.container.children.append(_note_window(lambda: ic.notice))

    bindings = KeyBindings()

    @bindings.add(Keys.ControlC, eager=True)
    @bindings.add(Keys.ControlQ, eager=True)
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @bindings.add(Keys.ControlD, eager=True)
    def _end_of_input(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    @bindings.add(Keys.PageUp, eager=True)
    def _back(event: KeyPressEvent) -> None:
        event.app.exit(exception=GoBack, style="class:aborting")

    def type_char(event: KeyPressEvent) -> None:
        if event.key_sequence[0].key == msg.BACK_ANSWER and not ic.typed:
            event.app.exit(exception=GoBack, style="class:aborting")
            return
        ic.notice = None
        ic.add_search_character(event.key_sequence[0].key)  # type: ignore[arg-type]

    for character in string.printable:
        if character not in string.whitespace:
            bindings.add(character, eager=True)(type_char)
    bindings.add(Keys.Backspace, eager=True)(type_char)

    if multi:

        @bindings.add(" ", eager=True)
        def _toggle(event: KeyPressEvent) -> None:
            index = ic.pointed_index()
            if index is None:
                return
            ic.notice = None
            if index in ic.selected_options:
                ic.selected_options.remove(index)
            else:
                ic.selected_options.append(index)

    else:

        @bindings.add(" ", eager=True)
        def _space(event: KeyPressEvent) -> None:
            if ic.typed:  # part of the text typed to filter ("Organizzazione sindacale")
                ic.add_search_character(" ")  # type: ignore[arg-type]

    @bindings.add(Keys.Down, eager=True)
    @bindings.add(Keys.ControlN, eager=True)
    def _down(event: KeyPressEvent) -> None:
        ic.select_next()

    @bindings.add(Keys.Up, eager=True)
    @bindings.add(Keys.ControlP, eager=True)
    def _up(event: KeyPressEvent) -> None:
        ic.select_previous()

    # Esc then Enter (how a multi-line answer is confirmed) is Enter here too: alone,
    # prompt_toolkit's own binding ended the list with an empty answer.
    @bindings.add(Keys.Escape, Keys.ControlM, eager=True)
    @bindings.add(Keys.ControlM, eager=True)
    def _enter(event: KeyPressEvent) -> None:
        if multi:
            picked = sorted(int(i) for i in ic.selected_options)
            if ic.typed:
                titles = [choices[i].title for i in picked]
                ic.notice = msg.CHECKBOX_TYPED.format(
                    text=ic.typed,
                    picked=msg.LIST_SEPARATOR.join(titles) if titles else msg.NONE_CHOSEN,
                )
                ic.search_filter = None
                ic.pointed_at = 0
                return
            ic.is_answered = True
            event.app.exit(result=picked)
            return
        index = ic.pointed_index()
        if index is None:
            return
        answered.append(index)
        ic.is_answered = True
        event.app.exit(result=index)

    @bindings.add(Keys.Any)
    def _other(event: KeyPressEvent) -> None:
        """Any other key (Tab included) does nothing."""

    return Application(
        layout=layout,
        key_bindings=bindings,
        style=merge_styles_default([Style([("bottom-toolbar", "noreverse")]), _STYLE]),
        erase_when_done=multi,
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
        start = next((i for i, c in enumerate(choices) if c.value == default), None)
        # Every list can be filtered by typing; long ones (actor types, actions) say so.
        hint = msg.SELECT_SEARCH_HINT if len(choices) > SEARCH_FROM else msg.SELECT_HINT
        while True:
            question = questionary.Question(
                _list_question(message, choices, hint=hint, multi=False, default=start)
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
            _list_question(message, choices, hint=msg.CHECKBOX_HINT, multi=True, ticked=ticked)
        )
        answer = _ask(question)
        while not isinstance(answer, list):  # defensive: only a list of indices answers
            answer = _ask(
                questionary.Question(
                    _list_question(
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
