"""Hand edits made beside the wizard, carried into the tree it is about to save.

While ``incas plan edit`` is open, the planner (or a colleague) may change the plan file
in an editor: a comment, a name. Before each save the command checks that the file is
still the one it read; when it is not, :func:`merge_hand_edits` applies what changed on
disk (the file now against the file as read) to the wizard's tree, in place, so that
the wizard's own answers stay on top and nothing typed by hand is lost. Comments come
with the nodes they belong to. A field changed both by hand and by the wizard, to
different values, is a conflict: it is reported and nothing is merged.

Items of the plan's lists that have an ``id`` (actors, needs, measures) are matched by
it, so an actor added by hand while the wizard adds a measure are both kept; other lists
are one value each.
"""

from __future__ import annotations

from collections.abc import MutableMapping, MutableSequence
from dataclasses import dataclass, field
from typing import Any

from incas_cli.wizard.tree import plain

_MISSING = object()


@dataclass
class Merge:
    """What a merge did: the hand-edited places taken, and the conflicts."""

    taken: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def merge_hand_edits(live: Any, base: Any, disk: Any) -> Merge:
    """Apply ``disk`` - ``base`` (plain ``base``: the file as read) onto the tree ``live``.

    ``live`` is changed in place only when there is no conflict.
    """
    probe = Merge()
    _merge(live, base, disk, "", probe, apply=False)
    if probe.conflicts:
        return probe
    done = Merge()
    _merge(live, base, disk, "", done, apply=True)
    return done


def _path(parent: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else str(key)


def _plain(node: Any) -> Any:
    return _MISSING if node is _MISSING else plain(node)


def _merge(live: Any, base: Any, disk: Any, where: str, out: Merge, *, apply: bool) -> None:
    if isinstance(live, MutableMapping) and isinstance(disk, MutableMapping):
        _merge_maps(live, base if isinstance(base, dict) else {}, disk, where, out, apply=apply)
        return
    if (
        isinstance(live, MutableSequence)
        and isinstance(disk, MutableSequence)
        and _ids(disk) is not None
        and _ids(live) is not None
    ):
        _merge_items(live, base if isinstance(base, list) else [], disk, where, out, apply=apply)
        return
    # Anything else is one value: the caller decided it changed on disk.


def _merge_maps(
    live: MutableMapping[str, Any],
    base: dict[str, Any],
    disk: MutableMapping[str, Any],
    where: str,
    out: Merge,
    *,
    apply: bool,
) -> None:
    keys = list(dict.fromkeys([*base, *disk]))
    for key in keys:
        b = base.get(key, _MISSING)
        d = disk.get(key, _MISSING)
        here = _path(where, key)
        if _plain(d) == b:
            continue  # not changed by hand: the wizard's value stands
        current = live.get(key, _MISSING)
        if _containers(current, d):
            _merge(current, b, d, here, out, apply=apply)
            continue
        mine = _plain(current)
        if mine == b or mine == _plain(d):
            if apply:
                if d is _MISSING:
                    del live[key]
                else:
                    live[key] = d
            out.taken.append(here)
        else:
            out.conflicts.append(here)
    if apply:
        _carry_comments(live, disk)


def _merge_items(
    live: MutableSequence[Any],
    base: list[Any],
    disk: MutableSequence[Any],
    where: str,
    out: Merge,
    *,
    apply: bool,
) -> None:
    base_by_id = {str(x.get("id")): x for x in base if isinstance(x, dict)}
    live_by_id = {str(x.get("id")): x for x in live}
    for index, item in enumerate(disk):
        ref = str(item.get("id"))
        here = _path(where, index)
        if ref in live_by_id:
            _merge(live_by_id[ref], base_by_id.get(ref, {}), item, here, out, apply=apply)
        elif ref not in base_by_id:  # added by hand
            if apply:
                live.append(item)
            out.taken.append(here)
        elif plain(item) != base_by_id[ref]:  # changed by hand, deleted in the wizard
            out.conflicts.append(here)
    disk_ids = {str(x.get("id")) for x in disk}
    for ref, item in base_by_id.items():
        if ref in disk_ids or ref not in live_by_id:
            continue
        # Deleted by hand: deleted here too, unless the wizard changed it meanwhile.
        if plain(live_by_id[ref]) != item:
            out.conflicts.append(_path(where, ref))
            continue
        if apply:
            position = next(i for i, x in enumerate(live) if x is live_by_id[ref])
            del live[position]
        out.taken.append(_path(where, ref))


def _containers(live: Any, disk: Any) -> bool:
    if isinstance(live, MutableMapping) and isinstance(disk, MutableMapping):
        return True
    return (
        isinstance(live, MutableSequence)
        and isinstance(disk, MutableSequence)
        and _ids(live) is not None
        and _ids(disk) is not None
    )


def _ids(items: MutableSequence[Any]) -> list[str] | None:
    """The ids of a list of items with an id each (None for any other list)."""
    if isinstance(items, str) or not items:
        return [] if not isinstance(items, str) else None
    if not all(isinstance(x, MutableMapping) and x.get("id") is not None for x in items):
        return None
    return [str(x.get("id")) for x in items]


def _carry_comments(live: Any, disk: Any) -> None:
    """The comments written by hand on a mapping's keys, onto the wizard's mapping."""
    source = getattr(disk, "ca", None)
    target = getattr(live, "ca", None)
    if source is None or target is None:
        return
    for key, tokens in source.items.items():
        if key in live:
            target.items[key] = tokens
    if source.comment is not None:
        target.comment = source.comment
