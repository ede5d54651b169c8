"""Editing the plan's YAML tree in place, so that the user's comments and key order survive.

The wizard works on the round-trip tree that :mod:`incas_cli.io` loads (or builds with
:func:`~incas_cli.io.new_document_data`). Existing keys keep their place and their
comments; a new key goes where the v1 format puts it (the order of the model's fields),
after the keys that precede it; new sub-trees are built by ``io`` so that multi-line text
becomes a literal block.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, MutableSequence
from typing import Any

from pydantic import BaseModel

from incas_cli.io import YamlDocument, new_document_data


def key_of(model: type[BaseModel], field: str) -> str:
    """The key of ``field`` in the file (its alias, e.g. ``from`` for ``from_``)."""
    info = model.model_fields[field]
    return info.alias or field


def keys_of(model: type[BaseModel]) -> list[str]:
    """The model's keys in the v1 order."""
    return [info.alias or name for name, info in model.model_fields.items()]


def to_tree(value: Any) -> Any:
    """A plain value as a node of the round-trip tree."""
    if isinstance(value, Mapping | list | tuple | str):
        return new_document_data({"v": value})["v"]
    return value


def put(target: MutableMapping[str, Any], key: str, value: Any, order: list[str]) -> None:
    """Set ``key``; a new key goes after the existing keys that come before it in ``order``."""
    node = to_tree(value)
    if key in target or key not in order or not hasattr(target, "insert"):
        target[key] = node
        return
    rank = order.index(key)
    position = 0
    for index, existing in enumerate(target):
        if existing in order and order.index(existing) < rank:
            position = index + 1
    target.insert(position, key, node)


def drop(target: MutableMapping[str, Any], key: str) -> None:
    """Remove ``key`` if present."""
    if key in target:
        del target[key]


def new_map() -> MutableMapping[str, Any]:
    """An empty mapping node."""
    tree: MutableMapping[str, Any] = new_document_data({})
    return tree


def child_map(
    parent: MutableMapping[str, Any], key: str, order: list[str]
) -> MutableMapping[str, Any]:
    """The mapping at ``parent[key]``, created (empty, in its place) when absent or not a map."""
    node = parent.get(key)
    if not isinstance(node, MutableMapping):
        put(parent, key, {}, order)
        node = parent[key]
    assert isinstance(node, MutableMapping)
    return node


def child_list(
    parent: MutableMapping[str, Any], key: str, order: list[str]
) -> MutableSequence[Any]:
    """The list at ``parent[key]``, created (empty, in its place) when absent or not a list."""
    node = parent.get(key)
    if not isinstance(node, MutableSequence) or isinstance(node, str):
        put(parent, key, [], order)
        node = parent[key]
    assert isinstance(node, MutableSequence)
    return node


def plain(tree: Any) -> Any:
    """A plain-Python copy (dicts, lists, str, int, Decimal...) as the checks expect."""
    return YamlDocument(name="", text="", data=tree).plain()


def answered(value: Any) -> Any:
    """``value`` without its empty parts (``{}``, ``[]``, ``None``, nested): what the
    user has answered, whatever mappings the questions opened on the way."""
    if isinstance(value, Mapping):
        kept = {k: answered(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, {}, [])}
    if isinstance(value, list | tuple):
        items = [answered(v) for v in value]
        return [v for v in items if v not in (None, {}, [])]
    return value
