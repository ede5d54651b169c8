"""The fast reader against the round-trip reader: same data, same positions, same errors.

``read_yaml`` (libyaml, for files only read) must be indistinguishable from ``load_yaml``
(ruamel, for files edited) through ``YamlDocument.plain()``, ``YamlDocument.position()``
and the ``InputError`` raised.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incas_cli.errors import InputError
from incas_cli.io import fast, parse_yaml, read_yaml, read_yaml_text
from tests.strategies import examples, valid_plans

REPO = Path(__file__).resolve().parent.parent
YAML_FILES = sorted(
    [*(REPO / "examples").glob("*.yaml"), *(REPO / "tests").rglob("*.yaml")],
    key=lambda p: str(p),
)

pytestmark = pytest.mark.skipif(not fast.AVAILABLE, reason="PyYAML without libyaml")


def _locations(data: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [loc]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _locations(value, (*loc, key))
            found.append((*loc, key, "missing"))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _locations(value, (*loc, index))
        found.append((*loc, len(data)))
    return found


def _outcome(read: Any, text: str) -> tuple[str, Any]:
    """What a reader makes of ``text``: its error, or its data and every position."""
    try:
        doc = read(text, "piano.yaml")
    except InputError as err:
        return "error", (str(err), err.hint, err.line, err.column)
    data = doc.plain()
    positions = [
        (repr(loc), key, doc.position(loc, key=key))  # repr: a NaN key is not equal to itself
        for loc in _locations(data)
        for key in (False, True)
    ]
    # repr tells Decimal("1.50") from Decimal("1.5"), and 1 from True; an object without a
    # value repr (ruamel 0.16's TaggedScalar for YAML 1.1's «=») is compared without its address
    return "data", (re.sub(r" at 0x[0-9a-f]+", "", repr(data)), positions)


def assert_same(text: str) -> None:
    assert _outcome(read_yaml_text, text) == _outcome(parse_yaml, text), text


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_every_yaml_file_of_the_repository_reads_the_same(path: Path) -> None:
    assert_same(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted((REPO / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_the_examples_are_read_by_libyaml_not_by_ruamel(path: Path) -> None:
    assert read_yaml(path).marks is not None


SCALARS = [
    # YAML 1.1 booleans are text in YAML 1.2
    *("yes", "no", "NO", "No", "on", "off", "ON", "y", "n", "Y", "N"),
    *("true", "True", "TRUE", "false", "False", "FALSE", "tRUE"),
    *("null", "Null", "NULL", "~", "", "nULL"),
    # numbers in every form YAML 1.2 (and ruamel) knows
    *("0", "12", "-3", "+3", "-0", "007", "010", "0o10", "0o8", "0x1F", "0b101", "1_000"),
    *("1.50", "60.000", "-1.50", "0.1", "1.", ".5", "1e3", "1.5e3", "1.5E-3", "+1.5"),
    *(".inf", "-.inf", ".NaN", ".nan", "1_000.5", "123456789012345678901234567890"),
    *("0.30000000000000004441", "12345678901234567890.12345678901234567890"),
    "9" * 5000,
    # dates and months
    *("2024-05-10", "2024-5-1", "2024-02-30", "2024-01", "2024-13-01", "0000-01-01"),
    *("2024-05-10T10:00:00", "2024-05-10 10:00:00.5 +01:00", "2024-05-10t10:00:00Z"),
    # other implicit types, and text that looks like them
    *("<<", "=", "1.2.3", "M1", "N-1", "v1.0", "1 000", "€ 1.000,50", "- x", "12 mesi"),
    *("'quoted'", '"double"', '"1.50"', "'2024-05-10'", '"yes"', "|", ">"),
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_read_the_same_as_values_keys_and_items(scalar: str) -> None:
    assert_same(f"schema_version: 1\nvalue: {scalar}\n")
    assert_same(f"{scalar}: x\nother: 1\n")
    assert_same(f"list:\n  - {scalar}\n  - {scalar}\n")
    assert_same(f"flow: [{scalar}, {{k: {scalar}}}]\n")


def test_the_yaml_1_2_meanings_read_by_libyaml() -> None:
    doc = read_yaml_text(
        "province: NO\nok: yes\nflag: true\namount: 60.000\nprice: 1.50\nn: 12\n"
        "date: 2024-05-10\nmonth: 2024-01\nempty:\nnone: ~\n",
        "piano.yaml",
    )
    assert doc.marks is not None
    assert doc.plain() == {
        "province": "NO",
        "ok": "yes",
        "flag": True,
        "amount": Decimal("60.000"),
        "price": Decimal("1.50"),
        "n": 12,
        "date": datetime.date(2024, 5, 10),
        "month": "2024-01",
        "empty": None,
        "none": None,
    }
    assert str(doc.plain()["amount"]) == "60.000"


HOSTILE = [
    "a: &x 1\nb: *x\n",
    "a: &x 1\n",
    "a: !!str 1\n",
    "a: !custom x\n",
    "? [a, b]\n: c\n",
    "a: 1\na: 2\n",
    "1: a\ntrue: b\n",
    "<<: {a: 1}\n",
    "%YAML 1.1\n---\na: 1\n",
    "%YAML 1.2\n---\na: 1\n",
    "%TAG !e! tag:example.com,2000:\n---\na: 1\n",
    "---\na: 1\n",
    "a: 1\n...\n",
    "a: 1\n---\nb: 2\n",
    "[" * 70 + "]" * 70,
    "a:" + " [" * 63 + " 1" + "]" * 63 + "\n",
    "a:" + " [" * 64 + " 1" + "]" * 64 + "\n",
    "- a\n- b\n",
    "just text\n",
    "",
    "# only a comment\n",
    "a: 'unclosed\n",
    "a: [1, 2\n",
    "a:\n\t- b\n",
    "a: b\n  c: d\n",
    "a: x\x85b: y\n",
    "a: x\u2028b\n",
    "a: x\ufeffy\n",
    "a: \x07\n",
    'a: "\\/ and \\x41 and \\u00e8 and \\N \\_ \\L \\P"\n',
    "a: |\n  one\n\n  two\n   three\n",
    "a: >\n  one\n  two\n\n  three\n   more\n",
    "a: >-\n  folded\n",
    "a: |+\n  kept\n\n",
    "a:    spaced   \nb:\tc\n",
    "a: x # comment\n# c\nb: [1, 2] # c\n",
    "key with spaces: 1\n'quoted key': 2\n\"k\": 3\n",
    "a:\n- 1\n- 2\nb: {}\nc: []\n",
    "a: {b: , c: }\n",
    "a: - b\n",
    "a: b: c\n",
    "a: @b\n",
    "a: `b\n",
    "a: '' \nb: \"\"\n",
    "a: x\r\nb: y\r\n",
    "a: x\rb: y\r",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_and_rare_inputs_read_the_same(text: str) -> None:
    assert_same(text)


_plain_scalar = st.one_of(
    st.sampled_from(SCALARS),
    st.integers(-(10**12), 10**12).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.text(st.characters(codec="utf-8"), max_size=12),
)


@st.composite
def _yaml_texts(draw: st.DrawFn, depth: int = 0) -> str:
    """A block mapping of generated keys and values, in every style of scalar."""
    lines = []
    indent = "  " * depth
    for _ in range(draw(st.integers(1, 4))):
        key = draw(_plain_scalar)
        kind = draw(st.sampled_from(["plain", "single", "double", "map", "list", "flow"]))
        if kind == "map" and depth < 3:
            lines.append(f"{indent}{key}:\n{draw(_yaml_texts(depth + 1))}")
            continue
        value = draw(_plain_scalar)
        if kind == "single":
            value = "'" + value.replace("'", "''") + "'"
        elif kind == "double":
            value = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        elif kind == "list":
            lines.append(f"{indent}{key}:\n{indent}  - {value}\n{indent}  - {value}")
            continue
        elif kind == "flow":
            value = f"[{value}, {{x: {value}}}]"
        lines.append(f"{indent}{key}: {value}")
    return "\n".join(lines) + "\n"


@settings(
    max_examples=examples(300),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(_yaml_texts())
def test_generated_yaml_reads_the_same(text: str) -> None:
    assert_same(text)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(st.sampled_from(list("ab:-#[]{},'\"&*!|>?% \t\n.01~yn")), max_size=60))
def test_yaml_punctuation_reads_the_same(text: str) -> None:
    assert_same(text)


@settings(max_examples=examples(50), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans())
def test_generated_plans_dumped_as_the_wizard_writes_them_read_the_same(
    plan: dict[str, Any],
) -> None:
    from incas_cli.io import dump_yaml, new_document_data

    assert_same(dump_yaml(new_document_data(plan)))
