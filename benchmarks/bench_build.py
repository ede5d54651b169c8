"""`incas plan build` on many plans: plans per second with 1 and 2 jobs, and memory.

Generates N plans (default 200) from the valid examples, each with new ids for its needs
and measures (references follow) and its own title, in a temporary folder; then runs
``incas plan build DIR -o OUT --format docx --no-toc-update --json`` (the installed
``incas`` command, as users run it; incas's own work:
the index pass is LibreOffice's, timed by ``bench_publish.py``) as a subprocess with
``--jobs 1`` and ``--jobs 2``. While it runs, the peak resident memory (``VmHWM``) of
every process of the build is read from ``/proc``: the main process, and for ``--jobs 2``
each worker (workers are forked from multiprocessing's forkserver, so they are not waited for by the
build itself and ``getrusage(RUSAGE_CHILDREN)`` cannot see them; it is the fallback where
there is no ``/proc``), and the CPU time all of them used, per plan: on a machine shared
with other work the speed-up is bounded by the free cores, the CPU time per plan shows
what parallelism itself costs. Also checks that both runs wrote identical documents.

Each job count runs ``--repeat`` times, alternating (1, 2, 1, 2, ...), so that a burst of
other work on the machine does not fall on one job count only; the table shows the median
run of each, and the speed-up of every round.

Run: python benchmarks/bench_build.py [--count 200] [--jobs 1 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from incas_cli.checks import check_document
from incas_cli.io import dump_yaml, load_yaml, new_document_data

REPO = Path(__file__).resolve().parent.parent


def valid_examples() -> list[dict[str, Any]]:
    plans = []
    for path in sorted((REPO / "examples").glob("*.yaml")):
        doc = load_yaml(path)
        if check_document(doc).ok:
            plans.append(doc.plain())
    return plans


def renumbered(plan: dict[str, Any], k: int) -> dict[str, Any]:
    """A copy of ``plan`` with new need and measure ids (``N1`` -> ``P007-N1``) and title."""
    prefix = f"P{k:03d}-"
    data: dict[str, Any] = json.loads(json.dumps(plan, default=str))  # deep copy, dates as text
    needs = {n["id"]: prefix + str(n["id"]) for n in data.get("needs", [])}
    for need in data.get("needs", []):
        need["id"] = needs[need["id"]]
    for measure in data.get("measures", []):
        measure["id"] = prefix + str(measure["id"])
        measure["needs"] = [needs.get(ref, ref) for ref in measure.get("needs", [])]
    data["plan"]["title"] = f"{data['plan']['title']} (copia {k})"
    return data


def generate(folder: Path, count: int) -> None:
    examples = valid_examples()
    for k in range(count):
        plan = renumbered(examples[k % len(examples)], k)
        (folder / f"piano-{k:03d}.yaml").write_text(
            dump_yaml(new_document_data(plan)), encoding="utf-8"
        )


@dataclass
class Peaks:
    """Peak resident memory (kB) per process id, read from /proc while a build runs."""

    by_pid: dict[int, int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    cpu: dict[int, float] = field(default_factory=dict)
    """CPU seconds (user + system) last seen per process."""


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(_children(current))
    return out


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _watch(root: int, peaks: Peaks, stop: threading.Event) -> None:
    """Follow every descendant of ``root``, also the forkserver's children (the workers)."""
    while not stop.is_set():
        pids = set(_descendants(root))
        for pid in list(pids):
            pids.update(_descendants(pid))
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            peaks.cpu[pid] = (int(stat[11]) + int(stat[12])) / _TICKS
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    kb = int(line.split()[1])
                    peaks.by_pid[pid] = max(kb, peaks.by_pid.get(pid, 0))
            peaks.names.setdefault(pid, cmdline.decode(errors="replace"))
        stop.wait(0.05)


def incas_command() -> list[str]:
    """``incas`` as users run it (the installed script beside this Python, which also
    decides what the workers import), else ``python -m incas_cli``."""
    script = Path(sys.executable).with_name("incas")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "incas_cli"]


