"""`incas export` and `incas plan compare` on many plans, against `plan validate` of the
same files (the floor: reading and checking every plan), in one run.

Generates N plans (default 2000) from the valid examples, each for another Comune of the
ISTAT list (so each has its own key) with new need and measure ids, then runs, as
subprocesses with the same ``--jobs``: ``plan validate DIR``, ``export DIR -o OUT``
(CSV), ``export DIR -o OUT --format xlsx`` and ``plan compare DIR -o confronto.docx``.
For each: the wall time, its ratio to ``plan validate``, and the peak resident memory of
the main process (``VmHWM`` from /proc, read while it runs; workers apart), and the CPU
time of all its processes (steadier than wall time on a machine shared with other work).
``plan compare`` runs again on the first quarter of the plans, so that one run shows
whether its memory grows with the number of plans (it should not: it streams); several
counts (``--count 500 2000 8000``) show the same for every command.

Run: python benchmarks/bench_export.py [--count 500 2000] [--jobs 1]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import Peaks, _watch, renumbered, valid_examples

from incas_cli.catalog import load_comuni
from incas_cli.io import dump_yaml, new_document_data


def generate(folder: Path, count: int) -> None:
    examples = valid_examples()
    comuni = list(load_comuni())
    for k in range(count):
        plan = renumbered(examples[k % len(examples)], k)
        record = comuni[(k * 7) % len(comuni)]
        plan["comune"] = {
            "name": record.name,
            "istat_code": record.istat_code,
            "province": record.province,
            "region": record.region,
        }
        (folder / f"piano-{k:04d}.yaml").write_text(
            dump_yaml(new_document_data(plan)), encoding="utf-8"
        )


def run(args: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds of every process of the command, peak MB of the main
    process, exit code."""
    cmd = [sys.executable, "-m", "incas_cli", *args]
    peaks = Peaks()
    stop = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_COLOR": "1"},
    )
    watcher = threading.Thread(target=_watch, args=(proc.pid, peaks, stop), daemon=True)
    watcher.start()
    code = proc.wait()
    seconds = time.perf_counter() - start
    stop.set()
    watcher.join()
    cpu = sum(peaks.cpu.values())
    return seconds, cpu, peaks.by_pid.get(proc.pid, 0) / 1024, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, nargs="+", default=[2000])
    parser.add_argument("--jobs", type=int, default=1)
    options = parser.parse_args()
    print(
        f"{'plans':>6} {'command':<31} {'wall s':>7} {'ratio':>6} {'CPU s':>7} {'ratio':>6}"
        f" {'main MB':>8}"
    )
    for count in options.count:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "piani"
            source.mkdir()
            generate(source, count)
            jobs = ["--jobs", str(options.jobs)]
            quarter = [str(p) for p in sorted(source.glob("*.yaml"))[: max(1, count // 4)]]
            commands = [
                ("plan validate", ["plan", "validate", str(source)]),
                ("export (csv)", ["export", str(source), "-o", f"{tmp}/csv", "--publisher", "B"]),
                (
                    "export --format xlsx",
                    [
                        "export",
                        str(source),
                        "-o",
                        f"{tmp}/x",
                        "--format",
                        "xlsx",
                        "--publisher",
                        "B",
                    ],
                ),
                (
                    "plan compare -o confronto.docx",
                    ["plan", "compare", str(source), "-o", f"{tmp}/c.docx"],
                ),
                (
                    "plan compare, a quarter of them",
                    ["plan", "compare", *quarter, "-o", f"{tmp}/c4.docx"],
                ),
            ]
            floor: tuple[float, float] | None = None
            for label, args in commands:
                extra = [] if args[:2] == ["plan", "validate"] else jobs
                seconds, cpu, mb, code = run([*args, *extra])
                if code not in (0, 3):
                    raise SystemExit(f"{label}: exit code {code}")
                floor = floor or (seconds, cpu)
                plans = len(quarter) if "quarter" in label else count
                print(
                    f"{plans:>6} {label:<31} {seconds:>7.1f} {seconds / floor[0]:>5.2f}x"
                    f" {cpu:>7.1f} {cpu / floor[1]:>5.2f}x {mb:>8.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
