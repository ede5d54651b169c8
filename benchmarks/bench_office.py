"""LibreOffice kept warm: ``plan render`` and ``plan build --format pdf`` against floors
measured in the same run (issue 16).

1. ``incas plan render PIANO -o piano.docx`` (the default: the index pass through
   LibreOffice) of the largest example, against the floor *LibreOffice's own conversion of
   the same docx* (``soffice --headless --convert-to docx`` with a fresh private profile, as
   incas uses one) *plus* ``incas plan render --no-toc-update`` of the same plan. Target:
   within 1.3x. incas and the floor's two parts run alternately, ``--repeat`` times
   (median).
2. ``incas plan build DIR --format pdf --jobs 1`` of ``--count`` plans (the examples in
   turn), per document, against the floor *a bare UNO loop*: one ``soffice`` and, for
   each docx (the same documents, rendered beforehand), the same UNO calls incas makes
   (load, refresh the indexes, set the properties, store as tagged PDF/A). Target: within
   1.2x. Three views, each incas against the loop (medians of ``--repeat`` runs,
   alternated):

   - *start-up in both* (like for like): the whole command against the loop's whole
     process (its Python, LibreOffice's start, the documents, LibreOffice's stop), per
     document;
   - *per document, marginal* (like for like): ``(T(N) - T(1)) / (N - 1)`` for both, N =
     ``--count``: what one more document costs once each has started;
   - *start-up in incas only* (the view of earlier sessions, not like for like): the whole
     command against the loop timed from the first load to the last store, LibreOffice
     started before the clock and stopped after it.

   The exit status follows the two like-for-like views (and the render).

   Like incas, the loop makes complete PDFs: where LibreOffice 7.4 loses the rows of a
   table (Siracusa's, below the network figure: :func:`incas_cli.pipeline._rows_restored`)
   incas converts the document again with that table on a new page, and so does the loop
   (the same docx, the same second conversion: :func:`complete_pdf_docs`). Without it the
   loop would be timed making a PDF with rows missing.

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
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from incas_cli import publish  # noqa: E402
from incas_cli.publish.office import find_soffice, find_uno_python  # noqa: E402

RENDER_GOAL = 1.3
BUILD_GOAL = 1.2

# The floor of 2: uno_worker.py's own functions, driven in a plain loop; prints the seconds
# from the first load to the last store (LibreOffice started before, stopped after).
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
    script = Path(sys.executable).with_name("incas")  # as users run it, when installed
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "incas_cli"]
    done = subprocess.run(
        [*command, *args],
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


def uno_loop(docs: list[Path], tmp: Path) -> tuple[float, float]:
    """The bare UNO loop over ``docs``: (its whole process, from the first load to the last
    store), in seconds. Each run has a fresh profile, as each incas command has."""
    soffice = find_soffice()
    python = find_uno_python(soffice) if soffice is not None else None
    assert soffice is not None and python is not None
    run = Path(tempfile.mkdtemp(prefix="loop-", dir=tmp))
    profile = run / "profile"
    profile.mkdir()
    jobs = [
        {
            "input": str(doc),
            "output": str(run / f"loop-{k}.pdf"),
            "filter": "writer_pdf_Export",
            "filter_data": publish.PDF_FILTER_DATA,
            "properties": {"title": doc.stem, "language": "it-IT"},
            "update_indexes": True,
        }
        for k, doc in enumerate(docs)
    ]
    spec = run / "loop.json"
    spec.write_text(
        json.dumps(
            {
                "soffice": str(soffice),
                "profile_dir": str(profile),
                "pipe": f"incas-bench-{time.time_ns()}",
                "log": str(run / "loop.log"),
                "jobs": jobs,
            }
        ),
        encoding="utf-8",
    )
    script = run / "loop.py"
    script.write_text(UNO_LOOP.format(folder=str(REPO / "incas_cli" / "publish")))
    start = time.perf_counter()
    done = subprocess.run(
        [str(python), str(script), str(spec)], capture_output=True, text=True, check=True
    )
    whole = time.perf_counter() - start
    return whole, float(done.stdout.strip().splitlines()[-1])


def complete_pdf_docs(documents: list[Path], tmp: Path) -> list[Path]:
    """What a bare UNO loop converts to make complete PDFs of ``documents``: each docx,
    and again, as incas does, with a page break before each table whose rows the PDF lost
    (:func:`incas_cli.publish.pdf.unplaced_tables`,
    :func:`incas_cli.writers.package.break_before_tables`), until none is lost."""
    from incas_cli.pipeline import RELAYOUT_ATTEMPTS
    from incas_cli.publish.pdf import unplaced_tables
    from incas_cli.writers.package import break_before_tables

    jobs = list(documents)
    probe = Path(tempfile.mkdtemp(prefix="probe-", dir=tmp))
    for k, doc in enumerate(documents):
        original, source, moved = doc.read_bytes(), doc, set[int]()
        for attempt in range(RELAYOUT_ATTEMPTS):
            uno_loop([source], probe)
            pdfs = sorted(probe.glob("loop-*/loop-0.pdf"), key=lambda p: p.stat().st_mtime)
            lost, count = unplaced_tables(pdfs[-1].read_bytes())
            if not lost or moved.issuperset(lost):
                break
            moved.update(lost)
            source = probe / f"again-{k}-{attempt}.docx"
            source.write_bytes(break_before_tables(original, moved, tables=count))
            jobs.append(source)
    return jobs


@dataclass
class BuildTimes:
    """Medians, in seconds, of N and of 1 documents: incas's command, the loop's whole
    process, the loop from the first load to the last store."""

    count: int
    incas_n: float
    incas_1: float
    loop_n: float
    loop_1: float
    inner_n: float

    def views(self) -> list[tuple[str, float, float, str]]:
        """(view, incas s/doc, floor s/doc, what the floor is)."""
        n = self.count
        return [
            (
                "avvio in entrambi",
                self.incas_n / n,
                self.loop_n / n,
                "UNO loop, whole process (Python, office start and stop)",
            ),
            (
                f"marginale (T({n})-T(1))/{n - 1}",
                (self.incas_n - self.incas_1) / (n - 1),
                (self.loop_n - self.loop_1) / (n - 1),
                "UNO loop, same difference",
            ),
            (
                "avvio solo in incas",
                self.incas_n / n,
                self.inner_n / n,
                "UNO loop, office already started (not like for like)",
            ),
        ]


def build_row(count: int, tmp: Path, repeat: int) -> BuildTimes:
    """incas ``plan build --format pdf -j 1`` of ``count`` plans and of the first alone,
    and the UNO loop over the same documents, alternated ``repeat`` times."""
    if count < 2:
        raise SystemExit("--count must be at least 2 (the marginal view needs two sizes)")
    examples = sorted((REPO / "examples").glob("*.yaml"))
    folder, first, docs = tmp / "piani", tmp / "primo", tmp / "docx"
    for made in (folder, first, docs):
        made.mkdir()
    for k in range(count):
        source = examples[k % len(examples)]
        shutil.copy(source, folder / f"{k + 1:02d}-{source.name}")
    shutil.copy(sorted(folder.iterdir())[0], first)
    incas("plan", "build", str(folder), "-o", str(docs), "--no-toc-update", "--jobs", "1")
    documents = sorted(docs.glob("*.docx"))
    assert len(documents) == count
    floor_docs = complete_pdf_docs(documents, tmp)
    again = len(floor_docs) - count
    print(f"documents converted again for rows LibreOffice lost: {again} of {count}")
    runs: dict[str, list[float]] = {key: [] for key in ("tn", "t1", "ln", "l1", "in")}
    for r in range(repeat):
        out = tmp / f"pdf-{r}"
        build = ("plan", "build", "--format", "pdf", "--jobs", "1", "-o")
        runs["tn"].append(incas(*build, str(out), str(folder)))
        assert len(list(out.glob("*.pdf"))) == count
        whole, inner = uno_loop(floor_docs, tmp)
        runs["ln"].append(whole)
        runs["in"].append(inner)
        runs["t1"].append(incas(*build, str(tmp / f"pdf1-{r}"), str(first)))
        runs["l1"].append(uno_loop(documents[:1], tmp)[0])
    median = statistics.median
    return BuildTimes(
        count,
        incas_n=median(runs["tn"]),
        incas_1=median(runs["t1"]),
        loop_n=median(runs["ln"]),
        loop_1=median(runs["l1"]),
        inner_n=median(runs["in"]),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=10, help="plans built as PDF")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure (median)")
    args = parser.parse_args()
    if not publish.libreoffice_available():
        print("LibreOffice not available: apt-get install libreoffice-writer-nogui python3-uno")
        return 1
    largest = max((REPO / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory(prefix="incas-bench-") as name:
        tmp = Path(name)
        render, convert, plain = render_row(largest, tmp, args.repeat)
        times = build_row(args.count, tmp, args.repeat)
    rows = [
        (
            f"plan render {largest.name}",
            f"{render:.2f} s",
            f"{convert + plain:.2f} s",
            (render) / (convert + plain),
            RENDER_GOAL,
            f"soffice --convert-to docx {convert:.2f} s + render --no-toc-update {plain:.2f} s",
        )
    ]
    for view, per_doc, floor_per_doc, what in times.views():
        rows.append(
            (
                f"build pdf -j 1, {args.count} piani: {view}",
                f"{per_doc:.2f} s/doc",
                f"{floor_per_doc:.2f} s/doc",
                per_doc / floor_per_doc,
                BUILD_GOAL,
                what,
            )
        )
    print(f"{'misura':<50} {'incas':>11} {'floor':>11} {'rapporto':>9} {'obiettivo':>9}  floor")
    for name, value, floor, ratio, goal, what in rows:
        print(f"{name:<50} {value:>11} {floor:>11} {ratio:>8.2f}x {goal:>8.2f}x  {what}")
    print(
        f"incas: {times.incas_n:.2f} s for {args.count}, {times.incas_1:.2f} s for 1; "
        f"UNO loop: {times.loop_n:.2f} s and {times.loop_1:.2f} s "
        f"({times.inner_n:.2f} s from the first load to the last store)"
    )
    return 0 if all(r[3] <= r[4] for r in rows[:3]) else 1


if __name__ == "__main__":
    sys.exit(main())
