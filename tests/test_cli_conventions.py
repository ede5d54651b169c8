"""Conventions every command keeps (``incas_cli/cli/_options.py``).

Results on stdout, what a command says about its work on stderr; ``-`` is stdin for input
files and stdout for ``-o``; choices shown in help; English option names, the old ones
still read; shell completion; Italian messages for paths this system cannot use.
"""

from __future__ import annotations

import json
import re
import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.helpers import EXAMPLES

BREVE = EXAMPLES / "breve.yaml"
MONITOR = Path(__file__).parent / "data" / "monitor"
MONITOR_FILES = ("piano-lavello.yaml", "relazione-2024.yaml", "relazione-2025.yaml")


def _plan(folder: Path, name: str = "piano.yaml") -> Path:
    path = folder / name
    shutil.copyfile(BREVE, path)
    for monitoring in MONITOR_FILES:
        shutil.copyfile(MONITOR / monitoring, folder / monitoring)
    return path


# --- streams --------------------------------------------------------------------------------

WRITERS = {
    "plan init": ["plan", "init", "nuovo.yaml", "--comune", "Saluzzo"],
    "plan render": ["plan", "render", "piano.yaml", "-o", "piano.docx"],
    "template": ["template", "-o", "carta.docx"],
    "schema -o": ["schema", "-o", "plan.schema.json"],
    "plan diff --docx": ["plan", "diff", "piano.yaml", "piano.yaml", "--docx", "d.docx"],
    "monitor init": ["monitor", "init", "piano-lavello.yaml", "--period", "2026", "-o", "r.yaml"],
    "monitor report": [
        "monitor",
        "report",
        *MONITOR_FILES,
        "-o",
        "rel.docx",
        "--no-toc-update",
    ],
}


