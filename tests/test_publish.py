"""LibreOffice publishing: every example as PDF/A-2b (tagged) and ODT, read back as readers do.

The conversions run once per example (module-scoped fixture): one LibreOffice start each.
Without LibreOffice and python3-uno these tests are skipped with the reason shown; the
tests of the error messages for a missing LibreOffice run everywhere.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from incas_cli import publish
from incas_cli.checks import check_document
from incas_cli.errors import ExternalToolError
from incas_cli.io import load_yaml
from incas_cli.models import Plan
from incas_cli.publish import office
from incas_cli.publish import package as publish_package
from tests.helpers import example_files, processes_mentioning

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext non disponibile: sudo apt-get install poppler-utils",
)

A4 = {(595, 842), (842, 595)}  # points, portrait and landscape
ODT_MIME = b"application/vnd.oasis.opendocument.text"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _load(path: Path) -> Plan:
    result = check_document(load_yaml(path))
    assert result.plan is not None, result.findings
    return result.plan


def _render(plan: Plan) -> bytes:
    from incas_cli.render import render_docx

    return render_docx(plan)


def _headings(docx: bytes) -> list[str]:
    from docx import Document

    document = Document(io.BytesIO(docx))
    return [
        _flat(p.text)
        for p in document.paragraphs
        if p.style is not None
        and p.style.name in ("Heading 1", "Heading 2", "Heading 3")
        and p.text.strip()
    ]


@dataclass
class Published:
    name: str
    plan: Plan
    docx: bytes
    pdf: bytes
    odt: bytes

    @property
    def title(self) -> str:
        return self.plan.plan.title

    @property
    def measure_titles(self) -> list[str]:
        return [_flat(m.title) for m in self.plan.measures]


def _convert(plan: Plan, docx: bytes, fmt: str) -> bytes:
    """The docx of ``plan`` (as ``_render`` makes it) as PDF, with the structure tree
    completed from the document as ``plan render`` does, or as ODT."""
    assert fmt in ("pdf", "odt")
    tags = None
    if fmt == "pdf":
        from incas_cli.publish.pdf import document_tags
        from incas_cli.render import plan_document

        tags = document_tags(plan_document(plan))
    return publish.convert(
        docx,
        "pdf" if fmt == "pdf" else "odt",
        title=plan.plan.title,
        subject=f"Piano Locale Multisettoriale del Comune di {plan.comune.name}",
        author=plan.plan.office or f"Comune di {plan.comune.name}",
        keywords=("caporalato", "piano locale multisettoriale", plan.comune.name),
        tags=tags,
    )


@pytest.fixture(scope="module", params=example_files(), ids=lambda p: p.stem)
def published(request: pytest.FixtureRequest) -> Published:
    path: Path = request.param
    plan = _load(path)
    docx = _render(plan)
    return Published(
        path.stem, plan, docx, _convert(plan, docx, "pdf"), _convert(plan, docx, "odt")
    )


# --- PDF -----------------------------------------------------------------------------------


@pytest.mark.office
def test_pdf_is_a4_with_a_sane_page_count(published: Published) -> None:
    import pikepdf

    with pikepdf.open(io.BytesIO(published.pdf)) as pdf:
        sizes = {(round(float(p.mediabox[2])), round(float(p.mediabox[3]))) for p in pdf.pages}
        assert sizes <= A4, sizes
        assert 4 <= len(pdf.pages) <= 150


@pytest.mark.office
def test_pdf_metadata_title_language_and_pdfa(published: Published) -> None:
    import pikepdf

    with pikepdf.open(io.BytesIO(published.pdf)) as pdf:
        assert str(pdf.docinfo["/Title"]) == published.title
        assert str(pdf.Root.Lang) == "it-IT"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        meta = pdf.open_metadata()
        assert meta["dc:title"] == published.title
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "B"
        assert meta["pdfuaid:part"] == "1"
        assert "python-docx" not in str(pdf.docinfo.get("/Author", ""))
        # the plan's date, not the clock (LibreOffice stamps "now"; incas sets it again)
        modified = publish_package.docx_modified(published.docx)
        assert modified is not None
        digits = "".join(ch for ch in modified.decode() if ch.isdigit())
        assert str(pdf.docinfo["/CreationDate"]).startswith(f"D:{digits}")
        assert str(meta["xmp:CreateDate"]).startswith(modified.decode())


@pytest.mark.office
def test_pdf_is_tagged_with_an_outline_of_the_headings(published: Published) -> None:
    import pikepdf

    with pikepdf.open(io.BytesIO(published.pdf)) as pdf:
        assert bool(pdf.Root.MarkInfo.Marked)
        assert "/StructTreeRoot" in pdf.Root
        titles: list[str] = []
        with pdf.open_outline() as outline:
            stack = list(outline.root)
            while stack:
                item = stack.pop()
                titles.append(_flat(str(item.title)))
                stack.extend(item.children)
    headings = _headings(published.docx)
    assert headings
    missing = [h for h in headings if h not in titles]
    assert not missing, missing


@pytest.mark.office
@needs_pdftotext
def test_pdf_text_has_every_measure_and_a_toc_with_page_numbers(published: Published) -> None:
    done = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
        input=published.pdf,
        capture_output=True,
        check=True,
        timeout=60,
    )
    layout = done.stdout.decode("utf-8")
    flat = _flat(layout)
    for title in published.measure_titles:
        assert title in flat, title
    # Each top-level heading appears in the table of contents followed by a page number.
    top = [h for h in _headings(published.docx) if re.match(r"^\d+\. ", h)]
    assert top
    for heading in top:
        entry = re.compile(re.escape(heading) + r"\s*\.{3,}\s*(\d+)\s*$", re.MULTILINE)
        assert entry.search(layout), heading


# --- ODT -----------------------------------------------------------------------------------


@pytest.mark.office
def test_odt_package_metadata(published: Published) -> None:
    with zipfile.ZipFile(io.BytesIO(published.odt)) as odt:
        first = odt.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert odt.read("mimetype") == ODT_MIME
        meta = odt.read("meta.xml").decode("utf-8")
    assert f"<dc:title>{_xml_escape(published.title)}</dc:title>" in meta
    assert "<dc:language>it-IT</dc:language>" in meta


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.office
def test_odt_opens_again_in_libreoffice_with_every_measure(published: Published) -> None:
    text = _flat(publish.extract_text(published.odt, suffix=".odt"))
    for title in published.measure_titles:
        assert title in text, title


@pytest.mark.office
def test_odt_is_reproducible() -> None:
    plan = _load(min(example_files(), key=lambda p: p.stat().st_size))
    docx = _render(plan)
    assert _convert(plan, docx, "odt") == _convert(plan, docx, "odt")


@pytest.mark.office
def test_parallel_conversions_do_not_interfere() -> None:
    """Each conversion has its own LibreOffice profile and pipe: two at once both work."""
    from concurrent.futures import ThreadPoolExecutor

    plan = _load(min(example_files(), key=lambda p: p.stat().st_size))
    docx = _render(plan)
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(lambda _: _convert(plan, docx, "odt"), range(2))
    assert first == second


# --- table of contents in the docx ---------------------------------------------------------


@pytest.mark.office
def test_update_indexes_fills_the_toc_and_keeps_the_properties() -> None:
    from docx import Document

    plan = _load(min(example_files(), key=lambda p: p.stat().st_size))
    docx = _render(plan)
    first = publish.update_indexes(docx)
    assert publish.update_indexes(docx) == first  # same input, same bytes
    before, after = Document(io.BytesIO(docx)), Document(io.BytesIO(first))
    assert after.core_properties.title == before.core_properties.title == plan.plan.title
    assert after.core_properties.author == before.core_properties.author
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    top = [h for h in _headings(docx) if re.match(r"^\d+\. ", h)]
    # A filled TOC: every top-level heading, a tab, a page number, inside the TOC field.
    for heading in top:
        pattern = re.escape(_xml_escape(heading)) + r"</w:t>(?:<[^>]+>)*?<w:tab/>(?:<[^>]+>)*?\d+"
        assert re.search(pattern, body), heading
    assert "TOC \\" in body


# --- failures ------------------------------------------------------------------------------


def test_missing_libreoffice_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(office.SOFFICE_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(office, "USUAL_LOCATIONS", ())
    assert publish.find_soffice() is None
    assert not publish.libreoffice_available()
    calls: list[Callable[[], bytes]] = [
        lambda: publish.convert(b"PK", "pdf", title="Piano"),
        lambda: publish.convert(b"PK", "odt", title="Piano"),
        lambda: publish.update_indexes(b"PK"),
    ]
    for call in calls:
        with pytest.raises(ExternalToolError) as caught:
            call()
        assert "LibreOffice non è installato" in caught.value.message
        assert caught.value.hint is not None
        assert "sudo apt-get install libreoffice-writer-nogui python3-uno" in caught.value.hint
        assert "docx non ha bisogno di LibreOffice" in caught.value.hint
    with pytest.raises(ExternalToolError) as caught:
        publish.convert(b"PK", "pdf", title="Piano")
    assert "formato PDF" in caught.value.message


def test_libreoffice_can_be_disabled_or_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(office.SOFFICE_ENV, "")
    assert publish.find_soffice() is None
    monkeypatch.setenv(office.SOFFICE_ENV, sys.executable)
    assert publish.find_soffice() == Path(sys.executable)


def test_missing_python3_uno_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(office.SOFFICE_ENV, sys.executable)  # any program stands in for soffice
    monkeypatch.setenv(office.UNO_PYTHON_ENV, "")
    with pytest.raises(ExternalToolError) as caught:
        publish.convert(b"PK", "odt", title="Piano")
    assert "python3-uno" in caught.value.message
    assert caught.value.hint is not None and "sudo apt-get install python3-uno" in caught.value.hint


@pytest.mark.office
def test_a_hung_conversion_is_stopped_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plan = _load(min(example_files(), key=lambda p: p.stat().st_size))
    docx = _render(plan)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(ExternalToolError) as caught:
        publish.convert(docx, "pdf", title=plan.plan.title, timeout=0.3)
    assert caught.value.message == (
        "LibreOffice non ha completato il formato PDF entro 0,3 secondi ed è stato fermato."
    )
    assert caught.value.hint
    # The private profile is gone and no LibreOffice of ours is left running.
    assert not list(tmp_path.glob("incas-lo-*"))
    if Path("/proc").is_dir():
        assert not processes_mentioning(str(tmp_path))


def _odt(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, content in entries:
            zf.writestr(name, content)
    return buffer.getvalue()


def test_odt_normalised_whatever_the_run_left_behind() -> None:
    """LibreOffice under load writes the time the conversion took and, in some runs, an
    empty ``Configurations2/accelerator/`` folder, in an order that varies: two such
    runs of one document give the same bytes."""
    from incas_cli.publish.package import normalize_odt

    meta = b"<meta:editing-duration>%s</meta:editing-duration>"
    fast = _odt(
        [
            ("mimetype", ODT_MIME),
            ("Configurations2/toolbar/", b""),
            ("meta.xml", meta % b"P0D"),
            ("content.xml", b"<x/>"),
        ]
    )
    slow = _odt(
        [
            ("mimetype", ODT_MIME),
            ("content.xml", b"<x/>"),
            ("Configurations2/accelerator/", b""),
            ("Configurations2/toolbar/", b""),
            ("meta.xml", meta % b"PT1S"),
        ]
    )
    assert normalize_odt(fast, None) == normalize_odt(slow, None)
    with zipfile.ZipFile(io.BytesIO(normalize_odt(slow, None))) as odt:
        assert odt.namelist()[0] == "mimetype"
        assert odt.read("meta.xml") == meta % b"P0D"


def test_pdf_metadata_is_escaped_once() -> None:
    """LibreOffice 7.4 escapes the XMP's text twice (``l&amp;apos;immigrazione``): the
    packet is fixed in place, padded to its length, so every offset stays valid."""
    from incas_cli.publish.pdf import normalize_pdf

    packet = (
        b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        b"<dc:creator><rdf:Seq><rdf:li>Ufficio per l&amp;apos;immigrazione &amp;amp; "
        b"politiche sociali</rdf:li></rdf:Seq></dc:creator>" + b" " * 40 + b'<?xpacket end="w"?>'
    )
    pdf = b"%PDF-1.7\n1 0 obj\n<< /Length 1 >>\nstream\n" + packet + b"\nendstream\nendobj\n"
    fixed = normalize_pdf(pdf, b"2023-11-28T00:00:00")
    assert len(fixed) == len(pdf)
    assert b"<rdf:li>Ufficio per l&apos;immigrazione &amp; politiche sociali</rdf:li>" in fixed
    assert b"&amp;apos;" not in fixed and b"&amp;amp;" not in fixed
    assert normalize_pdf(fixed, b"2023-11-28T00:00:00") == fixed  # once, not at every pass
