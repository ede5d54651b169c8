"""typer's own output in Italian: usage errors with suggestions, usage lines, help; and
the i18n hook never loads ``typer.rich_utils`` for a command that succeeds."""

from __future__ import annotations

import subprocess
import sys

import pytest

from incas_cli.cli._i18n import translate_usage_error
from tests.conftest import Cli
from tests.helpers import EXAMPLES

ENGLISH = (
    "Usage:",
    "No such",
    "Did you mean",
    "Possible options",
    "Missing",
    "Invalid value",
    "Input should",
    "option '",
    "Got unexpected",
    "requires an argument",
    "does not take a value",
    "Try ",
    "Error",
)


@pytest.mark.parametrize(
    ("args", "usage", "expected"),
    [
        (
            ["plan", "valdate"],
            "Uso: incas plan [OPZIONI] COMANDO [ARGOMENTI]...",
            "errore: comando sconosciuto: «valdate» (forse intendevi «validate»?)",
        ),
        (["plan", "frobnicate"], "Uso: incas plan", "errore: comando sconosciuto: «frobnicate»\n"),
        (
            ["catlog"],
            "Uso: incas [OPZIONI] COMANDO [ARGOMENTI]...",
            "errore: comando sconosciuto: «catlog» (forse intendevi «catalog»?)",
        ),
        (
            ["plan", "validate", "--jsn", "x.yaml"],
            "Uso: incas plan validate [OPZIONI] FILE...",
            "errore: opzione sconosciuta: --jsn (forse intendevi «--json»?)",
        ),
        (
            ["plan", "validate", "--zzz", "x.yaml"],
            "Uso: incas plan validate [OPZIONI] FILE...",
            "errore: opzione sconosciuta: --zzz\n",
        ),
        (
            ["plan", "validate"],
            "Uso: incas plan validate [OPZIONI] FILE...",
            "errore: manca l'argomento FILE\n",
        ),
        (
            ["plan", "diff", "a.yaml"],
            "Uso: incas plan diff [OPZIONI] VECCHIO NUOVO",
            "errore: manca l'argomento NUOVO",
        ),
        (
            ["catalog", "measures", "--action", "abc"],
            "Uso: incas catalog measures [OPZIONI]",
            "errore: valore non valido per --action: serve un numero intero",
        ),
        (
            ["schema", "uno", "due"],
            "Uso: incas schema [OPZIONI]",
            "errore: argomenti in più non previsti: uno due",
        ),
        (
            ["plan", "build", "x.yaml", "-o", "out", "--jobs", "x"],
            "Uso: incas plan build [OPZIONI] FILE...",
            "errore: valore non valido per --jobs (-j): serve un numero intero",
        ),
        (
            ["plan", "build", "x.yaml", "-o", "out", "--jobs", "0"],
            "Uso: incas plan build [OPZIONI] FILE...",
            "errore: valore non valido per --jobs (-j): serve un valore da 1 in su",
        ),
        (
            ["plan", "init", "x.yaml"],
            "Uso: incas plan init [OPZIONI] FILE",
            "errore: manca l'opzione --comune (-c)",
        ),
        (
            ["plan", "build", "x.yaml"],
            "Uso: incas plan build [OPZIONI] FILE...",
            "errore: manca l'opzione --output (-o)",
        ),
        (["schema", "--output"], None, "errore: l'opzione --output richiede un valore"),
        (
            ["plan", "validate", "x.yaml", "--final=si"],
            None,
            "errore: l'opzione --final non accetta valori",
        ),
    ],
)
def test_usage_errors_are_italian(
    cli: Cli, args: list[str], usage: str | None, expected: str
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert expected in result.output
    if usage is not None:
        assert usage in result.output
    assert "--help» mostra l'uso del comando" in result.output
    for english in ENGLISH:
        assert english not in result.output


@pytest.mark.parametrize(
    ("message", "italian"),
    [
        (
            "No such command 'x'. Did you mean 'status', 'validate'?",
            "comando sconosciuto: «x» (forse intendevi «status», «validate»?)",
        ),
        (
            "No such option: --fo (Possible options: --final, --force)",
            "opzione sconosciuta: --fo (forse intendevi «--final», «--force»?)",
        ),
        ("Got unexpected extra argument (a)", "argomenti in più non previsti: a"),
        ("Option '--output' requires 2 arguments.", "l'opzione --output richiede più valori"),
        ("Something new", "uso non valido del comando: Something new"),
    ],
)
def test_translate_usage_error(message: str, italian: str) -> None:
    assert translate_usage_error(message) == italian


def test_a_command_that_succeeds_does_not_load_typer_rich_utils() -> None:
    code = (
        "import sys\n"
        "from incas_cli.cli import app\n"
        "try:\n"
        f"    app(['plan', 'validate', {str(EXAMPLES / 'saluzzo.yaml')!r}], prog_name='incas')\n"
        "except SystemExit as exit:\n"
        "    print('exit', exit.code, 'typer.rich_utils' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip().splitlines()[-1] == "exit 0 False", result.stderr


def test_help_and_errors_load_and_patch_it_in_a_fresh_process() -> None:
    for args, marker in ((["--help"], "Comandi"), (["plan", "valdate"], "forse intendevi")):
        result = subprocess.run(
            [sys.executable, "-m", "incas_cli", *args],
            capture_output=True,
            text=True,
            check=False,
            env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "COLUMNS": "100"},
        )
        assert marker in result.stdout + result.stderr
        assert "Usage" not in result.stdout + result.stderr


def test_typer_rich_utils_loaded_before_incas_is_patched_too() -> None:
    code = (
        "import typer.rich_utils\n"
        "from incas_cli.cli import app\n"
        "app(['plan', 'valdate'], prog_name='incas')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2
    assert "comando sconosciuto: «valdate» (forse intendevi «validate»?)" in result.stderr
