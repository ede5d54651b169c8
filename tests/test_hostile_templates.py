"""Hostile ``--template`` files are refused, or cleaned to what a letterhead needs."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from tests import hostile_templates as hostile
from tests.conftest import Cli
from tests.helpers import incas_argv, minimal_plan, write_plan


def _render(cli: Cli, folder: Path, template: Path) -> tuple[int, str]:
    write_plan(folder / "piano.yaml", minimal_plan())
    result = cli(
        "plan", "render", "piano.yaml", "--template", str(template), "--no-toc-update",
        cwd=folder,
    )  # fmt: skip
    return result.exit_code, result.output


def _parts(document: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(document) as package:
        return {name: package.read(name) for name in package.namelist()}


def _strict(data: bytes) -> None:
    """Well-formed XML without a DOCTYPE (a strict parser, entities never resolved)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(data, parser)
    assert not root.getroottree().docinfo.doctype


def test_an_honest_letterhead_keeps_its_logo_and_web_link(cli: Cli, tmp_path: Path) -> None:
    template = hostile.letterhead(tmp_path / "carta.docx")
    code, output = _render(cli, tmp_path, template)
    assert code == 0, output
    assert "ho tolto" not in output
    parts = _parts(tmp_path / "piano.docx")
    assert any(name.startswith("word/media/") for name in parts)
    footer_rels = b"".join(v for k, v in parts.items() if "_rels/footer" in k)
    assert b"https://www.comune.example.it" in footer_rels


@pytest.mark.parametrize(
    ("attack", "said"),
    [
        (hostile.with_macros, "macro VBA"),
        (hostile.with_remote_template, "http://evil.example/t.dotm"),
        (hostile.with_external_image, "http://evil.example/pixel.png"),
        (hostile.with_script_link, "javascript:"),
        (hostile.with_huge_image, "30000×30000 pixel"),
    ],
)
def test_a_hostile_part_is_dropped_and_said(
    cli: Cli, tmp_path: Path, attack: Callable[[dict[str, bytes]], None], said: str
) -> None:
    template = hostile.edit(hostile.letterhead(tmp_path / "carta.docx"), attack)
    code, output = _render(cli, tmp_path, template)
    assert code == 0, output
    assert "ho tolto" in output and said in output
    parts = _parts(tmp_path / "piano.docx")
    everything = b"".join(parts.values())
    for banned in (b"vbaProject", b"evil.example", b"javascript:", b"attachedTemplate"):
        assert banned not in everything
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            _strict(data)
    assert b"Comune di Prova" in b"".join(v for k, v in parts.items() if "header" in k)
    types = parts["[Content_Types].xml"].decode()
    assert "macroEnabled" not in types


def test_a_template_with_an_entity_is_refused(cli: Cli, tmp_path: Path) -> None:
    template = hostile.edit(hostile.letterhead(tmp_path / "carta.docx"), hostile.with_entity)
    code, output = _render(cli, tmp_path, template)
    assert code == 1
    assert "DOCTYPE" in output and "word/styles.xml" in output
    assert not (tmp_path / "piano.docx").exists()


def test_a_template_too_large_is_refused(cli: Cli, tmp_path: Path) -> None:
    template = hostile.oversized(tmp_path / "carta.docx")
    code, output = _render(cli, tmp_path, template)
    assert code == 1
    assert "troppo grande" in output


@pytest.mark.slow
def test_a_zip_bomb_is_refused_without_unzipping_it(tmp_path: Path) -> None:
    template = hostile.bomb(tmp_path / "carta.docx", gigabytes=1)
    assert template.stat().st_size < 5 * 2**20
    write_plan(tmp_path / "piano.yaml", minimal_plan())
    # a fresh Python runs incas and reports its child's peak memory: only incas is measured
    probe = (
        "import json, resource, subprocess, sys; "
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
        "print(json.dumps([done.returncode, done.stderr, peak]))"
    )
    argv = incas_argv("plan", "render", "piano.yaml", "--template", str(template))
    run = subprocess.run(
        [sys.executable, "-c", probe, *argv], cwd=tmp_path, capture_output=True, text=True
    )
    code, stderr, peak_kib = json.loads(run.stdout)
    assert code == 1, stderr
    assert "si espande molto oltre" in stderr
    assert peak_kib < 300 * 1024
    assert not (tmp_path / "piano.docx").exists()
