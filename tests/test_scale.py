"""Commands that take many plan files do, in their own process, work that grows with the
number of files no faster than the files themselves (and, where they only need totals,
memory that does not grow): checked by counting calls, or the objects alive at once (weak
references), at two sizes, never by timing."""

from __future__ import annotations

import gc
import shutil
import weakref
from collections.abc import Iterator
from concurrent import futures
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incas_cli import batch, checks, pool
from incas_cli import status as status_module
from incas_cli.batch import BuildOptions, Status, build_files, output_paths
from incas_cli.checks import CheckResult
from incas_cli.export import ExportOptions, PlanRecord, Publisher, export_plans
from incas_cli.inputs import find_plan_files
from incas_cli.monitor import checks as monitor_checks
from incas_cli.reports import report_json, report_json_parts
from incas_cli.status import PlanStatus, plan_status
from tests.conftest import Cli
from tests.helpers import EXAMPLES
from tests.strategies import examples


class _Alive:
    """How many of the objects it watches are alive now, the most at once, and in all."""

    def __init__(self) -> None:
        self.now = self.most = self.seen = 0

    def watch(self, thing: object) -> None:
        weakref.finalize(thing, self._gone)
        self.seen += 1
        self.now += 1
        self.most = max(self.most, self.now)

    def _gone(self) -> None:
        self.now -= 1


# --- plan build: output names ----------------------------------------------------------------


def _names_as_before(sources: list[Path]) -> list[str]:
    """``output_paths``'s rule as first written (each collision counted up from 2): the
    reference the faster one must agree with, name for name."""
    order = sorted(range(len(sources)), key=lambda i: str(sources[i]))
    taken: set[str] = set()
    names: dict[int, str] = {}
    for i in order:
        stem = sources[i].stem
        if stem.casefold() not in taken:
            taken.add(stem.casefold())
            names[i] = stem
    for i in order:
        if i in names:
            continue
        stem = sources[i].stem
        n = 2
        while f"{stem}-{n}".casefold() in taken:
            n += 1
        names[i] = f"{stem}-{n}"
        taken.add(names[i].casefold())
    return [f"{names[i]}.docx" for i in range(len(sources))]


_stems = st.sampled_from(["piano", "Piano", "PIANO", "piano-2", "piano-3", "Piano-2", "x", "x-2"])
_folders = st.sampled_from(["a", "b", "B", "c/d", "z"])


@given(st.lists(st.tuples(_folders, _stems), max_size=30))
@settings(max_examples=examples(100))
def test_output_names_are_those_of_the_first_rule(pairs: list[tuple[str, str]]) -> None:
    sources = list(dict.fromkeys(Path(folder) / f"{stem}.yaml" for folder, stem in pairs))
    names = [p.name for p in output_paths(sources, Path("out"), ".docx")]
    assert names == _names_as_before(sources)


def _names_tried(monkeypatch: pytest.MonkeyPatch, count: int) -> int:
    """How many numbered names ``output_paths`` tries for ``count`` ``comune-k/piano.yaml``."""
    tried = 0

    def counting(stem: str, n: int) -> str:
        nonlocal tried
        tried += 1
        return f"{stem}-{n}"

    monkeypatch.setattr(batch, "numbered", counting)
    sources = [Path(f"comune-{k:04d}") / "piano.yaml" for k in range(count)]
    names = [p.name for p in output_paths(sources, Path("out"), ".docx")]
    assert names == ["piano.docx", *(f"piano-{n}.docx" for n in range(2, count + 1))]
    return tried


