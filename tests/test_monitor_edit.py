"""``incas monitor edit``: the report filled in by questions (scripted prompter), saved
after every group, resumed by running it again."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
import typer

from incas_cli.cli.monitor import run_edit
from incas_cli.errors import InputError
from incas_cli.io import read_yaml
from incas_cli.wizard.scripted import BACK, CTRL_C, ENTER, ScriptedPrompter
from tests.conftest import Cli

DATA = Path(__file__).parent / "data" / "monitor"
PLAN = "piano-lavello.yaml"


@pytest.fixture
def report(cli: Cli, tmp_path: Path) -> Path:
    shutil.copy(DATA / PLAN, tmp_path / PLAN)
    result = cli("monitor", "init", PLAN, "--period", "2025", "-o", "r.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    return tmp_path / "r.yaml"


M1 = [
    ("che cosa", "measures"),
    ("quale misura", "M1"),
    ("stato della misura m1", "in-corso"),
    ("avanzamento", "70"),
    ("avvio", "2024-10"),
    ("impegnato", "pnrr"),  # refused: not an amount
    ("impegnato", "480000.00"),
    ("pagato", "500000"),  # refused: above committed
    ("pagato", "390500.75"),
    ("impegnato", "20000"),
    ("pagato", ENTER),
    ("problemi", "Il cantiere si è fermato due mesi."),
    ("correttive", "Turni raddoppiati."),
    ("nota", ENTER),
]
VALUE = [
    ("che cosa", "indicators"),
    ("quale indicatore", 0),
    ("valore", "24"),
    ("mese", "2026-01"),  # refused: after the period
    ("mese", ENTER),
    ("fonte", "Ufficio tecnico"),
]
MEETING = [
    ("che cosa", "meeting"),
    ("data", "2025-04-10"),
    ("tipo", "tavolo"),
    ("tavolo", "Cabina di regia"),
    ("partecipato", ["comune", "prefettura-pz"]),
    ("sintesi", "Verifica del cantiere."),
]
DONE = [("che cosa", "done")]


def _run(report: Path, steps: Sequence[object]) -> tuple[int, ScriptedPrompter]:
    prompter = ScriptedPrompter(steps)
    with pytest.raises(typer.Exit) as stopped:
        run_edit(report, prompter)
    prompter.close()
    return int(stopped.value.exit_code), prompter


def test_edit_fills_the_report_and_it_validates(cli: Cli, report: Path) -> None:
    code, prompter = _run(report, [*M1, *VALUE, *MEETING, *DONE])
    assert code == 0
    assert [r.error for r in prompter.rejections] == [
        "serve un importo in euro, es. 12000.50 o 12.000,50",
        "il pagato supera l'impegnato (480.000,00\u00a0€)",
        "il mese è fuori dal periodo (2025-01 – 2025-12)",
    ]
    data = read_yaml(report).plain()
    m1 = data["measures"][0]
    assert (m1["status"], m1["progress"], m1["started"]) == ("in-corso", 70, "2024-10")
    assert [(r["source"], r["committed"], r["paid"]) for r in m1["spending"]] == [
        ("pnrr-m5c2-i2.2", 480000, pytest.approx(390500.75)),
        ("bilancio-comunale", 20000, None),
    ]
    assert data["indicators"][0]["value"] == 24 and data["indicators"][0]["date"] == "2025-12"
    assert data["meetings"][0]["participants"] == ["comune", "prefettura-pz"]
    text = report.read_text(encoding="utf-8")
    assert "# M2 – Trasporto pubblico verso i campi" in text  # the guiding comments stay
    assert cli("monitor", "validate", report.name, cwd=report.parent).exit_code == 0


def test_answers_written_the_italian_way_are_taken(cli: Cli, report: Path) -> None:
    """As in the plan's questions: «70%», «ottobre 2024», «480.000» and «1.500,25» are
    taken and written in the file's form."""
    steps = [
        ("che cosa", "measures"),
        ("quale misura", "M1"),
        ("stato della misura m1", "in-corso"),
        ("avanzamento", "70%"),
        ("avvio", "ottobre 2024"),
        ("impegnato", "480.000"),
        ("pagato", "1.500,25"),
        ("impegnato", ENTER),
        ("pagato", ENTER),
        ("problemi", ENTER),
        ("correttive", ENTER),
        ("nota", ENTER),
        ("che cosa", "indicators"),
        ("quale indicatore", 0),
        ("valore", "1.200"),
        ("mese", "11/2025"),
        ("fonte", ENTER),
        *DONE,
    ]
    code, prompter = _run(report, steps)
    assert code == 0 and not prompter.rejections
    data = read_yaml(report).plain()
    m1 = data["measures"][0]
    assert (m1["progress"], m1["started"]) == (70, "2024-10")
    assert (m1["spending"][0]["committed"], m1["spending"][0]["paid"]) == (
        480000,
        pytest.approx(1500.25),
    )
    assert (data["indicators"][0]["value"], data["indicators"][0]["date"]) == (1200, "2025-11")
    assert cli("monitor", "validate", report.name, cwd=report.parent).exit_code == 0