@pytest.mark.parametrize("args", WRITERS.values(), ids=list(WRITERS))
def test_a_written_file_is_told_on_stderr(cli: Cli, tmp_path: Path, args: list[str]) -> None:
    _plan(tmp_path)
    result = cli(*args, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    written = next(a for a in reversed(args) if "." in a)
    assert (tmp_path / written).exists()
    assert written in result.stderr
    if args[:2] != ["plan", "diff"]:  # diff prints its comparison (the result) as well
        assert result.stdout == ""


RESULTS = {
    "plan validate": ["plan", "validate", "piano.yaml"],
    "plan validate json": ["plan", "validate", "--output-format", "json", "piano.yaml"],
    "plan status": ["plan", "status", "piano.yaml"],
    "plan diff": ["plan", "diff", "piano.yaml", "piano.yaml"],
    "catalog actions": ["catalog", "actions"],
    "schema": ["schema"],
    "schema -o -": ["schema", "-o", "-"],
    "completion": ["completion", "bash"],
    "monitor validate": ["monitor", "validate", *MONITOR_FILES[1:]],
    "monitor status": ["monitor", "status", *MONITOR_FILES],
}


@pytest.mark.parametrize("args", RESULTS.values(), ids=list(RESULTS))
def test_a_result_goes_to_stdout_alone(cli: Cli, tmp_path: Path, args: list[str]) -> None:
    _plan(tmp_path)
    result = cli(*args, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    assert result.stderr == ""


# --- stdin and stdout ------------------------------------------------------------------------


def test_dash_reads_the_plan_from_stdin(cli: Cli, tmp_path: Path) -> None:
    text = BREVE.read_text(encoding="utf-8").replace("province: CN", "province: cn")
    validated = cli("plan", "validate", "-", input=text)
    assert validated.exit_code == 3
    assert re.search(
        r"^<stdin>:\d+:\d+: errore \[INVALID_VALUE\] comune.province", validated.stdout, re.M
    )
    assert "<stdin>: non valido" in validated.stdout
    status = cli("plan", "status", "-", input=BREVE.read_bytes())
    assert status.exit_code == 0 and status.stdout.startswith("<stdin>: Lagnasco (CN)")
    out = tmp_path / "piano.docx"
    rendered = cli("plan", "render", "-", "-o", str(out), input=BREVE.read_bytes())
    assert rendered.exit_code == 0, rendered.output
    assert out.read_bytes()[:2] == b"PK"


def test_render_to_stdout_writes_the_document_and_nothing_else(cli: Cli) -> None:
    result = cli("plan", "render", str(BREVE), "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes[:2] == b"PK"  # a zip: the .docx itself
    assert "Documento scritto su stdout" in result.stderr
    assert not Path("-.docx").exists()


def test_monitor_report_to_stdout(cli: Cli, tmp_path: Path) -> None:
    _plan(tmp_path)
    result = cli("monitor", "report", *MONITOR_FILES, "-o", "-", "--no-toc-update", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes[:2] == b"PK"
    assert "standard output" in result.stderr
    assert not (tmp_path / "-").exists() and not (tmp_path / "-.docx").exists()


@pytest.mark.parametrize("command", [["plan", "build"], ["export"]])
def test_a_command_that_writes_a_folder_refuses_dash(
    cli: Cli, tmp_path: Path, command: list[str]
) -> None:
    """``-o -`` is stdout for one document; a build or an export writes many files, and
    used to write them in a folder named «-»."""
    result = cli(*command, str(BREVE), "-o", "-", "--force", cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert "standard output" in result.stderr and "cartella" in result.stderr
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["monitor", "init", "piano.yaml", "--period", "2025", "-o", "-"],
        ["template", "-o", "-"],
    ],
    ids=["monitor init", "template"],
)
def test_dash_is_never_a_file_named_dash(cli: Cli, tmp_path: Path, args: list[str]) -> None:
    """A command that cannot write to the standard output refuses ``-o -`` instead of
    writing «-.yaml» or «-.docx»."""
    shutil.copy(EXAMPLES / "saluzzo.yaml", tmp_path / "piano.yaml")
    result = cli(*args, cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert "standard output" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["piano.yaml"]


def test_render_from_stdin_needs_an_output(cli: Cli) -> None:
    result = cli("plan", "render", "-", input=BREVE.read_bytes())
    assert result.exit_code == 2
    assert "serve -o" in result.stderr


# --- plan validate's output formats -----------------------------------------------------------


def test_github_annotations(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "piano.yaml"
    bad.write_text(
        BREVE.read_text(encoding="utf-8").replace("start: 2025-05", "start: 2025-13"),
        encoding="utf-8",
    )
    result = cli("plan", "validate", "--output-format", "github", "piano.yaml", cwd=tmp_path)
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 1
    assert re.match(
        r"^::error file=piano\.yaml,line=\d+,col=\d+,title=\w+::measures\[0\]", errors[0]
    )
    assert "%0Asuggerimento: " in errors[0]  # the hint, on its own line in the annotation
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)


def test_json_stays_an_alias_of_the_json_format(cli: Cli) -> None:
    old = cli("plan", "validate", "--json", str(BREVE))
    new = cli("plan", "validate", "--output-format", "json", str(BREVE))
    assert old.stdout == new.stdout and json.loads(new.stdout)["kind"] == "validate"
    assert "--json" not in cli("plan", "validate", "--help").stdout
    wrong = cli("plan", "validate", "--output-format", "xml", str(BREVE))
    assert wrong.exit_code == 2 and "text, json, github" in wrong.stderr


# --- help, names, completion -------------------------------------------------------------------


def test_help_shows_the_choices(cli: Cli) -> None:
    render = cli("plan", "render", "--help").stdout
    assert "[docx|odt|pdf]" in render and "[pubblica|interna]" in render
    build = cli("plan", "build", "--help").stdout
    assert "[docx|odt|pdf]" in build and "[pubblica|interna]" in build
    assert "[text|json|github]" in cli("plan", "validate", "--help").stdout
    monitor = cli("monitor", "report", "--help").stdout
    assert "[docx|odt|pdf]" in monitor and "[pubblica|interna]" in monitor


def test_option_names_are_english_and_the_old_ones_still_work(cli: Cli) -> None:
    help_text = cli("catalog", "measures", "--help").stdout
    assert "--plan" in help_text and "--action" in help_text
    assert "--piano" not in help_text and "--azione" not in help_text
    new = cli("catalog", "measures", "--action", "5", "--plan", "piano-triennale-2020-2022")
    old = cli("catalog", "measures", "--azione", "5", "--piano", "piano-triennale-2020-2022")
    assert new.exit_code == old.exit_code == 0
    assert new.stdout == old.stdout


def test_completion_scripts(cli: Cli) -> None:
    bash = cli("completion", "bash")
    assert "_INCAS_COMPLETE=complete_bash" in bash.stdout
    assert "complete -o default -F _incas_completion incas" in bash.stdout
    assert cli("completion", "zsh").stdout.startswith("#compdef incas")
    assert "complete --command incas" in cli("completion", "fish").stdout
    wrong = cli("completion", "tcsh")
    assert wrong.exit_code == 2 and "bash, zsh, fish" in wrong.stderr


def test_completion_without_a_shell_uses_the_users_shell(cli: Cli) -> None:
    zsh = cli("completion", env={"SHELL": "/usr/bin/zsh"})
    assert zsh.exit_code == 0 and zsh.stdout.startswith("#compdef incas")
    unknown = cli("completion", env={"SHELL": "/bin/tcsh"})
    assert unknown.exit_code == 2
    assert "indica la shell" in unknown.stderr and "bash, zsh, fish" in unknown.stderr


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("incas plan render piano.yaml --edition ", ["pubblica", "interna"]),
        ("incas plan render piano.yaml --format p", ["pdf"]),
        ("incas plan build piani --format ", ["docx", "odt", "pdf"]),
        ("incas plan validate piano.yaml --output-format ", ["text", "json", "github"]),
        ("incas completion z", ["zsh"]),
    ],
)
def test_tab_offers_an_options_values(cli: Cli, words: str, expected: list[str]) -> None:
    from incas_cli.cli import completion

    completion.enable()  # as main() does when the shell asks (the runner calls the app)
    env = {
        "_INCAS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    result = cli(env=env)
    assert sorted(result.stdout.split()) == sorted(expected)


# --- paths this system cannot use --------------------------------------------------------------


def test_a_windows_path_gets_a_hint(cli: Cli) -> None:
    result = cli("plan", "validate", "C:\\piani\\piano.yaml")
    assert result.exit_code == 1
    assert "file non trovato" in result.stderr
    assert "/mnt/c/piani/piano.yaml" in result.stderr


def test_a_too_long_name_is_told_in_italian(cli: Cli, tmp_path: Path) -> None:
    result = cli("plan", "validate", "a" * 300 + ".yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert "nome di file troppo lungo" in result.stderr
    # a name that fits, whose document's name would not
    long_plan = _plan(tmp_path, "p" * 245 + ".yaml")
    rendered = cli("plan", "render", long_plan.name, "--edition", "interna", cwd=tmp_path)
    assert rendered.exit_code == 1
    assert "nome di file troppo lungo" in rendered.stderr and "-o" in rendered.stderr


def test_libreoffice_without_python3_uno_is_named(cli: Cli, tmp_path: Path) -> None:
    soffice = tmp_path / "soffice"
    soffice.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    soffice.chmod(soffice.stat().st_mode | stat.S_IXUSR)
    env = {"INCAS_SOFFICE": str(soffice), "INCAS_UNO_PYTHON": ""}
    result = cli("plan", "render", str(BREVE), "-o", str(tmp_path / "p.pdf"), env=env)
    assert result.exit_code == 1
    assert "python3-uno" in result.stderr and "LibreOffice c'è" in result.stderr
