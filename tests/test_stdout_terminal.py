"""``-o -`` writes a binary document to stdout: never to a terminal (it would fill the
screen with bytes); the hint names a file of the command's own kind."""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, incas_argv

MONITORING = EXAMPLES / "monitoraggio"


def _on_a_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """Run ``incas ARGS`` with stdout on a pseudo-terminal; its exit code and stderr."""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            incas_argv(*args),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(follower)
        os.close(leader)
    return done.returncode, done.stderr


@pytest.mark.parametrize(
    ("args", "example"),
    [
        (("plan", "render", str(EXAMPLES / "breve.yaml"), "-o", "-"), "piano.docx"),
        (
            ("plan", "render", str(EXAMPLES / "breve.yaml"), "-o", "-", "--format", "odt"),
            "piano.odt",
        ),
        (("plan", "compare", str(EXAMPLES / "breve.yaml"), "-o", "-"), "confronto.docx"),
        (
            ("plan", "compare", str(EXAMPLES / "breve.yaml"), "-o", "-", "--format", "xlsx"),
            "confronto.xlsx",
        ),
        (
            ("monitor", "report", "../saluzzo.yaml", "saluzzo-2024.yaml", "-o", "-"),
            "relazione.docx",
        ),
    ],
    ids=["render", "render-odt", "compare", "compare-xlsx", "monitor-report"],
)
def test_a_document_is_not_written_to_a_terminal(
    args: tuple[str, ...], example: str, tmp_path: Path
) -> None:
    code, stderr = _on_a_terminal(*args, cwd=MONITORING)
    assert code == 2, stderr
    assert "il documento è un file binario: non lo scrivo sul terminale" in stderr
    assert f"-o - > {example}" in stderr
    assert f"-o {example}" in stderr
    assert "Traceback" not in stderr
