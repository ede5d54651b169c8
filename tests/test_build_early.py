"""`incas plan build`: the workers' forkserver starts before the command line is parsed,
only for a build that runs workers, read from the arguments as click reads them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import typer.main

from incas_cli import batch, launch, pool
from incas_cli.cli import build as build_cli
from incas_cli.cli import plan_app
from tests.helpers import EXAMPLES, incas_argv

SMALL = EXAMPLES / "bozza-iniziale.yaml"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records each forkserver start instead of starting one; two usable processors."""
    calls: list[bool] = []
    monkeypatch.setattr(pool, "prestart", lambda: calls.append(True))
    monkeypatch.setattr(batch, "usable_cpus", lambda: 2)
    return calls


def test_the_early_reading_knows_every_option_of_the_command() -> None:
    info = next(i for i in plan_app.registered_commands if i.callback is build_cli.build)
    command = typer.main.get_command_from_info(
        info, pretty_exceptions_short=True, rich_markup_mode="rich"
    )
    flags: set[str] = set()
    valued: set[str] = set()
    for param in command.params:
        if param.param_type_name == "option":
            (flags if getattr(param, "is_flag", False) else valued).update(
                param.opts + param.secondary_opts
            )
    assert flags == launch.BUILD_FLAGS
    assert valued == launch.BUILD_VALUE_OPTIONS


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "build", "{dir}", "-o", "out"],
        ["plan", "build", "-o", "out", "{dir}"],
        ["plan", "build", "{dir}", "-o", "out", "-j", "2"],
        ["plan", "build", "{dir}", "-oout", "-j2", "--json", "--no-toc-update"],
        ["plan", "build", "{dir}", "--output=out", "--jobs=2", "--format", "pdf"],
        ["plan", "build", "{file}", "{file2}", "-o", "out"],
        ["plan", "build", "-o", "out", "--", "{dir}"],
    ],
)
def test_a_build_that_runs_workers_starts_them_first(
    args: list[str], started: list[bool], tmp_path: Path
) -> None:
    argv = _fill(args, tmp_path)
    assert launch.start_workers_early(argv) is True
    assert started == [True]


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "build", "{dir}", "-o", "out", "-j", "1"],
        ["plan", "build", "{dir}", "-o", "out", "-j1"],
        ["plan", "build", "{dir}", "-o", "out", "--jobs=1"],
        ["plan", "build", "{file}", "-o", "out"],  # one file: no workers
        ["plan", "build", "{dir}", "-o", "out", "--help"],
        ["plan", "build", "{dir}", "-h"],
        ["plan", "build", "{dir}", "-o", "out", "--unknown"],
        ["plan", "build", "{dir}", "-o", "out", "-j", "tanti"],  # click refuses it
        ["plan", "build", "{dir}", "-o", "out", "-j", "0"],
        ["plan", "build", "{dir}", "-o"],  # a value missing
        ["plan", "build", "{dir}", "--json=1"],  # a flag does not take a value
        ["plan", "build"],
        ["plan", "render", "{dir}", "-o", "out"],
        ["piano", "build", "{dir}", "-o", "out"],  # an old name: the command starts them
        ["plan"],
        [],
    ],
)
def test_nothing_starts_for_anything_else(
    args: list[str], started: list[bool], tmp_path: Path
) -> None:
    argv = _fill(args, tmp_path)
    assert launch.start_workers_early(argv) is False
    assert started == []


def test_one_processor_starts_nothing(
    started: list[bool], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(batch, "usable_cpus", lambda: 1)
    assert launch.start_workers_early(["plan", "build", str(tmp_path), "-o", "x"]) is False
    assert started == []


def test_a_build_started_early_makes_its_documents(tmp_path: Path) -> None:
    """The real command, as users run it: the forkserver started before the arguments are
    parsed is the one the build's workers come from, and the build ends cleanly."""
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


def _fill(args: list[str], tmp_path: Path) -> list[str]:
    folder = tmp_path / "piani"
    folder.mkdir(exist_ok=True)
    one, two = tmp_path / "uno.yaml", tmp_path / "due.yaml"
    for path in (one, two):
        path.write_bytes(SMALL.read_bytes())
    names = {"{dir}": str(folder), "{file}": str(one), "{file2}": str(two)}
    return [names.get(arg, arg) for arg in args]
