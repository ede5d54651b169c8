"""`incas plan build`: outcomes per file, exit codes, names, atomicity, jobs, Ctrl-C."""

from __future__ import annotations

import importlib
import io
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from incas_cli.batch import (
    BuildOptions,
    Outcome,
    Status,
    build_files,
    build_report,
    default_jobs,
    output_paths,
)
from incas_cli.document.model import Run, plain
from incas_cli.errors import IncasError
from incas_cli.inputs import find_plan_files
from tests.conftest import Cli
from tests.helpers import EXAMPLES, incas_argv, minimal_plan, write_plan

SMALL = EXAMPLES / "bozza-iniziale.yaml"  # renders fast


def _is_whole_docx(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return archive.testzip() is None and "word/document.xml" in archive.namelist()


def _mixed_folder(root: Path) -> Path:
    """Two valid plans with the same name, one invalid, two unreadable ones."""
    folder = root / "piani"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    shutil.copy(SMALL, folder / "a" / "piano.yaml")
    data = minimal_plan()
    write_plan(folder / "b" / "piano.yml", data)
    invalid = minimal_plan()
    invalid["measures"][0]["lead"] = "nessuno"
    write_plan(folder / "invalido.yaml", invalid)
    (folder / "rotto.yaml").write_text("schema_version: 1\nplan: [\n", encoding="utf-8")
    (folder / "word.yaml").write_bytes(b"PK\x03\x04word/document.xml" + bytes(100))
    (folder / "note.txt").write_text("non è un piano", encoding="utf-8")
    return folder


# --- names -----------------------------------------------------------------------------------


def test_output_names_resolve_collisions_deterministically() -> None:
    sources = [Path("b/piano.yaml"), Path("a/piano.yaml"), Path("c/piano-2.yaml"), Path("x.yml")]
    names = [p.name for p in output_paths(sources, Path("out"), ".docx")]
    assert names == ["piano-3.docx", "piano.docx", "piano-2.docx", "x.docx"]
    reordered = [p.name for p in output_paths(sources[::-1], Path("out"), ".docx")]
    assert reordered == names[::-1]
    # names differing only by case collide on some file systems
    folded = output_paths([Path("A/Piano.yaml"), Path("b/piano.yaml")], Path("o"), ".pdf")
    assert [p.name for p in folded] == ["Piano.pdf", "piano-2.pdf"]
    assert all(p.parent == Path("o") for p in folded)


def test_a_folder_scan_leaves_out_monitoring_reports_only(tmp_path: Path) -> None:
    """A report (``report:`` and no ``plan:``) beside its plans is left out; a file with
    both, in either order and however long the part before ``plan:``, is a plan."""
    write_plan(tmp_path / "piano.yaml", minimal_plan())
    shutil.copy(EXAMPLES / "monitoraggio" / "saluzzo-2024.yaml", tmp_path / "rapporto.yaml")
    long_report = "report:\n" + "".join(f"  voce{i}: {i}\n" for i in range(20000))
    (tmp_path / "prima-il-rapporto.yaml").write_text(long_report + "plan:\n  title: x\n")
    (tmp_path / "prima-il-piano.yaml").write_text("plan:\n  title: x\nreport:\n  a: 1\n")
    (tmp_path / "solo-rapporto.yaml").write_text("# note\nreport :\n  plan_ref: x\n")
    found = find_plan_files([tmp_path]).plans
    assert [p.name for p in found] == [
        "piano.yaml",
        "prima-il-piano.yaml",
        "prima-il-rapporto.yaml",
    ]


@pytest.mark.parametrize("command", [["plan", "validate"], ["plan", "status"], ["export"]])
def test_reports_left_out_of_a_folder_are_told(
    cli: Cli, tmp_path: Path, command: list[str]
) -> None:
    """A user who points a command at a folder with reports beside the plans is told that
    they were not read, and which command reads them."""
    folder = tmp_path / "piani"
    folder.mkdir()
    write_plan(folder / "piano.yaml", minimal_plan())
    shutil.copy(EXAMPLES / "monitoraggio" / "saluzzo-2024.yaml", folder / "rapporto.yaml")
    extra = ["-o", str(tmp_path / "dati")] if command == ["export"] else []
    result = cli(*command, str(folder), *extra)
    assert "lasciate da parte: 1 (la prima: " in result.stderr
    assert "rapporto.yaml" in result.stderr and "incas monitor validate" in result.stderr
    plans_only = tmp_path / "solo-piani"
    plans_only.mkdir()
    write_plan(plans_only / "piano.yaml", minimal_plan())
    extra = ["-o", str(tmp_path / "dati2")] if command == ["export"] else []
    assert "lasciate da parte" not in cli(*command, str(plans_only), *extra).stderr


@pytest.mark.parametrize("command", [["plan", "validate"], ["plan", "status"], ["export"]])
def test_a_plan_saved_with_txt_after_yaml_is_told_not_skipped_silently(
    cli: Cli, tmp_path: Path, command: list[str]
) -> None:
    """Notepad saves «piano.yaml» as «piano.yaml.txt» unless told otherwise: a folder walk
    that leaves it out says so, and a folder with only such files says what to rename."""
    folder = tmp_path / "piani"
    folder.mkdir()
    write_plan(folder / "piano.yaml", minimal_plan())
    write_plan(folder / "lagnasco.yaml.txt", minimal_plan())
    extra = ["-o", str(tmp_path / "dati")] if command == ["export"] else []
    result = cli(*command, str(folder), *extra)
    assert "lagnasco.yaml.txt" in result.stderr, result.stderr
    assert "lagnasco.yaml" in result.stderr and "rinomina" in result.stderr
    only = tmp_path / "solo-txt"
    only.mkdir()
    write_plan(only / "lagnasco.yaml.txt", minimal_plan())
    extra = ["-o", str(tmp_path / "dati2")] if command == ["export"] else []
    result = cli(*command, str(only), *extra)
    assert result.exit_code == 1
    assert "non ci sono file di piano" in result.stderr
    assert "lagnasco.yaml.txt" in result.stderr and "rinomina" in result.stderr, result.stderr


def test_default_jobs() -> None:
    assert default_jobs(1) == 1
    assert 1 <= default_jobs(1000) <= 1000


# --- a folder mixing valid, invalid and unreadable files ----------------------------------


def test_mixed_folder_outcomes_exit_code_and_json(cli: Cli, tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    result = cli(
        "plan",
        "build",
        "piani",
        "-o",
        "documenti",
        "--jobs",
        "2",
        "--json",
        "--no-toc-update",
        cwd=tmp_path,
    )
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 1  # some file failed (1 wins over 3)
    report = json.loads(out)
    by_file = {f["file"]: f for f in report["files"]}
    assert list(by_file) == [
        "piani/a/piano.yaml",
        "piani/b/piano.yml",
        "piani/invalido.yaml",
        "piani/rotto.yaml",
        "piani/word.yaml",
    ]
    assert {k: v["status"] for k, v in by_file.items()} == {
        "piani/a/piano.yaml": "ok",
        "piani/b/piano.yml": "ok",
        "piani/invalido.yaml": "invalid",
        "piani/rotto.yaml": "failed",
        "piani/word.yaml": "failed",
    }
    assert by_file["piani/a/piano.yaml"]["output"] == "documenti/piano.docx"
    assert by_file["piani/b/piano.yml"]["output"] == "documenti/piano-2.docx"
    invalid = by_file["piani/invalido.yaml"]
    assert invalid["output"] is None
    assert invalid["errors"] == 1
    assert invalid["findings"][0]["code"] == "UNKNOWN_STAKEHOLDER"
    assert invalid["message"].startswith("il piano ha 1 problema bloccante: piani/invalido.yaml:")
    assert "[UNKNOWN_STAKEHOLDER] measures[0].lead" in invalid["message"]
    assert by_file["piani/rotto.yaml"]["error"]["line"] == 3
    assert by_file["piani/rotto.yaml"]["message"].startswith("piani/rotto.yaml:3:1: ")
    assert "documento Word" in by_file["piani/word.yaml"]["error"]["message"]
    assert report["summary"] == {"total": 5, "ok": 2, "invalid": 1, "failed": 2, "skipped": 0}

    written = sorted(p.name for p in (tmp_path / "documenti").iterdir())
    assert written == ["piano-2.docx", "piano.docx"]
    assert all(_is_whole_docx(tmp_path / "documenti" / n) for n in written)
    # plain progress lines on stderr, one per file (not a terminal)
    assert err.count("/5] ") == 5
    assert "ok piani/a/piano.yaml -> documenti/piano.docx" in err
    assert folder.exists()


def test_json_report_contract(cli: Cli, tmp_path: Path) -> None:
    """The schema scripts rely on: every key always present, with these types."""
    _mixed_folder(tmp_path)
    result = cli(
        "plan", "build", "piani", "-o", "d", "--json", "-j", "1", "--no-toc-update", cwd=tmp_path
    )
    code, out = result.exit_code, result.stdout
    assert code == 1
    report = json.loads(out)
    assert list(report) == [
        "version",
        "kind",
        "output_dir",
        "format",
        "edition",
        "final",
        "summary",
        "files",
    ]
    assert report["version"] == 1
    assert (report["output_dir"], report["format"], report["edition"], report["final"]) == (
        "d",
        "docx",
        "pubblica",
        False,
    )
    assert list(report["summary"]) == ["total", "ok", "invalid", "failed", "skipped"]
    types: dict[str, tuple[type, ...]] = {
        "file": (str,),
        "status": (str,),
        "output": (str, type(None)),
        "message": (str, type(None)),
        "errors": (int, type(None)),
        "warnings": (int, type(None)),
        "findings": (list,),
        "error": (dict, type(None)),
    }
    for entry in report["files"]:
        assert list(entry) == list(types)
        for key, allowed in types.items():
            assert isinstance(entry[key], allowed), (key, entry[key])
        assert entry["status"] in ("ok", "invalid", "failed", "skipped")
        assert (entry["output"] is not None) == (entry["status"] in ("ok", "skipped"))
        assert (entry["message"] is None) == (entry["status"] == "ok")
        if entry["error"] is not None:
            assert list(entry["error"]) == ["message", "hint", "file", "line", "column"]
        for finding in entry["findings"]:
            assert list(finding) == [
                "code",
                "severity",
                "path",
                "file",
                "line",
                "column",
                "message",
                "hint",
            ]


def test_only_invalid_exits_3_and_all_ok_exits_0(cli: Cli, tmp_path: Path) -> None:
    invalid = minimal_plan()
    invalid["needs"][0]["area"] = "sconosciuta"
    write_plan(tmp_path / "x.yaml", invalid)
    result = cli("plan", "build", "x.yaml", "-o", "out", cwd=tmp_path)
    code, out = result.exit_code, result.stdout
    assert code == 3
    assert "non valido" in out and "[UNKNOWN_NEED_AREA]" in out
    assert list((tmp_path / "out").iterdir()) == []
    write_plan(tmp_path / "y.yaml", minimal_plan())
    result = cli("plan", "build", "y.yaml", "-o", "out", "--no-toc-update", cwd=tmp_path)
    code, out = result.exit_code, result.stdout
    assert code == 0
    assert (
        "1 file: impaginati 1, già presenti 0, non validi 0, non riusciti 0 (documenti in out)"
        in out
    )
    assert _is_whole_docx(tmp_path / "out" / "y.docx")


def test_final_blocks_an_incomplete_plan(cli: Cli, tmp_path: Path) -> None:
    result = cli("plan", "build", str(SMALL), "-o", "out", "--final", "--json", cwd=tmp_path)
    code, out = result.exit_code, result.stdout
    assert code == 3
    entry = json.loads(out)["files"][0]
    assert entry["status"] == "invalid"
    assert entry["message"].startswith("il piano ha 54 problemi bloccanti: ")


def test_existing_output_is_not_overwritten_without_force(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "piano.docx").write_bytes(b"vecchio")
    shutil.copy(SMALL, tmp_path / "piano.yaml")
    result = cli(
        "plan", "build", "piano.yaml", "-o", "out", "--json", "--no-toc-update", cwd=tmp_path
    )
    code, stdout = result.exit_code, result.stdout
    assert code == 0  # skipped, not failed: re-running a batch is the normal flow
    report = json.loads(stdout)
    entry = report["files"][0]
    assert entry["status"] == "skipped"
    assert report["summary"]["skipped"] == 1
    assert entry["output"] == "out/piano.docx"
    assert entry["message"] == "out/piano.docx: il file esiste già"
    assert "--force" in entry["error"]["hint"]
    assert (out / "piano.docx").read_bytes() == b"vecchio"
    result = cli(
        "plan", "build", "piano.yaml", "-o", "out", "--force", "--no-toc-update", cwd=tmp_path
    )
    code = result.exit_code
    assert code == 0
    assert _is_whole_docx(out / "piano.docx")
    assert not list(out.glob(".*.tmp"))


@pytest.mark.slow
def test_a_one_job_build_through_libreoffice_reports_in_input_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One job with the index pass prepares the next plans while LibreOffice works on one:
    small plans after a large one finish first, the outcomes still come in input order."""
    monkeypatch.setenv("INCAS_SOFFICE", "")  # no LibreOffice: the index is left to Word
    large = EXAMPLES / "saluzzo.yaml"
    sources = [large, SMALL, SMALL, large, SMALL]
    seen: list[str] = []
    outcomes = build_files(
        sources, BuildOptions(tmp_path / "out"), jobs=1, on_outcome=lambda o: seen.append(o.name)
    )
    assert [o.name for o in outcomes] == [str(s) for s in sources]
    assert sorted(seen) == sorted(str(s) for s in sources)
    assert [o.status for o in outcomes] == [Status.OK] * 5
    assert all(o.toc_pending for o in outcomes)
    assert [o.output.name for o in outcomes if o.output] == [
        "saluzzo.docx",
        "bozza-iniziale.docx",
        "bozza-iniziale-2.docx",
        "saluzzo-2.docx",
        "bozza-iniziale-3.docx",
    ]


@pytest.mark.slow
def test_one_job_or_two_give_identical_documents(tmp_path: Path) -> None:
    sources = [SMALL, EXAMPLES / "saluzzo.yaml", SMALL]
    one = build_files(sources, BuildOptions(tmp_path / "one", toc_update=False), jobs=1)
    (tmp_path / "two").mkdir()
    seen: list[str] = []
    two = build_files(
        sources,
        BuildOptions(tmp_path / "two", toc_update=False),
        jobs=2,
        on_outcome=lambda o: seen.append(o.name),
    )
    assert sorted(seen) == sorted(str(s) for s in sources)
    assert [o.status for o in one] == [Status.OK] * 3 == [o.status for o in two]
    assert [o.output.name for o in one if o.output] == [
        "bozza-iniziale.docx",
        "saluzzo.docx",
        "bozza-iniziale-2.docx",
    ]
    for a, b in zip(one, two, strict=True):
        assert a.output is not None and b.output is not None
        assert a.output.name == b.output.name
        assert a.output.read_bytes() == b.output.read_bytes()


def test_report_builder_matches_outcomes(tmp_path: Path) -> None:
    options = BuildOptions(tmp_path, edition="interna")
    outcomes = build_files([tmp_path / "manca.yaml"], options)
    report = build_report(outcomes, options)
    assert report["edition"] == "interna"
    assert report["files"][0]["status"] == "failed"
    assert report["files"][0]["message"].endswith("manca.yaml: file non trovato")


# --- bad usage ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--edition", "privata"], 2, 'edizione "privata" sconosciuta'),
        (["--format", "rtf"], 2, 'formato "rtf" sconosciuto'),
        (["--jobs", "0"], 2, "--jobs"),
    ],
)
def test_bad_options(cli: Cli, tmp_path: Path, args: list[str], code: int, message: str) -> None:
    shutil.copy(SMALL, tmp_path / "piano.yaml")
    result = cli("plan", "build", "piano.yaml", "-o", "out", *args, cwd=tmp_path)
    got, out, err = result.exit_code, result.stdout, result.stderr
    assert got == code
    assert message in out + err
    assert "Traceback" not in out + err


def test_output_is_a_file(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x", encoding="utf-8")
    shutil.copy(SMALL, tmp_path / "piano.yaml")
    result = cli("plan", "build", "piano.yaml", "-o", "out", cwd=tmp_path)
    code, err = result.exit_code, result.stderr
    assert code == 1
    assert "out: errore: la destinazione non è una cartella" in err


def test_empty_folder(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "vuota").mkdir()
    result = cli("plan", "build", "vuota", "-o", "out", cwd=tmp_path)
    code, err = result.exit_code, result.stderr
    assert code == 1
    assert "non ci sono file di piano" in err


# --- on a terminal -------------------------------------------------------------------------


def test_progress_bar_and_summary_table_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_cmd = importlib.import_module("incas_cli.cli.build")  # the module, not the command
    monkeypatch.chdir(tmp_path)  # short relative names: the table fits whatever tmp_path is

    console = Console(
        file=io.StringIO(), force_terminal=True, width=80, no_color=True, highlight=False
    )
    outcomes = build_cmd._with_progress_bar(
        [SMALL, Path("manca.yaml")], BuildOptions(Path("o"), toc_update=False), 1, console
    )
    assert [o.status for o in outcomes] == [Status.OK, Status.FAILED]
    table = Console(file=io.StringIO(), width=80, no_color=True, highlight=False)
    build_cmd.print_build_summary(outcomes, Path("o"), table)
    text = table.file.getvalue()  # type: ignore[attr-defined]
    assert "Impaginazione" in console.file.getvalue()  # type: ignore[attr-defined]
    assert "non riuscito" in text and "file non trovato" in text
    assert "2 file: impaginati 1, già presenti 0, non validi 0, non riusciti 1" in text
    for line in text.splitlines():
        assert len(line) <= 80


def test_summary_table_states_and_names_as_written() -> None:
    build_cmd = importlib.import_module("incas_cli.cli.build")
    outcomes = [
        Outcome("piano [bozza].yaml", Status.OK, output=Path("o/piano [bozza].docx")),
        Outcome("vecchio.yaml", Status.SKIPPED, output=Path("o/vecchio.docx")),
        Outcome("manca.yaml", Status.FAILED, error=IncasError("[x] file non trovato")),
    ]
    table = build_cmd.build_summary_table(outcomes)
    states = [row[1] for row in table.rows]
    assert all(isinstance(state, Run) for state in states)
    assert [s.tone for s in states if isinstance(s, Run)] == ["ok", "info", "error"]
    assert [plain(row[2]) for row in table.rows] == [
        str(Path("o/piano [bozza].docx")),
        str(Path("o/vecchio.docx")),
        "[x] file non trovato",
    ]
    console = Console(file=io.StringIO(), width=80, no_color=True, highlight=False)
    build_cmd.print_build_summary(outcomes, Path("o"), console)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "piano [bozza].yaml" in text  # names and messages are never read as markup
    assert "[x] file non trovato" in text


# --- Ctrl-C -----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("group", "jobs"),
    [(False, 2), (True, 2), (False, 1)],
    ids=["parent", "process-group", "one-job"],
)
def test_ctrl_c_leaves_no_partial_document(tmp_path: Path, group: bool, jobs: int) -> None:
    """SIGINT to the build (or to its whole process group, as a terminal does)."""
    many = tmp_path / "piani"
    many.mkdir()
    for i in range(24):
        shutil.copy(EXAMPLES / "saluzzo.yaml", many / f"p{i:02d}.yaml")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        incas_argv("plan", "build", "piani", "-o", "out", "-j", str(jobs), "--no-toc-update"),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        deadline = time.monotonic() + 120
        while not (out.is_dir() and len(list(out.glob("*.docx"))) >= 2):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.02)
        if group:
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert "Interrotto dall'utente." in err
    assert "Traceback" not in err
    leftovers = [p.name for p in out.iterdir() if not p.name.endswith(".docx")]
    assert leftovers == []
    documents = sorted(out.glob("*.docx"))
    assert 2 <= len(documents) < 24
    assert all(_is_whole_docx(p) for p in documents)
    # no worker (nor the forkserver, whose arguments name the folder) survives its parent
    deadline = time.monotonic() + 10
    while _processes_naming(tmp_path):
        assert time.monotonic() < deadline, _processes_naming(tmp_path)
        time.sleep(0.1)


@pytest.mark.office
def test_ctrl_c_during_the_index_pass_stops_libreoffice_too(tmp_path: Path) -> None:
    """The default build runs LibreOffice in each worker: Ctrl-C stops it with them."""
    (tmp_path / "piani").mkdir()
    for i in range(6):
        shutil.copy(EXAMPLES / "saluzzo.yaml", tmp_path / "piani" / f"p{i}.yaml")
    # LibreOffice's profiles go in here, so its processes name this folder; short, as the
    # forkserver's socket goes here too (AF_UNIX paths are limited to about 100 bytes)
    scratch = Path(tempfile.mkdtemp(prefix="incas-test-"))
    out = tmp_path / "out"
    proc = subprocess.Popen(
        incas_argv("plan", "build", "piani", "-o", "out", "-j", "2"),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "NO_COLOR": "1", "TMPDIR": str(scratch)},
    )
    try:
        while not (out.is_dir() and list(out.glob("*.docx"))):
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.02)
        while "soffice" not in _processes_naming(scratch):  # the next documents are in it
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        # a hang guard, not a timing: every process of the build ends, then nothing of
        # theirs is left in the temporary folder (a worker may still be removing its
        # LibreOffice folder when the main process has already exited)
        deadline = time.monotonic() + 30
        while _processes_naming(scratch) or _processes_naming(tmp_path):
            assert time.monotonic() < deadline, _processes_naming(scratch)
            time.sleep(0.1)
        left = sorted(p.name for p in scratch.iterdir())
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
        shutil.rmtree(scratch, ignore_errors=True)
    assert proc.returncode == 130, err
    assert "Interrotto dall'utente." in err and "Traceback" not in err
    assert [p.name for p in out.iterdir() if not p.name.endswith(".docx")] == []
    documents = sorted(out.glob("*.docx"))
    assert 1 <= len(documents) < 6
    assert all(_is_whole_docx(p) for p in documents)
    assert not [name for name in left if name.startswith("incas-lo-")]  # working folders gone


def _processes_naming(folder: Path) -> str:
    """The command lines of running processes that mention ``folder``."""
    # -ww: whole command lines (without it ps cuts them at 80 columns when not on a terminal)
    ps = subprocess.run(["ps", "-ww", "-eo", "args"], capture_output=True, text=True, check=True)
    return "\n".join(line for line in ps.stdout.splitlines() if str(folder) in line)


def _report(out: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(out)
    return data


@pytest.mark.office
def test_odt_through_libreoffice(cli: Cli, tmp_path: Path) -> None:
    shutil.copy(SMALL, tmp_path / "p.yaml")
    result = cli("plan", "build", "p.yaml", "-o", "out", "--format", "odt", "--json", cwd=tmp_path)
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 0, err
    entry = _report(out)["files"][0]
    assert entry["output"] == "out/p.odt"
    with zipfile.ZipFile(tmp_path / "out" / "p.odt") as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
