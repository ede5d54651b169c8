"""Small things the wizard says and asks: the sections reported after Ctrl-C, counted
nouns in agreement, the months of a seasonal measure (scripted, through the CLI)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from incas_cli.io import load_yaml
from incas_cli.wizard.scripted import CTRL_C, ScriptedPrompter
from tests.conftest import Cli


def _answer_with(monkeypatch: pytest.MonkeyPatch, steps: list[Any]) -> None:
    import incas_cli.cli.wizard as command
    import incas_cli.wizard.questionary_prompter as terminal

    monkeypatch.setattr(terminal, "QuestionaryPrompter", lambda: ScriptedPrompter(steps))
    monkeypatch.setattr(command, "require_terminal", lambda: None)


def _done_line(output: str) -> str:
    return next(line for line in output.splitlines() if "già complete" in line)


# --- Ctrl-C: only the sections answered are "già complete" ------------------------------


def test_ctrl_c_after_the_comune_lists_only_the_comune(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "piano.yaml"
    _answer_with(
        monkeypatch,
        [["procedere", "rapido"], ["Comune", "Lagnasco"], ["Inizio del periodo", CTRL_C]],
    )
    result = cli("plan", "new", str(target))
    assert result.exit_code == 130
    # Relations and the participatory path were never asked: their empty lists have no
    # open field, but they are not complete.
    assert _done_line(result.output) == "Sezioni già complete: Comune."
    assert "Sezione in corso: Periodo e stato" in result.output
    assert load_yaml(target).plain()["comune"]["istat_code"] == "004104"

    # plan edit of that file, interrupted after the period: Comune and Periodo only.
    _answer_with(
        monkeypatch,
        [
            ["Inizio del periodo", "2025-01"],
            ["Fine del periodo", "2027-12"],
            ["Descrizione del territorio", CTRL_C],
        ],
    )
    edited = cli("plan", "edit", str(target))
    assert edited.exit_code == 130
    assert _done_line(edited.output) == "Sezioni già complete: Comune, Periodo e stato."
