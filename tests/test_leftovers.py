"""Nothing left behind: stopped builds take their workers with them, leftovers are swept."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from incas_cli import batch_worker, scratch
from incas_cli.scratch import sweep_temp_dirs, temp_dir, temp_file_name
from tests.conftest import Cli
from tests.helpers import EXAMPLES, incas_argv, minimal_plan, write_plan


def _dead_pid() -> int:
    """The id of a process that has ended (reaped, so nothing answers to it)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def _group(pgid: int) -> list[int]:
    """Live processes of a process group (zombies excluded), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _wait_until(condition: object, limit: float) -> bool:
    """Poll ``condition`` (a callable) until true; False if ``limit`` seconds pass first."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return bool(condition())  # type: ignore[operator]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_a_stopped_parallel_build_leaves_no_process(tmp_path: Path, signum: int) -> None:
    for i in range(6):
        shutil.copy(EXAMPLES / "saluzzo.yaml", tmp_path / f"piano-{i}.yaml")
    argv = incas_argv("plan", "build", "--jobs", "2", "--no-toc-update", "-o", "out", ".")
    build = subprocess.Popen(
        argv,
        cwd=tmp_path,
        start_new_session=True,  # its own process group: every process it starts is in it
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        # the main process, the forkserver, two workers (and the resource tracker)
        assert _wait_until(lambda: len(_group(build.pid)) >= 4, 120), "the workers never started"
        os.kill(build.pid, signum)
        code = build.wait(timeout=60)
        # the rule: nothing of the build is alive 5 s after the signal
        assert _wait_until(lambda: not _group(build.pid), 5), _group(build.pid)
    finally:
        for pid in _group(build.pid):
            os.kill(pid, signal.SIGKILL)
        build.wait()
    stderr = build.stderr.read().decode() if build.stderr else ""
    if signum == signal.SIGTERM:
        assert code == 143, stderr
        assert "SIGTERM" in stderr
        assert "Traceback" not in stderr
    else:
        assert code == -signal.SIGKILL
    out = tmp_path / "out"
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")] if out.exists() else []
    if signum == signal.SIGTERM:
        assert leftovers == []


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_a_build_killed_while_it_starts_leaves_no_process(tmp_path: Path) -> None:
    # The forkserver starts before the command line is even read (incas_cli.launch): a
    # build killed with SIGKILL at that moment, before or while its workers start, takes
    # them, the forkserver and the resource tracker with it.
    for i in range(4):
        shutil.copy(EXAMPLES / "saluzzo.yaml", tmp_path / f"piano-{i}.yaml")
    argv = incas_argv("plan", "build", "--jobs", "2", "--no-toc-update", "-o", "out", ".")
    for delay in (0.0, 0.1, 0.2, 0.3, 0.45, 0.6):
        assert _left_by_a_kill_at_start(argv, tmp_path, delay) == [], delay


def _left_by_a_kill_at_start(argv: list[str], cwd: Path, delay: float) -> list[int]:
    """Start ``argv``, SIGKILL it ``delay`` s after its forkserver is up; what is alive 5 s
    later of its process group."""
    build = subprocess.Popen(argv, cwd=cwd, start_new_session=True, stdout=subprocess.DEVNULL)
    try:
        assert _wait_until(lambda: len(_group(build.pid)) >= 2, 60), "no forkserver"
        time.sleep(delay)
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=60)
        _wait_until(lambda: not _group(build.pid), 5)
        return _group(build.pid)
    finally:
        for pid in _group(build.pid):
            os.kill(pid, signal.SIGKILL)
        build.wait()


_WORKER_OF_A_GONE_BUILD = """
import os, sys
from incas_cli import batch_worker
batch_worker._stopping = {stopping}
batch_worker.init_worker({parent})
read_end, _ = os.pipe()
os.read(read_end, 1)  # as a worker waits for its next plan: nothing will ever come
sys.exit(3)
"""


@pytest.mark.parametrize("stopping", [False, True], ids=["idle", "stop-under-way"])
def test_a_worker_whose_build_is_gone_ends_even_blocked_in_a_read(stopping: bool) -> None:
    # The build's main process is gone (killed with SIGKILL) while its worker waits for
    # the next plan: the worker ends at once; a worker whose stop is already under way,
    # and stuck there, ends anyway within the grace period.
    script = _WORKER_OF_A_GONE_BUILD.format(stopping=stopping, parent=_dead_pid())
    started = time.monotonic()
    worker = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    took = time.monotonic() - started
    assert worker.returncode == 130, worker.stderr
    assert "Traceback" not in worker.stderr
    if stopping:
        assert took >= batch_worker.PARENT_GONE_GRACE
    assert took < batch_worker.PARENT_GONE_GRACE + 4