@dataclass
class Run:
    jobs: int
    seconds: float
    ok: int
    main_mb: float
    worker_mb: float | None
    cpu_seconds: float | None


def run_build(source: Path, output: Path, count: int, jobs: int) -> Run:
    cmd = [
        *incas_command(),
        "plan",
        "build",
        str(source),
        "-o",
        str(output),
        "--jobs",
        str(jobs),
        "--format",
        "docx",
        "--no-toc-update",
        "--json",
    ]
    peaks = Peaks()
    stop = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"}
    )
    watcher = threading.Thread(target=_watch, args=(proc.pid, peaks, stop), daemon=True)
    if Path("/proc/self/status").exists():
        watcher.start()
    out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    if watcher.is_alive():
        watcher.join()
    report = json.loads(out)
    ok = report["summary"]["ok"]
    if ok != count:
        raise SystemExit(f"--jobs {jobs}: {ok} of {count} plans built: {report['summary']}")
    main_kb = peaks.by_pid.get(proc.pid)
    workers = [
        kb
        for pid, kb in peaks.by_pid.items()
        if pid != proc.pid and "forkserver" in peaks.names.get(pid, "") and _is_worker(pid, peaks)
    ]
    if main_kb is None:  # no /proc: the largest waited-for descendant
        main_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cpu = sum(peaks.cpu.values()) if peaks.cpu else None
    return Run(jobs, seconds, ok, main_kb / 1024, max(workers) / 1024 if workers else None, cpu)


def _is_worker(pid: int, peaks: Peaks) -> bool:
    """Workers are the forkserver's children; the forkserver itself is one process only."""
    forkservers = sorted(p for p, name in peaks.names.items() if "forkserver" in name)
    return bool(forkservers) and pid != forkservers[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rounds: list[list[Run]] = []
    with tempfile.TemporaryDirectory(prefix="incas-bench-") as tmp:
        source = Path(tmp) / "piani"
        source.mkdir()
        generate(source, args.count)
        outputs: list[Path] = []
        for repeat in range(args.repeat):
            rounds.append([])
            for jobs in args.jobs:
                output = Path(tmp) / f"out-{jobs}-{repeat}"
                rounds[-1].append(run_build(source, output, args.count, jobs))
                outputs.append(output)
        first = {p.name: p.read_bytes() for p in outputs[0].iterdir()}
        for other in outputs[1:]:
            if {p.name: p.read_bytes() for p in other.iterdir()} != first:
                raise SystemExit(f"{other.name}: documents differ from {outputs[0].name}")
    runs = [median_run([r[k] for r in rounds]) for k in range(len(args.jobs))]
    base = args.count / runs[0].seconds
    print(
        f"incas plan build, {args.count} plans (docx), {os.cpu_count()} CPUs, "
        f"median of {args.repeat} runs each"
    )
    header = ("jobs", "seconds", "plans/s", "speed-up", "main MB", "worker MB", "CPU s/plan")
    print("{:>4} {:>8} {:>8} {:>8} {:>8} {:>9} {:>10}".format(*header))
    for run in runs:
        rate = args.count / run.seconds
        worker = f"{run.worker_mb:9.0f}" if run.worker_mb is not None else f"{'-':>9}"
        cpu = f"{run.cpu_seconds / args.count:10.3f}" if run.cpu_seconds else f"{'-':>10}"
        print(
            f"{run.jobs:>4} {run.seconds:8.1f} {rate:8.2f} {rate / base:7.2f}x "
            f"{run.main_mb:8.0f} {worker} {cpu}"
        )
    for k, jobs in enumerate(args.jobs[1:], start=1):
        each = ", ".join(f"{r[0].seconds / r[k].seconds:.2f}x" for r in rounds)
        print(f"speed-up of --jobs {jobs} in each round: {each}")
    print("documents identical across job counts and runs: yes")


def median_run(runs: list[Run]) -> Run:
    """The run of median time (the lower middle one for an even count)."""
    return sorted(runs, key=lambda run: run.seconds)[(len(runs) - 1) // 2]


if __name__ == "__main__":
    main()
