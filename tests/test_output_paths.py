"""Every writing command: never over one of its inputs, the format's extension, folders."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.helpers import minimal_plan, write_plan


def _two_plans(folder: Path) -> tuple[Path, Path]:
    old = write_plan(folder / "vecchio.yaml", minimal_plan())
    data = minimal_plan()
    data["plan"]["version"] = "0.2"
    return old, write_plan(folder / "nuovo.yaml", data)


def test_diff_never_writes_over_one_of_its_plans(cli: Cli, tmp_path: Path) -> None:
    _, new = _two_plans(tmp_path)
    before = new.read_bytes()
    result = cli(
        "plan",
        "diff",
        "vecchio.yaml",
        "nuovo.yaml",
        "--docx",
        "nuovo.yaml",
        "--force",
        cwd=tmp_path,
    )
    assert result.exit_code == 2
    assert new.read_bytes() == before
    # the suffix is refused whatever the file: a plan copied elsewhere is not overwritten either
    shutil.copy(new, tmp_path / "copia.yaml")
    result = cli(
        "plan",
        "diff",
        "vecchio.yaml",
        "nuovo.yaml",
        "--docx",
        "copia.yaml",
        "--force",
        cwd=tmp_path,
    )
    assert result.exit_code == 2
    assert "«.yaml»" in result.output and ".docx" in result.output
    assert (tmp_path / "copia.yaml").read_bytes() == before


def test_diff_refuses_an_input_reached_through_a_link(cli: Cli, tmp_path: Path) -> None:
    _, new = _two_plans(tmp_path)
    (tmp_path / "allegato.docx").symlink_to(new)
    before = new.read_bytes()
    result = cli(
        "plan",
        "diff",
        "vecchio.yaml",
        "nuovo.yaml",
        "--docx",
        "allegato.docx",
        "--force",
        cwd=tmp_path,
    )
    assert result.exit_code == 2
    assert "nuovo.yaml" in result.output
    assert new.read_bytes() == before


def test_diff_into_a_folder_writes_inside_it(cli: Cli, tmp_path: Path) -> None:
    _two_plans(tmp_path)
    (tmp_path / "allegati").mkdir()
    result = cli("plan", "diff", "vecchio.yaml", "nuovo.yaml", "--docx", "allegati", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "allegati" / "confronto-vecchio-nuovo.docx").stat().st_size > 0
    assert not (tmp_path / "allegati.docx").exists()


def test_render_into_an_existing_folder_writes_inside_it(cli: Cli, tmp_path: Path) -> None:
    write_plan(tmp_path / "piano.yaml", minimal_plan())
    (tmp_path / "documenti").mkdir()
    for extra, name in (((), "piano.docx"), (("--edition", "interna"), "piano-interna.docx")):
        result = cli(
            "plan",
            "render",
            "piano.yaml",
            "-o",
            "documenti",
            "--no-toc-update",
            *extra,
            cwd=tmp_path,
        )
        assert result.exit_code == 0, result.output
        assert (tmp_path / "documenti" / name).is_file()
    assert not (tmp_path / "documenti.docx").exists()
    again = cli("plan", "render", "piano.yaml", "-o", "documenti", cwd=tmp_path)
    assert again.exit_code == 2 and "--force" in again.output


def test_render_never_writes_over_its_plan_or_template(cli: Cli, tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    assert cli("template", "-o", "carta.docx", cwd=tmp_path).exit_code == 0
    letterhead = (tmp_path / "carta.docx").read_bytes()
    result = cli(
        "plan",
        "render",
        "piano.yaml",
        "--template",
        "carta.docx",
        "-o",
        "carta.docx",
        "--force",
        cwd=tmp_path,
    )
    assert result.exit_code == 2
    assert "carta.docx" in result.output
    assert (tmp_path / "carta.docx").read_bytes() == letterhead
    (tmp_path / "link.docx").symlink_to(plan)
    before = plan.read_bytes()
    result = cli("plan", "render", "piano.yaml", "-o", "link.docx", "--force", cwd=tmp_path)
    assert result.exit_code == 2
    assert plan.read_bytes() == before


def test_build_never_writes_over_its_input(cli: Cli, tmp_path: Path) -> None:
    # a plan whose name ends in .docx: its document would take its place
    plan = write_plan(tmp_path / "piano.docx", minimal_plan())
    before = plan.read_bytes()
    result = cli(
        "plan", "build", "piano.docx", "-o", ".", "--force", "--no-toc-update", cwd=tmp_path
    )
    assert result.exit_code == 1
    assert "non lo sovrascrivo" in result.output
    assert plan.read_bytes() == before


def test_build_refuses_only_the_file_that_would_replace_an_input(cli: Cli, tmp_path: Path) -> None:
    write_plan(tmp_path / "piano.docx", minimal_plan())
    write_plan(tmp_path / "altro.yaml", minimal_plan())
    result = cli(
        "plan",
        "build",
        "piano.docx",
        "altro.yaml",
        "-o",
        ".",
        "--force",
        "--json",
        "--no-toc-update",
        cwd=tmp_path,
    )
    assert result.exit_code == 1
    files = {f["file"]: f["status"] for f in json.loads(result.stdout)["files"]}
    assert files == {"piano.docx": "failed", "altro.yaml": "ok"}
    assert (tmp_path / "altro.docx").is_file()


@pytest.mark.parametrize(
    "command",
    [
        ("plan", "render", "piano.yaml", "--no-toc-update"),
        ("plan", "compare", "piano.yaml"),
        ("template",),
        ("schema",),
    ],
)
def test_an_output_folder_that_does_not_exist_is_refused(
    cli: Cli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    # «-o "Cartella Nuova/"»: a folder by its final separator, not «Cartella Nuova.docx»
    write_plan(tmp_path / "piano.yaml", minimal_plan())
    result = cli(*command, "-o", "Cartella Nuova/", cwd=tmp_path)
    assert result.exit_code == 2
    assert "la cartella «Cartella Nuova/» non esiste" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["piano.yaml"]
    (tmp_path / "Cartella Nuova").mkdir()
    assert cli(*command, "-o", "Cartella Nuova/", cwd=tmp_path).exit_code == 0
    assert len(list((tmp_path / "Cartella Nuova").iterdir())) == 1


def test_build_knows_an_input_by_its_inode_too(cli: Cli, tmp_path: Path) -> None:
    # out/b.docx, where b.yaml's document goes, is another name of the input a.yaml
    write_plan(tmp_path / "a.yaml", minimal_plan())
    write_plan(tmp_path / "b.yaml", minimal_plan())
    (tmp_path / "out").mkdir()
    os.link(tmp_path / "a.yaml", tmp_path / "out" / "b.docx")
    before = (tmp_path / "a.yaml").read_bytes()
    result = cli(
        "plan",
        "build",
        "a.yaml",
        "b.yaml",
        "-o",
        "out",
        "--force",
        "--json",
        "--no-toc-update",
        cwd=tmp_path,
    )
    assert result.exit_code == 1
    files = {f["file"]: f for f in json.loads(result.stdout)["files"]}
    assert files["a.yaml"]["status"] == "ok"
    assert files["b.yaml"]["status"] == "failed"
    assert "«a.yaml»" in files["b.yaml"]["message"]
    assert (tmp_path / "a.yaml").read_bytes() == before


def test_template_and_schema_into_a_folder(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    assert cli("template", "-o", "out", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "out" / "carta-intestata.docx").is_file()
    assert cli("schema", "-o", "out", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "out" / "plan.schema.json").is_file()
    wrong = cli("schema", "-o", "schema.yaml", cwd=tmp_path)
    assert wrong.exit_code == 2 and ".json" in wrong.output


def test_init_never_writes_over_its_source(cli: Cli, tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    before = plan.read_bytes()
    result = cli(
        "plan",
        "init",
        "piano.yaml",
        "--comune",
        "Saluzzo",
        "--from",
        "piano.yaml",
        "--force",
        cwd=tmp_path,
    )
    assert result.exit_code == 2
    assert plan.read_bytes() == before
