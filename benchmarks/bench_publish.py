"""PDF through LibreOffice: the largest example, and 20 plans with 1 and 2 parallel jobs.

1. ``publish.convert(docx, "pdf")`` of the largest example (most measures), repeated:
   each run starts its own headless LibreOffice with a private profile, refreshes the
   table of contents and exports a tagged PDF/A-2b.
2. The same conversion for N plans (default 20: the examples' documents in turn), with
   a pool of 1 and 2 jobs; each job is a LibreOffice subprocess, so threads are enough to
   drive them.
3. With ``--build``: ``incas plan build DIR -o OUT --format pdf --jobs J`` as a
   subprocess over N plan files, end to end (checks, Word rendering, conversion).

Only conversions are timed in 1 and 2 (documents are rendered before the clock starts).
Run: python benchmarks/bench_publish.py [--count 20] [--jobs 1 2] [--repeat 3] [--build]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from incas_cli import publish
from incas_cli.checks import check_document
from incas_cli.io import load_yaml
from incas_cli.models import Plan

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Example:
    path: Path
    plan: Plan
    docx: bytes


def examples() -> list[Example]:
    from incas_cli.render import render_docx

    found = []
    for path in sorted((REPO / "examples").glob("*.yaml")):
        result = check_document(load_yaml(path))
        if result.ok and result.plan is not None:
            found.append(Example(path, result.plan, render_docx(result.plan)))
    return found


def to_pdf(example: Example, title: str | None = None) -> int:
    pdf = publish.convert(example.docx, "pdf", title=title or example.plan.plan.title)
    return len(pdf)


def timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def pool(items: list[Example], jobs: int) -> float:
    def one(k: int) -> int:
        item = items[k]
        return to_pdf(item, f"{item.plan.plan.title} (copia {k + 1})")

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as executor:
        sizes = list(executor.map(one, range(len(items))))
    assert all(size > 0 for size in sizes)
    return time.perf_counter() - start


def build(sources: list[Example], count: int, jobs: int) -> float:
    with tempfile.TemporaryDirectory(prefix="incas-bench-") as tmp:
        folder, out = Path(tmp) / "piani", Path(tmp) / "pdf"
        folder.mkdir()
        for k in range(count):
            source = sources[k % len(sources)].path
            shutil.copy(source, folder / f"{k + 1:02d}-{source.name}")
        command = [sys.executable, "-m", "incas_cli", "plan", "build", str(folder)]
        command += ["-o", str(out), "--format", "pdf", "--jobs", str(jobs)]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"plan build failed ({done.returncode}):\n{done.stdout}{done.stderr}")
        assert len(list(out.glob("*.pdf"))) == count
        return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=20, help="plans in the batch runs")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="pool sizes")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the single conversion")
    parser.add_argument("--build", action="store_true", help="also time `incas plan build`")
    args = parser.parse_args()

    if not publish.libreoffice_available():
        print("LibreOffice not available: apt-get install libreoffice-writer-nogui python3-uno")
        return 1
    sources = examples()
    largest = max(sources, key=lambda e: len(e.plan.measures))
    times = [timed(lambda: to_pdf(largest)) for _ in range(args.repeat)]

    rows: list[tuple[str, str, str, str]] = [
        (
            f"PDF of {largest.path.name} ({len(largest.plan.measures)} measures)",
            "1",
            f"{min(times):.2f} s (median {statistics.median(times):.2f} s)",
            "-",
        )
    ]
    batch = [sources[k % len(sources)] for k in range(args.count)]
    base: float | None = None
    for jobs in args.jobs:
        elapsed = pool(batch, jobs)
        base = base or elapsed
        rows.append(
            (
                f"convert {args.count} plans to PDF",
                str(jobs),
                f"{elapsed:.2f} s ({elapsed / args.count:.2f} s/plan)",
                f"x{base / elapsed:.2f}",
            )
        )
    if args.build:
        base = None
        for jobs in args.jobs:
            elapsed = build(sources, args.count, jobs)
            base = base or elapsed
            rows.append(
                (
                    f"plan build --format pdf, {args.count} plans",
                    str(jobs),
                    f"{elapsed:.2f} s ({elapsed / args.count:.2f} s/plan)",
                    f"x{base / elapsed:.2f}",
                )
            )

    header = ("what", "jobs", "time", "speed-up")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
