"""Where things land on the screen of a real terminal: the wizard in tmux, read back
with ``capture-pane`` at the sizes officers use (80x24 and 100x40).

pexpect sees a stream of bytes; tmux keeps the screen a user reads, so these tests can
say which line a message is on. prompt_toolkit asks the terminal where its cursor is,
and tmux answers, as a real terminal does.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import REPO, incas_argv

PATIENCE = 60.0  # seconds to wait for a screen: generous, CI machines are shared
SIZES = [(80, 24), (100, 40)]


class Screen:
    """incas running in a detached tmux session of its own (a private server)."""

    def __init__(self, args: list[str], *, cwd: Path, size: tuple[int, int]) -> None:
        self.socket = f"incas-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        # No COLUMNS or LINES from the runner: the size is the terminal's.
        unset = ["-u", "COLUMNS", "-u", "LINES"]
        env = ["NO_COLOR=1", f"PYTHONPATH={REPO}"]
        command = shlex.join(["env", *unset, *env, *incas_argv(*args)])
        columns, rows = size
        self._tmux(
            "new-session", "-d", "-x", str(columns), "-y", str(rows), "-c", str(cwd), command
        )
        self._tmux("set-option", "-g", "remain-on-exit", "on")
        self._socket_file = Path(self._tmux("display-message", "-p", "#{socket_path}").strip())

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"tmux {shlex.join(args)}: {done.stderr}"
        return done.stdout

    def lines(self) -> list[str]:
        """Every line of the screen, the blank ones at the bottom included."""
        return self._tmux("capture-pane", "-p").split("\n")[:-1]

    def wait_for(self, text: str) -> list[str]:
        """The screen once ``text`` is on it."""
        deadline = time.monotonic() + PATIENCE
        while True:
            lines = self.lines()
            if text in "\n".join(lines):
                return lines
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on:\n" + "\n".join(lines))
            time.sleep(0.1)

    def type(self, *keys: str) -> None:
        """Literal text (``-l``); ``Enter``, ``C-u``... are sent as keys."""
        for key in keys:
            if key in {"Enter", "Escape", "C-c", "C-u", "PageUp", "Up", "Down"}:
                self._tmux("send-keys", key)
            else:
                self._tmux("send-keys", "-l", key)

    def interrupt(self) -> None:
        """Ctrl-C, and the report that follows it."""
        self.type("C-c")
        self.wait_for("Per riprendere")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)
        self._socket_file.unlink(missing_ok=True)  # tmux may leave it behind


@pytest.fixture
def screen(tmp_path: Path) -> Iterator[Callable[..., Screen]]:
    """``screen(*args, size=(80, 24))``: incas run in tmux in ``tmp_path``, closed after."""
    opened: list[Screen] = []

    def start(*args: str, size: tuple[int, int] = (80, 24)) -> Screen:
        opened.append(Screen(list(args), cwd=tmp_path, size=size))
        return opened[-1]

    yield start
    for each in opened:
        each.close()


def _row_of(lines: list[str], text: str) -> int:
    rows = [i for i, line in enumerate(lines) if text in line]
    assert rows, f"{text!r} not on the screen:\n" + "\n".join(lines)
    return rows[-1]


def _under_the_answer(lines: list[str], answer_end: str, message_start: str) -> None:
    """The message starts on the line right under the one where the answer ends, and it
    is followed by blank lines only (it is not the screen's last line)."""
    row = _row_of(lines, message_start)
    shown = "\n".join(lines)
    assert lines[row - 1].rstrip().endswith(answer_end), shown
    assert row < len(lines) - 2, shown
    assert not any(line.strip() for line in lines[row + 3 :]), shown


@pytest.mark.terminal(tmux=True)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_refused_answer_has_its_message_right_under_it(
    tmp_path: Path, screen: Callable[..., Screen], size: tuple[int, int]
) -> None:
    term = screen("plan", "new", str(tmp_path / "p.yaml"), size=size)
    term.wait_for("Come vuoi procedere")
    term.type("Enter")
    term.wait_for("inizia a scrivere il nome")
    # A question with suggestions (its menu's room is kept only while it is shown),
    # answered with the menu open...
    term.type("San Sev")
    term.wait_for("San Severino Marche (MC)")
    term.type("Enter")
    lines = term.wait_for("non è nell'elenco ISTAT")
    _under_the_answer(lines, "San Sev", "«San Sev» non è")
    # ... and with no menu.
    term.type("C-u", "San Severo di Puglia", "Enter")
    lines = term.wait_for("«San Severo di Puglia» non è")
    _under_the_answer(lines, "Puglia", "«San Severo di Puglia» non è")
    term.type("C-u", "Lagnasco", "Enter")
    term.wait_for("Inizio del periodo")
    # A plain question.
    term.type("2025-13", "Enter")
    lines = term.wait_for("il mese va da 01 a 12")
    _under_the_answer(lines, "2025-13", "il mese va da 01 a 12")
    # Corrected: the message goes, the next question follows the answer.
    term.type("C-u", "2025-01", "Enter")
    lines = term.wait_for("Fine del periodo")
    assert "il mese va da 01 a 12" not in "\n".join(lines)
    assert lines[_row_of(lines, "Fine del periodo") - 1].startswith("? Inizio del periodo")
    term.interrupt()


@pytest.mark.terminal(tmux=True)
def test_at_80x24_the_review_of_an_actor_is_in_view_with_its_question(
    tmp_path: Path, screen: Callable[..., Screen]
) -> None:
    term = screen("plan", "new", str(tmp_path / "p.yaml"))
    term.wait_for("Come vuoi procedere")
    term.type("Enter")
    term.wait_for("inizia a scrivere il nome")
    term.type("Lagnasco", "Enter")
    for question, answer in [
        ("Inizio del periodo", "2025-01"),
        ("Fine del periodo", "2027-12"),
        ("Coltura principale", "mele"),
        ("Mesi di picco", "agosto"),
        ("Lavoratori impiegati", "350"),
        ("Altra coltura", ""),
        ("primo attore", ""),
        ("Tipo del prossimo attore", "prefettura"),
        ("Nome dell'attore", ""),
        ("Potere di", "5"),
        ("Interesse di", "3"),
        ("Coinvolgimento di", ""),
    ]:
        term.wait_for(question)
        term.type(*([answer] if answer else []), "Enter")
        if question == "Fine del periodo":  # the description, skipped
            term.wait_for("›")  # the answer's marker: the question is ready for keys
            term.type("Escape", "Enter")
    lines = term.wait_for("Confermi l'attore «Prefettura di Cuneo» o correggi un campo?")
    shown = "\n".join(lines)
    # The review, its question and its first choices on one 24-line screen; the list of
    # actor types is cut to fit, and says so.
    for text in ("Riepilogo: l'attore «Prefettura di Cuneo»", "Potere (1-5)      5"):
        assert text in shown, shown
    assert "» Confermo; nessun altro attore: avanti" in shown
    assert "Correggo un campo" in shown
    assert any(line.startswith("↓") for line in lines), shown
    term.interrupt()


@pytest.mark.terminal(tmux=True)
def test_a_long_actor_name_in_a_list_is_wrapped_not_cut(
    tmp_path: Path, screen: Callable[..., Screen]
) -> None:
    long_name = "Associazione Regionale per l'Accoglienza dei Lavoratori Stagionali della Frutta"
    plan = tmp_path / "p.yaml"
    text = (REPO / "examples" / "breve.yaml").read_text(encoding="utf-8")
    plan.write_text(text.replace("Associazione Accoglienza Frutteti", long_name), encoding="utf-8")
    term = screen("plan", "edit", str(plan), "--section", "relazioni")
    lines = term.wait_for("da quale attore parte")
    joined = " ".join(line.strip() for line in lines)
    assert long_name in joined, "\n".join(lines)
    assert all(len(line.rstrip()) < 80 for line in lines), "\n".join(lines)
    # The next question names the actor, not its id.
    term.type("Up", "Enter")
    lines = term.wait_for("Verso quale attore")
    joined = " ".join(line.strip() for line in lines)
    assert "associazione-" not in joined, "\n".join(lines)
    term.interrupt()
