"""`incas plan build` through the `incas` entry point (incas_cli.launch), as users run it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.helpers import EXAMPLES, incas_argv

SMALL = EXAMPLES / "bozza-iniziale.yaml"


def test_a_parallel_build_through_the_entry_point_makes_its_documents(tmp_path: Path) -> None:
    """The real command, as users run it: workers that re-run the entry point set
    themselves up and the build ends cleanly."""
    source = tmp_path / "piani"
    source.mkdir()
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (source / name).write_bytes(SMALL.read_bytes())
    out = tmp_path / "out"
    done = subprocess.run(
        incas_argv("plan", "build", str(source), "-o", str(out), "-j", "2"),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "b.docx", "c.docx"]
