"""What ships: the wheel built from a clone without symlinks, the package list, the floors."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the package list ------------------------------------------------------------------------


def test_every_folder_under_incas_cli_is_listed_for_the_wheel() -> None:
    """pyproject lists the packages by hand (a `find` cannot add incas_cli.templates)."""
    root = REPO / "incas_cli"
    on_disk = {
        ".".join(folder.relative_to(REPO).parts)
        for folder in (root, *root.rglob("*"))
        if "__pycache__" not in folder.parts and any(f.is_file() for f in folder.glob("*"))
    }
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert listed == on_disk | {"incas_cli.templates"}, (
        "add the new package to [tool.setuptools] packages in pyproject.toml"
    )
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"incas_cli.templates": "templates"}


def test_no_symlink_is_tracked() -> None:
    if not (REPO / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout")
    staged = subprocess.run(
        ["git", "ls-files", "-s"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    links = [line.split("\t", 1)[1] for line in staged.splitlines() if line.startswith("120000")]
    assert links == []  # a clone without symlinks (Windows) would ship their text instead


# --- the dependency floors ---------------------------------------------------------------------


def test_lowest_constraints_pin_every_runtime_dependency_to_its_floor() -> None:
    script = _script("lowest_constraints")
    dependencies = PYPROJECT["project"]["dependencies"]
    lines = script.lowest_constraints(dependencies)
    assert len(lines) == len(dependencies)
    for line, requirement in zip(lines, dependencies, strict=True):
        name, floor = line.split("==")
        assert requirement.replace(" ", "") == f"{name}>={floor}"


def test_lowest_constraints_keep_markers_and_refuse_a_missing_floor() -> None:
    script = _script("lowest_constraints")
    assert script.lowest_constraints(["colorama>=0.4,<1 ; sys_platform == 'win32'"]) == [
        "colorama==0.4 ; sys_platform == 'win32'"
    ]
    assert script.lowest_constraints(["ruamel.yaml[jinja2] >= 0.18"]) == ["ruamel.yaml==0.18"]
    for bad in ("typer", "typer<1", "typer==0.29", "typer>=0.29,>=0.30"):
        with pytest.raises(ValueError, match="floor"):
            script.lowest_constraints([bad])


def test_lowest_constraints_script_prints_one_line_per_dependency() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "lowest_constraints.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(done.stdout.splitlines()) == len(PYPROJECT["project"]["dependencies"])


# --- the wheel, from a clone without symlinks -----------------------------------------------


def _tracked_files() -> list[str]:
    if not (REPO / ".git").exists() or shutil.which("git") is None:
        # an unpacked sdist: every file is part of the source
        return [
            str(p.relative_to(REPO))
            for p in REPO.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and ".venv" not in p.parts
        ]
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    return [name for name in listed.split("\0") if name]


def _copy_without_symlinks(dest: Path) -> None:
    """The tracked files as a clone with ``core.symlinks=false`` lays them: a symlink becomes
    a small file holding its target."""
    for name in _tracked_files():
        source, target = REPO / name, dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.write_text(os.readlink(source), encoding="utf-8")
        elif source.is_file():
            shutil.copyfile(source, target)


@pytest.mark.slow
def test_a_clone_without_symlinks_builds_a_wheel_that_renders(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    _copy_without_symlinks(clone)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), "."],
        cwd=clone,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("incas-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = {
        *(f"incas_cli/templates/{p.name}" for p in (REPO / "templates").glob("*.*")),
        "incas_cli/templates/reference.docx",
        "incas_cli/catalog/data/catalog.json",
        "incas_cli/catalog/data/comuni.csv",
        "incas_cli/fonts/DejaVuSans.ttf",
        "incas_cli/fonts/DejaVuSans-Bold.ttf",
        "incas_cli/fonts/LICENSE",
        "incas_cli/py.typed",
    }
    assert expected <= names, sorted(expected - names)
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert any(n.startswith("incas_cli/catalog/data/plans/") for n in names)

    # the package as installed from that wheel (unpacked), run from another folder
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "saluzzo.docx"
    render = ["plan", "render", str(clone / "examples/saluzzo.yaml"), "-o", str(out)]
    rendered = subprocess.run(
        [sys.executable, "-m", "incas_cli", *render, "--no-toc-update"],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert rendered.returncode == 0, rendered.stderr
    assert zipfile.is_zipfile(out)
    check = subprocess.run(
        [sys.executable, "-c", "import incas_cli.resources as r; print(r.template_file('x'))"],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert check.stdout.startswith(str(site / "incas_cli" / "templates"))
