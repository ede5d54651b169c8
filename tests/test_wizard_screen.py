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
from collections.abc import Iterator
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
            if key in {"Enter", "Escape", "C-c", "C-u", "PageUp"}:
                self._tmux("send-keys", key)
            else:
                self._tmux("send-keys", "-l", key)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def screen(tmp_path: Path) -> Iterator[list[Screen]]:
    opened: list[Screen] = []
    yield opened
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
    tmp_path: Path, screen: list[Screen], size: tuple[int, int]
) -> None:
    term = Screen(["plan", "new", str(tmp_path / "p.yaml")], cwd=tmp_path, size=size)
    screen.append(term)
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
    term.type("C-c")
    term.wait_for("Per riprendere")
