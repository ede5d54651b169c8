"""The fuzz harness, bounded: mutants of the examples through ``plan render`` and ``plan diff``.

Each case is one mutant, made from a fixed seed and its number (the same mutants on every
run and machine): one to three changes to an example (a value replaced by a hostile one, a
key dropped, a list item repeated, two values swapped), sometimes a change to the text
itself (a line dropped or repeated, an escaped lone surrogate). The rule checked is the
issue's: whatever validates, renders (exit 0 and a document; ``plan diff`` against the
example works too); whatever does not is exit 1 or 3 with ``file:line:col``; never a
traceback (the ``cli`` fixture lets a crash propagate).

The count scales with the hypothesis profile (``examples(N)``): a few hundred in CI, ten
times as many with ``HYPOTHESIS_PROFILE=long``. Most mutants come from the two short
examples, which render fastest; the documents are docx without the index pass.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from incas_cli.io import dump_yaml, load_yaml, new_document_data
from tests.conftest import Cli
from tests.helpers import EXAMPLES
from tests.strategies import examples

SEED = 18
CASES = examples(300)

#: Examples and how often each is the mutant's base (the long ones render slowly).
BASES = (("breve", 9), ("bozza-iniziale", 9), ("saluzzo", 1), ("siracusa", 1))

HOSTILE: tuple[Any, ...] = (
    0,
    -1,
    10**15 - 1,
    10**25,
    2**63,
    Decimal("0.1"),
    Decimal("1E+25"),
    Decimal("12345678901234567890123456.5"),
    Decimal("-0.0"),
    1e-30,
    "",
    " ",
    "1e25",
    "12345678901234567890123456789",
    "0000-01",
    "0000-12",
    "9999-12",
    "2025-13",
    "2023-02-30",
    "2024-02-29",
    "x" * 300,
    "Comune " * 50,
    "🌾" * 12,
    "{{ x }}",
    "{% if %}",
    "<w:p>&amp;",
    "a\nb",
    "NaN",
    "inf",
    "-5",
    "null",
    None,
    True,
    [],
    {},
    ["comune"],
    {"a": 1},
    dt.date(1, 1, 1),
    dt.date(2023, 2, 28),
)

#: Values of the same kind as the one they replace, so that more mutants stay valid.
SAME_KIND: dict[type, tuple[Any, ...]] = {
    str: tuple(v for v in HOSTILE if isinstance(v, str)),
    int: tuple(v for v in HOSTILE if isinstance(v, int | Decimal) and not isinstance(v, bool)),
    Decimal: tuple(v for v in HOSTILE if isinstance(v, int | Decimal) and not isinstance(v, bool)),
}

POSITION = re.compile(r"piano\.yaml:\d+:\d+:")


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every value (containers included, the root excluded)."""
    found: list[tuple[Any, ...]] = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_leaves(value, (*path, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_leaves(value, (*path, i)))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    node = data
    for part in path[:-1]:
        node = node[part]
    return node


def _mutate_data(data: Any, rng: random.Random) -> None:
    paths = _leaves(data)
    kind = rng.choice(("replace", "replace", "replace", "drop", "repeat", "swap"))
    path = rng.choice(paths)
    parent = _parent(data, path)
    if kind == "replace":
        kin = SAME_KIND.get(type(parent[path[-1]]))
        pool = kin if kin and rng.random() < 0.7 else HOSTILE
        parent[path[-1]] = copy.deepcopy(rng.choice(pool))
    elif kind == "drop":
        del parent[path[-1]]
    elif kind == "repeat":
        lists = [p for p in paths if isinstance(_parent(data, p)[p[-1]], list)]
        if lists:
            items = _parent(data, target := rng.choice(lists))[target[-1]]
            if items:
                items.append(copy.deepcopy(rng.choice(items)))
    else:
        other = rng.choice(paths)
        if other[: len(path)] != path and path[: len(other)] != other:
            a, b = _parent(data, path), _parent(data, other)
            a[path[-1]], b[other[-1]] = b[other[-1]], a[path[-1]]


def _mutate_text(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    kind = rng.choice(("drop", "repeat", "surrogate"))
    i = rng.randrange(len(lines))
    if kind == "drop":
        del lines[i]
    elif kind == "repeat":
        lines.insert(i, lines[i])
    else:
        quoted = [n for n, line in enumerate(lines) if re.search(r": \S", line)]
        n = rng.choice(quoted)
        key, _, _ = lines[n].partition(": ")
        lines[n] = f'{key}: "testo \\uD800"\n'
    return "".join(lines)


def mutant(case: int) -> tuple[str, str]:
    """The example a case starts from and the mutant's text (same case, same text)."""
    rng = random.Random(SEED * 1_000_003 + case)
    names = [name for name, _ in BASES]
    base = rng.choices(names, weights=[w for _, w in BASES])[0]
    data = copy.deepcopy(load_yaml(EXAMPLES / f"{base}.yaml").plain())
    for _ in range(rng.choices((1, 2, 3), weights=(6, 3, 1))[0]):
        _mutate_data(data, rng)
    text = dump_yaml(new_document_data(copy.deepcopy(data)))  # no shared nodes: no anchors
    if rng.random() < 0.1:
        text = _mutate_text(text, rng)
    return base, text


@pytest.mark.slow
@pytest.mark.parametrize("case", range(CASES))
def test_mutant_renders_or_is_refused_with_a_position(cli: Cli, tmp_path: Path, case: int) -> None:
    base, text = mutant(case)
    (tmp_path / "piano.yaml").write_text(text, encoding="utf-8")
    rendered = cli("plan", "render", "piano.yaml", "--no-toc-update", cwd=tmp_path)
    context = f"case {case} (from {base}):\n{rendered.output}\n--- piano.yaml ---\n{text}"
    assert rendered.exit_code in (0, 1, 3), context
    if rendered.exit_code == 0:
        assert (tmp_path / "piano.docx").stat().st_size > 0, context
        compared = cli("plan", "diff", str(EXAMPLES / f"{base}.yaml"), "piano.yaml", cwd=tmp_path)
        assert compared.exit_code == 0, f"{context}\n--- diff ---\n{compared.output}"
    else:
        assert POSITION.search(rendered.output), context
