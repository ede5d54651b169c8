"""The questions the wizard can ask, independent of any terminal library.

The wizard talks only to a :class:`Prompter`. The real one wraps questionary
(:mod:`incas_cli.wizard.questionary_prompter`); tests use
:class:`~incas_cli.wizard.scripted.ScriptedPrompter`, which answers from a script.

Contract shared by every implementation:

- A text answer is never pre-filled. A ``default`` (a suggestion for a new item, or the
  current value when editing) is shown in the question's instruction, "Invio per «…»",
  and an empty answer stands for it: the validator sees the default and the caller gets
  it. Pre-filling the edit buffer made new users append to the suggestion instead of
  replacing it ("Organizzazioni sindacali agricole (…)FLAI-CGIL Cuneo").
- The answer :data:`~incas_cli.messages.wizard.CLEAR_ANSWER` (``-``) stands for an empty
  answer, so a default can be refused; with ``clearable`` the instruction says so.
- ``validate`` callbacks receive the answer (after the two rules above) and return
  ``None`` when it is good or an Italian message saying what is wrong; the prompter
  then asks again.
- Ctrl-C inside a prompt raises ``KeyboardInterrupt`` and Ctrl-D (end of input) raises
  ``EOFError``: a prompter never swallows them and never returns ``None`` instead.
- The "domanda precedente" key (:data:`~incas_cli.messages.wizard.BACK_ANSWER`, ``<``,
  typed as the whole answer or pressed in a list; Page Up too in the terminal) raises
  :class:`GoBack`: the caller decides which question that is.
- No key sequence ends a question with anything but an answer of the right kind or one
  of those three exceptions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from incas_cli.document.model import Paragraph, Table
from incas_cli.messages import wizard as msg

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

Validator = Callable[[str], str | None]
"""Raw answer -> ``None`` if acceptable, else the Italian message to show."""

Completions = Sequence[str] | Callable[[str], Sequence[str]]
"""Autocomplete candidates: a fixed list, or a function of the text typed so far."""

Shown = str | Paragraph | Table
"""What :meth:`Prompter.show` shows: a line of text, or a document-model paragraph or
table (the terminal prompter lays them out with the rich writer)."""


class GoBack(Exception):
    """The user asked for the previous question (see :data:`msg.BACK_ANSWER`)."""


@dataclass(frozen=True)
class Choice(Generic[T_co]):
    """One option of a ``select`` or ``checkbox``: what the user reads, what the code gets."""

    title: str
    value: T_co
    description: str | None = None
    searchable: bool = True
    """False for a way out of a list ("Nessun altro attore: avanti"): text typed to filter
    the list never matches it, so Enter after typing «Altro» picks the actor type Altro
    and does not end the section."""


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
        clearable: bool = False,
    ) -> str:
        """A line (or, with ``multiline``, several paragraphs) of free text.

        ``instruction`` is a short hint without parentheses (a format, an example);
        ``clearable`` says that the field may be left empty even if it has a default.
        """
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
        instruction: str | None = None,
    ) -> str:
        """Free text with suggestions as the user types (same rules as :meth:`text`)."""
        ...

    def show(self, item: Shown) -> None:
        """Information for the user (a line, a paragraph, a table): not a question."""
        ...


def fold(text: str) -> str:
    """Text for matching what is typed: case and accents ignored (``si`` finds «Sì»)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_choices(choices: Sequence[Choice[Any]], typed: str) -> list[int]:
    """The indices of the choices that text typed into a list shows, best first.

    Nothing typed: every choice, in order. Otherwise the choices whose title contains the
    text (case and accents ignored): first those whose title starts with it, then those
    with a word starting with it, then the rest, each group in the list's order. A way
    out of the list (``searchable=False``) never matches.
    """
    if not typed:
        return list(range(len(choices)))
    needle = fold(typed)
    ranked: list[tuple[int, int]] = []
    for index, choice in enumerate(choices):
        if not choice.searchable:
            continue
        title = fold(choice.title)
        if needle not in title:
            continue
        if title.startswith(needle):
            rank = 0
        elif any(word.startswith(needle) for word in title.split()):
            rank = 1
        else:
            rank = 2
        ranked.append((rank, index))
    return [index for _, index in sorted(ranked)]


def is_back(raw: str) -> bool:
    """Whether a typed answer is the "domanda precedente" key (``<`` alone)."""
    return raw.strip() == msg.BACK_ANSWER


def resolve_answer(raw: str, default: str | None) -> str:
    """What a typed answer stands for: empty -> ``default``, ``-`` -> empty, else itself.

    ``<`` alone raises :class:`GoBack`.
    """
    if is_back(raw):
        raise GoBack
    if not raw.strip():
        return default or ""
    if raw.strip() == msg.CLEAR_ANSWER:
        return ""
    return raw


def instruction_text(
    instruction: str | None,
    default: str | None,
    *,
    clearable: bool = False,
    multiline: bool = False,
    limit: int = 100,
) -> str:
    """The hint shown after a text question, in one pair of parentheses.

    ``(AAAA-MM, es. 2025-03; Invio per «2027-12», → per modificarlo, - per lasciare vuoto;
    < indietro)``: the last part names the "domanda precedente" key.
    A multi-line default is shown under the question, not in the hint; a long one-line
    default is shortened here (→ brings the whole of it into the answer).
    """
    parts = [msg.MULTILINE_HINT] if multiline else []
    if instruction:
        parts.append(instruction)
    if default:
        if multiline:
            keep = msg.DEFAULT_BELOW
        else:
            shown = " ".join(default.split())
            if len(shown) > limit:
                shown = shown[: limit - 1] + "…"
            keep = msg.DEFAULT_KEEP.format(value=shown)
        keep += msg.DEFAULT_EDIT
        if clearable:
            keep += msg.DEFAULT_CLEAR
        parts.append(keep)
    parts.append(msg.BACK_HINT)
    return "(" + msg.HINT_SEPARATOR.join(parts) + ")"
