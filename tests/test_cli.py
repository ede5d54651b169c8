"""The command line as a whole: help everywhere, documented, version, module entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from incas_cli import __version__
from incas_cli.cli import app
from tests.conftest import Cli
from tests.helpers import minimal_plan, write_plan

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, cmd in sorted(getattr(group, "commands", {}).items()):
        path = (*prefix, name)
        out.append(path)
        out += _commands(cmd, path)
    return out


COMMANDS = _commands(typer.main.get_command(app))


def test_command_tree_has_the_main_commands() -> None:
    names = {" ".join(c) for c in COMMANDS}
    assert {"plan", "plan validate", "schema", "catalog", "catalog actions"} <= names


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_italian_help(cli: Cli, command: tuple[str, ...]) -> None:
    result = cli(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "Opzioni" in result.output or "Comandi" in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_is_documented_in_the_readme(command: tuple[str, ...]) -> None:
    top = " ".join(command[:2])
    assert f"incas {top}" in README, f"README non cita «incas {top}»"


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"incas {__version__}"


def test_python_dash_m_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "incas_cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"incas {__version__}"


def test_usage_error_exits_2(cli: Cli) -> None:
    result = cli("plan", "validate", "--bogus")
    assert result.exit_code == 2


def test_no_color_gives_plain_output(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "incas_cli", "plan", "validate", str(tmp_path / "manca.yaml")],
        capture_output=True,
        text=True,
        check=False,
        env={"NO_COLOR": "1", "FORCE_COLOR": "", "PATH": "/usr/bin:/bin", "TERM": "xterm"},
    )
    assert result.returncode == 1
    assert "\x1b[" not in result.stdout + result.stderr
    assert "errore" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["plan", "validate", "--foo"], "errore: opzione sconosciuta: --foo"),
        (["plan", "frobnicate"], "errore: comando sconosciuto: «frobnicate»"),
        (["plan", "validate"], "errore: manca l'argomento"),
        (
            ["catalog", "measures", "--action", "abc"],
            "errore: valore non valido per --action: serve un numero intero",
        ),
    ],
)
def test_usage_errors_are_italian(args: list[str], expected: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "incas_cli", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Uso: incas" in result.stderr
    assert "--help» mostra l'uso del comando" in result.stderr
    for english in ("Usage:", "No such", "Missing", "Try ", "Invalid value"):
        assert english not in result.stderr


def test_help_screens_have_no_english_boilerplate(cli: Cli) -> None:
    result = cli("plan", "validate", "--help")
    assert "Mostra questo aiuto ed esce." in result.output
    assert "Uso: incas plan validate [OPZIONI] FILE..." in result.output
    for english in ("Show this message", "Usage:", "[OPTIONS]", "<bool>", "{", "files"):
        assert english not in result.output
    for group in ([], ["plan"], ["catalog"]):
        screen = cli(*group, "--help").output
        assert "[OPZIONI] COMANDO [ARGOMENTI]..." in screen
        assert "COMMAND" not in screen


def test_plan_edit_of_a_broken_file_counts_its_errors_in_good_italian(
    cli: Cli, tmp_path: Path
) -> None:
    """One structural error is «1 errore di struttura» (was «1 errori»)."""
    data = minimal_plan()
    data["plan"]["status"] = "adottata"
    write_plan(tmp_path / "piano.yaml", data)
    result = cli("plan", "edit", "piano.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert "il file non è ancora un piano leggibile: 1 errore di struttura" in result.stderr