def test_output_names_of_many_plans_of_one_name_are_found_in_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Thousands of Comuni each with its ``piano.yaml``: each name is tried once, where
    counting up from 2 for every file tried 1,225 names for 50 files and 19,900 for 200."""
    assert _names_tried(monkeypatch, 50) == 49
    assert _names_tried(monkeypatch, 200) == 199


# --- plan status: one plan at a time ---------------------------------------------------------


def _plans_folder(root: Path, count: int) -> Path:
    folder = root / f"piani-{count}"
    folder.mkdir()
    for k in range(count):
        shutil.copy(EXAMPLES / "breve.yaml", folder / f"piano-{k:03d}.yaml")
    return folder


def _most_statuses_alive(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, folder: Path, *args: str
) -> int:
    """The most plan statuses (each with its plan, facts and findings) alive at once while
    ``plan status FOLDER ARGS`` runs."""
    alive = _Alive()

    def tracked(path: Path, **kwargs: Any) -> PlanStatus:
        made = plan_status(path, **kwargs)
        alive.watch(made)
        return made

    monkeypatch.setattr(status_module, "plan_status", tracked)
    result = cli("plan", "status", str(folder), *args)
    assert result.exit_code == 0, result.output
    return alive.most


@pytest.mark.parametrize("args", [(), ("--json",)])
def test_plan_status_of_many_files_holds_one_plan_at_a_time(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """The summary table and the JSON report keep what they show of each plan (a row, an
    entry), not the plan: 20 files held 20 plans, with their facts and checks. (Two at a
    time: the loop still names one while the next is made.)"""
    most = [
        _most_statuses_alive(cli, monkeypatch, _plans_folder(tmp_path, count), *args)
        for count in (5, 20)
    ]
    assert most == [2, 2]


# --- JSON reports: written entry by entry -----------------------------------------------------


class _Entry(dict[str, Any]):
    """A report entry that can be watched (a plain dict cannot be weakly referenced)."""


def _validate_entries(count: int) -> Iterator[_Entry]:
    for k in range(count):
        yield _Entry(file=f"piano-{k}.yaml", status="failed", error=_ERROR)


_ERROR = {"message": "non trovato", "hint": None, "line": None, "column": None}


@pytest.mark.parametrize("count", [0, 1, 3])
def test_a_report_written_in_parts_is_the_report_written_whole(count: int) -> None:
    files = list(_validate_entries(count))
    assert "".join(report_json_parts("validate", {}, files)) == report_json(
        "validate", {"files": files}
    )
    head = {
        "output_dir": "out",
        "format": "docx",
        "edition": "pubblica",
        "final": False,
        "summary": {"total": count, "ok": 0, "invalid": 0, "failed": count, "skipped": 0},
    }
    built: list[dict[str, Any]] = [
        {
            "file": f"piano-{k}.yaml",
            "status": "failed",
            "output": None,
            "message": "non trovato",
            "errors": None,
            "warnings": None,
            "findings": [],
            "error": {**_ERROR, "file": f"piano-{k}.yaml"},
        }
        for k in range(count)
    ]
    assert "".join(report_json_parts("build", head, built)) == report_json(
        "build", {**head, "files": built}
    )


def test_a_report_written_in_parts_holds_one_entry_at_a_time() -> None:
    """(Two at a time: the loop still names one while the next is made.)"""
    for count in (10, 100):
        alive = _Alive()

        def watched(count: int = count, alive: _Alive = alive) -> Iterator[_Entry]:
            for entry in _validate_entries(count):
                alive.watch(entry)
                yield entry

        written = sum(len(part) for part in report_json_parts("validate", {}, watched()))
        assert written > 100 * count
        assert alive.most == 2, count


# --- export: a plan left out keeps no rows ----------------------------------------------------


def test_an_export_keeps_no_rows_of_the_plans_it_leaves_out(tmp_path: Path) -> None:
    """A second plan with the same key (the same Comune and start) is listed apart with
    its first problem; its rows, already computed, are let go like those written."""
    folder = tmp_path / "piani"
    folder.mkdir()
    for k in range(3):
        shutil.copy(EXAMPLES / "breve.yaml", folder / f"piano-{k}.yaml")
    sources = find_plan_files([folder]).plans
    result = export_plans(sources, ExportOptions(tmp_path / "dati", publisher=Publisher("ANCI")))
    assert result.exported == 1
    assert [r.name for r in result.rejected] == [str(s) for s in sources[1:]]
    assert all(r.message and not r.rows for r in result.rejected)


# --- monitor validate: a few plans at a time --------------------------------------------------


def _reports_of(root: Path, plans: int) -> list[str]:
    """Two reports for each of ``plans`` Comuni, each beside its plan."""
    report = (EXAMPLES / "monitoraggio" / "saluzzo-2024.yaml").read_text(encoding="utf-8")
    report = report.replace("file: ../saluzzo.yaml", "file: piano.yaml")
    files = []
    for k in range(plans):
        folder = root / f"{plans}-comune-{k}"
        folder.mkdir()
        shutil.copy(EXAMPLES / "saluzzo.yaml", folder / "piano.yaml")
        for year in (2024, 2025):
            path = folder / f"rapporto-{year}.yaml"
            path.write_text(report.replace("2024-", f"{year}-"), encoding="utf-8")
            files.append(str(path))
    return files


def test_monitor_validate_of_many_reports_keeps_a_few_plans(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The plans the reports name are kept while their reports come (each read once), a
    few at a time: the reports of 12 Comuni held the 12 plans, and every report."""
    monkeypatch.setattr(monitor_checks, "PLANS_KEPT", 2)
    checked = checks.check_document
    most = []
    for plans in (3, 12):
        alive = _Alive()

        def tracked(*args: Any, alive: _Alive = alive, **kwargs: Any) -> CheckResult:
            result = checked(*args, **kwargs)
            alive.watch(result)
            return result

        monkeypatch.setattr(checks, "check_document", tracked)
        result = cli("monitor", "validate", *_reports_of(tmp_path, plans))
        assert result.exit_code == 0, result.output
        assert alive.seen == plans  # each plan read once
        most.append(alive.most)
    assert most == [3, 3]  # the two kept, and the one just read


