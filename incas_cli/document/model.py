"""The document model: what a document says, as blocks, with nothing about how it looks.

Outlines (the plan document, later the monitoring report and the comparison of plans) turn
plan + facts into these blocks; writers (docx, text/markdown, rich for the terminal) lay
them out. A writer decides *how* (styles, widths, page furniture), never *what*: every
string here is final Italian text, ready to print.

Plain frozen dataclasses, no third-party imports, so any layer can build or read them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from incas_cli.messages import render as msg

Align = Literal["left", "center", "right"]
Tone = Literal["ok", "warning", "error", "info", "quiet"]
"""What a piece of text signals: a state that is fine, one that needs attention, a failure,
a neutral notice, or a value of little weight (nothing, not covered)."""
Orientation = Literal["portrait", "landscape"]


@dataclass(frozen=True)
class Placeholder:
    """An open field of a draft, shown as a visible placeholder (``[da completare: …]``).

    Text that already holds a placeholder's printed form (a sentence of the narrative that
    names an open field) is shown as a placeholder too: writers recognise it.
    """

    label: str


@dataclass(frozen=True)
class Run:
    """A piece of inline text with emphasis.

    ``tone`` says what the text signals (:data:`Tone`); a writer may colour it (the
    terminal does), never rely on it: the words carry the meaning.
    """

    text: str
    bold: bool = False
    italic: bool = False
    tone: Tone | None = None


@dataclass(frozen=True)
class Ref(Run):
    """A cross-reference to a heading of the same document: «capitolo 11», «§ 11.1».

    The outline names the heading's ``anchor`` and never writes a number by hand;
    :func:`resolve_refs` fills ``text`` from the numbering every writer prints
    (:class:`HeadingNumbers`). A writer prints it as the run it is (and may link it)."""

    anchor: str = ""


Inline = str | Run | Placeholder
"""One piece of inline content: plain text, emphasised text (a cross-reference is one,
:class:`Ref`) or a placeholder."""


@dataclass(frozen=True)
class Mark:
    """A table cell whose meaning a symbol shows (●, ○, ◆): ``text`` is what a screen
    reader and a text writer say instead of the symbol, so meaning is never carried by a
    symbol or a colour alone. ``shaded`` asks the writer to shade the cell."""

    symbol: str
    text: str
    shaded: bool = True
    tone: Literal["active", "review"] = "active"
    """Which shade: an active period, or a monitoring review (another colour)."""


Cell = Inline | tuple[Inline, ...] | Mark | None
"""A table cell: one value, several lines (a tuple), a mark, or empty (None)."""


@dataclass(frozen=True)
class Column:
    """A table column: its header and how its cells align (numbers right). ``fixed``
    names a run of equal-width columns (months, actions) for the writer to size alike:
    as wide as the widest of their headers and marks, whatever the other cells hold."""

    header: str
    align: Align = "left"
    fixed: bool = False


@dataclass(frozen=True)
class Table:
    """A data table: one header row, no merged cells.

    ``title`` is the caption (numbered by the writer) and the table's accessible title;
    ``row_headers``: the first cell of each row names the row (a key-value card, a matrix);
    ``header_row``: off for a key-value card, whose labels are its row headers (a header
    row would only say "field | content");
    ``total``: a last row in bold (sums), never mixed with the data rows;
    ``compact``: narrow cell margins (calendars, matrices);
    ``stretch``: a chart (the Gantt table): the fixed columns may widen, up to twice their
    width, into the room the first column leaves.
    """

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None
    row_headers: bool = False
    header_row: bool = True
    caption: bool = True
    compact: bool = False
    stretch: bool = False

    def __post_init__(self) -> None:
        width = len(self.columns)
        for row in (*self.rows, *(() if self.total is None else (self.total,))):
            if len(row) != width:
                raise ValueError(f"table {self.title!r}: a row of {len(row)} cells, not {width}")


@dataclass(frozen=True)
class Heading:
    """A real heading (level 1 to 3, never skipping a level); ``numbered`` off for the
    front and back matter."""

    level: int
    text: str
    numbered: bool = True
    anchor: str = ""
    """A name cross-references point to (:class:`Ref`); never printed."""


ParagraphStyle = Literal["body", "plain", "note", "title", "subtitle", "draft", "cover"]
"""``body``: running text; ``plain``: a short statement (an open field, a count), body
text left in the template's default paragraph style; ``note``: a smaller explanatory
paragraph (legends, warnings); ``title``, ``subtitle``, ``draft`` (the draft mark) and
``cover`` (a line of the cover's data): the front page."""


class HeadingNumbers:
    """How every writer numbers headings: chapters ``4.`` and their sections ``4.2``;
    level 3, unnumbered chapters (front and back matter) and their sections go bare."""

    def __init__(self) -> None:
        self.chapter = 0
        self.section = 0

    def text(self, heading: Heading) -> str:
        """The heading's text as printed, counting it."""
        if heading.level == 1:
            self.chapter, self.section = (self.chapter + 1, 0) if heading.numbered else (0, 0)
            if heading.numbered:
                return msg.NUMBERED_CHAPTER.format(number=self.chapter, title=heading.text)
        elif heading.level == 2 and self.chapter and heading.numbered:
            self.section += 1
            return msg.NUMBERED_SECTION.format(
                chapter=self.chapter, number=self.section, title=heading.text
            )
        return heading.text

    def locator(self, heading: Heading) -> str:
        """How a cross-reference names ``heading``, just counted by :meth:`text`: «capitolo
        4», «§ 4.2», or its title in quotes when it has no number."""
        if heading.numbered and self.chapter:
            if heading.level == 1:
                return msg.REF_CHAPTER.format(number=self.chapter)
            if heading.level == 2:
                return msg.REF_SECTION.format(chapter=self.chapter, number=self.section)
        return msg.REF_TITLE.format(title=heading.text)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline content in one of the :data:`ParagraphStyle` roles."""

    content: tuple[Inline, ...]
    style: ParagraphStyle = "body"
    keep_with_next: bool = False


@dataclass(frozen=True)
class ItemList:
    """A bulleted or numbered list; each item is inline content."""

    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False


@dataclass(frozen=True)
class Figure:
    """A picture with its alt text and the same information as a table, so no reader
    depends on the picture. ``image`` is the PNG (None when there is nothing to draw)."""

    title: str
    alt: str
    image: bytes | None
    data: Table | None = None


@dataclass(frozen=True)
class Toc:
    """The table of contents (filled by an office suite: the writer inserts the field);
    ``hint`` is what the field shows until it is filled."""

    title: str
    hint: str = ""


@dataclass(frozen=True)
class Section:
    """Blocks on pages of their own orientation (the Gantt table in landscape)."""

    blocks: tuple[Block, ...]
    orientation: Orientation = "portrait"


@dataclass(frozen=True)
class Annex:
    """An annex: lettered (``Allegato A``), starting on a new page."""

    letter: str
    title: str
    blocks: tuple[Block, ...]


Block = Heading | Paragraph | ItemList | Table | Figure | Toc | Section | Annex


@dataclass(frozen=True)
class Properties:
    """Core properties of the file, from the plan (never from the clock)."""

    title: str
    subject: str = ""
    author: str = ""
    keywords: tuple[str, ...] = ()
    category: str = ""
    comments: str = ""
    content_status: str = ""
    version: str = ""
    created: dt.datetime | None = None
    """The document's own date (adoption, period start...); None leaves it unset."""
    language: str = "it-IT"


@dataclass(frozen=True)
class Document:
    """A whole document: blocks, properties and what every page repeats.

    The first page is the cover: no running header or page number there (unless the
    template has a letterhead of its own).
    """

    blocks: tuple[Block, ...]
    properties: Properties
    running_header: tuple[str, ...] = ()
    """The header of every page but the cover, longest first: a writer takes the first
    that fits on one line and cuts the last with an ellipsis when none does."""
    draft: bool = False
    """A draft: the running header is in bold."""
    restricted: str = ""
    """The internal edition's mark, on every footer (the cover's too); "" when public."""
    annexes: tuple[Annex, ...] = field(default=())


def walk(blocks: Sequence[Block]) -> list[Block]:
    """Every block in reading order, sections and annexes opened (for writers and tests)."""
    out: list[Block] = []
    for block in blocks:
        out.append(block)
        if isinstance(block, Section | Annex):
            out.extend(walk(block.blocks))
        elif isinstance(block, Figure) and block.data is not None:
            out.append(block.data)
    return out


def plain(content: Inline | Sequence[Inline] | Cell) -> str:
    """Inline content or a cell as plain text (a mark says its text, not its symbol)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, Run):
        return content.text
    if isinstance(content, Placeholder):
        return msg.PLACEHOLDER.format(label=content.label)
    if isinstance(content, Mark):
        return content.text
    return " ".join(plain(part) for part in content)


def resolve_refs(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """``blocks`` with every :class:`Ref` naming its heading as the writers number it.

    Raises ValueError for a reference to no heading (an outline that refers to a section
    it did not write)."""
    numbers = HeadingNumbers()
    found: dict[str, str] = {}

    def count(blocks: Sequence[Block]) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                numbers.text(block)
                if block.anchor:
                    found[block.anchor] = numbers.locator(block)
            elif isinstance(block, Section):
                count(block.blocks)
            elif isinstance(block, Annex):
                numbers.text(Heading(1, block.title, numbered=False))  # as writers head it
                count(block.blocks)

    def inline(content: Inline) -> Inline:
        if not isinstance(content, Ref):
            return content
        if content.anchor not in found:
            raise ValueError(f"a reference to no heading: {content.anchor!r}")
        return dataclasses.replace(content, text=found[content.anchor])

    def cell(value: Cell) -> Cell:
        if isinstance(value, tuple):
            return tuple(inline(part) for part in value)
        return value if value is None or isinstance(value, Mark) else inline(value)

    def table(t: Table) -> Table:
        return dataclasses.replace(
            t,
            rows=tuple(tuple(cell(c) for c in row) for row in t.rows),
            total=None if t.total is None else tuple(cell(c) for c in t.total),
        )

    def block(b: Block) -> Block:
        if isinstance(b, Paragraph):
            return dataclasses.replace(b, content=tuple(inline(c) for c in b.content))
        if isinstance(b, ItemList):
            items = tuple(tuple(inline(c) for c in item) for item in b.items)
            return dataclasses.replace(b, items=items)
        if isinstance(b, Table):
            return table(b)
        if isinstance(b, Figure) and b.data is not None:
            return dataclasses.replace(b, data=table(b.data))
        if isinstance(b, Section | Annex):
            return dataclasses.replace(b, blocks=tuple(block(c) for c in b.blocks))
        return b

    count(blocks)
    return tuple(block(b) for b in blocks)