def test_the_menu_counts_meetings_without_a_plural_after_one(report: Path) -> None:
    """After one meeting the menu reads «incontri registrati: 1» (was «1 registrati»)."""
    again = [("che cosa", "Aggiungi un incontro (incontri registrati: 1)"), *MEETING[1:]]
    code, _ = _run(report, [*MEETING, *again, *DONE])
    assert code == 0
    assert len(read_yaml(report).plain()["meetings"]) == 2


def test_ctrl_c_keeps_every_completed_group_and_edit_resumes(cli: Cli, report: Path) -> None:
    code, _ = _run(report, [*M1, *VALUE[:3], ("mese", CTRL_C)])
    assert code == 130
    data = read_yaml(report).plain()
    assert data["measures"][0]["status"] == "in-corso"  # the measure was saved
    assert data["indicators"][0]["value"] is None  # the value under way was not
    # run again: the menu says what is left (picked here by its title), and the value
    # can be given now
    again = [("che cosa", "Indicatori (4 senza valore su 4)"), *VALUE[1:], *DONE]
    code, _ = _run(report, again)
    assert code == 0
    assert read_yaml(report).plain()["indicators"][0]["value"] == 24
    assert read_yaml(report).plain()["measures"][0]["progress"] == 70


def test_edit_needs_a_terminal_and_a_sound_report(cli: Cli, report: Path) -> None:
    result = cli("monitor", "edit", report.name, cwd=report.parent)
    assert result.exit_code == 2  # no terminal: no questions
    assert "hanno bisogno di un terminale" in result.output
    # What to do instead is about the report, not the plan's commands.
    assert f"incas monitor validate {report.name}" in result.output
    assert "plan init" not in result.output
    report.write_text(report.read_text(encoding="utf-8").replace("measures:", "misure:"))
    with pytest.raises(InputError, match="struttura"):
        run_edit(report, ScriptedPrompter([]))


@pytest.mark.terminal
def test_in_a_terminal_ctrl_c_loses_nothing_saved_and_edit_resumes(report: Path) -> None:
    import os

    import pexpect

    from tests.helpers import REPO, incas_argv

    env = {
        **os.environ,
        "TERM": "xterm",
        "NO_COLOR": "1",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "COLUMNS": "200",
        "PYTHONPATH": str(REPO),
    }
    argv = incas_argv("monitor", "edit", report.name)

    def spawn() -> pexpect.spawn:
        return pexpect.spawn(
            argv[0],
            argv[1:],
            cwd=str(report.parent),
            env=env,
            encoding="utf-8",
            timeout=60,
            dimensions=(40, 200),
        )

    child = spawn()
    child.expect("Che cosa vuoi compilare")
    child.send("\r")  # Misure
    child.expect("Quale misura")
    child.send("\r")  # M1
    child.expect("Stato della misura M1")
    child.send("in corso")  # typed into the list: it filters the choices
    child.expect("in corso")
    child.send("\r")
    child.expect("Avanzamento")
    child.send("70\r")
    child.expect("avvio effettivo")
    child.send("2024-10\r")
    child.expect("Impegnato nel periodo, fonte pnrr")
    child.send("480000\r")
    child.expect("Pagato nel periodo, fonte pnrr")
    child.send("\r")
    child.expect("Impegnato nel periodo, fonte bilancio")
    child.send("\r")
    child.expect("Pagato nel periodo, fonte bilancio")
    child.send("\r")
    child.expect("Problemi")
    child.send("\x1b\r")  # multi-line text ends with Esc Enter
    child.expect("Azioni correttive")
    child.send("\x1b\r")
    child.expect("Nota di lavoro")
    child.send("\r")
    child.expect("Che cosa vuoi compilare")  # M1 saved
    child.send("\x1b[B\r")  # Indicatori
    child.expect("Quale indicatore")
    child.send("\r")
    child.expect("Valore di")
    child.send("\x03")  # Ctrl-C in the middle of a value
    child.expect("Interrotto")
    child.expect(f"Per riprendere: incas monitor edit {report.name}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    m1 = read_yaml(report).plain()["measures"][0]
    assert (m1["status"], m1["progress"], m1["spending"][0]["committed"]) == (
        "in-corso",
        70,
        480000,
    )

    child = spawn()  # resume: the measure is there, the rest can be filled now
    child.expect("Che cosa vuoi compilare")
    child.expect(r"Misure \(2 da compilare su 3\)")
    child.send("\x1b[A\r")  # Fine (the last entry, one up from the first)
    child.expect("Salvato in")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert read_yaml(report).plain()["measures"][0]["progress"] == 70


def test_the_way_back_within_a_group_and_out_of_it(report: Path) -> None:
    before = report.read_text(encoding="utf-8")
    steps = [
        ("che cosa", "measures"),
        ("quale misura", "M2"),
        ("stato della misura m2", "sospesa"),
        ("avanzamento", BACK),  # the state again
        ("stato della misura m2", BACK),  # out of the group: the menu, nothing written
        ("che cosa", "done"),
    ]
    code, _ = _run(report, steps)
    assert code == 0
    data = read_yaml(report).plain()
    assert data["measures"][1]["status"] is None
    assert report.read_text(encoding="utf-8").count("status:") == before.count("status:")
