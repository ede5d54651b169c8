"""What a plan file must not contain: ruamel's composer and constructor with our rules.

A plan file is untrusted input: anchors and aliases (unbounded expansion), explicit tags
(object construction), merge keys, complex keys, duplicate keys and deep nesting are refused
with a position and an Italian message.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode

from incas_cli.io.document import _lc_data
from incas_cli.io.limits import MAX_DEPTH
from incas_cli.messages import io as msg

_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_INT_TAG = "tag:yaml.org,2002:int"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Refused(Exception):
    """Raised inside ruamel's machinery; turned into an InputError by ``parse_yaml``."""

    def __init__(self, message: str, hint: str, mark: Any, *, directive: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.mark = mark
        self.directive = directive  # directives have no mark of their own: find the line


class _PlanComposer(Composer):
    """ruamel's composer with the safety rules of plan files."""

    _incas_depth = 0

    def compose_document(self) -> Any:
        event = self.parser.peek_event()
        version = getattr(event, "version", None)
        if version is not None and tuple(version) != (1, 2):
            text = ".".join(str(v) for v in version)
            raise _Refused(
                msg.YAML_VERSION.format(version=text),
                msg.YAML_VERSION_HINT.format(version=text),
                event.start_mark,
                directive="%YAML",
            )
        return super().compose_document()

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent) or event.anchor is not None:
            raise _Refused(msg.ANCHOR, msg.ANCHOR_HINT, event.start_mark)
        if event.tag is not None:
            tag = str(event.tag)
            shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:") else tag
            raise _Refused(
                msg.TAG.format(tag=shown), msg.TAG_HINT.format(tag=shown), event.start_mark
            )
        if isinstance(event, ScalarEvent) and _SURROGATE.search(event.value):
            # an escaped half of a UTF-16 pair ("\uD800") is no character: no terminal,
            # JSON encoder or document can print it
            raise _Refused(msg.SURROGATE, msg.SURROGATE_HINT, event.start_mark)
        is_key = isinstance(parent, MappingNode) and index is None
        container = isinstance(event, MappingStartEvent | SequenceStartEvent)
        if is_key and not isinstance(event, ScalarEvent):
            raise _Refused(msg.COMPLEX_KEY, msg.COMPLEX_KEY_HINT, event.start_mark)
        if container:
            if self._incas_depth >= MAX_DEPTH:
                raise _Refused(
                    msg.TOO_DEEP.format(limit=MAX_DEPTH), msg.TOO_DEEP_HINT, event.start_mark
                )
            self._incas_depth += 1
        node = super().compose_node(parent, index)
        if container:
            self._incas_depth -= 1
        if isinstance(node, ScalarNode) and node.tag == _MERGE_TAG:
            raise _Refused(msg.MERGE_KEY, msg.MERGE_KEY_HINT, node.start_mark)
        return node


class _PlanConstructor(RoundTripConstructor):
    """Round-trip constructor whose failures carry a position and an Italian message."""

    def construct_non_recursive_object(self, node: Any, tag: str | None = None) -> Any:
        try:
            return super().construct_non_recursive_object(node, tag)
        except (ValueError, OverflowError) as exc:
            if node.tag == _TIMESTAMP_TAG and _DAY.match(str(node.value)):
                # 2023-02-30: a date-shaped text whose day does not exist. Read as text, so
                # that the plan's model reports it as a finding at its place (exit 3), with
                # the other problems of the file, instead of the file being unreadable.
                return str(node.value)
            raise _bad_value(node) from exc

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        if key in mapping:
            first = _lc_data(mapping).get(key)
            shown = msg.EMPTY_KEY if key is None else _short(str(key))
            if first is not None:
                text = msg.DUPLICATE_KEY.format(key=shown, line=first[0] + 1, column=first[1] + 1)
            else:
                text = msg.DUPLICATE_KEY_NO_POSITION.format(key=shown)
            raise _Refused(text, msg.DUPLICATE_KEY_HINT, key_node.start_mark)
        return True


def _bad_value(node: Node) -> _Refused:
    value = str(node.value) if isinstance(node, ScalarNode) else ""
    if node.tag == _TIMESTAMP_TAG:
        return _Refused(
            msg.BAD_DATE.format(value=_short(value)), msg.BAD_DATE_HINT, node.start_mark
        )
    if node.tag == _INT_TAG:
        digits = sum(ch.isdigit() for ch in value)
        return _Refused(
            msg.NUMBER_TOO_LONG.format(digits=digits), msg.NUMBER_TOO_LONG_HINT, node.start_mark
        )
    return _Refused(msg.BAD_VALUE.format(value=_short(value)), msg.BAD_VALUE_HINT, node.start_mark)


def _short(text: str, limit: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _loader() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Composer = _PlanComposer
    yaml.Constructor = _PlanConstructor
    yaml.preserve_quotes = True
    return yaml
