"""Property-based tests of the loader and the checks."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incas_cli.checks import check_data, check_document
from incas_cli.errors import InputError
from incas_cli.io import dump_yaml, load_yaml, new_document_data, parse_yaml
from tests.helpers import EXAMPLES
from tests.strategies import examples, valid_plans

SETTINGS = settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(valid_plans())
def test_valid_plan_round_trips_through_dump_and_load(data: dict[str, Any]) -> None:
    plan, findings = check_data(data)
    assert plan is not None, findings
    assert not [f for f in findings if f.blocking]
    text = dump_yaml(new_document_data(data))
    doc = parse_yaml(text, "piano.yaml")
    again, findings_again = check_data(doc.plain())
    assert again == plan
    assert [f.code for f in findings_again] == [f.code for f in findings]


_SALUZZO = load_yaml(EXAMPLES / "saluzzo.yaml").plain()

# Values a user might put anywhere by mistake.
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.text(max_size=10),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


_ALL_PATHS = _paths(_SALUZZO)


@SETTINGS
@given(
    st.lists(st.tuples(st.sampled_from(_ALL_PATHS), junk, st.booleans()), min_size=1, max_size=4)
)
def test_any_mutation_gives_findings_not_exceptions(
    edits: list[tuple[tuple[Any, ...], Any, bool]],
) -> None:
    data = copy.deepcopy(_SALUZZO)
    for path, value, delete in edits:
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            if delete:
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced this branch
    plan, findings = check_data(data)
    assert plan is not None or findings
    for f in findings:
        assert f.message and f.code.isupper()


_TEXT = (EXAMPLES / "saluzzo.yaml").read_text(encoding="utf-8")


@pytest.mark.slow
@SETTINGS
@given(st.integers(0, len(_TEXT) - 1), st.integers(0, 30), st.text(max_size=5))
def test_any_text_edit_gives_a_message_not_a_traceback(at: int, cut: int, insert: str) -> None:
    text = _TEXT[:at] + insert + _TEXT[at + cut :]
    try:
        doc = parse_yaml(text, "piano.yaml")
    except InputError as err:
        assert err.message
        return
    result = check_document(doc)
    for f in result.findings:
        assert f.line is not None and f.line >= 1
