"""LibreOffice kept warm: ``plan render`` and ``plan build --format pdf`` against floors
measured in the same run (issue 16).

1. ``incas plan render PIANO -o piano.docx`` (the default: the index pass through
   LibreOffice) of the largest example, against the floor *LibreOffice's own conversion of
   the same docx* (``soffice --headless --convert-to docx`` with a fresh private profile, as
   incas uses one) *plus* ``incas plan render --no-toc-update`` of the same plan. Target:
   within 1.3x. incas and the floor's two parts run alternately, ``--repeat`` times
   (median).
2. ``incas plan build DIR --format pdf --jobs 1`` of ``--count`` plans (the examples in
   turn), per document, against the floor *a bare UNO loop*: one ``soffice`` started
   before the clock, then for each docx (the same documents, rendered beforehand) the same
   UNO calls incas makes (load, refresh the indexes, set the properties, store as tagged
   PDF/A), timed from the first load to the last store. Target: within 1.2x.

Run: python benchmarks/bench_office.py [--count 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from incas_cli import publish  # noqa: E402
from incas_cli.publish.office import find_soffice, find_uno_python  # noqa: E402

RENDER_GOAL = 1.3
BUILD_GOAL = 1.2

# The floor of 2: uno_worker.py's own functions, driven in a plain loop.
UNO_LOOP = """
import json, sys, time
sys.path.insert(0, {folder!r})
import uno_worker as w

spec = json.load(open(sys.argv[1]))
office = w._start_office(spec)
desktop = None
try:
    ctx = w._connect(spec, office)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    start = time.perf_counter()
    for job in spec["jobs"]:
        w._work(job, desktop)
    print(time.perf_counter() - start)
finally:
    w._stop_office(desktop, office)
"""


def incas(*args: str, cwd: Path | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "incas_cli", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"incas {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return elapsed


def soffice_convert(docx: Path, out: Path) -> float:
    soffice = find_soffice()
    assert soffice is not None
    with tempfile.TemporaryDirectory(prefix="incas-bench-profile-") as profile:
        start = time.perf_counter()
        subprocess.run(
            [
                str(soffice),
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(out),
                str(docx),
            ],
            capture_output=True,
            check=True,
        )
        return time.perf_counter() - start


def render_row(example: Path, tmp: Path, repeat: int) -> tuple[float, float, float]:
    """(incas render, soffice conversion, render --no-toc-update), medians."""
    plain = tmp / "senza-indice.docx"
    runs: tuple[list[float], list[float], list[float]] = ([], [], [])
    for _ in range(repeat):
        runs[0].append(incas("plan", "render", str(example), "-o", str(tmp / "p.docx"), "--force"))
        runs[2].append(
            incas("plan", "render", str(example), "-o", str(plain), "--force", "--no-toc-update")
        )
        runs[1].append(soffice_convert(plain, tmp / "soffice"))
    median = statistics.median
    return median(runs[0]), median(runs[1]), median(runs[2])


def uno_loop(docs: list[Path], tmp: Path) -> float:
    """Seconds of the bare UNO loop over ``docs`` (office started before the clock)."""
    soffice = find_soffice()
    python = find_uno_python(soffice)
    assert soffice is not None and python is not None
    profile = tmp / "loop-profile"
    profile.mkdir()
    jobs = [
        {
            "input": str(doc),
            "output": str(tmp / f"loop-{k}.pdf"),
            "filter": "writer_pdf_Export",
            "filter_data": publish.PDF_FILTER_DATA,
            "properties": {"title": doc.stem, "language": "it-IT"},
            "update_indexes": True,
        }
        for k, doc in enumerate(docs)
    ]
    spec = tmp / "loop.json"
    spec.write_text(
        json.dumps(
            {
                "soffice": str(soffice),
                "profile_dir": str(profile),
                "pipe": f"incas-bench-{time.time_ns()}",
                "log": str(tmp / "loop.log"),
                "jobs": jobs,
            }
        ),
        encoding="utf-8",
    )
    script = tmp / "loop.py"
    script.write_text(UNO_LOOP.format(folder=str(REPO / "incas_cli" / "publish")))
    done = subprocess.run(
        [str(python), str(script), str(spec)], capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def build_row(count: int, tmp: Path) -> tuple[float, float]:
    """(incas build per document, UNO loop per document)."""
    examples = sorted((REPO / "examples").glob("*.yaml"))
    folder, docs = tmp / "piani", tmp / "docx"
    folder.mkdir()
    docs.mkdir()
    for k in range(count):
        source = examples[k % len(examples)]
        shutil.copy(source, folder / f"{k + 1:02d}-{source.name}")
    incas("plan", "build", str(folder), "-o", str(docs), "--no-toc-update", "--jobs", "1")
    documents = sorted(docs.glob("*.docx"))
    assert len(documents) == count
    out = tmp / "pdf"
    build = incas("plan", "build", str(folder), "-o", str(out), "--format", "pdf", "--jobs", "1")
    assert len(list(out.glob("*.pdf"))) == count
    return build / count, uno_loop(documents, tmp) / count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=10, help="plans built as PDF")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each render (median)")
    args = parser.parse_args()
    if not publish.libreoffice_available():
        print("LibreOffice not available: apt-get install libreoffice-writer-nogui python3-uno")
        return 1
    largest = max((REPO / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory(prefix="incas-bench-") as name:
        tmp = Path(name)
        render, convert, plain = render_row(largest, tmp, args.repeat)
        build, loop = build_row(args.count, tmp)
    rows = [
        (
            f"plan render {largest.name}",
            f"{render:.2f} s",
            f"{convert + plain:.2f} s",
            (render) / (convert + plain),
            RENDER_GOAL,
            f"soffice --convert-to docx {convert:.2f} s + render --no-toc-update {plain:.2f} s",
        ),
        (
            f"plan build --format pdf, {args.count} piani, -j 1",
            f"{build:.2f} s/doc",
            f"{loop:.2f} s/doc",
            build / loop,
            BUILD_GOAL,
            "bare UNO loop, same calls, office already started",
        ),
    ]
    print(f"{'misura':<42} {'incas':>11} {'floor':>11} {'rapporto':>9} {'obiettivo':>9}  floor")
    for name, value, floor, ratio, goal, what in rows:
        print(f"{name:<42} {value:>11} {floor:>11} {ratio:>8.2f}x {goal:>8.2f}x  {what}")
    return 0 if all(r[3] <= r[4] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
