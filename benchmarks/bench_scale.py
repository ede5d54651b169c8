"""Commands on many plan files at several counts: CPU time per file and peak memory of the
main process, which should stay flat from 100 to 4,000 files (work linear in the files,
memory flat where a command keeps only a row or an entry per file).

Generates the largest count of plans once (each another Comune, as ``bench_export.py``), in
the layout staff keep them, ``comune-0042/piano.yaml`` (every plan with the same name, so
``plan build`` numbers thousands of documents), and links the first N into a folder per
count. Then runs, as subprocesses: ``plan validate`` (text and ``--json``), ``plan status``
(table and ``--json``), ``export`` (CSV), ``plan compare -o x.xlsx`` and ``plan build
--format docx --no-toc-update --json`` over documents already there, so that every plan
is read and checked and no document rendered (what a build's own process does, without
the rendering that ``bench_build.py`` times). All with ``--jobs 1``: everything in the
one process measured. On a machine shared with other work the CPU time per file is the
steadier figure; the tests (``tests/test_scale.py``) count calls instead.

Run: python benchmarks/bench_scale.py [--count 100 1000 4000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_export import generate, run

from incas_cli.batch import output_paths
from incas_cli.inputs import find_plan_files


def nested(source: Path, target: Path, count: int) -> None:
    """The first ``count`` plans of ``source`` as ``target/comune-k/piano.yaml`` (links)."""
    for k, plan in enumerate(sorted(source.glob("*.yaml"))[:count]):
        folder = target / f"comune-{k:04d}"
        folder.mkdir(parents=True)
        try:
            os.link(plan, folder / "piano.yaml")
        except OSError:
            shutil.copy(plan, folder / "piano.yaml")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, nargs="+", default=[100, 1000, 4000])
    options = parser.parse_args()
    print(f"{'files':>6} {'command':<22} {'wall s':>7} {'CPU ms/file':>12} {'main MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        plans = Path(tmp) / "generati"
        plans.mkdir()
        generate(plans, max(options.count))
        for count in options.count:
            folder = Path(tmp) / f"piani-{count}"
            nested(plans, folder, count)
            out = Path(tmp) / f"out-{count}"
            built = out / "build"
            built.mkdir(parents=True)
            for document in output_paths(find_plan_files([folder]).plans, built, ".docx"):
                document.write_bytes(b"")  # already there: the build checks, then skips
            commands = [
                ("plan validate", ["plan", "validate", str(folder)]),
                ("plan validate --json", ["plan", "validate", str(folder), "--json"]),
                ("plan status", ["plan", "status", str(folder)]),
                ("plan status --json", ["plan", "status", str(folder), "--json"]),
                ("export", ["export", str(folder), "-o", f"{out}/csv", "--publisher", "B"]),
                ("plan compare -o x.xlsx", ["plan", "compare", str(folder), "-o", f"{out}/c.xlsx"]),
                (
                    "plan build (skips)",
                    [
                        *("plan", "build", str(folder), "-o", str(built)),
                        *("--format", "docx", "--no-toc-update", "--json"),
                    ],
                ),
            ]
            for label, args in commands:
                jobs = [] if args[:2] in (["plan", "validate"], ["plan", "status"]) else ["-j1"]
                seconds, cpu, mb, code = run([*args, *jobs])
                if code not in (0, 3):
                    raise SystemExit(f"{label}: exit code {code}")
                line = f"{count:>6} {label:<22} {seconds:>7.1f} {1000 * cpu / count:>12.2f}"
                print(f"{line} {mb:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
