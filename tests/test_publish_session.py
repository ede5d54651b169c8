"""One LibreOffice kept warm for a command: ``publish.office_session()``.

The same documents as a LibreOffice started for each of them, one office for many
documents, a fresh office after N documents and after a hang, nothing left behind.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from incas_cli import publish
from incas_cli.checks import check_document
from incas_cli.errors import ExternalToolError
from incas_cli.io import read_yaml
from incas_cli.render import render_docx
from tests.helpers import example_files, processes_mentioning

pytestmark = pytest.mark.office


def _docx(path: Path) -> bytes:
    plan = check_document(read_yaml(path)).plan
    assert plan is not None
    return render_docx(plan)


@pytest.fixture(scope="module")
def documents() -> list[bytes]:
    smallest = sorted(example_files(), key=lambda p: p.stat().st_size)[:2]
    return [_docx(path) for path in smallest]


def test_a_warm_office_gives_the_bytes_of_a_cold_one_and_starts_once(
    documents: list[bytes], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    cold = [publish.convert(d, "odt", title="Piano") for d in documents]
    cold_index = publish.update_indexes(documents[0])
    with publish.office_session() as office:
        warm = [publish.convert(d, "odt", title="Piano") for d in documents * 2]
        warm_index = publish.update_indexes(documents[0])
        assert office.started == 1
        assert len(list(tmp_path.glob("incas-lo-*"))) == 1  # one profile for the session
    assert warm == cold * 2
    assert warm_index == cold_index
    assert not list(tmp_path.glob("incas-lo-*"))


def test_a_fresh_office_after_n_documents(documents: list[bytes]) -> None:
    with publish.office_session(documents_per_office=2) as office:
        outputs = [publish.convert(documents[0], "odt", title="Piano") for _ in range(3)]
        assert office.started == 2
    assert outputs[0] == outputs[1] == outputs[2]


def test_after_a_hang_the_next_document_gets_a_fresh_office(
    documents: list[bytes], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with publish.office_session() as office:
        with pytest.raises(ExternalToolError) as caught:
            publish.convert(documents[0], "pdf", title="Piano", timeout=0.3)
        assert "entro 0,3 secondi ed è stato fermato" in caught.value.message
        assert not processes_mentioning(str(tmp_path))  # the hung office was killed
        assert publish.convert(documents[0], "odt", title="Piano").startswith(b"PK")
        assert office.started == 2
    assert not list(tmp_path.glob("incas-lo-*"))
    assert not processes_mentioning(str(tmp_path))


def test_a_session_that_never_converts_starts_no_office(tmp_path: Path) -> None:
    with publish.office_session() as office:
        pass
    assert office.started == 0


def test_a_caller_that_dies_leaves_no_office_nor_folder(
    documents: list[bytes], tmp_path: Path
) -> None:
    """Killed without a chance to clean up (SIGKILL, or os._exit as here), incas leaves the
    worker at the end of its input: it stops its office and removes the folder itself."""
    docx = tmp_path / "piano.docx"
    docx.write_bytes(documents[0])
    script = textwrap.dedent(
        f"""
        import os, tempfile
        from pathlib import Path
        tempfile.tempdir = {str(tmp_path)!r}
        from incas_cli import publish
        with publish.office_session():
            publish.update_indexes(Path({str(docx)!r}).read_bytes())
            os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=300)
    deadline = time.monotonic() + 60  # a hang guard, not a timing
    while list(tmp_path.glob("incas-lo-*")) or processes_mentioning(str(tmp_path)):
        assert time.monotonic() < deadline, processes_mentioning(str(tmp_path))
        time.sleep(0.1)
