"""``incas plan render``: exit codes, files written or not, messages."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document as open_document
from docx.oxml.ns import qn

from tests.conftest import Cli
from tests.helpers import minimal_plan, write_plan
from tests.render_support import example_path, example_plan


def _settings(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("word/settings.xml")


def test_renders_a_plan_and_says_where(cli: Cli, tmp_path: Path) -> None:
    example_plan("saluzzo")  # skips if the example is not there yet
    out = tmp_path / "piano.docx"
    result = cli("plan", "render", str(example_path("saluzzo")), "-o", str(out), "--no-toc-update")
    assert result.exit_code == 0, result.output
    assert out.is_file()
    assert "Documento scritto in" in result.output and "15 misure" in result.output
    assert "edizione pubblica" in result.output
    assert b"<w:updateFields" in _settings(out)
    document = open_document(io.BytesIO(out.read_bytes()))
    assert document.core_properties.title == example_plan("saluzzo").plan.title


def test_default_output_is_next_to_the_plan(cli: Cli, tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "mio-piano.yaml", minimal_plan())
    result = cli("plan", "render", str(plan), "--no-toc-update")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "mio-piano.docx").is_file()
    assert "bozza" in result.output


def test_a_blocking_plan_is_not_rendered(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0]["lead"] = "nessuno"  # unknown stakeholder: a blocking finding
    plan = write_plan(tmp_path / "piano.yaml", data)
    out = tmp_path / "piano.docx"
    result = cli("plan", "render", str(plan), "-o", str(out), "--no-toc-update")
    assert result.exit_code == 3, result.output
    assert not out.exists()
    assert "UNKNOWN_STAKEHOLDER" in result.output
    assert "non valido" in result.output


def test_final_blocks_a_draft_with_open_fields(cli: Cli, tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    out = tmp_path / "piano.docx"
    result = cli("plan", "render", str(plan), "-o", str(out), "--final", "--no-toc-update")
    assert result.exit_code == 3
    assert not out.exists()
    assert "OPEN_FIELD" in result.output


def test_refuses_to_overwrite_without_force(cli: Cli, tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    out = tmp_path / "piano.docx"
    out.write_bytes(b"documento precedente")
    result = cli("plan", "render", str(plan), "-o", str(out), "--no-toc-update")
    assert result.exit_code == 2
    assert out.read_bytes() == b"documento precedente"
    assert "esiste già" in result.output and "--force" in result.output
    result = cli("plan", "render", str(plan), "-o", str(out), "--no-toc-update", "--force")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--edition", "segreta"), "edizione «segreta» sconosciuta"),
        (("--format", "rtf"), "formato «rtf» sconosciuto"),
        (("-o", "piano.pdf", "--format", "docx"), "non ha l'estensione .docx"),
    ],
)
def test_usage_errors_exit_2(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    result = cli("plan", "render", str(plan), *args, "--no-toc-update")
    assert result.exit_code == 2
    assert expected in result.output
    assert not list(tmp_path.glob("*.docx")) and not list(tmp_path.glob("*.pdf"))


def test_a_missing_plan_file_exits_1(cli: Cli, tmp_path: Path) -> None:
    result = cli("plan", "render", str(tmp_path / "manca.yaml"), "--no-toc-update")
    assert result.exit_code == 1
    assert "errore" in result.output


def test_template_missing_styles_exits_1_naming_them(cli: Cli, tmp_path: Path) -> None:
    template = open_document()
    for style in list(template.styles.element.findall(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is not None and name.get(qn("w:val"), "").lower() == "caption":
            template.styles.element.remove(style)
    template_path = tmp_path / "modello.docx"
    template.save(str(template_path))
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    result = cli("plan", "render", str(plan), "--template", str(template_path), "--no-toc-update")
    assert result.exit_code == 1
    assert "mancano gli stili: Caption" in result.output
    assert "incas template -o carta-intestata.docx" in result.output
    assert not (tmp_path / "piano.docx").exists()


def test_pdf_without_libreoffice_says_what_to_install(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import incas_cli.publish

    monkeypatch.setattr(incas_cli.publish, "libreoffice_available", lambda: False)
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    result = cli("plan", "render", str(plan), "--format", "pdf")
    assert result.exit_code == 1
    assert "LibreOffice" in result.output
    assert not (tmp_path / "piano.pdf").exists()


def test_docx_without_libreoffice_leaves_the_index_to_word(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import incas_cli.publish

    monkeypatch.setattr(incas_cli.publish, "libreoffice_available", lambda: False)
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    result = cli("plan", "render", str(plan))
    assert result.exit_code == 0, result.output
    assert "indice da aggiornare all'apertura" in result.output
    assert b"<w:updateFields" in _settings(tmp_path / "piano.docx")


@pytest.mark.office
def test_libreoffice_fills_the_index_and_the_properties_survive(cli: Cli, tmp_path: Path) -> None:
    example_plan("saluzzo")
    out = tmp_path / "piano.docx"
    result = cli("plan", "render", str(example_path("saluzzo")), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "pagine" in result.output and "indice da aggiornare" not in result.output
    data = out.read_bytes()
    document = open_document(io.BytesIO(data))
    toc = []
    for p in document.element.body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val"), "").startswith(("TOC", "Contents")):
            toc.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    entry = next(t for t in toc if t.startswith("8. Le misure"))  # after the phenomenon's
    assert entry.removeprefix("8. Le misure").strip().isdigit()  # the page number
    assert len(toc) > 30
    assert document.core_properties.title == example_plan("saluzzo").plan.title
    assert document.core_properties.language == "it-IT"
    assert b"<w:updateFields" not in _settings(out)
    with zipfile.ZipFile(out) as z:
        assert b'w:val="it-IT"' in z.read("word/styles.xml")


# --- output names ------------------------------------------------------------------------


def test_an_output_without_extension_gets_the_format_s(cli: Cli, tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    result = cli(
        "plan", "render", str(plan), "-o", str(tmp_path / "senza-estensione"), "--no-toc-update"
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "senza-estensione.docx").read_bytes().startswith(b"PK")
    assert not (tmp_path / "senza-estensione").exists()
    assert "senza-estensione.docx" in result.output


def test_an_extension_incas_does_not_write_names_the_ones_it_does(cli: Cli, tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    result = cli("plan", "render", str(plan), "-o", str(tmp_path / "copia.yaml"), "--no-toc-update")
    assert result.exit_code == 2
    assert "«.yaml»" in result.output
    assert ".docx, .odt o .pdf" in result.output and "copia.docx" in result.output
    assert "--format yaml" not in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["piano.yaml"]


def test_a_format_that_contradicts_the_extension_says_both_ways_out(
    cli: Cli, tmp_path: Path
) -> None:
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    result = cli(
        "plan", "render", str(plan), "-o", "piano.pdf", "--format", "docx", "--no-toc-update"
    )
    assert result.exit_code == 2
    assert "non ha l'estensione .docx" in result.output
    assert "finisce con .docx" in result.output and "togli --format docx" in result.output


# --- templates -----------------------------------------------------------------------------


def test_incas_template_writes_the_reference_document(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from incas_cli.writers.template import reference_bytes

    monkeypatch.chdir(tmp_path)
    result = cli("template")
    assert result.exit_code == 0, result.output
    written = tmp_path / "carta-intestata.docx"
    assert written.read_bytes() == reference_bytes()
    assert "--template carta-intestata.docx" in result.output
    again = cli("template", "-o", "carta-intestata.docx")
    assert again.exit_code == 2 and "--force" in again.output
    forced = cli("template", "-o", str(written), "--force")
    assert forced.exit_code == 0, forced.output
    wrong = cli("template", "-o", "modello.dotx")
    assert wrong.exit_code == 2 and ".docx" in wrong.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["carta-intestata.docx"]


def test_the_written_template_with_a_letterhead_renders_a_plan(cli: Cli, tmp_path: Path) -> None:
    written = tmp_path / "carta-intestata.docx"
    assert cli("template", "-o", str(written)).exit_code == 0
    letterhead = open_document(str(written))
    header = letterhead.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "COMUNE DI SALUZZO – Settore Politiche sociali"
    letterhead.save(str(written))
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    out = tmp_path / "piano.docx"
    result = cli(
        "plan", "render", str(plan), "-o", str(out), "--template", str(written), "--no-toc-update"
    )
    assert result.exit_code == 0, result.output
    document = open_document(str(out))
    header_text = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "COMUNE DI SALUZZO – Settore Politiche sociali" in header_text


def test_a_bad_template_fails_before_the_plan_is_checked(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0]["lead"] = "nessuno"  # a blocking finding that must not be reached
    plan = write_plan(tmp_path / "piano.yaml", data)
    result = cli(
        "plan", "render", str(plan), "--template", str(tmp_path / "manca.docx"), "--no-toc-update"
    )
    assert result.exit_code == 1
    assert "il modello indicato con --template non esiste" in result.output
    assert "incas template -o carta-intestata.docx" in result.output
    assert "UNKNOWN_STAKEHOLDER" not in result.output
    assert not (tmp_path / "piano.docx").exists()


# --- a broken LibreOffice --------------------------------------------------------------------


def _broken_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``INCAS_SOFFICE`` pointing at a program that exits 127, as a broken installation."""
    from incas_cli.publish import libreoffice_available

    script = tmp_path / "soffice-rotto"
    script.write_text("#!/bin/sh\nexit 127\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("INCAS_SOFFICE", str(script))
    if not libreoffice_available():
        pytest.skip("nessun Python con python3-uno: il caso «LibreOffice guasto» non si presenta")


def test_a_broken_libreoffice_still_gives_the_docx_with_a_warning(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken_soffice(tmp_path, monkeypatch)
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    result = cli("plan", "render", str(plan))
    assert result.exit_code == 0, result.output
    out = tmp_path / "piano.docx"
    assert out.read_bytes().startswith(b"PK")
    assert "avviso: LibreOffice non si è avviato" in result.output
    assert "Word compilerà l'indice all'apertura" in result.output
    assert "indice da aggiornare all'apertura" in result.output
    assert b"<w:updateFields" in _settings(out)


def test_a_broken_libreoffice_fails_a_pdf_without_leaving_a_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken_soffice(tmp_path, monkeypatch)
    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    result = cli("plan", "render", str(plan), "--format", "pdf")
    assert result.exit_code == 1
    assert "LibreOffice non si è avviato" in result.output
    assert not (tmp_path / "piano.pdf").exists()


def test_a_draft_with_many_warnings_shows_some_and_names_validate(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data.setdefault("context", {})["data"] = [
        {"label": f"Dato {n}", "value": n, "unit": "persone"} for n in range(1, 41)
    ]  # no year, no source: two warnings each
    plan = write_plan(tmp_path / "bozza.yaml", data)
    out = tmp_path / "bozza.docx"
    result = cli("plan", "render", str(plan), "-o", str(out), "--no-toc-update")
    assert result.exit_code == 0, result.output
    assert out.is_file()
    shown = [line for line in result.stderr.splitlines() if ": avviso [" in line]
    assert len(shown) == 30
    assert f"e altri avvisi non mostrati: 50; «incas plan validate {plan}»" in result.stderr
    validate = cli("plan", "validate", str(plan))
    assert validate.output.count(": avviso [") == 80
