"""What the wizard's questions look like in a terminal: their style, the terminal's
width, and text broken between words to fit it (never inside a word, never cut)."""

from __future__ import annotations

import questionary
from prompt_toolkit.application.current import get_app
from prompt_toolkit.formatted_text import StyleAndTextTuples

STYLE = questionary.Style(
    [
        ("qmark", "bold"),
        ("question", "bold"),
        ("answer", "bold"),
        ("instruction", "italic"),
        ("description", "italic"),
    ]
)


def wrapped(text: str, indent: int = 2) -> str:
    """``text`` broken between words to fit the terminal, ``indent`` columns in."""
    import textwrap

    width = max(20, columns() - indent - 1)
    return "\n".join(
        textwrap.fill(paragraph, width=width, break_long_words=False)
        for paragraph in text.splitlines()
    )


def columns() -> int:
    """The terminal's width (80 with no running application)."""
    try:
        return int(get_app().output.get_size().columns)
    except Exception:  # no running application: a sensible width
        return 80


def wrap_tokens(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A question line broken between words (not inside them) at the terminal's width."""
    import re

    width = columns() - 1
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


def wrap_lines(tokens: StyleAndTextTuples, width: int, indent: int) -> StyleAndTextTuples:
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