def test_leftover_folders_of_dead_processes_are_swept_by_the_next_command(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    dead = _dead_pid()
    abandoned = scratch / f"incas-lo-{dead}-abc123"
    (abandoned / "profile").mkdir(parents=True)
    (abandoned / "input.docx").write_bytes(b"contatti interni")
    for path in (abandoned / "profile", abandoned / "input.docx", abandoned):
        _age(path, 3600)
    at_work = scratch / f"incas-lo-{dead}-atwork"  # its id means nothing here, but it writes
    at_work.mkdir()
    (at_work / "output.pdf").write_bytes(b"%PDF")
    _age(at_work, 3600)
    young = scratch / f"incas-lo-{dead}-young"
    young.mkdir()  # just made: its process may not be visible yet; left for a later run
    alive = scratch / "incas-lo-1-alive"
    alive.mkdir()
    _age(alive, 3600)
    other = scratch / f"altro-{dead}-x"
    other.mkdir()
    _age(other, 3600)
    write_plan(tmp_path / "piano.yaml", minimal_plan())
    assert cli("plan", "validate", "piano.yaml", cwd=tmp_path).exit_code == 0
    assert sorted(p.name for p in scratch.iterdir()) == sorted(
        [young.name, alive.name, other.name, at_work.name]
    )


def _socket(folder: Path, name: str) -> Path:
    """A Unix socket file named ``name`` in ``folder``, as a LibreOffice pipe is."""
    here = Path.cwd()
    os.chdir(folder)  # a relative name: a socket's path is limited to about 100 bytes
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(name)
    finally:
        os.chdir(here)
    return folder / name


def test_pipes_of_killed_offices_are_swept_by_the_next_command(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipes = tmp_path / "pipes"
    pipes.mkdir()
    monkeypatch.setattr(scratch, "OFFICE_PIPE_FOLDERS", (str(pipes),))
    dead = _dead_pid()
    killed = _socket(pipes, f"OSL_PIPE_0_incas-{dead}-9281d09d705f5cc7")
    alive = _socket(pipes, f"OSL_PIPE_0_incas-{os.getpid()}-40c7723c9e448bf0")
    young = _socket(pipes, f"OSL_PIPE_0_incas-{dead}-2ff238dac8537d5c")
    not_ours = _socket(pipes, "OSL_PIPE_0_SingleOfficeIPC_1025f63fde2bc7d3e377b91268183c7b")
    not_a_pipe = pipes / f"OSL_PIPE_0_incas-{dead}-0badf00d"
    not_a_pipe.write_text("un file qualsiasi")
    for path in (killed, alive, not_ours, not_a_pipe):
        _age(path, 3600)
    write_plan(tmp_path / "piano.yaml", minimal_plan())
    assert cli("plan", "validate", "piano.yaml", cwd=tmp_path).exit_code == 0
    assert sorted(p.name for p in pipes.iterdir()) == sorted(
        p.name for p in (alive, young, not_ours, not_a_pipe)
    )


def test_temporary_folders_name_their_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    made = temp_dir("lo")
    assert made.parent == tmp_path and made.name.startswith(f"incas-lo-{os.getpid()}-")
    _age(made, 3600)
    assert sweep_temp_dirs() == []  # this process is alive: its folder stays
    assert made.is_dir()


def test_the_folders_of_a_killed_worker_are_removed_at_once(tmp_path: Path) -> None:
    """What ``plan build`` does for a worker it had to kill: its folders go, young or not,
    and only its own (a live process's, another process's, a file, stay)."""
    dead = _dead_pid()
    killed = tmp_path / f"incas-lo-{dead}-k1ll3d"
    (killed / "profile" / "user").mkdir(parents=True)
    (killed / "profile" / "user" / "registrymodifications.xcu").write_text("<x/>")
    also = tmp_path / f"incas-render-{dead}-abc"
    also.mkdir()
    alive = tmp_path / f"incas-lo-{os.getpid()}-alive"
    alive.mkdir()
    other = tmp_path / f"incas-lo-{dead}1-other"
    other.mkdir()
    a_file = tmp_path / f"incas-lo-{dead}-file"
    a_file.write_text("non una cartella")
    assert sorted(scratch.remove_temp_dirs_of(dead, tmp_path)) == sorted([killed, also])
    assert scratch.remove_temp_dirs_of(os.getpid(), tmp_path) == []  # alive: never touched
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (alive, other, a_file)
    )


def test_a_stop_while_a_folder_is_removed_waits_for_its_end() -> None:
    """A SIGTERM while the office's folder is made or removed takes effect right after,
    also in a process with other threads (a build worker has some: the kernel may hand the
    signal to one of them, so blocking it in the main thread is not enough)."""
    from incas_cli.publish.office import _signals_held

    seen: list[str] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: seen.append("handler"))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        with _signals_held():
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(200_000):  # Python work: a handler would run in here
                pass
            time.sleep(0.05)
            seen.append("removed")
        assert seen == ["removed", "handler"]
        with _signals_held():
            seen.append("again")
        assert seen == ["removed", "handler", "again"]  # a stop is raised once, not replayed
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop.set()
        other.join()


def test_leftover_temporary_files_are_swept_from_the_output_folder(
    cli: Cli, tmp_path: Path
) -> None:
    write_plan(tmp_path / "piano.yaml", minimal_plan())
    dead = _dead_pid()
    killed = tmp_path / f".incas-{dead}-0badf00d.tmp"
    killed.write_bytes(b"mezzo documento")
    _age(killed, 3600)
    live = tmp_path / temp_file_name()  # this process's own: in use
    live.write_bytes(b"in scrittura")
    _age(live, 3600)
    result = cli("plan", "render", "piano.yaml", "--no-toc-update", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert not killed.exists()
    assert live.exists()


def test_an_output_name_of_255_bytes_is_written(cli: Cli, tmp_path: Path) -> None:
    write_plan(tmp_path / "piano.yaml", minimal_plan())
    name = "p" * 250 + ".docx"
    assert len(name.encode()) == 255
    result = cli("plan", "render", "piano.yaml", "-o", name, "--no-toc-update", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).stat().st_size > 0
