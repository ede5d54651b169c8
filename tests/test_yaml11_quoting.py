"""What incas writes reads back as text in YAML 1.1 readers too (PyYAML and many tools).

incas reads YAML 1.2, where ``NO`` and ``on`` are text; a YAML 1.1 reader takes them for
booleans, ``010`` for an octal number, ``1:20`` for a sexagesimal one. Plan files are
shared with other tools, so incas quotes such text when it writes a file: ``plan init``'s
draft and every save of the wizard go through :func:`incas_cli.io.dump_yaml`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from incas_cli.io import dump_yaml
from incas_cli.scaffold.template import yaml_flow_list
from tests.conftest import Cli
from tests.strategies import examples

TRICKY = [
    "NO", "no", "No", "yes", "Yes", "on", "off", "OFF", "y", "Y", "n", "N", "true", "False",
    "010", "0o10", "0x1F", "0b101", "1_000", "1e3", "1.5e3", ".5", "1:20", "190:20:30.15",
    "2024-05-10", "2024-5-1", "2024-05-10 10:00:00", "~", "null", "NULL", ".inf", "-.inf",
    ".nan", "<<", "=", "+1", "-0", "12",
]  # fmt: skip


def _read_as_yaml11(text: str) -> object:
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 1)
    return yaml.load(text)


@pytest.mark.parametrize("value", TRICKY)
def test_tricky_text_is_text_for_a_yaml_11_reader(value: str) -> None:
    written = dump_yaml({"v": value, "l": [value]})
    assert _read_as_yaml11(written) == {"v": value, "l": [value]}


@settings(max_examples=examples(300))
@given(st.text(alphabet="0123456789:._-+eEoxbnNyYsStTrRuUfFlLaA~<=", max_size=12))
def test_any_short_scalar_is_text_for_a_yaml_11_reader(value: str) -> None:
    written = dump_yaml({"v": value})
    assert _read_as_yaml11(written) == {"v": value}


def test_flow_lists_quote_them_too() -> None:
    text = "l: " + yaml_flow_list(["comune", "no", "010", "on"]) + "\n"
    assert _read_as_yaml11(text) == {"l": ["comune", "no", "010", "on"]}
    assert text == 'l: [comune, "no", "010", "on"]\n'


def test_plan_init_quotes_the_province_of_novara(cli: Cli, tmp_path: Path) -> None:
    result = cli("plan", "init", "piano.yaml", "--comune", "Novara", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "piano.yaml").read_text(encoding="utf-8")
    assert "  province: 'NO'" in text
    assert _read_as_yaml11(text)["comune"]["province"] == "NO"  # type: ignore[index]
