"""Text a YAML comment took away: ``name: Cooperativa #1 di Vittoria`` is read as
``Cooperativa``, because a ``#`` after a space starts a comment that runs to the end of the
line. Nothing tells the user, and the rest of the line is lost from the plan.

A comment that begins right after a value with no space after its ``#`` (``#1``,
``#IoNonSfrutto``) was almost surely meant as text: it is a warning at the value, with the
line as it should be written. Comments written ``# like this``, as ``plan init`` and
``monitor init`` write them, say nothing; quoted text keeps its ``#``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from incas_cli.checks.findings import Finding, Loc, warning
from incas_cli.messages import checks as msg

if TYPE_CHECKING:
    from incas_cli.io import YamlDocument

# A «#» followed by something else than a space: the cheap first look over the whole text
# (a regular expression that starts with a literal is searched for quickly).
_HASH = re.compile(r"#(?=[^\s#])")
# A «#» after a space, following something on the line, and followed by a character that
# is not a space: the lines worth a closer look (rare; most files have none).
_SUSPECT = re.compile(r"\S[ \t]+#[^\s#]")
# Where a value written without quotes ends: the first «#» after a space.
_COMMENT = re.compile(r"[ \t]+(#[^\s#].*?)[ \t]*$")
# A value that is not plain text on its line: quoted, a block («|», «>»), a flow collection.
_NOT_PLAIN = ("'", '"', "|", ">", "[", "{")


def comment_findings(doc: YamlDocument) -> list[Finding]:
    """A warning for each value of ``doc`` whose line goes on in a comment that was
    probably text (no positions yet: :func:`incas_cli.checks.locate` adds them)."""
    if _HASH.search(doc.text) is None:
        return []
    from incas_cli.io.slips import LINE_BREAK

    lines = LINE_BREAK.split(doc.text)
    suspect = {n for n, line in enumerate(lines, start=1) if "#" in line and _SUSPECT.search(line)}
    if not suspect:  # a «#» only inside words or links: no value to place
        return []
    found: list[Finding] = []
    for loc, value in _leaves(doc.plain(), ()):
        if not loc or isinstance(value, dict | list):
            continue
        empty = value is None or value == ""
        line, column = doc.position(loc, key=empty)
        if line not in suspect:
            continue
        finding = _finding(lines[line - 1], column - 1, loc, value, empty=empty)
        if finding is not None:
            found.append(finding)
    return found


def _leaves(node: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    yield loc, node
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _leaves(child, (*loc, str(key)))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _leaves(child, (*loc, index))


def _finding(content: str, start: int, loc: Loc, value: Any, *, empty: bool) -> Finding | None:
    """The warning for the value at ``content[start:]`` (its key's place when it is empty),
    if a comment that looks like text follows it on the line."""
    rest = content[start:]
    if empty:
        key = str(loc[-1])
        written = re.match(rf"{re.escape(key)}[ \t]*:(?=[ \t])", rest)
        if written is None:
            return None
        comment = _COMMENT.fullmatch(rest, written.end())
        if comment is None:
            return None
        text = comment[1]
        return warning(
            "COMMENT_IN_VALUE",
            loc,
            msg.COMMENT_IN_EMPTY_VALUE.format(comment=text, key=key),
            msg.COMMENT_IN_VALUE_HINT.format(line=f"{key}: {_quoted(text)}"),
        )
    if rest.startswith(_NOT_PLAIN):
        return None
    comment = _COMMENT.search(rest)
    if comment is None:
        return None
    shown = rest[: comment.start()]
    if any(c in shown for c in ",]}"):  # an item of a flow collection: its end is not here
        return None
    whole = f"{shown} {comment[1]}"
    prefix = "- " if isinstance(loc[-1], int) else f"{loc[-1]}: "
    return warning(
        "COMMENT_IN_VALUE",
        loc,
        msg.COMMENT_IN_VALUE.format(comment=comment[1], value=shown),
        msg.COMMENT_IN_VALUE_HINT.format(line=f"{prefix}{_quoted(whole)}"),
    )


def _quoted(text: str) -> str:
    """``text`` between double quotes, as YAML reads it back."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
