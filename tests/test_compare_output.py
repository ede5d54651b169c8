"""Where ``incas plan compare`` writes: the rule of ``plan render`` (``cli.render.output_target``
and ``io.output_file``), with ``confronto.<format>`` for the name render takes from the plan.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.helpers import minimal_plan, write_plan


def _plan(folder: Path, name: str = "piano.yaml") -> Path:
    return write_plan(folder / name, minimal_plan())


def _problem(stderr: str) -> list[str]:
    """The error line (its message, without the file it names) and the hint line."""
    lines = [line.strip() for line in stderr.splitlines()]
    error = next(i for i, line in enumerate(lines) if "errore:" in line)
    return [lines[error].split("errore:", 1)[1].strip(), lines[error + 1]]


# --- the same situation, the same words as plan render -------------------------------------

SAME_AS_RENDER = {
    "format and extension disagree": ("-o", "altro.pdf", "--format", "docx"),
    "an existing file": ("-o", "esiste.docx"),
    "one of the inputs, through a link": ("-o", "link.docx", "--force"),
    "a folder that does not exist": ("-o", "Cartella Nuova/"),
}


@pytest.mark.parametrize("args", SAME_AS_RENDER.values(), ids=list(SAME_AS_RENDER))
def test_compare_refuses_an_output_as_render_does(
    cli: Cli, tmp_path: Path, args: tuple[str, ...]
) -> None:
    plan = _plan(tmp_path)
    (tmp_path / "esiste.docx").write_bytes(b"documento precedente")
    (tmp_path / "link.docx").symlink_to(plan)
    before = sorted((p.name, p.read_bytes()) for p in tmp_path.iterdir())
    render = cli("plan", "render", "piano.yaml", *args, "--no-toc-update", cwd=tmp_path)
    compare = cli("plan", "compare", "piano.yaml", *args, cwd=tmp_path)
    assert render.exit_code == compare.exit_code == 2, compare.output
    # the usage errors' hint names the command («incas plan compare --help»)
    assert _problem(compare.stderr.replace("plan compare", "plan render")) == _problem(
        render.stderr
    )
    assert compare.stdout == ""
    assert sorted((p.name, p.read_bytes()) for p in tmp_path.iterdir()) == before


def test_the_format_and_the_extension_must_agree(cli: Cli, tmp_path: Path) -> None:
    _plan(tmp_path)
    result = cli(
        "plan", "compare", "piano.yaml", "-o", "confronto.docx", "--format", "xlsx", cwd=tmp_path
    )
    assert result.exit_code == 2
    assert _problem(result.stderr) == [
        "il file confronto.docx non ha l'estensione .xlsx",
        "suggerimento: usa un nome che finisce con .xlsx oppure togli --format xlsx",
    ]
    plain = cli(
        "plan", "compare", "piano.yaml", "-o", "confronto", "--format", "xlsx", cwd=tmp_path
    )
    assert plain.exit_code == 0, plain.output
    assert (tmp_path / "confronto.xlsx").exists() and not (tmp_path / "confronto").exists()


def test_an_extension_or_a_format_compare_does_not_write(cli: Cli, tmp_path: Path) -> None:
    # render's words, with compare's own formats in the hint (it writes xlsx too)
    _plan(tmp_path)
    suffix = cli("plan", "compare", "piano.yaml", "-o", "confronto.yaml", cwd=tmp_path)
    assert suffix.exit_code == 2
    assert _problem(suffix.stderr) == [
        "non so scrivere un file «.yaml»: confronto.yaml",
        "suggerimento: indica con -o un file .docx, .pdf, .odt o .xlsx (ad esempio -o "
        "confronto.docx); senza estensione incas aggiunge quella del formato scelto",
    ]
    fmt = cli("plan", "compare", "piano.yaml", "--format", "rtf", cwd=tmp_path)
    assert fmt.exit_code == 2
    assert _problem(fmt.stderr) == [
        "formato «rtf» sconosciuto",
        "suggerimento: usa --format docx, pdf, odt oppure xlsx",
    ]
    render = cli("plan", "render", "piano.yaml", "--format", "rtf", cwd=tmp_path)
    assert _problem(render.stderr)[0] == _problem(fmt.stderr)[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["piano.yaml"]


# --- the names it chooses ---------------------------------------------------------------------


def test_without_output_it_writes_confronto_in_the_current_folder(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "piani").mkdir()
    _plan(tmp_path / "piani")
    result = cli("plan", "compare", "piani", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "confronto.docx").read_bytes()[:2] == b"PK"
    assert "Confronto scritto in confronto.docx: piani confrontati 1." in result.stderr
    assert result.stdout == ""  # a file written is a message about the work
    book = cli("plan", "compare", "piani", "--format", "xlsx", cwd=tmp_path)
    assert book.exit_code == 0, book.output
    assert (tmp_path / "confronto.xlsx").is_file()
    # the name it chose is an existing file the next time: refused as render refuses it
    before = (tmp_path / "confronto.docx").read_bytes()
    again = cli("plan", "compare", "piani", cwd=tmp_path)
    assert again.exit_code == 2
    assert _problem(again.stderr) == [
        "il file esiste già",
        "suggerimento: usa --force per sovrascriverlo, oppure indica un altro nome",
    ]
    assert again.stderr.startswith("confronto.docx: errore:")
    assert (tmp_path / "confronto.docx").read_bytes() == before
    forced = cli("plan", "compare", "piani", "--force", cwd=tmp_path)
    assert forced.exit_code == 0, forced.output


def test_into_an_existing_folder_it_writes_confronto_inside(cli: Cli, tmp_path: Path) -> None:
    _plan(tmp_path)
    (tmp_path / "documenti").mkdir()
    for extra, name in (((), "confronto.docx"), (("--format", "xlsx"), "confronto.xlsx")):
        result = cli("plan", "compare", "piano.yaml", "-o", "documenti", *extra, cwd=tmp_path)
        assert result.exit_code == 0, result.output
        assert (tmp_path / "documenti" / name).is_file()
        assert f"documenti/{name}" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documenti", "piano.yaml"]


def test_an_input_found_in_a_folder_is_never_the_output(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "piani").mkdir()
    plan = _plan(tmp_path / "piani")
    (tmp_path / "confronto.docx").symlink_to(plan)
    before = plan.read_bytes()
    result = cli("plan", "compare", "piani", "--force", cwd=tmp_path)
    assert result.exit_code == 2
    assert _problem(result.stderr) == [
        "è il file «piani/piano.yaml», che il comando legge: non lo sovrascrivo",
        "suggerimento: indica un altro nome o un'altra cartella per il file da scrivere",
    ]
    assert plan.read_bytes() == before


# --- stdout -----------------------------------------------------------------------------------


def test_dash_writes_the_document_alone_on_stdout(cli: Cli, tmp_path: Path) -> None:
    _plan(tmp_path)
    broken = minimal_plan()
    broken["measures"][0]["needs"] = ["N9"]
    write_plan(tmp_path / "rotto.yaml", broken)
    result = cli("plan", "compare", "piano.yaml", "rotto.yaml", "-o", "-", cwd=tmp_path)
    assert result.exit_code == 3, result.output
    with zipfile.ZipFile(io.BytesIO(result.stdout_bytes)) as document:
        assert "word/document.xml" in document.namelist()
    # what it says about the work, the plans left out with it, goes to stderr
    assert "rotto.yaml" in result.stderr and "UNKNOWN_NEED" in result.stderr
    assert (
        "Confronto scritto su stdout: piani confrontati 1; lasciati fuori, elencati a parte: 1."
        in result.stderr
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["piano.yaml", "rotto.yaml"]


def test_dash_with_format_xlsx_writes_the_workbook(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _plan(tmp_path)
    result = cli("plan", "compare", "piano.yaml", "-o", "-", "--format", "xlsx", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    book = load_workbook(io.BytesIO(result.stdout_bytes), read_only=True)
    assert "piani" in book.sheetnames
    assert "Confronto scritto su stdout: piani confrontati 1." in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["piano.yaml"]
