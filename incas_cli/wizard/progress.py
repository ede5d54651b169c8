"""Where a plan stands: which sections are incomplete, and where an interrupted run resumes.

A section is incomplete while it has open fields (:func:`incas_cli.checks.open_fields`,
the same list ``plan status`` counts). An interrupted walk leaves a small marker in the
file, under the ``x-incas-wizard`` key that every other command ignores (the v1 format
ignores keys starting with ``x-``): the sections still to walk and the path chosen. It
lets ``incas plan edit`` resume even in the middle of a list (the third actor of five),
where the file alone cannot tell "finished" from "interrupted". A completed walk removes it.

An item interrupted half done is kept in its list with ``draft: true`` (a field of the
plan model, which ``plan validate`` reports); the marker's ``draft`` says which item and
where its form stopped, ``adding`` which list was being added to::

    x-incas-wizard:
      resume: [misure, monitoraggio]
      mode: rapido
      adding: measures
      draft: {list: measures, id: M3, field: 7, asked: [1, 3, 4, 5, 6], new: true}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from incas_cli.checks import OpenField, check_data, open_fields
from incas_cli.models.vocab import WIZARD_SECTION_PARTS, WIZARD_SECTIONS
from incas_cli.wizard.core import Mode
from incas_cli.wizard.tree import put

SECTIONS: tuple[str, ...] = WIZARD_SECTIONS
"""The wizard's sections, in the order a planner thinks (and ``--section`` names)."""

MARKER_KEY = "x-incas-wizard"

_SECTION_OF_OPEN: dict[str, str] = {
    part: section for section, parts in WIZARD_SECTION_PARTS.items() for part in parts
}
"""The first key of an open field's place -> the section that fills it."""


@dataclass(frozen=True)
class Marker:
    """An interrupted walk: the sections still to do, first the one in progress."""

    sections: tuple[str, ...]
    mode: Mode


def open_counts(plain: Any) -> dict[str, int] | None:
    """Open fields per section, or None when the plan cannot be read as a v1 plan."""
    plan, _ = check_data(plain)
    if plan is None:
        return None
    return section_counts(open_fields(plan))


def section_counts(fields: Iterable[OpenField]) -> dict[str, int]:
    """Open fields per wizard section (every section present)."""
    counts = dict.fromkeys(SECTIONS, 0)
    for field in fields:
        counts[_SECTION_OF_OPEN.get(field.section, "periodo")] += 1
    return counts


def _has_content(value: Any) -> bool:
    """Some answer anywhere below ``value`` (an empty list, mapping or text is none)."""
    if isinstance(value, Mapping):
        return any(_has_content(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_content(v) for v in value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


def filled_sections(plain: Any) -> list[str]:
    """The sections with at least one answer in the file, in order (a section whose list is
    still empty, such as relations never asked, is not filled even with no open field)."""
    if not isinstance(plain, Mapping):
        return []
    return [
        section
        for section, parts in WIZARD_SECTION_PARTS.items()
        if any(_has_content(plain.get(part)) for part in parts)
    ]


def incomplete_sections(plain: Any) -> list[str]:
    """The sections with open fields, in order (every section for a plan not started)."""
    counts = open_counts(plain)
    if counts is None:
        return list(SECTIONS)
    return [section for section in SECTIONS if counts[section]]


@dataclass(frozen=True)
class DraftPlace:
    """Where the form of an item kept as a draft stopped."""

    list: str
    id: str
    field: int
    asked: tuple[int, ...]
    new: bool
    adding: bool


def read_draft(data: MutableMapping[str, Any]) -> DraftPlace | None:
    node = data.get(MARKER_KEY)
    draft = node.get("draft") if isinstance(node, MutableMapping) else None
    if not isinstance(draft, MutableMapping):
        return None
    try:
        field = int(draft.get("field", 0))
        asked = tuple(int(i) for i in draft.get("asked") or () if 0 <= int(i) < field)
    except (TypeError, ValueError):
        return None
    key = str(draft.get("list"))
    return DraftPlace(
        key,
        str(draft.get("id")),
        max(field, 0),
        asked,
        draft.get("new") is True,
        isinstance(node, MutableMapping) and node.get("adding") == key,
    )


def read_marker(data: MutableMapping[str, Any]) -> Marker | None:
    node = data.get(MARKER_KEY)
    if not isinstance(node, MutableMapping):
        return None
    sections = node.get("resume")
    mode = node.get("mode")
    if not isinstance(sections, Sequence) or isinstance(sections, str):
        return None
    known = tuple(str(s) for s in sections if str(s) in SECTIONS)
    if not known:
        return None
    return Marker(known, cast(Mode, mode) if mode in ("rapido", "completo") else "completo")


def write_marker(
    data: MutableMapping[str, Any],
    sections: Sequence[str],
    mode: Mode,
    *,
    adding: str | None = None,
    draft: Mapping[str, Any] | None = None,
) -> None:
    """Record the sections still to walk (none: remove the marker), the list being added
    to and the item kept as a draft."""
    if not sections:
        clear_marker(data)
        return
    node: dict[str, Any] = {"resume": list(sections), "mode": mode}
    if adding:
        node["adding"] = adding
    if draft:
        node["draft"] = dict(draft)
    put(data, MARKER_KEY, node, [])


def clear_draft_place(data: MutableMapping[str, Any]) -> None:
    """Forget where a draft stopped (it has been resumed)."""
    node = data.get(MARKER_KEY)
    if isinstance(node, MutableMapping):
        for key in ("draft", "adding"):
            if key in node:
                del node[key]


def clear_marker(data: MutableMapping[str, Any]) -> None:
    if MARKER_KEY in data:
        del data[MARKER_KEY]
