"""One pipeline: ``plan render`` and ``plan build`` make the same document from one plan.

Through :func:`incas_cli.pipeline.produce` directly, and through both commands: the same
bytes without LibreOffice, the same text and the same filled index (read back through
LibreOffice and ``pdftotext``) with it, the same letterhead with ``--template``.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document as open_document
from docx.shared import RGBColor

from incas_cli import publish
from incas_cli.errors import ExternalToolError, InputError
from incas_cli.pipeline import Target, check_target, produce
from incas_cli.render import RenderOptions, render_docx
from tests.conftest import Cli
from tests.helpers import EXAMPLES, minimal_plan, odt_table_titles, write_plan
from tests.render_support import example_plan, headings, plan_from

SALUZZO = EXAMPLES / "saluzzo.yaml"


def _settings(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return package.read("word/settings.xml")


def _no_office(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publish, "libreoffice_available", lambda: False)


def _broken_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``INCAS_SOFFICE`` pointing at a program that exits 127, as a broken installation."""
    script = tmp_path / "soffice-rotto"
    script.write_text("#!/bin/sh\nexit 127\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("INCAS_SOFFICE", str(script))
    if not publish.libreoffice_available():
        pytest.skip("nessun Python con python3-uno: il caso «LibreOffice guasto» non si presenta")


def _run(cli: Cli, args: list[str], cwd: Path | None = None) -> tuple[int, str, str]:
    result = cli(*args, cwd=cwd)
    return result.exit_code, result.stdout, result.stderr


def _letterhead(cli: Cli, tmp_path: Path) -> Path:
    """The template ``incas template`` writes, with a header and a coloured Heading 1."""
    path = tmp_path / "carta-intestata.docx"
    code, _, err = _run(cli, ["template", "-o", str(path)])
    assert code == 0, err
    letterhead = open_document(str(path))
    header = letterhead.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "COMUNE DI SALUZZO – Settore Politiche sociali"
    letterhead.styles["Heading 1"].font.color.rgb = RGBColor(0x12, 0x34, 0x56)
    letterhead.save(str(path))
    return path


def _render_and_build(
    cli: Cli, tmp_path: Path, plan: Path, *options: str
) -> tuple[bytes, bytes, str]:
    """The docx of ``plan`` from ``plan render`` and from ``plan build`` with ``options``;
    and what build wrote on stderr."""
    rendered = tmp_path / "render.docx"
    code, out, err = _run(cli, ["plan", "render", str(plan), "-o", str(rendered), *options])
    assert code == 0, out + err
    built = tmp_path / "build"
    code, out, build_err = _run(cli, ["plan", "build", str(plan), "-o", str(built), *options])
    assert code == 0, out + build_err
    (document,) = built.glob("*.docx")
    return rendered.read_bytes(), document.read_bytes(), build_err


# --- produce -----------------------------------------------------------------------------------


def test_without_index_pass_the_docx_is_the_rendered_one() -> None:
    plan = plan_from(minimal_plan())
    produced = produce(plan, Target(edition="interna", toc_update=False))
    assert produced.data == render_docx(plan, RenderOptions(edition="interna"))
    assert (produced.format, produced.toc_pending, produced.warnings) == ("docx", True, ())
    assert b"<w:updateFields" in _settings(produced.data)  # Word fills the index on open


def test_without_libreoffice_a_docx_is_left_to_word_and_a_pdf_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _no_office(monkeypatch)
    plan = plan_from(minimal_plan())
    produced = produce(plan, Target())
    assert produced.toc_pending and produced.warnings == ()
    assert produced.data == render_docx(plan)
    for fmt in ("pdf", "odt"):
        with pytest.raises(ExternalToolError) as caught:
            produce(plan, Target(format=fmt))
        assert f"per il formato {fmt} serve LibreOffice" in caught.value.message
        with pytest.raises(ExternalToolError):
            check_target(Target(format=fmt))
    check_target(Target())  # a docx never needs LibreOffice


def test_a_broken_libreoffice_gives_the_docx_and_a_warning_without_printing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _broken_soffice(tmp_path, monkeypatch)
    plan = plan_from(minimal_plan())
    produced = produce(plan, Target())
    assert produced.toc_pending
    assert produced.data == render_docx(plan)
    [notice] = produced.warnings
    assert notice.message.startswith("LibreOffice non si è avviato")
    assert notice.message.endswith("Word compilerà l'indice all'apertura.")
    assert "--no-toc-update" in notice.hint
    assert capsys.readouterr() == ("", "")


def test_a_missing_template_fails_the_check(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        check_target(Target(template=tmp_path / "manca.docx"))
    assert "il modello indicato con --template non esiste" in caught.value.message


# --- plan render and plan build: one document ----------------------------------------------


def test_render_and_build_give_the_same_bytes_without_the_index_pass(
    cli: Cli, tmp_path: Path
) -> None:
    template = _letterhead(cli, tmp_path)
    options = ("--no-toc-update", "--edition", "interna", "--template", str(template))
    rendered, built, _ = _render_and_build(cli, tmp_path, SALUZZO, *options)
    assert rendered == built


def test_without_libreoffice_both_leave_the_index_to_word_and_say_so(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_office(monkeypatch)
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    rendered, built, err = _render_and_build(cli, tmp_path, plan)
    assert rendered == built
    assert b"<w:updateFields" in _settings(built)
    assert "Indice non compilato in 1 documento (LibreOffice non disponibile)" in err
    _, _, quiet = _run(
        cli, ["plan", "build", str(plan), "-o", str(tmp_path / "b2"), "--no-toc-update"]
    )
    assert "Indice non compilato" not in quiet  # asked for: nothing to say


def test_build_with_a_broken_libreoffice_warns_once_per_file_and_keeps_the_report(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken_soffice(tmp_path, monkeypatch)
    (tmp_path / "piani").mkdir()
    for name in ("a", "b"):
        write_plan(tmp_path / "piani" / f"{name}.yaml", minimal_plan())
    code, out, err = _run(
        cli, ["plan", "build", "piani", "-o", "out", "--json", "-j", "1"], cwd=tmp_path
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["summary"]["ok"] == 2
    assert list(report["files"][0]) == [
        "file",
        "status",
        "output",
        "message",
        "errors",
        "warnings",
        "findings",
        "error",
    ]
    for name in ("a", "b"):
        assert f"avviso: piani/{name}.yaml: LibreOffice non si è avviato" in err
        assert b"<w:updateFields" in _settings((tmp_path / "out" / f"{name}.docx").read_bytes())
    assert err.count("suggerimento: per avere l'indice già compilato") == 1
    assert "Indice non compilato in 2 documenti" in err


def test_build_with_a_template_uses_its_letterhead_and_styles(cli: Cli, tmp_path: Path) -> None:
    template = _letterhead(cli, tmp_path)
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    args = ["plan", "build", str(plan), "-o", str(tmp_path / "out"), "--no-toc-update"]
    code, out, err = _run(cli, [*args, "--template", str(template)])
    assert code == 0, out + err
    document = open_document(str(tmp_path / "out" / "piano.docx"))
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "COMUNE DI SALUZZO – Settore Politiche sociali" in header
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0x12, 0x34, 0x56)
    chapters = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert chapters  # the coloured style is the one the chapters use


def test_build_with_a_bad_template_fails_once_before_any_plan(cli: Cli, tmp_path: Path) -> None:
    for name in ("a", "b"):
        write_plan(tmp_path / f"{name}.yaml", minimal_plan())
    code, _, err = _run(
        cli,
        ["plan", "build", "a.yaml", "b.yaml", "-o", "out", "--template", "manca.docx"],
        cwd=tmp_path,
    )
    assert code == 1
    assert err.count("il modello indicato con --template non esiste") == 1
    assert "incas template -o carta-intestata.docx" in err
    assert not (tmp_path / "out").exists()


# --- read back through LibreOffice and pdftotext --------------------------------------------


def _pdf_pages(
    documents: dict[str, bytes], folder: Path, *, suffix: str = "docx"
) -> dict[str, list[str]]:
    """Each docx (or ``suffix`` file) as LibreOffice lays it out (``soffice --convert-to
    pdf``, which does not touch the index), as text page by page (``pdftotext``)."""
    soffice = publish.find_soffice()
    assert soffice is not None
    folder.mkdir()
    for name, data in documents.items():
        (folder / f"{name}.{suffix}").write_bytes(data)
    profile = (folder / "profilo").as_uri()  # private: other LibreOffice runs may be going on
    subprocess.run(
        [str(soffice), f"-env:UserInstallation={profile}", "--headless"]
        + ["--convert-to", "pdf", "--outdir", str(folder)]
        + [str(folder / f"{name}.{suffix}") for name in documents],
        check=True,
        capture_output=True,
    )
    pages = {}
    for name in documents:
        text = subprocess.run(
            ["pdftotext", str(folder / f"{name}.pdf"), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        pages[name] = text.split("\f")
    return pages


def _index(pages: list[str]) -> list[tuple[int, str, int]]:
    """The chapters listed in the index: (page of the index, "N. Title", page number)."""
    entries = []
    for i, page in enumerate(pages, start=1):
        for line in page.splitlines():
            found = re.match(r"^(\d+\. .+?)\s*\.{3,}\s*(\d+)$", line)
            if found:
                entries.append((i, found.group(1), int(found.group(2))))
    return entries


@pytest.mark.office
def test_render_and_build_give_the_same_text_and_the_same_filled_index(
    cli: Cli, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext to read the PDF back (sudo apt-get install poppler-utils)")
    rendered, built, err = _render_and_build(cli, tmp_path, SALUZZO)  # the defaults: index pass
    assert "Indice non compilato" not in err and "avviso" not in err
    assert rendered == built
    assert b"<w:updateFields" not in _settings(built)

    pages = _pdf_pages({"render": rendered, "build": built}, tmp_path / "pdf")
    assert pages["render"] == pages["build"]
    text = "\f".join(pages["build"])
    assert "F9" not in text and "Aggiorna campo" not in text and "Aggiornare" not in text

    index = _index(pages["build"])
    chapters = [
        title
        for level, title in headings(open_document(io.BytesIO(built)))
        if level == 1 and re.match(r"^\d+\. ", title)
    ]
    assert len(chapters) >= 10
    assert [title for _, title, _ in index] == chapters
    for index_page, title, number in index:
        assert number > index_page
        # the page number is where the chapter starts in the laid-out document
        assert title in pages["build"][number - 1].splitlines(), (title, number)
    words = " ".join(text.split())
    assert " ".join(example_plan("saluzzo").plan.title.split()) in words  # the cover
    assert "Le misure" in words and "M1" in words


@pytest.mark.office
def test_any_document_goes_through_the_same_pipeline() -> None:
    """A document that is not a plan (as the monitoring report will be) gets the same
    treatment: the docx writer, the filled index, PDF with its own properties."""
    from incas_cli.document.model import Document, Heading, Paragraph, Properties, Toc
    from incas_cli.pipeline import produce_document

    document = Document(
        blocks=(
            Toc("Indice"),
            Heading(1, "Stato delle misure"),
            Paragraph(("Relazione di prova, non un piano.",)),
        ),
        properties=Properties(title="Relazione di prova", author="Comune di Prova"),
    )
    docx = produce_document(document, Target())
    assert not docx.toc_pending
    assert "Stato delle misure" in publish.extract_text(docx.data, suffix=".docx")
    pdf = produce_document(document, Target(format="pdf"))
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf.data)) as read:
        assert str(read.docinfo["/Title"]) == "Relazione di prova"
        assert str(read.docinfo["/Author"]) == "Comune di Prova"


def test_the_internal_edition_never_takes_the_public_ones_name(cli: Cli, tmp_path: Path) -> None:
    """Contacts and ratings are in the internal edition only: built into a folder that
    already holds the public document, it is written beside it (not «già presente»), and
    ``plan render`` without ``-o`` names it apart too."""
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    out = tmp_path / "documenti"
    for edition in ("pubblica", "interna"):
        code, stdout, err = _run(
            cli,
            ["plan", "build", str(plan), "-o", str(out), "--edition", edition, "--no-toc-update"],
        )
        assert code == 0, err
        assert "già presente" not in stdout + err
    assert sorted(p.name for p in out.iterdir()) == ["piano-interna.docx", "piano.docx"]
    code, _, err = _run(
        cli, ["plan", "render", str(plan), "--edition", "interna", "--no-toc-update"]
    )
    assert code == 0, err
    assert (tmp_path / "piano-interna.docx").is_file()
    assert not (tmp_path / "piano.docx").exists()


@pytest.mark.office
def test_the_index_pass_keeps_every_table_s_title_for_screen_readers(
    cli: Cli, tmp_path: Path
) -> None:
    """LibreOffice's index pass rewrites the docx and drops ``w:tblCaption`` and
    ``w:tblDescription``: the docx ``plan render`` writes by default (index filled) has
    them as the writer wrote them, like the one Word fills on open."""
    source = str(EXAMPLES / "saluzzo.yaml")
    args = ("plan", "render", source, "--force", "-o")
    assert cli(*args, str(tmp_path / "indice.docx")).exit_code == 0
    assert cli(*args, str(tmp_path / "word.docx"), "--no-toc-update").exit_code == 0

    written = _docx_titles(tmp_path / "word.docx")
    assert len(written) > 50 and all(caption for caption, _ in written)
    assert any(description for _, description in written)
    assert _docx_titles(tmp_path / "indice.docx") == written


def _docx_titles(path: Path) -> list[tuple[str | None, str | None]]:
    """The title and description (``w:tblCaption``, ``w:tblDescription``) of each table."""
    from docx.oxml.ns import qn

    found = []
    for table in open_document(str(path)).tables:
        pr = table._tbl.tblPr
        caption, description = pr.find(qn("w:tblCaption")), pr.find(qn("w:tblDescription"))
        found.append(
            (
                caption.get(qn("w:val")) if caption is not None else None,
                description.get(qn("w:val")) if description is not None else None,
            )
        )
    return found


@pytest.mark.office
def test_the_odt_gives_every_table_its_title_and_description(cli: Cli, tmp_path: Path) -> None:
    """LibreOffice drops the tables' titles and descriptions when it reads the docx: the
    ODT has them back as ``table:title`` and ``table:desc``, and LibreOffice still opens
    it (laid out again as a PDF, with the same tables)."""
    source = str(EXAMPLES / "saluzzo.yaml")
    args = ("plan", "render", source, "--force", "-o")
    assert cli(*args, str(tmp_path / "piano.docx"), "--no-toc-update").exit_code == 0
    result = cli(*args, str(tmp_path / "piano.odt"), "--format", "odt")
    assert result.exit_code == 0, result.stderr

    written = _docx_titles(tmp_path / "piano.docx")
    odt = (tmp_path / "piano.odt").read_bytes()
    assert odt_table_titles(odt) == written
    assert any(desc for _, desc in written)

    pages = _pdf_pages({"piano": odt}, tmp_path / "letto", suffix="odt")["piano"]
    text = " ".join(" ".join(page.split()) for page in pages)
    assert len(pages) > 20
    assert "Tabella 1 – Calendario delle colture" in text