def test_an_export_keeps_the_reports_on_disk_until_every_plan_is_in(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Reports wait for the plans (a report's plan may come after it) in a temporary
    file, not in memory: 3 or 12 reports, at most two read reports alive at a time."""
    from incas_cli import export as export_module

    read = export_module.read_plan
    most = []
    for count in (3, 12):
        folder = tmp_path / f"piani-{count}"
        folder.mkdir()
        shutil.copy(EXAMPLES / "saluzzo.yaml", folder / "saluzzo.yaml")
        report = EXAMPLES / "monitoraggio" / "saluzzo-2024.yaml"
        text = report.read_text(encoding="utf-8").replace("../saluzzo.yaml", "saluzzo.yaml")
        reports = []
        for k in range(count):
            reports.append(folder / f"rapporto-{k}.yaml")
            reports[-1].write_text(text, encoding="utf-8")
        alive = _Alive()

        def tracked(source: Path, alive: _Alive = alive) -> PlanRecord:
            record = read(source)
            if record.report_of is not None:
                alive.watch(record)
            return record

        monkeypatch.setattr(export_module, "read_plan", tracked)
        result = export_plans(
            [*reports, folder / "saluzzo.yaml"], ExportOptions(tmp_path / f"dati-{count}")
        )
        assert (result.exported, result.reports) == (1, 1)  # the others: the same period
        assert [r.name for r in result.rejected] == [str(r) for r in reports[1:]]
        most.append(alive.most)
    assert most == [2, 2]


# --- plan build, one job: each collection looks at the last document only -------------------


def _scanned_after_each(monkeypatch: pytest.MonkeyPatch, folder: Path, count: int) -> list[int]:
    """The objects a full collection would look at as each of ``count`` documents is
    done (``plan build --jobs 1``: the memory of each document is given back first), in a
    process that freezes what is alive as at its first document."""
    monkeypatch.setattr(pool, "_frozen", False)
    sources = []
    for k in range(count):
        sources.append(folder / f"{count}" / f"piano-{k}.yaml")
        sources[-1].parent.mkdir(exist_ok=True)
        shutil.copy(EXAMPLES / "breve.yaml", sources[-1])
    scanned: list[int] = []
    options = BuildOptions(output_dir=folder / f"out-{count}", toc_update=False)
    try:
        outcomes = build_files(
            sources, options, jobs=1, on_outcome=lambda o: scanned.append(len(gc.get_objects()))
        )
    finally:
        gc.unfreeze()  # the rest of the tests' objects are collected as usual
    assert [o.status for o in outcomes] == [Status.OK] * count
    return scanned


def test_a_one_job_build_does_not_scan_the_outcomes_it_keeps_at_every_document(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The outcomes kept for the summary (a few objects each) are frozen out of the
    collector's scans with the rest of what is alive between two documents: 4,000 plans
    scanned 24,000 more objects at each document, growing with the square of the plans."""
    _scanned_after_each(monkeypatch, tmp_path, 1)  # what the first document loads, loaded
    last = [_scanned_after_each(monkeypatch, tmp_path, count)[-1] for count in (2, 8)]
    assert last[1] == last[0], last


# --- plan build, in workers: a few plans in flight ----------------------------------------------


def test_a_parallel_build_waits_on_a_few_plans_at_a_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every wait for a worker goes over each plan it is given: the plans are sent a few
    per worker, as others come back, where all were sent at once (20 plans: 20 at every
    wait; 4,000: 3 ms a wait)."""
    waited: list[int] = []
    real_wait = futures.wait

    def counting(fs: Any, *args: Any, **kwargs: Any) -> Any:
        waited.append(len(fs))
        return real_wait(fs, *args, **kwargs)

    monkeypatch.setattr(futures, "wait", counting)
    sources = []
    for k in range(20):
        sources.append(tmp_path / f"piano-{k}.yaml")
        shutil.copy(EXAMPLES / "breve.yaml", sources[-1])
    options = BuildOptions(output_dir=tmp_path / "out", toc_update=False)
    outcomes = build_files(sources, options, jobs=2)
    assert [o.status for o in outcomes] == [Status.OK] * 20
    assert [o.output for o in outcomes] == output_paths(sources, tmp_path / "out", ".docx")
    assert max(waited) == 2 * 4  # two workers, four plans each
