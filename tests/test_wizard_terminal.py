"""The wizard in a real terminal (a pty driven by pexpect), and without one.

The commands are mounted here on a throwaway typer app (``plan new`` / ``plan edit``), so
the tests exercise exactly the functions the real CLI mounts.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from incas_cli.cli.wizard import Section, edit, new
from incas_cli.io import load_yaml
from incas_cli.wizard import MARKER_KEY, SECTIONS
from tests.helpers import DEFAULT_SIGINT

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 60  # generous: CI machines are shared

app = typer.Typer()
_plan = typer.Typer()
app.add_typer(_plan, name="plan")
_plan.command("new")(new)
_plan.command("edit")(edit)

LAUNCH = f"{DEFAULT_SIGINT}; from tests.test_wizard_terminal import app; app()"
WIDTH = 250  # wide enough that a long temporary path in a message stays on one line


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "TERM": "xterm",
            "NO_COLOR": "1",
            "PROMPT_TOOLKIT_NO_CPR": "1",  # no cursor-position queries a pty cannot answer
            "COLUMNS": str(WIDTH),
            "LINES": "40",
            "PYTHONPATH": str(REPO),
        }
    )
    return env


def _spawn(*args: str, cwd: Path) -> Any:
    import pexpect  # the ``terminal`` marker made sure it is there

    return pexpect.spawn(
        sys.executable,
        ["-c", LAUNCH, *args],
        cwd=str(cwd),
        env=_env(),
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, WIDTH),
    )


def _finish(child: Any) -> int:
    """Wait for the program to end; its exit code."""
    import pexpect

    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, child.signalstatus
    return int(child.exitstatus)


_ESCAPES = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[()][A-Z0-9]|[=>])")


def _record(child: Any) -> io.StringIO:
    """Everything the program writes to the terminal from now on."""
    log = io.StringIO()
    child.logfile_read = log
    return log


def _screen_text(log: io.StringIO) -> str:
    """The terminal output without escape sequences: what the user reads, roughly."""
    return _ESCAPES.sub("", log.getvalue()).replace("\r", "")


def test_section_names_match_the_wizard() -> None:
    assert tuple(s.value for s in Section) == SECTIONS


@pytest.mark.terminal
def test_new_interrupted_with_ctrl_c_then_edit_finishes(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    child = _spawn("plan", "new", str(target), cwd=tmp_path)
    child.expect("Come vuoi procedere")
    child.send("\r")  # the essential path (default)
    child.expect("inizia a scrivere il nome")
    child.send("Lagnasco")
    child.expect("Lagnasco")
    child.send("\r")
    child.expect("codice ISTAT 004104")
    child.expect("Inizio del periodo")
    child.send("2025-13\r")  # refused: asked again, with the message
    child.expect("il mese va da 01 a 12|usa il formato AAAA-MM")
    child.send("\x15")  # Ctrl-U clears the line
    child.send("2025-01\r")
    child.expect("Fine del periodo")
    child.send("2027-12\r")
    child.expect("Descrizione del territorio")
    child.send("\x03")  # Ctrl-C
    child.expect("Interrotto")
    child.expect("Sezioni già complete: Comune, Periodo e stato")
    child.expect(f"Per riprendere: incas plan edit {target}")
    assert _finish(child) == 130

    saved = load_yaml(target).plain()
    assert saved["comune"]["istat_code"] == "004104"
    assert saved["plan"]["period"] == {"start": "2025-01", "end": "2027-12"}
    assert "context" not in saved
    assert saved[MARKER_KEY]["resume"][0] == "territorio"

    child = _spawn("plan", "edit", str(target), cwd=tmp_path)
    child.expect("Riprendo da dove ti eri fermato: Territorio e colture")
    child.expect("Descrizione del territorio")
    child.send("Frutteti della pianura.")
    child.send("\x1b\r")  # Esc then Enter ends a multi-line answer
    child.expect("Coltura principale")
    child.send("\r")  # no crop
    child.expect("primo attore")
    child.send("\r")  # yes, the Comune
    child.expect("[Tt]ipo del prossimo attore")
    child.send("\r")  # "no more actors" is the first choice
    child.expect("Servono almeno due attori")
    child.expect("Nome della cabina di regia")
    child.send("\r")
    child.expect("Membri della cabina di regia")
    child.send("\r")
    child.expect("[Aa]rea del prossimo bisogno")
    child.send("\r")
    child.expect("Obiettivo generale del piano")
    child.send("\r")
    child.expect("Azione nazionale principale")
    child.send("\r")
    child.expect("Mesi delle verifiche")
    child.send("\r")
    child.expect("incontro del percorso partecipativo")
    child.send("\r")
    child.expect("Riepilogo del piano")
    child.expect(f"Per generare il documento Word: incas plan render {target}")
    assert _finish(child) == 0

    final = load_yaml(target).plain()
    assert MARKER_KEY not in final
    assert final["context"]["description"] == "Frutteti della pianura."
    assert [s["id"] for s in final["stakeholders"]] == ["comune"]
    assert final["governance"]["steering_body"]["members"] == ["comune"]
    assert final["monitoring"]["reviews"] == ["2025-12", "2026-12", "2027-12"]


@pytest.mark.terminal
def test_ctrl_d_before_any_answer_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "y.yaml"
    child = _spawn("plan", "new", str(target), cwd=tmp_path)
    child.expect("Come vuoi procedere")
    child.send("\r")
    child.expect("inizia a scrivere il nome")
    child.send("\x04")  # Ctrl-D on an empty answer
    child.expect("nessun file scritto")
    assert _finish(child) == 130
    assert not target.exists()


@pytest.mark.terminal
def test_new_without_a_file_asks_its_name_from_the_comune(tmp_path: Path) -> None:
    child = _spawn("plan", "new", cwd=tmp_path)
    child.expect("Come vuoi procedere")
    child.send("\r")
    child.expect("inizia a scrivere il nome")
    child.send("Lagnasco\r")
    child.expect("Nome del file del piano")
    child.expect("piano-lagnasco.yaml")
    child.send("\r")
    child.expect("Inizio del periodo")
    assert (tmp_path / "piano-lagnasco.yaml").exists()  # saved once the Comune was complete
    child.send("\x03")
    child.expect("Per riprendere: incas plan edit piano-lagnasco.yaml")
    assert _finish(child) == 130
    assert load_yaml(tmp_path / "piano-lagnasco.yaml").plain()["comune"]["name"] == "Lagnasco"


@pytest.mark.terminal
def test_killed_at_a_prompt_leaves_the_last_complete_save(tmp_path: Path) -> None:
    target = tmp_path / "k.yaml"
    child = _spawn("plan", "new", str(target), cwd=tmp_path)
    child.expect("Come vuoi procedere")
    child.send("\r")
    child.expect("inizia a scrivere il nome")
    child.send("Lagnasco\r")
    child.expect("Inizio del periodo")
    child.send("2025-01\r")
    child.expect("Fine del periodo")
    child.send("2027-12\r")
    child.expect("Descrizione del territorio")
    child.kill(9)  # SIGKILL: no handler runs
    child.close()
    saved = load_yaml(target).plain()  # a whole, readable plan
    assert saved["plan"]["period"]["end"] == "2027-12"
    assert saved[MARKER_KEY]["resume"][0] == "territorio"
    assert not list(tmp_path.glob(".k.yaml.*"))  # no temporary file left behind


def _run_without_terminal(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LAUNCH, *args],
        cwd=cwd,
        env=_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def test_without_a_terminal_new_never_prompts_and_exits_2(tmp_path: Path) -> None:
    result = _run_without_terminal("plan", "new", str(tmp_path / "x.yaml"), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "hanno bisogno di un terminale" in result.stderr
    for command in ("incas plan init", "incas plan validate", "incas plan render"):
        assert command in result.stderr
    assert "?" not in result.stdout  # no question was printed
    assert not (tmp_path / "x.yaml").exists()


def test_without_a_terminal_edit_exits_2_and_leaves_the_file(tmp_path: Path) -> None:
    target = tmp_path / "breve.yaml"
    shutil.copy(REPO / "examples" / "breve.yaml", target)
    before = target.read_bytes()
    result = _run_without_terminal("plan", "edit", str(target), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "incas plan init" in result.stderr
    assert target.read_bytes() == before


def test_new_refuses_an_existing_file_and_suggests_edit(tmp_path: Path) -> None:
    target = tmp_path / "breve.yaml"
    shutil.copy(REPO / "examples" / "breve.yaml", target)
    result = _run_without_terminal("plan", "new", str(target), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "il file esiste già" in result.stderr
    assert f"incas plan edit {target}" in result.stderr


def test_edit_refuses_a_file_that_is_not_a_plan_yet(tmp_path: Path) -> None:
    target = tmp_path / "rotto.yaml"
    target.write_text("schema_version: 1\nplan: {title: x}\n", encoding="utf-8")
    result = _run_without_terminal("plan", "edit", str(target), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "non è ancora un piano leggibile" in result.stderr
    assert f"incas plan validate {target}" in result.stderr


@pytest.mark.terminal
def test_a_suggested_name_is_replaced_by_what_is_typed(tmp_path: Path) -> None:
    """The suggestion is named in the hint, not pre-filled: typing replaces it."""
    target = tmp_path / "s.yaml"
    child = _spawn("plan", "new", str(target), cwd=tmp_path)
    log = _record(child)
    child.expect("Come vuoi procedere")
    child.send("\r")
    child.expect("inizia a scrivere il nome")
    child.send("Lagnasco\r")
    child.expect("Inizio del periodo")
    child.send("marzo 2025\r")  # Italian month names are understood
    child.expect("Fine del periodo")
    child.send("12/2027\r")
    child.expect("Descrizione del territorio")
    child.send("\x1b\r")  # empty multi-line answer: skipped
    child.expect("Coltura principale")
    child.send("\r")
    child.expect("primo attore")
    child.send("\r")
    child.expect("[Tt]ipo del prossimo attore")
    child.send("sindac")  # the long list is filtered by typing
    child.expect("Organizzazione sindacale")
    child.send("\r")
    child.expect("Invio per «Organizzazioni sindacali agricole")
    child.send("FLAI-CGIL Cuneo\r")
    child.expect("Potere di «FLAI-CGIL Cuneo»")
    child.send("3\r")
    child.expect("Interesse")
    child.send("5\r")
    child.expect("Coinvolgimento")
    child.send("\r")
    # The review of the actor, which also asks the next one's type.
    child.expect("Confermi l'attore «FLAI-CGIL Cuneo» o correggi un campo\\? Se confermi: tipo")
    child.expect("Correggo un campo")
    child.send("\x03")
    child.expect("Per riprendere")
    assert _finish(child) == 130

    saved = load_yaml(target).plain()
    assert saved["plan"]["period"] == {"start": "2025-03", "end": "2027-12"}
    assert [s["name"] for s in saved["stakeholders"]] == ["Comune di Lagnasco", "FLAI-CGIL Cuneo"]
    screen = _screen_text(log)
    # Italian all the way: no questionary instruction or label in English ...
    for english in ("Use arrow", "Description:", "Press <space>", "to select", "type to filter"):
        assert english not in screen, english
    # ... the choice's description under the list, and one space before every hint.
    assert "I sindacati dei lavoratori agricoli" in screen
    assert "Inizio del periodo del piano (AAAA-MM" in screen
    assert "  (" not in screen


@pytest.mark.terminal
def test_edit_enter_keeps_right_arrow_edits_dash_empties(tmp_path: Path) -> None:
    target = tmp_path / "breve.yaml"
    shutil.copy(REPO / "examples" / "breve.yaml", target)
    child = _spawn("plan", "edit", str(target), "--section", "periodo", cwd=tmp_path)
    child.expect("Invio per «2025-01»")
    child.send("\r")  # keeps the current value
    child.expect("Invio per «2027-12», → per modificarlo")
    child.send("\x1b[C")  # → brings the current value in for editing
    child.expect("2027-12")
    child.send("\x7f1\r")  # Backspace, 1: 2027-11
    child.expect("Stato del piano")
    child.send("\r")
    child.expect("Versione del documento")
    child.send("-\r")  # empties the field
    child.expect("Ufficio comunale responsabile")
    child.send("Settore Politiche sociali\r")
    child.expect("Chi redige il piano")
    child.send("\r")
    child.expect("Piano salvato in")
    assert _finish(child) == 0

    plan = load_yaml(target).plain()["plan"]
    assert plan["period"] == {"start": "2025-01", "end": "2027-11"}
    assert "version" not in plan
    assert plan["office"] == "Settore Politiche sociali"
    assert "authors" not in plan


def _to_actors(child: Any) -> None:
    """A new plan for Lagnasco, up to «Tipo del prossimo attore» (one crop typed)."""
    child.expect("Come vuoi procedere")
    child.send("\r")
    child.expect("inizia a scrivere il nome")
    child.send("Lagnasco\r")
    child.expect("Inizio del periodo")
    child.send("2025-01\r")
    child.expect("Fine del periodo")
    child.send("2027-12\r")
    child.expect("Descrizione del territorio")
    child.send("\x1b\r")
    child.expect("Coltura principale")
    child.send("mele\r")
    child.expect("Mesi di picco")
    child.send("novembre; tredici\r")  # once ticked «gennaio» in a checkbox, silently
    child.expect("«tredici» non è un mese")
    child.send("\x15")
    child.send("agosto; settembre; ottobre\r")
    child.expect("Lavoratori impiegati")
    child.send("\r")
    child.expect("Altra coltura")
    child.send("\r")
    child.expect("primo attore")
    child.send("\r")
    child.expect("[Tt]ipo del prossimo attore")


@pytest.mark.terminal
def test_typed_months_and_a_filtered_actor_type_never_pick_the_way_out(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    child = _spawn("plan", "new", str(target), cwd=tmp_path)
    log = _record(child)
    _to_actors(child)
    child.send("xyz")  # matches nothing: said so, and Enter does nothing
    child.expect("nessuna voce contiene «xyz»")
    child.send("\r")
    child.send("\x7f\x7f\x7f")
    child.send("Altro")  # «Nessun altro attore: avanti» contains «altro» too
    child.send("\r")
    child.expect("Nome dell'attore")
    child.send("Caritas\r")
    child.expect("Potere")
    child.send("2\r")
    child.expect("Interesse")
    child.send("4\r")
    child.expect("Coinvolgimento")
    child.send("\r")
    child.expect("[Tt]ipo del prossimo attore")
    child.send("\r")  # nothing typed: the way out is there, first
    child.expect("da quale attore parte")
    child.send("\x03")
    assert _finish(child) == 130

    saved = load_yaml(target).plain()
    assert saved["context"]["crops"] == [{"name": "mele", "peak_months": [8, 9, 10]}]
    assert [(s["name"], s["type"]) for s in saved["stakeholders"]] == [
        ("Comune di Lagnasco", "comune"),
        ("Caritas", "altro"),
    ]
    screen = _screen_text(log)
    assert "? Tipo del prossimo attore Altro" in screen


@pytest.mark.terminal
def test_text_typed_into_a_checkbox_is_confirmed_before_it_counts(tmp_path: Path) -> None:
    target = tmp_path / "c.yaml"
    shutil.copy(REPO / "examples" / "breve.yaml", target)
    child = _spawn("plan", "edit", str(target), "--section", "governance", cwd=tmp_path)
    log = _record(child)
    child.expect("Nome della cabina di regia")
    child.send("\r")
    child.expect("Chi coordina")
    child.send("\r")
    child.expect("Membri della cabina di regia")
    # Letters filter (no key ticks or inverts everything); space ticks the pointed choice.
    child.send("prefe")
    child.expect("Prefettura")
    child.send(" ")  # unticks the Prefettura (every actor is ticked)
    child.send("Cuneo\r")  # words typed as if they were the answer
    child.expect("Hai scritto «prefe")
    child.expect("Invio di nuovo per confermare")
    assert "Membri della cabina di regia Comune" not in _screen_text(log)  # not answered yet
    child.send("\r")
    child.expect("Ogni quanto si riunisce")
    child.send("\r")
    child.expect("Nome del tavolo tematico")
    child.send("\r")
    child.expect("Chi dirige il piano")  # the Comune's organisation (complete path)
    child.send("\r")
    child.expect("Ufficio comunale coinvolto")
    child.send("\r")
    child.expect("Giunta e il Consiglio")
    child.send("\x1b\r")
    child.expect("Piano salvato")
    assert _finish(child) == 0

    members = load_yaml(target).plain()["governance"]["steering_body"]["members"]
    assert members == ["comune", "associazione-accoglienza-frutteti"]


ESC_ENTER = "\x1b\r"


@pytest.mark.terminal
def test_esc_then_enter_on_every_kind_of_prompt_never_crashes(tmp_path: Path) -> None:
    """Esc then Enter (how a multi-line answer is confirmed) is Enter everywhere else."""
    target = tmp_path / "e.yaml"
    child = _spawn("plan", "new", str(target), cwd=tmp_path)
    log = _record(child)
    child.expect("Come vuoi procedere")
    child.send(ESC_ENTER)  # a select: its default, the essential path
    child.expect("inizia a scrivere il nome")
    child.send(ESC_ENTER)  # an autocomplete: empty, so refused (required)
    child.expect("questo campo è obbligatorio")
    child.send("Lagnasco" + ESC_ENTER)
    child.expect("Inizio del periodo")
    child.send("2025-01" + ESC_ENTER)  # a text question
    child.expect("Fine del periodo")
    child.send(ESC_ENTER)  # empty: the field stays open
    child.expect("Descrizione del territorio")
    child.send(ESC_ENTER)  # a multi-line text: empty, skipped
    child.expect("Coltura principale")
    child.send(ESC_ENTER)  # no crop
    child.expect("primo attore")
    child.send(ESC_ENTER)  # a confirm: yes
    child.expect("[Tt]ipo del prossimo attore")
    child.send(ESC_ENTER)  # the way out
    child.expect("Nome della cabina di regia")
    child.send(ESC_ENTER)
    child.expect("Membri della cabina di regia")
    child.send(ESC_ENTER)  # a checkbox: the ticked defaults
    child.expect("[Aa]rea del prossimo bisogno")
    child.send("\x03")
    child.expect("Per riprendere")
    assert _finish(child) == 130
    screen = _screen_text(log)
    assert "Traceback" not in screen and "Error" not in screen
    saved = load_yaml(target).plain()
    assert saved["plan"]["period"] == {"start": "2025-01"}
    assert [s["id"] for s in saved["stakeholders"]] == ["comune"]
    assert saved["governance"]["steering_body"]["members"] == ["comune"]


@pytest.mark.terminal
def test_back_key_in_text_and_list_questions_and_the_correction_kept(tmp_path: Path) -> None:
    target = tmp_path / "b.yaml"
    child = _spawn("plan", "new", str(target), cwd=tmp_path)
    log = _record(child)
    child.expect("Come vuoi procedere")
    child.send("\r")
    child.expect("inizia a scrivere il nome")
    child.send("Lagnasco\r")
    child.expect("Inizio del periodo")
    child.send("2025-01\r")
    child.expect("Fine del periodo")
    child.send("<\r")  # typed «<»: the question before
    child.expect("Invio per «2025-01»")
    child.send("\x1b[C")  # → brings the answer in for editing
    child.send("\x7f3\r")  # 2025-03
    child.expect("Fine del periodo")
    child.send("2027-12\r")
    child.expect("Descrizione del territorio")
    child.send("\x1b[5~")  # Page Up: the question before, from a multi-line question
    child.expect("Invio per «2027-12»")
    child.send("\r")
    child.expect("Descrizione del territorio")
    child.send(ESC_ENTER)
    child.expect("Coltura principale")
    child.send("\r")
    child.expect("primo attore")
    child.send("<")  # in a list «<» goes back at once
    child.expect("Coltura principale")
    child.send("\x03")
    assert _finish(child) == 130
    assert "< indietro" in _screen_text(log)
    saved = load_yaml(target).plain()
    assert saved["plan"]["period"] == {"start": "2025-03", "end": "2027-12"}


@pytest.mark.terminal
def test_ctrl_c_inside_a_measure_then_edit_resumes_inside_it(tmp_path: Path) -> None:
    target = tmp_path / "breve.yaml"
    shutil.copy(REPO / "examples" / "breve.yaml", target)
    child = _spawn("plan", "edit", str(target), "--section", "misure", cwd=tmp_path)
    child.expect("Misure: cosa vuoi fare")
    child.send("Aggiungi\r")
    child.expect("Azione nazionale principale")
    child.send("\x1b[B\r")  # the first action
    child.expect("Altre azioni")
    child.send("\r")
    child.expect("Punto di partenza")
    child.send("\r")
    child.expect("Titolo della misura")
    child.send("Sportello informativo nei campi\r")
    child.expect("Descrizione della misura")
    child.send("Operatori e mediatori nei luoghi di lavoro.")
    child.expect("lavoro\\.")
    child.send(ESC_ENTER)
    child.expect("Obiettivo della misura")
    child.send("\r")
    child.expect("Bisogni a cui risponde")
    child.send("\r")
    child.expect("Capofila")
    child.send("\r")
    child.expect("Partner della misura")
    child.send("\r")
    child.expect("Inizio della misura")
    child.send("\r")
    child.expect("Fine della misura")
    child.send("\r")
    child.expect("Mesi dell'anno in cui la misura")
    child.send("\r")
    child.expect("Importo di una voce di spesa")
    child.send("12.000\r")
    child.expect("Fonte di finanziamento")
    child.send("\x03")
    child.expect("In bozza \\(misura M3")
    assert _finish(child) == 130

    saved = load_yaml(target).plain()
    draft = saved["measures"][2]
    assert draft["draft"] is True
    assert draft["title"] == "Sportello informativo nei campi"
    assert draft["budget"] == [{"amount": 12000}]

    child = _spawn("plan", "edit", str(target), "--section", "misure", cwd=tmp_path)
    child.expect("Riprendo da dove si era interrotto: la misura «M3 Sportello")
    child.expect("Voci di spesa: cosa vuoi fare")  # the line typed is there
    child.send("\r")  # Avanti
    child.expect("Indicatore")
    child.send("\x03")
    assert _finish(child) == 130
    assert load_yaml(target).plain()["measures"][2]["title"] == "Sportello informativo nei campi"


@pytest.mark.terminal
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_keys_never_crash_and_the_file_stays_a_valid_draft(
    tmp_path: Path, seed: int
) -> None:
    """A bounded fuzz: random keys (arrows, Esc, Enter, Tab, «<», Page Up, letters, digits)
    into ``plan edit``; then Ctrl-C. Never a traceback; the file always validates."""
    import random

    import pexpect

    from incas_cli.checks import check_data

    target = tmp_path / "breve.yaml"
    shutil.copy(REPO / "examples" / "breve.yaml", target)
    child = _spawn("plan", "edit", str(target), "--section", "misure", cwd=tmp_path)
    log = _record(child)
    child.expect("Misure: cosa vuoi fare")
    keys = ["\r", "\x1b\r", "\x1b", "\x1b[A", "\x1b[B", "\x1b[C", "\t", "<", "\x1b[5~"]
    keys += [" ", "a", "M", "3", "2025-05", "1.000", "-", "\x7f", "\x15"]
    rng = random.Random(seed)
    for _ in range(150):
        child.send(rng.choice(keys))
        try:  # let the program read and redraw; ended early only by a bug
            child.expect(pexpect.TIMEOUT, timeout=0.02)
        except pexpect.EOF:
            break
    if child.isalive():
        child.send("\x03")
    status = _finish(child)
    screen = _screen_text(log)
    assert "Traceback" not in screen, screen[-3000:]
    assert status in (0, 130), screen[-3000:]
    plan, findings = check_data(load_yaml(target).plain())
    assert plan is not None
    assert [f.message for f in findings if f.blocking] == []
