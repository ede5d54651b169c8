"""Writing plan data back as YAML: round-trip dump and plain data as a ruamel tree."""

from __future__ import annotations

import datetime
import enum
import io
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

# ruamel is imported when a file is written: reading goes through the fast reader.
if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.representer import RoundTripRepresenter

_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_STR_TAG = "tag:yaml.org,2002:str"
# NEL: ruamel's emitter writes it raw in a quoted scalar, and its reader folds it as a line
# break, so "a\x85b" would come back as "a b". Double quotes escape it as "\N".
_NEL = "\x85"


def _represent_decimal(representer: RoundTripRepresenter, value: Decimal) -> Any:
    if value.is_nan():
        return representer.represent_scalar(_FLOAT_TAG, ".nan")
    if value.is_infinite():
        return representer.represent_scalar(_FLOAT_TAG, ".inf" if value > 0 else "-.inf")
    text = format(value, "f")
    return representer.represent_scalar(_FLOAT_TAG if "." in text else _INT_TAG, text)


# Plain scalars that a YAML 1.1 reader (PyYAML, many other tools) takes for something else
# than text: booleans (NO, on, y), sexagesimal and octal numbers (1:20, 010), floats without
# the 1.2 forms (1_000.5), timestamps, null, merge and value keys. YAML 1.2, which incas
# reads, takes them as text; they are quoted anyway, so that every reader agrees.
_YAML11_NOT_TEXT = re.compile(
    r"""^(?:
        y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
      | ~|null|Null|NULL
      | [-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
      | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
      | [-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?
      | [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
      | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
      | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
      | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9].*)?
      | <<|=
    )$""",
    re.VERBOSE,
)


def misread_by_yaml11(text: str) -> bool:
    """True for text that a YAML 1.1 reader would not read back as text if left plain."""
    return bool(_YAML11_NOT_TEXT.match(text))


def _represent_str(representer: RoundTripRepresenter, value: str) -> Any:
    if _NEL in value:
        return representer.represent_scalar(_STR_TAG, value, style='"')
    if misread_by_yaml11(value):
        return representer.represent_scalar(_STR_TAG, value, style="'")
    return representer.represent_str(value)


def _represent_none(representer: RoundTripRepresenter, value: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "")


def _dumper() -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 1_000_000
    yaml.allow_unicode = True
    yaml.representer.add_representer(Decimal, _represent_decimal)
    yaml.representer.add_representer(str, _represent_str)
    # a plan file refuses anchors and aliases: the same object twice (one Decimal amount
    # copied into two rows) is written twice, never as «&id001» and «*id001»
    yaml.representer.ignore_aliases = lambda data: True
    # ruamel writes an empty value for None only once it has recorded an object, which
    # ignoring aliases stops: say it directly (a plan file's open field reads «office:»)
    yaml.representer.add_representer(type(None), _represent_none)
    return yaml


def dump_yaml(data: Any) -> str:
    """Round-trip dump: comments and key order kept, block style, 2-space indent.

    Lists are indented under their key, unicode is written as is, long text is never
    wrapped, dates are ``YYYY-MM-DD`` and ``Decimal`` amounts keep their digits.
    """
    stream = io.StringIO()
    _dumper().dump(data, stream)
    return stream.getvalue()


def new_document_data(plain: Mapping[str, Any]) -> Any:
    """A plain dict (e.g. a model dump) as a ruamel tree ready for :func:`dump_yaml`.

    Enums become their values, tuples become lists and multi-line text becomes a literal
    block (``|``) so that paragraphs stay readable in the file.
    """
    return _to_tree(plain)


def _to_tree(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, Mapping):
        tree = CommentedMap()
        for key, item in value.items():
            tree[_to_tree(key)] = _to_tree(item)
        return tree
    if isinstance(value, list | tuple):
        return CommentedSeq(_to_tree(item) for item in value)
    if isinstance(value, str):
        text = str(value)
        if "\n" in text and all(line.isprintable() for line in text.split("\n")):
            return LiteralScalarString(text)
        return text
    if value is None or isinstance(value, bool | int | float | Decimal | datetime.date):
        return value
    raise TypeError(f"cannot write {type(value).__name__} to YAML")
