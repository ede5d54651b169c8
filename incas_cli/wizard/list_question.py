"""A list question in the terminal: one choice (a select) or several (a checkbox),
built on questionary's list and filtered the wizard's way as the user types.

A list shows at most the screen's rows minus :data:`LIST_ROWS_KEPT` choices, so what was
shown just above it (the review of the item just added) stays in view on a 24-line
screen; ↑ and ↓ beside it say that choices are hidden. A long choice wraps between words
under its own text.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.application import Application
from prompt_toolkit.application.current import get_app
from prompt_toolkit.filters import Condition, is_done, to_filter
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, HSplit, Window, WindowRenderInfo
from prompt_toolkit.layout.controls import FormattedTextControl, UIContent
from prompt_toolkit.layout.dimension import Dimension
from prompt_toolkit.layout.margins import Margin
from prompt_toolkit.styles import Style
from questionary.prompts.common import InquirerControl, create_inquirer_layout
from questionary.styles import merge_styles_default

from incas_cli.messages import wizard as msg
from incas_cli.wizard.prompter import Choice, GoBack, search_choices
from incas_cli.wizard.screen_text import STYLE, columns, wrap_lines, wrap_tokens, wrapped

LIST_ROWS_KEPT = 14
"""Screen rows a list leaves to the rest (what was shown above, question, description)."""
LIST_ROWS_MIN = 6


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
        return wrap_lines(tokens, columns() - 2, indent)


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


def _note_window(text: Callable[[], str | None]) -> ConditionalContainer:
    """A line (or a few) under the list, indented and wrapped between words."""

    def tokens() -> StyleAndTextTuples:
        shown = text()
        return [("class:description", wrapped(shown))] if shown else []

    return ConditionalContainer(
        Window(
            FormattedTextControl(tokens),
            wrap_lines=True,
            dont_extend_height=True,
            get_line_prefix=lambda line, wrapped: "  ",
        ),
        filter=~is_done & Condition(lambda: bool(text())),
    )


def list_question(
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
        return wrap_tokens(line)

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
        style=merge_styles_default([Style([("bottom-toolbar", "noreverse")]), STYLE]),
        erase_when_done=multi,
    )
